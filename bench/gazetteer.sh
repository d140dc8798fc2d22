#!/usr/bin/env bash
# Gazetteer at scale: import a generated GeoNames-format dump into a user places file, then
# measure load time and resolve rates of the resulting gazetteer (bundled + that file).
#
#   bench/gazetteer.sh [ROWS]        (default 1,000,000; work files in ${BENCH_DIR:-/tmp/bordermap-bench})
#
# Prints wall time, CPU time and peak RSS of the import (GNU time), then the figures of
# examples/gazetteer_scale.rs. Deterministic: the generator is seeded.
set -euo pipefail
rows=${1:-1000000}
dir=${BENCH_DIR:-/tmp/bordermap-bench}
mkdir -p "$dir"
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin bordermap --example generate --example gazetteer_scale
bin=target/release
time_v() { if [ -x /usr/bin/time ]; then /usr/bin/time -v "$@"; else "$@"; fi; }

echo "== generating $rows GeoNames rows"
$bin/examples/generate geonames "$rows" 1 > "$dir/geonames.txt"
ls -l "$dir/geonames.txt"

echo "== import (all rows of the region's countries, default feature codes)"
rm -f "$dir/places.csv" "$dir/places.csv.bmindex" "$dir/places.csv.lock"
time_v $bin/bordermap --user-places "$dir/places.csv" gazetteer import geonames "$dir/geonames.txt" 2>&1 \
  | grep -E "rows in|Elapsed|Maximum resident|User time|System time" || true
ls -l "$dir/places.csv"

echo "== load and resolve (first load builds the on-disk index)"
time_v $bin/examples/gazetteer_scale "$dir/places.csv" 1000000 2>&1 \
  | grep -vE "^\s+(Command|Percent|Average|Exit|Page|File|Socket|Signals|Swaps|Voluntary|Involuntary|Minor|Major)" || true
ls -l "$dir/places.csv.bmindex"
