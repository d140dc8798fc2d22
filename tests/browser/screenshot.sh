#!/bin/sh
# Regenerates docs/img/geojson-view.png: the example's top-level layers drawn like geojson.io
# in headless Chromium (see tests/browser.rs). Needs the Debian package chromium.
set -eu
cd "$(dirname "$0")/../.."
BORDERMAP_WRITE_SCREENSHOT=1 cargo test --test browser screenshot -- --nocapture
