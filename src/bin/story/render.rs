//! `story render STORY.json [--view ID] [--kind card|full] [--format png|svg] [--theme light|dark]
//! [-o FILE]`: a share card or full image of one view, as the build draws them (docs/images.md).

use std::process::ExitCode;

use demands_matrix::images::{self, Kind, Theme};

use super::usage_error;

struct Request {
    input: String,
    view: Option<String>,
    kind: Kind,
    png: bool,
    theme: Theme,
    output: Option<String>,
}

fn parse(args: &[String]) -> Option<Request> {
    let mut request = Request {
        input: String::new(),
        view: None,
        kind: Kind::Card,
        png: true,
        theme: Theme::Light,
        output: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--view" => request.view = Some(args.next()?.clone()),
            "--kind" => {
                request.kind = match args.next()?.as_str() {
                    "card" => Kind::Card,
                    "full" => Kind::Full,
                    _ => return None,
                }
            }
            "--format" => {
                request.png = match args.next()?.as_str() {
                    "png" => true,
                    "svg" => false,
                    _ => return None,
                }
            }
            "--theme" => {
                request.theme = match args.next()?.as_str() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => return None,
                }
            }
            "-o" | "--output" => request.output = Some(args.next()?.clone()),
            flag if flag.starts_with('-') && flag.len() > 1 => return None,
            _ if request.input.is_empty() => request.input = arg.clone(),
            _ => return None,
        }
    }
    (!request.input.is_empty()).then_some(request)
}

/// Runs `story render` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let Some(request) = parse(args) else {
        return usage_error();
    };
    let input = &request.input;
    let story = match super::read_story(input) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let view = match super::view_arg(&story, request.view.as_deref(), input) {
        Ok(view) => view,
        Err(code) => return code,
    };
    let picture = match images::draw(&story, view, request.kind, request.theme) {
        Ok(picture) => picture,
        Err(err) => {
            println!("{input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let extension = if request.png { "png" } else { "svg" };
    let path = request
        .output
        .unwrap_or_else(|| images::file_name(request.kind, view.id(&story), extension));
    if let Err(code) = super::refuse_overwrite(input, &path) {
        return code;
    }
    let bytes = if request.png {
        match images::png(&picture) {
            Ok(bytes) => bytes,
            Err(err) => {
                println!("{input}: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        picture.svg.clone().into_bytes()
    };
    if let Err(err) = std::fs::write(&path, bytes) {
        println!("{path}: cannot write: {err}");
        return ExitCode::FAILURE;
    }
    let (w, h) = if request.png {
        picture.png_size()
    } else {
        (picture.width, picture.height)
    };
    eprintln!("{path}: written, {w} × {h}");
    // The text alternative goes with the image wherever it is placed.
    println!("{}", picture.alt);
    ExitCode::SUCCESS
}
