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

/// The all-sides view's name, where the widget names views (tabs, live region, image texts).
pub const ALL_SIDES: &str = "All sides";

/// The first column's heading: the widget's table corner and the Apple News table's first column.
pub const ISSUE_HEADING: &str = "Issue";

/// "As of 2 June 2025, Istanbul": when and where the matrix was true (`date` already in words).
pub fn as_of(date: &str, place: &str) -> String {
    format!("As of {date}, {place}")
}

/// "Source: " or "Sources: ", before the list of sources in a credit.
pub fn sources_lead(count: usize) -> &'static str {
    if count == 1 {
        "Source: "
    } else {
        "Sources: "
    }
}

/// One source in a credit: "Reuters, “Talks resume in Istanbul”".
pub fn source_entry(outlet: &str, title: &str) -> String {
    format!("{outlet}, “{title}”")
}

/// Said after the sources in a credit, so that "Not stated" is never read as a position.
pub const SOURCE_NOTE: &str =
    "Every position is taken from the source; where it is silent, the matrix says “Not stated”.";

/// The opening of an image's short text alternative: what the image is, and for when.
pub fn image_alt_head(title: &str, view_title: &str, date: &str) -> String {
    format!("Demands matrix: {title}, {view_title}, as of {date}.")
}

/// "14 issues, 3 sides.": the size of the matrix.
pub fn matrix_size(issues: usize, sides: usize) -> String {
    let issues = match issues {
        1 => "1 issue".to_owned(),
        n => format!("{n} issues"),
    };
    let sides = match sides {
        1 => "1 side".to_owned(),
        n => format!("{n} sides"),
    };
    format!("{issues}, {sides}.")
}

/// "Demands 9": how many cells of a side hold one stance (the stance's label first, so that no
/// plural has to be made of it).
pub fn stance_count(label: &str, count: usize) -> String {
    format!("{label} {count}")
}

/// "Kyiv: Demands 9, Supports 2, Not stated 3.": one side's stances counted.
pub fn side_counts(side_name: &str, counts: &[String]) -> String {
    format!("{side_name}: {}.", counts.join(", "))
}

/// "And 4 more sides.": where a short text alternative has no room for every side's counts, as
/// the share card ends its rows with "and N more". Not "in the description": an `og:image:alt`
/// travels without one.
pub fn more_sides(count: usize) -> String {
    match count {
        1 => "And 1 more side.".to_owned(),
        n => format!("And {n} more sides."),
    }
}

/// "Kyiv: Demands": one cell in words. The stance's label, not its verb, so that a plural name
/// ("Western allies") never meets a singular verb.
pub fn cell_words(side_name: &str, stance_label: &str) -> String {
    format!("{side_name}: {stance_label}")
}

/// "Kyiv: Demands, No. 1": a cell whose demand the side ranks.
pub fn ranked_cell_words(side_name: &str, stance_label: &str, rank: u32) -> String {
    format!("{side_name}: {stance_label}, {}", rank_label(rank))
}

/// "Ceasefire — Kyiv: Demands; Moscow: Rejects.": one row of the matrix in words.
pub fn row_words(issue_title: &str, cells: &[String]) -> String {
    format!("{issue_title} — {}.", cells.join("; "))
}

/// "Demands of Kyiv, and how the others answer:": a group heading leading its rows.
pub fn group_lead(heading: &str) -> String {
    format!("{heading}:")
}

/// "Istanbul talks — Kyiv’s view": the heading above the matrix where the view needs naming.
pub fn titled_view(title: &str, view_title: &str) -> String {
    format!("{title} — {view_title}")
}

/// "Istanbul talks · As of 2 June 2025, Istanbul · Source: …": parts of a caption, joined.
pub fn caption_parts(parts: &[&str]) -> String {
    parts.join(" · ")
}

/// "Demands: asks for this, or acts to bring it about": a stance in the full image's legend.
pub fn legend_entry(label: &str, meaning: &str) -> String {
    format!("{label}: {meaning}")
}

/// The last row of a share card that has no room for every issue.
pub fn more_issues(count: usize) -> String {
    match count {
        1 => "and 1 more issue".to_owned(),
        n => format!("and {n} more issues"),
    }
}

/// What a share card shows, after its alt's head: "A table of where Kyiv, Moscow and Western
/// allies stand on 14 issues; the card shows the first 7." (`sides` already joined).
pub fn card_table(sides: &str, shown: usize, total: usize) -> String {
    let issues = match total {
        1 => "1 issue".to_owned(),
        n => format!("{n} issues"),
    };
    if shown < total {
        format!("A table of where {sides} stand on {issues}; the card shows the first {shown}.")
    } else {
        format!("A table of where {sides} stand on {issues}.")
    }
}

/// The sides of a card's table when their names would make its alt too long: "the 12 sides".
pub fn all_sides(count: usize) -> String {
    format!("the {count} sides")
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
