// Draws bordermap's top-level GeoJSON layers the way geojson.io does, then checks in the
// browser that every event can be reached with a click. See view.html and tests/browser.rs.
/* global L */
'use strict';

// simplestyle-spec 1.1.0 defaults.
var DEFAULTS = {
  'marker-color': '#7e7e7e',
  'marker-size': 'medium',
  stroke: '#555555',
  'stroke-width': 2,
  'stroke-opacity': 1,
};
// geojson.io draws a coloured marker whose size follows marker-size; a circle here.
var RADIUS = { small: 5, medium: 7, large: 10 };

function prop(p, key) {
  var v = p[key];
  return v === undefined || v === null || v === '' ? DEFAULTS[key] : v;
}

// Bottom to top: borders, then *-lines, then *-points, then places-* (lines, then points).
function rank(entry) {
  if (entry.kind === 'border') return 0;
  if (entry.kind === 'places') return entry.geometry === 'points' ? 4 : 3;
  return entry.geometry === 'points' ? 2 : 1;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

// The popup: the feature's properties as a table, like geojson.io's.
function popupHtml(p) {
  var rows = Object.keys(p).map(function (k) {
    var v = p[k];
    if (v !== null && typeof v === 'object') v = JSON.stringify(v);
    return '<tr><th>' + escapeHtml(k) + '</th><td>' + escapeHtml(v === null ? '' : v) + '</td></tr>';
  });
  return '<table class="marker-properties">' + rows.join('') + '</table>';
}

// The popup now open, read back from the page: {property: text}.
function openPopupTable(map) {
  var popup = map._popup;
  if (!popup || !popup.isOpen()) return null;
  var table = popup.getElement().querySelector('.leaflet-popup-content table.marker-properties');
  if (!table) return null;
  var out = {};
  table.querySelectorAll('tr').forEach(function (tr) {
    out[tr.querySelector('th').textContent] = tr.querySelector('td').textContent;
  });
  return out;
}

// The event ids a popup of a layer of this kind makes reachable.
function idsInPopup(kind, table) {
  if (kind === 'events') return table.id ? [table.id] : [];
  if (kind === 'places') {
    return (table.event_ids || '').split('; ').filter(function (s) { return s !== ''; });
  }
  return [];
}

function label(leaf) {
  return leaf.info.layer + ':' + (leaf.info.id || '#' + leaf.info.index);
}

window.bordermapView = function (entries) {
  var params = new URLSearchParams(location.search);
  var entriesSorted = entries
    .map(function (e, i) { return { e: e, i: i }; })
    .sort(function (a, b) { return rank(a.e) - rank(b.e) || a.i - b.i; })
    .map(function (x) { return x.e; });

  // No fade: a closed popup leaves the page at once (it would otherwise stay 200 ms, over the
  // features, while the check clicks on).
  var map = L.map('map', { zoomSnap: 0.25, fadeAnimation: false });
  var leaves = [];
  var groups = entriesSorted.map(function (entry) {
    var index = 0;
    return L.geoJSON(entry.data, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties || {};
        var c = prop(p, 'marker-color');
        return L.circleMarker(latlng, {
          radius: RADIUS[prop(p, 'marker-size')] || RADIUS.medium,
          color: '#ffffff',
          weight: 1.5,
          fillColor: c,
          fillOpacity: 1,
        });
      },
      style: function (feature) {
        var p = feature.properties || {};
        if (feature.geometry && feature.geometry.type.indexOf('Point') >= 0) return {};
        return {
          color: prop(p, 'stroke'),
          weight: Number(prop(p, 'stroke-width')),
          opacity: Number(prop(p, 'stroke-opacity')),
          fill: false,
        };
      },
      onEachFeature: function (feature, leaf) {
        var p = feature.properties || {};
        leaf.info = { layer: entry.layer, kind: entry.kind, id: p.id || '', index: index++, props: p };
        // autoPan off so that the check's clicks never move the map.
        leaf.bindPopup(popupHtml(p), { minWidth: 360, maxWidth: 420, autoPan: false });
        leaves.push(leaf);
      },
    });
  });

  var bounds = L.latLngBounds([]);
  groups.forEach(function (g) { if (g.getLayers().length) bounds.extend(g.getBounds()); });
  map.fitBounds(bounds, { padding: [60, 60], animate: false });
  groups.forEach(function (g) { g.addTo(map); });
  var title = L.control({ position: 'bottomleft' });
  title.onAdd = function () {
    var d = L.DomUtil.create('div', 'view-title');
    d.textContent = 'bordermap: ' + entries.length + ' top-level layers, drawn like geojson.io' +
      (params.get('shot') ? ' (fitted to the borders)' : '');
    return d;
  };
  title.addTo(map);

  var result = check(map, leaves, entriesSorted);
  document.getElementById('result').textContent = JSON.stringify(result, null, 1);

  if (params.get('shot')) {
    // For the screenshot: fitted to the border lines (events far inland, such as statements
    // in Moscow, would shrink the borders to a few pixels).
    var borders = L.latLngBounds([]);
    groups.forEach(function (g, i) {
      if (entriesSorted[i].kind === 'border' && g.getLayers().length) borders.extend(g.getBounds());
    });
    if (borders.isValid()) map.fitBounds(borders, { padding: [40, 40], animate: false });
    // The popup of the busiest place marker well inside the view (ties: the lowest on screen,
    // with the most room above), panned to fit.
    var best = null;
    var view = map.getBounds().pad(-0.2);
    function y(l) { return map.latLngToContainerPoint(l.getLatLng()).y; }
    leaves.forEach(function (l) {
      if (l.info.kind !== 'places' || !l.getLatLng || !view.contains(l.getLatLng())) return;
      var n = Number(l.info.props.events);
      var m = best ? Number(best.info.props.events) : -1;
      if (n > m || (n === m && y(l) > y(best))) best = l;
    });
    if (best) {
      best.getPopup().options.autoPan = true;
      best.openPopup();
    }
  }
};

// Screen points (client coordinates) where a user would click this feature: a point's own
// position, then near its rim; a line's rendered vertices and the midpoints between them
// (Leaflet's simplified `_parts`, so exactly on the drawn stroke), the middle one first, then
// spreading outwards, each also on the stroke's two edges.
function probePoints(map, leaf) {
  var origin = map.getContainer().getBoundingClientRect();
  var out = [];
  function add(p) {
    var x = origin.left + p.x;
    var y = origin.top + p.y;
    if (x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight) out.push({ x: x, y: y });
  }
  if (leaf.getLatLng) {
    var c = map.latLngToContainerPoint(leaf.getLatLng());
    // The centre, then eight points on a ring inside the marker's own fill: where a user
    // clicks the visible rim of a marker partly covered by a smaller one.
    var r = leaf.getRadius() * 0.85;
    var q = r * Math.SQRT1_2;
    [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r], [q, q], [-q, q], [q, -q], [-q, -q]].forEach(function (d) {
      add(L.point(c.x + d[0], c.y + d[1]));
    });
    return out;
  }
  // Each with the stroke's direction there, for the points beside the centre line.
  var pts = [];
  (leaf._parts || []).forEach(function (part) {
    for (var i = 0; i < part.length; i++) {
      var a = part[Math.max(i - 1, 0)];
      var b = part[Math.min(i + 1, part.length - 1)];
      pts.push({ p: part[i], d: b.subtract(a) });
      if (i + 1 < part.length) pts.push({ p: part[i].add(part[i + 1]).divideBy(2), d: part[i + 1].subtract(part[i]) });
    }
  });
  var order = [];
  var mid = Math.floor(pts.length / 2);
  var fractions = [0, 0.25, -0.25, 0.1, -0.1, 0.4, -0.4, 0.05, -0.05, 0.33, -0.33, 0.45, -0.45];
  fractions.forEach(function (f) {
    var i = mid + Math.round(f * pts.length);
    if (i >= 0 && i < pts.length && order.indexOf(i) < 0) order.push(i);
  });
  // On the centre line, then on either edge of the stroke (inside its width): where a user
  // clicks the visible edge of a line partly covered by a narrower one.
  var half = (leaf.options.weight || 1) / 2 * 0.85;
  order.forEach(function (i) {
    var c = map.layerPointToContainerPoint(pts[i].p);
    add(c);
    var len = Math.sqrt(pts[i].d.x * pts[i].d.x + pts[i].d.y * pts[i].d.y);
    if (len > 0 && half >= 1) {
      var n = L.point(-pts[i].d.y / len * half, pts[i].d.x / len * half);
      add(c.add(n));
      add(c.subtract(n));
    }
  });
  return out;
}

// What is at a point when it is no feature: `svg`, `div.leaflet-control-zoom`...
function describe(el) {
  if (!el) return 'nothing';
  var cls = typeof el.className === 'string' ? el.className : (el.className && el.className.baseVal) || '';
  return el.tagName.toLowerCase() + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '');
}

function check(map, leaves, entries) {
  var byElement = new Map();
  leaves.forEach(function (l) { if (l.getElement && l.getElement()) byElement.set(l.getElement(), l); });
  function ownerAt(x, y) {
    var el = document.elementFromPoint(x, y);
    var hit = el;
    while (hit && !byElement.has(hit)) hit = hit.parentNode;
    return { el: el, owner: hit ? byElement.get(hit) : null };
  }

  var eventIds = new Set();
  var placeIds = new Set();
  leaves.forEach(function (l) {
    if (l.info.kind === 'events' && l.info.id) eventIds.add(l.info.id);
    if (l.info.kind === 'places') idsInPopup('places', l.info.props).forEach(function (id) { placeIds.add(id); });
  });

  var reached = new Set();
  var direct = new Set(); // reached through an event's own popup
  var taken = [];
  var unreached = [];
  var problems = [];
  var clicks = 0;
  var clicked = new Set();
  var reachedSelf = 0;

  leaves.forEach(function (leaf) {
    var probes = probePoints(map, leaf);
    var takers = [];
    var misses = [];
    var self = false;
    for (var i = 0; i < probes.length && !self; i++) {
      var p = probes[i];
      map.closePopup();
      var hit = ownerAt(p.x, p.y);
      if (!hit.owner) {
        // Between the pixels of a thin stroke, or under a control: try the next point.
        misses.push(describe(hit.el));
        continue;
      }
      if (hit.owner !== leaf && clicked.has(hit.owner)) {
        // Its popup was read at an earlier click: nothing new to learn there.
        if (takers.indexOf(label(hit.owner)) < 0) takers.push(label(hit.owner));
        continue;
      }
      clicked.add(hit.owner);
      hit.el.dispatchEvent(new MouseEvent('click', {
        bubbles: true, cancelable: true, view: window, clientX: p.x, clientY: p.y, button: 0,
      }));
      clicks++;
      var table = openPopupTable(map);
      var source = map._popup && map._popup.isOpen() ? map._popup._source : null;
      if (!table || source !== hit.owner) {
        problems.push('click on ' + label(hit.owner) + ' at ' + Math.round(p.x) + ',' + Math.round(p.y) +
          (table ? ' opened the popup of ' + (source ? label(source) : 'nothing') : ' opened no popup'));
        continue;
      }
      idsInPopup(hit.owner.info.kind, table).forEach(function (id) {
        reached.add(id);
        if (hit.owner.info.kind === 'events') direct.add(id);
      });
      if (hit.owner === leaf) {
        self = true;
      } else if (takers.indexOf(label(hit.owner)) < 0) {
        takers.push(label(hit.owner));
      }
    }
    map.closePopup();
    if (self) reachedSelf++;
    else if (takers.length) taken.push({ feature: label(leaf), by: takers });
    else unreached.push({ feature: label(leaf), probes: probes.length, found: misses });
  });

  function sorted(set) { return Array.from(set).sort(); }
  var size = map.getSize();
  return {
    leaflet: L.version,
    view: { zoom: map.getZoom(), center: map.getCenter(), width: size.x, height: size.y },
    layers: entries.map(function (e) { return e.layer; }),
    features: leaves.length,
    clicks: clicks,
    features_reached_themselves: reachedSelf,
    event_ids: sorted(eventIds),
    places_event_ids: sorted(placeIds),
    reached: sorted(reached),
    reached_directly: sorted(direct),
    only_via_places: sorted(reached).filter(function (id) { return !direct.has(id) && eventIds.has(id); }),
    taken: taken,
    unreached: unreached,
    problems: problems,
  };
}
