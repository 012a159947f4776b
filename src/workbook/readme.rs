//! The "read me" sheet every exported workbook opens with: each sheet and column, whether a story
//! needs it, what goes in it, and an example from the Istanbul story, so that an editor with only
//! the file (a colleague, a freelancer) can fill it in without the README.

use super::build::{ISSUES, POSITIONS, SIDES, SOURCES, STORY_KEYS, TEXTS};

/// `(sheet, column, what goes in it, example)`. The `required` column of the sheet comes from the
/// sheets' own column lists (`build`), so it cannot drift from what import asks for; a test checks
/// that every column import reads is explained here.
pub const COLUMNS: &[(&str, &str, &str, &str)] = &[
    ("story", "title", "The headline over the widget.", "Istanbul talks: who wants what"),
    ("story", "standfirst", "One or two sentences under the headline.", "Russia and Ukraine met in Istanbul on 2 June 2025. What each side asks for, and how the other answers."),
    ("story", "date", "The day the story is true as of, written YYYY-MM-DD.", "2025-06-02"),
    ("story", "place", "Where the talks were.", "Istanbul"),
    ("story", "language", "The language the story is written in: en, de, es, fr, ru, uk or ar.", "en"),
    ("sources", "id", "A short name for the source, used in the positions sheet: small letters, digits, - and _.", "report"),
    ("sources", "outlet", "Who published it.", "Example News Agency"),
    ("sources", "title", "The article's headline.", "Russian and Ukrainian officials are set to meet on Monday in Istanbul"),
    ("sources", "url", "Its web address (http:// or https://); without one the source is shown as text.", "https://example.org/istanbul-talks"),
    ("sources", "date", "When it was published, YYYY-MM-DD; shown beside the source.", "2025-06-02"),
    ("sources", "author", "Who wrote it, as the outlet credits them; shown beside the source.", "Jane Doe"),
    ("sources", "excerpt", "yes when the text pasted under source texts is part of the article only: the desk then says a sentence not found may still be in the article.", "yes"),
    ("sides", "id", "A short name for the side, used in the positions sheet.", "kyiv"),
    ("sides", "name", "The side's full name, used in headings and sentences.", "Kyiv"),
    ("sides", "short", "A short label for tabs and narrow screens.", "Kyiv"),
    ("sides", "view title", "The heading of this side's view; empty gives \"Kyiv: their view\".", "Kyiv's view"),
    ("sides", "members", "Who speaks or acts for the side in the sources, one per line.", "President Volodymyr Zelensky"),
    ("sides", "role", "party (or empty) for a side whose demands the talks are about; mediator, host or observer for one that is at the table for another reason. A mediator, host or observer is labelled beside its name and left out of where the parties agree.", "mediator"),
    ("issues", "id", "A short name for the issue, used in the positions sheet.", "ceasefire"),
    ("issues", "title", "The issue as a reader sees it in the row.", "Full and unconditional ceasefire"),
    ("issues", "explainer", "One line that tells a reader what the issue is about.", "A halt to the fighting with no conditions attached."),
    ("issues", "short title", "A shorter title for share cards and images, used instead of cutting the title with \"…\".", "Ceasefire"),
    ("positions", "issue", "The issue's id: one row for every side on every issue.", "ceasefire"),
    ("positions", "side", "The side's id.", "kyiv"),
    ("positions", "stance", "One of demands (the side asks for it), supports (it agrees to it), open (it will discuss it), rejects (it refuses it), not_stated (the sources do not say: leave summary and evidence empty).", "demands"),
    ("positions", "priority", "For a demand only: the side's own rank for it, 1 first.", "1"),
    ("positions", "summary", "One sentence a reader takes in at a glance.", "Kyiv's first demand: a full and unconditional ceasefire."),
    ("positions", "quote", "Words the side said, exactly as in one of the evidence lines.", "First–– a full and unconditional ceasefire."),
    ("positions", "speaker", "Who said the quote.", "Volodymyr Zelensky, Ukrainian President"),
    ("positions", "source", "The id of the source the position rests on.", "report"),
    ("positions", "evidence", "The sentences of the source that say so, word for word, one per line. Needed for every stance but not_stated.", "Kyiv continues to advocate for a full and unconditional ceasefire."),
    ("positions", "condition", "What the stance depends on, when the side makes it depend on something; shown with the stance and never counted as plain agreement.", "if the end of the war is guaranteed"),
    ("positions", "evidence sources", "Only when an evidence line is from another source: one source id per line of evidence, in the same order. Empty: every line is from the row's source.", "report"),
    ("source texts", "source", "The id of the source the line of text belongs to.", "report"),
    ("source texts", "text", "The source's text, a paragraph per row, as published: the desk checks every evidence sentence and quote against it.", "Russian and Ukrainian officials are set to meet on Monday in Istanbul…"),
];

/// The sheet's rows after its header: an introduction, then one row per column.
pub fn rows() -> Vec<[String; 5]> {
    let mut rows = vec![[
        "(all)".to_owned(),
        String::new(),
        String::new(),
        "A story is these sheets: story (one row per field, its value in column B), sources, sides, issues and positions (one row for each side on each issue), and, optionally, source texts. This sheet is not read: change it or delete it as you like. Open the workbook in the story desk (desk.html) to see the widget and every problem, with its sheet, row and column.".to_owned(),
        String::new(),
    ]];
    for (sheet, column, what, example) in COLUMNS {
        rows.push([
            (*sheet).to_owned(),
            (*column).to_owned(),
            if required(sheet, column) { "yes" } else { "" }.to_owned(),
            (*what).to_owned(),
            (*example).to_owned(),
        ]);
    }
    rows
}

/// Whether import needs the column: every key of the story sheet does; a list sheet's own list says.
pub fn required(sheet: &str, column: &str) -> bool {
    let spec = match sheet {
        "story" => return STORY_KEYS.iter().any(|(key, _)| *key == column),
        "sources" => SOURCES,
        "sides" => SIDES,
        "issues" => ISSUES,
        "positions" => POSITIONS,
        "source texts" => TEXTS,
        _ => return false,
    };
    spec.iter().any(|(name, needed)| *name == column && *needed)
}

/// Every column import reads, as `(sheet, column)`: what the read-me sheet must explain.
pub fn read_columns() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&str, &str)> = STORY_KEYS.iter().map(|(key, _)| ("story", *key)).collect();
    for (sheet, spec) in [
        ("sources", SOURCES),
        ("sides", SIDES),
        ("issues", ISSUES),
        ("positions", POSITIONS),
        ("source texts", TEXTS),
    ] {
        all.extend(spec.iter().map(|(name, _)| (sheet, *name)));
    }
    all
}
