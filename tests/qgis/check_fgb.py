#!/usr/bin/env python3
"""Opens FlatGeobuf files in real QGIS (PyQGIS, headless) and says what QGIS reads.

    QT_QPA_PLATFORM=offscreen python3 tests/qgis/check_fgb.py [--rect XMIN,YMIN,XMAX,YMAX] [--project QGS] FILE.fgb...

Prints one JSON object: for each FILE, {"valid", "name" (the layer's name in QGIS), "geometry"
(QgsWkbTypes.displayString), "count" (featureCount), "crs" (authid), "fields" ([name,
typeName] in order), "spatial_index" (whether the provider reports one present), "ids" (the
`id` values, sorted), "ids_in_rect" (those a QgsFeatureRequest filter rectangle returns,
sorted, with --rect), "iterated" (how many features iterating the layer gives)}; with
--project QGS, also "project": {layer name: {"valid", "source", "count", "renderer",
"temporal"}} for each layer of that project as QGIS reads it. tests/fgb.rs
holds the expectations; this script only reads. Exits 2 on bad arguments."""

import argparse
import json
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)


def read(path, rect):
    layer = QgsVectorLayer(path, os.path.splitext(os.path.basename(path))[0], "ogr")
    out = {"valid": layer.isValid()}
    if not layer.isValid():
        return out
    fields = layer.fields()
    names = fields.names()
    out["name"] = layer.dataProvider().subLayers()[0].split("!!::!!")[1] if layer.dataProvider().subLayers() else ""
    out["geometry"] = QgsWkbTypes.displayString(layer.wkbType())
    out["count"] = layer.featureCount()
    out["crs"] = layer.crs().authid()
    out["fields"] = [[f.name(), f.typeName()] for f in fields]
    out["spatial_index"] = layer.dataProvider().hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    ids = []
    n = 0
    for f in layer.getFeatures():
        n += 1
        if "id" in names:
            ids.append(str(f["id"]))
    out["iterated"] = n
    out["ids"] = sorted(ids)
    if rect is not None:
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(*rect))
        out["ids_in_rect"] = sorted(str(f["id"]) for f in layer.getFeatures(request) if "id" in names)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rect", help="XMIN,YMIN,XMAX,YMAX")
    parser.add_argument("--project", help="a .qgs to open")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    rect = None
    if args.rect:
        try:
            rect = [float(v) for v in args.rect.split(",")]
            assert len(rect) == 4
        except (ValueError, AssertionError):
            print("--rect takes XMIN,YMIN,XMAX,YMAX", file=sys.stderr)
            sys.exit(2)
    app = QgsApplication([], False)
    app.initQgis()
    report = {path: read(path, rect) for path in args.files}
    if args.project:
        project = QgsProject.instance()
        layers = {}
        if project.read(args.project):
            for layer in project.mapLayers().values():
                layers[layer.name()] = {
                    "valid": layer.isValid(),
                    "source": layer.source(),
                    "count": layer.featureCount(),
                    "renderer": layer.renderer().type() if layer.renderer() else None,
                    "temporal": layer.temporalProperties().isActive(),
                }
        report["project"] = layers
    print(json.dumps(report, indent=1, sort_keys=True))
    app.exitQgis()


if __name__ == "__main__":
    main()
