//! Where the sides agree and where they clash, computed from the positions (never typed in).

use super::stance::{Camp, Stance};
use super::story::Story;

/// How the sides' stated positions on one issue relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Two or more sides stated a position and all of them point the same way.
    CommonGround,
    /// At least one side is for it and at least one against.
    Clash,
    /// Only one side's position is on record.
    Unanswered,
    /// Positions are stated but neither agree nor clash (someone is undecided).
    Unsettled,
    /// No side's position is on record.
    Silent,
}

/// One issue's outcome, with the sides grouped by the way they point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub issue: usize,
    pub outcome: Outcome,
    /// Sides for each stance, in the order of [`Stance::ALL`]; empty stances are left out.
    pub by_stance: Vec<(Stance, Vec<usize>)>,
}

/// The whole story's common ground and clashes, in issue order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub findings: Vec<Finding>,
}

impl Agreement {
    pub fn of(story: &Story) -> Agreement {
        let findings = (0..story.issues.len())
            .map(|issue| finding(story, issue))
            .collect();
        Agreement { findings }
    }

    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.outcome == outcome)
    }
}

fn finding(story: &Story, issue: usize) -> Finding {
    let stances: Vec<Stance> = (0..story.sides.len())
        .map(|side| story.position(issue, side).stance)
        .collect();
    let count = |camp: Camp| stances.iter().filter(|s| s.camp() == camp).count();
    let (for_, against, undecided) = (
        count(Camp::For),
        count(Camp::Against),
        count(Camp::Undecided),
    );
    let stated = for_ + against + undecided;
    let outcome = if for_ > 0 && against > 0 {
        Outcome::Clash
    } else if stated == 0 {
        Outcome::Silent
    } else if stated == 1 {
        Outcome::Unanswered
    } else if undecided == 0 {
        Outcome::CommonGround
    } else {
        Outcome::Unsettled
    };
    let by_stance = Stance::ALL
        .iter()
        .filter_map(|&stance| {
            let sides: Vec<usize> = (0..stances.len())
                .filter(|&s| stances[s] == stance)
                .collect();
            (!sides.is_empty()).then_some((stance, sides))
        })
        .collect();
    Finding {
        issue,
        outcome,
        by_stance,
    }
}

/// "Kyiv demands; Moscow and Western allies reject": a finding in words, silent sides left out.
pub fn describe(story: &Story, finding: &Finding) -> String {
    let all_stated = finding.by_stance.iter().all(|(s, _)| s.is_stated());
    finding
        .by_stance
        .iter()
        .filter(|(stance, _)| stance.is_stated())
        .map(|(stance, sides)| {
            let names: Vec<&str> = sides
                .iter()
                .map(|&s| story.sides[s].name.as_str())
                .collect();
            let who = if sides.len() == story.sides.len() && all_stated && sides.len() > 2 {
                "All sides".to_owned()
            } else {
                join_names(&names)
            };
            let verb = if sides.len() > 1 {
                plural(stance.verb())
            } else {
                stance.verb().to_owned()
            };
            format!("{who} {verb}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Kyiv", "Kyiv and Moscow", "Kyiv, Moscow and Western allies".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn plural(verb: &str) -> String {
    match verb {
        "is open" => "are open".to_owned(),
        "has no stated position" => "have no stated position".to_owned(),
        v => v.strip_suffix('s').unwrap_or(v).to_owned(),
    }
}
