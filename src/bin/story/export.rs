//! `story export STORY.json -o STORY.xlsx | --csv DIR`: a valid story written as the workbook
//! editors fill in (README "The story workbook").

use std::process::ExitCode;

use demands_matrix::model::parse_story;
use demands_matrix::workbook;

use super::{same_file, usage_error, Output};

/// Runs `story export` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let (input, output) = match super::input_and_output(args, true) {
        Some((input, output @ (Output::File(_) | Output::CsvDir(_)))) => (input, output),
        _ => return usage_error(),
    };
    let target = match &output {
        Output::File(path) | Output::CsvDir(path) => path.clone(),
        Output::Stdout => return usage_error(),
    };
    if same_file(&input, &target) {
        eprintln!(
            "{input}: refusing to write over the story file being exported; choose another output"
        );
        return ExitCode::from(2);
    }
    let text = match std::fs::read_to_string(&input) {
        Ok(text) => text,
        Err(err) => {
            println!("{input}: cannot read: {err}");
            return ExitCode::FAILURE;
        }
    };
    let story = match parse_story(&text) {
        Ok(story) => story,
        Err(errors) => {
            for error in &errors.0 {
                println!("{input}: {error}");
            }
            return ExitCode::FAILURE;
        }
    };
    match output {
        Output::File(path) => {
            let bytes = match workbook::export_xlsx(&story) {
                Ok(bytes) => bytes,
                Err(message) => {
                    println!("{input}: {message}");
                    return ExitCode::FAILURE;
                }
            };
            if let Err(err) = std::fs::write(&path, bytes) {
                println!("{path}: cannot write: {err}");
                return ExitCode::FAILURE;
            }
            eprintln!("{path}: written");
        }
        Output::CsvDir(dir) => {
            if let Err(err) = std::fs::create_dir_all(&dir) {
                println!("{dir}: cannot create: {err}");
                return ExitCode::FAILURE;
            }
            for (name, text) in workbook::export_csv(&story) {
                let path = std::path::Path::new(&dir).join(&name);
                if let Err(err) = std::fs::write(&path, text) {
                    println!("{}: cannot write: {err}", path.display());
                    return ExitCode::FAILURE;
                }
            }
            eprintln!(
                "{dir}: written (story.csv, sources.csv, sides.csv, issues.csv, positions.csv)"
            );
        }
        Output::Stdout => return usage_error(),
    }
    ExitCode::SUCCESS
}
