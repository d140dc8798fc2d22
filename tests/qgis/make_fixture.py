#!/usr/bin/env python3
"""Writes tests/qgis/fixture/: a small layers folder in bordermap's layout (one geometry type
per file, every field of schema.rs in every feature, index.json) that tests/qgis.rs breaks on
purpose, to see check_layers.py fail. Run once and commit the output; plain Python, no QGIS.
The field lists are copied from src/layers/schema.rs on purpose: check_layers.py compares the
files with the schema the Rust test exports, so a drift shows as a failure."""
import json, os, shutil, datetime

HERE = os.path.dirname(os.path.abspath(__file__))

def day(s): return datetime.date.fromisoformat(s)
def until(end): return (day(end) + datetime.timedelta(days=1)).isoformat()

STYLE = {"marker-color": "#d62728", "marker-symbol": "danger", "marker-size": "large",
         "stroke": "#d62728", "stroke-width": 5.0, "stroke-opacity": 1.0}

def event(id, typ, status, start, end, place, border="AFG-TJK"):
    return {
        "kind": "event", "id": id, "title": f"{typ} at {place} ({status})",
        "description": f"{start}: {typ} at {place}; {status}", "start": start, "end": end,
        "until": until(end), "precision": "day", "time_precision": 11, "type": typ,
        "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash", "actor": "Taliban",
        "actor2": "", "claim_status": status, "claimed_by": "Taliban", "disputed_by": "",
        "share": "", "place": place, "place_id": place.lower().replace(" ", "-"),
        "place_name": place, "place_kind": "town", "matched": "exact", "match_score": 1.0,
        "geo_precision": 1, "layer": border, "border": border, "distance_km": 2.5,
        "chainage_km": 120.25, "side": "AFG", "source": "Reuters", "url": "https://example.org/a",
        "citation": "Reuters, 2021-07-09", "quote": "", "notes": "", "fatalities": 0,
        "admin1": "", "admin2": "", "admin3": "", "assoc_actor_1": "", "assoc_actor_2": "",
        "tags": "", "input_file": "events.csv",
        "input_line": 2, **STYLE}

def compact(e):
    keys = ["id", "start", "end", "until", "precision", "time_precision", "type", "actor",
            "actor2", "claim_status", "claimed_by", "disputed_by", "share", "place", "place_id",
            "place_name", "geo_precision", "border", "distance_km", "side", "source", "url",
            "citation"]
    return {k: e[k] for k in keys}

def control(id, actor, start, end, ongoing, status, start_type):
    return {"kind": "control", "id": id, "title": f"{actor} holds Sher Khan Bandar",
            "description": f"from {start} to {end}", "place_id": "sher-khan-bandar",
            "place_name": "Sher Khan Bandar", "actor": actor, "start": start, "end": end,
            "until": until(end), "ongoing": ongoing, "claim_status": status,
            "claimed_by": actor, "disputed_by": "", "started_by": "fx-001",
            "start_type": start_type, "ended_by": "", "border": "AFG-TJK", "source": "Reuters",
            **STYLE}

def place(id, name, start, end, ids):
    return {"kind": "place", "id": id, "title": name, "description": "; ".join(ids),
            "place_id": name.lower().replace(" ", "-"), "place_name": name, "border": "AFG-TJK",
            "start": start, "end": end, "until": until(end),
            "events": len(ids), "event_ids": "; ".join(ids), "confirmed": 1, "claimed": len(ids) - 1,
            "disputed": 0, "denied": 0, "types": "capture; clash", "sources": "Reuters", **STYLE}

def border(id):
    return {"kind": "border", "id": id, "title": "Afghanistan-Tajikistan",
            "description": "border line", "border": id, "length_km": 1357.5,
            "source": "geoBoundaries", "license": "CC BY 4.0", "stroke": "#404040",
            "stroke-width": 2.0, "stroke-opacity": 1.0}

P = lambda x, y: {"type": "Point", "coordinates": [x, y]}
PANJ = {"type": "MultiLineString", "coordinates": [[[68.5, 37.1], [69.0, 37.2], [69.5, 37.1]]]}

points = [
    (event("fx-001", "capture", "confirmed", "2021-07-09", "2021-07-09", "Sher Khan Bandar"), P(68.6, 37.15)),
    (event("fx-002", "clash", "claimed", "2021-07-09", "2021-07-11", "Sher Khan Bandar"), P(68.6, 37.15)),
    (event("fx-003", "control_claim", "disputed", "2021-07-12", "2021-07-12", "Imam Sahib"), P(68.9, 37.18)),
    (event("fx-004", "statement", "denied", "2021-07-10", "2021-07-10", "Imam Sahib"), P(68.9, 37.18)),
]
lines = [(event("fx-005", "refugees", "confirmed", "2021-07-10", "2021-07-12", "Panj"), PANJ)]

def fc(items):
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": p, "geometry": g} for p, g in items]}

files = {}
def put(path, layer, kind, geometry, group, period, items):
    files[path] = ({"path": path, "format": "geojson", "layer": layer, "kind": kind,
                    "geometry": geometry, "group": group, "period": period,
                    "features": len(items)}, fc(items))

put("AFG-TJK-points.geojson", "AFG-TJK-points", "events", "points", "AFG-TJK", None, points)
put("AFG-TJK-lines.geojson", "AFG-TJK-lines", "events", "lines", "AFG-TJK", None, lines)
put("timeline-points.geojson", "timeline-points", "events", "points", "timeline", None, points)
put("timeline-lines.geojson", "timeline-lines", "events", "lines", "timeline", None, lines)
put("control-points.geojson", "control-points", "control", "points", "control", None, [
    (control("fx-c1", "Taliban", "2021-07-09", "2021-07-11", False, "confirmed", "capture"), P(68.6, 37.15)),
    (control("fx-c2", "Government", "2021-07-12", "2021-07-13", True, "claimed", "recapture"), P(68.6, 37.15)),
])
put("places-points.geojson", "places-points", "places", "points", "places", None, [
    (place("fx-p1", "Sher Khan Bandar", "2021-07-09", "2021-07-11", ["fx-001", "fx-002"]), P(68.6, 37.15)),
    (place("fx-p2", "Imam Sahib", "2021-07-10", "2021-07-12", ["fx-003", "fx-004"]), P(68.9, 37.18)),
])
put("places-lines.geojson", "places-lines", "places", "lines", "places", None, [
    (place("fx-p3", "Panj", "2021-07-10", "2021-07-12", ["fx-005"]), PANJ),
])
put("borders.geojson", "borders", "border", "lines", "borders", None, [(border("AFG-TJK"), PANJ)])
put("by-day/2021-07-09/AFG-TJK-points.geojson", "AFG-TJK-points", "events", "points", "AFG-TJK",
    "2021-07-09", points[:2])
put("by-day/2021-07-09/places-points.geojson", "places-points", "places", "points", "places",
    "2021-07-09", [(place("fx-p1-0709", "Sher Khan Bandar", "2021-07-09", "2021-07-11",
                          ["fx-001", "fx-002"]), P(68.6, 37.15))])

def write(out, properties):
    if os.path.isdir(out):
        shutil.rmtree(out)
    for path, (entry, doc) in files.items():
        if properties == "compact" and entry["kind"] == "events":
            doc = {**doc, "features": [{**f, "properties": compact(f["properties"])} for f in doc["features"]]}
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    index = {"generator": "tests/qgis/make_fixture.py", "properties": properties,
             "files": [e for e, _ in files.values()] +
                      [{"path": "index.json", "format": "json", "layer": None, "kind": None,
                        "geometry": None, "group": None, "period": None, "features": None}]}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")
    print("wrote", out)


write(os.path.join(HERE, "fixture"), "full")
