#!/bin/sh
# Regenerates docs/img/view-2021-07-09.png and docs/img/view-2021-10-31.png: the page of
# `bordermap view` for the example in headless Chromium (see tests/view.rs). Needs the Debian
# package chromium.
set -eu
cd "$(dirname "$0")/../.."
BORDERMAP_WRITE_SCREENSHOT=1 cargo test --test view screenshots -- --nocapture
