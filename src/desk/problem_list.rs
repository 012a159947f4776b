//! ProblemList: every problem of what was opened, each with its place (sheet, row and column, or
//! line and column), and the evidence the source does not contain word for word.

use yew::prelude::*;

use super::state::Problem;

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub problems: Vec<Problem>,
    pub evidence: Vec<Problem>,
    /// What the problems are about ("istanbul.xlsx").
    pub opened: Option<String>,
    /// The preview shows an earlier story, because the last one opened has problems.
    pub stale: bool,
    /// How far the evidence is checked, and whether all of it is checked and found.
    #[prop_or_default]
    pub checked: Option<(bool, AttrValue)>,
}

fn items(problems: &[Problem]) -> Html {
    problems
        .iter()
        .map(|problem| {
            html! {
                <li class="dmd-problem">
                    if !problem.place.is_empty() {
                        <span class="dmd-problem__place">{ &problem.place }</span>{ ": " }
                    }
                    <span class="dmd-problem__message">{ &problem.message }</span>
                    if let Some(nearest) = &problem.nearest {
                        <span class="dmd-problem__nearest">
                            { "Nearest sentence in the source: " }<q>{ nearest }</q>
                        </span>
                    }
                </li>
            }
        })
        .collect()
}

#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let count = props.problems.len() + props.evidence.len();
    html! {
        <section class="dmd-panel dmd-problems" aria-labelledby="dmd-problems-title" data-testid="dmd-problems">
            <h2 id="dmd-problems-title">
                { "Problems" }
                <span class="dmd-count" data-testid="dmd-problem-count">{ format!(" ({count})") }</span>
            </h2>
            if props.opened.is_none() {
                <p class="dmd-hint">{ "Nothing opened yet." }</p>
            } else if count == 0 && props.checked.as_ref().is_none_or(|(whole, _)| *whole) {
                <p class="dmd-ok">{ "No problems: the story is ready to download." }</p>
            } else if count == 0 {
                <p class="dmd-warning">{ "No problems in the file, but not all of its evidence is checked against its sources." }</p>
            }
            if let Some((whole, said)) = &props.checked {
                <p class={if *whole { "dmd-hint" } else { "dmd-warning" }} data-testid="dmd-evidence-status">{ said }</p>
            }
            if props.stale {
                <p class="dmd-warning">
                    { "The preview still shows the last version without problems." }
                </p>
            }
            if !props.problems.is_empty() {
                <ol class="dmd-problem-list" data-testid="dmd-problem-list">{ items(&props.problems) }</ol>
            }
            if !props.evidence.is_empty() {
                <h3>{ "Not in the source word for word" }</h3>
                <ol class="dmd-problem-list" data-testid="dmd-evidence-list">{ items(&props.evidence) }</ol>
            }
        </section>
    }
}
