//! Pictures of the matrix for where no iframe runs: a share card per view (1200 × 630, for
//! social networks and AMP placeholders) and a full image per view (the whole compact matrix,
//! legend and credit, at 2× for print, newsletters and Apple News), as SVG and PNG.
//!
//! Drawn natively (the build's prerender step and `story render`), never in a reader's browser:
//! the layout is written as SVG with the bundled font's widths ([`font`]), then resvg rasterises
//! it with that font alone, so every machine draws the same picture.

mod font;
mod svg;

pub use font::install as install_fonts;

/// Whether the font is there to draw with (always in native programs; in the browser after
/// [`install_fonts`]).
pub fn fonts_ready() -> bool {
    font::faces().is_some()
}

use std::fmt;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use crate::i18n::Strings;
use crate::model::describe::{self, as_of_line, source_credit, view_title};
use crate::model::{Line, Stance, Story, View};
use font::Weight;
pub use svg::Missing;
use svg::{fit, wrap, Palette, Svg};

/// Share cards are the size Open Graph and X's large card ask for.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
/// Full images are laid out 1000 px wide and drawn at twice that.
pub const FULL_WIDTH: u32 = 1000;
pub const FULL_SCALE: f32 = 2.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 1200 × 630: title, as many rows as fit ("and N more"), date line and credit.
    Card,
    /// Every row, the legend and the credit; as tall as the story needs.
    Full,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Card => "card",
            Kind::Full => "full",
        }
    }

    /// How much larger than its layout the PNG is drawn.
    pub fn scale(self) -> f32 {
        match self {
            Kind::Card => 1.0,
            Kind::Full => FULL_SCALE,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    fn palette(self) -> Palette {
        match self {
            Theme::Light => svg::LIGHT,
            Theme::Dark => svg::DARK,
        }
    }
}

/// The file an image is written to in the built site: `images/card-kyiv.png`.
pub fn file_name(kind: Kind, view_id: &str, extension: &str) -> String {
    format!("{}-{view_id}.{extension}", kind.id())
}

/// One image of one view, as SVG, with its text alternatives.
#[derive(Clone, Debug)]
pub struct Picture {
    pub svg: String,
    /// Layout size in CSS pixels; the PNG is this times [`Kind::scale`].
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    /// The short text alternative (`alt`, `og:image:alt`).
    pub alt: String,
    /// The long one: every row in words.
    pub description: String,
}

impl Picture {
    pub fn png_size(&self) -> (u32, u32) {
        (
            (self.width as f32 * self.scale).round() as u32,
            (self.height as f32 * self.scale).round() as u32,
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImageError {
    /// The bundled font cannot draw these characters of the story.
    MissingGlyphs(Vec<Missing>),
    Render(String),
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::MissingGlyphs(missing) => {
                write!(
                    f,
                    "the bundled font ({}) has no glyph for {} character(s) of the story:",
                    font::FAMILY,
                    missing.len()
                )?;
                for m in missing {
                    write!(
                        f,
                        "\n  '{}' (U+{:04X}) in “{}”",
                        m.ch.escape_debug(),
                        m.ch as u32,
                        m.text.escape_debug()
                    )?;
                }
                write!(
                    f,
                    "\nuse another character, or bundle a font that has it (fonts/, src/images/font.rs)"
                )
            }
            ImageError::Render(message) => write!(f, "cannot draw the image: {message}"),
        }
    }
}

impl std::error::Error for ImageError {}

/// The image of `view` of `kind`, laid out as SVG.
pub fn draw(story: &Story, view: View, kind: Kind, theme: Theme) -> Result<Picture, ImageError> {
    if font::faces().is_none() {
        return Err(ImageError::Render(
            "the font is not loaded yet (fonts/DejaVuSans*.ttf)".into(),
        ));
    }
    let palette = theme.palette();
    let t = Strings::for_lang(&story.lang);
    let description = describe::image_description(&t, story, view);
    let (svg, width, height, shown) = match kind {
        Kind::Card => card(&t, story, view, &palette),
        Kind::Full => full(&t, story, view, &palette),
    };
    let alt = match kind {
        Kind::Card => describe::card_alt(&t, story, view, shown),
        Kind::Full => describe::image_alt(&t, story, view),
    };
    if !svg.missing.is_empty() {
        return Err(ImageError::MissingGlyphs(svg.missing));
    }
    let id = format!("dm-{}-{}", kind.id(), view.id(story));
    let svg = svg.finish(
        (&id, &story.lang),
        (width, height),
        palette.bg,
        &alt,
        &description,
    );
    Ok(Picture {
        svg,
        width: width.ceil() as u32,
        height: height.ceil() as u32,
        scale: kind.scale(),
        alt,
        description,
    })
}

/// The picture drawn to PNG at its scale, with the bundled font only.
pub fn png(picture: &Picture) -> Result<Vec<u8>, ImageError> {
    let mut options = usvg::Options {
        font_family: font::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let mut fonts = usvg::fontdb::Database::new();
    for face in font::faces().into_iter().flatten() {
        fonts.load_font_data(face.to_vec());
    }
    options.fontdb = Arc::new(fonts);
    let tree = usvg::Tree::from_str(&picture.svg, &options)
        .map_err(|e| ImageError::Render(e.to_string()))?;
    let (w, h) = picture.png_size();
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ImageError::Render(format!("no {w} × {h} canvas")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(picture.scale, picture.scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ImageError::Render(e.to_string()))
}

/// The view's lines ([`View::lines`]) with their words: headings and notes name the side.
fn rows(t: &Strings, story: &Story, view: View) -> Vec<Row> {
    let name = match view {
        View::Side(side) => story.sides.get(side).map_or("", |s| s.name.as_str()),
        View::AllSides => "",
    };
    view.lines(story)
        .into_iter()
        .map(|line| match line {
            Line::Heading(kind) => Row::Heading(kind.heading(t, name)),
            Line::Note(kind) => Row::Note(kind.empty_note(t, name)),
            Line::Issue(issue) => Row::Issue(issue),
        })
        .collect()
}

enum Row {
    Heading(String),
    Note(String),
    Issue(usize),
}

/// Columns of the matrix: where the issue column ends and how wide each side's is.
struct Columns {
    left: f32,
    label: f32,
    side: f32,
    /// Whether a cell has room for its stance word beside the mark.
    words: bool,
}

impl Columns {
    fn new(
        t: &Strings,
        story: &Story,
        left: f32,
        width: f32,
        min_label: f32,
        max_side: f32,
        size: f32,
    ) -> Columns {
        let n = story.sides.len().max(1) as f32;
        let side = ((width - min_label) / n).min(max_side);
        let widest = Stance::ALL
            .iter()
            .map(|s| font::width(&s.label(t), size, Weight::Bold))
            .fold(0.0, f32::max);
        Columns {
            left,
            label: width - side * n,
            side,
            words: side >= widest + size * 1.4 + 12.0,
        }
    }

    fn x(&self, side: usize) -> f32 {
        self.left + self.label + self.side * side as f32
    }
}

/// The column heads: "Issue" and each side's name (its short name where the name does not fit).
/// `at` is the header's top and its text size.
fn header(
    out: &mut Svg,
    t: &Strings,
    story: &Story,
    view: View,
    cols: &Columns,
    at: (f32, f32),
    p: &Palette,
) {
    let (y, size) = at;
    let baseline = y + size * 1.25;
    out.text(
        cols.left + 10.0,
        baseline,
        size,
        Weight::Bold,
        p.muted,
        &t.text("issue"),
    );
    // Every head at one size: the full size if every name fits, else the largest that fits
    // each side's name or short name; cut only below that.
    let room = cols.side - 8.0;
    let fits = |text: &str, s: f32| font::width(text, s, Weight::Bold) <= room;
    let head_size = [1.0, 0.85, 0.7]
        .into_iter()
        .map(|k| size * k)
        .find(|&s| {
            story
                .sides
                .iter()
                .all(|side| fits(&side.name, s) || (s < size && fits(&side.short, s)))
        })
        .unwrap_or(size * 0.7);
    for (i, side) in story.sides.iter().enumerate() {
        let focus = view == View::Side(i);
        let name = if fits(&side.name, head_size) {
            side.name.clone()
        } else {
            fit(&side.short, room, head_size, Weight::Bold)
        };
        let colour = if focus { p.accent } else { p.muted };
        let x = if cols.words {
            cols.x(i) + 10.0
        } else {
            cols.x(i) + 4.0
        };
        out.text(x, baseline, head_size, Weight::Bold, colour, &name);
    }
    let bottom = y + size * 1.8;
    out.line(
        cols.left,
        bottom,
        cols.left + cols.label + cols.side * story.sides.len() as f32,
        bottom,
        p.border,
        1.5,
    );
}

/// One stance cell: the mark, and the word where there is room (`words` given).
/// `row` is the row's top and height.
fn cell(
    out: &mut Svg,
    stance: Stance,
    x: f32,
    row: (f32, f32),
    size: f32,
    words: Option<&Strings>,
    p: &Palette,
) {
    let (top, height) = row;
    let colour = p.stance(stance);
    let mark = size * 1.05;
    out.mark(stance, x + 10.0, top + (height - mark) / 2.0, mark, colour);
    if let Some(t) = words {
        out.text(
            x + 10.0 + mark + size * 0.35,
            top + height / 2.0 + size * 0.36,
            size,
            Weight::Bold,
            colour,
            &stance.label(t),
        );
    }
}

/// The legend: each stance's mark and word, and with `meanings` what it means.
/// `at` is the legend's top left corner.
fn legend(
    out: &mut Svg,
    t: &Strings,
    at: (f32, f32),
    width: f32,
    size: f32,
    meanings: bool,
    p: &Palette,
) -> f32 {
    let (x, y) = at;
    let line = size * 1.6;
    let mut cx = x;
    let mut cy = y;
    for stance in Stance::ALL {
        let colour = p.stance(stance);
        let label = if meanings {
            t.fill(
                "legend-entry",
                &[("label", &stance.label(t)), ("meaning", &stance.meaning(t))],
            )
        } else {
            stance.label(t)
        };
        let item = size * 1.4 + font::width(&label, size, Weight::Regular) + size * 1.4;
        if cx > x && cx + item > x + width {
            cx = x;
            cy += line;
        }
        out.mark(stance, cx, cy + (line - size) / 2.0, size, colour);
        out.text(
            cx + size * 1.4,
            cy + line / 2.0 + size * 0.36,
            size,
            Weight::Regular,
            p.text,
            &label,
        );
        cx += item;
    }
    cy + line - y
}

/// The accent bar, the view's name (`view_name`) and the story's title (at most `max_lines`), for
/// an image `frame` = (width, padding) wide, in `sizes` = (view name, title) px. Returns where
/// it ends.
fn masthead(
    out: &mut Svg,
    view_name: &str,
    story: &Story,
    p: &Palette,
    frame: (f32, f32),
    sizes: (f32, f32),
    max_lines: usize,
) -> f32 {
    let ((w, pad), (small, large)) = (frame, sizes);
    let inner = w - 2.0 * pad;
    out.rect(0.0, 0.0, w, (small / 2.2).round(), p.accent);
    let mut y = pad;
    let name = fit(view_name, inner, small, Weight::Bold);
    out.text(pad, y + small, small, Weight::Bold, p.accent, &name);
    y += small + (small * 0.7).round();
    for line in wrap(&story.title, inner, large, Weight::Bold, max_lines) {
        out.text(pad, y + large * 0.95, large, Weight::Bold, p.text, &line);
        y += (large * 1.22).round();
    }
    y
}

/// The share card. Returns the drawing, its size and how many issues it shows.
fn card(t: &Strings, story: &Story, view: View, p: &Palette) -> (Svg, f32, f32, usize) {
    let (w, h) = (CARD_WIDTH as f32, CARD_HEIGHT as f32);
    let pad = 56.0;
    let inner = w - 2.0 * pad;
    let mut out = Svg::new(w, t.dir());
    let mut y = masthead(
        &mut out,
        &view_title(t, story, view),
        story,
        p,
        (w, pad),
        (22.0, 40.0),
        2,
    );
    y += 14.0;

    let size = 20.0;
    let cols = Columns::new(t, story, pad, inner, 340.0, 230.0, size);
    // The date line and the credit; with marks alone, the legend above them.
    let footer_h = if cols.words { 58.0 } else { 88.0 };
    let footer_top = h - 24.0 - footer_h;
    if let View::Side(side) = view {
        out.rect(cols.x(side), y, cols.side, size * 1.8, p.surface_strong);
    }
    header(&mut out, t, story, view, &cols, (y, size), p);
    y += size * 1.8 + 4.0;
    let row_h = 42.0;
    // The card has no room for group headings: a rule marks where a side's groups meet.
    let mut issues: Vec<(usize, bool)> = Vec::new();
    let mut heading = false;
    for row in rows(t, story, view) {
        match row {
            Row::Issue(issue) => {
                issues.push((issue, heading && !issues.is_empty()));
                heading = false;
            }
            Row::Heading(_) => heading = true,
            Row::Note(_) => {}
        }
    }
    let room = ((footer_top - 10.0 - y) / row_h).floor().max(1.0) as usize;
    let shown = if issues.len() > room {
        room - 1
    } else {
        issues.len()
    };
    for (n, &(issue, new_group)) in issues.iter().take(shown).enumerate() {
        let top = y + n as f32 * row_h;
        if n % 2 == 0 {
            out.rect(pad, top, inner, row_h, p.surface);
        }
        if let View::Side(side) = view {
            out.rect(cols.x(side), top, cols.side, row_h, p.surface_strong);
        }
        if let Some(item) = story.issues.get(issue) {
            let mut label = fit(&item.title, cols.label - 20.0, size, Weight::Regular);
            // The editor's short title, where there is one, rather than a title cut short.
            if let Some(short) = item.short.as_deref().filter(|_| label != item.title) {
                label = fit(short, cols.label - 20.0, size, Weight::Regular);
            }
            out.text(
                pad + 10.0,
                top + row_h / 2.0 + size * 0.36,
                size,
                Weight::Regular,
                p.text,
                &label,
            );
        }
        for side in 0..story.sides.len() {
            let stance = story.position(issue, side).stance;
            cell(
                &mut out,
                stance,
                cols.x(side),
                (top, row_h),
                size,
                cols.words.then_some(t),
                p,
            );
        }
        if new_group {
            out.line(pad, top, w - pad, top, p.border, 2.0);
        }
    }
    if shown < issues.len() {
        let top = y + shown as f32 * row_h;
        out.text(
            pad + 10.0,
            top + row_h / 2.0 + size * 0.36,
            size,
            Weight::Regular,
            p.muted,
            &t.count("more-issues", issues.len() - shown, &[]),
        );
    }

    let mut fy = footer_top;
    out.line(pad, fy, w - pad, fy, p.border, 1.0);
    if !cols.words {
        legend(&mut out, t, (pad, fy + 4.0), inner, 16.0, false, p);
        fy += 30.0;
    }
    let date = fit(&as_of_line(t, story), inner, 17.0, Weight::Bold);
    out.text(pad, fy + 24.0, 17.0, Weight::Bold, p.text, &date);
    let credit = fit(&source_credit(t, story), inner, 15.0, Weight::Regular);
    out.text(pad, fy + 47.0, 15.0, Weight::Regular, p.muted, &credit);
    (out, w, h, shown)
}

/// The full image: every row in the view's groups, the legend and the credit.
fn full(t: &Strings, story: &Story, view: View, p: &Palette) -> (Svg, f32, f32, usize) {
    let w = FULL_WIDTH as f32;
    let pad = 40.0;
    let inner = w - 2.0 * pad;
    let mut out = Svg::new(w, t.dir());
    let mut y = masthead(
        &mut out,
        &view_title(t, story, view),
        story,
        p,
        (w, pad),
        (18.0, 32.0),
        4,
    );
    y += 6.0;
    for line in wrap(&story.standfirst, inner, 18.0, Weight::Regular, 6) {
        out.text(pad, y + 18.0, 18.0, Weight::Regular, p.text, &line);
        y += 26.0;
    }
    y += 4.0;
    let date = fit(&as_of_line(t, story), inner, 16.0, Weight::Bold);
    out.text(pad, y + 16.0, 16.0, Weight::Bold, p.muted, &date);
    y += 16.0 + 22.0;

    let size = 17.0;
    let cols = Columns::new(t, story, pad, inner, 300.0, 170.0, size);
    let head_top = y;
    let head_h = size * 1.8;
    if let View::Side(side) = view {
        out.rect(cols.x(side), head_top, cols.side, head_h, p.surface_strong);
    }
    header(&mut out, t, story, view, &cols, (head_top, size), p);
    y += head_h + 4.0;
    let line_h = size * 1.35;
    let mut stripe = 0;
    for row in rows(t, story, view) {
        match row {
            Row::Heading(heading) => {
                let lines = wrap(&heading, inner - 20.0, size, Weight::Bold, 3);
                let h = lines.len() as f32 * line_h + 18.0;
                y += 8.0;
                out.rect(pad, y, inner, h, p.surface_strong);
                for (i, line) in lines.iter().enumerate() {
                    let baseline = y + 9.0 + line_h * (i as f32 + 0.75);
                    out.text(pad + 10.0, baseline, size, Weight::Bold, p.text, line);
                }
                y += h;
                stripe = 0;
            }
            Row::Note(note) => {
                let lines = wrap(&note, inner - 20.0, size, Weight::Regular, 3);
                for line in &lines {
                    out.text(
                        pad + 10.0,
                        y + line_h * 0.9 + 6.0,
                        size,
                        Weight::Regular,
                        p.muted,
                        line,
                    );
                    y += line_h;
                }
                y += 12.0;
            }
            Row::Issue(issue) => {
                let item = story.issues.get(issue);
                let title = item.map_or("", |i| i.title.as_str());
                let mut lines = wrap(title, cols.label - 20.0, size, Weight::Regular, 3);
                // Three lines were not enough: the editor's short title, where there is one.
                if let Some(short) = item.and_then(|i| i.short.as_deref()) {
                    if lines.last().is_some_and(|l| l.ends_with('…')) && !title.ends_with('…') {
                        lines = wrap(short, cols.label - 20.0, size, Weight::Regular, 3);
                    }
                }
                let h = (lines.len() as f32 * line_h + 16.0).max(40.0);
                if stripe % 2 == 0 {
                    out.rect(pad, y, inner, h, p.surface);
                }
                if let View::Side(side) = view {
                    out.rect(cols.x(side), y, cols.side, h, p.surface_strong);
                }
                let text_top = y + (h - lines.len() as f32 * line_h) / 2.0;
                for (i, line) in lines.iter().enumerate() {
                    let baseline = text_top + line_h * (i as f32 + 0.75);
                    out.text(pad + 10.0, baseline, size, Weight::Regular, p.text, line);
                }
                for side in 0..story.sides.len() {
                    let stance = story.position(issue, side).stance;
                    cell(
                        &mut out,
                        stance,
                        cols.x(side),
                        (y, h),
                        size,
                        cols.words.then_some(t),
                        p,
                    );
                }
                y += h;
                stripe += 1;
            }
        }
    }
    y += 8.0;
    out.line(pad, y, w - pad, y, p.border, 1.0);
    y += 10.0;
    y += legend(&mut out, t, (pad, y), inner, 15.0, true, p);
    y += 10.0;
    for line in wrap(&source_credit(t, story), inner, 15.0, Weight::Regular, 6) {
        out.text(pad, y + 15.0, 15.0, Weight::Regular, p.muted, &line);
        y += 22.0;
    }
    let height = y + pad - 10.0;
    (out, w, height, story.issues.len())
}
