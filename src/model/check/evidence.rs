//! Evidence against the source: every evidence sentence and quote must be in the source's text
//! word for word, up to what word processors change (quotes, dashes, spacing); what is not is
//! shown with the source's nearest sentence and, when it is a few words, where the two differ.

use super::SourceText;
use crate::model::story::{Position, Story};

/// Which of a position's texts an [`EvidenceProblem`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    /// `evidence[n]`.
    Evidence(usize),
    /// `quote.text`.
    Quote,
}

/// Evidence or a quote that is not in its source word for word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceProblem {
    pub issue: String,
    pub side: String,
    pub source: String,
    pub field: EvidenceField,
    /// The evidence sentence or quote as the story has it.
    pub text: String,
    /// The source's sentence most like it, to compare with.
    pub nearest: Option<String>,
    /// Where it departs from that sentence, when that is a few words: `the source has "only
    /// let" where this has "let"`.
    pub difference: Option<String>,
}

impl EvidenceProblem {
    /// The problem in a sentence, without place or cell.
    pub fn message(&self) -> String {
        let what = match self.field {
            EvidenceField::Evidence(_) => "this evidence",
            EvidenceField::Quote => "the quote",
        };
        let mut message = format!(
            "{what} is not in the text of source `{}` word for word",
            self.source
        );
        if let Some(difference) = &self.difference {
            message.push_str(": ");
            message.push_str(difference);
        }
        message
    }
}

/// Compares every evidence sentence and quote of `story` with the text of its source, for
/// stories that did not come from JSON (a workbook) as well as those that did. Quotes, dashes
/// and spacing may differ (“ ” and ", – — and -, runs of spaces and line breaks); letters, case
/// and punctuation may not. Positions whose source has no text here are skipped (see
/// [`unchecked_sources`]). Problems come in the story's position order.
pub fn check_evidence(story: &Story, sources: &[SourceText]) -> Vec<EvidenceProblem> {
    let prepared: Vec<Prepared> = sources.iter().map(Prepared::new).collect();
    let mut problems = Vec::new();
    for position in &story.positions {
        for (field, text, id) in texts(position) {
            let Some(source) = prepared.iter().find(|p| p.id == id) else {
                continue;
            };
            if !source.text.contains(&normalise(text)) {
                let nearest = source.nearest(text, field == EvidenceField::Quote);
                problems.push(EvidenceProblem {
                    issue: position.issue.clone(),
                    side: position.side.clone(),
                    source: id.to_owned(),
                    field,
                    text: text.to_owned(),
                    difference: nearest.as_deref().and_then(|n| difference(text, n)),
                    nearest,
                });
            }
        }
    }
    problems
}

/// A position's evidence sentences and quote, each with the id of the source it is compared
/// with: a sentence's own source or the position's; for the quote, the source of the first
/// sentence that holds it (validation makes one hold it), else the position's.
fn texts(position: &Position) -> impl Iterator<Item = (EvidenceField, &str, &str)> {
    let sentences = position.evidence.iter().enumerate().map(|(e, sentence)| {
        let source = sentence.source_in(position);
        (EvidenceField::Evidence(e), sentence.text.as_str(), source)
    });
    let quote = position.quote.as_ref().map(|quote| {
        let holding = position
            .evidence
            .iter()
            .find(|sentence| sentence.text.contains(quote.text.trim()));
        let source = holding.map_or(position.source.as_str(), |s| s.source_in(position));
        (EvidenceField::Quote, quote.text.as_str(), source)
    });
    sentences.chain(quote)
}

/// Ids of the story's sources that evidence or a quote rests on (in the story's positions or
/// its earlier versions) but that have no text in `sources`, in the order of the story's
/// `sources`.
pub fn unchecked_sources(story: &Story, sources: &[SourceText]) -> Vec<String> {
    let versions = story.history.iter().flat_map(|v| &v.positions);
    let resting: Vec<&str> = story
        .positions
        .iter()
        .chain(versions)
        .flat_map(|p| texts(p).map(|(_, _, id)| id))
        .collect();
    story
        .sources
        .iter()
        .filter(|source| !sources.iter().any(|s| s.source_id == source.id))
        .filter(|source| resting.contains(&source.id.as_str()))
        .map(|source| source.id.clone())
        .collect()
}

/// How much of a story's evidence the source texts at hand cover: the evidence sentences and
/// quotes of its positions that [`check_evidence`] compares, and those it cannot, by source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Evidence sentences compared with their source's text.
    pub sentences: usize,
    /// Quotes compared with their source's text.
    pub quotes: usize,
    /// Sources with a text that evidence or a quote rests on.
    pub sources: usize,
    /// Sources that evidence or quotes rest on but that have no text: `(id, sentences, quotes)`,
    /// in the order of the story's `sources`.
    pub unchecked: Vec<(String, usize, usize)>,
    /// Sources compared whose text is marked as an excerpt (`excerpt` in the story), so that
    /// evidence missing from it may still be in the source: their ids, in the story's order.
    pub excerpts: Vec<String>,
}

/// What [`check_evidence`] can and cannot compare for `story` with these texts.
pub fn coverage(story: &Story, sources: &[SourceText]) -> Coverage {
    let mut coverage = Coverage::default();
    for source in &story.sources {
        let (mut sentences, mut quotes) = (0, 0);
        for (field, _, id) in story.positions.iter().flat_map(texts) {
            if id == source.id {
                match field {
                    EvidenceField::Evidence(_) => sentences += 1,
                    EvidenceField::Quote => quotes += 1,
                }
            }
        }
        if sentences + quotes == 0 {
            continue;
        }
        if sources.iter().any(|t| t.source_id == source.id) {
            coverage.sentences += sentences;
            coverage.quotes += quotes;
            coverage.sources += 1;
            if source.excerpt {
                coverage.excerpts.push(source.id.clone());
            }
        } else {
            coverage
                .unchecked
                .push((source.id.clone(), sentences, quotes));
        }
    }
    coverage
}

/// A source text ready for comparisons: normalised for containment, and split into sentences
/// with their words for the nearest-sentence search.
struct Prepared {
    id: String,
    text: String,
    sentences: Vec<(String, Vec<String>)>,
}

impl Prepared {
    fn new(source: &SourceText) -> Prepared {
        Prepared {
            id: source.source_id.clone(),
            text: normalise(&source.text),
            sentences: sentences(&source.text)
                .into_iter()
                .map(|s| {
                    let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    let words = words(&text);
                    (text, words)
                })
                .collect(),
        }
    }

    /// The sentence sharing most words with `text` (Dice coefficient over distinct words). For a
    /// quote, a few words of a longer sentence, the share of the quote's words counts first.
    fn nearest(&self, text: &str, fragment: bool) -> Option<String> {
        let wanted = words(text);
        let mut best: Option<((usize, usize), &str)> = None;
        for (sentence, words) in &self.sentences {
            let shared = shared(&wanted, words);
            if shared == 0 {
                continue;
            }
            // Integer scores, scaled, so ties and rounding are the same everywhere.
            let dice = 2_000_000 * shared / (wanted.len() + words.len()).max(1);
            let share = 1_000_000 * shared / wanted.len().max(1);
            let score = if fragment {
                (share, dice)
            } else {
                (dice, share)
            };
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, sentence));
            }
        }
        best.map(|(_, sentence)| sentence.to_owned())
    }
}

/// Where `text` departs from `sentence`, in words, when the two agree around a short change:
/// the part of the sentence that matches `text` best (a quote is a piece of a sentence) is
/// lined up from both ends, and what is left between is the difference.
fn difference(text: &str, sentence: &str) -> Option<String> {
    let (text, sentence) = (normalise(text), normalise(sentence));
    let ours: Vec<&str> = text.split(' ').collect();
    let theirs: Vec<&str> = sentence.split(' ').collect();
    // Words compared without the punctuation around them, so a quote lines up with `“a matter`.
    let bare = |w: &&str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let common = |a: &mut dyn Iterator<Item = (&&str, &&str)>| {
        a.take_while(|(x, y)| bare(x) == bare(y)).count()
    };
    // Where in the sentence the text starts: the longest run of words in common from its start.
    let (start, prefix) = (0..theirs.len())
        .map(|k| (k, common(&mut ours.iter().zip(&theirs[k..]))))
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
    let theirs = &theirs[start..];
    // Where it ends: the longest run in common at its end, not overlapping the start's run.
    let (end, suffix) = (prefix..=theirs.len())
        .map(|j| {
            let room = (ours.len() - prefix).min(j - prefix);
            let n = common(&mut ours.iter().rev().zip(theirs[..j].iter().rev())).min(room);
            (j, n)
        })
        .max_by_key(|&(j, n)| (n, std::cmp::Reverse(j)))?;
    let ours_middle = &ours[prefix..ours.len() - suffix];
    let theirs_middle = &theirs[prefix..end - suffix];
    let agreed = prefix + suffix;
    if agreed * 2 < ours.len()
        || agreed < 2
        || ours_middle.len() > 10
        || theirs_middle.len() > 10
        || ours_middle
            .iter()
            .map(bare)
            .eq(theirs_middle.iter().map(bare))
    {
        return None;
    }
    // A word on each side when something was only added or left out, so it can be found.
    let (before, after) = match ours_middle.is_empty() || theirs_middle.is_empty() {
        true => (
            prefix.checked_sub(1).map(|i| ours[i]),
            (suffix > 0).then(|| ours[ours.len() - suffix]),
        ),
        false => (None, None),
    };
    let show = |middle: &[&str]| {
        before
            .into_iter()
            .chain(middle.iter().copied())
            .chain(after)
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(format!(
        "the source has \"{}\" where this has \"{}\"",
        show(theirs_middle),
        show(ours_middle)
    ))
}

/// How many of two sorted lists' entries they share.
fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Distinct lower-case words, sorted.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Text with what a word processor changes made equal: curly quotes straight, every dash (and a
/// run of them) one `-`, any run of spaces and line breaks one space, ends trimmed.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c == '-' && !space && out.ends_with('-') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "sen", "rep", "gov", "jr",
    "sr", "no", "vs", "etc", "approx", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar",
    "apr", "aug", "sept", "oct", "nov", "dec", "e.g", "i.e",
];

/// The source's sentences: each line is a paragraph, split after `.`, `!`, `?` or `…` (and any
/// closing quotes) when a space and a word that is not lower case follow, except after initials
/// and common abbreviations (`U.S.`, `Mr.`).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
        let mut start = 0;
        for k in 0..chars.len() {
            let (at, c) = chars[k];
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')') {
                j += 1;
            }
            let Some(&(end, next)) = chars.get(j) else {
                continue;
            };
            let following = paragraph[end..].trim_start().chars().next();
            if !next.is_whitespace() || following.is_none_or(char::is_lowercase) {
                continue;
            }
            if c == '.' {
                let word = paragraph[start..at]
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(['"', '“', '(']);
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let dotted = word.contains('.') && word.chars().count() <= 4;
                if initial || dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                    continue;
                }
            }
            let sentence = paragraph[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
        let rest = paragraph[start..].trim();
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_stops_but_not_after_initials() {
        let text = "Prompted by U.S. President Donald Trump, they met. “No,” he said. It rained.\nNext line";
        assert_eq!(
            sentences(text),
            [
                "Prompted by U.S. President Donald Trump, they met.",
                "“No,” he said.",
                "It rained.",
                "Next line"
            ]
        );
    }

    #[test]
    fn normalising_keeps_case_and_letters() {
        assert_eq!(
            normalise("  “First–– a  full\n ceasefire” — it’s "),
            "\"First- a full ceasefire\" - it's"
        );
        assert_ne!(normalise("Full"), normalise("full"));
    }

    #[test]
    fn differences_are_shown_when_they_are_a_few_words() {
        let source =
            "Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm.";
        let cases = [
            (
                "Russia rejected an immediate ceasefire, saying a truce would let Ukraine rearm.",
                Some("the source has \"would only let\" where this has \"would let\""),
            ),
            (
                "Russia rejected an immediate ceasefire, saying a truce would only help Ukraine rearm.",
                Some("the source has \"let\" where this has \"help\""),
            ),
            // A piece of the sentence, apart from its punctuation: nothing to point at in words.
            ("Russia rejected an immediate ceasefire.", None),
            // A quote is a piece of a sentence: lined up where it starts.
            (
                "a truce would really let",
                Some("the source has \"only\" where this has \"really\""),
            ),
            (
                "a truce would let Ukraine",
                Some("the source has \"would only let\" where this has \"would let\""),
            ),
            ("Moscow said no to everything on the table today.", None),
            ("Russia rejected an immediate ceasefire, saying a truce would only let Ukraine rearm!", None),
        ];
        for (text, expected) in cases {
            assert_eq!(difference(text, source).as_deref(), expected, "{text}");
        }
        assert_eq!(difference("", ""), None);
        assert_eq!(difference("x", ""), None);
    }
}
