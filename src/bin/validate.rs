//! Story validator for editors: `cargo run --bin validate -- story.json [more.json …]`.
//!
//! Prints every problem with its field path (and line and column for JSON errors), the same
//! messages the widget shows; exits 1 when any file has a problem, 2 on usage errors.

use std::process::ExitCode;

use demands_matrix::model::parse_story;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: validate STORY.json [STORY.json …]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
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
