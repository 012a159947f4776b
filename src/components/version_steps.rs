//! version_steps: in the live build, the control that steps back through a story's earlier
//! versions (its `history`, docs/live-stories.md) and forward to the story as it stands.
//!
//! A view function: App's reducer knows the version shown.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Story;

/// One button per version, oldest first, the latest last; the one shown is pressed. Buttons, not
/// tabs: a version changes what the whole widget shows, its views included, and each is one
/// Tab stop a reader can reach without knowing a pattern. `story` is the story as it stands.
pub fn version_steps(
    t: &Strings,
    story: &Story,
    shown: Option<usize>,
    on_select: &Callback<Option<usize>>,
) -> Html {
    let dates = story
        .history
        .iter()
        .map(|version| version.as_of.date.as_str())
        .chain([story.as_of.date.as_str()]);
    let latest = story.history.len();
    html! {
        <div class="dm-versions" role="group" aria-label={t.text("versions")} data-testid="dm-versions">
            <span class="dm-versions__label" aria-hidden="true">{ t.text("versions") }</span>
            { for dates.enumerate().map(|(n, date)| {
                let version = (n < latest).then_some(n);
                let pressed = version == shown;
                let on_select = on_select.clone();
                let date = t.date(date);
                html! {
                    <button
                        type="button"
                        class="dm-versions__step"
                        aria-pressed={if pressed { "true" } else { "false" }}
                        data-testid={format!("dm-version-{n}")}
                        onclick={move |_| on_select.emit(version)}
                    >
                        { if version.is_some() { date } else { t.fill("version-latest", &[("date", &date)]) } }
                    </button>
                }
            }) }
        </div>
    }
}
