// The scene as `bordermap view` packs it (src/view/mod.rs, `packed`): events and control
// intervals as rows in the order of their `fields`, texts as numbers into `strings`, and a
// line of a border as its number among the borders' lines. Rebuilt here as plain objects.
function unpack(raw) {
  var lines = [];
  raw.borders.forEach(function (b) { b.lines.forEach(function (l) { lines.push(l); }); });
  function objects(part, rows) {
    var fields = part.fields;
    return rows.map(function (row) {
      var o = {};
      fields.forEach(function (f, i) {
        var x = row[i];
        if (f === "ongoing") o[f] = x;
        else if (f === "borders") o[f] = x.map(function (k) { return raw.strings[k]; });
        else if (f === "shape") o[f] = Array.isArray(x) ? x : x.l.map(function (p) { return typeof p === "number" ? lines[p] : p; });
        else o[f] = raw.strings[x];
      });
      return o;
    });
  }
  raw.events = objects(raw.events, raw.event_rows);
  raw.control = objects(raw.control, raw.control_rows);
  delete raw.strings;
  delete raw.event_rows;
  delete raw.control_rows;
  return raw;
}
