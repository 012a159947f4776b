//! Native tests of the reducer: loading, view changes, opening and closing cells, live updates.
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

/// The story with one position changed: `side` on `issue` now says `summary` (and `stance`).
fn changed(
    story: &demands_matrix::model::Story,
    issue: &str,
    side: &str,
    stance: Option<demands_matrix::model::Stance>,
    summary: &str,
) -> Rc<demands_matrix::model::Story> {
    let mut next = story.clone();
    let at = next
        .positions
        .iter()
        .position(|p| p.issue == issue && p.side == side)
        .expect("cell");
    if let Some(stance) = stance {
        next.positions[at].stance = stance;
    }
    next.positions[at].summary = summary.to_owned();
    Rc::new(next)
}

#[test]
fn an_update_keeps_the_view_and_open_cell_and_marks_what_changed() {
    use demands_matrix::model::Stance;
    let first = story();
    let state = apply(
        State::ready(first.clone(), None),
        [
            Action::SelectView(View::Side(1)),
            Action::ToggleCell(CellRef { issue: 0, side: 1 }),
        ],
    );
    let second = changed(
        &first,
        "ceasefire",
        "moscow",
        Some(Stance::Rejects),
        "Moscow rejects it.",
    );
    let state = state.reduce(Action::Updated(second.clone(), "14:05".into()));
    assert_eq!(state.view, View::Side(1));
    assert_eq!(state.open, Some(CellRef { issue: 0, side: 1 }));
    assert!(Rc::ptr_eq(state.story().unwrap(), &second));
    assert_eq!(state.changes.len(), 1);
    let change = &state.changes[0];
    assert_eq!(
        (change.issue.as_str(), change.side.as_str()),
        ("ceasefire", "moscow")
    );
    assert_eq!(
        change.before.stance,
        Stance::NotStated,
        "what the page loaded with"
    );
    assert_eq!(change.at, "14:05");
    assert_eq!(*state.latest, vec![("ceasefire".into(), "moscow".into())]);

    // A second change of the same cell keeps what the page loaded with, at the new time.
    let third = changed(
        &second,
        "ceasefire",
        "moscow",
        None,
        "Moscow rejects it outright.",
    );
    let state = state.reduce(Action::Updated(third.clone(), "14:20".into()));
    assert_eq!(state.changes.len(), 1);
    assert_eq!(state.changes[0].before.stance, Stance::NotStated);
    assert_eq!(state.changes[0].at, "14:20");

    // Choosing a view ends the update's announcement; the marks stay.
    let state = state.reduce(Action::SelectView(View::AllSides));
    assert!(state.latest.is_empty());
    assert_eq!(state.changes.len(), 1);

    // Back to what it said at first: no longer a change.
    let state = state.reduce(Action::Updated(first.clone(), "14:35".into()));
    assert!(state.changes.is_empty());
    assert_eq!(
        state.latest.len(),
        1,
        "the update itself is still announced"
    );

    // A version that changes no position: the live region has nothing to say (it said the
    // reader's view when they chose it), so it is not told the view again.
    let state = state.reduce(Action::Updated(first.clone(), "14:50".into()));
    assert!(state.latest.is_empty());
    assert!(!state.view_chosen, "the reader did nothing since");
    assert!(!state.version_said);
}

#[test]
fn an_update_finds_the_view_and_open_cell_by_id_when_rows_move() {
    let first = story();
    let state = apply(
        State::ready(first.clone(), None),
        [
            Action::SelectView(View::Side(2)),
            Action::ToggleCell(CellRef { issue: 1, side: 2 }),
        ],
    );
    let mut moved = (*first).clone();
    moved.issues.swap(0, 1);
    moved.sides.swap(0, 2);
    // Positions stay issue-major in the new order, as validation leaves them.
    let sides = moved.sides.len();
    let old = first.clone();
    moved.positions = moved
        .issues
        .iter()
        .flat_map(|issue| {
            moved
                .sides
                .iter()
                .map(|side| old.find(&issue.id, &side.id).unwrap().clone())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(moved.positions.len(), moved.issues.len() * sides);
    let state = state.reduce(Action::Updated(Rc::new(moved), "09:00".into()));
    assert_eq!(state.view, View::Side(0), "west is now the first side");
    assert_eq!(state.open, Some(CellRef { issue: 0, side: 0 }));
    assert!(state.changes.is_empty() && state.latest.is_empty());
}

#[test]
fn a_failed_check_keeps_the_story_and_notes_since_when() {
    let first = story();
    let state = State::ready(first.clone(), None);
    let state = apply(state, [Action::Stale("10:15".into())]);
    assert!(Rc::ptr_eq(state.story().unwrap(), &first));
    assert_eq!(state.stale.as_deref(), Some("10:15"));
    let same = state.clone().reduce(Action::Stale("10:15".into()));
    assert!(
        Rc::ptr_eq(&same, &state),
        "a second failure renders nothing new"
    );
    let state = state.reduce(Action::Unchanged);
    assert_eq!(state.stale, None);
    let same = state.clone().reduce(Action::Unchanged);
    assert!(
        Rc::ptr_eq(&same, &state),
        "an unchanged story renders nothing"
    );
}

#[test]
fn the_refresh_settings_and_back_off() {
    use demands_matrix::loading::{Refresh, DEFAULT_STOP_AFTER_S};
    assert_eq!(Refresh::parse(None, Some("60")), None);
    assert_eq!(Refresh::parse(Some("0"), None), None);
    assert_eq!(Refresh::parse(Some("soon"), None), None);
    let every_5 = Refresh::parse(Some("5"), None).unwrap();
    assert_eq!(every_5.every, 15, "at least 15 s");
    assert_eq!(every_5.stop_after, DEFAULT_STOP_AFTER_S);
    let refresh = Refresh::parse(Some(" 60 "), Some("120")).unwrap();
    assert_eq!((refresh.every, refresh.stop_after), (60, 120));
    let delays: Vec<u32> = (0..8).map(|f| refresh.delay_ms(f) / 1000).collect();
    assert_eq!(delays, [60, 120, 240, 480, 960, 1920, 3600, 3600]);
    let slow = Refresh::parse(Some("7200"), None).unwrap();
    assert_eq!(
        slow.delay_ms(3),
        7_200_000,
        "never shorter than the interval"
    );
    assert_eq!(
        Refresh::parse(Some("4294967295"), None)
            .unwrap()
            .delay_ms(9),
        u32::MAX
    );
}

fn three_versions() -> Rc<demands_matrix::model::Story> {
    let text = std::fs::read_to_string("tests/fixtures/stories/history.json").unwrap();
    Rc::new(parse_story(&text).unwrap())
}

#[test]
fn stepping_back_and_forth_through_versions_keeps_the_view() {
    let story = three_versions();
    let state = apply(
        State::ready(story.clone(), None),
        [
            Action::SelectView(View::Side(1)),
            Action::SelectVersion(Some(0)),
        ],
    );
    assert_eq!(state.version, Some(0));
    assert_eq!(state.view, View::Side(1), "the view stays");
    assert!(state.version_said);
    let shown = state.shown_story().unwrap();
    assert_eq!(shown.as_of.date, "2025-05-16");
    assert_eq!(
        shown.find("border", "south").unwrap().stance.id(),
        "rejects"
    );
    assert_eq!(
        state.story().unwrap().as_of.date,
        "2025-06-03",
        "the story itself is kept"
    );

    let state = state.reduce(Action::SelectVersion(Some(1)));
    assert_eq!(
        state
            .shown_story()
            .unwrap()
            .find("border", "south")
            .unwrap()
            .stance
            .id(),
        "open"
    );
    let same = state.clone().reduce(Action::SelectVersion(Some(1)));
    assert!(
        Rc::ptr_eq(&same, &state),
        "the version shown: nothing to do"
    );
    let beyond = state.clone().reduce(Action::SelectVersion(Some(2)));
    assert!(Rc::ptr_eq(&beyond, &state), "no such version");

    let state = state.reduce(Action::SelectVersion(None));
    assert_eq!(state.version, None);
    assert!(
        Rc::ptr_eq(state.shown_story().unwrap(), &story),
        "the latest is the story itself"
    );
    let state = state.reduce(Action::SelectView(View::AllSides));
    assert!(
        !state.version_said,
        "a view's announcement replaces the version's"
    );
}

#[test]
fn a_new_version_keeps_the_earlier_version_the_reader_is_looking_at() {
    let old = three_versions();
    let mut new = (*old).clone();
    new.as_of.date = "2025-06-10".into();
    // One more version in front: the reader's (2025-05-30) moves from index 1 to 2.
    let mut first = new.history[0].clone();
    first.as_of.date = "2025-05-01".into();
    new.history.insert(0, first);
    let state = apply(State::ready(old, None), [Action::SelectVersion(Some(1))]);
    let state = state.reduce(Action::Updated(Rc::new(new), "14:05".into()));
    assert_eq!(state.version, Some(2));
    assert_eq!(state.shown_story().unwrap().as_of.date, "2025-05-30");
}
