//! How story files are read into the model types: serde `Deserialize` impls written out, not derived.
//!
//! Why not `#[derive(Deserialize)]`: the derived code reads each struct from a JSON object *and*
//! from an array, and identifies fields by name, by bytes and by number, all inlined per struct.
//! In the WebAssembly that came to about a tenth of the file. These impls read objects only
//! (a story written as arrays is a mistake, and is now reported as one) and share one field
//! lookup and one reader per field type across all structs. Everything else is as the derive
//! with `deny_unknown_fields` behaves, serde's own messages included ("missing field `name`",
//! "unknown field `x`, expected one of …", "duplicate field `title`", "expected struct Quote"),
//! which `tests/model.rs` pins.

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, EnumAccess, MapAccess};
use serde::de::{VariantAccess, Visitor};

use super::stance::Stance;
use super::story::{AsOf, Issue, Position, Quote, Side, Source, Story};

/// A key of a JSON object, or the word naming an enum variant, looked up among the allowed
/// names: its index, or serde's error naming what was found and what is allowed.
struct Name {
    names: &'static [&'static str],
    variant: bool,
}

impl<'de> DeserializeSeed<'de> for Name {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Name {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(if self.variant {
            "variant identifier"
        } else {
            "field identifier"
        })
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        if key == "$schema" && !self.variant {
            return Ok(SCHEMA_KEY);
        }
        self.names
            .iter()
            .position(|name| *name == key)
            .ok_or_else(|| match self.variant {
                true => E::unknown_variant(key, self.names),
                false => E::unknown_field(key, self.names),
            })
    }
}

/// What [`Name`] answers for `"$schema"`, the key JSON-aware editors read to find
/// `story.schema.json` (README "Writing a story"): accepted in any object, its value ignored. It
/// is read as a string, because the reader has that code already; skipping any value cost 0.4 kB.
const SCHEMA_KEY: usize = usize::MAX;

/// Reads and drops the value of a `"$schema"` key. Not inlined: one copy for all structs.
#[inline(never)]
fn skip_schema<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<String>().map(drop)
}

/// Reads the value of field `name` into its slot; a second value for the same field is an error.
fn fill<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The value of a field that has no default, or serde's "missing field" error.
fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// `Deserialize` for a struct read from a JSON object. List every field in declaration order:
/// `field` is required, `field = expr` takes `expr` when absent. The compiler checks the list
/// against the struct (a field left out or misspelt does not build).
macro_rules! from_object {
    ($type:ident { $($field:ident $(= $default:expr)?),+ $(,)? }) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field)),+];

                #[allow(non_camel_case_types)]
                enum Field {
                    $($field),+
                }

                struct Object;

                impl<'de> Visitor<'de> for Object {
                    type Value = $type;

                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(concat!("struct ", stringify!($type)))
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$type, A::Error> {
                        $(let mut $field = None;)+
                        while let Some(key) = map.next_key_seed(Name {
                            names: FIELDS,
                            variant: false,
                        })? {
                            $(if key == Field::$field as usize {
                                fill(&mut map, &mut $field, stringify!($field))?;
                                continue;
                            })+
                            // Only `"$schema"` gets here (`SCHEMA_KEY`).
                            skip_schema(&mut map)?;
                        }
                        Ok($type {
                            $($field: from_object!(@value $field $(= $default)?),)+
                        })
                    }
                }

                deserializer.deserialize_struct(stringify!($type), FIELDS, Object)
            }
        }
    };
    (@value $field:ident) => {
        required($field, stringify!($field))?
    };
    (@value $field:ident = $default:expr) => {
        $field.unwrap_or_else(|| $default)
    };
}

from_object!(Story {
    lang = "en".to_owned(),
    title,
    standfirst,
    as_of,
    sources,
    sides,
    issues,
    positions,
});
from_object!(AsOf { date, place });
from_object!(Source {
    id,
    outlet,
    title,
    url = None,
});
from_object!(Side {
    id,
    name,
    short,
    view_title = None,
    members = Vec::new(),
});
from_object!(Issue {
    id,
    title,
    explainer,
});
from_object!(Position {
    issue,
    side,
    stance,
    priority = None,
    summary = String::new(),
    quote = None,
    source,
    evidence = Vec::new(),
});
from_object!(Quote { text, speaker });

/// The stance words of story files, in the order of [`Stance::ALL`].
const STANCE_IDS: &[&str] = &["demands", "supports", "open", "rejects", "not_stated"];
const _: () = assert!(STANCE_IDS.len() == Stance::ALL.len());

impl<'de> Deserialize<'de> for Stance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Word;

        impl<'de> Visitor<'de> for Word {
            type Value = Stance;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("enum Stance")
            }

            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Stance, A::Error> {
                let (index, variant) = data.variant_seed(Name {
                    names: STANCE_IDS,
                    variant: true,
                })?;
                variant.unit_variant()?;
                Ok(Stance::ALL[index])
            }
        }

        deserializer.deserialize_enum("Stance", STANCE_IDS, Word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_words_are_the_ids_in_order() {
        let ids: Vec<&str> = Stance::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, STANCE_IDS);
    }

    #[test]
    fn arrays_are_not_read_as_structs() {
        let err = serde_json::from_str::<Quote>(r#"["words", "speaker"]"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid type: sequence, expected struct Quote"),
            "{err}"
        );
    }
}
