//! A QGIS 3.22 project (`.qgs`) of the layers: relative paths, EPSG:4326, every layer styled
//! with the same renderer and temporal properties as its `.qml` ([`super::qml`]), grouped in
//! the layer tree, and the project's temporal range set to the data's, so the Temporal
//! Controller starts on it. Deterministic: layer ids derive from the names and sources, no
//! timestamps, no user names.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::Properties;
use super::qml::{QGIS_VERSION, Xml, escape, geometry_type_code, labels_enabled, push_indented, style_elements};
use super::schema::{GeomKind, LayerKind};

/// A layer of a project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectLayer {
    /// Shown in the layer tree.
    pub name: String,
    /// Relative to the project file: `AFG-TJK-points.geojson`, or
    /// `bordermap.gpkg|layername=AFG-TJK-points`.
    pub source: String,
    /// The QGIS data provider: `ogr`.
    pub provider: &'static str,
    /// Its kind (the style).
    pub kind: LayerKind,
    /// Its geometry.
    pub geom: GeomKind,
    /// The layer tree group it is in (`""`: at the top level).
    pub group: String,
    /// Checked in the layer tree.
    pub visible: bool,
}

/// WGS 84 as QGIS 3.22 writes it (`<spatialrefsys>`); QGIS looks the CRS up by `authid`.
const WGS84: &str = r#"<spatialrefsys>
  <wkt>GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["World."],BBOX[-90,-180,90,180]],ID["EPSG",4326]]</wkt>
  <proj4>+proj=longlat +datum=WGS84 +no_defs</proj4>
  <srsid>3452</srsid>
  <srid>4326</srid>
  <authid>EPSG:4326</authid>
  <description>WGS 84</description>
  <projectionacronym>longlat</projectionacronym>
  <ellipsoidacronym>EPSG:7030</ellipsoidacronym>
  <geographicflag>true</geographicflag>
</spatialrefsys>"#;

/// The `.qgs` document. `layers` come in drawing order, top first; groups appear in the
/// order of their first layer. `range` is the first `start` and the last `until` of the data.
pub fn project_qgs(
    title: &str,
    layers: &[ProjectLayer],
    range: Option<(Date, Date)>,
    properties: Properties,
) -> String {
    let ids = layer_ids(layers);
    let mut x = Xml::default();
    x.open("qgis", &[("projectname", title), ("version", QGIS_VERSION)]);
    x.empty("homePath", &[("path", "")]);
    x.text_element("title", title);
    x.open("projectCrs", &[]);
    push_raw(&mut x, WGS84);
    x.close("projectCrs");

    // The layer tree: groups in order of their first layer, layers in drawing order.
    x.open("layer-tree-group", &[]);
    empty_custom_properties(&mut x);
    let mut groups: Vec<&str> = Vec::new();
    for l in layers {
        if !groups.contains(&l.group.as_str()) {
            groups.push(&l.group);
        }
    }
    for group in &groups {
        let members: Vec<usize> = (0..layers.len()).filter(|&i| layers[i].group == *group).collect();
        if !group.is_empty() {
            let checked = if members.iter().any(|&i| layers[i].visible) { "Qt::Checked" } else { "Qt::Unchecked" };
            x.open("layer-tree-group", &[("name", group), ("checked", checked), ("expanded", "1")]);
            empty_custom_properties(&mut x);
        }
        for i in members {
            let l = &layers[i];
            let source = datasource(&l.source);
            x.open(
                "layer-tree-layer",
                &[
                    ("id", &ids[i]),
                    ("name", &l.name),
                    ("source", &source),
                    ("providerKey", l.provider),
                    ("checked", if l.visible { "Qt::Checked" } else { "Qt::Unchecked" }),
                    ("expanded", "0"),
                    ("legend_exp", ""),
                    ("legend_split_behavior", "0"),
                    ("patch_size", "-1,-1"),
                ],
            );
            empty_custom_properties(&mut x);
            x.close("layer-tree-layer");
        }
        if !group.is_empty() {
            x.close("layer-tree-group");
        }
    }
    x.open("custom-order", &[("enabled", "0")]);
    for id in &ids {
        x.text_element("item", id);
    }
    x.close("custom-order");
    x.close("layer-tree-group");

    x.open("projectlayers", &[]);
    for (l, id) in layers.iter().zip(&ids) {
        let geometry = match l.geom {
            GeomKind::Point => ("Point", "Point"),
            GeomKind::Line => ("Line", "MultiLineString"),
        };
        x.open(
            "maplayer",
            &[
                ("type", "vector"),
                ("geometry", geometry.0),
                ("wkbType", geometry.1),
                ("styleCategories", "AllStyleCategories"),
                ("labelsEnabled", if labels_enabled(l.kind, l.geom) { "1" } else { "0" }),
                ("hasScaleBasedVisibilityFlag", "0"),
                ("minScale", "100000000"),
                ("maxScale", "0"),
                ("readOnly", "0"),
            ],
        );
        x.text_element("id", id);
        x.text_element("datasource", &datasource(&l.source));
        x.text_element("layername", &l.name);
        x.open("srs", &[]);
        push_raw(&mut x, WGS84);
        x.close("srs");
        x.open_attrs_text("provider", &[("encoding", "UTF-8")], l.provider);
        x.open("map-layer-style-manager", &[("current", "default")]);
        x.empty("map-layer-style", &[("name", "default")]);
        x.close("map-layer-style-manager");
        push_raw(&mut x, &style_elements(l.kind, l.geom, properties));
        x.text_element("layerGeometryType", &geometry_type_code(l.geom).to_string());
        x.close("maplayer");
    }
    x.close("projectlayers");

    x.open("layerorder", &[]);
    for id in &ids {
        x.empty("layer", &[("id", id)]);
    }
    x.close("layerorder");

    x.open("properties", &[]);
    x.open("Paths", &[]);
    x.open_attrs_text("Absolute", &[("type", "bool")], "false");
    x.close("Paths");
    x.open("SpatialRefSys", &[]);
    x.open_attrs_text("ProjectionsEnabled", &[("type", "int")], "1");
    x.close("SpatialRefSys");
    x.close("properties");

    x.open("projectMetadata", &[]);
    x.text_element("title", title);
    x.close("projectMetadata");

    // One frame a day: the events' dates are days.
    x.open(
        "ProjectTimeSettings",
        &[("timeStepUnit", "d"), ("timeStep", "1"), ("frameRate", "1"), ("cumulativeTemporalRange", "0")],
    );
    if let Some((first, last)) = range {
        x.open("TemporalRange", &[]);
        x.text_element("start", &format!("{first}T00:00:00Z"));
        x.text_element("end", &format!("{last}T00:00:00Z"));
        x.close("TemporalRange");
    }
    x.close("ProjectTimeSettings");
    x.close("qgis");

    let mut out = String::from("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
    out.push_str(&x.out);
    out
}

/// A data source relative to the project file as QGIS writes it (`./name.geojson`).
fn datasource(source: &str) -> String {
    if source.starts_with("./") || source.starts_with("../") || source.starts_with('/') {
        source.to_string()
    } else {
        format!("./{source}")
    }
}

/// Deterministic, unique layer ids: the name's letters, digits and underscores (others
/// become `_`), then a hash of name and source; a repeated pair gets a counter.
pub fn layer_ids(layers: &[ProjectLayer]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    layers
        .iter()
        .map(|l| {
            let base: String =
                l.name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for b in l.name.bytes().chain([0]).chain(l.source.bytes()) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            let mut id = format!("{base}_{hash:016x}");
            let mut n = 1;
            while !seen.insert(id.clone()) {
                n += 1;
                id = format!("{base}_{hash:016x}_{n}");
            }
            id
        })
        .collect()
}

fn empty_custom_properties(x: &mut Xml) {
    x.open("customproperties", &[]);
    x.empty("Option", &[]);
    x.close("customproperties");
}

/// Appends lines of already-formed XML at the writer's depth.
fn push_raw(x: &mut Xml, text: &str) {
    let depth = x.depth();
    push_indented(&mut x.out, text, depth);
}

impl Xml {
    /// `<name attrs>text</name>` on one line.
    fn open_attrs_text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        for _ in 0..self.depth() {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"{}\"", escape(v));
        }
        let _ = writeln!(self.out, ">{}</{name}>", escape(text));
    }
}

/// The project of a run's layers: the whole-run layers (not the per-period ones: the
/// Temporal Controller shows any day) of the first format written, GeoJSON files or the
/// GeoPackage's tables; drawn top first: place summaries, events, control intervals, border
/// lines; the timeline (every event again) unchecked.
pub fn run_project(written: &[super::Written], range: Option<(Date, Date)>, properties: Properties) -> Option<String> {
    let rank = |k: LayerKind| match k {
        LayerKind::Places => 0,
        LayerKind::Events => 1,
        LayerKind::Control => 2,
        LayerKind::Border => 3,
    };
    let has_geojson = written.iter().any(|w| w.format == "geojson");
    let mut layers: Vec<ProjectLayer> = written
        .iter()
        .filter_map(|w| Some((w, w.layer.as_ref()?)))
        .filter(|(_, l)| l.period.is_none())
        .filter(|(w, _)| (w.format == "geojson") == has_geojson)
        .map(|(w, l)| ProjectLayer {
            name: l.title().to_string(),
            source: if w.format == "geojson" { w.path.clone() } else { format!("{}|layername={}", w.path, l.title()) },
            provider: "ogr",
            kind: l.kind,
            geom: l.geom,
            group: l.group.clone(),
            visible: !(l.kind == LayerKind::Events && l.group == "timeline"),
        })
        .collect();
    if layers.is_empty() {
        return None;
    }
    layers.sort_by(|a, b| (rank(a.kind), &a.group, a.geom).cmp(&(rank(b.kind), &b.group, b.geom)));
    Some(project_qgs("bordermap", &layers, range, properties))
}

#[cfg(test)]
mod tests {
    use super::super::qml::tests::well_formed;
    use super::*;
    use jiff::civil::date;

    fn layer(name: &str, source: &str, kind: LayerKind, geom: GeomKind, group: &str, visible: bool) -> ProjectLayer {
        ProjectLayer {
            name: name.into(),
            source: source.into(),
            provider: "ogr",
            kind,
            geom,
            group: group.into(),
            visible,
        }
    }

    fn sample() -> Vec<ProjectLayer> {
        vec![
            layer("places-points", "places-points.geojson", LayerKind::Places, GeomKind::Point, "places", true),
            layer("AFG-TJK-points", "AFG-TJK-points.geojson", LayerKind::Events, GeomKind::Point, "AFG-TJK", true),
            layer(
                "AFG-TJK-lines",
                "bordermap.gpkg|layername=AFG-TJK-lines",
                LayerKind::Events,
                GeomKind::Line,
                "AFG-TJK",
                true,
            ),
            layer("control-points", "control-points.geojson", LayerKind::Control, GeomKind::Point, "control", false),
            layer("borders", "borders.geojson", LayerKind::Border, GeomKind::Line, "borders", true),
        ]
    }

    #[test]
    fn a_project_of_styled_layers_in_groups() {
        let layers = sample();
        let qgs = project_qgs(
            "Afghan borders & 2021",
            &layers,
            Some((date(2021, 7, 9), date(2021, 10, 2))),
            Properties::Full,
        );
        let names = well_formed(&qgs);
        let count = |n: &str| names.iter().filter(|x| *x == n).count();
        assert_eq!(count("maplayer"), 5);
        assert_eq!(count("layer-tree-layer"), 5);
        assert_eq!(count("layer-tree-group"), 1 + 4, "root and places, AFG-TJK, control, borders");
        assert_eq!(count("renderer-v2"), 5);
        assert_eq!(count("temporal"), 5);
        assert!(qgs.contains("<Absolute type=\"bool\">false</Absolute>"));
        assert!(qgs.contains("<authid>EPSG:4326</authid>"));
        assert!(qgs.contains("<start>2021-07-09T00:00:00Z</start>") && qgs.contains("<end>2021-10-02T00:00:00Z</end>"));
        assert!(qgs.contains("<datasource>./bordermap.gpkg|layername=AFG-TJK-lines</datasource>"));
        assert!(qgs.contains("<datasource>./AFG-TJK-points.geojson</datasource>"));
        assert!(qgs.contains("projectname=\"Afghan borders &amp; 2021\""));
        assert!(qgs.contains("name=\"control\" checked=\"Qt::Unchecked\""));
        // Groups in the order of their first layer; layers in drawing order.
        let at = |s: &str| qgs.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(at("name=\"places\" checked") < at("name=\"AFG-TJK\" checked"));
        assert!(at("<layername>AFG-TJK-points</layername>") < at("<layername>AFG-TJK-lines</layername>"));
        // The style is the qml's.
        let style = style_elements(LayerKind::Events, GeomKind::Line, Properties::Full);
        let first_rule = style.lines().find(|l| l.contains("<rule ")).unwrap().trim();
        assert!(qgs.contains(first_rule));
    }

    #[test]
    fn ids_are_deterministic_and_unique() {
        let mut layers = sample();
        layers.push(layers[1].clone());
        let ids = layer_ids(&layers);
        assert_eq!(ids, layer_ids(&layers));
        assert!(ids[1].starts_with("AFG_TJK_points_"));
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
        assert_eq!(ids[5], format!("{}_2", ids[1]));
        let qgs = project_qgs("t", &layers, None, Properties::Compact);
        well_formed(&qgs);
        assert!(!qgs.contains("<TemporalRange>"));
        assert_eq!(qgs, project_qgs("t", &layers, None, Properties::Compact));
    }
}
