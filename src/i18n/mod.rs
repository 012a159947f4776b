//! The widget's own words in the reader's language: strings per locale (`locales/*.json`), filled
//! in with placeholders and chosen by CLDR plural rules, and dates in words.
//!
//! Free of Yew: the widget, the build, the images and the command line share it. The only thing
//! that differs between the browser and native code is who knows the CLDR rules (`plural`,
//! `date`): the browser's own `Intl` in the WebAssembly (no bytes for readers), ICU4X natively.
//!
//! A locale's file maps keys to a string, or to an object of plural forms keyed by CLDR category
//! (`"one"`, `"few"`, …). `{name}` marks a placeholder. `locales/notes.json` says what every key
//! is for; the docs/languages.md section has the review table and the rules translators keep.

mod date;
mod plural;
mod pseudo;

use std::cell::RefCell;
use std::rc::Rc;

use crate::json;

pub use plural::category;

/// The English strings: compiled into every build, the fallback for any key a locale lacks.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub const ENGLISH: &str = include_str!("../../locales/en.json");

/// The reader's WebAssembly carries English without the words it can never show (the images'
/// and cards' texts, and the live strings in a build without `live`): build.rs writes it.
#[cfg(not(any(not(target_arch = "wasm32"), feature = "editor")))]
pub const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en-reader.json"));

/// The locales the project ships, by tag. `en-XA` is the pseudo-locale for testing: English made
/// accented and about 40 % longer, generated from `en`, so truncation and strings that never went
/// through a locale show.
pub const SHIPPED: [&str; 8] = ["en", "uk", "ru", "de", "fr", "es", "ar", PSEUDO];

/// The pseudo-locale's tag (the tag browsers use for an accented pseudo-locale).
pub const PSEUDO: &str = "en-XA";

/// The folder of the built site that holds every shipped locale's strings (`<tag>.json`).
pub const LOCALES_DIR: &str = "locales";

/// Id of the element that carries a page's strings (`<script type="application/json">`) when
/// its story is not in English; the build writes it, as it writes the story.
pub const STRINGS_ELEMENT_ID: &str = "dm-strings";

/// One locale's strings.
#[derive(Debug, PartialEq)]
pub struct Strings {
    /// The shipped locale these strings are for (`uk`, `en-XA`).
    tag: String,
    /// Where text runs for the language asked for: `rtl` for Arabic, Hebrew, Persian, Urdu…
    /// even when the strings fall back to another locale.
    dir: &'static str,
    /// The messages in the file's order. A list, not a map: about 80 keys looked up by a short
    /// scan, and the reader's WebAssembly carries no map code for them
    /// (docs/size.md).
    messages: Rc<Vec<(String, Message)>>,
}

/// One message: a plain string, or its plural forms by CLDR category.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Text(String),
    Forms(Vec<(String, String)>),
}

/// The key under which a page's strings carry dates in words.
const DATES_KEY: &str = "$dates";

/// A locale file's messages in the file's order: each a string, or an object of plural forms.
fn read_messages(json: &str) -> json::Read<Vec<(String, Message)>> {
    const EXPECTED: &str = "an object of strings and plural forms";
    let mut reader = json::Reader::new(json);
    let mut messages = Vec::new();
    reader.entries(EXPECTED, &mut |reader, key| {
        reader.colon()?;
        let message = if reader.blank() == Some(b'{') {
            let mut forms = Vec::new();
            reader.entries(EXPECTED, &mut |reader, form| {
                reader.colon()?;
                forms.push((form, reader.text()?));
                Ok(())
            })?;
            Message::Forms(forms)
        } else {
            Message::Text(reader.text()?)
        };
        messages.push((key, message));
        Ok(())
    })?;
    reader.end()?;
    Ok(messages)
}

/// Looks `key` up in a list of pairs.
fn lookup<'a, T>(pairs: &'a [(String, T)], key: &str) -> Option<&'a T> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, value)| value)
}

/// A locale file could not be read: what is wrong, for the build's and the tests' messages.
#[derive(Debug, PartialEq)]
pub struct LocaleError(pub String);

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Strings {
    /// Reads a locale file's JSON. `$dates`, when present, holds dates in words
    /// (`"2025-06-02": "2 червня 2025 р."`), which the build sends with a page's strings: they
    /// are remembered for the locale ([`Strings::date`]), so the browser hydrating the page
    /// shows the very words the build wrote, and sets up no date formatter to do so.
    pub fn parse(tag: &str, json: &str) -> Result<Strings, LocaleError> {
        let mut messages = read_messages(json).map_err(|error| {
            let key = match error.path.as_str() {
                "" => String::new(),
                path => format!("{path}: "),
            };
            LocaleError(format!(
                "the strings of \"{tag}\", line {}, column {}: {key}{}",
                error.line, error.column, error.message
            ))
        })?;
        if let Some(at) = messages.iter().position(|(key, _)| key == DATES_KEY) {
            if let (_, Message::Forms(words)) = messages.remove(at) {
                for (iso, words) in words {
                    remember_date(tag, iso, words);
                }
            }
        }
        Ok(Strings {
            tag: tag.to_owned(),
            dir: direction(tag),
            messages: Rc::new(messages),
        })
    }

    /// The strings of the locale that best serves `lang` (a BCP 47 tag): its own, the
    /// language's without the region (`uk-UA` → `uk`), or English. In the reader's WebAssembly
    /// only the locales loaded so far are known ([`register`]); natively and in the desk every
    /// shipped locale is.
    pub fn for_lang(lang: &str) -> Rc<Strings> {
        let tag = shipped_tag(lang).unwrap_or("en");
        let strings = REGISTRY.with(|registry| {
            if let Some(found) = registry.borrow().iter().find(|s| s.tag == tag) {
                return Some(found.clone());
            }
            let strings = Rc::new(compiled_in(tag)?);
            registry.borrow_mut().push(strings.clone());
            Some(strings)
        });
        let strings = strings.unwrap_or_else(english);
        let dir = direction(lang);
        if strings.dir == dir {
            strings
        } else {
            // English words for a story in Hebrew, say: the layout still runs right to left.
            Rc::new(Strings {
                tag: strings.tag.clone(),
                dir,
                messages: strings.messages.clone(),
            })
        }
    }

    /// The locale's tag (`uk`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// `ltr` or `rtl`, for the widget root's `dir`.
    pub fn dir(&self) -> &'static str {
        self.dir
    }

    /// The keys this locale has, with their forms (`None` for a plain string).
    pub fn keys(&self) -> impl Iterator<Item = (&str, Option<Vec<&str>>)> {
        self.messages.iter().map(|(key, message)| {
            let forms = match message {
                Message::Text(_) => None,
                Message::Forms(forms) => Some(forms.iter().map(|(f, _)| f.as_str()).collect()),
            };
            (key.as_str(), forms)
        })
    }

    /// The raw message of `key` in one plural form (`form` is ignored for a plain string), from
    /// this locale or else English; the key itself when neither has it, so a missing string
    /// shows instead of vanishing.
    pub fn raw(&self, key: &str, form: &str) -> String {
        let pick = |messages: &[(String, Message)]| match lookup(messages, key)? {
            Message::Text(text) => Some(text.clone()),
            Message::Forms(forms) => lookup(forms, form)
                .or_else(|| lookup(forms, "other"))
                .cloned(),
        };
        pick(&self.messages)
            .or_else(|| (self.tag != "en").then(|| english().raw(key, form)))
            .unwrap_or_else(|| key.to_owned())
    }

    /// A plain string, without placeholders.
    pub fn text(&self, key: &str) -> String {
        self.raw(key, "other")
    }

    /// A string with its placeholders filled: `args` are (name, value) pairs.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.raw(key, "other"), args)
    }

    /// A plural message in the form CLDR gives `n` in this language, with `{n}` and `args`
    /// filled.
    pub fn count(&self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        let form = category(self.plural_tag(), n);
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(&self.raw(key, form), &all)
    }

    /// A string split at one placeholder, both halves filled: for a sentence with markup in
    /// it ("As of <time>…</time>, Istanbul").
    pub fn around(&self, key: &str, slot: &str, args: &[(&str, &str)]) -> (String, String) {
        split(&self.raw(key, "other"), slot, args)
    }

    /// [`Strings::around`] for a plural message, in the form `n` takes.
    pub fn count_around(
        &self,
        key: &str,
        n: usize,
        slot: &str,
        args: &[(&str, &str)],
    ) -> (String, String) {
        split(&self.raw(key, category(self.plural_tag(), n)), slot, args)
    }

    /// An ISO date (`2025-06-02`) in words, as this locale writes it ("2 червня 2025 р.").
    /// Anything that is not a valid date is shown as it is.
    ///
    /// Worked out once per locale and date: setting up `Intl.DateTimeFormat` took about 90 ms
    /// of a page's start-up at 4× CPU, and the header asks on every render (bench/trace.mjs).
    pub fn date(&self, iso: &str) -> String {
        let known = DATES.with(|dates| {
            dates
                .borrow()
                .iter()
                .find(|(tag, date, _)| *tag == self.tag && date == iso)
                .map(|(_, _, words)| words.clone())
        });
        if let Some(words) = known {
            return words;
        }
        let words = date::long(self.date_tag(), iso).unwrap_or_else(|| iso.to_owned());
        // Natively and in the desk, not in the reader's WebAssembly: see `pseudo`.
        let accents = cfg!(any(not(target_arch = "wasm32"), feature = "editor"));
        let words = if accents && self.tag == PSEUDO {
            pseudo::accent(&words)
        } else {
            words
        };
        remember_date(&self.tag, iso.to_owned(), words.clone());
        words
    }

    /// Names joined as a list: "Kyiv", "Kyiv and Moscow", "Kyiv, Moscow and Western allies".
    pub fn list(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => self.fill(
                "list-and",
                &[("rest", &rest.join(&self.text("list-sep"))), ("last", last)],
            ),
        }
    }

    /// The strings as a page carries them: this locale's messages and, for hydration, the
    /// dates given already in words.
    pub fn to_page_json(&self, dates: &[&str]) -> String {
        self.page_json(true, dates)
    }

    /// Only the dates in words, for a page whose messages the WebAssembly has compiled in
    /// (English).
    pub fn to_page_dates_json(&self, dates: &[&str]) -> String {
        self.page_json(false, dates)
    }

    fn page_json(&self, messages: bool, dates: &[&str]) -> String {
        use serde_json::{Map, Value};
        let forms = |forms: &[(String, String)]| {
            let forms = forms
                .iter()
                .map(|(f, text)| (f.clone(), Value::String(text.clone())));
            Value::Object(forms.collect())
        };
        let mut all: Map<String, Value> = self
            .messages
            .iter()
            .filter(|_| messages)
            .map(|(key, message)| {
                let value = match message {
                    Message::Text(text) => Value::String(text.clone()),
                    Message::Forms(list) => forms(list),
                };
                (key.clone(), value)
            })
            .collect();
        if !dates.is_empty() {
            let words: Vec<(String, String)> = dates
                .iter()
                .map(|iso| ((*iso).to_owned(), self.date(iso)))
                .collect();
            all.insert(DATES_KEY.to_owned(), forms(&words));
        }
        serde_json::to_string(&all).unwrap_or_default()
    }

    /// The tag whose plural rules apply (the pseudo-locale counts as English does).
    fn plural_tag(&self) -> &str {
        if self.tag == PSEUDO {
            "en"
        } else {
            &self.tag
        }
    }

    /// The locale dates are written in. English is the house style's day-month-year ("2 June
    /// 2025", as British and international English write it), and Arabic takes the Latin digits
    /// of the rest of the widget (see docs/languages.md).
    fn date_tag(&self) -> &str {
        match self.tag.as_str() {
            "en" | PSEUDO => "en-GB",
            "ar" => "ar-u-nu-latn",
            tag => tag,
        }
    }
}

/// Fills `{name}` placeholders; an unknown placeholder stays as written, so it shows in tests.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(arg, _)| *arg == name)
                .map(|(_, value)| (*value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` split at the placeholder `slot`, both halves filled.
fn split(template: &str, slot: &str, args: &[(&str, &str)]) -> (String, String) {
    // Found by its opening brace rather than as a substring: a substring search brings the
    // standard library's two-way searcher into the reader's WebAssembly (about 1 kB).
    let at = template.match_indices('{').map(|(at, _)| at).find(|&at| {
        template[at + 1..]
            .strip_prefix(slot)
            .is_some_and(|rest| rest.starts_with('}'))
    });
    match at {
        Some(at) => (
            fill(&template[..at], args),
            fill(&template[at + slot.len() + 2..], args),
        ),
        None => (fill(template, args), String::new()),
    }
}

/// The shipped locale for a BCP 47 tag, if any: the tag itself, or its language.
pub fn shipped_tag(lang: &str) -> Option<&'static str> {
    let lower = lang.to_ascii_lowercase();
    let language = lower.split(['-', '_']).next().unwrap_or_default();
    SHIPPED
        .iter()
        .find(|tag| tag.eq_ignore_ascii_case(&lower))
        .or_else(|| SHIPPED.iter().find(|tag| **tag == language))
        .copied()
}

/// `rtl` for languages written right to left, by their language subtag.
pub fn direction(lang: &str) -> &'static str {
    let language = lang.split(['-', '_']).next().unwrap_or_default();
    const RTL: [&str; 9] = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi"];
    if RTL.iter().any(|rtl| language.eq_ignore_ascii_case(rtl)) {
        "rtl"
    } else {
        "ltr"
    }
}

thread_local! {
    /// The locales known so far: a handful at most, so a list.
    static REGISTRY: RefCell<Vec<Rc<Strings>>> = const { RefCell::new(Vec::new()) };
    /// Dates in words by locale tag and ISO date: those a page brought and those worked out.
    static DATES: RefCell<Vec<(String, String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `words` as the locale `tag`'s way of writing `iso`, in place of any earlier words.
fn remember_date(tag: &str, iso: String, words: String) {
    DATES.with(|dates| {
        let mut dates = dates.borrow_mut();
        dates.retain(|(t, d, _)| !(t == tag && *d == iso));
        dates.push((tag.to_owned(), iso, words));
    });
}

/// Adds a locale's strings that arrived from the page or the network (the reader's
/// WebAssembly compiles in English only).
pub fn register(strings: Strings) -> Rc<Strings> {
    let strings = Rc::new(strings);
    REGISTRY.with(|registry| {
        let mut registry = registry.borrow_mut();
        registry.retain(|known| known.tag != strings.tag);
        registry.push(strings.clone());
    });
    strings
}

/// Whether the strings for `lang` are at hand, or must be fetched first.
pub fn known(lang: &str) -> bool {
    match shipped_tag(lang) {
        None | Some("en") => true,
        Some(tag) => {
            REGISTRY.with(|registry| registry.borrow().iter().any(|s| s.tag == tag)) || {
                compiled_in(tag).map(register).is_some()
            }
        }
    }
}

/// The English strings.
pub fn english() -> Rc<Strings> {
    REGISTRY.with(|registry| {
        if let Some(found) = registry.borrow().iter().find(|s| s.tag == "en") {
            return found.clone();
        }
        let strings = Rc::new(Strings::parse("en", ENGLISH).unwrap_or_else(|_| Strings {
            tag: "en".to_owned(),
            dir: "ltr",
            messages: Rc::default(),
        }));
        registry.borrow_mut().push(strings.clone());
        strings
    })
}

/// The strings of a shipped locale compiled into this build: all of them natively and in the
/// desk, English only in the reader's WebAssembly.
fn compiled_in(tag: &str) -> Option<Strings> {
    source(tag).and_then(|json| Strings::parse(tag, &json).ok())
}

/// A shipped locale's file as the project keeps it (the pseudo-locale made from English).
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub fn source(tag: &str) -> Option<std::borrow::Cow<'static, str>> {
    use std::borrow::Cow;
    Some(Cow::Borrowed(match tag {
        "en" => ENGLISH,
        "uk" => include_str!("../../locales/uk.json"),
        "ru" => include_str!("../../locales/ru.json"),
        "de" => include_str!("../../locales/de.json"),
        "fr" => include_str!("../../locales/fr.json"),
        "es" => include_str!("../../locales/es.json"),
        "ar" => include_str!("../../locales/ar.json"),
        PSEUDO => return Some(Cow::Owned(pseudo::locale(ENGLISH))),
        _ => return None,
    }))
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "editor")))]
fn source(tag: &str) -> Option<std::borrow::Cow<'static, str>> {
    (tag == "en").then_some(std::borrow::Cow::Borrowed(ENGLISH))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_fill_and_unknown_ones_stay() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(fill("{a} {c} {", &[("a", "x")]), "x {c} {");
    }

    #[test]
    fn tags_find_their_locale() {
        assert_eq!(shipped_tag("uk-UA"), Some("uk"));
        assert_eq!(shipped_tag("en-xa"), Some(PSEUDO));
        assert_eq!(shipped_tag("he"), None);
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("he"), "rtl");
        assert_eq!(direction("uk"), "ltr");
    }
}
