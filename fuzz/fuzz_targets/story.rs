//! Fuzz target: any text given to the story parser and validator must give a story or errors,
//! never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(story) = demands_matrix::model::parse_story(text) {
            // Whatever validates must also support what the widget derives from it.
            let agreement = demands_matrix::model::Agreement::of(&story);
            assert_eq!(agreement.findings.len(), story.issues.len());
            for view in demands_matrix::model::View::all(&story) {
                let shown: usize = view.groups(&story).iter().map(|g| g.issues.len()).sum();
                assert_eq!(shown, story.issues.len());
            }
        }
    }
});
