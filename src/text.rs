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

/// "Priority no. 1 for Kyiv": a ranked demand in the detail, after the stance word ("Demands"),
/// so it must not say "demand" again; no possessive, which reads wrongly for plural names such
/// as "Western allies".
pub fn rank_phrase(side_name: &str, rank: u32) -> String {
    format!("Priority no. {rank} for {side_name}")
}

/// The visible rank in a cell, "No. 1": also the words of the cell button's name (WCAG 2.5.3,
/// the name holds the visible label).
pub fn rank_label(rank: u32) -> String {
    format!("No. {rank}")
}

/// What the live region says after a view switch. A view's title is the editors' own ("The
/// Western view", "Seen from Kyiv"), so it stands after a colon rather than inside a sentence.
pub fn now_showing(view_title: &str) -> String {
    format!("Now showing: {view_title}")
}

/// The view switcher's label, as tabs (live) or as links to the view pages (before script).
pub const VIEW_SWITCH_LABEL: &str = "Whose view to show";

/// Said after the side's name in its column head while its view is shown. Starts with a space
/// and has no comma: a visually hidden part is a box of its own, which browsers separate with a
/// space, and " , this view" is what a comma would become.
pub const THIS_VIEW: &str = " (this view)";

/// Visible label of a cell's quote disclosure; `quote_context` follows it, visually hidden, so
/// that each of the page's quote toggles has a name of its own.
pub const QUOTE_LABEL: &str = "Quote";

/// " from Kyiv on Ceasefire", hidden after "Quote" in a cell's quote toggle: words, not
/// punctuation, after the break browsers put before a visually hidden part (see `THIS_VIEW`).
pub fn quote_context(side_name: &str, issue_title: &str) -> String {
    format!(" from {side_name} on {issue_title}")
}

/// "Kyiv on Ceasefire: ", hidden before a cell's stance, so the cell button names side and issue.
pub fn cell_context(side_name: &str, issue_title: &str) -> String {
    format!("{side_name} on {issue_title}: ")
}

/// The all-sides view's name, in the images of the matrix (src/images/).
pub const ALL_SIDES: &str = "All sides";

/// The images' first column head, as the widget's table has it.
pub const ISSUE_HEADER: &str = "Issue";

/// "As of 2 June 2025, Istanbul": the images' date line, as the widget's header says it.
pub fn as_of_line(date: &str, place: &str) -> String {
    format!("As of {}, {place}", long_date(date))
}

/// "Source: Reuters, “Title”": the images' credit; each source as the widget's footer names it.
pub fn source_line(sources: &[(&str, &str)]) -> String {
    let names: Vec<String> = sources
        .iter()
        .map(|(outlet, title)| format!("{outlet}, “{title}”"))
        .collect();
    let label = if sources.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    format!("{label}: {}", names.join("; "))
}

/// The line under the images' legend, as the widget's footer says it.
pub const SOURCE_PROMISE: &str =
    "Every position is taken from the source; where it is silent, the matrix says “Not stated”.";

/// The last row of a share card that has no room for every issue.
pub fn more_issues(count: usize) -> String {
    match count {
        1 => "and 1 more issue".to_owned(),
        n => format!("and {n} more issues"),
    }
}

/// Added to a share card's text alternative when the card leaves issues out.
pub fn card_shows(shown: usize, total: usize) -> String {
    format!("The card shows the first {shown} of {total} issues.")
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
