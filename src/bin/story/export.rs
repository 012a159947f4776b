//! `story export STORY.json -o STORY.xlsx | --csv DIR`: a valid story written as the workbook
//! editors fill in (docs/workbook.md), with a "source texts" sheet when the texts of
//! its sources are beside it (`STEM.ID.txt`, as `story check` finds them); `story export
//! STORY.json --anf [--view ID] [--image URL] [-o FILE]`: the Apple News component list of one
//! view (docs/images.md "Apple News"); `story template -o FILE`: the empty workbook with its "read me".

use std::process::ExitCode;

use demands_matrix::anf;
use demands_matrix::workbook;

use super::{usage_error, Output};

/// Runs `story export` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|arg| arg == "--anf") {
        return run_anf(args);
    }
    let (input, output) = match super::input_and_output(args, true) {
        Some((input, output @ (Output::File(_) | Output::CsvDir(_)))) => (input, output),
        _ => return usage_error(),
    };
    let target = match &output {
        Output::File(path) | Output::CsvDir(path) => path.clone(),
        Output::Stdout => return usage_error(),
    };
    if let Err(code) = super::refuse_overwrite(&input, &target) {
        return code;
    }
    let story = match super::read_story(&input) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let texts = super::check::texts_beside(&input, &story);
    let carried = if texts.is_empty() {
        String::new()
    } else {
        let ids: Vec<&str> = texts.iter().map(|t| t.source_id.as_str()).collect();
        format!(", with the text of source {}", ids.join(", "))
    };
    match output {
        Output::File(path) => {
            let bytes = match workbook::export_xlsx_with_texts(&story, &texts) {
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
            eprintln!("{path}: written{carried}");
        }
        Output::CsvDir(dir) => {
            if let Err(err) = std::fs::create_dir_all(&dir) {
                println!("{dir}: cannot create: {err}");
                return ExitCode::FAILURE;
            }
            let files = workbook::export_csv_with_texts(&story, &texts);
            for (name, text) in &files {
                let path = std::path::Path::new(&dir).join(name);
                if let Err(err) = std::fs::write(&path, text) {
                    println!("{}: cannot write: {err}", path.display());
                    return ExitCode::FAILURE;
                }
            }
            let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
            eprintln!("{dir}: written ({}){carried}", names.join(", "));
        }
        Output::Stdout => return usage_error(),
    }
    ExitCode::SUCCESS
}

/// Runs `story template -o FILE`: the workbook a new story starts from.
pub fn run_template(args: &[String]) -> ExitCode {
    let [flag, path] = args else {
        return super::usage_error();
    };
    if flag != "-o" && flag != "--output" {
        return super::usage_error();
    }
    let bytes = match workbook::template_xlsx() {
        Ok(bytes) => bytes,
        Err(message) => {
            println!("template: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = std::fs::write(path, bytes) {
        println!("{path}: cannot write: {err}");
        return ExitCode::FAILURE;
    }
    eprintln!("{path}: written");
    ExitCode::SUCCESS
}

/// `--anf [--view ID] [--image URL]`, taken out of the arguments; the rest is `INPUT [-o FILE]`.
struct AnfArgs {
    view: Option<String>,
    image: Option<String>,
    rest: Vec<String>,
}

fn anf_args(args: &[String]) -> Option<AnfArgs> {
    let mut parsed = AnfArgs {
        view: None,
        image: None,
        rest: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--anf" => {}
            "--view" if parsed.view.is_none() => parsed.view = Some(args.next()?.clone()),
            "--image" if parsed.image.is_none() => parsed.image = Some(args.next()?.clone()),
            _ => parsed.rest.push(arg.clone()),
        }
    }
    Some(parsed)
}

/// Runs `story export --anf`: the component list to the file given by `-o`, or to standard
/// output for pasting.
fn run_anf(args: &[String]) -> ExitCode {
    let Some(AnfArgs { view, image, rest }) = anf_args(args) else {
        return usage_error();
    };
    let (input, output) = match super::input_and_output(&rest, false) {
        Some(parsed @ (_, Output::File(_) | Output::Stdout)) => parsed,
        _ => return usage_error(),
    };
    if let Some(url) = image.as_deref().filter(|url| !anf::is_image_url(url)) {
        eprintln!("--image {url}: Apple News takes an image address starting with https://, http:// or bundle://");
        return ExitCode::from(2);
    }
    if let Output::File(path) = &output {
        if let Err(code) = super::refuse_overwrite(&input, path) {
            return code;
        }
    }
    let story = match super::read_story(&input) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let view = match super::view_arg(&story, view.as_deref(), &input) {
        Ok(view) => view,
        Err(code) => return code,
    };
    let url = image.unwrap_or_else(|| anf::default_image_url(&story, view));
    let json = anf::components_json(&story, view, &url);
    match output {
        Output::File(path) => {
            if let Err(err) = std::fs::write(&path, json) {
                println!("{path}: cannot write: {err}");
                return ExitCode::FAILURE;
            }
            eprintln!("{path}: written (view {}, image {url})", view.id(&story));
        }
        _ => print!("{json}"),
    }
    ExitCode::SUCCESS
}
