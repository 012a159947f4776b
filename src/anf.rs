//! The matrix for Apple News: an Apple News Format (ANF) component list a newsroom pastes into
//! the `components` array of its article.json (docs/images.md "Apple News").
//!
//! Apple News runs no iframe, so the matrix goes as what ANF has: a `datatable` with the stance
//! words in every cell, and a `figure` with the full image of the view for readers who get the
//! picture instead. Only with the `editor` feature: readers' WebAssembly never carries it.
//!
//! Field names and values follow Apple's reference (developer.apple.com/documentation/
//! applenewsformat/…), read for this module:
//! - `DataTable`: `role` "datatable", `data` (a `RecordStore`, required), `showDescriptorLabels`
//!   ("whether the headers are shown"), `sortBy` ("if this property is not defined, data is
//!   displayed in the order it is provided in the RecordStore", DataTableSorting), and no title or
//!   caption property of its own.
//! - `RecordStore`: `descriptors` and `records`; "the order of the descriptors determines the
//!   order of the columns (or the rows if the table's dataOrientation is set to horizontal)".
//! - `DataDescriptor`: `identifier`, `key` (unique in the store; the record's key), `label`
//!   (string or FormattedText), `dataType` ("string": short text, shorter than a typical
//!   sentence; "text": long text, as long as a typical sentence or longer; column widths are
//!   calculated differently for the two).
//! - `Figure`: `role` "figure", `URL` (required; `http://`, `https://` or `bundle://`, a bundle
//!   file sitting next to article.json), `caption` (shown when the image is full screen; not in
//!   the article view: "use the Caption component"), `accessibilityCaption` (what VoiceOver reads).
//! - `Caption`: `role` "caption", `text`; headings are `heading1` … `heading6` with `text`.

use serde_json::{json, Value};

use crate::i18n::Strings;
use crate::model::describe::{as_of_line, headline, image_description, source_credit};
use crate::model::{Story, View};

/// The record key of the issue column. Side columns are keyed `side-<id>`, and side ids are
/// lower-case letters, digits, `-` and `_`, so no side's key can be this one.
pub const ISSUE_KEY: &str = "issue";

/// Between the parts of a caption: "Istanbul talks · As of 2 June 2025, Istanbul · Source: …".
const CAPTION_SEPARATOR: &str = " · ";

/// The record key of a side's column.
pub fn side_key(side_id: &str) -> String {
    format!("side-{side_id}")
}

/// Where the figure's image is by default: the full image the build writes as
/// `images/full-<view>.png`, copied next to article.json in the article's bundle.
pub fn default_image_url(story: &Story, view: View) -> String {
    format!("bundle://full-{}.png", view.id(story))
}

/// Whether ANF accepts `url` as an image address (`Figure.URL`: http, https or bundle).
pub fn is_image_url(url: &str) -> bool {
    ["http://", "https://", "bundle://"]
        .iter()
        .any(|scheme| url.len() > scheme.len() && url.starts_with(scheme))
}

/// What a cell of the table says: the stance's label, as the widget's cell shows it.
pub fn cell_text(t: &Strings, story: &Story, issue: usize, side: usize) -> Option<String> {
    story.cell(issue, side).map(|(_, _, position)| {
        let label = position.stance.label(t);
        if position.is_conditional() {
            t.fill(
                "side-role",
                &[
                    ("side", &label),
                    (
                        "role",
                        &t.fill("condition", &[("condition", &position.condition)]),
                    ),
                ],
            )
        } else {
            label
        }
    })
}

/// The `datatable` of `view`: one column for the issue, one per side in story order (as the
/// widget keeps them in every view), one record per issue in the view's order. ANF tables have
/// no group rows; in a side's view the groups read off the side's own column (its demands
/// first, then its other answers, then "Not stated").
pub fn datatable(t: &Strings, story: &Story, view: View) -> Value {
    // The issue title is the widest column and may run to a sentence: "text"; a stance is a word
    // or two: "string" (DataDescriptor.dataType).
    let descriptors: Vec<Value> = std::iter::once(json!({
        "identifier": format!("id-{ISSUE_KEY}"),
        "key": ISSUE_KEY,
        "label": t.text("issue"),
        "dataType": "text",
    }))
    .chain(story.sides.iter().map(|side| {
        let key = side_key(&side.id);
        json!({
            "identifier": format!("id-{key}"),
            "key": key,
            "label": crate::model::describe::side_label(t, side),
            "dataType": "string",
        })
    }))
    .collect();
    let records: Vec<Value> = view
        .groups(story)
        .iter()
        .flat_map(|group| group.issues.iter().copied())
        .filter_map(|issue| {
            let mut record = serde_json::Map::new();
            record.insert(
                ISSUE_KEY.to_owned(),
                Value::from(story.issues.get(issue)?.title.as_str()),
            );
            for (side, s) in story.sides.iter().enumerate() {
                record.insert(
                    side_key(&s.id),
                    Value::from(cell_text(t, story, issue, side)?),
                );
            }
            Some(Value::Object(record))
        })
        .collect();
    // No `sortBy`: the records' order is the view's order, and a sort would undo it.
    json!({
        "role": "datatable",
        "showDescriptorLabels": true,
        "data": {
            "descriptors": descriptors,
            "records": records,
        },
    })
}

/// The `figure` with the full image of `view`: the fallback for readers who get the picture,
/// and the image for print and newsletters pulled from the article. Its `caption` (shown full
/// screen) names title, date and source; `accessibilityCaption` is the long text alternative,
/// every row in words, so that VoiceOver readers of the image miss nothing of the table.
pub fn figure(t: &Strings, story: &Story, view: View, image_url: &str) -> Value {
    let as_of = as_of_line(t, story);
    let credit = source_credit(t, story);
    let caption = [story.title.as_str(), &as_of, &credit].join(CAPTION_SEPARATOR);
    json!({
        "role": "figure",
        "URL": image_url,
        "caption": caption,
        "accessibilityCaption": image_description(t, story, view),
    })
}

/// The component list for `view`, in reading order:
/// 1. a `heading2` naming the matrix and the view, because a `datatable` has no title of its own
///    and the table would otherwise start unannounced in the article (level 2: the article's own
///    `title` is its first level);
/// 2. the `datatable`;
/// 3. a `caption` with the date and the source credit, because the figure's `caption` appears
///    only full screen and the credit must be seen with the table;
/// 4. the `figure` with the full image.
pub fn components(story: &Story, view: View, image_url: &str) -> Value {
    let t = &Strings::for_lang(&story.lang);
    let credit_line = [as_of_line(t, story), source_credit(t, story)].join(CAPTION_SEPARATOR);
    json!([
        { "role": "heading2", "text": headline(t, story, view) },
        datatable(t, story, view),
        {
            "role": "caption",
            "text": credit_line,
        },
        figure(t, story, view, image_url),
    ])
}

/// The component list as a file: JSON indented by two spaces and a final newline; the same story
/// and view give the same bytes.
pub fn components_json(story: &Story, view: View, image_url: &str) -> String {
    let mut json =
        serde_json::to_string_pretty(&components(story, view, image_url)).unwrap_or_default();
    json.push('\n');
    json
}
