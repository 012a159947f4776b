//! ImagesPanel: the share card and full image of the preview's view, as PNG or SVG, with the
//! text alternative that goes with them.

use yew::prelude::*;

use crate::images::Kind;

#[derive(Properties, PartialEq)]
pub struct ImagesPanelProps {
    /// The preview's view, as its tab names it; `None` while there is no story.
    pub view_title: Option<AttrValue>,
    /// The preview's colours ("light" or "dark"): the images take them.
    pub theme: AttrValue,
    /// The short text alternative shown: of the last image drawn, or of the full image.
    pub alt: AttrValue,
    /// The file whose text alternative `alt` is; `None` for the full image's before any download.
    #[prop_or_default]
    pub alt_of: Option<AttrValue>,
    /// Downloads one image: which, and PNG (`true`) or SVG.
    pub on_download: Callback<(Kind, bool)>,
}

#[component]
pub fn ImagesPanel(props: &ImagesPanelProps) -> Html {
    let Some(view_title) = &props.view_title else {
        return html! {
            <section class="dmd-panel dmd-images" aria-labelledby="dmd-images-title">
                <h2 id="dmd-images-title">{ "Images" }</h2>
                <p class="dmd-hint">{ "Share cards and images appear once a story opens without problems." }</p>
            </section>
        };
    };
    let button = |kind: Kind, png: bool, label: &'static str| {
        let id = format!(
            "dmd-image-{}-{}",
            kind.id(),
            if png { "png" } else { "svg" }
        );
        html! {
            <button type="button" class="dmd-button" data-testid={id}
                onclick={props.on_download.reform(move |_| (kind, png))}>
                { label }
            </button>
        }
    };
    html! {
        <section class="dmd-panel dmd-images" aria-labelledby="dmd-images-title" data-testid="dmd-images">
            <h2 id="dmd-images-title">{ "Images" }</h2>
            <p class="dmd-hint">
                { format!(
                    "For where the widget cannot go: social networks, AMP, Apple News, newsletters, print. Of the preview's view ({view_title}), in its {} colours.",
                    props.theme
                ) }
            </p>
            <p class="dmd-actions">
                { button(Kind::Card, true, "Share card (PNG, 1200 × 630)") }
                { button(Kind::Card, false, "Share card (SVG)") }
                { button(Kind::Full, true, "Full image (PNG, 2×)") }
                { button(Kind::Full, false, "Full image (SVG)") }
            </p>
            <div class="dmd-field">
                <label for="dmd-image-alt" class="dmd-label">
                    { match &props.alt_of {
                        Some(name) => format!("Text alternative of {name}"),
                        None => "Text alternative (alt text) of the full image".to_owned(),
                    } }
                </label>
                <p class="dmd-hint" id="dmd-image-alt-note">
                    { "Put it in the image's alt attribute wherever you place the image. A share card that leaves rows out adds how many it shows: download it to see its own." }
                </p>
                <textarea
                    id="dmd-image-alt"
                    class="dmd-textarea"
                    rows="4"
                    readonly=true
                    aria-describedby="dmd-image-alt-note"
                    value={props.alt.clone()}
                    data-testid="dmd-image-alt"
                />
            </div>
        </section>
    }
}
