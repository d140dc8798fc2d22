#!/usr/bin/env bash
# bordermap beside its peers, on one generated input, one machine, one run: the ratios come
# from the same conditions.
#
#   bench/peers.sh [EVENTS] [PLACES]      defaults: 1000000 100000
#       work files in ${BENCH_DIR:-/tmp/bordermap-bench-peers}; the geopandas virtualenv in
#       $BENCH_DIR/venv (made on the first run: pip install geopandas pyogrio pyproj shapely)
#
# The input: EVENTS events with coordinates (lat, lon; the place name kept as a label) over
# PLACES generated places (examples/generate.rs, seed 1), and the bundled border file.
#   bordermap default  `map --by day` (every layer, full properties: what a user gets)
#   bordermap lean     `map --by day --layers periods --properties compact`
#   geopandas          nearest border per distinct point, geodesic distance, the events
#                      within 60 km written one GeoJSON file per border and day
#                      (bench/peers_geopandas.py): the lean run's job
#   ogr2ogr            the bare format conversion, CSV to one GeoJSON, no distances
# Prints wall time and peak RSS (GNU time) for each, then the ratios to bordermap's runs.
set -euo pipefail
events=${1:-1000000}
places=${2:-100000}
dir=${BENCH_DIR:-/tmp/bordermap-bench-peers}
mkdir -p "$dir"
cd "$(dirname "$0")/.."
repo=$PWD
cargo build --release --quiet --bin bordermap --example generate
bin=$repo/target/release
command -v ogr2ogr >/dev/null || { echo "needs ogr2ogr (Debian: gdal-bin)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian: time)" >&2; exit 2; }
if [ ! -x "$dir/venv/bin/python" ]; then
  python3 -m venv "$dir/venv"
  "$dir/venv/bin/pip" install --quiet geopandas pyogrio pyproj shapely
fi

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(date -u +%F)"
echo "== input: $events events with coordinates over $places places (seed 1)"
$bin/examples/generate places "$places" 1 > "$dir/places.csv"
$bin/examples/generate events-at "$events" "$places" 1 > "$dir/events.csv"
ls -l "$dir/events.csv" | awk '{print "  " $5 " bytes"}'
# The places file's on-disk index is built on its first load, outside the timings.
$bin/bordermap --user-places "$dir/places.csv" resolve "$(sed -n 2p "$dir/places.csv" | cut -d, -f2)" > /dev/null

results=$dir/results.txt
: > "$results"
measure() {
  local name=$1
  shift
  rm -rf "$dir/out-$name"
  mkdir -p "$dir/out-$name"
  sync
  /usr/bin/time -f "%e %M" -o "$dir/time-$name" "$@" > "$dir/log-$name" 2>&1 || {
    echo "$name failed:" >&2
    tail -5 "$dir/log-$name" >&2
    exit 1
  }
  read -r wall rss < "$dir/time-$name"
  echo "$name $wall $rss" >> "$results"
  printf "  %-18s wall %7.2f s   peak RSS %6.0f MB   %s\n" "$name" "$wall" "$((rss / 1024))" \
    "$(find "$dir/out-$name" -type f | wc -l) files"
  grep -h "stage\|geopandas:" "$dir/log-$name" | sed 's/^/      /' || true
}
echo "== runs"
measure "bordermap-default" $bin/bordermap --user-places "$dir/places.csv" map "$dir/events.csv" \
  --out "$dir/out-bordermap-default/layers" --by day --timings
measure "bordermap-lean" $bin/bordermap --user-places "$dir/places.csv" map "$dir/events.csv" \
  --out "$dir/out-bordermap-lean/layers" --by day --layers periods --properties compact --timings
measure "geopandas" "$dir/venv/bin/python" bench/peers_geopandas.py "$dir/events.csv" gazetteer/borders.geojson \
  "$dir/out-geopandas"
measure "ogr2ogr" ogr2ogr -f GeoJSON "$dir/out-ogr2ogr/events.geojson" "$dir/events.csv" \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326

echo "== ratios (peer wall / bordermap wall; targets: default >= 20x geopandas, >= 5x ogr2ogr)"
awk '
  { wall[$1] = $2 }
  END {
    printf "  geopandas / bordermap default  %6.1fx\n", wall["geopandas"] / wall["bordermap-default"]
    printf "  geopandas / bordermap lean     %6.1fx\n", wall["geopandas"] / wall["bordermap-lean"]
    printf "  ogr2ogr   / bordermap default  %6.1fx\n", wall["ogr2ogr"] / wall["bordermap-default"]
    printf "  ogr2ogr   / bordermap lean     %6.1fx\n", wall["ogr2ogr"] / wall["bordermap-lean"]
  }' "$results"
