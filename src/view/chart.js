// The chart under the map: a border's claimed shares beside the share on record
// (shares.csv), SVG. The record per actor is a step line (solid: confirmed; dashed: confirmed
// or claimed), each claim a dot at its date and share labelled with who made it.

var ACTOR_COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
// Draws into `body` the chart of `border` from the shares table `shares`, over the days
// `first`..`last` with a line at `asOf`; returns what it drew ({border, records, claims}).
function drawShareChart(body, shares, border, first, last, asOf) {
  body.textContent = "";
  var chartState = { border: border, records: 0, claims: 0 };
  if (!shares.length) {
    body.appendChild(el("div", "no shares table in this folder (shares.csv)", "empty"));
    return chartState;
  }
  var rows = shares.filter(function (r) { return r.border === border; });
  var w = Math.max(300, body.clientWidth || 600), h = Math.max(120, body.clientHeight || 180);
  var m = { l: 40, r: 12, t: 24, b: 20 };
  var s = svg("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": "claimed share vs. share on record" }, body);
  var span = Math.max(1, last + 1 - first);
  var X = function (d) { return m.l + (Math.max(first, Math.min(last + 1, d)) - first) / span * (w - m.l - m.r); };
  var Y = function (v) { return h - m.b - Math.max(0, Math.min(1, v)) * (h - m.t - m.b); };
  [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
    svg("line", { x1: m.l, x2: w - m.r, y1: Y(v), y2: Y(v), stroke: "#e4e4e4" }, s);
    svg("text", { x: m.l - 4, y: Y(v) + 4, "text-anchor": "end", "font-size": 10, fill: "#666" }, s, Math.round(v * 100) + " %");
  });
  for (var d = first; d <= last; d++) {
    if (ymd(d).slice(8) === "01") {
      svg("line", { x1: X(d), x2: X(d), y1: h - m.b, y2: h - m.b + 4, stroke: "#999" }, s);
      svg("text", { x: X(d) + 2, y: h - 6, "font-size": 10, fill: "#666" }, s, ymd(d).slice(0, 7));
    }
  }
  var actors = uniq(rows.map(function (r) { return r.actor; }));
  var colorOf = function (a) { return ACTOR_COLORS[actors.indexOf(a) % ACTOR_COLORS.length]; };
  // The record: a step function per actor and basis, zero outside any row.
  var keyed = {};
  rows.filter(function (r) { return r.kind === "record"; }).forEach(function (r) {
    var k = r.actor + "\u0000" + r.basis;
    (keyed[k] = keyed[k] || []).push(r);
    chartState.records++;
  });
  Object.keys(keyed).forEach(function (k) {
    var rs = keyed[k].slice().sort(function (a, b) { return dayOf(a.from) - dayOf(b.from); });
    var pts = [[first, 0]], prevU = first, prevV = 0;
    rs.forEach(function (r) {
      var f = dayOf(r.from), u = dayOf(r.until);
      if (isNaN(u)) u = last + 1;
      if (f > prevU) pts.push([prevU, 0], [f, 0]); // a gap: zero on record
      else pts.push([f, prevV]);
      pts.push([f, r.share], [u, r.share]);
      prevU = u;
      prevV = r.share;
    });
    if (prevU <= last) pts.push([prevU, 0], [last + 1, 0]);
    var dpath = pts.map(function (p, i) { return (i ? "L" : "M") + X(p[0]).toFixed(1) + "," + Y(p[1]).toFixed(1); }).join("");
    var r0 = rs[0];
    var path = svg("path", { d: dpath, fill: "none", stroke: colorOf(r0.actor), "stroke-width": 2,
      "stroke-dasharray": r0.basis === "confirmed" ? "none" : "6 4", "class": "record" }, s);
    svg("title", {}, path, r0.actor + " on record (" + r0.basis.replace(/_/g, " ") + ")");
  });
  // The claims: a dot at its date and share, labelled with who claimed it; a label that
  // would sit on an earlier one moves down a line.
  var labelsAt = [];
  rows.filter(function (r) { return r.kind === "claim"; }).forEach(function (r) {
    var x = X(dayOf(r.from)), y = Y(r.share);
    var st = r.basis, c;
    if (st === "denied") {
      c = svg("path", { d: "M" + (x - 5) + "," + (y - 5) + "l10,10M" + (x + 5) + "," + (y - 5) + "l-10,10",
        stroke: DENIED, "stroke-width": 3, "class": "claim" }, s);
    } else {
      c = svg("circle", { cx: x, cy: y, r: 5, fill: colorOf(r.actor), stroke: "#222", "stroke-width": 1.2,
        "fill-opacity": st === "confirmed" ? 1 : st === "disputed" ? 0.35 : 0.7,
        "stroke-dasharray": st === "confirmed" ? "none" : st === "disputed" ? "1 2" : "3 2", "class": "claim" }, s);
    }
    svg("title", {}, c, (r.claimed_by || "?") + ": " + Math.round(r.share * 100) + " % (" + r.actor + ")" +
      (r.quote ? " — " + r.quote : ""));
    var label = (r.claimed_by || "?").replace(/\s*\(.*$/, "");
    var ly = y - 6;
    while (labelsAt.some(function (p) { return Math.abs(p[0] - x) < 120 && Math.abs(p[1] - ly) < 11; })) ly += 11;
    labelsAt.push([x, ly]);
    svg("text", { x: x + 7, y: ly, "font-size": 10, fill: "#222" }, s, label + " " + Math.round(r.share * 100) + " %");
    chartState.claims++;
  });
  var xd = X(asOf + 0.5);
  svg("line", { x1: xd, x2: xd, y1: m.t, y2: h - m.b, stroke: "#0a6cff", "stroke-width": 1.5, "class": "as-of" }, s);
  // Key.
  var kx = m.l + 6;
  actors.forEach(function (a) {
    svg("line", { x1: kx, x2: kx + 18, y1: 8, y2: 8, stroke: colorOf(a), "stroke-width": 2 }, s);
    svg("text", { x: kx + 22, y: 12, "font-size": 10 }, s, a);
    kx += 30 + 6 * a.length;
  });
  svg("text", { x: kx, y: 12, "font-size": 10, fill: "#555" }, s,
    "record: solid confirmed, dashed confirmed or claimed · a claim: a dot (a cross if denied), labelled with who claimed it");
  if (!rows.length) svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle", fill: "#777" }, s, "no share rows for " + border);
  return chartState;
}
