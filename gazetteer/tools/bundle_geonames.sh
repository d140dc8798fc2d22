#!/usr/bin/env bash
# Builds gazetteer/geonames.csv, the bundled GeoNames layer under the curated places.csv, with
# bordermap's own importer (`bordermap gazetteer import geonames`):
#   - every Afghan row of the cities500 extract (provinces' capitals PPLA, district centres
#     PPLA2, towns and villages of 500 people or more);
#   - the neighbours' rows (TJ, IR, TM, UZ, PK) within WITHIN_KM (default 100) of an Afghan
#     border;
# then drops the rows that copy a curated place (the importer writes a curated place it merged
# aliases into; the curated file keeps its own entry as it is).
#
#   gazetteer/tools/bundle_geonames.sh DIR_WITH_CITIES500 [WITHIN_KM]
#
# DIR holds AF.cities500.txt, TJ.cities500.txt, … (GeoNames rows, 19 tab-separated columns;
# per-country extracts of https://download.geonames.org/export/dump/cities500.zip, or the
# country dumps AF.zip … for every populated place). Data © GeoNames, CC BY 4.0.
set -euo pipefail
src=${1:?usage: bundle_geonames.sh DIR_WITH_CITIES500 [WITHIN_KM]}
within=${2:-100}
cd "$(dirname "$0")/../.."
cargo build --quiet --bin bordermap
bin=target/debug/bordermap
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Imported against the curated places only (a gazetteer folder of the borders and places.csv,
# without the GeoNames layer bundled now), into an empty file.
mkdir "$tmp/curated"
cp gazetteer/borders.geojson gazetteer/countries.geojson gazetteer/places.csv "$tmp/curated/"
export BORDERMAP_GAZETTEER="$tmp/curated"
export BORDERMAP_USER_PLACES="$tmp/geonames.csv"
$bin gazetteer import geonames --countries AF "$src/AF.cities500.txt"
neighbours=()
for c in TJ IR TM UZ PK; do
  [ -f "$src/$c.cities500.txt" ] && neighbours+=("$src/$c.cities500.txt")
done
$bin gazetteer import geonames --countries TJ,IR,TM,UZ,PK --within-km "$within" "${neighbours[@]}"
# The curated ids: rows of the import that carry one are curated places with merged aliases.
cut -d, -f1 gazetteer/places.csv | tail -n +2 | sort > "$tmp/curated-ids"
python3 - "$tmp/geonames.csv" "$tmp/curated-ids" gazetteer/geonames.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
curated = set(open(sys.argv[2]).read().split())
head, body = rows[0], [r for r in rows[1:] if r and r[0] not in curated]
body.sort(key=lambda r: r[0])
with open(sys.argv[3], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(head)
    w.writerows(body)
print(f"gazetteer/geonames.csv: {len(body)} places ({len(rows) - 1 - len(body)} curated ones left to places.csv)")
PY
