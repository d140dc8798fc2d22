//! Looking names up online: the GeoNames search API (`searchJSON`) and Nominatim
//! (`/search?format=jsonv2`), for places the gazetteer lacks.
//!
//! Answers become [`OnlineCandidate`]s — name, point, kind, country, provider id — which an
//! analyst reviews; [`OnlineCandidate::to_new_place`] turns the chosen one into a row for the
//! user places file (validated there like any `gazetteer add`). Nothing found online is used
//! silently: `resolve --online` only shows candidates, and `map --online` uses one only when it
//! is the single answer carrying the queried name (see [`unambiguous`]).
//!
//! Both providers are reached through [`crate::fetch`] (timeouts, size cap, redirect limit,
//! User-Agent, disk cache). Nominatim's usage policy asks for at most one request a second,
//! a User-Agent that identifies the application, and caching: [`OnlineLookup::new`] paces it
//! so. GeoNames needs a username (`BORDERMAP_GEONAMES_USERNAME`); it never appears in messages.

use std::time::Duration;

use reqwest::Url;
use serde::Serialize;

use super::fold;
use super::geonames::{iso3, kind_for};
use super::place::PlaceKind;
use crate::fetch::{FetchError, Fetched, Fetcher};

/// Which service to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// GeoNames `searchJSON`.
    Geonames,
    /// OpenStreetMap's Nominatim `/search`.
    Nominatim,
}

impl Provider {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Geonames => "geonames",
            Provider::Nominatim => "nominatim",
        }
    }

    /// The public service's base URL.
    pub fn default_base_url(self) -> &'static str {
        match self {
            Provider::Geonames => "https://secure.geonames.org/",
            Provider::Nominatim => "https://nominatim.openstreetmap.org/",
        }
    }
}

/// What to ask and where.
#[derive(Debug, Clone)]
pub struct LookupConfig {
    /// The service.
    pub provider: Provider,
    /// Its base URL (the public one, a mirror, or a test server).
    pub base_url: Url,
    /// GeoNames account name (required for GeoNames).
    pub username: Option<String>,
    /// ISO2 country codes to search in (empty: anywhere).
    pub countries: Vec<String>,
    /// Most candidates asked for.
    pub max_rows: usize,
}

/// The countries searched by default: Afghanistan and its neighbours.
pub const DEFAULT_COUNTRIES: &[&str] = &["AF", "TJ", "IR", "TM", "UZ", "PK", "CN"];

/// One place an online service knows by the name asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnlineCandidate {
    /// Which service said so.
    pub provider: Provider,
    /// The provider's id: GeoNames id, or `node/123` / `way/…` / `relation/…` for OSM.
    pub provider_id: String,
    /// Its name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// The kind, where the provider's feature type maps to one.
    pub kind: Option<PlaceKind>,
    /// ISO3 country, where known.
    pub country: Option<String>,
    /// The provider's feature type ("P.PPL", "place=village").
    pub feature: String,
    /// Where it is, in words (province, country).
    pub context: String,
    /// Other names the provider lists.
    pub aliases: Vec<String>,
    /// GeoNames id, when the provider is GeoNames.
    pub geonames_id: Option<u64>,
}

impl OnlineCandidate {
    /// A row for the user places file; `query` (the name as the analyst met it) becomes an
    /// alias when it differs from the provider's name.
    pub fn to_new_place(&self, query: &str) -> super::edit::NewPlace {
        let mut aliases: Vec<String> = Vec::new();
        let name_key = fold::canonical(&self.name);
        for a in std::iter::once(query).chain(self.aliases.iter().map(String::as_str)) {
            let k = fold::canonical(a);
            let fits = !a.contains('|') && !super::name_too_long(a);
            if fits && !k.is_empty() && k != name_key && !aliases.iter().any(|x| fold::canonical(x) == k) {
                aliases.push(a.trim().to_string());
            }
        }
        super::edit::NewPlace {
            id: None,
            name: self.name.clone(),
            kind: self.kind,
            country: self.country.clone().unwrap_or_default(),
            lat: (self.lat * 1e6).round() / 1e6,
            lon: (self.lon * 1e6).round() / 1e6,
            aliases,
            geonames_id: self.geonames_id,
            source: format!("{} {} (online lookup)", self.provider.as_str(), self.provider_id),
            notes: if self.context.is_empty() { String::new() } else { self.context.clone() },
        }
    }
}

/// Why a lookup failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LookupError {
    /// The request failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The service answered with an error of its own.
    #[error("{provider} refused the request: {message}")]
    Service {
        /// The service.
        provider: &'static str,
        /// Its message (credentials removed).
        message: String,
    },
    /// The answer is not what the service documents.
    #[error("{provider} sent an answer bordermap cannot read ({reason}) from {url}")]
    Malformed {
        /// The service.
        provider: &'static str,
        /// What is wrong.
        reason: String,
        /// Redacted URL.
        url: String,
    },
    /// The configuration is incomplete.
    #[error("{0}")]
    Config(String),
    /// Not tried: the service could not be reached for an earlier name in the same run.
    #[error("not tried: the service could not be reached for {earlier:?} ({reason})")]
    Unreachable {
        /// The name whose lookup found the service unreachable.
        earlier: String,
        /// Why it failed.
        reason: String,
    },
}

impl LookupError {
    /// Whether the service itself could not be reached (connecting failed, or no answer by the
    /// deadline), rather than answering badly for this name.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, LookupError::Fetch(FetchError::Transport { .. } | FetchError::Timeout { .. }))
            || matches!(self, LookupError::Unreachable { .. })
    }
}

/// An online gazetteer.
#[derive(Debug)]
pub struct OnlineLookup {
    fetcher: Fetcher,
    config: LookupConfig,
}

impl OnlineLookup {
    /// A lookup through `fetcher`; Nominatim requests are paced one a second.
    pub fn new(fetcher: Fetcher, config: LookupConfig) -> Result<Self, LookupError> {
        if config.provider == Provider::Geonames && config.username.as_deref().is_none_or(str::is_empty) {
            return Err(LookupError::Config(
                "GeoNames needs an account name: set BORDERMAP_GEONAMES_USERNAME (free at geonames.org/login), \
                 or use --provider nominatim"
                    .into(),
            ));
        }
        let fetcher = match (config.provider, config.base_url.host_str()) {
            (Provider::Nominatim, Some(host)) => fetcher.with_interval(host, Duration::from_secs(1)),
            _ => fetcher,
        };
        // Servers echo the account name in error pages, redirect targets and messages.
        let fetcher = match config.username.as_deref() {
            Some(user) => fetcher.with_secret(user),
            None => fetcher,
        };
        Ok(OnlineLookup { fetcher, config })
    }

    /// The request URL for a name.
    pub fn url_for(&self, name: &str) -> Result<Url, LookupError> {
        let c = &self.config;
        let (path, mut params): (&str, Vec<(&str, String)>) = match c.provider {
            Provider::Geonames => (
                "searchJSON",
                vec![
                    ("q", name.to_string()),
                    ("maxRows", c.max_rows.to_string()),
                    ("style", "FULL".into()),
                    ("username", c.username.clone().unwrap_or_default()),
                ],
            ),
            Provider::Nominatim => (
                "search",
                vec![
                    ("q", name.to_string()),
                    ("format", "jsonv2".into()),
                    ("limit", c.max_rows.to_string()),
                    ("addressdetails", "1".into()),
                    ("namedetails", "1".into()),
                    ("accept-language", "en".into()),
                ],
            ),
        };
        if !c.countries.is_empty() {
            match c.provider {
                Provider::Geonames => params.extend(c.countries.iter().map(|cc| ("country", cc.to_uppercase()))),
                Provider::Nominatim => params.push(("countrycodes", c.countries.join(",").to_lowercase())),
            }
        }
        let base = if c.base_url.path().ends_with('/') {
            c.base_url.clone()
        } else {
            let mut b = c.base_url.clone();
            b.set_path(&format!("{}/", b.path()));
            b
        };
        let mut url = base.join(path).map_err(|e| LookupError::Config(format!("bad base URL: {e}")))?;
        url.query_pairs_mut().extend_pairs(params);
        Ok(url)
    }

    /// The candidates for a name, in the provider's order.
    pub fn lookup(&self, name: &str) -> Result<Vec<OnlineCandidate>, LookupError> {
        let url = self.url_for(name)?;
        let provider = self.config.provider;
        // Only answers that parse are cached: a service error must be asked again.
        let fetched = self.fetcher.get(&url, &|f| parse(provider, f).is_ok())?;
        let secrets: Vec<String> = self.config.username.iter().cloned().collect();
        parse(provider, &fetched).map_err(|e| match e {
            // Services may echo the account name in their messages.
            LookupError::Service { provider, message } => {
                LookupError::Service { provider, message: crate::fetch::redact_text(&message, &secrets) }
            }
            other => other,
        })
    }

    /// Looks each name up, in order: a failure costs only its own name. Once the service cannot
    /// be reached at all ([`LookupError::is_unreachable`]: no network, connection refused, no
    /// answer by the deadline), the names after it are not tried — each would wait for the same
    /// failure — and fail with [`LookupError::Unreachable`].
    pub fn lookup_each<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
    ) -> Vec<(&'n str, Result<Vec<OnlineCandidate>, LookupError>)> {
        let mut down: Option<(String, String)> = None;
        let mut out = Vec::new();
        for name in names {
            let r = match &down {
                Some((earlier, reason)) => {
                    Err(LookupError::Unreachable { earlier: earlier.clone(), reason: reason.clone() })
                }
                None => self.lookup(name),
            };
            if let Err(e) = &r
                && e.is_unreachable()
                && down.is_none()
            {
                down = Some((name.to_string(), e.to_string()));
            }
            out.push((name, r));
        }
        out
    }
}

fn parse(provider: Provider, f: &Fetched) -> Result<Vec<OnlineCandidate>, LookupError> {
    let malformed = |reason: String| LookupError::Malformed { provider: provider.as_str(), reason, url: f.url.clone() };
    let v: serde_json::Value = serde_json::from_slice(&f.body).map_err(|e| malformed(format!("not JSON: {e}")))?;
    match provider {
        Provider::Geonames => parse_geonames(&v).map_err(|e| match e {
            ParseError::Service(m) => LookupError::Service { provider: "GeoNames", message: m },
            ParseError::Shape(m) => malformed(m),
        }),
        Provider::Nominatim => parse_nominatim(&v).map_err(|e| match e {
            ParseError::Service(m) => LookupError::Service { provider: "Nominatim", message: m },
            ParseError::Shape(m) => malformed(m),
        }),
    }
}

enum ParseError {
    Service(String),
    Shape(String),
}

/// A number that may come as a JSON number or a string (both services send coordinates as
/// strings).
fn num(v: &serde_json::Value) -> Option<f64> {
    v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())).filter(|x: &f64| x.is_finite())
}

fn coords(lat: Option<f64>, lon: Option<f64>, i: usize) -> Result<(f64, f64), ParseError> {
    match (lat, lon) {
        (Some(lat), Some(lon)) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => Ok((lat, lon)),
        _ => Err(ParseError::Shape(format!("result {} has no valid coordinates", i + 1))),
    }
}

/// `{"geonames": [...]}` or `{"status": {"message", "value"}}` (GeoNames answers errors with
/// HTTP 200 and a status object).
fn parse_geonames(v: &serde_json::Value) -> Result<Vec<OnlineCandidate>, ParseError> {
    if let Some(status) = v.get("status") {
        let msg = status["message"].as_str().unwrap_or("unknown error");
        let code = status["value"].as_i64().map(|c| format!(" (error {c})")).unwrap_or_default();
        return Err(ParseError::Service(format!("{msg}{code}")));
    }
    let list = v["geonames"].as_array().ok_or_else(|| ParseError::Shape("no \"geonames\" list".into()))?;
    let mut out = Vec::new();
    for (i, g) in list.iter().enumerate() {
        let (lat, lon) = coords(num(&g["lat"]), num(&g["lng"]), i)?;
        let id =
            g["geonameId"].as_u64().ok_or_else(|| ParseError::Shape(format!("result {} has no geonameId", i + 1)))?;
        let name = g["name"].as_str().or(g["toponymName"].as_str()).unwrap_or("").trim().to_string();
        if name.is_empty() {
            return Err(ParseError::Shape(format!("result {} has no name", i + 1)));
        }
        let (fcl, fcode) = (g["fcl"].as_str().unwrap_or(""), g["fcode"].as_str().unwrap_or(""));
        let feature = format!("{fcl}.{fcode}");
        let population = g["population"].as_u64().unwrap_or(0);
        let mut aliases: Vec<String> = Vec::new();
        if let Some(t) = g["toponymName"].as_str().filter(|t| *t != name) {
            aliases.push(t.to_string());
        }
        for a in g["alternateNames"].as_array().into_iter().flatten() {
            let lang = a["lang"].as_str().unwrap_or("");
            if let Some(n) = a["name"].as_str()
                && !super::geonames::NOT_NAMES.contains(&lang)
                && super::geonames::usable_alias(n)
                && !aliases.iter().any(|x| x == n)
                && n != name
            {
                aliases.push(n.to_string());
            }
        }
        let context = [g["adminName1"].as_str(), g["countryName"].as_str()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        out.push(OnlineCandidate {
            provider: Provider::Geonames,
            provider_id: id.to_string(),
            name,
            lat,
            lon,
            kind: kind_for(&feature, population),
            country: g["countryCode"].as_str().and_then(iso3).map(String::from),
            feature,
            context,
            aliases,
            geonames_id: Some(id),
        });
    }
    Ok(out)
}

/// A JSON array of places, or `{"error": ...}`.
fn parse_nominatim(v: &serde_json::Value) -> Result<Vec<OnlineCandidate>, ParseError> {
    if let Some(e) = v.get("error") {
        let msg = e["message"].as_str().or(e.as_str()).unwrap_or("unknown error");
        return Err(ParseError::Service(msg.to_string()));
    }
    let list = v.as_array().ok_or_else(|| ParseError::Shape("expected a JSON array of places".into()))?;
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let (lat, lon) = coords(num(&p["lat"]), num(&p["lon"]), i)?;
        let osm_type = p["osm_type"].as_str().unwrap_or("");
        let osm_id =
            p["osm_id"].as_u64().ok_or_else(|| ParseError::Shape(format!("result {} has no osm_id", i + 1)))?;
        let display = p["display_name"].as_str().unwrap_or("");
        let name = p["name"]
            .as_str()
            .filter(|n| !n.is_empty())
            .or_else(|| display.split(',').next())
            .unwrap_or("")
            .trim()
            .to_string();
        if name.is_empty() {
            return Err(ParseError::Shape(format!("result {} has no name", i + 1)));
        }
        let category = p["category"].as_str().or(p["class"].as_str()).unwrap_or("");
        let typ = p["type"].as_str().unwrap_or("");
        let addresstype = p["addresstype"].as_str().unwrap_or("");
        let mut aliases = Vec::new();
        if let Some(m) = p["namedetails"].as_object() {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            for k in keys {
                if let Some(n) = m[k].as_str()
                    && (k == "name" || k.starts_with("name:") || k.ends_with("_name"))
                    && n != name
                    && super::geonames::usable_alias(n)
                    && !aliases.iter().any(|x| x == n)
                {
                    aliases.push(n.to_string());
                }
            }
        }
        let country = p["address"]["country_code"].as_str().and_then(|c| iso3(&c.to_uppercase())).map(String::from);
        // Province, country: the last parts of the display name.
        let parts: Vec<&str> = display.split(',').map(str::trim).collect();
        let context = parts[parts.len().saturating_sub(2).max(1).min(parts.len())..].join(", ");
        out.push(OnlineCandidate {
            provider: Provider::Nominatim,
            provider_id: format!("{osm_type}/{osm_id}"),
            name,
            lat,
            lon,
            kind: osm_kind(category, typ, addresstype),
            country,
            feature: format!("{category}={typ}"),
            context,
            aliases,
            geonames_id: None,
        });
    }
    Ok(out)
}

/// The kind for an OSM category and type.
fn osm_kind(category: &str, typ: &str, addresstype: &str) -> Option<PlaceKind> {
    Some(match (category, typ) {
        ("place", "city") => PlaceKind::City,
        ("place", "town") => PlaceKind::Town,
        ("place", "village" | "hamlet" | "isolated_dwelling" | "locality") => PlaceKind::Village,
        ("boundary", "administrative") => match addresstype {
            "country" => PlaceKind::Country,
            "state" | "province" | "region" => PlaceKind::Province,
            "county" | "district" | "city_district" => PlaceKind::District,
            _ => return None,
        },
        ("barrier", "border_control") => PlaceKind::Crossing,
        ("bridge", _) | ("man_made", "bridge") => PlaceKind::Bridge,
        ("waterway", "river") => PlaceKind::River,
        ("military" | "landuse", "base" | "military" | "barracks") => PlaceKind::Base,
        ("mountain_pass", _) | ("natural", "saddle") => PlaceKind::Pass,
        _ => return None,
    })
}

/// The gazetteer place an online candidate already is: the same GeoNames id, or the same
/// folded name within [`super::geonames::SAME_PLACE_KM`].
pub fn known_as(gz: &super::Gazetteer, c: &OnlineCandidate) -> Option<usize> {
    use super::PlaceFacts;
    use geo::{Distance, Geodesic, Point};
    if let Some(i) = c.geonames_id.and_then(|g| gz.place_by_geonames(g)) {
        return Some(i);
    }
    let here = Point::new(c.lon, c.lat);
    std::iter::once(&c.name)
        .chain(&c.aliases)
        .flat_map(|n| gz.places_with_canonical(&fold::canonical(n)))
        .find(|&i| Geodesic.distance(gz.point(i), here) / 1000.0 <= super::geonames::SAME_PLACE_KM)
}

/// What the online service settled for names the gazetteer does not know.
#[derive(Debug, Default)]
pub struct OnlineLayer {
    /// A places CSV (a gazetteer layer) with one row per settled name, ids
    /// `online-<provider>-<provider id>`, the provider and id in `source`.
    pub csv: String,
    /// Each settled name and the candidate used.
    pub used: Vec<(String, OnlineCandidate)>,
    /// Names left unsettled, and why.
    pub unsettled: Vec<(String, String)>,
    /// Names not looked up online because the lookup failed (no network, a server error), and
    /// why: they stay unknown, as without `--online`.
    pub failed: Vec<(String, LookupError)>,
}

/// Looks up online each of `names` that the gazetteer does not know (status unknown; an
/// ambiguous name is not the service's to settle), and keeps the [`unambiguous`] answer when
/// there is one with a kind and a country. A failed lookup costs only its own names
/// ([`OnlineLookup::lookup_each`]): they go to [`OnlineLayer::failed`] and the rest is settled
/// as usual. Errs only when the layer itself cannot be written.
pub fn layer_for_unknown(
    gz: &super::Gazetteer,
    lookup: &OnlineLookup,
    names: &[String],
) -> Result<OnlineLayer, LookupError> {
    let mut layer = OnlineLayer::default();
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| LookupError::Config(format!("writing the online layer: {e}"));
    w.write_record(super::load::COLUMNS).map_err(io)?;
    let unknown = names
        .iter()
        .filter(|name| gz.resolve(&super::Query::new(name.as_str())).status == super::Status::Unknown)
        .map(String::as_str);
    for (name, found) in lookup.lookup_each(unknown) {
        let found = match found {
            Ok(found) => found,
            Err(e) => {
                layer.failed.push((name.to_string(), e));
                continue;
            }
        };
        let Some(c) = unambiguous(name, &found) else {
            let why = if found.is_empty() {
                "nothing found online".to_string()
            } else {
                format!("{} online answer(s), none alone under that name", found.len())
            };
            layer.unsettled.push((name.to_string(), why));
            continue;
        };
        let (Some(kind), Some(country)) = (c.kind, c.country.as_deref()) else {
            layer
                .unsettled
                .push((name.to_string(), format!("the online answer ({}) has no kind or country", c.feature)));
            continue;
        };
        if super::name_too_long(&c.name) {
            layer
                .unsettled
                .push((name.to_string(), format!("the online answer's {}", super::too_long_message(&c.name))));
            continue;
        }
        let p = super::edit::NewPlace { kind: Some(kind), country: country.to_string(), ..c.to_new_place(name) };
        let id = format!("online-{}-{}", c.provider.as_str(), c.provider_id.replace('/', "-"));
        let fields = p.fields(&id);
        let row = super::load::COLUMNS.map(|col| fields.get(col).map_or("", String::as_str));
        w.write_record(row).map_err(io)?;
        layer.used.push((name.to_string(), c.clone()));
    }
    layer.csv = String::from_utf8(w.into_inner().map_err(|e| LookupError::Config(e.to_string()))?)
        .map_err(|e| LookupError::Config(e.to_string()))?;
    Ok(layer)
}

/// The one candidate a name can be taken to mean without asking: the only one whose name or
/// alias folds to the query's folded name. `None` when none or several do.
pub fn unambiguous<'a>(query: &str, candidates: &'a [OnlineCandidate]) -> Option<&'a OnlineCandidate> {
    let key = fold::canonical(query);
    let mut same = candidates
        .iter()
        .filter(|c| fold::canonical(&c.name) == key || c.aliases.iter().any(|a| fold::canonical(a) == key));
    let first = same.next()?;
    same.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(body: &str) -> Fetched {
        Fetched {
            url: "http://x/".into(),
            status: 200,
            content_type: None,
            body: body.as_bytes().to_vec(),
            from_cache: false,
        }
    }

    #[test]
    fn geonames_results_and_status_errors() {
        let ok = r#"{"totalResultsCount":1,"geonames":[{"geonameId":1142404,"name":"Islam Qala","toponymName":"Kafir Qala",
            "lat":"34.66","lng":"61.06","countryCode":"AF","countryName":"Afghanistan","adminName1":"Herat",
            "fcl":"P","fcode":"PPL","population":0,
            "alternateNames":[{"name":"https://en.wikipedia.org/wiki/Islam_Qala","lang":"link"},{"name":"Eslam Qal'eh","lang":"fa"}]}]}"#;
        let c = parse(Provider::Geonames, &fetched(ok)).unwrap_or_else(|_| panic!("parses"));
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].country.as_deref(), c[0].kind, c[0].geonames_id),
            (Some("AFG"), Some(PlaceKind::Village), Some(1142404))
        );
        assert_eq!(c[0].aliases, ["Kafir Qala", "Eslam Qal'eh"]);
        assert_eq!(c[0].context, "Herat, Afghanistan");
        let err = r#"{"status":{"message":"user account not enabled to use the free webservice","value":10}}"#;
        assert!(matches!(parse(Provider::Geonames, &fetched(err)), Err(LookupError::Service { .. })));
        for bad in ["<html>", r#"{"geonames":[{"geonameId":1,"name":"X","lat":"north","lng":"61"}]}"#, r#"{"x":1}"#] {
            assert!(matches!(parse(Provider::Geonames, &fetched(bad)), Err(LookupError::Malformed { .. })), "{bad}");
        }
    }

    #[test]
    fn nominatim_results() {
        let ok = r#"[{"place_id":1,"osm_type":"node","osm_id":2613871234,"lat":"37.1846","lon":"68.6069",
            "category":"place","type":"village","addresstype":"village","name":"Shir Khan Bandar",
            "display_name":"Shir Khan Bandar, Imam Sahib District, Kunduz Province, Afghanistan",
            "address":{"country_code":"af"},"namedetails":{"name":"Shir Khan Bandar","name:ru":"Шерхан-Бандар"}}]"#;
        let c = parse(Provider::Nominatim, &fetched(ok)).unwrap_or_else(|_| panic!("parses"));
        assert_eq!(c[0].provider_id, "node/2613871234");
        assert_eq!((c[0].kind, c[0].country.as_deref()), (Some(PlaceKind::Village), Some("AFG")));
        assert_eq!(c[0].aliases, ["Шерхан-Бандар"]);
        assert_eq!(c[0].context, "Kunduz Province, Afghanistan");
        let row = c[0].to_new_place("Sher Khan Bandar");
        // The Cyrillic spelling folds to the query's key: one alias covers both.
        assert_eq!(row.aliases, ["Sher Khan Bandar"]);
        assert_eq!(row.source, "nominatim node/2613871234 (online lookup)");
    }

    #[test]
    fn only_a_single_same_name_answer_is_unambiguous() {
        let mk = |name: &str, id: &str| OnlineCandidate {
            provider: Provider::Nominatim,
            provider_id: id.into(),
            name: name.into(),
            lat: 35.0,
            lon: 65.0,
            kind: None,
            country: None,
            feature: String::new(),
            context: String::new(),
            aliases: vec![],
            geonames_id: None,
        };
        let one = [mk("Tartki", "a"), mk("Tartki Bala", "b")];
        assert_eq!(unambiguous("TARTKI", &one).map(|c| c.provider_id.as_str()), Some("a"));
        let two = [mk("Tartki", "a"), mk("Tartkī", "b")];
        assert!(unambiguous("Tartki", &two).is_none());
        assert!(unambiguous("Nowhere", &one).is_none());
    }
}
