//! QGIS layer styles (`.qml`, QGIS 3.22): what QGIS applies by itself when it opens
//! `X.geojson` with `X.qml` beside it, and what a GeoPackage keeps in `layer_styles`.
//!
//! - **Events**: a rule-based renderer, one parent rule per claim status in legend order
//!   (confirmed, claimed, disputed, denied), each with a child rule per event type coloured
//!   with [`style::status_colour`] and an ELSE child for types this version does not know.
//!   The status is told by form as well as colour: points are a large circle with a dark
//!   outline (confirmed), a medium diamond (claimed), a small pale triangle outlined in the
//!   type's colour (disputed) and a grey cross (denied); lines are solid and widest
//!   (confirmed), dashed (claimed), dotted (disputed) and dash-dot, thinnest (denied).
//!   Confirmed features are drawn last, on top.
//! - **Control** intervals: the same forms by claim status, coloured by `start_type`
//!   (the colour of capture or recapture).
//! - **Places**: a dark ring sized by the number of events there (points, with the count as a
//!   label when there are several) or a thin dark line (lines), drawn above the events so that
//!   a click at a stacked place finds its summary.
//! - **Border** lines: dark grey, solid, 0.6 mm.
//!
//! Every temporal kind has temporal control on, "separate fields for start and end", `start`
//! and `until` (the exclusive end) with QGIS's default limits (start included, end excluded):
//! a feature shows in exactly the frames that overlap its days. Map tips and the display
//! expression tell what a feature is. The output is deterministic: fixed rule keys, no
//! timestamps.

use std::fmt::Write as _;

use super::Properties;
use super::schema::{GeomKind, LayerKind};
use super::style;
use crate::events::{ClaimStatus, EventType};

/// The QGIS version the documents are written for.
pub const QGIS_VERSION: &str = "3.22.16-Białowieża";

/// The claim statuses in legend order.
pub const LEGEND_ORDER: [ClaimStatus; 4] =
    [ClaimStatus::Confirmed, ClaimStatus::Claimed, ClaimStatus::Disputed, ClaimStatus::Denied];

/// The dark outline of confirmed points and of place rings.
const DARK: &str = "#232323";
/// The colour of types this version does not know (ELSE rules).
const OTHER: &str = "#9e9e9e";
/// Border lines.
const BORDER_COLOUR: &str = "#404040";

/// A complete QGIS 3.22 layer style document for a layer of this kind and geometry.
pub fn layer_qml(kind: LayerKind, geom: GeomKind, properties: Properties) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
    let _ = writeln!(
        out,
        "<qgis version=\"{QGIS_VERSION}\" styleCategories=\"AllStyleCategories\" labelsEnabled=\"{}\" \
         hasScaleBasedVisibilityFlag=\"0\" minScale=\"100000000\" maxScale=\"0\" readOnly=\"0\">",
        u8::from(labels_enabled(kind, geom))
    );
    push_indented(&mut out, &style_elements(kind, geom, properties), 1);
    let _ = writeln!(out, "  <layerGeometryType>{}</layerGeometryType>", geometry_type_code(geom));
    out.push_str("</qgis>\n");
    out
}

/// Whether the style labels features (the root's `labelsEnabled`).
pub(crate) fn labels_enabled(kind: LayerKind, geom: GeomKind) -> bool {
    kind == LayerKind::Places && geom == GeomKind::Point
}

/// QGIS's geometry type code (`QgsWkbTypes::GeometryType`): 0 point, 1 line.
pub(crate) fn geometry_type_code(geom: GeomKind) -> u8 {
    match geom {
        GeomKind::Point => 0,
        GeomKind::Line => 1,
    }
}

/// The style's elements (temporal properties, renderer, labels, map tip, display
/// expression), without indentation, one element per line: the body of a `.qml` and of a
/// `<maplayer>` in a project (`project.rs`).
pub(crate) fn style_elements(kind: LayerKind, geom: GeomKind, properties: Properties) -> String {
    let mut x = Xml::default();
    x.open("flags", &[]);
    for (name, v) in [("Identifiable", 1), ("Removable", 1), ("Searchable", 1), ("Private", 0)] {
        x.text_element(name, &v.to_string());
    }
    x.close("flags");
    temporal(&mut x, kind);
    match kind {
        LayerKind::Events => status_renderer(&mut x, geom, &event_children()),
        LayerKind::Control => status_renderer(&mut x, geom, &control_children()),
        LayerKind::Places => single_symbol_renderer(&mut x, &place_symbol(geom)),
        LayerKind::Border => single_symbol_renderer(&mut x, &border_symbol()),
    }
    if labels_enabled(kind, geom) {
        place_count_labels(&mut x);
    }
    x.text_element("blendMode", "0");
    x.text_element("featureBlendMode", "0");
    x.text_element("layerOpacity", "1");
    x.empty("legend", &[("type", "default-vector"), ("showLabelLegend", "0")]);
    let (tip, preview) = map_tip(kind, properties);
    x.text_element("previewExpression", &preview);
    x.text_element("mapTip", &tip);
    x.out
}

/// The map tip template and the display expression of a kind.
fn map_tip(kind: LayerKind, properties: Properties) -> (String, String) {
    match (kind, properties) {
        (LayerKind::Events, Properties::Compact) => (
            "<b>[% \"type\" %] at [% \"place_name\" %]</b><br>[% \"start\" %] to [% \"end\" %], \
             [% \"claim_status\" %]<br>[% \"citation\" %]"
                .to_string(),
            "\"type\" || ' at ' || \"place_name\" || ', ' || \"start\" || ' (' || \"claim_status\" || ')'".to_string(),
        ),
        _ => ("<b>[% \"title\" %]</b><br>[% \"description\" %]".to_string(), "\"title\"".to_string()),
    }
}

/// `<temporal>`: on for every kind but the border lines, start `start`, end `until`
/// (mode 2, "separate fields for start and end"; limit mode 0, start included, end
/// excluded).
fn temporal(x: &mut Xml, kind: LayerKind) {
    let on = kind.is_temporal();
    let (start, end) = if on { ("start", "until") } else { ("", "") };
    x.open(
        "temporal",
        &[
            ("enabled", if on { "1" } else { "0" }),
            ("mode", if on { "2" } else { "0" }),
            ("startField", start),
            ("endField", end),
            ("limitMode", "0"),
            ("accumulate", "0"),
            ("durationField", ""),
            ("durationUnit", "min"),
            ("fixedDuration", "0"),
            ("startExpression", ""),
            ("endExpression", ""),
        ],
    );
    x.open("fixedRange", &[]);
    x.text_element("start", "");
    x.text_element("end", "");
    x.close("fixedRange");
    x.close("temporal");
}

/// A child rule under a status: its label, filter (or ELSE) and the type colour it takes.
struct Child {
    key: String,
    label: String,
    filter: String,
    /// The colour for each status, in [`LEGEND_ORDER`].
    colours: [String; 4],
}

fn event_children() -> Vec<Child> {
    let mut children: Vec<Child> = EventType::ALL
        .iter()
        .map(|&t| Child {
            key: t.as_str().to_string(),
            label: t.label().to_string(),
            filter: format!("\"type\" = '{}'", t.as_str()),
            colours: LEGEND_ORDER.map(|s| style::status_colour(t, s)),
        })
        .collect();
    children.push(else_child("Other type"));
    children
}

fn control_children() -> Vec<Child> {
    let mut children: Vec<Child> =
        [(EventType::Capture, "Held after a capture"), (EventType::Recapture, "Held after a recapture")]
            .iter()
            .map(|&(t, label)| Child {
                key: t.as_str().to_string(),
                label: label.to_string(),
                filter: format!("\"start_type\" = '{}'", t.as_str()),
                colours: LEGEND_ORDER.map(|s| style::status_colour(t, s)),
            })
            .collect();
    children.push(else_child("Other"));
    children
}

fn else_child(label: &str) -> Child {
    Child {
        key: "else".to_string(),
        label: label.to_string(),
        filter: "ELSE".to_string(),
        colours: LEGEND_ORDER
            .map(|s| if s == ClaimStatus::Denied { style::DENIED_COLOUR.to_string() } else { OTHER.to_string() }),
    }
}

fn status_label(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Confirmed => "Confirmed",
        ClaimStatus::Claimed => "Claimed",
        ClaimStatus::Disputed => "Disputed",
        ClaimStatus::Denied => "Denied",
    }
}

/// A rule-based renderer: a parent rule per claim status, then the children; confirmed
/// features drawn last (on top).
fn status_renderer(x: &mut Xml, geom: GeomKind, children: &[Child]) {
    x.open(
        "renderer-v2",
        &[
            ("type", "RuleRenderer"),
            ("forceraster", "0"),
            ("symbollevels", "0"),
            ("enableorderby", "1"),
            ("referencescale", "-1"),
        ],
    );
    x.open("rules", &[("key", "{bordermap-rules}")]);
    let mut symbols = Vec::new();
    for (si, &status) in LEGEND_ORDER.iter().enumerate() {
        let key = format!("{{{}}}", status.as_str());
        let filter = format!("\"claim_status\" = '{}'", status.as_str());
        x.open("rule", &[("key", &key), ("filter", &filter), ("label", status_label(status))]);
        for child in children {
            let n = symbols.len().to_string();
            let key = format!("{{{}-{}}}", status.as_str(), child.key);
            x.empty("rule", &[("key", &key), ("symbol", &n), ("filter", &child.filter), ("label", &child.label)]);
            let colour = &child.colours[si];
            let type_colour = &child.colours[0];
            symbols.push(match geom {
                GeomKind::Point => status_marker(status, colour, type_colour),
                GeomKind::Line => status_line(status, colour),
            });
        }
        x.close("rule");
    }
    x.close("rules");
    x.open("symbols", &[]);
    for (i, s) in symbols.iter().enumerate() {
        s.write(x, &i.to_string());
    }
    x.close("symbols");
    order_by(
        x,
        "CASE WHEN \"claim_status\" = 'confirmed' THEN 3 WHEN \"claim_status\" = 'claimed' THEN 2 \
         WHEN \"claim_status\" = 'disputed' THEN 1 ELSE 0 END",
    );
    x.close("renderer-v2");
}

fn order_by(x: &mut Xml, expression: &str) {
    x.open("orderby", &[]);
    x.open_inline("orderByClause", &[("asc", "1"), ("nullsFirst", "0")]);
    x.inline_text(expression);
    x.close_inline("orderByClause");
    x.close("orderby");
}

fn single_symbol_renderer(x: &mut Xml, symbol: &Symbol) {
    x.open(
        "renderer-v2",
        &[
            ("type", "singleSymbol"),
            ("forceraster", "0"),
            ("symbollevels", "0"),
            ("enableorderby", "0"),
            ("referencescale", "-1"),
        ],
    );
    x.open("symbols", &[]);
    symbol.write(x, "0");
    x.close("symbols");
    x.empty("rotation", &[]);
    x.empty("sizescale", &[]);
    x.close("renderer-v2");
}

/// The point form of a claim status.
fn status_marker(status: ClaimStatus, colour: &str, type_colour: &str) -> Symbol {
    let (shape, size, fill, outline, outline_width) = match status {
        ClaimStatus::Confirmed => ("circle", "4", rgba(colour, 255), rgba(DARK, 255), "0.4"),
        ClaimStatus::Claimed => ("diamond", "3.2", rgba(colour, 255), rgba(type_colour, 255), "0.3"),
        ClaimStatus::Disputed => ("triangle", "2.6", rgba(colour, 90), rgba(type_colour, 255), "0.5"),
        ClaimStatus::Denied => ("cross2", "2.6", rgba(colour, 255), rgba(colour, 255), "0.6"),
    };
    Symbol::marker(vec![simple_marker(shape, size, fill, outline, outline_width, None)])
}

/// The line form of a claim status: width (mm), dash pattern (mm, `None` solid), opacity.
fn status_line(status: ClaimStatus, colour: &str) -> Symbol {
    let (width, dash, alpha) = match status {
        ClaimStatus::Confirmed => ("1.2", None, 255),
        ClaimStatus::Claimed => ("0.9", Some("4;2"), 230),
        ClaimStatus::Disputed => ("0.7", Some("0.7;1.4"), 200),
        ClaimStatus::Denied => ("0.5", Some("3;1.2;0.6;1.2"), 220),
    };
    Symbol::line(vec![simple_line(&rgba(colour, alpha), width, dash)])
}

fn place_symbol(geom: GeomKind) -> Symbol {
    match geom {
        GeomKind::Point => Symbol::marker(vec![simple_marker(
            "circle",
            "5",
            rgba("#ffffff", 40),
            rgba(DARK, 255),
            "0.5",
            Some("min(4.5 + 1.5 * sqrt(coalesce(\"events\", 1)), 11)"),
        )]),
        GeomKind::Line => Symbol::line(vec![simple_line(&rgba(DARK, 170), "0.3", None)]),
    }
}

fn border_symbol() -> Symbol {
    Symbol::line(vec![simple_line(&rgba(BORDER_COLOUR, 255), "0.6", None)])
}

/// The number of events beside a place's ring, when there are several.
fn place_count_labels(x: &mut Xml) {
    x.open("labeling", &[("type", "simple")]);
    x.open("settings", &[("calloutType", "simple")]);
    x.open(
        "text-style",
        &[
            ("fieldName", "if(\"events\" > 1, to_string(\"events\"), '')"),
            ("isExpression", "1"),
            ("fontFamily", "Sans Serif"),
            ("fontSize", "7"),
            ("fontSizeUnit", "Point"),
            ("fontWeight", "75"),
            ("textColor", &rgba(DARK, 255)),
            ("textOpacity", "1"),
            ("namedStyle", "Bold"),
            ("multilineHeight", "1"),
            ("allowHtml", "0"),
        ],
    );
    x.empty(
        "text-buffer",
        &[
            ("bufferDraw", "1"),
            ("bufferSize", "0.7"),
            ("bufferSizeUnits", "MM"),
            ("bufferColor", "255,255,255,255"),
            ("bufferOpacity", "0.8"),
            ("bufferNoFill", "1"),
            ("bufferJoinStyle", "128"),
        ],
    );
    x.close("text-style");
    x.empty("text-format", &[("multilineAlign", "3"), ("wrapChar", ""), ("formatNumbers", "0")]);
    // Placement 6: around/over point "cartographic", 1 mm from the ring.
    x.empty("placement", &[("placement", "6"), ("dist", "1"), ("distUnits", "MM"), ("priority", "5")]);
    x.empty(
        "rendering",
        &[
            ("obstacle", "1"),
            ("obstacleType", "1"),
            ("displayAll", "0"),
            ("upsidedownLabels", "0"),
            ("drawLabels", "1"),
        ],
    );
    x.close("settings");
    x.close("labeling");
}

/// `r,g,b,a` from `#rrggbb`.
fn rgba(hex: &str, alpha: u8) -> String {
    let c = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    format!("{},{},{},{alpha}", c(1), c(3), c(5))
}

fn simple_marker(
    shape: &str,
    size: &str,
    fill: String,
    outline: String,
    outline_width: &str,
    size_expression: Option<&str>,
) -> SymbolLayer {
    // The properties QGIS would otherwise default differently or that bordermap sets; the
    // rest (angle, offsets, anchors, scale method) are QGIS's defaults.
    let props = vec![
        ("color", fill),
        ("joinstyle", "miter".to_string()),
        ("name", shape.to_string()),
        ("outline_color", outline),
        ("outline_style", "solid".to_string()),
        ("outline_width", outline_width.to_string()),
        ("outline_width_unit", "MM".to_string()),
        ("size", size.to_string()),
        ("size_unit", "MM".to_string()),
    ];
    let data_defined = size_expression.map(|e| vec![("size", e.to_string())]).unwrap_or_default();
    SymbolLayer { class: "SimpleMarker", props, data_defined }
}

fn simple_line(colour: &str, width: &str, dash: Option<&str>) -> SymbolLayer {
    let mut props = vec![
        ("capstyle", if dash.is_some() { "flat" } else { "round" }.to_string()),
        ("joinstyle", "round".to_string()),
        ("line_color", colour.to_string()),
        ("line_style", "solid".to_string()),
        ("line_width", width.to_string()),
        ("line_width_unit", "MM".to_string()),
        ("use_custom_dash", if dash.is_some() { "1" } else { "0" }.to_string()),
    ];
    if let Some(dash) = dash {
        props.insert(0, ("customdash", dash.to_string()));
        props.insert(1, ("customdash_unit", "MM".to_string()));
    }
    SymbolLayer { class: "SimpleLine", props, data_defined: Vec::new() }
}

/// One layer of a symbol: its class and its properties (in key order, as QGIS writes them).
struct SymbolLayer {
    class: &'static str,
    props: Vec<(&'static str, String)>,
    /// Data-defined properties: (property name, expression).
    data_defined: Vec<(&'static str, String)>,
}

struct Symbol {
    ty: &'static str,
    layers: Vec<SymbolLayer>,
}

impl Symbol {
    fn marker(layers: Vec<SymbolLayer>) -> Symbol {
        Symbol { ty: "marker", layers }
    }

    fn line(layers: Vec<SymbolLayer>) -> Symbol {
        Symbol { ty: "line", layers }
    }

    /// `<symbol>` as QGIS 3.22 reads it: the properties as an `<Option type="Map">` (what
    /// 3.22 writes first; the `<prop k v>` copies it adds for older versions are left out, as
    /// are empty data-defined blocks: a style per file stays small).
    fn write(&self, x: &mut Xml, name: &str) {
        x.open(
            "symbol",
            &[("type", self.ty), ("name", name), ("alpha", "1"), ("clip_to_extent", "1"), ("force_rhr", "0")],
        );
        for layer in &self.layers {
            x.open("layer", &[("class", layer.class), ("pass", "0"), ("enabled", "1"), ("locked", "0")]);
            x.open("Option", &[("type", "Map")]);
            for (k, v) in &layer.props {
                x.empty("Option", &[("value", v), ("type", "QString"), ("name", k)]);
            }
            x.close("Option");
            if !layer.data_defined.is_empty() {
                data_defined_properties(x, &layer.data_defined);
            }
            x.close("layer");
        }
        x.close("symbol");
    }
}

/// `<data_defined_properties>`: expression-based properties (type 3).
fn data_defined_properties(x: &mut Xml, props: &[(&'static str, String)]) {
    x.open("data_defined_properties", &[]);
    x.open("Option", &[("type", "Map")]);
    x.empty("Option", &[("value", ""), ("type", "QString"), ("name", "name")]);
    x.open("Option", &[("type", "Map"), ("name", "properties")]);
    for (name, expression) in props {
        x.open("Option", &[("type", "Map"), ("name", name)]);
        x.empty("Option", &[("value", "true"), ("type", "bool"), ("name", "active")]);
        x.empty("Option", &[("value", expression), ("type", "QString"), ("name", "expression")]);
        x.empty("Option", &[("value", "3"), ("type", "int"), ("name", "type")]);
        x.close("Option");
    }
    x.close("Option");
    x.empty("Option", &[("value", "collection"), ("type", "QString"), ("name", "type")]);
    x.close("Option");
    x.close("data_defined_properties");
}

/// Appends `text` with each line indented by `depth` steps of two spaces.
pub(crate) fn push_indented(out: &mut String, text: &str, depth: usize) {
    for line in text.lines() {
        for _ in 0..depth {
            out.push_str("  ");
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// A small XML writer: one element per line, two spaces per level; text never spans lines.
#[derive(Default)]
pub(crate) struct Xml {
    pub(crate) out: String,
    depth: usize,
}

impl Xml {
    /// The current nesting depth.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
    }

    /// `<name attrs>` on its own line; the following elements are nested.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>` on its own line.
    pub(crate) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name>text</name>` (text escaped; newlines become spaces).
    pub(crate) fn text_element(&mut self, name: &str, text: &str) {
        self.indent();
        let _ = writeln!(self.out, "<{name}>{}</{name}>", escape(&text.replace('\n', " ")));
    }

    /// `<name attrs>` with text to follow on the same line.
    fn open_inline(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push('>');
    }

    fn inline_text(&mut self, text: &str) {
        self.out.push_str(&escape(&text.replace('\n', " ")));
    }

    fn close_inline(&mut self, name: &str) {
        let _ = writeln!(self.out, "</{name}>");
    }
}

/// Escapes text for XML content and double-quoted attributes.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks that `xml` is one well-formed element tree (after an optional `<!DOCTYPE>`):
    /// tags balanced, attribute values quoted, no `<` or bare `&` in text or values. Returns
    /// the element names in document order (start tags).
    pub(crate) fn well_formed(xml: &str) -> Vec<String> {
        let mut rest = xml.trim_start();
        if rest.starts_with("<!DOCTYPE") {
            rest = &rest[rest.find('>').expect("doctype closed") + 1..];
        }
        let mut stack: Vec<String> = Vec::new();
        let mut names = Vec::new();
        let mut roots = 0;
        while let Some(lt) = rest.find('<') {
            check_text(&rest[..lt]);
            assert!(!stack.is_empty() || rest[..lt].trim().is_empty(), "text outside the root");
            let gt = rest[lt..].find('>').expect("tag closed") + lt;
            let tag = &rest[lt + 1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name.trim()), "mismatched </{name}>");
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            let name = &tag[..name_end];
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || "-_:".contains(c)),
                "name {name:?}"
            );
            check_attributes(&tag[name_end..]);
            names.push(name.to_string());
            if stack.is_empty() {
                roots += 1;
            }
            if !self_closing {
                stack.push(name.to_string());
            }
        }
        assert!(rest.trim().is_empty(), "text after the root");
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        assert_eq!(roots, 1, "one root element");
        names
    }

    fn check_text(text: &str) {
        let mut s = text;
        while let Some(i) = s.find('&') {
            let end = s[i..].find(';').expect("entity closed") + i;
            assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&&s[i..=end]), "entity {}", &s[i..=end]);
            s = &s[end + 1..];
        }
    }

    fn check_attributes(mut s: &str) {
        let mut seen = std::collections::BTreeSet::new();
        loop {
            s = s.trim_start();
            if s.is_empty() {
                return;
            }
            let eq = s.find('=').expect("attribute has a value");
            let name = s[..eq].trim();
            assert!(seen.insert(name.to_string()), "attribute {name} twice");
            s = &s[eq + 1..];
            assert!(s.starts_with('"'), "attribute {name} quoted");
            let end = s[1..].find('"').expect("value closed") + 1;
            let value = &s[1..end];
            assert!(!value.contains('<'), "< in {name}");
            check_text(value);
            s = &s[end + 1..];
        }
    }

    /// A symbol layer property as written.
    fn opt(name: &str, value: &str) -> String {
        format!("<Option value=\"{value}\" type=\"QString\" name=\"{name}\"/>")
    }

    fn count(names: &[String], name: &str) -> usize {
        names.iter().filter(|n| *n == name).count()
    }

    #[test]
    fn events_have_a_rule_per_status_and_type_and_an_else() {
        for geom in GeomKind::ALL {
            for properties in [Properties::Full, Properties::Compact] {
                let qml = layer_qml(LayerKind::Events, geom, properties);
                let names = well_formed(&qml);
                let per_status = EventType::ALL.len() + 1;
                assert_eq!(count(&names, "rule"), 4 * (1 + per_status));
                assert_eq!(count(&names, "symbol"), 4 * per_status);
                assert!(qml.contains("type=\"RuleRenderer\""));
                assert_eq!(qml.matches("filter=\"ELSE\"").count(), 4);
                let order: Vec<usize> = ["Confirmed", "Claimed", "Disputed", "Denied"]
                    .iter()
                    .map(|l| qml.find(&format!("label=\"{l}\"")).expect(l))
                    .collect();
                assert!(order.windows(2).all(|w| w[0] < w[1]), "legend order");
                assert!(
                    qml.contains("filter=\"&quot;type&quot; = &apos;control_claim&apos;\" label=\"Control claim\"")
                );
            }
        }
        let pts = layer_qml(LayerKind::Events, GeomKind::Point, Properties::Full);
        for shape in ["circle", "diamond", "triangle", "cross2"] {
            assert!(pts.contains(&opt("name", shape)), "{shape}");
        }
        // Denied is grey whatever the type.
        let grey = rgba(style::DENIED_COLOUR, 255);
        assert_eq!(pts.matches(&opt("color", &grey)).count(), EventType::ALL.len() + 1);
        let lines = layer_qml(LayerKind::Events, GeomKind::Line, Properties::Full);
        assert_eq!(lines.matches(&opt("use_custom_dash", "1")).count(), 3 * (EventType::ALL.len() + 1));
        assert!(lines.contains(&opt("customdash", "3;1.2;0.6;1.2")));
    }

    #[test]
    fn claimed_colours_come_from_the_style_module() {
        let pts = layer_qml(LayerKind::Events, GeomKind::Point, Properties::Full);
        let claimed = rgba(&style::status_colour(EventType::Capture, ClaimStatus::Claimed), 255);
        assert!(pts.contains(&opt("color", &claimed)));
        assert_eq!(rgba("#d62728", 255), "214,39,40,255");
    }

    #[test]
    fn temporal_control_uses_start_and_until_except_on_borders() {
        for kind in LayerKind::ALL {
            for geom in GeomKind::ALL {
                let qml = layer_qml(kind, geom, Properties::Full);
                well_formed(&qml);
                let on = "<temporal enabled=\"1\" mode=\"2\" startField=\"start\" endField=\"until\" limitMode=\"0\"";
                assert_eq!(qml.contains(on), kind != LayerKind::Border, "{kind:?} {geom:?}");
                assert!(qml.contains("<temporal enabled=\"0\"") == (kind == LayerKind::Border));
                assert!(qml.starts_with("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" styleCategories=\"AllStyleCategories\""));
                assert!(qml.contains("<mapTip>") && qml.contains("<previewExpression>"));
            }
        }
    }

    #[test]
    fn control_places_and_borders() {
        let control = layer_qml(LayerKind::Control, GeomKind::Point, Properties::Full);
        let names = well_formed(&control);
        assert_eq!(count(&names, "rule"), 4 * (1 + 3));
        assert!(control.contains("&quot;start_type&quot; = &apos;recapture&apos;"));
        let recapture = rgba(style::type_colour(EventType::Recapture), 255);
        assert!(control.contains(&opt("color", &recapture)));

        let places = layer_qml(LayerKind::Places, GeomKind::Point, Properties::Full);
        well_formed(&places);
        assert!(places.contains("type=\"singleSymbol\"") && places.contains("labelsEnabled=\"1\""));
        assert!(places.contains("&quot;events&quot;") && places.contains("<labeling type=\"simple\">"));
        let place_lines = layer_qml(LayerKind::Places, GeomKind::Line, Properties::Full);
        assert!(place_lines.contains("labelsEnabled=\"0\"") && !place_lines.contains("<labeling"));

        let border = layer_qml(LayerKind::Border, GeomKind::Line, Properties::Full);
        well_formed(&border);
        assert!(border.contains(&opt("line_width", "0.6")));
        assert!(border.contains(&opt("line_color", "64,64,64,255")));
    }

    #[test]
    fn compact_events_tip_uses_compact_fields_only() {
        let qml = layer_qml(LayerKind::Events, GeomKind::Point, Properties::Compact);
        let names: Vec<&str> = super::super::schema::EVENT_COMPACT.iter().map(|f| f.name).collect();
        let tip = &qml[qml.find("<mapTip>").unwrap()..];
        for field in tip.split("&quot;").skip(1).step_by(2) {
            assert!(names.contains(&field), "{field} is not a compact field");
        }
        assert!(!qml.contains("&quot;title&quot;"));
    }

    #[test]
    fn output_is_deterministic_and_escaped() {
        assert_eq!(
            layer_qml(LayerKind::Events, GeomKind::Point, Properties::Full),
            layer_qml(LayerKind::Events, GeomKind::Point, Properties::Full)
        );
        assert_eq!(escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        let qml = layer_qml(LayerKind::Events, GeomKind::Point, Properties::Full);
        assert!(!qml.contains("saveDateTime") && !qml.contains('\r'));
    }
}
