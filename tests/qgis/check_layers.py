#!/usr/bin/env python3
"""Checks a bordermap layers folder in real QGIS (PyQGIS, headless).

    QT_QPA_PLATFORM=offscreen python3 tests/qgis/check_layers.py LAYERS_DIR --schema SCHEMA.json

SCHEMA.json: {"events": [["kind", "Text"], ...], "border": [...], "control": [...],
"places": [...]} (the fields of src/layers/schema.rs, exported by tests/qgis.rs).

Checks, for every GeoJSON file index.json lists: it opens as a valid layer of one geometry
type matching its `geometry`, with index.json's feature count; the fields (names, order and
QGIS types) are the schema's for its kind, the same in every file; the .qml beside it is applied
on open (the renderer of its kind, the legend in order) with temporal control on `start` /
`until`; and for each day (QGIS's own Temporal Controller frames, one day each), the features
QGIS's temporal filter keeps are those whose [start, end] covers that day, computed here from
the GeoJSON with the json module. Then bordermap.qgs and bordermap.gpkg, when present.
Prints a report; exits 1 on any failure, 2 on bad arguments."""

import argparse
import datetime
import json
import os
import sys

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDateTimeRange,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsInterval,
    QgsProject,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSymbol,
    QgsSymbolLayer,
    QgsTemporalNavigationObject,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
    QgsVectorLayerTemporalProperties,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

# schema.rs type -> accepted (QgsField.typeName(), QgsField.type()) pairs.
QGIS_TYPES = {
    "Text": {("String", QVariant.String)},
    "Integer": {("Integer", QVariant.Int), ("Integer64", QVariant.LongLong)},
    "Real": {("Real", QVariant.Double)},
    "Date": {("Date", QVariant.Date)},
    "Boolean": {("Boolean", QVariant.Bool)},
}
RENDERER = {"events": "RuleRenderer", "control": "RuleRenderer", "places": "singleSymbol", "border": "singleSymbol"}
LEGEND = ["Confirmed", "Claimed", "Disputed", "Denied"]
GEOMETRY = {"points": {QgsWkbTypes.Point}, "lines": {QgsWkbTypes.LineString, QgsWkbTypes.MultiLineString}}


class Report:
    def __init__(self):
        self.failures = []
        self.notes = []

    def fail(self, what, msg):
        self.failures.append(f"{what}: {msg}")
        print(f"FAIL {what}: {msg}")

    def check(self, ok, what, msg):
        if not ok:
            self.fail(what, msg)
        return ok

    def note(self, msg):
        self.notes.append(msg)
        print(f"  {msg}")


def day(s):
    return datetime.date.fromisoformat(s)


def qdt(d):
    return QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0))


def read_geojson(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def check_renderer(r, what, layer, kind):
    """The renderer of the kind: the style was applied (not QGIS's default single symbol)."""
    renderer = layer.renderer()
    rtype = renderer.type() if renderer else None
    r.check(rtype == RENDERER[kind], what, f"renderer {rtype!r}, expected {RENDERER[kind]!r} (style not applied?)")
    if rtype == "RuleRenderer":
        labels = [c.label() for c in renderer.rootRule().children()]
        r.check(labels == LEGEND, what, f"legend {labels}, expected {LEGEND}")
        forms = []
        for parent in renderer.rootRule().children():
            kids = parent.children()
            r.check(len(kids) >= 2 and kids[-1].isElse(), what, f"{parent.label()}: no ELSE child")
            if not r.check(all(k.symbol() is not None for k in kids), what, f"{parent.label()}: a child without symbol"):
                return
            forms.append(form(kids[0].symbol()))
            colours = {k.symbol().color().name() for k in kids}
            if parent.label() != "Denied":
                r.check(len(colours) == len(kids), what, f"{parent.label()}: {len(colours)} colours for {len(kids)} types")
        # Each claim status has its own form (the style's properties were read, not defaulted).
        r.check(len(set(forms)) == len(forms), what, f"claim statuses share a form: {forms}")
    if rtype == "singleSymbol" and kind == "places" and layer.geometryType() == QgsWkbTypes.PointGeometry:
        r.check(layer.labelsEnabled(), what, "place counts not labelled")
        size = renderer.symbol().symbolLayer(0).dataDefinedProperties().property(QgsSymbolLayer.PropertySize)
        r.check(size.isActive() and "events" in size.expressionString(), what, "ring not sized by the events field")


def form(symbol):
    """What tells a claim status apart besides colour: marker shape and size, line width and dashes."""
    sl = symbol.symbolLayer(0)
    if symbol.type() == QgsSymbol.Marker:
        return ("marker", QgsSimpleMarkerSymbolLayerBase.encodeShape(sl.shape()), round(sl.size(), 2))
    return ("line", round(sl.width(), 2), sl.useCustomDashPattern(), tuple(sl.customDashVector()))


def check_tips(r, what, layer):
    """The display expression and the map tip evaluate on every feature, to text that names it."""
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    display = QgsExpression(layer.displayExpression())
    r.check(not display.hasParserError(), what, f"display expression {layer.displayExpression()!r}: {display.parserErrorString()}")
    tip = layer.mapTipTemplate()
    if not r.check(tip.strip() != "", what, "no map tip"):
        return
    fields = set(layer.fields().names())
    missing = sorted(c for c in display.referencedColumns() if c not in fields)
    r.check(not missing, what, f"display expression uses missing fields {missing}")
    for f in layer.getFeatures():
        ctx.setFeature(f)
        shown = display.evaluate(ctx)
        text = QgsExpression.replaceExpressionText(tip, ctx)
        ok = (not display.hasEvalError() and shown not in (None, "") and str(shown) != "NULL"
              and "[%" not in text and text.strip() != "")
        if not r.check(ok, what, f"feature {f.id()}: display {shown!r} ({display.evalErrorString()}), map tip {text!r}"):
            return


def check_temporal(r, what, layer, kind):
    tp = layer.temporalProperties()
    if kind == "border":
        r.check(not tp.isActive(), what, "temporal control on for border lines")
        return
    r.check(tp.isActive(), what, "temporal control off")
    r.check(tp.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields, what, f"temporal mode {tp.mode()}")
    r.check((tp.startField(), tp.endField()) == ("start", "until"), what, f"temporal fields {tp.startField()!r}, {tp.endField()!r}")
    r.check(tp.limitMode() == Qgis.VectorTemporalLimitMode.IncludeBeginExcludeEnd, what, f"limit mode {tp.limitMode()}")


def check_style(r, what, layer, kind):
    check_renderer(r, what, layer, kind)
    check_temporal(r, what, layer, kind)


def reapply_temporal(r, what, layer, kind, load):
    """QGIS 3.22 applies a default style's renderer on open but then resets the temporal
    properties to the provider's (none for OGR; qgis/QGIS#42223). Loading the style again
    (Layer Properties > Style > Load Style, or a project) applies them: do that, and say so."""
    if kind == "border" or layer.temporalProperties().isActive():
        return 0
    message, ok = load()
    r.check(ok, what, f"loading the style again failed: {message}")
    return 1


def data_fields(layer):
    """The layer's fields but the provider's primary key (a GeoPackage's `fid`)."""
    pk = set(layer.primaryKeyAttributes())
    return [f for i, f in enumerate(layer.fields()) if i not in pk]


def check_fields(r, what, layer, kind, schema, seen):
    fields = [(f.name(), f.typeName(), f.type()) for f in data_fields(layer)]
    names = [f[0] for f in fields]
    expected = [n for n, _ in schema[kind]]
    if not r.check(names == expected, what, f"fields {names}\n    expected {expected}"):
        return
    for (name, type_name, qtype), (_, ty) in zip(fields, schema[kind]):
        r.check((type_name, qtype) in QGIS_TYPES[ty], what, f"field {name}: QGIS {type_name} ({qtype}), schema {ty}")
    types = [(n, t) for n, t, _ in fields]
    first = seen.setdefault(kind, (what, types))
    diff = [f"{a[0]}: {a[1]} here, {b[1]} there" for a, b in zip(types, first[1]) if a != b]
    r.check(not diff, what, f"field types differ from {first[0]}: {'; '.join(diff)}")


def frames(first, until):
    """The Temporal Controller's frames, one day each, from `first` to `until` (exclusive)."""
    nav = QgsTemporalNavigationObject()
    nav.setTemporalExtents(QgsDateTimeRange(qdt(first), qdt(until)))
    nav.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalDays))
    return [nav.dateTimeRangeForFrameNumber(i) for i in range(nav.totalFrameCount())]


def check_days(r, what, layer, features, all_frames):
    """Per day, QGIS's temporal filter against [start, end] computed from the GeoJSON.

    What a layer shows changes only where a feature starts or ends, so the days checked are
    each feature's first and last day and the days either side, and the first and last frames:
    between two of them nothing can change."""
    ctx = QgsVectorLayerTemporalContext()
    ctx.setLayer(layer)
    props = [f["properties"] for f in features]
    one = datetime.timedelta(days=1)
    days = set()
    for p in props:
        start, end = day(p["start"]), day(p["end"])
        days.update((start - one, start, end, end + one))
    checked = 0
    single = 0
    bad = 0
    for frame in all_frames:
        d = frame.begin().date().toPyDate()
        if not (d in days or frame is all_frames[0] or frame is all_frames[-1]):
            continue
        expected = {p["id"] for p in props if day(p["start"]) <= d <= day(p["end"])}
        filt = layer.temporalProperties().createFilterString(ctx, frame)
        request = QgsFeatureRequest().setFilterExpression(filt).setFlags(QgsFeatureRequest.NoGeometry)
        got = {f["id"] for f in layer.getFeatures(request)}
        checked += 1
        single += sum(1 for p in props if p["start"] == p["end"] == d.isoformat() and p["id"] in got)
        if got != expected and bad < 3:
            bad += 1
            r.fail(what, f"{d}: QGIS shows {sorted(got)}, [start, end] covers {sorted(expected)} (filter {filt})")
    return checked, single


def kind_of(layer, schema):
    names = [f.name() for f in data_fields(layer)]
    for kind, fields in schema.items():
        if names == [n for n, _ in fields]:
            return kind
    return None


def check_project(r, path, schema, data_range, data, layers_dir, all_frames):
    what = os.path.basename(path)
    project = QgsProject.instance()
    if not r.check(project.read(path), what, f"does not read: {project.error()}"):
        return
    layers = list(project.mapLayers().values())
    r.check(len(layers) > 0, what, "no layers")
    days = 0
    for layer in layers:
        lw = f"{what} / {layer.name()}"
        if not r.check(layer.isValid(), lw, f"invalid layer ({layer.source()})"):
            continue
        kind = kind_of(layer, schema)
        if r.check(kind is not None, lw, "fields of no kind"):
            check_style(r, lw, layer, kind)
            # The Temporal Controller on the project's layers, day by day.
            rel = os.path.relpath(os.path.realpath(layer.source().split("|")[0]), os.path.realpath(layers_dir))
            if kind != "border" and rel in data and layer.temporalProperties().isActive():
                n, _ = check_days(r, lw, layer, data[rel], all_frames)
                days += n
    crs = project.crs().authid()
    r.check(crs == "EPSG:4326", what, f"project CRS {crs}")
    tr = project.timeSettings().temporalRange()
    got = (tr.begin().date().toPyDate(), tr.end().date().toPyDate()) if tr.begin().isValid() else None
    r.check(got == data_range, what, f"temporal range {got}, data {data_range}")
    ts = project.timeSettings()
    r.check((ts.timeStep(), ts.timeStepUnit()) == (1, QgsUnitTypes.TemporalDays), what,
            f"time step {ts.timeStep()} {QgsUnitTypes.toString(ts.timeStepUnit())}, expected 1 day")
    tree = [n.name() for n in project.layerTreeRoot().findLayers()]
    r.note(f"{what}: {len(layers)} layers valid and styled, temporal range {got}, {days} layer-days "
           f"filtered as expected, tree {tree[:4]}...")
    project.clear()


def check_gpkg(r, path, schema):
    what = os.path.basename(path)
    probe = QgsVectorLayer(path, "probe", "ogr")
    if not r.check(probe.isValid(), what, "does not open"):
        return
    sep = "!!::!!"
    tables = [s.split(sep)[1] for s in probe.dataProvider().subLayers()]
    tables = [t for t in tables if t not in ("layer_styles",)]
    reloaded = 0
    seen = {}
    r.check(len(tables) > 0, what, "no tables")
    for t in tables:
        tw = f"{what}|{t}"
        layer = QgsVectorLayer(f"{path}|layername={t}", t, "ogr")
        if not r.check(layer.isValid(), tw, "invalid"):
            continue
        kind = kind_of(layer, schema)
        if r.check(kind is not None, tw, f"fields of no kind: {[f.name() for f in data_fields(layer)]}"):
            check_fields(r, tw, layer, kind, schema, seen)
            check_renderer(r, tw, layer, kind)
            reloaded += reapply_temporal(r, tw, layer, kind, lambda: layer.loadDefaultStyle())
            check_temporal(r, tw, layer, kind)
    r.note(f"{what}: {len(tables)} tables, each styled from layer_styles "
           f"({reloaded} had their temporal settings only after loadDefaultStyle again)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("layers")
    ap.add_argument("--schema", required=True)
    ap.add_argument("--gpkg-schema", help="the fields as the GeoPackage declares them (default: --schema)")
    args = ap.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    gpkg_schema = schema
    if args.gpkg_schema:
        with open(args.gpkg_schema, encoding="utf-8") as f:
            gpkg_schema = json.load(f)
    index_path = os.path.join(args.layers, "index.json")
    with open(index_path, encoding="utf-8") as f:
        index = json.load(f)

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    r = Report()
    print(f"QGIS {Qgis.version()}: checking {args.layers}")

    entries = [e for e in index["files"] if e.get("format") == "geojson"]
    r.check(len(entries) > 0, "index.json", "lists no GeoJSON file")
    data = {}
    for e in entries:
        feats = read_geojson(os.path.join(args.layers, e["path"]))
        data[e["path"]] = feats
    temporal = [p["properties"] for e in entries if e["kind"] != "border" for p in data[e["path"]]]
    first = min(day(p["start"]) for p in temporal)
    last_until = max(day(p["until"]) for p in temporal)
    for p in temporal:
        if day(p["until"]) != day(p["end"]) + datetime.timedelta(days=1):
            r.fail("data", f"{p['id']}: until {p['until']} is not end {p['end']} + 1 day")
    all_frames = frames(first, last_until)
    r.note(f"{len(entries)} GeoJSON files; {len(all_frames)} daily frames {first} .. {last_until} (exclusive)")

    seen_types = {}
    reloaded = 0
    days_checked = 0
    single_day = 0
    for e in entries:
        what = e["path"]
        path = os.path.join(args.layers, e["path"])
        layer = QgsVectorLayer(path, e["layer"], "ogr")
        if not r.check(layer.isValid(), what, "invalid layer"):
            continue
        kind = e["kind"]
        if not r.check(kind in RENDERER, what, f"kind {kind!r}"):
            continue
        wkb = QgsWkbTypes.flatType(layer.wkbType())
        r.check(wkb in GEOMETRY[e["geometry"]], what, f"layer geometry {QgsWkbTypes.displayString(wkb)} for {e['geometry']}")
        geoms = {QgsWkbTypes.flatType(f.geometry().wkbType()) for f in layer.getFeatures()}
        r.check(len(geoms) == 1 and geoms <= GEOMETRY[e["geometry"]], what,
                f"feature geometries {[QgsWkbTypes.displayString(g) for g in geoms]}")
        r.check(layer.featureCount() == e["features"] == len(data[what]), what,
                f"QGIS counts {layer.featureCount()}, index.json {e['features']}, file {len(data[what])}")
        check_fields(r, what, layer, kind, schema, seen_types)
        qml = os.path.splitext(path)[0] + ".qml"
        if not r.check(os.path.exists(qml), what, "no .qml beside it"):
            continue
        check_renderer(r, what, layer, kind)
        check_tips(r, what, layer)
        reloaded += reapply_temporal(r, what, layer, kind, lambda: layer.loadNamedStyle(qml))
        check_temporal(r, what, layer, kind)
        if kind != "border" and layer.temporalProperties().isActive():
            n, s = check_days(r, what, layer, data[what], all_frames)
            days_checked += n
            single_day += s
    if reloaded:
        r.note(f"{reloaded} .qml styles applied on open without their temporal settings (QGIS 3.22 resets them, "
               "qgis/QGIS#42223): loaded again with loadNamedStyle, as Layer Properties > Style > Load Style does")
    r.note(f"temporal filter: {days_checked} layer-days compared; single-day features shown on their day: {single_day}")
    r.check(single_day > 0, "temporal", "no single-day feature was checked")

    qgs = os.path.join(args.layers, "bordermap.qgs")
    if os.path.exists(qgs):
        check_project(r, qgs, schema, (first, last_until), data, args.layers, all_frames)
    else:
        r.note("no bordermap.qgs: project not checked")
    gpkg = os.path.join(args.layers, "bordermap.gpkg")
    if os.path.exists(gpkg):
        check_gpkg(r, gpkg, gpkg_schema)
    else:
        r.note("no bordermap.gpkg: GeoPackage not checked")

    if r.failures:
        print(f"{len(r.failures)} failure(s)")
    else:
        print("all QGIS checks passed")
    # Exit without tearing QGIS down: exitQgis() with layers alive can crash on the way out.
    sys.stdout.flush()
    os._exit(1 if r.failures else 0)


if __name__ == "__main__":
    main()
