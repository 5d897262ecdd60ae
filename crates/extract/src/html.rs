//! HTML pages: body and metadata.

use crate::{meta, pubdate, Article, Options};

/// Extracts the article of an HTML page. `url` is the page's address when the input gave one.
pub fn extract_html(html: &str, url: Option<&str>, opts: &Options) -> Article {
    let doc = scraper::Html::parse_document(html);
    let pm = meta::page_meta(&doc);
    let page_url = pm.url.clone().or_else(|| url.map(str::to_string));
    let topts = rs_trafilatura::Options {
        include_comments: false,
        include_tables: true,
        include_images: false,
        include_links: false,
        use_fallback_extraction: true,
        // Its own cap truncates inside multi-byte characters and panics; we cap nothing here.
        max_extracted_len: usize::MAX,
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    let (text, m) = match rs_trafilatura::extract_with_options(html, &topts) {
        Ok(r) => (paragraphs(&r.content_text), r.metadata),
        Err(_) => (String::new(), rs_trafilatura::Metadata::default()),
    };
    Article {
        title: pm
            .title
            .or_else(|| m.title.map(|t| collapse(&t)))
            .filter(|t| !t.is_empty()),
        authors: m
            .author
            .as_deref()
            .map(meta::clean_authors)
            .unwrap_or_default(),
        published: pubdate::published_date(&doc, page_url.as_deref(), opts.today)
            .map(|p| p.date.to_string()),
        language: pm.language,
        outlet: pm.outlet.or(m.sitename.filter(|s| !s.trim().is_empty())),
        url: pm.url.or(m.url).or_else(|| url.map(str::to_string)),
        text,
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

/// The host of a URL without `www.`, as a fallback outlet name.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim().to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Approximate deepest element nesting, from a scan of the tags (no parsing); stops counting
/// once `stop_at` is reached. Void and self-closed elements do not nest.
pub fn max_depth(html: &str, stop_at: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let Some(&c) = b.get(i) else { break };
        if c == b'/' {
            depth = depth.saturating_sub(1);
            continue;
        }
        if !c.is_ascii_alphabetic() {
            continue;
        }
        let name_end = b[i..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |p| i + p);
        let name = html[i..name_end].to_ascii_lowercase();
        let tag_end = b[name_end..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |p| name_end + p);
        let self_closed = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
        if !VOID.contains(&name.as_str()) && !self_closed {
            depth += 1;
            max = max.max(depth);
            if max >= stop_at {
                return max;
            }
        }
        i = name_end;
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_is_measured_cheaply() {
        assert_eq!(
            max_depth(
                "<html><body><p>Xi<br>met <img src=x/>Putin</p></body></html>",
                100
            ),
            3
        );
        let deep = "<div>".repeat(100_000);
        let t = std::time::Instant::now();
        assert_eq!(max_depth(&deep, 2001), 2001);
        assert!(t.elapsed().as_secs() < 5);
        assert_eq!(max_depth("a < b and <3 hearts", 10), 0);
    }

    #[test]
    fn hosts_make_fallback_outlets() {
        assert_eq!(
            host_of("https://www.harbour.example/world/x?y=1").as_deref(),
            Some("harbour.example")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
