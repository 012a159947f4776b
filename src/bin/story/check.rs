//! `story check STORY.json […] [--source ID=FILE | --source FILE]…`: every problem of a story
//! file as `FILE:LINE:COLUMN: PATH (CELL): MESSAGE`, follow-on problems held back behind their
//! cause, and evidence compared with the text of its source; exit 1 when any file has a problem,
//! 2 on usage errors.
//!
//! A source's text is found beside the story (`STEM.ID.txt`, or `STEM.source.txt` for a story
//! with one source) unless `--source` names it. The checks are `demands_matrix::model::check`'s,
//! so the desk shows the same; this file only reads files and prints.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use demands_matrix::model::check::{check, Diagnostic, SourceText};

const USAGE: &str =
    "usage: story check STORY.json [STORY.json …] [--source ID=FILE | --source FILE]…
  --source ID=FILE  the text of source ID, to check evidence and quotes against
  --source FILE     the same, for a story with one source
  --all             also list the problems held back behind their cause
  --every-source    a source without its text is a problem, not a note (a corpus whose
                    every stance must be traced to its report)
  Without --source, STEM.ID.txt (or STEM.source.txt for a story with one source) beside
  STORY.json is used when it exists.";

/// A `--source` argument: the text file, and the source id it is for if one was named.
struct Given {
    id: Option<String>,
    file: PathBuf,
}

/// Runs `story check` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let mut files: Vec<&str> = Vec::new();
    let mut given: Vec<Given> = Vec::new();
    let mut all = false;
    let mut every_source = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return usage(),
            "--all" => {
                all = true;
                continue;
            }
            "--every-source" => {
                every_source = true;
                continue;
            }
            "--source" => match args.next() {
                Some(value) => value.as_str(),
                None => return usage(),
            },
            other => match other.strip_prefix("--source=") {
                Some(value) => value,
                None if other.starts_with("--") => return usage(),
                None => {
                    files.push(other);
                    continue;
                }
            },
        };
        given.push(source_argument(value));
    }
    if files.is_empty() {
        return usage();
    }
    let (mut failed, mut misused) = (false, false);
    for file in files {
        match check_file(file, &given, all, every_source) {
            Outcome::Ok => {}
            Outcome::Problems => failed = true,
            Outcome::Usage => misused = true,
        }
    }
    if misused {
        ExitCode::from(2)
    } else if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// `ID=FILE` when the part before `=` could be an id and the whole is not itself a file.
fn source_argument(value: &str) -> Given {
    if let Some((id, file)) = value.split_once('=') {
        let id_like = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if id_like && !file.is_empty() && !Path::new(value).exists() {
            return Given {
                id: Some(id.to_owned()),
                file: PathBuf::from(file),
            };
        }
    }
    Given {
        id: None,
        file: PathBuf::from(value),
    }
}

enum Outcome {
    Ok,
    Problems,
    Usage,
}

fn check_file(file: &str, given: &[Given], all: bool, every_source: bool) -> Outcome {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            println!("{file}: cannot read: {err}");
            return Outcome::Problems;
        }
    };
    let ids = source_ids(&text);
    let texts = match source_texts(file, &ids, given) {
        Ok(texts) => texts,
        Err(message) => {
            println!("{file}: {message}");
            return Outcome::Usage;
        }
    };
    if every_source {
        let missing: Vec<&String> = ids
            .iter()
            .filter(|id| !texts.iter().any(|(text, _)| text.source_id == **id))
            .collect();
        for id in &missing {
            println!(
                "{file}: source `{id}` has no text: put it in {} beside the story, or pass --source {id}=FILE",
                beside(Path::new(file), id).display()
            );
        }
        if !missing.is_empty() {
            return Outcome::Problems;
        }
    }
    let sources: Vec<SourceText> = texts.iter().map(|(text, _)| text.clone()).collect();
    let checked = check(&text, &sources);
    for diagnostic in &checked.diagnostics {
        print_diagnostic(file, diagnostic, "");
        if all {
            for follow_on in &diagnostic.follow_ons {
                print_diagnostic(file, follow_on, "  held back: ");
            }
        }
    }
    let Some(story) = checked.story else {
        return Outcome::Problems;
    };
    let against = texts
        .iter()
        .map(|(text, path)| {
            let excerpt = story
                .sources
                .iter()
                .any(|s| s.id == text.source_id && s.excerpt);
            format!(
                "{} (source `{}`{})",
                path.display(),
                text.source_id,
                if excerpt { ", an excerpt" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "{file}: ok ({} sides, {} issues, {} positions){}",
        story.sides.len(),
        story.issues.len(),
        story.positions.len(),
        if against.is_empty() {
            String::new()
        } else {
            format!("; evidence found word for word in {against}")
        }
    );
    Outcome::Ok
}

/// `FILE:LINE:COLUMN: …` like a compiler, so editors and scripts can jump to the place.
fn print_diagnostic(file: &str, diagnostic: &Diagnostic, lead: &str) {
    let hint = match diagnostic
        .message
        .strip_prefix("evidence not checked: no text for source `")
    {
        Some(rest) => {
            let id = rest.trim_end_matches('`');
            format!(
                " (put it in {} beside the story, or pass --source {id}=FILE)",
                beside(Path::new(file), id).display()
            )
        }
        None => String::new(),
    };
    match (diagnostic.line, diagnostic.column) {
        (Some(line), Some(column)) => {
            let mut unplaced = diagnostic.clone();
            (unplaced.line, unplaced.column) = (None, None);
            println!("{file}:{line}:{column}: {lead}{unplaced}{hint}");
        }
        _ => println!("{file}: {lead}{diagnostic}{hint}"),
    }
}

/// The ids of the story's sources, read loosely: a story with JSON errors has none to check.
fn source_ids(text: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    value
        .get("sources")
        .and_then(|s| s.as_array())
        .map(|sources| {
            sources
                .iter()
                .filter_map(|s| s.get("id")?.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The texts found beside the story file for the ids of `story`'s sources, for `export` to carry.
pub(super) fn texts_beside(input: &str, story: &demands_matrix::model::Story) -> Vec<SourceText> {
    let ids: Vec<String> = story.sources.iter().map(|s| s.id.clone()).collect();
    // Without `--source` arguments nothing can be a usage error.
    source_texts(input, &ids, &[])
        .unwrap_or_default()
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// `STEM.ID.txt` in the story's folder.
fn beside(story: &Path, id: &str) -> PathBuf {
    let stem = story.file_stem().unwrap_or_default().to_string_lossy();
    story.with_file_name(format!("{stem}.{id}.txt"))
}

/// The text of each source that has one, with the file it came from: `--source` first, then
/// the files beside the story. A `--source` that fits no source of the story is a usage error.
fn source_texts(
    story: &str,
    ids: &[String],
    given: &[Given],
) -> Result<Vec<(SourceText, PathBuf)>, String> {
    let mut texts: Vec<(SourceText, PathBuf)> = Vec::new();
    if ids.is_empty() {
        // No sources to read: the story's own problems come first.
        return Ok(texts);
    }
    for Given { id, file } in given {
        let id = match (id, ids) {
            (Some(id), _) if ids.contains(id) => id.clone(),
            (Some(id), _) => {
                return Err(format!(
                    "--source {id}={}: the story has no source `{id}`; its sources are: {}",
                    file.display(),
                    ids.join(", ")
                ))
            }
            (None, [only]) => only.clone(),
            (None, _) => {
                return Err(format!(
                    "--source {}: the story has {} sources; name one: --source ID={}",
                    file.display(),
                    ids.len(),
                    file.display()
                ))
            }
        };
        let text = std::fs::read_to_string(file)
            .map_err(|err| format!("--source {}: cannot read: {err}", file.display()))?;
        texts.retain(|(t, _)| t.source_id != id);
        texts.push((
            SourceText {
                source_id: id,
                text,
            },
            file.clone(),
        ));
    }
    let story = Path::new(story);
    for id in ids {
        if texts.iter().any(|(t, _)| &t.source_id == id) {
            continue;
        }
        let mut candidates = vec![beside(story, id)];
        if ids.len() == 1 {
            candidates.push(beside(story, "source"));
        }
        for path in candidates {
            if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push((
                    SourceText {
                        source_id: id.clone(),
                        text,
                    },
                    path,
                ));
                break;
            }
        }
    }
    Ok(texts)
}
