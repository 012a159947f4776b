//! Where the sides agree and where they clash, computed from the positions (never typed in).

use super::stance::{Camp, Stance};
use super::story::Story;
use crate::i18n::Strings;

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

/// The sides whose agreement counts: the parties (a mediator, host or observer is shown, but
/// where the parties agree is theirs alone); every side in a story that names no party.
pub fn parties(story: &Story) -> Vec<usize> {
    let parties: Vec<usize> = (0..story.sides.len())
        .filter(|&side| story.sides[side].role.is_party())
        .collect();
    if parties.is_empty() {
        (0..story.sides.len()).collect()
    } else {
        parties
    }
}

fn finding(story: &Story, issue: usize) -> Finding {
    let parties = parties(story);
    let stances: Vec<(usize, Stance)> = parties
        .iter()
        .map(|&side| (side, story.position(issue, side).stance))
        .collect();
    let count = |camp: Camp| stances.iter().filter(|(_, s)| s.camp() == camp).count();
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
            let sides: Vec<usize> = stances
                .iter()
                .filter(|(_, s)| *s == stance)
                .map(|(side, _)| *side)
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

/// "Demands: Kyiv; Rejects: Moscow and Western allies": a finding in words, silent sides left
/// out. Stance first, names after it as a list: no verb has to agree with a name, and no name
/// is inflected, in any locale.
pub fn describe(t: &Strings, story: &Story, finding: &Finding) -> String {
    let all_stated = finding.by_stance.iter().all(|(s, _)| s.is_stated());
    finding
        .by_stance
        .iter()
        .filter(|(stance, _)| stance.is_stated())
        .map(|(stance, sides)| {
            let plain = sides
                .iter()
                .all(|&s| !story.position(finding.issue, s).is_conditional());
            let who = if sides.len() == story.sides.len() && all_stated && sides.len() > 2 && plain
            {
                t.text("finding-all")
            } else {
                // A side that agrees only on a condition is never plain agreement: said so.
                let names: Vec<String> = sides
                    .iter()
                    .map(|&s| {
                        let name = &story.sides[s].name;
                        if story.position(finding.issue, s).is_conditional() {
                            t.fill(
                                "side-role",
                                &[("side", name), ("role", &t.text("conditional"))],
                            )
                        } else {
                            name.clone()
                        }
                    })
                    .collect();
                t.list(&names.iter().map(String::as_str).collect::<Vec<_>>())
            };
            t.fill("finding", &[("stance", &stance.label(t)), ("sides", &who)])
        })
        .collect::<Vec<_>>()
        .join(&t.text("clause-sep"))
}
