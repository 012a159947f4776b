//! `story import FILE [-o STORY.json]`: a story workbook (.xlsx, .ods, a folder of CSV files) or a
//! story file read into canonical story JSON; every problem printed with its sheet, row and column.

use std::path::Path;
use std::process::ExitCode;

use demands_matrix::workbook::{self, limits::MAX_FILE_BYTES};

use super::{usage_error, Output};

/// Runs `story import` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let (input, output) = match super::input_and_output(args, false) {
        Some((input, Output::File(path))) => (input, Some(path)),
        Some((input, Output::Stdout)) => (input, None),
        _ => return usage_error(),
    };
    if let Some(output) = &output {
        if let Err(code) = super::refuse_overwrite(&input, output) {
            return code;
        }
    }
    let path = Path::new(&input);
    let result = if path.is_dir() {
        match csv_folder(path) {
            Ok(files) if files.is_empty() => {
                println!("{input}: no .csv files in the folder (story.csv, sources.csv, sides.csv, issues.csv, positions.csv)");
                return ExitCode::FAILURE;
            }
            Ok(files) => workbook::import_csv(&files),
            Err(message) => {
                println!("{input}: {message}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match read_capped(path) {
            Ok(bytes) => workbook::import(&input, &bytes),
            Err(message) => {
                println!("{input}: {message}");
                return ExitCode::FAILURE;
            }
        }
    };
    match result {
        Ok(story) => {
            let json = story.to_canonical_json();
            match output {
                Some(output) => {
                    if let Err(err) = std::fs::write(&output, json) {
                        println!("{output}: cannot write: {err}");
                        return ExitCode::FAILURE;
                    }
                    eprintln!(
                        "{output}: written ({} sides, {} issues, {} positions)",
                        story.sides.len(),
                        story.issues.len(),
                        story.positions.len()
                    );
                }
                None => print!("{json}"),
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                // A problem without a place names the file itself.
                match problem.place {
                    Some(_) => println!("{input}: {problem}"),
                    None => println!("{problem}"),
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// The file's bytes, reading at most one byte past the cap so a huge file is never loaded whole
/// (the library words the refusal).
fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|err| format!("cannot read: {err}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot read: {err}"))?;
    if bytes.len() > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        return Err(format!(
            "the file is {size} bytes; a workbook may be at most {MAX_FILE_BYTES} bytes (10 MiB)"
        ));
    }
    Ok(bytes)
}

/// Every `.csv` file of a folder, by name, as text.
fn csv_folder(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let entries = std::fs::read_dir(dir).map_err(|err| format!("cannot read: {err}"))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let is_csv = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"));
        if !is_csv || !path.is_file() {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = read_capped(&path).map_err(|message| format!("{name}: {message}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{name}: not UTF-8 text; save the CSV as UTF-8"))?;
        files.push((name, text));
    }
    files.sort();
    Ok(files)
}
