//! Reads a story file's JSON into the model types, one short function per type, on the
//! crate's JSON reader (`crate::json`: serde_json's syntax, messages and places; docs/size.md
//! says why not serde).

use super::stance::Stance;
use super::story::{
    AsOf, Evidence, Issue, Position, Quote, Role, Side, Source, Story, Version, ROLE_IDS,
};
use super::validate::StoryError;
use crate::json::{one_of, Error, Read, Reader};

/// The stance words of story files, in the order of [`Stance::ALL`].
pub(crate) const STANCE_IDS: &[&str] = &["demands", "supports", "open", "rejects", "not_stated"];
const _: () = assert!(STANCE_IDS.len() == Stance::ALL.len());

/// Reads a whole story file: one story object, then nothing but whitespace.
pub(crate) fn read_story(text: &str) -> Result<Story, StoryError> {
    let mut reader = Reader::new(text);
    let story = reader
        .story()
        .and_then(|story| reader.end().map(|()| story));
    story.map_err(|error: Error| StoryError {
        path: error.path,
        location: Some((error.line, error.column)),
        message: error.message,
    })
}

/// The story's types, read as `Reader` methods so that each reads like the file it reads.
trait StoryReader {
    fn story(&mut self) -> Read<Story>;
    fn as_of(&mut self) -> Read<AsOf>;
    fn source(&mut self) -> Read<Source>;
    fn side(&mut self) -> Read<Side>;
    fn issue(&mut self) -> Read<Issue>;
    fn position(&mut self) -> Read<Position>;
    fn version(&mut self) -> Read<Version>;
    fn quote(&mut self) -> Read<Quote>;
    fn evidence(&mut self) -> Read<Evidence>;
    fn stance(&mut self) -> Read<Stance>;
}

impl StoryReader for Reader<'_> {
    fn story(&mut self) -> Read<Story> {
        let mut story = Story {
            lang: "en".to_owned(),
            title: String::new(),
            standfirst: String::new(),
            as_of: AsOf {
                date: String::new(),
                place: String::new(),
            },
            sources: Vec::new(),
            sides: Vec::new(),
            issues: Vec::new(),
            positions: Vec::new(),
            history: Vec::new(),
        };
        let fields = &[
            "lang",
            "title",
            "standfirst",
            "as_of",
            "sources",
            "sides",
            "issues",
            "positions",
            "history",
        ];
        self.object("Story", fields, 0b0_1111_1110, &mut |reader, n| {
            match n {
                0 => story.lang = reader.text()?,
                1 => story.title = reader.text()?,
                2 => story.standfirst = reader.text()?,
                3 => story.as_of = reader.as_of()?,
                4 => reader.list(&mut |reader| {
                    story.sources.push(reader.source()?);
                    Ok(())
                })?,
                5 => reader.list(&mut |reader| {
                    story.sides.push(reader.side()?);
                    Ok(())
                })?,
                6 => reader.list(&mut |reader| {
                    story.issues.push(reader.issue()?);
                    Ok(())
                })?,
                7 => reader.list(&mut |reader| {
                    story.positions.push(reader.position()?);
                    Ok(())
                })?,
                _ => reader.list(&mut |reader| {
                    story.history.push(reader.version()?);
                    Ok(())
                })?,
            }
            Ok(())
        })?;
        Ok(story)
    }

    fn version(&mut self) -> Read<Version> {
        let mut version = Version {
            as_of: AsOf {
                date: String::new(),
                place: String::new(),
            },
            positions: Vec::new(),
        };
        self.object(
            "Version",
            &["as_of", "positions"],
            0b11,
            &mut |reader, n| {
                match n {
                    0 => version.as_of = reader.as_of()?,
                    _ => reader.list(&mut |reader| {
                        version.positions.push(reader.position()?);
                        Ok(())
                    })?,
                }
                Ok(())
            },
        )?;
        Ok(version)
    }

    fn as_of(&mut self) -> Read<AsOf> {
        let [mut date, mut place] = [String::new(), String::new()];
        self.object("AsOf", &["date", "place"], 0b11, &mut |reader, n| {
            *[&mut date, &mut place][n] = reader.text()?;
            Ok(())
        })?;
        Ok(AsOf { date, place })
    }

    fn source(&mut self) -> Read<Source> {
        let [mut id, mut outlet, mut title] = [String::new(), String::new(), String::new()];
        let [mut url, mut date, mut author] = [None, None, None];
        let mut excerpt = false;
        let fields = &["id", "outlet", "title", "url", "date", "author", "excerpt"];
        self.object("Source", fields, 0b0111, &mut |reader, n| {
            match n {
                3..=5 => {
                    *[&mut url, &mut date, &mut author][n - 3] = reader.optional(Self::text)?
                }
                6 => excerpt = reader.flag()?,
                _ => *[&mut id, &mut outlet, &mut title][n] = reader.text()?,
            }
            Ok(())
        })?;
        Ok(Source {
            id,
            outlet,
            title,
            url,
            date,
            author,
            excerpt,
        })
    }

    fn side(&mut self) -> Read<Side> {
        let [mut id, mut name, mut short] = [String::new(), String::new(), String::new()];
        let (mut view_title, mut members, mut role) = (None, Vec::new(), Role::Party);
        let fields = &["id", "name", "short", "view_title", "members", "role"];
        self.object("Side", fields, 0b000111, &mut |reader, n| {
            match n {
                3 => view_title = reader.optional(Self::text)?,
                4 => members = reader.texts()?,
                5 => {
                    let word = reader.text()?;
                    role = match ROLE_IDS.iter().position(|id| *id == word) {
                        Some(n) => Role::ALL[n],
                        None => {
                            return Err(reader.fail(format!(
                                "unknown variant `{word}`, expected {}",
                                one_of(&ROLE_IDS)
                            )))
                        }
                    };
                }
                _ => *[&mut id, &mut name, &mut short][n] = reader.text()?,
            }
            Ok(())
        })?;
        Ok(Side {
            id,
            name,
            short,
            view_title,
            members,
            role,
        })
    }

    fn issue(&mut self) -> Read<Issue> {
        let [mut id, mut title, mut explainer] = [String::new(), String::new(), String::new()];
        let mut short = None;
        self.object(
            "Issue",
            &["id", "title", "explainer", "short"],
            0b0111,
            &mut |reader, n| {
                match n {
                    3 => short = reader.optional(Self::text)?,
                    _ => *[&mut id, &mut title, &mut explainer][n] = reader.text()?,
                }
                Ok(())
            },
        )?;
        Ok(Issue {
            id,
            title,
            short,
            explainer,
        })
    }

    fn position(&mut self) -> Read<Position> {
        let mut position = Position {
            issue: String::new(),
            side: String::new(),
            stance: Stance::NotStated,
            priority: None,
            summary: String::new(),
            condition: String::new(),
            quote: None,
            source: String::new(),
            evidence: Vec::new(),
        };
        let fields = &[
            "issue",
            "side",
            "stance",
            "priority",
            "summary",
            "quote",
            "source",
            "evidence",
            "condition",
        ];
        self.object("Position", fields, 0b0_0100_0111, &mut |reader, n| {
            let p = &mut position;
            match n {
                0 => p.issue = reader.text()?,
                1 => p.side = reader.text()?,
                2 => p.stance = reader.stance()?,
                3 => p.priority = reader.optional(Self::u32)?,
                4 => p.summary = reader.text()?,
                5 => p.quote = reader.optional(Self::quote)?,
                6 => p.source = reader.text()?,
                7 => reader.list(&mut |reader| {
                    p.evidence.push(reader.evidence()?);
                    Ok(())
                })?,
                _ => p.condition = reader.text()?,
            }
            Ok(())
        })?;
        Ok(position)
    }

    fn quote(&mut self) -> Read<Quote> {
        let [mut text, mut speaker] = [String::new(), String::new()];
        self.object("Quote", &["text", "speaker"], 0b11, &mut |reader, n| {
            *[&mut text, &mut speaker][n] = reader.text()?;
            Ok(())
        })?;
        Ok(Quote { text, speaker })
    }

    /// A sentence of the position's source, or `{"text", "source"}` for another source's.
    fn evidence(&mut self) -> Read<Evidence> {
        if self.blank() != Some(b'{') {
            return self.text().map(Evidence::from);
        }
        let [mut text, mut source] = [String::new(), String::new()];
        self.object("Evidence", &["text", "source"], 0b11, &mut |reader, n| {
            *[&mut text, &mut source][n] = reader.text()?;
            Ok(())
        })?;
        Ok(Evidence {
            text,
            source: Some(source),
        })
    }

    /// A stance word. Anything else is refused: a number or a word as serde_json refuses it for
    /// an enum ("expected value"), an object (which serde_json read as `{"demands": null}`) with
    /// a message of our own.
    fn stance(&mut self) -> Read<Stance> {
        match self.blank() {
            Some(b'"') => {
                let word = self.text()?;
                match STANCE_IDS.iter().position(|id| *id == word) {
                    Some(n) => Ok(Stance::ALL[n]),
                    None => Err(self.fail(format!(
                        "unknown variant `{word}`, expected {}",
                        one_of(STANCE_IDS)
                    ))),
                }
            }
            Some(b'{') => Err(self.fail("invalid type: map, expected enum Stance")),
            Some(_) => Err(self.peek_fail("expected value")),
            None => Err(self.peek_fail("EOF while parsing a value")),
        }
    }
}
