//! The bundled font (DejaVu Sans, `fonts/`): text widths for laying out the images, and which
//! characters it can draw. The machine's fonts are never used, so every build draws the same.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name written into the SVG: resvg finds it among the bundled faces only.
pub const FAMILY: &str = "DejaVu Sans";
/// What the SVG file asks for when opened elsewhere (an editor's browser or Illustrator): Verdana
/// has nearly DejaVu's widths, so lines laid out for DejaVu still fit.
pub const FAMILY_FALLBACKS: &str = "'DejaVu Sans', Verdana, sans-serif";

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }

    /// The SVG `font-weight` value.
    pub fn css(self) -> &'static str {
        match self {
            Weight::Regular => "400",
            Weight::Bold => "700",
        }
    }
}

/// Both faces' bytes, for the renderer's font database.
pub fn faces() -> [&'static [u8]; 2] {
    [REGULAR, BOLD]
}

/// A parsed face. The bytes are compiled in, so failing to parse them is a broken build, which
/// the tests catch; callers still get `None` rather than a panic.
fn face(weight: Weight) -> Option<FontRef<'static>> {
    FontRef::new(weight.bytes()).ok()
}

/// Width of `text` set in one line at `size` px, from the glyphs' advances (kerning is left out:
/// it moves DejaVu text by well under 1 %, and every layout keeps more slack than that).
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let Some(font) = face(weight) else {
        return text.chars().count() as f32 * size;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .unwrap_or(size)
        })
        .sum()
}

/// Whether the face draws `c`. Spaces and line breaks need no glyph of their own.
pub fn has_glyph(c: char, weight: Weight) -> bool {
    c.is_whitespace() || face(weight).is_some_and(|font| font.charmap().map(c).is_some())
}
