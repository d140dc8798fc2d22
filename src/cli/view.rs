//! `bordermap view`.

use std::path::PathBuf;

use anyhow::Context;

use super::Exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The layers folder `bordermap map --out` wrote.
    dir: PathBuf,
    /// The page to write (replaced as a whole). Default: DIR/view.html.
    #[arg(long, value_name = "FILE.html")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let scene = bordermap::scene::read_scene(&args.dir)?;
    let html = bordermap::view::page(&scene);
    let out = args.out.unwrap_or_else(|| args.dir.join("view.html"));
    bordermap::output::write_atomic(&out, html.as_bytes()).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} KB): {} events, {} control intervals, {} borders, {} share rows; open it in a browser",
        out.display(),
        html.len().div_ceil(1024),
        scene.events.len(),
        scene.control.len(),
        scene.borders.len(),
        scene.shares.len()
    );
    Ok(Exit::Success)
}
