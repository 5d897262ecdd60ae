//! HTML pages: body and metadata.

use crate::{Article, Options};

/// Extracts the article of an HTML page. `url` is the page's address when the input gave one.
pub fn extract_html(html: &str, url: Option<&str>, _opts: &Options) -> Article {
    let topts = rs_trafilatura::Options {
        include_comments: false,
        include_tables: true,
        include_images: false,
        include_links: false,
        use_fallback_extraction: true,
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    let Ok(r) = rs_trafilatura::extract_with_options(html, &topts) else {
        return Article::default();
    };
    let m = r.metadata;
    Article {
        title: m.title.map(|t| collapse(&t)).filter(|t| !t.is_empty()),
        authors: m.author.as_deref().map(split_authors).unwrap_or_default(),
        published: m.date.map(|d| d.format("%Y-%m-%d").to_string()),
        language: None,
        outlet: m.sitename.filter(|s| !s.trim().is_empty()),
        url: m.url.or_else(|| url.map(str::to_string)),
        text: paragraphs(&r.content_text),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One paragraph per non-blank line, separated by blank lines.
fn paragraphs(s: &str) -> String {
    s.lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn split_authors(s: &str) -> Vec<String> {
    s.split([';', '|'])
        .map(collapse)
        .filter(|a| !a.is_empty())
        .collect()
}

/// The host of a URL without `www.`, as a fallback outlet name.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim().to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}
