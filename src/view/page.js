// bordermap view: the scene of a layers folder drawn on a canvas, offline (no library, no
// network), with its controls. After errors.js, unpack.js, util.js, panel.js and chart.js
// (src/view/mod.rs inlines them in that order). Nothing from the data is ever inserted as
// HTML: text goes in with textContent.

(function () {
  var scene = unpack(JSON.parse(document.getElementById("bordermap-data").textContent));
  var PARSED = performance.now(), FIRST_DRAW = 0, drawMs = 0;
  var $ = function (id) { return document.getElementById(id); };
  var HIT_PX = 8;
  var CELL = 32;
  var SPREAD_MAX = 16;
  var STATUSES = ["confirmed", "claimed", "disputed", "denied"];

  var first = dayOf(scene.first), last = dayOf(scene.last);
  if (isNaN(first)) first = last = Math.floor(Date.now() / DAY_MS);
  if (isNaN(last) || last < first) last = first;

  // ---- the data, prepared once ----
  function isPoint(shape) { return Array.isArray(shape) && typeof shape[0] === "number"; }
  var events = scene.events.map(function (e) {
    var s = dayOf(e.start), u = dayOf(e.until);
    if (isNaN(u)) u = isNaN(dayOf(e.end)) ? s + 1 : dayOf(e.end) + 1;
    return { kind: "event", e: e, id: e.id, start: s, until: u, point: isPoint(e.shape),
      color: safeColor(e.color, "#777777"), actor: e.actor || "(none)",
      borders: e.borders && e.borders.length ? e.borders : ["interior"] };
  });
  var control = scene.control.map(function (c) {
    return { kind: "control", e: c, id: c.id, start: dayOf(c.start), until: dayOf(c.until),
      point: isPoint(c.shape), color: safeColor(c.color, "#555555"), actor: c.actor || "(none)",
      borders: c.border ? [c.border] : ["interior"] };
  });
  var typeLabel = {};
  scene.legend.forEach(function (l) { typeLabel[l.type] = l.label; });

  var FILTERS = {
    border: uniq(scene.borders.map(function (b) { return b.id; })
      .concat([].concat.apply([], events.map(function (x) { return x.borders; })))
      .filter(function (b) { return b !== "interior"; }).concat(["interior"])),
    type: uniq(scene.legend.map(function (l) { return l.type; }).concat(events.map(function (x) { return x.e.type; }))),
    actor: uniq(events.map(function (x) { return x.actor; }).concat(control.map(function (x) { return x.actor; }))).sort(),
    status: STATUSES.concat(uniq(events.map(function (x) { return x.e.claim_status; }))
      .filter(function (s) { return STATUSES.indexOf(s) < 0; })),
  };
  var checked = {}; // filter name -> {value: true}
  Object.keys(FILTERS).forEach(function (k) {
    checked[k] = {};
    FILTERS[k].forEach(function (v) { checked[k][v] = true; });
  });

  // ---- the view: an equirectangular projection, scaled by cos(latitude) at the centre ----
  var canvas = $("map"), ctx = canvas.getContext("2d");
  var view = { cx: 0, cy: 0, k: 1 };
  var W = 0, H = 0, cosLat = 1;
  function project(p) {
    return [W / 2 + (p[0] - view.cx) * view.k * cosLat, H / 2 - (p[1] - view.cy) * view.k];
  }
  function unproject(x, y) {
    return [view.cx + (x - W / 2) / (view.k * cosLat), view.cy - (y - H / 2) / view.k];
  }
  // The borders' extent (the scene's bbox also holds far places, e.g. Moscow).
  function extent() {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    scene.borders.forEach(function (br) {
      br.lines.forEach(function (l) {
        l.forEach(function (p) { b = [Math.min(b[0], p[0]), Math.min(b[1], p[1]), Math.max(b[2], p[0]), Math.max(b[3], p[1])]; });
      });
    });
    return isFinite(b[0]) ? b : scene.bbox;
  }
  function fit() {
    var b = extent();
    var pad = Math.max(0.5, 0.08 * Math.max(b[2] - b[0], b[3] - b[1]));
    b = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
    view.cx = (b[0] + b[2]) / 2;
    view.cy = (b[1] + b[3]) / 2;
    cosLat = Math.cos(view.cy * Math.PI / 180);
    view.k = Math.min(W / ((b[2] - b[0]) * cosLat || 1), H / ((b[3] - b[1]) || 1));
  }
  function resize() {
    var r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    W = Math.max(1, r.width);
    H = Math.max(1, r.height);
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!userView) fit();
  }
  var userView = false; // panned or zoomed by hand: a resize keeps the view

  // ---- the state of the controls ----
  var asOf = first, showEarlier = false, selected = [], playing = null;
  var shown = { events: [], earlier: [], control: [] };

  function passes(x) {
    var e = x.e;
    if (!x.borders.some(function (b) { return checked.border[b]; })) return false;
    if (!checked.actor[x.actor]) return false;
    if (checked.status[e.claim_status] === false) return false;
    if (x.kind === "event" && !checked.type[e.type]) return false;
    return true;
  }
  function compute() {
    shown = { events: [], earlier: [], control: [] };
    for (var i = 0; i < events.length; i++) {
      var x = events[i];
      if (x.start > asOf) continue;
      if (x.until > asOf) { if (passes(x)) shown.events.push(x); }
      else if (showEarlier && passes(x)) shown.earlier.push(x);
    }
    control.forEach(function (c) { if (c.start <= asOf && asOf < c.until && passes(c)) shown.control.push(c); });
  }

  // ---- drawing ----
  var hits = { items: [], grid: new Map() };
  function cellKey(cx, cy) { return cx * 65536 + cy; }
  function addCell(cx, cy, i) {
    var k = cellKey(cx, cy), a = hits.grid.get(k);
    if (a) a.push(i); else hits.grid.set(k, [i]);
  }
  // A hit entry: the features `list` drawn at (x, y) around the place (ax, ay), reaching
  // `reach` px from it; or along the screen line `pts`.
  function indexPoint(list, x, y, ax, ay, reach) {
    var i = hits.items.push({ list: list, x: x, y: y, ax: ax, ay: ay, reach: reach || 0 }) - 1;
    addCell(Math.floor(x / CELL), Math.floor(y / CELL), i);
    if (ax !== x || ay !== y) addCell(Math.floor(ax / CELL), Math.floor(ay / CELL), i);
  }
  function indexLine(list, pts) {
    var i = hits.items.push({ list: list, pts: pts }) - 1, seen = {};
    for (var j = 1; j < pts.length; j++) {
      var a = pts[j - 1], b = pts[j];
      if (Math.max(a[0], b[0]) < -CELL || Math.min(a[0], b[0]) > W + CELL ||
          Math.max(a[1], b[1]) < -CELL || Math.min(a[1], b[1]) > H + CELL) continue;
      var x0 = Math.floor(Math.max(-1, Math.min(a[0], b[0])) / CELL), x1 = Math.floor(Math.min(W + 1, Math.max(a[0], b[0])) / CELL);
      var y0 = Math.floor(Math.max(-1, Math.min(a[1], b[1])) / CELL), y1 = Math.floor(Math.min(H + 1, Math.max(a[1], b[1])) / CELL);
      for (var cx = x0; cx <= x1; cx++) {
        for (var cy = y0; cy <= y1; cy++) {
          var k = cellKey(cx, cy);
          if (!seen[k]) { seen[k] = 1; addCell(cx, cy, i); }
        }
      }
    }
  }
  function dash(status) {
    return status === "claimed" ? [8, 5] : status === "disputed" ? [2, 4] : status === "denied" ? [3, 6] : [];
  }
  function projectLines(lines) {
    return lines.map(function (l) { return l.map(project); });
  }
  function strokeLines(parts) {
    ctx.beginPath();
    parts.forEach(function (l) {
      l.forEach(function (p, j) { if (j) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]); });
    });
    ctx.stroke();
  }
  // One marker, in the form of its claim status (as the QGIS styles draw them).
  function marker(c, x, y, status, color, faded) {
    c.save();
    c.globalAlpha = faded ? 0.3 : 1;
    if (status === "denied") {
      c.strokeStyle = DENIED;
      c.lineWidth = 3;
      c.beginPath();
      c.moveTo(x - 5, y - 5); c.lineTo(x + 5, y + 5);
      c.moveTo(x + 5, y - 5); c.lineTo(x - 5, y + 5);
      c.stroke();
    } else {
      var r = status === "confirmed" ? 7 : 6;
      c.beginPath();
      c.arc(x, y, r, 0, 2 * Math.PI);
      c.fillStyle = color;
      c.globalAlpha *= status === "confirmed" ? 1 : status === "claimed" ? 0.75 : 0.4;
      c.fill();
      c.globalAlpha = faded ? 0.3 : 1;
      c.setLineDash(status === "confirmed" ? [] : status === "claimed" ? [3, 2] : [1, 2]);
      c.lineWidth = status === "confirmed" ? 1.5 : 1.5;
      c.strokeStyle = status === "confirmed" ? "#222" : "#444";
      c.stroke();
    }
    c.restore();
  }
  function lineStyle(c, status, color, faded) {
    c.globalAlpha = faded ? 0.3 : status === "disputed" ? 0.6 : status === "claimed" ? 0.85 : 1;
    c.strokeStyle = status === "denied" ? DENIED : color;
    c.lineWidth = status === "confirmed" ? 5 : 4;
    c.setLineDash(dash(status));
    c.lineCap = status === "disputed" ? "round" : "butt";
  }
  function haloText(text, x, y, color, font) {
    ctx.font = font || "12px system-ui, sans-serif";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.setLineDash([]);
    ctx.strokeText(text, x, y);
    ctx.fillStyle = color;
    ctx.fillText(text, x, y);
  }

  // A screen line moved d px to its left (each vertex along the mean of its segments' normals).
  function offsetLine(pts, d) {
    var n = pts.length, out = new Array(n);
    for (var i = 0; i < n; i++) {
      var a = pts[Math.max(0, i - 1)], b = pts[Math.min(n - 1, i + 1)];
      var dx = b[0] - a[0], dy = b[1] - a[1], l = Math.hypot(dx, dy) || 1;
      out[i] = [pts[i][0] - dy / l * d, pts[i][1] + dx / l * d];
    }
    return out;
  }

  // The point at fraction f of a screen line's length.
  function along(pts, f) {
    var total = 0, j;
    for (j = 1; j < pts.length; j++) total += Math.hypot(pts[j][0] - pts[j - 1][0], pts[j][1] - pts[j - 1][1]);
    var goal = total * f;
    for (j = 1; j < pts.length; j++) {
      var d = Math.hypot(pts[j][0] - pts[j - 1][0], pts[j][1] - pts[j - 1][1]);
      if (goal <= d && d > 0) {
        var t = goal / d;
        return [pts[j - 1][0] + t * (pts[j][0] - pts[j - 1][0]), pts[j - 1][1] + t * (pts[j][1] - pts[j - 1][1])];
      }
      goal -= d;
    }
    return pts[pts.length - 1];
  }

  function draw() {
    var t0 = performance.now();
    ctx.clearRect(0, 0, W, H);
    hits = { items: [], grid: new Map() };
    // Borders: grey lines with their ids.
    ctx.save();
    ctx.strokeStyle = "#9a9a9a";
    ctx.lineWidth = 2;
    ctx.lineJoin = "round";
    var labels = [];
    scene.borders.forEach(function (b) {
      var parts = projectLines(b.lines);
      strokeLines(parts);
      var longest = parts.reduce(function (a, l) { return l.length > a.length ? l : a; }, []);
      if (longest.length) labels.push([b.id, along(longest, 0.5)]);
    });
    ctx.restore();
    // Line events (claims over a border), along the line, dashed by status.
    ctx.save();
    ctx.lineJoin = "round";
    // Lines of one shape and style (e.g. many claims over one border) are drawn once; lines of
    // one shape in different styles side by side, 5 px apart, so that each stays visible (those
    // of the day; earlier ones, faded, lie under them on the line itself).
    var lineGroups = new Map(), lanes = {};
    shown.earlier.concat(shown.events).forEach(function (x) {
      if (x.point) return;
      var sh = x.e.shape, a = sh[0][0], z = sh[sh.length - 1][sh[sh.length - 1].length - 1];
      var where = [sh.length, sh[0].length, a, z].join("|");
      var key = [x.e.claim_status, x.color, x.until <= asOf, where].join("|");
      var g = lineGroups.get(key);
      if (g) g.push(x);
      else {
        g = [x];
        g.lane = x.until <= asOf ? 1 : (lanes[where] = (lanes[where] || 0) + 1);
        lineGroups.set(key, g);
      }
    });
    lineGroups.forEach(function (g) {
      var x = g[0], k = g.lane - 1, off = k > 8 ? 0 : (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 5;
      var parts = projectLines(x.e.shape).map(function (l) { return off ? offsetLine(l, off) : l; });
      lineStyle(ctx, x.e.claim_status, x.color, x.until <= asOf);
      strokeLines(parts);
      parts.forEach(function (l) { indexLine(g, l); });
    });
    ctx.restore();
    ctx.save();
    ctx.textBaseline = "middle";
    labels.forEach(function (l) { haloText(l[0], l[1][0] + 6, l[1][1], "#666", "bold 11px system-ui, sans-serif"); });
    ctx.restore();
    // Control: a ring in the holder's colour, labelled "Taliban holds X".
    ctx.save();
    shown.control.forEach(function (c) {
      if (!c.point) {
        lineStyle(ctx, "confirmed", c.color, false);
        var parts = projectLines(c.e.shape);
        strokeLines(parts);
        parts.forEach(function (l) { indexLine([c], l); });
        return;
      }
      var p = project(c.e.shape);
      ctx.beginPath();
      ctx.arc(p[0], p[1], 15, 0, 2 * Math.PI);
      ctx.lineWidth = 4;
      ctx.globalAlpha = 0.75;
      ctx.strokeStyle = c.color;
      ctx.setLineDash(c.e.claim_status === "confirmed" ? [] : [6, 3]);
      ctx.stroke();
      ctx.globalAlpha = 1;
      indexPoint([c], p[0], p[1], p[0], p[1], 15);
    });
    ctx.restore();
    // Point events; several at one place spread on a small circle around it.
    var groups = new Map(), off = 0;
    shown.earlier.concat(shown.events).forEach(function (x) {
      if (!x.point) return;
      var key = x.e.shape[0] + "," + x.e.shape[1], g = groups.get(key);
      if (g) g.push(x); else groups.set(key, [x]);
    });
    groups.forEach(function (g) {
      var a = project(g[0].e.shape);
      if (a[0] < -20 || a[0] > W + 20 || a[1] < -20 || a[1] > H + 20) { off += g.length; return; }
      var r = g.length > 1 ? Math.min(24, 5 + 1.5 * g.length) : 0;
      // A crowded place: the first SPREAD_MAX drawn (those of the day first), the rest counted.
      var many = g.length > SPREAD_MAX, drawn = many ? g.slice().sort(function (p, q) {
        return (q.until > asOf) - (p.until > asOf);
      }).slice(0, SPREAD_MAX) : g;
      drawn.forEach(function (x, i) {
        var t = 2 * Math.PI * i / drawn.length - Math.PI / 2;
        var px = a[0] + r * Math.cos(t), py = a[1] + r * Math.sin(t);
        marker(ctx, px, py, x.e.claim_status, x.color, x.until <= asOf);
        if (!many) indexPoint([x], px, py, a[0], a[1]);
      });
      if (many) {
        indexPoint(g, a[0], a[1], a[0], a[1], r);
        ctx.save();
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        haloText(String(g.length), a[0], a[1], "#222", "bold 11px system-ui, sans-serif");
        ctx.restore();
      }
    });
    $("offmap").textContent = off ? off + (off === 1 ? " event" : " events") + " off the map (zoom out to see)" : "";
    // Control labels on top.
    ctx.save();
    ctx.textBaseline = "middle";
    // Labels that would overlap one already drawn are left out (the ring stays; a click lists it).
    var boxes = [];
    ctx.font = "bold 12px system-ui, sans-serif";
    shown.control.forEach(function (c) {
      var p = project(c.point ? c.e.shape : c.e.shape[0][0]);
      if (p[0] < -200 || p[0] > W || p[1] < 0 || p[1] > H + 20) return;
      var text = c.actor + " holds " + c.e.place_name, w = ctx.measureText(text).width;
      var b = [p[0] + 18, p[1] - 22, p[0] + 18 + w, p[1] - 6];
      if (boxes.length > 400 || boxes.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; })) return;
      boxes.push(b);
      haloText(text, p[0] + 18, p[1] - 14, "#222", "bold 12px system-ui, sans-serif");
    });
    ctx.restore();
    // Selection outline.
    var isSelected = {};
    selected.forEach(function (id) { isSelected[id] = true; });
    hits.items.forEach(function (h) {
      if (!h.list.some(function (x) { return isSelected[x.id]; })) return;
      ctx.save();
      ctx.strokeStyle = "#0a6cff";
      ctx.lineWidth = 1.5;
      if (h.pts) { ctx.globalAlpha = 0.35; ctx.lineWidth = 9; ctx.lineJoin = "round"; strokeLines([h.pts]); }
      else if (h.reach) { ctx.beginPath(); ctx.arc(h.x, h.y, h.reach + 4, 0, 2 * Math.PI); ctx.stroke(); }
      else { ctx.beginPath(); ctx.arc(h.x, h.y, 9, 0, 2 * Math.PI); ctx.stroke(); }
      ctx.restore();
    });
    drawMs = performance.now() - t0;
    if (!FIRST_DRAW) FIRST_DRAW = performance.now();
  }

  function segDist(p, a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1], l = dx * dx + dy * dy;
    var t = l ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l)) : 0;
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  }
  // Every feature within HIT_PX of (x, y), from the grid.
  function hitTest(x, y) {
    var found = {}, taken = {}, out = [];
    for (var cx = Math.floor((x - HIT_PX) / CELL); cx <= Math.floor((x + HIT_PX) / CELL); cx++) {
      for (var cy = Math.floor((y - HIT_PX) / CELL); cy <= Math.floor((y + HIT_PX) / CELL); cy++) {
        (hits.grid.get(cellKey(cx, cy)) || []).forEach(function (i) {
          if (found[i]) return;
          var h = hits.items[i], d;
          if (h.pts) {
            d = Infinity;
            for (var j = 1; j < h.pts.length; j++) d = Math.min(d, segDist([x, y], h.pts[j - 1], h.pts[j]));
          } else {
            d = Math.min(Math.hypot(h.x - x, h.y - y), Math.hypot(h.ax - x, h.ay - y));
            d = Math.max(0, d - h.reach);
          }
          if (d <= HIT_PX) {
            found[i] = 1;
            h.list.forEach(function (f) { if (!taken[f.id]) { taken[f.id] = 1; out.push(f); } });
          }
        });
      }
    }
    return out;
  }

  function showSelection(items) {
    selected = items.map(function (x) { return x.id; }).sort();
    var box = $("selection");
    box.textContent = "";
    $("panel-hint").hidden = items.length > 0;
    if (items.length) box.appendChild(el("p", items.length + (items.length === 1 ? " feature" : " features") + " here", "hint"));
    var MAX_CARDS = 500;
    items.sort(function (a, b) { return a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind === "control" ? 1 : -1; })
      .slice(0, MAX_CARDS).forEach(function (x) { box.appendChild(card(x, typeLabel)); });
    if (items.length > MAX_CARDS) box.appendChild(el("p", "… and " + (items.length - MAX_CARDS) + " more: zoom in or filter", "hint"));
  }

  // ---- the chart (chart.js) for the border chosen above it ----
  var chartState = { border: "", records: 0, claims: 0 };
  function drawChart() {
    $("chart").classList.toggle("empty", !scene.shares.length);
    chartState = drawShareChart($("chart-body"), scene.shares, $("chart-border").value, first, last, asOf);
  }

  // ---- the state for tests ----
  function publish() {
    var filters = {};
    Object.keys(FILTERS).forEach(function (k) { filters[k] = FILTERS[k].filter(function (v) { return checked[k][v]; }); });
    filters.earlier = showEarlier;
    var ids = function (l) { return l.map(function (x) { return x.id; }).sort(); };
    var state = {
      asOf: ymd(asOf), filters: filters,
      shown: { events: ids(shown.events), control: ids(shown.control), earlier: ids(shown.earlier) },
      selected: selected.slice(), chart: chartState, playing: !!playing, errors: ERRORS.slice(),
      resources: performance.getEntriesByType("resource").length,
      // ms from the start of navigation: the scene parsed, the first draw done; the last draw's.
      timing: { parsed: Math.round(PARSED), firstDraw: Math.round(FIRST_DRAW), lastDrawMs: Math.round(drawMs) },
    };
    window.bordermapState = state;
    $("bordermap-state").textContent = JSON.stringify(state);
  }

  function update() {
    compute();
    $("date").value = String(asOf - first);
    $("date-label").textContent = ymd(asOf);
    var n = shown.events.length;
    $("counts").textContent = n + " of " + events.length + " events shown" +
      (shown.earlier.length ? " (and " + shown.earlier.length + " earlier, faded)" : "") +
      " · " + shown.control.length + " of " + control.length + " control intervals";
    draw();
    drawChart();
    publish();
  }
  // Redraws without recomputing (pan, zoom, selection).
  function redraw() { draw(); publish(); }

  // ---- building the controls ----
  $("title").textContent = scene.title;
  $("generator").textContent = "made with " + scene.generator;
  $("attribution").textContent = scene.attribution;
  var slider = $("date");
  slider.max = String(last - first);
  slider.addEventListener("input", function () { asOf = first + (+slider.value || 0); update(); });
  slider.addEventListener("change", function () { asOf = first + (+slider.value || 0); update(); });
  function stepTo(d) {
    slider.value = String(Math.max(0, Math.min(last - first, d - first)));
    slider.dispatchEvent(new Event("input"));
  }
  $("step-back").addEventListener("click", function () { stepTo(asOf - 1); });
  $("step-forward").addEventListener("click", function () { stepTo(asOf + 1); });
  function stop() {
    if (playing) clearInterval(playing);
    playing = null;
    $("play").textContent = "\u25B6 play";
  }
  $("play").addEventListener("click", function () {
    if (playing) { stop(); return; }
    if (asOf >= last) stepTo(first);
    $("play").textContent = "\u275A\u275A pause";
    playing = setInterval(function () {
      if (asOf < last) stepTo(asOf + 1);
      if (asOf >= last) { stop(); publish(); }
    }, 100);
  });
  $("earlier").addEventListener("change", function () { showEarlier = $("earlier").checked; update(); });

  var NAMES = { border: "Border", type: "Type", actor: "Actor", status: "Claim status" };
  var boxes = {}; // filter -> value -> checkbox
  Object.keys(FILTERS).forEach(function (k) {
    var fs = el("fieldset");
    fs.id = "filter-" + k;
    var lg = el("legend", NAMES[k]);
    var all = el("button", "all", "all");
    all.type = "button";
    all.addEventListener("click", function () {
      var on = FILTERS[k].some(function (v) { return !checked[k][v]; });
      FILTERS[k].forEach(function (v) { boxes[k][v].checked = on; checked[k][v] = on; });
      update();
    });
    lg.appendChild(all);
    fs.appendChild(lg);
    boxes[k] = {};
    FILTERS[k].forEach(function (v) {
      var label = el("label"), box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = v;
      box.addEventListener("change", function () { checked[k][v] = box.checked; update(); });
      boxes[k][v] = box;
      label.appendChild(box);
      if (k === "type") {
        var sw = el("span", null, "swatch");
        var lt = scene.legend.filter(function (l) { return l.type === v; })[0];
        sw.style.background = safeColor(lt && lt.color, "#777777");
        label.appendChild(sw);
      }
      label.appendChild(document.createTextNode(k === "type" ? typeLabel[v] || v : v));
      label.title = v;
      fs.appendChild(label);
    });
    $("filters").appendChild(fs);
  });

  // Legend: the types present, the four claim-status forms, control.
  function legendItem(text, paint, width) {
    var div = el("div", null, "item"), c = el("canvas");
    c.width = width || 36; c.height = 18;
    c.style.width = c.width + "px"; c.style.height = "18px";
    paint(c.getContext("2d"));
    div.appendChild(c);
    div.appendChild(el("span", text));
    $("legend").appendChild(div);
  }
  $("legend").appendChild(el("h3", "Types:"));
  scene.legend.forEach(function (l) {
    legendItem(l.label, function (c) { marker(c, 9, 9, "confirmed", safeColor(l.color, "#777777"), false); }, 18);
  });
  $("legend").appendChild(el("h3", "Claim status:"));
  STATUSES.forEach(function (st) {
    legendItem(st + (st === "claimed" ? " (lighter, dashed)" : st === "disputed" ? " (pale, dotted)" : st === "denied" ? " (grey cross)" : " (solid)"), function (c) {
      marker(c, 9, 10, st, "#d62728", false);
      lineStyle(c, st, "#d62728", false);
      c.lineWidth = 3;
      c.beginPath(); c.moveTo(19, 10); c.lineTo(35, 10); c.stroke();
    });
  });
  $("legend").appendChild(el("h3", "Control:"));
  legendItem("a place held (ring, holder's colour)", function (c) {
    c.beginPath(); c.arc(18, 10, 7, 0, 2 * Math.PI); c.lineWidth = 3; c.strokeStyle = "#d62728"; c.stroke();
  });
  legendItem("border", function (c) {
    c.strokeStyle = "#9a9a9a"; c.lineWidth = 2; c.beginPath(); c.moveTo(2, 10); c.lineTo(34, 10); c.stroke();
  });

  // The chart's border choice: the borders of the shares table (or all), AFG-TJK first pick.
  var chartBorders = uniq(scene.shares.map(function (r) { return r.border; }));
  if (!chartBorders.length) chartBorders = scene.borders.map(function (b) { return b.id; });
  var sel = $("chart-border");
  chartBorders.forEach(function (b) { var o = el("option", b); o.value = b; sel.appendChild(o); });
  if (chartBorders.indexOf("AFG-TJK") >= 0) sel.value = "AFG-TJK";
  sel.addEventListener("change", function () { drawChart(); publish(); });

  // ---- pan, zoom, click ----
  var drag = null;
  canvas.addEventListener("mousedown", function (e) {
    drag = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy, moved: false };
  });
  window.addEventListener("mousemove", function (e) {
    if (!drag || !(e.buttons & 1)) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    userView = true;
    view.cx = drag.cx - dx / (view.k * cosLat);
    view.cy = drag.cy + dy / view.k;
    redraw();
  });
  window.addEventListener("mouseup", function () { setTimeout(function () { drag = null; }, 0); });
  function zoomAt(f, x, y) {
    var before = unproject(x, y);
    userView = true;
    view.k = Math.max(1, Math.min(1e6, view.k * f));
    var after = unproject(x, y);
    view.cx += before[0] - after[0];
    view.cy += before[1] - after[1];
    redraw();
  }
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  $("zoom-in").addEventListener("click", function () { zoomAt(1.5, W / 2, H / 2); });
  $("zoom-out").addEventListener("click", function () { zoomAt(1 / 1.5, W / 2, H / 2); });
  $("zoom-fit").addEventListener("click", function () { userView = false; fit(); redraw(); });
  canvas.addEventListener("click", function (e) {
    if (drag && drag.moved) return;
    var r = canvas.getBoundingClientRect();
    showSelection(hitTest(e.clientX - r.left, e.clientY - r.top));
    redraw();
  });
  window.addEventListener("resize", function () { resize(); update(); });
  if (window.ResizeObserver) {
    var lastSize = "";
    new ResizeObserver(function () {
      var r = canvas.getBoundingClientRect(), size = r.width + "x" + r.height;
      if (size === lastSize) return;
      lastSize = size;
      resize();
      redraw();
    }).observe($("map-wrap"));
  }

  // ---- start: draw, then the hash parameters through the same handlers a user triggers ----
  $("chart").classList.toggle("empty", !scene.shares.length);
  resize();
  update();
  function hashParams() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("="), k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i));
      var v = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
      (out[k] = out[k] || []).push.apply(out[k], k === "click" ? [v] : v.split(","));
    });
    return out;
  }
  var params = hashParams();
  if (params["as-of"]) {
    var d = dayOf(params["as-of"][0]);
    if (!isNaN(d)) stepTo(d);
  }
  Object.keys(FILTERS).forEach(function (k) {
    if (!params[k]) return;
    var want = params[k].map(function (v) { return v.trim(); });
    FILTERS[k].forEach(function (v) {
      var on = want.indexOf(v) >= 0;
      if (boxes[k][v].checked !== on) {
        boxes[k][v].checked = on;
        boxes[k][v].dispatchEvent(new Event("change"));
      }
    });
  });
  if (params.chart && chartBorders.indexOf(params.chart[0]) >= 0) {
    sel.value = params.chart[0];
    sel.dispatchEvent(new Event("change"));
  }
  if (params.earlier && params.earlier[0] !== "0") {
    $("earlier").checked = true;
    $("earlier").dispatchEvent(new Event("change"));
  }
  if (params.play && params.play[0] !== "0") $("play").dispatchEvent(new MouseEvent("click", { bubbles: true }));
  if (params.click) {
    var ll = params.click[0].split(",").map(Number);
    if (ll.length === 2 && ll.every(isFinite)) {
      var p = project(ll), r = canvas.getBoundingClientRect();
      canvas.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: r.left + p[0], clientY: r.top + p[1] }));
    }
  }
  publish();
})();
