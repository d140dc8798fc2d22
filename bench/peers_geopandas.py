"""The job `bordermap map --by day --layers periods` does, done with geopandas, for bench/peers.sh.

Reads an events CSV with `lat`, `lon` and `date`; finds the nearest border of each distinct
point (geopandas' sjoin_nearest in UTM 42N, the zone over Afghanistan), measures the geodesic
distance (WGS84, pyproj.Geod) from the point to the closest point of that border, keeps the
events within 60 km, and writes one GeoJSON file per border and day.

    python bench/peers_geopandas.py EVENTS.csv BORDERS.geojson OUT_DIR
"""

import os
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod
from shapely.geometry import Point
from shapely.ops import nearest_points

MAX_KM = 60.0


def main(events_path, borders_path, out):
    t0 = time.perf_counter()
    events = pd.read_csv(events_path, dtype=str, keep_default_na=False)
    events["lat"] = events["lat"].astype(float)
    events["lon"] = events["lon"].astype(float)
    t_read = time.perf_counter()
    points = events[["lon", "lat"]].drop_duplicates().reset_index(drop=True)
    gpts = gpd.GeoDataFrame(points, geometry=gpd.points_from_xy(points.lon, points.lat), crs=4326)
    borders = gpd.read_file(borders_path)[["id", "geometry"]]
    near = gpd.sjoin_nearest(gpts.to_crs(32642), borders.to_crs(32642), how="left")
    near = near[~near.index.duplicated(keep="first")]
    line = borders.set_index("id").geometry
    closest = [nearest_points(line[b], Point(x, y))[0] for b, x, y in zip(near["id"], points.lon, points.lat)]
    geod = Geod(ellps="WGS84")
    _, _, metres = geod.inv(points.lon.to_numpy(), points.lat.to_numpy(),
                            np.array([c.x for c in closest]), np.array([c.y for c in closest]))
    points["border"] = near["id"].to_numpy()
    points["distance_km"] = np.round(metres / 1000.0, 3)
    t_locate = time.perf_counter()
    located = events.merge(points, on=["lon", "lat"], how="left")
    located = located[located.distance_km <= MAX_KM]
    files = 0
    for (border, day), group in located.groupby(["border", "date"], sort=True):
        folder = os.path.join(out, border)
        os.makedirs(folder, exist_ok=True)
        frame = gpd.GeoDataFrame(group, geometry=gpd.points_from_xy(group.lon, group.lat), crs=4326)
        frame.to_file(os.path.join(folder, f"{day}.geojson"), driver="GeoJSON", engine="pyogrio")
        files += 1
    t_write = time.perf_counter()
    print(f"geopandas: {len(events)} events, {len(points)} distinct points, {len(located)} within {MAX_KM:.0f} km, "
          f"{files} files; read {t_read - t0:.2f} s, locate {t_locate - t_read:.2f} s, "
          f"build+write {t_write - t_locate:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
