//! The `bordermap` command: parses arguments, calls the library, prints. See `cli`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Cli as clap::Parser>::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            // A closed pipe (`bordermap … | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("bordermap: error: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
