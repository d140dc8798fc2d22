#!/usr/bin/env bash
# The mapper end to end: a generated gazetteer of PLACES places and EVENTS events (seeded, so
# the same every time), then `bordermap map --by day` with every layer and full properties,
# and with per-border per-day layers only and compact properties (the job the performance
# issue compares with geopandas and ogr2ogr).
#
#   bench/map.sh [EVENTS] [PLACES] [full|lean|both]
#       defaults: 1000000 100000 both; work files in ${BENCH_DIR:-/tmp/bordermap-bench-map}
#
# Prints, for each run: wall time, user and system CPU time, peak RSS (GNU time), the number of
# files and their total size. The first run also builds the places file's on-disk index; it is
# reported separately and not counted in the map runs. At 10 M events the full run writes about
# 27 GB: `bench/map.sh 10000000 100000 lean`.
set -euo pipefail
events=${1:-1000000}
places=${2:-100000}
which=${3:-both}
dir=${BENCH_DIR:-/tmp/bordermap-bench-map}
mkdir -p "$dir"
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin bordermap --example generate
bin=$PWD/target/release
time_v() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "  wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@"
  else
    time "$@"
  fi
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "== generating $places places and $events events (seed 1)"
$bin/examples/generate places "$places" 1 > "$dir/places.csv"
time_v $bin/examples/generate events "$events" "$places" 1 > "$dir/events.csv"
ls -l "$dir/places.csv" "$dir/events.csv" | awk '{print "  " $5 " bytes  " $9}'

echo "== places index (first load only)"
rm -f "$dir/places.csv.bmindex"
time_v $bin/bordermap --user-places "$dir/places.csv" resolve "$(sed -n 2p "$dir/places.csv" | cut -d, -f2)" > /dev/null

run() {
  local name=$1
  shift
  echo "== map --by day $*"
  rm -rf "$dir/out-$name"
  sync
  time_v $bin/bordermap --user-places "$dir/places.csv" map "$dir/events.csv" --out "$dir/out-$name" --by day "$@" 2>&1 \
    | sed 's/^/  /'
  echo "  $(find "$dir/out-$name" -type f | wc -l) files, $(du -sb "$dir/out-$name" | cut -f1) bytes"
}
case $which in
  full) run full ;;
  lean) run lean --layers periods --properties compact ;;
  both)
    run full
    run lean --layers periods --properties compact
    ;;
  *)
    echo "usage: bench/map.sh [EVENTS] [PLACES] [full|lean|both]" >&2
    exit 2
    ;;
esac
