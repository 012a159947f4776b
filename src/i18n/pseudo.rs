//! The pseudo-locale `en-XA`: every English string accented and about 40 % longer, in brackets,
//! so a test or a look at a screenshot shows text that was cut off, and words the widget shows
//! that never went through a locale (they stay plain English).

// Nothing here is in the reader's WebAssembly: the locale comes with the page or from
// `locales/en-XA.json` (the build makes both), and so do its dates in words for a page's story. A
// story's date the reader formats itself stays unaccented there: a test tool's dates are not
// worth 0.3 kB of every reader's page (docs/size.md).
#![cfg_attr(all(target_arch = "wasm32", not(feature = "editor")), allow(dead_code))]

use serde_json::{Map, Value};

/// The pseudo-locale's file, made from the English one.
pub fn locale(english: &str) -> String {
    let Ok(Value::Object(messages)) = serde_json::from_str::<Value>(english) else {
        return "{}".to_owned();
    };
    let pseudo: Map<String, Value> = messages
        .into_iter()
        .map(|(key, value)| (key, stretch(value)))
        .collect();
    serde_json::to_string(&Value::Object(pseudo)).unwrap_or_default()
}

fn stretch(value: Value) -> Value {
    match value {
        Value::String(text) => Value::String(expand(&text)),
        Value::Object(forms) => Value::Object(
            forms
                .into_iter()
                .map(|(form, text)| (form, stretch(text)))
                .collect(),
        ),
        other => other,
    }
}

/// Filler that makes a string longer, in accented letters the bundled font has.
const FILLER: &str = "ŀőŕéɱ ĩƥšũɱ ďőŀőŕ šĩţ åɱéţ ćőñšéćţéţũŕ åďĩƥĩšćĩñĝ éŀĩţ šéď ďő éĩũšɱőď";

/// "[Ŀőåďĩñĝ ţĥé ĝŕåƥĥĩć… ŀőŕéɱ]": accented, padded by 40 %, in brackets; the spaces a
/// string starts or ends with stay outside the brackets.
fn expand(text: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_owned();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let extra = (core.chars().count() * 2).div_ceil(5);
    let padding: String = FILLER.chars().cycle().take(extra).collect();
    format!("{lead}[{} {}]{trail}", accent(core), padding.trim())
}

/// Accents every ASCII letter outside `{placeholders}`.
pub fn accent(text: &str) -> String {
    let mut inside = false;
    text.chars()
        .map(|c| {
            match c {
                '{' => inside = true,
                '}' => inside = false,
                _ => {}
            }
            if inside {
                return c;
            }
            const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            const ACCENTED: &str = "åƀćďéƒĝĥĩĵķŀɱñőƥɋŕšţũṽŵẋýžÅƁĆĎÉƑĜĤĨĴĶĿṀÑŐƤɊŔŠŢŨṼŴẊÝŽ";
            PLAIN
                .find(c)
                .and_then(|index| ACCENTED.chars().nth(index))
                .unwrap_or(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_strings_are_longer_accented_and_keep_placeholders() {
        let out = expand("As of {date}, {place}");
        assert!(out.starts_with("[Åš őƒ {date}, {place}"), "{out}");
        assert!(out.chars().count() as f32 >= 1.4 * 21.0, "{out}");
        assert_eq!(expand(" (this view)").chars().next(), Some(' '));
    }
}
