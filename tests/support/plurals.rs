//! What CLDR says for the numbers and the date the locale tests use: the build's ICU4X
//! (tests/native/i18n.rs) and the browsers' Intl (tests/web.rs) are checked against the same table,
//! so a page the build wrote and the browser that hydrates it agree.

/// The numbers the plural forms are tested for.
pub const NUMBERS: [usize; 8] = [0, 1, 2, 5, 11, 21, 22, 101];

/// CLDR's cardinal category of each of [`NUMBERS`] per language: what both the build (ICU4X) and
/// the browsers' Intl must give (tests/web.rs checks the browsers against the same table).
pub const CATEGORIES: [(&str, [&str; 8]); 7] = [
    (
        "en",
        [
            "other", "one", "other", "other", "other", "other", "other", "other",
        ],
    ),
    (
        "de",
        [
            "other", "one", "other", "other", "other", "other", "other", "other",
        ],
    ),
    (
        "es",
        [
            "other", "one", "other", "other", "other", "other", "other", "other",
        ],
    ),
    (
        "fr",
        [
            "one", "one", "other", "other", "other", "other", "other", "other",
        ],
    ),
    (
        "uk",
        ["many", "one", "few", "many", "many", "one", "few", "one"],
    ),
    (
        "ru",
        ["many", "one", "few", "many", "many", "one", "few", "one"],
    ),
    (
        "ar",
        ["zero", "one", "two", "few", "many", "many", "many", "other"],
    ),
];

/// 2 June 2025 in words, per locale.
pub const DATES: [(&str, &str); 7] = [
    ("en", "2 June 2025"),
    ("uk", "2 червня 2025\u{202f}р."),
    ("ru", "2 июня 2025\u{202f}г."),
    ("de", "2. Juni 2025"),
    ("fr", "2 juin 2025"),
    ("es", "2 de junio de 2025"),
    ("ar", "2 يونيو 2025"),
];
