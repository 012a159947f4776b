//! Preview: the story in the very widget readers get, at a phone's, an article column's and a
//! desktop's width side by side, in the chosen view and theme.

use yew::prelude::*;

use crate::components::{App, StoryRef};

use super::state::Theme;

/// The widths the preview shows, in CSS pixels, and what each stands for: the narrowest phone, a
/// news site's article column (most embeds sit in one, 600-720 px), and a page of its own.
pub const WIDTHS: [(u32, &str); 3] = [(320, "phone"), (680, "article column"), (1280, "desktop")];

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub story: Option<StoryRef>,
    pub generation: u32,
    pub view: AttrValue,
    pub theme: Theme,
    pub on_view: Callback<String>,
    pub on_theme: Callback<Theme>,
}

#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let Some(story) = props.story.clone() else {
        return html! {
            <section class="dmd-panel dmd-preview" aria-labelledby="dmd-preview-title">
                <h2 id="dmd-preview-title">{ "Preview" }</h2>
                <p class="dmd-hint">{ "The widget appears here once a story opens without problems." }</p>
            </section>
        };
    };
    // The views by the names the widget gives them, in the story's language.
    let t = crate::i18n::Strings::for_lang(&story.lang);
    let views: Vec<(String, String)> = std::iter::once(("all".to_owned(), t.text("all-sides")))
        .chain(story.sides.iter().map(|s| (s.id.clone(), s.view_title(&t))))
        .collect();
    let radio =
        |group: &'static str, value: String, label: String, checked: bool, on: Callback<()>| {
            let id = format!("dmd-{group}-{value}");
            html! {
                <span class="dmd-choice">
                    <input
                        type="radio"
                        id={id.clone()}
                        name={format!("dmd-{group}")}
                        value={value}
                        checked={checked}
                        onchange={on.reform(|_: Event| ())}
                    />
                    <label for={id}>{ label }</label>
                </span>
            }
        };
    html! {
        <section class="dmd-panel dmd-preview" aria-labelledby="dmd-preview-title" data-testid="dmd-preview">
            <h2 id="dmd-preview-title">{ "Preview" }</h2>
            <div class="dmd-controls">
                <fieldset class="dmd-fieldset">
                    <legend>{ "View" }</legend>
                    { for views.into_iter().map(|(id, label)| {
                        let checked = *props.view == *id;
                        let on_view = props.on_view.clone();
                        let value = id.clone();
                        radio("view", id, label, checked, Callback::from(move |()| on_view.emit(value.clone())))
                    }) }
                </fieldset>
                <fieldset class="dmd-fieldset">
                    <legend>{ "Theme" }</legend>
                    { for [Theme::Light, Theme::Dark].into_iter().map(|theme| {
                        let label = match theme { Theme::Light => "Light", Theme::Dark => "Dark" };
                        radio("theme", theme.id().to_owned(), label.to_owned(), props.theme == theme, props.on_theme.reform(move |()| theme))
                    }) }
                </fieldset>
            </div>
            <div class="dmd-frames" role="region" aria-label="The widget at three widths" tabindex="0">
                { for WIDTHS.iter().map(|&(width, what)| html! {
                    <figure class={classes!("dmd-frame", format!("dmd-frame--{width}"))} data-testid={format!("dmd-frame-{width}")}>
                        <figcaption class="dmd-frame__caption" id={format!("dmd-caption-{width}")}>{ format!("{width} px ({what})") }</figcaption>
                        <div class="dmd-frame__widget" data-theme={props.theme.id()}>
                            <App
                                key={format!("{}-{}-{width}", props.generation, props.view)}
                                uid={AttrValue::from(format!("dmp{width}"))}
                                story={Some(story.clone())}
                                view={Some(props.view.clone())}
                                within={Some(AttrValue::from(format!("dmd-caption-{width}")))}
                            />
                        </div>
                    </figure>
                }) }
            </div>
        </section>
    }
}
