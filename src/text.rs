//! Small helpers that turn story data into words readers see, and the widget's own sentences
//! that are written in more than one place (a component and the direct-embed module).

/// The loading state, in the widget and in a direct embed before its program has started.
pub const LOADING: &str = "Loading the graphic…";
/// The headline of every state where a story cannot be shown.
pub const NOT_LOADED: &str = "Sorry, this graphic could not be loaded.";
/// What a direct embed says when its WebAssembly or JS glue never arrives (blocked, no CORS).
pub const NO_PROGRAM: &str =
    "Its program could not be downloaded: the browser or the network blocked it. Reloading the page may help.";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2025-06-02" → "2 June 2025". Validation guarantees the shape; anything else is shown as is.
pub fn long_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| MONTHS.get(m));
    match (month, day.parse::<u32>()) {
        (Some(month), Ok(day)) => format!("{day} {month} {year}"),
        _ => iso.to_owned(),
    }
}

/// "Demand no. 1 of Kyiv": how a ranked demand is named in the detail (no possessive, which
/// reads wrongly for plural names such as "Western allies").
pub fn rank_phrase(side_name: &str, rank: u32) -> String {
    format!("Demand no. {rank} of {side_name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_day_month_year() {
        assert_eq!(long_date("2025-06-02"), "2 June 2025");
        assert_eq!(long_date("2025-13-02"), "2025-13-02");
        assert_eq!(long_date("soon"), "soon");
    }
}
