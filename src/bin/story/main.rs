//! The editors' command line: `cargo run --bin story -- check|import|export …` (README "Writing a
//! story"). Messages go to standard output, one problem per line; exit codes: 0 done, 1 the input
//! has problems, 2 the command was written wrong.

use std::process::ExitCode;

mod check;

const USAGE: &str = "usage: story check STORY.json [STORY.json …]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
