//! Writes the English strings the reader's WebAssembly carries (`$OUT_DIR/en-reader.json`):
//! `locales/en.json` without the strings only the build's images and cards use, and, without the
//! `live` feature, without the live stories' strings. Every string is still in `locales/en.json`
//! for translators; the reader just does not download words it can never show (docs/size.md).

use std::{env, fs, path::Path};

/// Strings only the build and the desk write: `model::describe`'s image and card texts (alt
/// texts, descriptions, rows), and widget.js's message for a program that did not arrive.
const BUILD_ONLY: [&str; 15] = [
    "card-conditions",
    "card-shows",
    "card-table",
    "cell-words",
    "group-lead",
    "image-alt",
    "more-issues",
    "more-sides",
    "no-program",
    "ranked-cell-words",
    "row",
    "side-counts",
    "size",
    "stance-count",
    "titled-view",
];

/// Strings only a live story shows (its change list, marks, versions and staleness).
const LIVE_ONLY: [&str; 10] = [
    "before",
    "change-item",
    "change-wording",
    "changed",
    "changes-said",
    "changes-title",
    "stale",
    "version-latest",
    "version-shown",
    "versions",
];

fn main() {
    println!("cargo::rerun-if-changed=locales/en.json");
    println!("cargo::rerun-if-changed=build.rs");
    let english = fs::read_to_string("locales/en.json").expect("locales/en.json is readable");
    let live = env::var_os("CARGO_FEATURE_LIVE").is_some();
    let dropped = |key: &str| BUILD_ONLY.contains(&key) || !live && LIVE_ONLY.contains(&key);
    // The file is one object whose entries each start on a line of their own, indented by two
    // spaces (`"key": …`); an entry's value may run over the lines indented deeper below it.
    let mut entries: Vec<String> = Vec::new();
    let mut keep = false;
    let mut found = 0;
    for line in english.lines() {
        let entry = line
            .strip_prefix("  \"")
            .filter(|_| !line.starts_with("   "));
        if let Some(rest) = entry {
            let key = &rest[..rest.find('"').expect("a key is quoted")];
            keep = !dropped(key);
            found += usize::from(BUILD_ONLY.contains(&key));
            if keep {
                entries.push(line.trim_end_matches(',').to_owned());
            }
        } else if keep && line.starts_with("   ") {
            let last = entries
                .last_mut()
                .expect("an entry's first line came first");
            last.push('\n');
            last.push_str(line);
        } else if line.starts_with("  }") && keep {
            let last = entries
                .last_mut()
                .expect("an entry's first line came first");
            last.push('\n');
            last.push_str(line.trim_end_matches(','));
        }
    }
    // A key renamed or a file laid out otherwise must not slip through unnoticed.
    assert_eq!(
        found,
        BUILD_ONLY.len(),
        "build.rs: locales/en.json lost one of BUILD_ONLY's keys, or is laid out in a way this \
         filter does not know (one entry per line, indented by two spaces); update build.rs"
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("en-reader.json");
    fs::write(out, format!("{{\n{}\n}}\n", entries.join(",\n"))).expect("OUT_DIR is writable");
}
