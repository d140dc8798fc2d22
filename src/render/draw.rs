//! The map as SVG text: borders, control, events of the day (earlier ones faded), labels, the
//! title, the legend, the shares panel and the attribution. Every drawn event is an element
//! with `data-id` (its event id), so tests can find it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::RenderOptions;
use super::frame::{Frame, MARGIN};
use crate::scene::{Position, Scene, SceneEvent, Shape, ShareRow};

/// The one font family used (bundled: `fonts/DejaVuSans.ttf`).
pub(super) const FONT_FAMILY: &str = "DejaVu Sans";

const BACKGROUND: &str = "#ffffff";
const MAP_FILL: &str = "#f3f1ea";
const BORDER: &str = "#555555";
const BORDER_FADED: &str = "#b5b5b5";
const TEXT: &str = "#222222";
const MUTED: &str = "#666666";
const DENIED: &str = "#444444";
/// Colours of the bars for shares on record, confirmed and confirmed-or-claimed.
const RECORD: &str = "#2c6e9b";
const RECORD_CLAIMED: &str = "#9cc3dd";
const CLAIM: &str = "#b2182b";

/// The form of a claim status: marker radius, outline dash, line width, line dash.
fn form(status: &str) -> (f64, &'static str, f64, &'static str) {
    match status {
        "confirmed" => (7.0, "", 5.0, ""),
        "claimed" => (6.0, "3 2", 3.0, "9 4"),
        "disputed" => (5.0, "1 2", 2.0, "2 4"),
        _ => (5.0, "", 1.5, "1 3"),
    }
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// `start <= day < until` on `YYYY-MM-DD` text.
fn active(start: &str, until: &str, day: &str) -> bool {
    start <= day && day < until
}

fn on_border(e: &SceneEvent, border: Option<&String>) -> bool {
    border.is_none_or(|b| e.borders.contains(b))
}

fn path_d(frame: &Frame, lines: &[Vec<Position>]) -> String {
    let mut d = String::new();
    for line in lines {
        for (i, p) in line.iter().enumerate() {
            let (x, y) = frame.project(*p);
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { 'M' } else { 'L' });
        }
    }
    d
}

/// Text with a white halo, so it reads over lines.
fn label(out: &mut String, x: f64, y: f64, size: f64, fill: &str, anchor: &str, text: &str) {
    let _ = writeln!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{}</text>"##,
        esc(text)
    );
}

fn marker(out: &mut String, x: f64, y: f64, status: &str, color: &str, scale: f64, attrs: &str) {
    let (r, dash, _, _) = form(status);
    let r = r * scale;
    if status == "denied" {
        let _ = writeln!(
            out,
            r##"<path {attrs} d="M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}" stroke="{DENIED}" stroke-width="{:.1}" fill="none"/>"##,
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r,
            2.5 * scale
        );
        return;
    }
    let (stroke, dash) = if dash.is_empty() {
        ("#ffffff", String::new())
    } else {
        ("#333333", format!(r##" stroke-dasharray="{dash}""##))
    };
    let _ = writeln!(
        out,
        r##"<circle {attrs} cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{color}" stroke="{stroke}" stroke-width="{:.1}"{dash}/>"##,
        1.5 * scale
    );
}

/// The whole picture.
pub(super) fn draw(scene: &Scene, opts: &RenderOptions) -> String {
    let frame = Frame::new(scene, opts);
    let day = opts.as_of.to_string();
    let border = opts.border.as_ref();
    let mut out = String::with_capacity(256 * 1024);
    let _ = writeln!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"##,
        w = opts.width,
        h = opts.height
    );
    let _ = writeln!(out, r##"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"##);
    let [mx, my, mw, mh] = frame.map;
    let _ = writeln!(
        out,
        r##"<rect x="{mx:.1}" y="{my:.1}" width="{mw:.1}" height="{mh:.1}" fill="{MAP_FILL}" stroke="#cccccc"/>"##
    );
    let _ = writeln!(
        out,
        r##"<clipPath id="map"><rect x="{mx:.1}" y="{my:.1}" width="{mw:.1}" height="{mh:.1}"/></clipPath>"##
    );
    let _ = writeln!(out, r##"<g clip-path="url(#map)">"##);

    // Borders; with --border, the others faded.
    for b in &scene.borders {
        let chosen = border.is_none_or(|id| &b.id == id);
        let _ = writeln!(
            out,
            r##"<path class="border" data-id="{}" d="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>"##,
            esc(&b.id),
            path_d(&frame, &b.lines),
            if chosen { BORDER } else { BORDER_FADED },
            if chosen { 1.6 } else { 1.0 }
        );
    }

    let events: Vec<&SceneEvent> =
        scene.events.iter().filter(|e| on_border(e, border) && e.start.as_str() <= day.as_str()).collect();
    let (today, earlier): (Vec<&SceneEvent>, Vec<&SceneEvent>) =
        events.iter().partition(|e| active(&e.start, &e.until, &day));
    // Lines first (claims over a border), then earlier points faded, then the day's points:
    // confirmed last, on top.
    for e in today.iter().chain(&earlier) {
        if let Shape::Lines(lines) = &e.shape {
            let (_, _, width, dash) = form(&e.claim_status);
            let faded = !active(&e.start, &e.until, &day);
            let _ = writeln!(
                out,
                r##"<path class="event{}" data-id="{}" d="{}" fill="none" stroke="{}" stroke-width="{}" stroke-opacity="{}"{} stroke-linecap="round"/>"##,
                if faded { " earlier" } else { "" },
                esc(&e.id),
                path_d(&frame, lines),
                esc(&e.color),
                if faded { 1.0 } else { width + 2.0 },
                if faded { 0.35 } else { 0.8 },
                if dash.is_empty() { String::new() } else { format!(r##" stroke-dasharray="{dash}""##) }
            );
        }
    }
    let held: Vec<_> = scene
        .control
        .iter()
        .filter(|c| active(&c.start, &c.until, &day) && border.is_none_or(|b| &c.border == b))
        .collect();
    for c in &held {
        if let Shape::Point(p) = c.shape {
            let (x, y) = frame.project(p);
            let (_, dash, _, _) = form(&c.claim_status);
            let _ = writeln!(
                out,
                r##"<circle class="control" data-id="{}" cx="{x:.1}" cy="{y:.1}" r="13" fill="none" stroke="{}" stroke-width="3"{}/>"##,
                esc(&c.id),
                esc(&c.color),
                if dash.is_empty() { String::new() } else { r#" stroke-dasharray="5 3""#.to_string() }
            );
        }
    }
    for e in &earlier {
        if let Shape::Point(p) = e.shape {
            let (x, y) = frame.project(p);
            let attrs = format!(r#"class="event earlier" data-id="{}" opacity="0.45""#, esc(&e.id));
            marker(&mut out, x, y, &e.claim_status, &e.color, 0.6, &attrs);
        }
    }
    let rank = |s: &str| ["denied", "disputed", "claimed", "confirmed"].iter().position(|x| *x == s).unwrap_or(0);
    // Points of the day outside the frame (a statement in Moscow) are named in the subtitle.
    let (mut points, elsewhere): (Vec<&&SceneEvent>, Vec<&&SceneEvent>) = today
        .iter()
        .filter(|e| matches!(e.shape, Shape::Point(_)))
        .partition(|e| matches!(e.shape, Shape::Point(p) if frame.in_map(frame.project(p))));
    points.sort_by_key(|e| (rank(&e.claim_status), e.id.as_str()));
    // Events at one spot are spread on a small circle around it (a dot marks the spot), so
    // that each is seen.
    let mut spots: std::collections::BTreeMap<(i64, i64), Vec<&SceneEvent>> = std::collections::BTreeMap::new();
    for e in &points {
        if let Shape::Point(p) = e.shape {
            let (x, y) = frame.project(p);
            spots.entry(((x * 10.0).round() as i64, (y * 10.0).round() as i64)).or_default().push(e);
        }
    }
    let mut placed: Vec<(&SceneEvent, f64, f64)> = Vec::with_capacity(points.len());
    for (&(x10, y10), at) in &spots {
        let (x, y) = (x10 as f64 / 10.0, y10 as f64 / 10.0);
        if at.len() == 1 {
            placed.push((at[0], x, y));
            continue;
        }
        let r = 7.0 + at.len() as f64;
        for (i, e) in at.iter().enumerate() {
            let a = std::f64::consts::TAU * i as f64 / at.len() as f64 - std::f64::consts::FRAC_PI_2;
            placed.push((e, x + r * a.cos(), y + r * a.sin()));
        }
        let _ = writeln!(out, r##"<circle class="spot" cx="{x:.1}" cy="{y:.1}" r="2" fill="{TEXT}"/>"##);
    }
    placed.sort_by_key(|(e, _, _)| (rank(&e.claim_status), e.id.as_str()));
    for (e, x, y) in placed {
        let attrs = format!(r#"class="event" data-id="{}""#, esc(&e.id));
        marker(&mut out, x, y, &e.claim_status, &e.color, 1.0, &attrs);
    }
    // Labels: each place of the day once; held places say who holds them.
    let mut labelled = BTreeSet::new();
    for c in &held {
        if let Shape::Point(p) = c.shape {
            let (x, y) = frame.project(p);
            labelled.insert(c.place_name.clone());
            label(&mut out, x + 15.0, y - 8.0, 12.0, TEXT, "start", &format!("{} ({} holds)", c.place_name, c.actor));
        }
    }
    for e in &points {
        if let Shape::Point(p) = e.shape
            && labelled.insert(e.place_name.clone())
        {
            let (x, y) = frame.project(p);
            label(&mut out, x + 10.0, y - 6.0, 12.0, TEXT, "start", &e.place_name);
        }
    }
    for b in scene.borders.iter().filter(|b| border.is_none_or(|id| &b.id == id)) {
        if let Some(line) = b.lines.iter().max_by_key(|l| l.len())
            && let Some(p) = line.get(line.len() / 2)
        {
            let (x, y) = frame.project(*p);
            label(&mut out, x, y + 16.0, 11.0, MUTED, "middle", &b.id);
        }
    }
    out.push_str("</g>\n");

    let counts = Counts { today: today.len(), earlier: earlier.len(), held: held.len(), elsewhere: &elsewhere };
    title(&mut out, scene, opts, &counts);
    let y = legend(&mut out, scene, &frame, &events);
    shares(&mut out, scene, opts, &frame, y);
    footer(&mut out, scene, &frame);
    out.push_str("</svg>\n");
    out
}

/// What the subtitle counts.
struct Counts<'a> {
    today: usize,
    earlier: usize,
    held: usize,
    elsewhere: &'a [&'a &'a SceneEvent],
}

fn title(out: &mut String, scene: &Scene, opts: &RenderOptions, c: &Counts) {
    let place = opts
        .border
        .as_ref()
        .and_then(|b| scene.borders.iter().find(|x| &x.id == b))
        .map_or_else(|| "Afghanistan's borders".to_string(), |b| b.title.clone());
    let _ = writeln!(
        out,
        r##"<text x="{MARGIN}" y="30" font-size="22" font-weight="bold" fill="{TEXT}">{}</text>"##,
        esc(&format!("{place}: as of {}", opts.as_of))
    );
    let mut names: Vec<&str> = c.elsewhere.iter().map(|e| e.place_name.as_str()).collect();
    names.dedup();
    let elsewhere = if names.is_empty() {
        String::new()
    } else {
        format!("; {} off the map ({})", c.elsewhere.len(), truncate(&names.join(", "), 60))
    };
    let ids: Vec<&str> = c.elsewhere.iter().map(|e| e.id.as_str()).collect();
    let _ = writeln!(
        out,
        r##"<text class="subtitle" data-elsewhere="{}" x="{MARGIN}" y="52" font-size="13" fill="{MUTED}">{}</text>"##,
        esc(&ids.join(" ")),
        esc(&format!(
            "{}: {} that day{elsewhere}, {} earlier (faded), {} held. Claims are drawn as claims: see the legend.",
            scene.title,
            plural(c.today, "event"),
            c.earlier,
            plural(c.held, "place")
        ))
    );
}

/// The legend at the top of the panel; returns the y below it.
fn legend(out: &mut String, scene: &Scene, frame: &Frame, drawn: &[&SceneEvent]) -> f64 {
    let [px, py, _, _] = frame.panel;
    let mut y = py + 18.0;
    let _ = writeln!(out, r##"<g class="legend">"##);
    let _ = writeln!(
        out,
        r##"<text x="{px:.1}" y="{y:.1}" font-size="14" font-weight="bold" fill="{TEXT}">Legend</text>"##
    );
    y += 20.0;
    for t in scene.legend.iter().filter(|t| drawn.iter().any(|e| e.event_type == t.event_type)) {
        let _ = writeln!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="6" fill="{}" stroke="#ffffff" stroke-width="1.5"/>"##,
            px + 8.0,
            y - 4.0,
            esc(&t.color)
        );
        label(out, px + 22.0, y, 12.0, TEXT, "start", &t.label);
        y += 18.0;
    }
    y += 4.0;
    for (status, text) in [
        ("confirmed", "confirmed: large, solid"),
        ("claimed", "claimed: lighter, dashed outline"),
        ("disputed", "disputed: pale, dotted outline"),
        ("denied", "denied: grey cross"),
    ] {
        marker(out, px + 8.0, y - 4.0, status, "#d62728", 1.0, r##"class="legend-status""##);
        label(out, px + 22.0, y, 12.0, TEXT, "start", text);
        y += 18.0;
    }
    let _ = writeln!(
        out,
        r##"<circle cx="{:.1}" cy="{:.1}" r="9" fill="none" stroke="#d62728" stroke-width="3"/>"##,
        px + 8.0,
        y - 2.0
    );
    label(out, px + 22.0, y + 2.0, 12.0, TEXT, "start", "held that day (control interval)");
    y += 22.0;
    let _ =
        writeln!(out, r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#d62728" opacity="0.45"/>"##, px + 8.0, y - 4.0);
    label(out, px + 22.0, y, 12.0, TEXT, "start", "earlier event (faded)");
    y += 14.0;
    out.push_str("</g>\n");
    y
}

/// The record's rows and the claims of `border` in force or made by `day`.
fn border_shares<'a>(scene: &'a Scene, border: &str, day: &str) -> (Vec<&'a ShareRow>, Vec<&'a ShareRow>) {
    let record = scene
        .shares
        .iter()
        .filter(|r| r.kind == "record" && r.border == border && active(&r.from, &r.until, day))
        .collect();
    let mut claims: Vec<&ShareRow> =
        scene.shares.iter().filter(|r| r.kind == "claim" && r.border == border && r.from.as_str() <= day).collect();
    claims.sort_by(|a, b| b.from.cmp(&a.from).then(a.event_id.cmp(&b.event_id)));
    (record, claims)
}

/// "Share of the border on record vs. claimed", per border, below the legend.
fn shares(out: &mut String, scene: &Scene, opts: &RenderOptions, frame: &Frame, top: f64) {
    let [px, py, pw, ph] = frame.panel;
    let bottom = py + ph;
    let day = opts.as_of.to_string();
    let mut y = top + 18.0;
    let _ = writeln!(out, r##"<g class="shares">"##);
    let _ = writeln!(
        out,
        r##"<text x="{px:.1}" y="{y:.1}" font-size="14" font-weight="bold" fill="{TEXT}">Share of the border: on record vs. claimed</text>"##
    );
    y += 16.0;
    if scene.shares.is_empty() {
        label(out, px, y, 11.0, MUTED, "start", "No shares table in this folder (map with the control layer).");
        out.push_str("</g>\n");
        return;
    }
    let radius = scene.share_radius_km.unwrap_or(0.0);
    label(out, px, y, 11.0, MUTED, "start", &format!("on record: within {radius:.0} km of a place held that day"));
    y += 18.0;
    let mut ids: Vec<&str> = match &opts.border {
        Some(b) => vec![b.as_str()],
        None => scene.borders.iter().map(|b| b.id.as_str()).collect(),
    };
    ids.push("all");
    let bar_w = pw - 130.0;
    for id in ids {
        let (record, claims) = border_shares(scene, id, &day);
        if record.is_empty() && claims.is_empty() && opts.border.as_deref() != Some(id) {
            continue;
        }
        if y + 40.0 > bottom {
            label(out, px, y, 11.0, MUTED, "start", "… (more borders: see shares.csv)");
            break;
        }
        let km = scene.shares.iter().find(|r| r.border == id).map_or(0.0, |r| r.border_km);
        let name = if id == "all" { "all borders".to_string() } else { id.to_string() };
        let _ = writeln!(
            out,
            r##"<text x="{px:.1}" y="{y:.1}" font-size="12" font-weight="bold" fill="{TEXT}">{} ({km:.0} km)</text>"##,
            esc(&name)
        );
        y += 6.0;
        let actors: BTreeSet<&str> =
            record.iter().map(|r| r.actor.as_str()).chain(claims.iter().map(|r| r.actor.as_str())).collect();
        for actor in actors {
            let on =
                |basis: &str| record.iter().find(|r| r.actor == actor && r.basis == basis).map_or(0.0, |r| r.share);
            let (confirmed, with_claims) = (on("confirmed"), on("confirmed_or_claimed"));
            let bx = px + 110.0;
            label(out, px, y + 12.0, 11.0, TEXT, "start", actor);
            let _ = writeln!(
                out,
                r##"<rect x="{bx:.1}" y="{:.1}" width="{bar_w:.1}" height="10" fill="#eeeeee"/>"##,
                y + 3.0
            );
            let _ = writeln!(
                out,
                r##"<rect class="on-record-claimed" x="{bx:.1}" y="{:.1}" width="{:.1}" height="10" fill="{RECORD_CLAIMED}"/>"##,
                y + 3.0,
                bar_w * with_claims.clamp(0.0, 1.0)
            );
            let _ = writeln!(
                out,
                r##"<rect class="on-record" x="{bx:.1}" y="{:.1}" width="{:.1}" height="10" fill="{RECORD}"/>"##,
                y + 3.0,
                bar_w * confirmed.clamp(0.0, 1.0)
            );
            for c in claims.iter().filter(|c| c.actor == actor) {
                let x = bx + bar_w * c.share.clamp(0.0, 1.0);
                let _ = writeln!(
                    out,
                    r##"<path class="claim" data-id="{}" d="M{x:.1},{:.1}L{x:.1},{:.1}" stroke="{CLAIM}" stroke-width="2.5"/>"##,
                    esc(&c.event_id),
                    y,
                    y + 16.0
                );
            }
            y += 16.0;
            label(
                out,
                bx,
                y + 10.0,
                10.0,
                MUTED,
                "start",
                &format!("on record {:.0} % confirmed, {:.0} % with claims", confirmed * 100.0, with_claims * 100.0),
            );
            y += 14.0;
            for c in claims.iter().filter(|c| c.actor == actor).take(3) {
                if y + 14.0 > bottom {
                    break;
                }
                let who = if c.claimed_by.is_empty() { "unattributed" } else { c.claimed_by.as_str() };
                let text = format!(
                    "claimed {:.0} % on {} by {}{}",
                    c.share * 100.0,
                    c.from,
                    who,
                    if c.basis == "claimed" { String::new() } else { format!(" ({})", c.basis) }
                );
                label(out, bx, y + 10.0, 10.0, CLAIM, "start", &truncate(&text, ((bar_w + 10.0) / 5.6) as usize));
                y += 13.0;
            }
        }
        y += 12.0;
    }
    out.push_str("</g>\n");
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n.saturating_sub(1)).collect::<String>())
    }
}

fn footer(out: &mut String, scene: &Scene, frame: &Frame) {
    let y = frame.height - 10.0;
    let _ = writeln!(
        out,
        r##"<text x="{MARGIN}" y="{y:.1}" font-size="11" fill="{MUTED}">{}</text>"##,
        esc(&format!(
            "{} · made with {} · every event is somebody's claim: see its claim status and source",
            scene.attribution, scene.generator
        ))
    );
    // A 100-km scale bar in the map's bottom-left corner.
    let [mx, my, _, mh] = frame.map;
    let len = 100.0 * frame.px_per_km();
    let (x, y) = (mx + 14.0, my + mh - 16.0);
    let _ = writeln!(
        out,
        r##"<path d="M{x:.1},{:.1}L{x:.1},{y:.1}L{:.1},{y:.1}L{:.1},{:.1}" stroke="{TEXT}" stroke-width="2" fill="none"/>"##,
        y - 5.0,
        x + len,
        x + len,
        y - 5.0
    );
    label(out, x + len / 2.0, y - 6.0, 11.0, TEXT, "middle", "100 km");
}
