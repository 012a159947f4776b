//! Fuzz target: the editors' checks (`model::check`: places, cells, root causes, curly quotes,
//! evidence against a source text) must give a story or diagnostics for any text, never a panic
//! or a hang. The input is a story text and a source text, split at the first NUL byte.
#![no_main]

use demands_matrix::model::check::{check, SourceText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (story, source) = text.split_once('\0').unwrap_or((text, ""));
    let sources = [SourceText {
        source_id: "report".into(),
        text: source.into(),
    }];
    let checked = check(story, &sources);
    // A story comes back only when nothing is wrong with it.
    if checked.story.is_some() {
        assert!(checked.diagnostics.iter().all(|d| !d.is_error()));
    } else {
        assert!(checked.diagnostics.iter().any(|d| d.is_error()));
    }
});
