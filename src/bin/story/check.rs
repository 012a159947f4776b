//! `story check STORY.json […]`: every problem of a story file, with its field path (and line
//! and column for JSON errors), the same messages the widget shows; exit 1 when any file has a
//! problem, 2 on usage errors.

use std::process::ExitCode;

use demands_matrix::model::parse_story;

/// Runs `story check` with the arguments after the subcommand.
pub fn run(files: &[String]) -> ExitCode {
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: story check STORY.json [STORY.json …]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(err) => {
                println!("{file}: cannot read: {err}");
                failed = true;
                continue;
            }
        };
        match parse_story(&text) {
            Ok(story) => println!(
                "{file}: ok ({} sides, {} issues, {} positions)",
                story.sides.len(),
                story.issues.len(),
                story.positions.len()
            ),
            Err(errors) => {
                failed = true;
                for error in &errors.0 {
                    println!("{file}: {error}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
