//! Page metadata from HTML: title, URL, outlet, language, and author clean-up.

use scraper::{ElementRef, Html, Selector};
use std::collections::HashSet;
use std::sync::LazyLock;

fn sel(s: &str) -> Selector {
    // The selectors below are constants; a typo is caught by the tests.
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("dyad-never-matches").unwrap())
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=canonical]"));
static HTML_EL: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));

/// What the page's head and headings say about it.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
}

/// Collapses whitespace and decodes the few entities that survive in JSON-LD strings.
pub fn clean(s: &str) -> String {
    let s = if s.contains('&') {
        decode_entities(s)
    } else {
        s.to_string()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = if let Some(num) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = ent.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                match ent {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some(' '),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn norm(s: &str) -> String {
    clean(s).to_lowercase()
}

/// Splits a page title at the separators sites put between headline and site name.
fn title_parts(t: &str) -> Vec<String> {
    static SEP: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\s+[|\-–—:»›•·/]\s+|\s*[|»›│]\s*|\s+::\s+").unwrap());
    SEP.split(t)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn text_of(e: ElementRef) -> String {
    clean(&e.text().collect::<String>())
}

/// Metadata of a parsed page.
pub fn page_meta(doc: &Html) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in doc.select(&META).take(500) {
        let v = m.value();
        let key = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .or_else(|| v.attr("itemprop"))
            .or_else(|| v.attr("http-equiv"));
        if let (Some(k), Some(c)) = (key, v.attr("content")) {
            let c = clean(c);
            if !c.is_empty() {
                metas.push((k.to_ascii_lowercase(), c));
            }
        }
    }
    let meta = |k: &str| {
        metas
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let ld = json_ld(doc);

    let site = meta("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta("application-name"));
    let page_title = doc.select(&TITLE).next().map(text_of).unwrap_or_default();
    let title = choose_title(
        &page_title,
        site.as_deref(),
        doc.select(&H1).take(5).map(text_of).collect(),
        [ld.headline.clone(), meta("og:title"), meta("twitter:title")],
    );

    let url = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_string)
        .or_else(|| meta("og:url").filter(|u| u.starts_with("http")));

    let language = doc
        .select(&HTML_EL)
        .next()
        .and_then(|h| {
            h.value()
                .attr("lang")
                .or_else(|| h.value().attr("xml:lang"))
        })
        .map(str::to_string)
        .or_else(|| meta("content-language"))
        .or_else(|| meta("og:locale"))
        .and_then(|l| {
            let code: String = l
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
                .to_ascii_lowercase();
            (code.len() == 2).then_some(code)
        });

    PageMeta {
        title,
        url,
        outlet: site.filter(|s| s.chars().count() <= 80),
        language,
    }
}

/// The headline: an `<h1>` that the page's own metadata confirms; else the metadata title
/// (JSON-LD headline, og:title, twitter:title) without a site-name part; else a lone `<h1>`;
/// else the longest part of `<title>` that is not the site name.
fn choose_title(
    page_title: &str,
    site: Option<&str>,
    h1s: Vec<String>,
    metas: [Option<String>; 3],
) -> Option<String> {
    let parts = title_parts(page_title);
    let mut site_like: HashSet<String> = HashSet::new();
    if let Some(s) = site {
        site_like.insert(norm(s));
    }
    if parts.len() > 1 {
        let longest = parts.iter().map(String::len).max().unwrap_or(0);
        for p in [&parts[0], &parts[parts.len() - 1]] {
            if p.len() < longest {
                site_like.insert(norm(p));
            }
        }
    }
    let h1s: Vec<String> = h1s
        .into_iter()
        .filter(|h| h.chars().count() > 3 && h.len() < 300 && !site_like.contains(&norm(h)))
        .collect();
    let known: Vec<String> = metas
        .iter()
        .flatten()
        .map(|m| norm(m))
        .chain(std::iter::once(norm(page_title)))
        .filter(|m| !m.is_empty())
        .collect();
    if let Some(h) = h1s
        .iter()
        .find(|h| known.iter().any(|m| m.contains(&norm(h))))
    {
        return Some(h.clone());
    }
    if h1s.len() == 1 {
        return Some(h1s[0].clone());
    }
    if let Some(m) = metas.iter().flatten().next() {
        let ps = title_parts(m);
        if ps.len() > 1 {
            let keep: Vec<&String> = ps
                .iter()
                .filter(|p| !site_like.contains(&norm(p)))
                .collect();
            let keep = if keep.is_empty() {
                ps.iter().collect()
            } else {
                keep
            };
            return keep.into_iter().max_by_key(|p| p.len()).cloned();
        }
        return Some(m.clone());
    }
    if let Some(h) = h1s.first() {
        return Some(h.clone());
    }
    let keep: Vec<&String> = parts
        .iter()
        .filter(|p| !site_like.contains(&norm(p)))
        .collect();
    let keep = if keep.is_empty() {
        parts.iter().collect()
    } else {
        keep
    };
    keep.into_iter().max_by_key(|p| p.len()).cloned()
}

#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
}

fn json_ld(doc: &Html) -> JsonLd {
    let mut out = JsonLd::default();
    for s in doc.select(&JSON_LD).take(20) {
        let raw: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        visit(&v, &mut out, 0);
    }
    out
}

fn visit(v: &serde_json::Value, out: &mut JsonLd, depth: usize) {
    use serde_json::Value;
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().take(50).for_each(|x| visit(x, out, depth + 1)),
        Value::Object(o) => {
            if out.headline.is_none() {
                if let Some(h) = o.get("headline").and_then(Value::as_str) {
                    let h = clean(h);
                    if !h.is_empty() {
                        out.headline = Some(h);
                    }
                }
            }
            if out.publisher.is_none() {
                if let Some(n) = o
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(Value::as_str)
                {
                    out.publisher = Some(clean(n)).filter(|s| !s.is_empty());
                }
            }
            if let Some(g) = o.get("@graph") {
                visit(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

static ITEMPROP_AUTHOR: LazyLock<Selector> =
    LazyLock::new(|| sel("[itemprop~=author], [rel~=author]"));
static BYLINE_EL: LazyLock<Selector> = LazyLock::new(|| {
    sel("[class*=author], [class*=byline], [id*=author], [id*=byline], [class*=Author], [class*=Byline]")
});
static NAME_EL: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=name]"));

/// The authors of a page: JSON-LD `author`, then author meta tags, then byline elements.
pub fn authors(doc: &Html) -> Vec<String> {
    let ld = json_ld_authors(doc);
    if !ld.is_empty() {
        return ld;
    }
    for m in doc.select(&META).take(500) {
        let v = m.value();
        let key = v
            .attr("name")
            .or_else(|| v.attr("property"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(
            key.as_str(),
            "author"
                | "article:author"
                | "parsely-author"
                | "sailthru.author"
                | "dc.creator"
                | "byl"
        ) {
            let got = v.attr("content").map(clean_authors).unwrap_or_default();
            if !got.is_empty() {
                return got;
            }
        }
    }
    for sel in [&*ITEMPROP_AUTHOR, &*BYLINE_EL] {
        for e in doc.select(sel).take(30) {
            let text = e
                .select(&NAME_EL)
                .next()
                .map(text_of)
                .unwrap_or_else(|| text_of(e));
            let got = clean_authors(&text);
            if got.iter().all(|n| plausible_name(n)) && !got.is_empty() {
                return got;
            }
        }
    }
    Vec::new()
}

/// A short string of words without digits or sentence punctuation.
fn plausible_name(n: &str) -> bool {
    let words = n.split_whitespace().count();
    (1..=4).contains(&words)
        && !n
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | ':' | '?' | '!' | '|' | '/'))
}

fn json_ld_authors(doc: &Html) -> Vec<String> {
    fn names(v: &serde_json::Value, out: &mut Vec<String>, depth: usize) {
        use serde_json::Value;
        if depth > 4 {
            return;
        }
        match v {
            Value::String(s) => out.extend(clean_authors(s)),
            Value::Array(a) => a.iter().take(10).for_each(|x| names(x, out, depth + 1)),
            Value::Object(o) => {
                if let Some(n) = o.get("name") {
                    names(n, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    fn find(v: &serde_json::Value, out: &mut Vec<String>, depth: usize) {
        use serde_json::Value;
        if depth > 6 || !out.is_empty() {
            return;
        }
        match v {
            Value::Array(a) => a.iter().take(50).for_each(|x| find(x, out, depth + 1)),
            Value::Object(o) => {
                if let Some(a) = o.get("author") {
                    names(a, out, 0);
                }
                if let Some(g) = o.get("@graph") {
                    find(g, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in doc.select(&JSON_LD).take(20) {
        let raw: String = s.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
            find(&v, &mut out, 0);
        }
        if !out.is_empty() {
            break;
        }
    }
    out.retain(|n| plausible_name(n));
    out
}

/// Cleans an author string as pages print it ("von Heiko", "By Anna Weller -", a name followed
/// by "Alle Artikel") into names.
pub fn clean_authors(raw: &str) -> Vec<String> {
    static PREFIX: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:written by|posted by|geschrieben von|verfasst von|autor(?:in)?:|author:|by|von|vom|from|par|por|di|door)\s+").unwrap()
    });
    let first = raw
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let s = clean(first);
    let s = PREFIX.replace(&s, "");
    let s = s.trim_matches(|c: char| c == '-' || c == '|' || c == ',' || c.is_whitespace());
    if s.is_empty() || s.starts_with("http") || s.chars().count() > 120 {
        return Vec::new();
    }
    static SPLIT: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\s*(?:;|,|&|\band\b|\bund\b)\s*").unwrap());
    SPLIT
        .split(s)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        page_meta(&Html::parse_document(html))
    }

    #[test]
    fn the_headline_is_the_confirmed_h1_not_the_site_name() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Xi arrives in Moscow for talks with Putin | Continental Review</title>
            <meta property="og:site_name" content="Continental Review">
            <meta property="og:url" content="https://continental.example/world/xi-moscow">
            </head><body><h1>Continental Review</h1><article><h1>Xi arrives in Moscow for talks with Putin</h1></article></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Xi arrives in Moscow for talks with Putin")
        );
        assert_eq!(m.outlet.as_deref(), Some("Continental Review"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://continental.example/world/xi-moscow")
        );
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn without_h1_the_metadata_title_loses_its_site_part() {
        let m = meta_of(
            r#"<html><head><title>Kuleba meets Wang Yi in Guangzhou - Harbour Daily</title>
            <meta property="og:title" content="Kuleba meets Wang Yi in Guangzhou - Harbour Daily">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "publisher":{"@type":"Organization","name":"Harbour Daily"}}</script>
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Kuleba meets Wang Yi in Guangzhou")
        );
        assert_eq!(m.outlet.as_deref(), Some("Harbour Daily"));
    }

    #[test]
    fn json_ld_headlines_are_decoded() {
        let m = meta_of(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Putin&#8217;s talks with Xi end with a joint statement"}]}</script></head><body></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Putin’s talks with Xi end with a joint statement")
        );
    }

    #[test]
    fn entities_next_to_multibyte_text_do_not_break() {
        assert_eq!(clean("& Hello》，凭借此专辑"), "& Hello》，凭借此专辑");
        assert_eq!(
            clean("A &amp; B &#x2013; C &bogus; D"),
            "A & B – C &bogus; D"
        );
    }

    #[test]
    fn author_strings_are_cleaned() {
        assert_eq!(clean_authors("von Heiko"), ["Heiko"]);
        assert_eq!(clean_authors("By Anna Weller -"), ["Anna Weller"]);
        assert_eq!(
            clean_authors("Johanna Kropfitsch \n\n Alle Artikel"),
            ["Johanna Kropfitsch"]
        );
        assert!(clean_authors("https://www.example.com/author/x").is_empty());
        assert_eq!(
            clean_authors("Anna Weller und Jonas Berg"),
            ["Anna Weller", "Jonas Berg"]
        );
    }

    #[test]
    fn authors_from_json_ld_meta_or_byline() {
        let ld = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Weller"},{"@type":"Person","name":"Jonas Berg"}]}</script>"#,
        );
        assert_eq!(authors(&ld), ["Anna Weller", "Jonas Berg"]);
        let m = Html::parse_document(r#"<meta name="author" content="By Claire Dumont"><p>x</p>"#);
        assert_eq!(authors(&m), ["Claire Dumont"]);
        let b = Html::parse_document(
            r#"<article><h1>Talks in Beijing</h1><div class="article-byline">von <a href="/a/jb">Jonas Berg</a></div><p>Text</p></article>"#,
        );
        assert_eq!(authors(&b), ["Jonas Berg"]);
        let none = Html::parse_document(
            r#"<div class="author-box">Read more articles about 2023 here</div>"#,
        );
        assert!(authors(&none).is_empty());
    }
}
