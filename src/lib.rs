//! # bordermap
//!
//! Maps conflict events along Afghanistan's borders with Tajikistan, Iran, Turkmenistan and
//! Uzbekistan (and Pakistan, China).
//!
//! Data flows one way; a module only uses those above it in this list:
//! - [`clock`]: a thread's CPU time (what each stage of a run cost);
//! - [`output`]: atomic file writes and number formatting for RFC 7946 output;
//! - [`publish`]: a folder of outputs replaced in one step (built aside, swapped in), the
//!   user's own files in it kept, the debris of killed runs removed;
//! - [`spill`]: sorting more records than memory should hold (runs on disk, merged);
//! - [`diagnostic`]: messages about input that name the file, line and field;
//! - [`borders`]: border lines and country polygons; nearest border, geodesic distance,
//!   chainage and side for a point;
//! - [`fetch`]: HTTP with timeouts, size and redirect limits, a disk cache, per-host pacing,
//!   and credentials kept out of messages;
//! - [`gazetteer`]: places and their spellings ([`gazetteer::fold`]), loading and checking the
//!   data, resolving names ([`gazetteer::resolve`]);
//! - [`events`]: the event record (ACLED-style, with claims), dates, CSV/JSON Lines readers;
//! - [`layers`]: events → GeoJSON layers per border, by period, timeline, control, interior;
//! - [`scene`]: a layers folder read back for drawing (borders, events, control, shares);
//! - [`view`]: the scene as one offline HTML page; [`render`]: as SVG or PNG.
//!
//! The `bordermap` binary is a thin command-line layer over these.

pub mod borders;
pub mod clock;
pub mod diagnostic;
pub mod events;
pub mod extract;
pub mod fetch;
pub mod fuzzing;
pub mod gazetteer;
pub mod layers;
pub mod output;
pub mod publish;
pub mod render;
pub mod scene;
pub mod spill;
pub mod view;
