//! The editors' command line: `cargo run --bin story -- check|import|export|render …` (README "Writing a
//! story"). Messages go to standard output, one problem per line; exit codes: 0 done, 1 the input
//! has problems, 2 the command was written wrong.

use std::process::ExitCode;

mod check;
mod export;
mod import;
mod render;

const USAGE: &str = "usage: story check STORY.json [STORY.json …]
       story import WORKBOOK.xlsx|WORKBOOK.ods|STORY.json|CSV-FOLDER [-o STORY.json]
       story export STORY.json -o WORKBOOK.xlsx
       story export STORY.json --csv FOLDER
       story export STORY.json --anf [--view ID] [--image URL] [-o COMPONENTS.json]
       story render STORY.json [--view ID] [--kind card|full] [--format png|svg]
                    [--theme light|dark] [-o FILE]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("export") => export::run(&args[1..]),
        Some("render") => render::run(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Where `import` or `export` writes.
enum Output {
    Stdout,
    File(String),
    CsvDir(String),
}

/// `INPUT [-o FILE]` (and, when `csv` is allowed, `INPUT --csv DIR`), in any order; `None` when
/// the arguments are wrong.
fn input_and_output(args: &[String], csv: bool) -> Option<(String, Output)> {
    let (mut input, mut output) = (None, Output::Stdout);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" if matches!(output, Output::Stdout) => {
                output = Output::File(args.next()?.clone());
            }
            "--csv" if csv && matches!(output, Output::Stdout) => {
                output = Output::CsvDir(args.next()?.clone());
            }
            flag if flag.starts_with('-') && flag.len() > 1 => return None,
            _ if input.is_none() => input = Some(arg.clone()),
            _ => return None,
        }
    }
    Some((input?, output))
}

/// Whether two paths name the same file (when both exist, by their real paths).
fn same_file(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
