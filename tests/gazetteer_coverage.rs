//! Coverage of Afghanistan: every provincial capital (GeoNames PPLA) and district centre
//! (PPLA2) of the GeoNames cities500 extract (`tests/data/geonames/AF.cities500.txt`, CC BY 4.0)
//! resolves in the bundled gazetteer, by its name and by every spelling the gazetteer keeps for
//! it (Latin and Arabic script), to a place within 5 km of the GeoNames point — or is reported
//! ambiguous with such a place among the candidates (a homonym is ambiguity, not a guess).

use bordermap::gazetteer::{Gazetteer, Query, Status};
use geo::{Distance, Geodesic, Point};

const ROWS: &str = include_str!("data/geonames/AF.cities500.txt");
const WITHIN_KM: f64 = 5.0;

struct Row<'a> {
    id: u64,
    name: &'a str,
    point: Point<f64>,
}

fn capitals_and_district_centres() -> Vec<Row<'static>> {
    ROWS.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() >= 19 && c[6] == "P" && (c[7] == "PPLA" || c[7] == "PPLA2"))
        .map(|c| Row {
            id: c[0].parse().unwrap(),
            name: c[1],
            point: Point::new(c[5].parse().unwrap(), c[4].parse().unwrap()),
        })
        .collect()
}

#[test]
fn every_capital_and_district_centre_resolves_by_every_name_kept() {
    let gz = Gazetteer::bundled().unwrap();
    let rows = capitals_and_district_centres();
    assert_eq!(rows.len(), 284, "33 PPLA and 251 PPLA2 rows");
    let km = |a: Point<f64>, b: Point<f64>| Geodesic.distance(a, b) / 1000.0;
    let (mut failures, mut queries) = (Vec::new(), 0usize);
    for row in &rows {
        // The place the gazetteer holds for the row: by GeoNames id, or (a curated place that
        // GeoNames' row was merged into) the nearest place within 5 km.
        let held: Vec<_> = (0..gz.len())
            .map(|i| gz.place_at(i))
            .filter(|p| p.geonames_id == Some(row.id) || km(p.point, row.point) <= WITHIN_KM)
            .collect();
        if held.is_empty() {
            failures.push(format!("{} ({}): no place within {WITHIN_KM} km", row.name, row.id));
            continue;
        }
        let mut names = vec![row.name.to_string()];
        for p in held.iter().filter(|p| p.geonames_id == Some(row.id)) {
            names.push(p.name.clone());
            names.extend(p.aliases.iter().cloned());
        }
        names.sort();
        names.dedup();
        for n in names {
            queries += 1;
            let r = gz.resolve(&Query::new(n.clone()));
            let near = |i: usize| km(gz.place_at(i).point, row.point) <= WITHIN_KM;
            let ok = match r.status {
                Status::Resolved => near(r.candidates[0].place),
                Status::Ambiguous => r.candidates.iter().any(|c| near(c.place)),
                _ => false,
            };
            if !ok {
                let got: Vec<String> = r.candidates.iter().map(|c| gz.place_at(c.place).id.clone()).collect();
                failures.push(format!("{} ({}): {n:?} → {:?} {got:?}", row.name, row.id, r.status));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {queries} names of {} places fail:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}
