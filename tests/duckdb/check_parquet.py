"""Reads bordermap's GeoParquet dataset with DuckDB (and its metadata with pyarrow, its
geometry with shapely) and prints one JSON object for tests/geoparquet.rs to compare.

    python check_parquet.py DIR/events.parquet

Prints:
  groups:   [[border, date, rows, sum(distance_km)], ...] from DuckDB over the whole dataset
            read with hive_partitioning (border and date from the folder names)
  types:    {column: DuckDB type} of the dataset
  spatial:  "installed" or the error of `INSTALL spatial` (the extension is downloaded)
  files:    [{path, rows, geo, problems}] per part file: the `geo` key-value metadata as
            DuckDB's parquet_kv_metadata reads it, and what shapely found wrong with its WKB
            against that metadata (types, file bbox, per-row bbox covering column, lon/lat
            range) and whether pyarrow reads the same `geo` metadata
Exits non-zero only on an error reading the files.
"""

import glob
import json
import os
import sys

import duckdb
import pyarrow.parquet as pq
import shapely

root = sys.argv[1]
pattern = os.path.join(root, "**", "*.parquet")
con = duckdb.connect()

try:
    con.execute("INSTALL spatial")
    con.execute("LOAD spatial")
    spatial = "installed"
except Exception as e:  # no network to extensions.duckdb.org
    spatial = f"{type(e).__name__}: {str(e).splitlines()[0]}"

src = f"read_parquet('{pattern}', hive_partitioning = true)"
groups = con.execute(
    f"SELECT border, CAST(date AS VARCHAR) AS day, count(*) AS n, sum(distance_km) AS km "
    f"FROM {src} GROUP BY border, day ORDER BY border, day"
).fetchall()
types = {name: ty for name, ty, *_ in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()}

files = []
for path in sorted(glob.glob(pattern, recursive=True)):
    rel = os.path.relpath(path, root)
    kv = con.execute(
        "SELECT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = 'geo'", [path]
    ).fetchall()
    geo = json.loads(kv[0][0]) if kv else None
    problems = []
    table = pq.read_table(path)
    # As GeoPandas finds it: the table's schema metadata (from the file's key-value metadata).
    pa_geo = (table.schema.metadata or {}).get(b"geo")
    pyarrow_equal = pa_geo is not None and json.loads(pa_geo) == geo
    if not pyarrow_equal:
        problems.append("pyarrow reads other geo metadata")
    col = (geo or {}).get("columns", {}).get("geometry", {})
    geoms = shapely.from_wkb(table.column("geometry").to_pylist())
    kinds = sorted({g.geom_type for g in geoms})
    if kinds != sorted(col.get("geometry_types", [])):
        problems.append(f"geometry types {kinds} but metadata says {col.get('geometry_types')}")
    if any(shapely.is_empty(g) or not shapely.is_valid(g) for g in geoms):
        problems.append("an empty or invalid geometry")
    lo = shapely.bounds(geoms)  # xmin, ymin, xmax, ymax per row
    fb = [float(lo[:, 0].min()), float(lo[:, 1].min()), float(lo[:, 2].max()), float(lo[:, 3].max())]
    if [round(v, 9) for v in fb] != [round(v, 9) for v in col.get("bbox", [])]:
        problems.append(f"file bbox {fb} but metadata says {col.get('bbox')}")
    cover = table.column("bbox").to_pylist()
    for i, b in enumerate(cover):
        if [b["xmin"], b["ymin"], b["xmax"], b["ymax"]] != [float(v) for v in lo[i]]:
            problems.append(f"row {i}: bbox column {b} is not the geometry's {list(lo[i])}")
            break
    xs, ys = lo[:, [0, 2]], lo[:, [1, 3]]
    if not ((xs >= -180).all() and (xs <= 180).all() and (ys >= -90).all() and (ys <= 90).all()):
        problems.append("coordinates outside lon/lat")
    files.append({"path": rel, "rows": table.num_rows, "geo": geo, "problems": problems})

print(json.dumps({"groups": groups, "types": types, "spatial": spatial, "files": files}))
