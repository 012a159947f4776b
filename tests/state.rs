//! Native tests of the reducer: loading, view changes, opening and closing cells.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use demands_matrix::model::{parse_story, View, DEFAULT_STORY_JSON};
use demands_matrix::state::{Action, CellRef, Load, LoadFailure, State};
use yew::Reducible;

fn story() -> Rc<demands_matrix::model::Story> {
    Rc::new(parse_story(DEFAULT_STORY_JSON).expect("valid"))
}

fn apply(state: State, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions
        .into_iter()
        .fold(Rc::new(state), |state, action| state.reduce(action))
}

#[test]
fn opens_on_all_sides_unless_the_embed_asks() {
    assert_eq!(State::ready(story(), None).view, View::AllSides);
    assert_eq!(
        State::ready(story(), Some("moscow".into())).view,
        View::Side(1)
    );
    assert_eq!(
        State::ready(story(), Some("mars".into())).view,
        View::AllSides
    );
}

#[test]
fn the_requested_view_applies_when_a_fetched_story_arrives() {
    let state = apply(
        State::loading("story.json".into(), Some("west".into())),
        [Action::Loaded(story())],
    );
    assert_eq!(state.view, View::Side(2));
    assert!(matches!(state.load, Load::Ready(_)));
}

#[test]
fn selecting_a_view_closes_the_open_cell() {
    let cell = CellRef { issue: 0, side: 0 };
    let state = apply(
        State::ready(story(), None),
        [Action::ToggleCell(cell), Action::SelectView(View::Side(1))],
    );
    assert_eq!(state.view, View::Side(1));
    assert_eq!(state.open, None);
}

#[test]
fn toggling_a_cell_opens_switches_and_closes() {
    let a = CellRef { issue: 0, side: 0 };
    let b = CellRef { issue: 3, side: 1 };
    let state = apply(State::ready(story(), None), [Action::ToggleCell(a)]);
    assert_eq!(state.open, Some(a));
    let state = state.reduce(Action::ToggleCell(b));
    assert_eq!(state.open, Some(b));
    let state = state.reduce(Action::ToggleCell(b));
    assert_eq!(state.open, None);
    let state = state
        .reduce(Action::ToggleCell(a))
        .reduce(Action::CloseCell);
    assert_eq!(state.open, None);
}

#[test]
fn out_of_range_actions_change_nothing() {
    let start = Rc::new(State::ready(story(), None));
    let same = start.clone().reduce(Action::SelectView(View::Side(9)));
    assert!(Rc::ptr_eq(&start, &same));
    let same = start
        .clone()
        .reduce(Action::ToggleCell(CellRef { issue: 99, side: 0 }));
    assert!(Rc::ptr_eq(&start, &same));
    let same = start.clone().reduce(Action::SelectView(View::AllSides));
    assert!(
        Rc::ptr_eq(&start, &same),
        "re-selecting the current view is a no-op"
    );
}

#[test]
fn views_cannot_change_while_loading() {
    let state = apply(
        State::loading("s.json".into(), None),
        [Action::SelectView(View::Side(0))],
    );
    assert_eq!(state.view, View::AllSides);
}

#[test]
fn failure_then_retry_then_success() {
    let failure = Rc::new(LoadFailure {
        src: "s.json".into(),
        details: vec!["the server answered 404 Not Found".into()],
    });
    let state = apply(
        State::loading("s.json".into(), None),
        [Action::Failed(failure)],
    );
    assert!(matches!(state.load, Load::Failed(_)));
    let state = state.reduce(Action::Reload {
        src: "s.json".into(),
    });
    assert!(matches!(state.load, Load::Loading { .. }));
    let state = state.reduce(Action::Loaded(story()));
    assert!(state.story().is_some());
}
