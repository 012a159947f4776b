//! `story publish NEW.json --previous OLD.json [-o STORY.json]`: a new version of a story with the
//! old versions as its history (docs/live-stories.md); notes on standard error. The output may
//! be the old file itself: its content lives on in the history.

use std::process::ExitCode;

use demands_matrix::model::history::publish;

use super::{read_story, usage_error};

/// Runs `story publish` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let (mut new, mut previous, mut output) = (None, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--previous" => &mut previous,
            "-o" | "--output" => &mut output,
            flag if flag.starts_with('-') && flag.len() > 1 => return usage_error(),
            _ => {
                if new.replace(arg.clone()).is_some() {
                    return usage_error();
                }
                continue;
            }
        };
        match args.next() {
            Some(value) if slot.is_none() => *slot = Some(value.clone()),
            _ => return usage_error(),
        }
    }
    let (Some(new), Some(previous)) = (new, previous) else {
        return usage_error();
    };
    let (story, old) = match (read_story(&new), read_story(&previous)) {
        (Ok(story), Ok(old)) => (story, old),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (story, published) = match publish(story, &old) {
        Ok(done) => done,
        Err(reason) => {
            println!("{new}: {reason}");
            return ExitCode::FAILURE;
        }
    };
    let json = story.to_canonical_json();
    // What was written must read back as a valid story: the history is checked like the rest.
    if let Err(errors) = demands_matrix::model::parse_story(&json) {
        for error in &errors.0 {
            println!("{new}: after publishing: {error}");
        }
        return ExitCode::FAILURE;
    }
    for note in &published.notes {
        eprintln!("{new}: {note}");
    }
    match output {
        Some(output) => {
            // Publishing usually replaces the old file at the address readers' widgets check:
            // written beside it and renamed over it, a check never meets half a file.
            let partial = format!("{output}.publishing-{}", std::process::id());
            let written =
                std::fs::write(&partial, json).and_then(|()| std::fs::rename(&partial, &output));
            if let Err(err) = written {
                let _ = std::fs::remove_file(&partial);
                println!("{output}: cannot write: {err}");
                return ExitCode::FAILURE;
            }
            eprintln!(
                "{output}: written, as of {}, with {} earlier version{}",
                story.as_of.date,
                story.history.len(),
                if story.history.len() == 1 { "" } else { "s" }
            );
        }
        None => print!("{json}"),
    }
    ExitCode::SUCCESS
}
