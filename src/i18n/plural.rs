//! CLDR plural categories of a number in a language: the browser's `Intl.PluralRules` in the
//! WebAssembly (readers download no rules), ICU4X's compiled CLDR data natively.

/// The CLDR cardinal category of `n` in the language `tag` ("one", "few", "many", "other", …);
/// "other" when the language is unknown.
pub fn category(tag: &str, n: usize) -> &'static str {
    categorise(tag, n).unwrap_or("other")
}

/// Every CLDR category by its name, so that the one found can be returned as `&'static str`.
const NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[cfg(target_arch = "wasm32")]
fn categorise(tag: &str, n: usize) -> Option<&'static str> {
    use js_sys::{Array, Intl, Object};
    let rules = Intl::PluralRules::new(&Array::of1(&tag.into()), &Object::new());
    let name = String::from(rules.select(n as f64));
    NAMES.iter().find(|known| **known == name).copied()
}

#[cfg(not(target_arch = "wasm32"))]
fn categorise(tag: &str, n: usize) -> Option<&'static str> {
    use icu_plurals::{PluralCategory, PluralRules};
    let locale: icu_locale_core::Locale = tag.parse().ok()?;
    let rules = PluralRules::try_new_cardinal((&locale).into()).ok()?;
    let index = match rules.category_for(n) {
        PluralCategory::Zero => 0,
        PluralCategory::One => 1,
        PluralCategory::Two => 2,
        PluralCategory::Few => 3,
        PluralCategory::Many => 4,
        PluralCategory::Other => 5,
    };
    NAMES.get(index).copied()
}
