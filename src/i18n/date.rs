//! Dates in words as a locale writes them ("2 червня 2025 р.", "2. Juni 2025"): the browser's
//! `Intl.DateTimeFormat` in the WebAssembly, ICU4X's compiled CLDR data natively.

/// Year, month and day of an ISO date (`2025-06-02`), when it is one.
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
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    let (year, month, day) = parts(iso)?;
    let date = Date::new_0();
    date.set_utc_full_year_with_month_date(year as u32, i32::from(month) - 1, i32::from(day));
    // 31 April rolls over into May: not a date.
    if date.get_utc_date() != u32::from(day) {
        return None;
    }
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).ok();
    set("dateStyle", "long")?;
    set("timeZone", "UTC")?;
    let format = Intl::DateTimeFormat::new(&Array::of1(&tag.into()), &options).format();
    format.call1(&JsValue::NULL, &date).ok()?.as_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dates_have_parts() {
        assert_eq!(parts("2025-06-02"), Some((2025, 6, 2)));
        assert_eq!(parts("2025-13-02"), None);
        assert_eq!(parts("soon"), None);
    }
}
