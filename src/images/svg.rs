//! A small SVG writer that lays text out with the bundled font's widths (SVG cannot wrap text)
//! and records every character the font cannot draw, so a build fails instead of showing boxes.

use std::fmt::Write as _;

use super::font::{self, Weight};
use crate::model::Stance;

/// Colours of one theme: the widget's own tokens (static/demands-matrix.css), so an image and
/// the widget beside it agree.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub bg: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub surface: &'static str,
    pub surface_strong: &'static str,
    pub border: &'static str,
    pub accent: &'static str,
    /// Demands, supports, open, rejects, not stated.
    pub stances: [&'static str; 5],
}

pub const LIGHT: Palette = Palette {
    bg: "#ffffff",
    text: "#1b1b1b",
    muted: "#4f4f4f",
    surface: "#f3f2ee",
    surface_strong: "#e6e4dc",
    border: "#8c8a80",
    accent: "#0a4f99",
    stances: ["#8a4300", "#1c6630", "#5a3f9e", "#b0221b", "#5e5e5e"],
};

pub const DARK: Palette = Palette {
    bg: "#161616",
    text: "#ecebe6",
    muted: "#c2c0b8",
    surface: "#232322",
    surface_strong: "#31302d",
    border: "#7d7a72",
    accent: "#8cc4ff",
    stances: ["#ffb366", "#7fd99a", "#c5b3ff", "#ff8f87", "#b5b5b5"],
};

impl Palette {
    pub fn stance(&self, stance: Stance) -> &'static str {
        let index = Stance::ALL.iter().position(|s| *s == stance).unwrap_or(4);
        self.stances[index]
    }
}

/// A character the font lacks, and the text it appears in (for the build's error message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub ch: char,
    pub text: String,
}

/// An SVG document being written, in CSS pixels.
///
/// Callers lay out left to right; for a right-to-left story the writer mirrors every x about the
/// image's width, so one layout serves both directions (as the widget's logical CSS does).
pub struct Svg {
    body: String,
    pub missing: Vec<Missing>,
    /// The image's width, about which a right-to-left image is mirrored.
    width: f32,
    rtl: bool,
}

/// Bidi isolates around a right-to-left line: its neutral characters (a cut line's "…", a
/// trailing full stop) take the line's direction. The renderer (usvg) ignores SVG's
/// `direction` and lays out every line as a left-to-right paragraph; isolates it honours, and
/// browsers do too, so the SVG file and the PNG agree.
const RTL_ISOLATE: (char, char) = ('\u{2067}', '\u{2069}');

/// Whether XML 1.0 forbids `c` in a document (control characters but tab and line breaks, and
/// the two non-characters U+FFFE, U+FFFF). Story text may hold them (JSON allows `\u000b`,
/// Word's soft line break); an image draws them as a space.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Text as SVG character data: `&`, `<` and `>` escaped, quotes for attribute values, and
/// characters XML forbids as spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if forbidden(c) || matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

impl Svg {
    /// A document `width` px wide; `dir` is the story's direction (`ltr` or `rtl`).
    pub fn new(width: f32, dir: &str) -> Svg {
        Svg {
            body: String::new(),
            missing: Vec::new(),
            width,
            rtl: dir == "rtl",
        }
    }

    /// Where a point laid out at `x` goes.
    fn at(&self, x: f32) -> f32 {
        if self.rtl {
            self.width - x
        } else {
            x
        }
    }

    /// Where the left edge of a box laid out at `x`, `w` wide, goes.
    fn left(&self, x: f32, w: f32) -> f32 {
        if self.rtl {
            self.width - x - w
        } else {
            x
        }
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: &str) {
        let x = self.left(x, w);
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"/>"#
        );
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, stroke: &str, width: f32) {
        let (x1, x2) = (self.at(x1), self.at(x2));
        let _ = write!(
            self.body,
            r#"<path d="M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}" stroke="{stroke}" stroke-width="{width:.1}"/>"#
        );
    }

    /// One line of text starting at `x` (its right end, mirrored, in a right-to-left image), its
    /// baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, fill: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        for ch in text.chars() {
            let drawn = forbidden(ch) || font::has_glyph(ch, weight);
            if !drawn && !self.missing.iter().any(|m| m.ch == ch) {
                self.missing.push(Missing {
                    ch,
                    text: text.to_owned(),
                });
            }
        }
        let x = self.at(x);
        let (anchor, text) = if self.rtl {
            let (open, close) = RTL_ISOLATE;
            (
                r#" text-anchor="end""#,
                format!("{open}{}{close}", escape(text)),
            )
        } else {
            ("", escape(text))
        };
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}"{anchor} font-size="{size}" font-weight="{}" fill="{fill}">{text}</text>"#,
            weight.css(),
        );
    }

    /// A stance's shape (the widget's own, components/stance_mark.rs) in a `size` px square whose
    /// top-left corner is at `x`, `y`.
    pub fn mark(&mut self, stance: Stance, x: f32, y: f32, size: f32, colour: &str) {
        let x = self.left(x, size);
        let (path, stroke) = stance.mark();
        let shape = format!(r#"<path d="{path}""#);
        let paint = match stroke {
            None => format!(r#" fill="{colour}""#),
            Some(width) => format!(
                r#" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round""#
            ),
        };
        let _ = write!(
            self.body,
            r#"<g transform="translate({x:.1} {y:.1}) scale({:.4})">{shape}{paint}/></g>"#,
            size / 16.0
        );
    }

    /// The finished document: `title` and `desc` are its text alternative, for the SVG file
    /// opened on its own or placed inline (`id`, unique per image, keeps two inline SVGs of one
    /// page from naming each other's text).
    /// `lang` is the language of its text.
    pub fn finish(
        self,
        (id, lang): (&str, &str),
        size: (f32, f32),
        bg: &str,
        title: &str,
        desc: &str,
    ) -> String {
        let (width, height) = size;
        // The lines are already mirrored and anchored at their right ends, which is what a
        // left-to-right `text-anchor="end"` means: an SVG placed inline in a right-to-left page
        // must not inherit `rtl` and move every line's anchor to its left end.
        let direction = if self.rtl { r#" direction="ltr""# } else { "" };
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" "#,
                r#"lang="{lang}"{direction} "#,
                r#"role="img" aria-labelledby="{id}-title {id}-desc" font-family="{family}">"#,
                r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
                r#"<rect width="100%" height="100%" fill="{bg}"/>{body}</svg>"#,
                "\n"
            ),
            id = escape(id),
            lang = escape(lang),
            direction = direction,
            w = width.ceil(),
            h = height.ceil(),
            family = escape(font::FAMILY_FALLBACKS),
            title = escape(title),
            desc = escape(desc),
            bg = bg,
            body = self.body,
        )
    }
}

/// `text` cut to fit `max` px on one line, with an ellipsis where it was cut.
pub fn fit(text: &str, max: f32, size: f32, weight: Weight) -> String {
    if font::width(text, size, weight) <= max {
        return text.to_owned();
    }
    let mut kept = String::new();
    let ellipsis = font::width("…", size, weight);
    let mut used = 0.0;
    for c in text.chars() {
        let w = font::width(c.encode_utf8(&mut [0; 4]), size, weight);
        if used + w + ellipsis > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    // At a word's end where one is near, rather than inside a word.
    let cut = kept
        .rfind(' ')
        .filter(|&at| at * 5 >= kept.len() * 3)
        .map_or(kept.as_str(), |at| &kept[..at]);
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// `text` broken into lines of at most `max` px at word boundaries (a word longer than a line is
/// cut), at most `max_lines` of them, the last ending in an ellipsis if text was left over.
pub fn wrap(text: &str, max: f32, size: f32, weight: Weight, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if font::width(&candidate, size, weight) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    if let Some(last) = lines.last_mut() {
        if cut {
            *last = fit(&format!("{last}…"), max, size, weight);
        } else if font::width(last, size, weight) > max {
            *last = fit(last, max, size, weight);
        }
    }
    // A single over-long word on an earlier line is cut too.
    for line in lines.iter_mut() {
        if font::width(line, size, weight) > max {
            *line = fit(line, max, size, weight);
        }
    }
    lines
}
