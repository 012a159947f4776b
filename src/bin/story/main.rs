//! The editors' command line: `cargo run --bin story -- check|import|export|template|publish|render …` (docs/writing-stories.md). Messages go to standard output, one problem per line; exit codes: 0 done, 1 the input
//! has problems, 2 the command was written wrong.

use std::process::ExitCode;

mod check;
mod export;
mod import;
mod publish;
mod render;

const USAGE: &str = "usage: story check STORY.json [STORY.json …]
       story import WORKBOOK.xlsx|WORKBOOK.ods|STORY.json|CSV-FOLDER [-o STORY.json]
       story export STORY.json -o WORKBOOK.xlsx
       story export STORY.json --csv FOLDER
       story export STORY.json --anf [--view ID] [--image URL] [-o COMPONENTS.json]
       story template -o WORKBOOK.xlsx
       story publish NEW.json --previous OLD.json [-o STORY.json]
       story render STORY.json [--view ID] [--kind card|full] [--format png|svg]
                    [--theme light|dark] [-o FILE]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("import") => import::run(&args[1..]),
        Some("export") => export::run(&args[1..]),
        Some("template") => export::run_template(&args[1..]),
        Some("publish") => publish::run(&args[1..]),
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

/// Exit 2 when `output` names `input`, the file the command reads: it is never written over.
fn refuse_overwrite(input: &str, output: &str) -> Result<(), ExitCode> {
    if same_file(input, output) {
        eprintln!(
            "{input}: refusing to write over the file being read; choose another output (-o)"
        );
        return Err(ExitCode::from(2));
    }
    Ok(())
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

/// The story file `input`, valid; its problems printed (exit 1) when it is not.
fn read_story(input: &str) -> Result<demands_matrix::model::Story, ExitCode> {
    let text = std::fs::read_to_string(input).map_err(|err| {
        println!("{input}: cannot read: {err}");
        ExitCode::FAILURE
    })?;
    demands_matrix::model::parse_story(&text).map_err(|errors| {
        for error in &errors.0 {
            println!("{input}: {error}");
        }
        ExitCode::FAILURE
    })
}

/// The view `--view ID` names (all sides without one). Unlike an embed's `data-view`, which falls
/// back to all sides, a misspelt view is a mistake in the command (exit 2, the views listed):
/// exporting or drawing another view than asked would go unnoticed in print. A side's id first,
/// as `View::from_id` reads an embed's `data-view`.
fn view_arg(
    story: &demands_matrix::model::Story,
    id: Option<&str>,
    input: &str,
) -> Result<demands_matrix::model::View, ExitCode> {
    use demands_matrix::model::View;
    let Some(id) = id else {
        return Ok(View::AllSides);
    };
    match story.side_index(id) {
        Some(side) => Ok(View::Side(side)),
        None if id == "all" => Ok(View::AllSides),
        None => {
            let ids: Vec<&str> = View::all(story).iter().map(|v| v.id(story)).collect();
            eprintln!(
                "--view {id}: {input} has no such view; its views are: {}",
                ids.join(", ")
            );
            Err(ExitCode::from(2))
        }
    }
}
