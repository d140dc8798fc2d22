// The side panel's cards: an event or a control interval as text (textContent only), with
// who claimed it, who disputed it, the quote, the source and its links (http(s) only).

function field(dl, name, value) {
  if (value === undefined || value === null || value === "") return;
  dl.appendChild(el("dt", name));
  dl.appendChild(el("dd", value));
}
function card(x, typeLabel) {
  var e = x.e, div = el("div", null, "item-card");
  div.setAttribute("data-id", x.id);
  if (x.kind === "event") {
    div.appendChild(el("h3", e.title || e.id));
    var dl = el("dl");
    field(dl, "id", e.id);
    field(dl, "dates", e.start === e.end || !e.end ? e.start : e.start + " – " + e.end);
    field(dl, "type", typeLabel[e.type] || e.type);
    field(dl, "claim status", e.claim_status);
    field(dl, "actor", e.actor2 ? e.actor + " / " + e.actor2 : e.actor);
    field(dl, "claimed by", e.claimed_by);
    field(dl, "disputed by", e.disputed_by);
    field(dl, "share", e.share);
    field(dl, "place", e.place_name);
    field(dl, "borders", (e.borders || []).join(", ") || "interior");
    field(dl, "source", e.citation || e.source);
    div.appendChild(dl);
    if (e.quote) div.appendChild(el("blockquote", e.quote));
    var urls = (e.url || "").split("|").map(function (u) { return u.trim(); }).filter(Boolean);
    urls.forEach(function (u) {
      var p = el("div");
      if (/^https?:\/\//i.test(u)) {
        var a = el("a", u);
        a.href = u;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        p.appendChild(a);
      } else {
        p.textContent = u; // not a web address: shown, never followed
      }
      div.appendChild(p);
    });
    if (e.notes) div.appendChild(el("p", e.notes, "notes"));
  } else {
    div.appendChild(el("h3", x.actor + " holds " + e.place_name));
    var d2 = el("dl");
    field(d2, "id", e.id);
    field(d2, "held", e.start + " until " + e.until + (e.ongoing ? " (still held at the end)" : ""));
    field(d2, "claim status", e.claim_status);
    field(d2, "claimed by", e.claimed_by);
    field(d2, "disputed by", e.disputed_by);
    field(d2, "started by", e.started_by);
    field(d2, "ended by", e.ended_by);
    field(d2, "border", e.border);
    div.appendChild(d2);
  }
  return div;
}
