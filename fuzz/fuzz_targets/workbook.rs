//! Fuzz target: any bytes given to the workbook importer (as a file, as CSV files, as pasted
//! rows) must give a story or located problems, never a panic, a hang or a huge allocation.
//! The first byte picks the entry point; the seeds (fuzz/seed-workbooks.sh) carry it.
#![no_main]

use std::sync::OnceLock;

use demands_matrix::model::{parse_story, Story, DEFAULT_STORY_JSON};
use demands_matrix::workbook;
use libfuzzer_sys::fuzz_target;

fn istanbul() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| parse_story(DEFAULT_STORY_JSON).expect("the built-in story is valid"))
}

const SHEETS: [&str; 5] = ["story.csv", "sources.csv", "sides.csv", "issues.csv", "positions.csv"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let result = match which % 4 {
        0 | 1 => workbook::import("fuzz.xlsx", rest),
        2 => match std::str::from_utf8(rest) {
            Ok(text) => workbook::paste_positions(istanbul(), text),
            Err(_) => return,
        },
        _ => match std::str::from_utf8(rest) {
            // The sheets' texts, separated by NUL bytes.
            Ok(text) => {
                let files: Vec<(String, String)> = text
                    .split('\0')
                    .zip(SHEETS)
                    .map(|(text, name)| (name.to_owned(), text.to_owned()))
                    .collect();
                workbook::import_csv(&files)
            }
            Err(_) => return,
        },
    };
    match result {
        // Whatever imports is valid, so it must export both ways.
        Ok(story) => {
            let _ = workbook::export_xlsx(&story);
            assert_eq!(workbook::export_csv(&story).len(), 5);
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
