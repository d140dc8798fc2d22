#!/usr/bin/env bash
# What each layer family of the default run costs: the default `map --by day` (every family,
# full properties), then the same with one family left out at a time, on one generated input,
# back to back. The cost of a family is the default run's wall time and peak RSS less those of
# the run without it.
#
#   bench/layer_costs.sh [EVENTS] [PLACES]      defaults: 1000000 100000
#       work files in ${BENCH_DIR:-/tmp/bordermap-bench-peers} (shared with bench/peers.sh)
#
# Families (`--layers`): borders, periods, timeline, control (with shares.csv), interior,
# places. The GeoPackage, FlatGeobuf and GeoParquet formats are not on by default; the QGIS
# styles and project are written with every GeoJSON run (they are a few files, not per event).
set -euo pipefail
events=${1:-1000000}
places=${2:-100000}
dir=${BENCH_DIR:-/tmp/bordermap-bench-peers}
mkdir -p "$dir"
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin bordermap --example generate
bin=$PWD/target/release
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian: time)" >&2; exit 2; }
if [ ! -s "$dir/events-$events-$places.csv" ]; then
  $bin/examples/generate places "$places" 1 > "$dir/places.csv"
  $bin/examples/generate events-at "$events" "$places" 1 > "$dir/events-$events-$places.csv"
fi
input=$dir/events-$events-$places.csv
$bin/bordermap --user-places "$dir/places.csv" resolve "$(sed -n 2p "$dir/places.csv" | cut -d, -f2)" > /dev/null

all="borders periods timeline control interior places"
run() {
  local name=$1 layers=$2
  rm -rf "$dir/out-costs"
  sync
  /usr/bin/time -f "%e %M" -o "$dir/time-costs" $bin/bordermap --user-places "$dir/places.csv" map "$input" \
    --out "$dir/out-costs" --by day --layers "$layers" > /dev/null 2>&1
  read -r wall rss < "$dir/time-costs"
  local bytes
  bytes=$(du -sb "$dir/out-costs" | cut -f1)
  echo "$name $wall $rss $bytes"
}
echo "== $(nproc) cores; $(date -u +%F); $events events with coordinates over $places places"
default=$(run default "$(echo $all | tr ' ' ,)")
read -r _ dwall drss dbytes <<< "$default"
printf "  %-22s wall %6.2f s  peak RSS %5d MB  output %6d MB\n" "default" "$dwall" "$((drss / 1024))" "$((dbytes >> 20))"
for family in $all; do
  rest=$(echo $all | tr ' ' '\n' | grep -vx "$family" | paste -sd,)
  read -r _ wall rss bytes <<< "$(run "$family" "$rest")"
  printf "  %-22s wall %6.2f s  peak RSS %5d MB  output %6d MB   (the family costs %5.2f s, %4d MB RSS, %5d MB of output)\n" \
    "without $family" "$wall" "$((rss / 1024))" "$((bytes >> 20))" \
    "$(awk "BEGIN { print $dwall - $wall }")" "$(((drss - rss) / 1024))" "$(((dbytes - bytes) >> 20))"
done
