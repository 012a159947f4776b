//! Dates in words as a locale writes them ("2 червня 2025 р.", "2. Juni 2025"): the browser's
//! `Intl.DateTimeFormat` in the WebAssembly, ICU4X's compiled CLDR data natively.

/// Year, month and day of an ISO date (`2025-06-02`), when it is one.
#[cfg(not(target_arch = "wasm32"))]
fn parts(iso: &str) -> Option<(i32, u8, u8)> {
    let mut parts = iso.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// The long form of `iso` in the locale `tag`, or `None` when it is not a valid date.
#[cfg(target_arch = "wasm32")]
pub fn long(tag: &str, iso: &str) -> Option<String> {
    use js_sys::{Date, JSON};
    // A date-only ISO form is read as midnight UTC; the round trip refuses 31 April, which
    // browsers roll over into May, and anything else that is not a date.
    let date = Date::new(&iso.into());
    if date.get_time().is_nan() || date.to_iso_string().as_string()?.get(..10) != Some(iso) {
        return None;
    }
    let options = JSON::parse(r#"{"dateStyle":"long","timeZone":"UTC"}"#).ok()?;
    date.to_locale_date_string(tag, &options).as_string()
}

/// The long form of `iso` in the locale `tag`, or `None` when it is not a valid date.
#[cfg(not(target_arch = "wasm32"))]
pub fn long(tag: &str, iso: &str) -> Option<String> {
    use icu_datetime::fieldsets::YMD;
    use icu_datetime::input::Date;
    use icu_datetime::DateTimeFormatter;
    let (year, month, day) = parts(iso)?;
    let locale: icu_locale_core::Locale = tag.parse().ok()?;
    let formatter = DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok()?;
    let date = Date::try_new_iso(year, month, day).ok()?;
    Some(formatter.format(&date).to_string())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn only_dates_have_parts() {
        assert_eq!(parts("2025-06-02"), Some((2025, 6, 2)));
        assert_eq!(parts("2025-13-02"), None);
        assert_eq!(parts("soon"), None);
    }
}
