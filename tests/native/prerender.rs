//! Native tests of the build-time render: every issue, side and summary is in the HTML, the
//! markup works without script, and it lands in the page's mount point.
#![cfg(not(target_arch = "wasm32"))]

use demands_matrix::dom::Shape;
use demands_matrix::model::{parse_story, DEFAULT_STORY_JSON};
use demands_matrix::prerender::{
    embed_module, fill_page, integrity, live_assets, markup_shape, pages, refresh_integrity,
    render_embedded_view, render_view, shadow_css, with_integrity, with_live_assets, with_story,
    Embed,
};

fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn the_prerendered_page_holds_every_issue_side_and_summary() {
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let html = render_view("all").await;
    for issue in &story.issues {
        assert!(
            html.contains(&text(&issue.title)),
            "missing issue {}",
            issue.title
        );
    }
    for side in &story.sides {
        assert!(html.contains(&format!("data-testid=\"dm-col-{}\"", side.id)));
    }
    for position in &story.positions {
        if !position.summary.is_empty() {
            assert!(
                html.contains(&text(&position.summary)),
                "missing summary {}",
                position.summary
            );
        }
        if let Some(quote) = &position.quote {
            assert!(
                html.contains(&text(&quote.text)),
                "missing quote {}",
                quote.text
            );
        }
    }
    assert!(html.contains("data-testid=\"dm-summary\""));
    assert!(html.contains("data-testid=\"dm-sources\""));
}

#[tokio::test]
async fn without_script_the_tabs_are_links_and_the_cells_text() {
    let html = render_view("all").await;
    for (file, id) in pages().unwrap() {
        assert!(
            html.contains(&format!("href=\"{file}\"")),
            "tab {id} should link to {file}"
        );
    }
    // Links in a labelled navigation, the current one marked: no tab role, which would promise
    // arrow keys that only the WebAssembly brings.
    let links: Vec<&str> = html
        .match_indices("class=\"dm-tabs__tab\"")
        .map(|(at, _)| {
            let start = html[..at].rfind('<').unwrap();
            &html[start..at + html[at..].find('>').unwrap()]
        })
        .collect();
    assert_eq!(links.len(), 4);
    assert!(
        links
            .iter()
            .all(|tab| !tab.contains("tabindex") && !tab.contains("role")),
        "no roving tabindex and no tab role without script: {links:?}"
    );
    assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
    assert!(html.contains("role=\"navigation\""));
    assert!(
        !html.contains("aria-expanded") && !html.contains("<button"),
        "no cell promises a detail it cannot open"
    );
    assert!(
        !html.contains("data-interactive"),
        "the page is not live until the WebAssembly runs"
    );
}

#[tokio::test]
async fn each_side_page_opens_on_that_side() {
    let html = render_view("moscow").await;
    assert!(html.contains("data-view=\"moscow\""));
    let first_row = html.find("data-testid=\"dm-row-").unwrap();
    assert!(html[first_row..].starts_with("data-testid=\"dm-row-nato\""));
}

#[test]
fn pages_are_index_and_one_per_side() {
    let files: Vec<String> = pages().unwrap().into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        files,
        [
            "index.html",
            "view-kyiv.html",
            "view-moscow.html",
            "view-west.html"
        ]
    );
}

#[test]
fn the_markup_fills_the_mount_point() {
    // A dev build keeps the comment that names the attribute; the tag itself must be found.
    let page = "<body><main><!-- data-page-params: see README --><div data-demands-matrix data-page-params></div></main></body>";
    let filled = fill_page(page, "kyiv", "<section>matrix</section>").unwrap();
    let shape = markup_shape("<section>matrix</section>");
    assert_eq!(
        filled,
        format!("<body><main><!-- data-page-params: see README --><div data-demands-matrix data-page-params data-prerendered=\"kyiv\" data-shape=\"{shape}\"><section>matrix</section></div></main></body>")
    );
    assert!(fill_page("<body></body>", "all", "x").is_err());
    assert!(fill_page(
        "<div data-demands-matrix data-page-params>old</div>",
        "all",
        "x"
    )
    .is_err());
}

#[tokio::test]
async fn the_shape_follows_the_elements_and_comments_a_browser_will_find() {
    let shape =
        markup_shape("<p class=\"a\">1 &lt; 2 <b>x</b></p><!--<[App]>--><br><!--</[App]>-->");
    let mut expected = Shape::default();
    expected.element("p");
    expected.element("b");
    expected.comment();
    expected.element("br");
    expected.comment();
    assert_eq!(shape, expected.to_string());
    assert!(shape.starts_with("3 2 "), "{shape}");
    assert_ne!(
        markup_shape("<p><b>x</b></p>"),
        markup_shape("<p><i>x</i></p>"),
        "a swapped element changes the shape"
    );
    assert_eq!(
        markup_shape("<p>one</p>"),
        markup_shape("<p>other words</p>"),
        "text is not part of it"
    );
    // The real thing: Yew's hydration markers are comments, one pair per component.
    let markup = render_view("all").await;
    let shape = markup_shape(&markup);
    let counts: Vec<usize> = shape.split(' ').map(|n| n.parse().unwrap()).collect();
    assert!(counts[0] > 500, "{shape}");
    assert_eq!(counts[1], 2 * (1 + 14), "App and 14 issue rows: {shape}");
}

#[test]
fn integrity_is_the_sha384_of_the_bytes() {
    // The value `openssl dgst -sha384 -binary | base64` gives for "abc".
    assert_eq!(
        integrity(b"abc"),
        "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
    );
}

#[test]
fn the_asset_list_and_the_embed_module_carry_both_integrities() {
    let read = |name: &str| Ok(name.trim_start_matches("./").as_bytes().to_vec());
    let page = r#"<head><!-- dm-assets --><script id=dm-assets type=application/json>{"js":"./g.js","wasm":"./g_bg.wasm"}</script></head>"#;
    let with = with_integrity(page, read).unwrap();
    let list = &with[with.find('{').unwrap()..with.find("</script>").unwrap()];
    let assets: serde_json::Value = serde_json::from_str(list).unwrap();
    assert_eq!(assets["js"], "./g.js");
    assert_eq!(assets["jsi"], integrity(b"g.js"));
    assert_eq!(assets["wasmi"], integrity(b"g_bg.wasm"));
    assert!(with_integrity("<head></head>", read).is_err());

    let files = [
        "demands-matrix-1.css",
        "demands-matrix-1.js",
        "demands-matrix-1_bg.wasm",
    ]
    .map(String::from);
    let read_css = |name: &str| {
        Ok(if name.ends_with(".css") {
            b".dm{--dm-space:.5rem;padding:1rem}".to_vec()
        } else {
            name.as_bytes().to_vec()
        })
    };
    let views = [("all".to_owned(), "<section>matrix</section>".to_owned())];
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let embed = Embed {
        story: &story,
        json: DEFAULT_STORY_JSON,
        name: "",
        up: "",
    };
    let module = embed_module(&files, read_css, &views, &embed).unwrap();
    assert!(module.contains(&integrity(b"demands-matrix-1.js")));
    assert!(module.contains(&integrity(b"demands-matrix-1_bg.wasm")));
    assert!(
        module.contains("WebAssembly.RuntimeError"),
        "the panic handler"
    );
    assert!(module.contains(r#""views":{"all":["<section>matrix</section>","1 0 "#));
    // The story's page strings, as the standalone page carries them (its date in words).
    assert!(module.contains(
        r#""strings":{"json":"{\"$dates\":{\"2025-06-02\":\"2 June 2025\"}}","tag":"en"}"#
    ));
    assert!(module.contains("--dm-space:calc(.5*var(--dm-rem))"));
    assert!(!module.contains("/* build data */") && !module.contains("/* crash handler */"));
}

/// The live reader (scripts/build-live) is listed with its integrities in the page and in
/// widget.js; a build with half of it is refused.
#[test]
fn the_live_build_is_listed_with_its_integrities() {
    let read = |name: &str| Ok(name.as_bytes().to_vec());
    let files = ["demands-matrix-1.js", "live-2.js", "live-3.wasm"].map(String::from);
    let live = live_assets(&files, read).unwrap().unwrap();
    assert_eq!(live["js"], "./live-2.js");
    assert_eq!(live["jsi"], integrity(b"live-2.js"));
    assert_eq!(live["wasm"], "./live-3.wasm");
    assert_eq!(live["wasmi"], integrity(b"live-3.wasm"));
    assert_eq!(live_assets(&files[..1], read).unwrap(), None);
    assert!(live_assets(&files[..2], read).is_err());

    let page = r#"<script id=dm-assets type=application/json>{"js":"./g.js"}</script>"#;
    let with = with_live_assets(page, Some(&live)).unwrap();
    let list = &with[with.find('{').unwrap()..with.find("</script>").unwrap()];
    let assets: serde_json::Value = serde_json::from_str(list).unwrap();
    assert_eq!(assets["js"], "./g.js");
    assert_eq!(assets["live"], live);

    let views = [("all".to_owned(), "<section>matrix</section>".to_owned())];
    let mut all = files.to_vec();
    all.extend(["demands-matrix-1.css", "demands-matrix-1_bg.wasm"].map(String::from));
    let read_css = |name: &str| {
        Ok(if name.ends_with(".css") {
            b".dm{padding:1rem}".to_vec()
        } else {
            name.as_bytes().to_vec()
        })
    };
    let story = parse_story(DEFAULT_STORY_JSON).unwrap();
    let embed = Embed {
        story: &story,
        json: DEFAULT_STORY_JSON,
        name: "",
        up: "",
    };
    let module = embed_module(&all, read_css, &views, &embed).unwrap();
    assert!(module.contains(&integrity(b"live-3.wasm")));
    assert!(
        module.contains(r#""glue":"demands-matrix-1.js""#),
        "the default glue stays"
    );
    // A story's own widget.js, one folder down, names the shared files from there.
    let below = Embed {
        name: "gaza",
        up: "../",
        ..embed
    };
    let module = embed_module(&all, read_css, &views, &below).unwrap();
    for expected in [
        r#""glue":"../demands-matrix-1.js""#,
        r#""wasm":"../demands-matrix-1_bg.wasm""#,
        r#""js":"../live-2.js""#,
        r#""name":"gaza""#,
    ] {
        assert!(module.contains(expected), "{expected}");
    }
}

#[test]
fn the_shadow_stylesheet_is_sized_from_its_own_root_and_themed_on_the_host() {
    let css = shadow_css(include_str!("../../static/demands-matrix.css")).unwrap();
    // No length is left in the host page's rem.
    let rem = css
        .match_indices("rem")
        .filter(|(at, _)| css.as_bytes()[at - 1].is_ascii_digit() || css.as_bytes()[at - 1] == b'.')
        .count();
    assert_eq!(rem, 0, "{css}");
    assert!(
        css.contains("min-height:calc(2.75*var(--dm-rem))")
            || css.contains("min-height: calc(2.75*var(--dm-rem))")
    );
    assert!(
        css.contains("@container dm (max-width: 40em)"),
        "container conditions in em"
    );
    assert!(css.contains("margin: calc(-0.25*var(--dm-rem)) calc(-0.35*var(--dm-rem))"));
    // The tokens sit on the host, where a host page's rule on the element wins; the rest of the
    // root rule stays on .dm.
    let host = &css[..css.find('}').unwrap()];
    // The host's box is the page's to set: nothing but the text size is important there.
    assert!(host.starts_with(":host{all:initial;display:block;visibility:inherit;"));
    assert_eq!(host.matches("!important").count(), 1, "{host}");
    assert!(css.contains(".dm-mount{all:initial;display:block;visibility:inherit}"));
    assert!(host.contains("--dm-accent:"));
    assert!(host.contains("--dm-space: calc(0.5*var(--dm-rem))"));
    let root = &css[css.find(".dm{").unwrap()..];
    assert!(root.contains("container-type: inline-size;"));
    let body = &root[4..root.find('}').unwrap()];
    assert!(!body.split(';').any(|d| d.trim_start().starts_with("--dm-")));
    assert!(!css.contains("/*"), "comments dropped");

    // Minified input, as Trunk writes it.
    let min = shadow_css(".a{margin:-.25rem 1rem}.dm{--dm-x:2rem;color:red}@container dm (width<=40rem){.b{gap:.3rem}}").unwrap();
    assert!(
        min.contains(".a{margin:calc(-.25*var(--dm-rem)) calc(1*var(--dm-rem))}"),
        "{min}"
    );
    assert!(min.contains("--dm-x:calc(2*var(--dm-rem));}"), "{min}");
    assert!(min.contains(".dm{color:red;}"), "{min}");
    assert!(
        min.contains("@container dm (width<=40em){.b{gap:calc(.3*var(--dm-rem))}}"),
        "{min}"
    );
    assert!(
        shadow_css(".x{}").is_err(),
        "a stylesheet without the root rule is refused"
    );
}

#[test]
fn integrity_attributes_are_recomputed_from_the_final_files() {
    let read = |name: &str| Ok(format!("new {name}").into_bytes());
    let page = r#"<link href=./a.css integrity=sha384-old rel=stylesheet><script integrity="sha384-old" src="./l.js" type=module></script><a href=x.html data-src=y>x</a>"#;
    let fresh = refresh_integrity(page, read).unwrap();
    assert_eq!(
        fresh,
        format!(
            r#"<link href=./a.css integrity={} rel=stylesheet><script integrity="{}" src="./l.js" type=module></script><a href=x.html data-src=y>x</a>"#,
            integrity(b"new ./a.css"),
            integrity(b"new ./l.js")
        )
    );
    // Another site's file keeps its author's hash; a hash of no file is an error, not kept stale.
    let theirs = r#"<script src=https://cdn.example/x.js integrity=sha384-theirs></script>"#;
    assert_eq!(refresh_integrity(theirs, read).unwrap(), theirs);
    assert!(refresh_integrity("<link integrity=sha384-x rel=preload>", read).is_err());
}

#[test]
fn the_page_carries_the_built_in_story_as_script_safe_json() {
    let page =
        r#"<head><script id=dm-assets type=application/json>{}</script><link rel=icon></head>"#;
    let with = with_story(page).unwrap();
    let open = r#"<script type="application/json" id="dm-story">"#;
    let start = with.find(open).unwrap() + open.len();
    let json = &with[start..start + with[start..].find("</script>").unwrap()];
    assert!(!json.contains('<'), "no markup can end the element early");
    let story = parse_story(json).unwrap();
    assert_eq!(story, parse_story(DEFAULT_STORY_JSON).unwrap());
    assert!(with.ends_with("</script><link rel=icon></head>"));
}

#[tokio::test]
async fn a_direct_embed_is_prerendered_inside_an_article() {
    let page = render_view("kyiv").await;
    let embedded = render_embedded_view("kyiv").await;
    let title_tag = |html: &str| {
        let at = html.find("dm-header__title").unwrap();
        let open = html[..at].rfind('<').unwrap();
        html[open + 1..open + 3].to_owned()
    };
    assert_eq!(title_tag(&page), "h1");
    assert_eq!(title_tag(&embedded), "h2");
    assert!(!embedded.contains("<h1"), "no h1 inside an article");
    // The same tabs, linking to the standalone pages (widget.js makes the links absolute).
    assert!(embedded.contains("href=\"view-moscow.html\""));
}

#[test]
fn share_tags_follow_the_title_with_absolute_addresses_from_the_build_setting() {
    use demands_matrix::model::{parse_story, View, DEFAULT_STORY_JSON};
    use demands_matrix::prerender::{public_base, with_share_tags, ShareTags};
    let story = parse_story(DEFAULT_STORY_JSON).expect("valid");
    let base = public_base(Some("https://graphics.example.org/talks")).expect("a web address");
    assert_eq!(base, "https://graphics.example.org/talks/");
    let tags = ShareTags::for_view(
        &story,
        View::Side(0),
        &base,
        "view-kyiv.html",
        "card-kyiv.png",
        "Alt with \"quotes\" & <angles>",
    );
    let page = "<!doctype html><title>Talks</title><meta name=description content=x>";
    let tagged = with_share_tags(page, &tags).expect("has a title");
    assert!(tagged.starts_with("<!doctype html><title>Talks</title><meta property=\"og:title\""));
    for expected in [
        r#"<meta property="og:title" content="Istanbul talks: who demands what — Kyiv’s view">"#,
        r#"<meta property="og:url" content="https://graphics.example.org/talks/view-kyiv.html">"#,
        r#"<meta property="og:image" content="https://graphics.example.org/talks/images/card-kyiv.png">"#,
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta property="og:image:height" content="630">"#,
        r#"<meta property="og:image:alt" content="Alt with &quot;quotes&quot; &amp; &lt;angles>">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
    ] {
        assert!(tagged.contains(expected), "{expected}\n{tagged}");
    }
    assert!(tagged.contains(r#"<meta property="og:description" content="Russian and Ukrainian"#));
    // The all-sides page is the folder's index: shared, it is the folder's address.
    let index = ShareTags::for_view(
        &story,
        View::AllSides,
        &base,
        "index.html",
        "card-all.png",
        "",
    );
    assert_eq!(index.url, base);
    assert_eq!(index.title, story.title);
    // Without the setting the addresses are relative to the page.
    let relative =
        ShareTags::for_view(&story, View::AllSides, "", "index.html", "card-all.png", "");
    assert_eq!(
        (relative.url.as_str(), relative.image.as_str()),
        ("index.html", "images/card-all.png")
    );
    assert_eq!(public_base(None), Ok(String::new()));
    assert_eq!(public_base(Some("  ")), Ok(String::new()));
    assert!(public_base(Some("javascript:alert(1)")).is_err());
    assert!(public_base(Some("https://example.org/\"><script>")).is_err());
    assert!(with_share_tags("<p>no title</p>", &index).is_err());
}

/// A built page as Trunk's release build writes it: minified, attributes unquoted.
const MINIFIED: &str = r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>Demands matrix</title><meta content="" name=description><script src=./head-1.js integrity=sha384-h></script><link href=./demands-matrix-1.css integrity=sha384-c rel=stylesheet><script id=dm-assets type=application/json>{"js":"./demands-matrix-1.js","wasm":"./demands-matrix-1_bg.wasm","live":{"js":"./live-1.js","wasm":"./live-1.wasm"}}</script><script src=./loader-1.js type=module></script></head><body class=dm-page><main class=dm-page__main><div data-demands-matrix data-page-params></div></main></body></html>"#;

fn parts<'a>(up: &'a str, lang: &'a str) -> demands_matrix::prerender::PageParts<'a> {
    demands_matrix::prerender::PageParts {
        lang,
        dir: demands_matrix::i18n::direction(lang),
        title: "Talks & “terms”",
        description: "Who wants <what>",
        head: "<meta property=\"og:title\" content=\"Talks\">",
        data: "<script type=\"application/json\" id=\"dm-story\">{}</script>",
        view_id: "all",
        markup: "<section class=\"dm\">matrix</section>",
        loading: "Loading the graphic…",
        failed: "Its program could not be downloaded.",
        up,
    }
}

#[test]
fn a_story_page_takes_its_language_title_and_description_even_from_a_minified_page() {
    use demands_matrix::prerender::story_page;
    let page = story_page(MINIFIED, &parts("", "ar")).unwrap();
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#), "{page}");
    assert!(page.contains(
        "<title>Talks &amp; “terms”</title><meta property=\"og:title\" content=\"Talks\">"
    ));
    assert!(
        page.contains(r#"<meta content="Who wants <what>" name=description>"#),
        "{page}"
    );
    assert!(page.contains(r#"<script type="application/json" id="dm-story">{}</script></body>"#));
    assert!(page.contains(r#"data-prerendered="all""#));
    assert!(page
        .contains(r#"<section class="dm">matrix</section></div><div class="dm dm-page__pending""#));
    assert!(page.contains(r#"data-failed="Its program could not be downloaded.">"#));
    // Beside the shared files, their addresses stay as built.
    assert!(page.contains("src=./head-1.js") && page.contains(r#""js":"./demands-matrix-1.js""#));
    let english = story_page(MINIFIED, &parts("", "en")).unwrap();
    assert!(english.contains(r#"<html lang="en">"#), "{english}");
}

#[test]
fn a_story_page_in_its_own_folder_finds_the_shared_files_one_level_up() {
    use demands_matrix::prerender::story_page;
    let page = story_page(MINIFIED, &parts("../", "en")).unwrap();
    for expected in [
        r#"src="../head-1.js""#,
        r#"href="../demands-matrix-1.css""#,
        r#"src="../loader-1.js""#,
        r#""js":"../demands-matrix-1.js""#,
        r#""wasm":"../demands-matrix-1_bg.wasm""#,
        r#""live":{"js":"../live-1.js","wasm":"../live-1.wasm"}"#,
    ] {
        assert!(page.contains(expected), "{expected}\n{page}");
    }
    // Another site's file and the inline icon keep their addresses.
    let theirs = MINIFIED.replace(
        "<title>",
        "<link href=https://cdn.example/x.css rel=stylesheet><link rel=icon href=data:,><title>",
    );
    let page = story_page(&theirs, &parts("../", "en")).unwrap();
    assert!(page.contains("href=https://cdn.example/x.css") && page.contains("href=data:,"));
}

#[test]
fn a_built_page_without_what_a_story_page_needs_is_refused() {
    use demands_matrix::prerender::story_page;
    for (missing, page) in [
        (
            "<title>",
            MINIFIED.replace("<title>Demands matrix</title>", ""),
        ),
        (
            "description",
            MINIFIED.replace(r#"<meta content="" name=description>"#, ""),
        ),
        (
            "mount point",
            MINIFIED.replace("<div data-demands-matrix data-page-params></div>", ""),
        ),
        ("</body>", MINIFIED.replace("</body></html>", "")),
    ] {
        let error = story_page(&page, &parts("", "en")).unwrap_err();
        assert!(error.contains(missing), "{missing}: {error}");
    }
    let two = MINIFIED.replace(
        "</main>",
        "<div data-demands-matrix data-page-params></div></main>",
    );
    assert!(story_page(&two, &parts("", "en"))
        .unwrap_err()
        .contains("two mount points"));
}

#[test]
fn a_story_file_names_its_folder_only_when_an_address_can_carry_it() {
    use demands_matrix::prerender::story_name;
    assert_eq!(
        story_name("gaza-2025-10-09").as_deref(),
        Ok("gaza-2025-10-09")
    );
    assert_eq!(story_name("talks_2").as_deref(), Ok("talks_2"));
    for bad in [
        "Gaza",
        "gaza talks",
        "-x",
        "_x",
        "",
        "images",
        "locales",
        "gaza.v2",
    ] {
        assert!(story_name(bad).is_err(), "{bad}");
    }
}

/// Every story of a stories folder gets the built-in story's files: each view's page, its
/// share cards and images, its widget.js and the shipped locales, in its own language.
#[tokio::test]
async fn a_story_is_built_into_its_own_pages_cards_and_widget() {
    use demands_matrix::prerender::{story_site, Build};
    let json = include_str!("../fixtures/stories/locale-uk.json");
    let story = parse_story(json).unwrap();
    let build = Build {
        template: MINIFIED.to_owned(),
        files: [
            "demands-matrix-1.css",
            "demands-matrix-1.js",
            "demands-matrix-1_bg.wasm",
            "live-1.js",
            "live-1.wasm",
        ]
        .map(String::from)
        .to_vec(),
        base: "https://graphics.example.org/talks/".to_owned(),
    };
    let read = |name: &str| -> Result<Vec<u8>, String> {
        Ok(if name.ends_with(".css") {
            b".dm{padding:1rem}".to_vec()
        } else {
            name.as_bytes().to_vec()
        })
    };
    let files = story_site(&build, &read, json, "peace-uk").await.unwrap();
    let file = |path: &str| {
        let found = files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"));
        String::from_utf8_lossy(&found.bytes).into_owned()
    };
    let index = file("index.html");
    assert!(index.contains(r#"<html lang="uk">"#));
    assert!(index.contains(&format!("<title>{}</title>", text(&story.title))));
    assert!(index.contains(
        r#"<meta property="og:url" content="https://graphics.example.org/talks/peace-uk/">"#
    ));
    assert!(index.contains(r#"<meta property="og:image" content="https://graphics.example.org/talks/peace-uk/images/card-all.png">"#));
    assert!(
        index.contains(r#"data-tag="uk""#),
        "the page carries its locale's strings"
    );
    assert!(index.contains(&text(&story.issues[0].title)), "prerendered");
    assert!(index.contains(r#"href="../demands-matrix-1.css""#));
    for side in &story.sides {
        let page = file(&format!("view-{}.html", side.id));
        assert!(page.contains(&format!("data-prerendered=\"{}\"", side.id)));
        file(&format!("images/card-{}.png", side.id));
    }
    let widget = file("widget.js");
    assert!(
        widget.contains(r#""name":"peace-uk""#)
            && widget.contains(r#""glue":"../demands-matrix-1.js""#)
    );
    // The same module under its content-hashed name, for embed codes with its integrity.
    let entry = demands_matrix::prerender::Entry::of("widget", widget.as_bytes());
    assert!(entry.file.starts_with("widget-") && entry.file.len() == "widget-.js".len() + 16);
    assert_eq!(file(&entry.file), widget);
    assert!(entry.integrity.starts_with("sha384-"));
    assert!(file("images/images.json").contains("card-all.png"));
    file("locales/de.json");
    // An invalid story names its problems and builds nothing.
    let broken = include_str!("../fixtures/stories/broken-unknown-side.json");
    assert!(story_site(&build, &read, broken, "broken")
        .await
        .unwrap_err()
        .contains("side"));
}

/// The pages' one inline script, before the stylesheet so it holds up nothing, and the policy
/// docs/security.md gives newsrooms, which allows it by its hash: the two cannot drift apart.
#[test]
fn the_inline_head_script_comes_before_the_stylesheet_and_the_readme_allows_its_hash() {
    use demands_matrix::prerender::{content_security_policy, head_script, story_page};
    let page = story_page(MINIFIED, &parts("", "en")).unwrap();
    let script = format!("<script>{}</script>", head_script());
    let at = page.find(&script).expect("the inline script");
    assert!(
        at < page.find("stylesheet").unwrap(),
        "before the stylesheet"
    );
    assert!(!head_script().contains("//"), "no comments shipped");
    let readme = include_str!("../../docs/security.md");
    assert!(
        readme.contains(&content_security_policy()),
        "docs/security.md's policy must be:\n{}",
        content_security_policy()
    );
}

/// The page's language comes from its story whether the built page is minified (`<html lang=en>`,
/// as the release build writes it) or not, and a right-to-left story's page says so: the release
/// build's string search for `<html lang="en">` once did nothing on minified pages (issue 36).
#[test]
fn a_built_page_takes_its_story_language_and_direction_minified_or_not() {
    use demands_matrix::prerender::with_page_language;
    for page in [
        "<!doctype html><html lang=en><meta charset=utf-8><title>t</title><body><p>x",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>t</title></head><body><p>x</p></body></html>",
    ] {
        let arabic = with_page_language(page, "ar");
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), "{arabic}");
        let spanish = with_page_language(page, "es");
        assert!(spanish.contains("<html lang=\"es\">"), "{spanish}");
        assert!(!spanish.contains("dir="), "{spanish}");
        assert!(arabic.ends_with(page.split_once('>').unwrap().1.split_once('>').unwrap().1), "only the html tag changes: {arabic}");
    }
}
