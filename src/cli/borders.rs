//! `bordermap borders`.

use std::io::Write;

use bordermap::gazetteer::Gazetteer;

use super::{Exit, opt_num, parse_lat_lon, print_table, stdout};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Points to locate (LAT,LON); without any, list the borders.
    #[arg(long = "at", value_name = "LAT,LON", value_parser = parse_lat_lon)]
    at: Vec<geo::Point<f64>>,
}

pub fn run(gz: &Gazetteer, args: Args) -> anyhow::Result<Exit> {
    let mut out = stdout();
    let set = gz.borders();
    if args.at.is_empty() {
        let rows: Vec<Vec<String>> = set
            .borders
            .iter()
            .map(|b| {
                vec![
                    b.id.clone(),
                    b.name.clone(),
                    format!("{:.1}", b.length_km()),
                    b.line.0.len().to_string(),
                    b.right_side.clone().unwrap_or_else(|| "?".into()),
                ]
            })
            .collect();
        print_table(&mut out, &["ID", "NAME", "KM", "VERTICES", "RIGHT_SIDE"], &rows)?;
    } else {
        let rows: Vec<Vec<String>> = args
            .at
            .iter()
            .map(|p| {
                let f = set.facts_for_point(*p);
                vec![
                    format!("{:.6},{:.6}", p.y(), p.x()),
                    f.as_ref().map_or("-".into(), |f| f.border.clone()),
                    opt_num(f.as_ref().map(|f| f.distance_km), 3),
                    opt_num(f.as_ref().map(|f| f.chainage_km), 3),
                    f.as_ref().and_then(|f| f.side.clone()).unwrap_or_else(|| "-".into()),
                    f.as_ref().map_or("-".into(), |f| f.side_basis.to_string()),
                    f.as_ref().map_or("-".into(), |f| format!("{:.6},{:.6}", f.closest.y(), f.closest.x())),
                ]
            })
            .collect();
        print_table(&mut out, &["POINT", "BORDER", "KM", "CHAINAGE", "SIDE", "BASIS", "CLOSEST"], &rows)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
