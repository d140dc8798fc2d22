//! `bordermap render`.

use std::path::PathBuf;

use anyhow::Context;
use bordermap::render::RenderOptions;

use super::Exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The layers folder `bordermap map --out` wrote.
    dir: PathBuf,
    /// The day whose state is drawn (YYYY-MM-DD): events of that day, earlier ones faded,
    /// places held that day, shares on record that day.
    #[arg(long, value_name = "DATE")]
    as_of: jiff::civil::Date,
    /// Only this border (e.g. AFG-TJK), framed on it.
    #[arg(long, value_name = "ID")]
    border: Option<String>,
    /// The picture: .png or .svg (replaced as a whole).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Width in pixels (200-8000).
    #[arg(long, default_value_t = 1600)]
    width: u32,
    /// Height in pixels (200-8000).
    #[arg(long, default_value_t = 1000)]
    height: u32,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let ext = args.out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let png = match ext.as_deref() {
        Some("png") => true,
        Some("svg") => false,
        _ => anyhow::bail!("--out {}: name a .png or .svg file", args.out.display()),
    };
    let scene = bordermap::scene::read_scene(&args.dir)?;
    let opts = RenderOptions { as_of: args.as_of, border: args.border, width: args.width, height: args.height };
    if scene.first.as_str() > opts.as_of.to_string().as_str() || scene.last.as_str() < opts.as_of.to_string().as_str() {
        eprintln!("note: {} is outside the data ({} to {})", opts.as_of, scene.first, scene.last);
    }
    let bytes =
        if png { bordermap::render::png(&scene, &opts)? } else { bordermap::render::svg(&scene, &opts)?.into_bytes() };
    bordermap::output::write_atomic(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} KB)", args.out.display(), bytes.len().div_ceil(1024));
    Ok(Exit::Success)
}
