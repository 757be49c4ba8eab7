//! Page furniture: which elements are never text (scripts, media, form
//! controls), which are furniture by tag, role, hiding or class and id
//! (nav, footer, share, related, ads...), and when furniture is kept after
//! all because it holds most of the text. Asked by the scoring and by the
//! body walk.

use std::sync::LazyLock;

use regex::Regex;
use scraper::node::Element;

/// Class or id values that mark page furniture rather than article text.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"share|sharing|social|related|newsletter|promo|advert|(?:^|[\s_-])ads?(?:[\s_-]|$)|(?:^|[\s_])ad-|adslot|adunit|cookie|comment|subscribe|breadcrumb|caption|outbrain|taboola|signup|sign-up|paywall|recirc|most-?popular|more-?stories|read-?more|skip-?link|visually-?hidden|sr-only|screen-?reader|footer|sidebar|(?:^|[\s_-])nav(?:[\s_-]|bar|igation|$)|masthead|site-?header|menu|latest-|trending|recommend|(?:^|[\s_-])cta(?:[\s_-]|$)|widget",
    )
    .expect("valid regex")
});

/// Class or id values that name the content itself.
static CONTENT_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"article|body|content|main|story|entry|(?:^|[\s_-])post|text|column")
        .expect("valid regex")
});

/// How the body walk treats an element's subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Skip {
    /// Read it.
    No,
    /// Page furniture by tag, role or class (nav, footer, "related"...):
    /// skipped unless it holds most of the paragraph text around it, since
    /// some sites wrap the whole page in a `<form>` or the article in
    /// `class="commentary"`.
    Soft,
    /// A boilerplate word in a class that also names content
    /// (`main-white and-w-sidebar`, `comment-body`): skipped only when it
    /// holds little of the text around it.
    Weak,
    /// Never text: scripts, styles, embedded media, form controls.
    Hard,
}

/// What the walk does with an element: by its tag, its hiding or role, then
/// its class and id.
pub(super) fn skip_kind(el: &Element) -> Skip {
    let name = el.name();
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "select"
            | "textarea"
            | "input"
            | "button"
            | "head"
            | "title"
            | "math"
            | "dialog"
            | "label"
            | "figcaption"
    ) {
        return Skip::Hard;
    }
    if matches!(
        name,
        "nav" | "aside" | "header" | "footer" | "form" | "figure" | "menu"
    ) || is_hidden(el)
    {
        return Skip::Soft;
    }
    match class_kind(el) {
        ClassKind::Plain => Skip::No,
        ClassKind::Boilerplate => Skip::Soft,
        ClassKind::Mixed => Skip::Weak,
    }
}

impl Skip {
    /// Whether to pass over an element of this kind that holds `total`
    /// paragraph text out of `reference` (the root's or the page's).
    pub(super) fn applies(self, total: usize, reference: usize) -> bool {
        match self {
            Skip::No => false,
            Skip::Hard => true,
            Skip::Soft => !holds_most(total, reference),
            Skip::Weak => total * 4 < reference,
        }
    }
}

/// What an element's class and id say about it.
enum ClassKind {
    Plain,
    Boilerplate,
    /// Both a boilerplate word and a content word.
    Mixed,
}

fn class_kind(el: &Element) -> ClassKind {
    let class = el.attr("class").unwrap_or("");
    let id = el.id().unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return ClassKind::Plain;
    }
    let both = format!("{} {}", class, id).to_ascii_lowercase();
    if !BOILERPLATE.is_match(&both) {
        ClassKind::Plain
    } else if CONTENT_CLASS.is_match(&both) {
        ClassKind::Mixed
    } else {
        ClassKind::Boilerplate
    }
}

/// Hidden by attribute or inline style, or a landmark role for furniture.
fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = el.attr("role") {
        if matches!(
            role,
            "navigation" | "complementary" | "contentinfo" | "banner" | "dialog"
        ) {
            return true;
        }
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether a furniture-looking element holding `part` of `whole` paragraph
/// text is in fact the article (more than half of a non-trivial amount).
pub(super) fn holds_most(part: usize, whole: usize) -> bool {
    part >= 200 && part * 2 >= whole
}

#[cfg(test)]
mod tests {
    use crate::ingest::html::tests::draft;

    #[test]
    fn boilerplate_is_left_out_of_the_body() {
        let html = r#"<html><body>
            <nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
            <article>
              <header><h1>Bridge reopens</h1><p>Subtitle in header</p></header>
              <div class="social-share"><p>Share this on Facebook</p></div>
              <p>The bridge reopened   on Monday
                 after two years.</p>
              <figure><img src="a.jpg"><figcaption>The bridge at dawn.</figcaption></figure>
              <script>var x = "<p>not text</p>";</script>
              <style>p { color: red }</style>
              <h2>Traffic</h2>
              <p>Traffic is expected to <a href="/t">ease</a>.</p>
              <p>Traffic is expected to <a href="/t">ease</a>.</p>
              <ul class="related-links"><li><a href="/1">Other story</a></li></ul>
              <div class="ad-slot">Advertisement</div>
              <ul><li>Lanes: four</li><li>Cost: $3m</li></ul>
              <blockquote><p>"It is a great day," the mayor said.</p></blockquote>
              <form><p>Sign up for our newsletter</p></form>
              <p></p>
            </article>
            <aside><p>Most read stories of the day</p></aside>
            <footer><p>Copyright 2020</p></footer>
            </body></html>"#;
        let d = draft(html);
        assert_eq!(
            d.body,
            "The bridge reopened on Monday after two years.\n\nTraffic\n\n\
             Traffic is expected to ease.\n\nLanes: four\n\nCost: $3m\n\n\
             \"It is a great day,\" the mayor said."
        );
    }
}
