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
static H2: LazyLock<Selector> = LazyLock::new(|| sel("h2"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=canonical]"));
static HTML_EL: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type='application/ld+json']"));

/// What the page's head and headings say about it.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
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
                    "lsquo" => Some('‘'),
                    "rsquo" => Some('’'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "bdquo" => Some('„'),
                    "laquo" => Some('«'),
                    "raquo" => Some('»'),
                    "hellip" => Some('…'),
                    "shy" => Some('\u{ad}'),
                    _ => latin_entity(ent),
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

/// Named entities for accented Latin letters ("&oacute;", "&Uuml;", "&szlig;").
fn latin_entity(ent: &str) -> Option<char> {
    if ent == "szlig" {
        return Some('ß');
    }
    let mut cs = ent.chars();
    let base = cs.next()?;
    let accent = cs.as_str();
    const TABLE: &[(char, &str, char)] = &[
        ('a', "acute", 'á'),
        ('e', "acute", 'é'),
        ('i', "acute", 'í'),
        ('o', "acute", 'ó'),
        ('u', "acute", 'ú'),
        ('A', "acute", 'Á'),
        ('E', "acute", 'É'),
        ('I', "acute", 'Í'),
        ('O', "acute", 'Ó'),
        ('U', "acute", 'Ú'),
        ('a', "grave", 'à'),
        ('e', "grave", 'è'),
        ('i', "grave", 'ì'),
        ('o', "grave", 'ò'),
        ('u', "grave", 'ù'),
        ('A', "grave", 'À'),
        ('E', "grave", 'È'),
        ('a', "uml", 'ä'),
        ('e', "uml", 'ë'),
        ('i', "uml", 'ï'),
        ('o', "uml", 'ö'),
        ('u', "uml", 'ü'),
        ('A', "uml", 'Ä'),
        ('O', "uml", 'Ö'),
        ('U', "uml", 'Ü'),
        ('a', "circ", 'â'),
        ('e', "circ", 'ê'),
        ('i', "circ", 'î'),
        ('o', "circ", 'ô'),
        ('u', "circ", 'û'),
        ('n', "tilde", 'ñ'),
        ('N', "tilde", 'Ñ'),
        ('a', "tilde", 'ã'),
        ('o', "tilde", 'õ'),
        ('c', "cedil", 'ç'),
        ('C', "cedil", 'Ç'),
    ];
    TABLE
        .iter()
        .find(|(b, a, _)| *b == base && *a == accent)
        .map(|(_, _, c)| *c)
}

fn norm(s: &str) -> String {
    clean(s).to_lowercase()
}

fn text_of(e: ElementRef) -> String {
    clean(&e.text().collect::<String>())
}

/// Parts of a heading that are not the headline itself: kickers, overlines, dates, hidden
/// separators for screen readers.
fn is_kicker(e: &scraper::node::Element) -> bool {
    static KICKER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)kicker|overline|roofline|dachzeile|topline|toptitle|supertitle|super-title|subtitle|sub-title|subheadline|sub-headline|eyebrow|visually-?hidden|visuallyhidden|sr-only|screen-?reader|section|label|topic|rubri[ck]|category|spitzmarke|date|colon",
        )
        .unwrap()
    });
    if matches!(
        e.name(),
        "time" | "script" | "style" | "noscript" | "small" | "button" | "svg"
    ) {
        return true;
    }
    let attrs = [e.attr("class"), e.attr("id")];
    attrs.iter().flatten().any(|a| KICKER.is_match(a))
}

/// Headings hidden from view (for screen readers only): not the visible headline.
fn is_hidden(e: &scraper::node::Element) -> bool {
    static HIDDEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:^|[\s_-])(?:hidden|hide|sr-only|visually-?hidden|visuallyhidden|screen-?reader(?:-text)?|offscreen|invisible|hide-accessible|element-invisible)(?:$|[\s_-])",
        )
        .unwrap()
    });
    e.attr("hidden").is_some()
        || e.attr("class").is_some_and(|c| HIDDEN.is_match(c))
        || e.attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

/// A heading that holds the site's name or logo (WordPress `site-title`, a link home).
fn is_site_heading(h: ElementRef) -> bool {
    static SITE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:^|[\s_-])(?:site|blog)[-_]?(?:title|name|logo|branding)(?:$|\s)|logo|brand",
        )
        .unwrap()
    });
    static HOME: LazyLock<Selector> = LazyLock::new(|| sel("a[rel~=home]"));
    let v = h.value();
    [v.attr("class"), v.attr("id")]
        .iter()
        .flatten()
        .any(|a| SITE.is_match(a))
        || h.select(&HOME).next().is_some()
        || is_link_home(h)
        || is_domain_name(&text_of(h))
}

/// "example-blog.de": a heading that is a bare domain name names the site.
fn is_domain_name(s: &str) -> bool {
    static DOMAIN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$")
            .unwrap()
    });
    DOMAIN.is_match(s.trim())
}

/// A heading that is nothing but a link to the front page of a site (`/` or `https://host/`,
/// also inside an archive's wrapped URL): the site's name, as blog themes print it.
fn is_link_home(h: ElementRef) -> bool {
    static A: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));
    static ROOT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:^|https?://[^/\s]+)/?(?:index\.(?:html?|php))?$").unwrap()
    });
    let mut links = h.select(&A);
    let (Some(a), None) = (links.next(), links.next()) else {
        return false;
    };
    let href = a.value().attr("href").unwrap_or("").trim();
    !href.is_empty() && ROOT.is_match(href) && text_of(a) == text_of(h)
}

/// The text of a heading without its kicker parts; element boundaries become spaces.
fn heading_text(e: ElementRef) -> String {
    fn walk(e: ElementRef, out: &mut String, budget: &mut usize) {
        for c in e.children() {
            if *budget == 0 {
                return;
            }
            *budget -= 1;
            if let Some(t) = c.value().as_text() {
                out.push_str(t);
            } else if let Some(ce) = ElementRef::wrap(c) {
                if is_kicker(ce.value()) {
                    out.push(' ');
                    continue;
                }
                let inline = matches!(
                    ce.value().name(),
                    "a" | "em" | "i" | "b" | "strong" | "sup" | "sub" | "mark" | "abbr" | "u" | "q"
                );
                if !inline {
                    out.push(' ');
                }
                walk(ce, out, budget);
                if !inline {
                    out.push(' ');
                }
            }
        }
    }
    let mut s = String::new();
    let mut budget = 400;
    walk(e, &mut s, &mut budget);
    let t = clean(&s);
    if t.is_empty() {
        text_of(e)
    } else {
        t
    }
}

/// The direct parts of a heading (child elements and text runs), when it has several.
fn heading_pieces(e: ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    for c in e.children().take(20) {
        let t = if let Some(t) = c.value().as_text() {
            clean(t)
        } else if let Some(ce) = ElementRef::wrap(c) {
            text_of(ce)
        } else {
            continue;
        };
        if !t.is_empty() {
            out.push(t);
        }
    }
    if out.len() > 1 {
        out
    } else {
        Vec::new()
    }
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
    let scripts = json_ld_values(doc);
    let ld = json_ld(&scripts);

    let site = meta("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta("application-name"));

    let url = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_string)
        .or_else(|| meta("og:url").filter(|u| u.starts_with("http")));

    let page_title = doc.select(&TITLE).next().map(text_of).unwrap_or_default();
    let mut h1s = Vec::new();
    let mut logo_names = Vec::new();
    for h in doc.select(&H1).take(8) {
        if is_hidden(h.value()) {
            continue;
        }
        if is_site_heading(h) {
            logo_names.push(text_of(h));
            continue;
        }
        let text = heading_text(h);
        let pieces = heading_pieces(h);
        h1s.push(Heading { text, pieces });
    }
    let h2s: Vec<String> = doc.select(&H2).take(4).map(heading_text).collect();
    let mut sites: Vec<String> = [site.clone(), ld.publisher.clone(), meta("application-name")]
        .into_iter()
        .flatten()
        .collect();
    if let Some(h) = url.as_deref().and_then(host_of) {
        sites.push(h);
    }
    sites.extend(logo_names.into_iter().filter(|n| !n.is_empty()));
    let title = choose_title(&TitleInputs {
        page_title: &page_title,
        sites: &sites,
        h1s: &h1s,
        h2s: &h2s,
        metas: [ld.headline.clone(), meta("og:title"), meta("twitter:title")],
    })
    // A separator left dangling at an end ("National Rail Enquiries -") is not part of it.
    .map(|t| {
        static DANGLING: LazyLock<regex::Regex> =
            LazyLock::new(|| regex::Regex::new(r"^\s*[-|–—•·/]+\s+|\s+[-|–—:•·/]+\s*$").unwrap());
        DANGLING.replace_all(&t, "").trim().to_string()
    })
    .filter(|t| !t.is_empty());

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
        authors: authors_with(doc, &scripts),
        url,
        outlet: site.filter(|s| s.chars().count() <= 80),
        language,
    }
}

/// The host of a URL without `www.`.
/// The host of a URL without `www.` (also the fallback outlet name).
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim().to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

struct Heading {
    text: String,
    pieces: Vec<String>,
}

struct TitleInputs<'a> {
    page_title: &'a str,
    sites: &'a [String],
    h1s: &'a [Heading],
    h2s: &'a [String],
    metas: [Option<String>; 3],
}

/// Letters and digits only, lower-cased: "Tagesschau.de" and "tagesschau de" compare equal.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a title part names the site: its name, its host, or the host's main label.
fn names_site(part: &str, sites: &[String]) -> bool {
    let p = squash(part);
    if p.is_empty() {
        return true;
    }
    sites.iter().any(|s| {
        let q = squash(s);
        if q.is_empty() {
            return false;
        }
        if p == q {
            return true;
        }
        // A host: "harbour-daily.example" names "Harbour Daily".
        if s.contains('.') && !s.contains(' ') {
            let labels: Vec<&str> = s.split('.').collect();
            let main = labels
                .iter()
                .rev()
                .skip(1)
                .find(|l| l.len() > 3)
                .map(|l| squash(l))
                .unwrap_or_default();
            return main.len() > 3
                && (p == main || (p.contains(&main) && p.len() <= main.len() + 12));
        }
        p.len() > 3
            && q.len() > 3
            && (p.starts_with(&q) || q.starts_with(&p))
            && p.len().abs_diff(q.len()) <= 12
    })
}

/// Pieces of a title with their byte ranges, split at the separators sites use.
fn title_spans(t: &str) -> Vec<(usize, usize)> {
    static SEP: LazyLock<regex::Regex> = LazyLock::new(|| {
        // » and › quote in German and French ("»Wir bleiben«"): separators only between spaces.
        regex::Regex::new(r"\s+[|\-–—:»›•·/~]\s+|\s*[|│]\s*|\s+::\s+|\s*//\s*").unwrap()
    });
    let mut out = Vec::new();
    let mut last = 0;
    for m in SEP.find_iter(t).take(30) {
        if m.start() > last {
            out.push((last, m.start()));
        }
        last = m.end();
    }
    if last < t.len() {
        out.push((last, t.len()));
    }
    out.retain(|&(a, b)| !t[a..b].trim().is_empty());
    out
}

/// A title without the leading and trailing parts that `is_site` says name the site.
fn strip_site(t: &str, is_site: &dyn Fn(&str) -> bool) -> String {
    let spans = title_spans(t);
    if spans.len() < 2 {
        return t.trim().to_string();
    }
    let mut a = 0;
    let mut b = spans.len();
    while b - a > 1 && is_site(&t[spans[b - 1].0..spans[b - 1].1]) {
        b -= 1;
    }
    while b - a > 1 && is_site(&t[spans[a].0..spans[a].1]) {
        a += 1;
    }
    t[spans[a].0..spans[b - 1].1].trim().to_string()
}

/// The headline. In order: an `<h1>` (without kicker parts) that the page's metadata or
/// `<title>` confirms; a confirmed part of an `<h1>`; a confirmed early `<h2>` (pages whose
/// `<h1>` is the site logo); the metadata title that an `<h1>` ends with (a kicker in front);
/// an `<h1>` that the metadata contains; a lone `<h1>`; the metadata title (JSON-LD headline,
/// og:title, twitter:title) without its site-name parts; the first `<h1>`; the `<title>`
/// without its site-name parts.
fn choose_title(inp: &TitleInputs) -> Option<String> {
    let page_title = inp.page_title;
    let metas: Vec<&String> = inp.metas.iter().flatten().collect();
    // Parts the metadata titles drop from <title> name the site ("X | Site" vs og:title "X").
    let mut site_parts: Vec<String> = inp.sites.to_vec();
    let nt = norm(page_title);
    for m in &metas {
        let nm = norm(m);
        if nm.len() >= nt.len() || nm.is_empty() {
            continue;
        }
        if let Some(rest) = nt.strip_prefix(nm.as_str()) {
            site_parts.extend(
                title_spans(rest)
                    .iter()
                    .map(|&(a, b)| rest[a..b].to_string()),
            );
        } else if let Some(rest) = nt.strip_suffix(nm.as_str()) {
            site_parts.extend(
                title_spans(rest)
                    .iter()
                    .map(|&(a, b)| rest[a..b].to_string()),
            );
        }
    }
    let strong = |p: &str| names_site(p, &site_parts);
    // Weak: the first or last part of <title> when shorter than the longest part.
    let spans = title_spans(page_title);
    let mut weak: HashSet<String> = HashSet::new();
    if spans.len() > 1 {
        let longest = spans.iter().map(|(a, b)| b - a).max().unwrap_or(0);
        for &(a, b) in [&spans[0], &spans[spans.len() - 1]] {
            if b - a < longest {
                weak.insert(norm(&page_title[a..b]));
            }
        }
    }
    let any_site = |p: &str| strong(p) || weak.contains(&norm(p));

    // What the metadata confirms.
    let mut confirmed: HashSet<String> = HashSet::new();
    let mut whole: Vec<String> = Vec::new();
    for t in metas
        .iter()
        .map(|m| m.as_str())
        .chain(std::iter::once(page_title))
    {
        if t.is_empty() {
            continue;
        }
        confirmed.insert(norm(t));
        let s = strip_site(t, &strong);
        confirmed.insert(norm(&s));
        whole.push(s);
        for &(a, b) in title_spans(t).iter().take(8) {
            let p = &t[a..b];
            if !strong(p) && p.chars().count() > 3 {
                confirmed.insert(norm(p));
            }
        }
    }
    let usable = |h: &str| {
        let n = h.chars().count();
        n > 3 && h.len() < 400 && !strong(h)
    };
    let is_confirmed = |h: &str| usable(h) && confirmed.contains(&norm(h));

    // An <h1> equal to a whole metadata title beats one equal to a part of <title>.
    let whole_norm: HashSet<String> = whole.iter().map(|w| norm(w)).collect();
    if let Some(h) = inp
        .h1s
        .iter()
        .filter(|h| usable(&h.text))
        .find(|h| whole_norm.contains(&norm(&h.text)))
    {
        return Some(h.text.clone());
    }
    // Several confirmed <h1>s (site section, category, headline): the headline is the longest.
    if let Some(h) = inp
        .h1s
        .iter()
        .filter(|h| is_confirmed(&h.text))
        .max_by_key(|h| h.text.chars().count())
    {
        return Some(h.text.clone());
    }
    for h in inp.h1s {
        if let Some(p) = h
            .pieces
            .iter()
            .filter(|p| is_confirmed(p))
            .max_by_key(|p| p.len())
        {
            return Some(p.clone());
        }
    }
    for h in inp.h2s {
        let n = norm(h);
        if usable(h) && !any_site(h) && whole.iter().any(|w| norm(w) == n) {
            return Some(h.clone());
        }
    }
    // An <h1> that ends with a metadata title: a kicker in front of it.
    for h in inp.h1s {
        let nh = norm(&h.text);
        for w in &whole {
            let nw = norm(w);
            if nw.split_whitespace().count() >= 2
                && nw.len() < nh.len()
                && nh.ends_with(&nw)
                && nh[..nh.len() - nw.len()]
                    .trim_end()
                    .ends_with(|c: char| c.is_alphanumeric())
            {
                return Some(w.clone());
            }
        }
    }
    let h1s: Vec<&String> = inp
        .h1s
        .iter()
        .map(|h| &h.text)
        .filter(|h| usable(h) && !weak.contains(&norm(h)))
        .collect();
    let known: Vec<String> = metas
        .iter()
        .map(|m| norm(m))
        .chain(std::iter::once(nt.clone()))
        .filter(|m| !m.is_empty())
        .collect();
    if let Some(h) = h1s
        .iter()
        .find(|h| known.iter().any(|m| m.contains(&norm(h))))
    {
        return Some((*h).clone());
    }
    // One headline, possibly printed twice (mobile and desktop layouts).
    if let Some(first) = h1s.first() {
        if h1s.iter().all(|h| norm(h) == norm(first)) {
            return Some((*first).clone());
        }
    }
    if let Some(m) = metas.first() {
        // Only site-name parts at the ends go: a separator inside a headline stays.
        return Some(strip_site(m, &any_site));
    }
    if let Some(h) = h1s.first() {
        return Some((*h).clone());
    }
    let s = longest_part(page_title, &any_site);
    (!s.is_empty()).then_some(s)
}

/// The longest part of a title that does not name the site (the whole title if all do).
fn longest_part(t: &str, is_site: &dyn Fn(&str) -> bool) -> String {
    let spans = title_spans(t);
    spans
        .iter()
        .map(|&(a, b)| t[a..b].trim())
        .filter(|p| !is_site(p))
        .max_by_key(|p| p.len())
        .or_else(|| {
            spans
                .iter()
                .map(|&(a, b)| t[a..b].trim())
                .max_by_key(|p| p.len())
        })
        .unwrap_or(t.trim())
        .to_string()
}

#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
}

/// The page's JSON-LD scripts, parsed once (the first 20; unparsable ones skipped).
fn json_ld_values(doc: &Html) -> Vec<serde_json::Value> {
    doc.select(&JSON_LD)
        .take(20)
        .filter_map(|s| serde_json::from_str(s.text().collect::<String>().trim()).ok())
        .collect()
}

fn json_ld(scripts: &[serde_json::Value]) -> JsonLd {
    let mut out = JsonLd::default();
    for v in scripts {
        visit(v, &mut out, 0);
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
    sel("[class*=author], [class*=byline], [id*=author], [id*=byline], [class*=Author], [class*=Byline], [class*=autor], [class*=Autor], [class*=verfasser], [class*=writer]")
});
static NAME_EL: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop=name]"));
static SITE_NAME_META: LazyLock<Selector> = LazyLock::new(|| {
    sel("meta[property='og:site_name'], meta[name='application-name'], meta[property='og:url'], link[rel~=canonical]")
});

/// The authors of a page: JSON-LD `author`, then author meta tags, then byline elements.
/// Names that are the site's own name (publisher, host) or placeholders are passed over.
pub fn authors(doc: &Html) -> Vec<String> {
    authors_with(doc, &json_ld_values(doc))
}

fn authors_with(doc: &Html, scripts: &[serde_json::Value]) -> Vec<String> {
    let mut sites: Vec<String> = Vec::new();
    for m in doc.select(&SITE_NAME_META).take(10) {
        let v = m.value();
        let val = v.attr("content").or_else(|| v.attr("href")).unwrap_or("");
        if val.starts_with("http") {
            sites.extend(host_of(val));
        } else if !val.trim().is_empty() {
            sites.push(clean(val));
        }
    }
    // A name that is also the site's name is kept only when no source gives another one
    // (personal blogs sign with the blog's name).
    let fallback: std::cell::RefCell<Vec<String>> = std::cell::RefCell::new(Vec::new());
    let good = |names: Vec<String>| -> Vec<String> {
        let names: Vec<String> = names.into_iter().filter(|n| plausible_name(n)).collect();
        let (site_like, rest): (Vec<String>, Vec<String>) =
            names.into_iter().partition(|n| names_site(n, &sites));
        let mut fb = fallback.borrow_mut();
        if fb.is_empty() {
            *fb = site_like;
        }
        rest
    };
    let ld = good(json_ld_authors(scripts));
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
            let got = good(v.attr("content").map(clean_authors).unwrap_or_default());
            if !got.is_empty() {
                return got;
            }
        }
    }
    for sel in [&*ITEMPROP_AUTHOR, &*BYLINE_EL] {
        for e in doc.select(sel).take(30) {
            if in_form_or_comments(e) {
                continue;
            }
            let text = e
                .select(&NAME_EL)
                .next()
                .map(|n| match n.value().attr("content") {
                    Some(c) => clean(c),
                    None => text_of(n),
                })
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| byline_text(e));
            let got = clean_authors(&text);
            if got.is_empty() || !got.iter().all(|n| plausible_name(n)) {
                continue;
            }
            let got = good(got);
            if !got.is_empty() {
                return got;
            }
        }
    }
    fallback.into_inner()
}

/// The text of a byline element with line breaks where its blocks end, so that "Alle Artikel"
/// or a date in a following block is not read as part of the name.
fn byline_text(e: ElementRef) -> String {
    let mut out = String::new();
    for d in e.descendants().take(300) {
        if let Some(t) = d.value().as_text() {
            out.push_str(t);
        } else if let Some(el) = d.value().as_element() {
            if matches!(
                el.name(),
                "br" | "p" | "div" | "li" | "time" | "ul" | "section"
            ) {
                out.push('\n');
            }
        }
    }
    out
}

/// Comment forms ("Name (required)") and comment threads have author fields too.
fn in_form_or_comments(e: ElementRef) -> bool {
    if matches!(
        e.value().name(),
        "input" | "label" | "form" | "textarea" | "meta" | "link"
    ) {
        return true;
    }
    std::iter::once(e)
        .chain(e.ancestors().take(12).filter_map(ElementRef::wrap))
        .any(|a| {
            let v = a.value();
            v.name() == "form"
                || [v.attr("class"), v.attr("id")]
                    .iter()
                    .flatten()
                    .flat_map(|c| c.split_whitespace())
                    .any(|t| {
                        let t = t.to_ascii_lowercase();
                        t.contains("comment")
                            && !["open", "count", "link", "number", "closed", "status"]
                                .iter()
                                .any(|x| t.contains(x))
                    })
        })
}

/// A short string of words without digits or sentence punctuation, and not a placeholder.
fn plausible_name(n: &str) -> bool {
    let words = n.split_whitespace().count();
    let lower = n.to_lowercase();
    (1..=5).contains(&words)
        && n.chars().any(char::is_alphabetic)
        && !n.chars().any(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '@' | ':'
                        | '?'
                        | '!'
                        | '|'
                        | '*'
                        | '('
                        | ')'
                        | '→'
                        | '<'
                        | '>'
                        | '{'
                        | '}'
                        | '='
                )
        })
        && !lower.contains("[at]")
        && !lower.contains("www.")
        && !lower.contains(".com/")
        && !matches!(
            lower.as_str(),
            "admin"
                | "administrator"
                | "wordpressadmin"
                | "no author"
                | "unknown"
                | "anonymous"
                | "follow"
                | "posted"
                | "by"
                | "von"
                | "por"
                | "par"
                | "autor"
                | "author"
                | "name"
                | "gast"
                | "guest"
                | "alle beiträge"
                | "alle artikel"
                | "mehr"
                | "more"
                | "gesponserte inhalte"
                | "sponsored"
                | "share"
                | "teilen"
                | "kommentare"
                | "comments"
        )
        && !lower.starts_with("archiv")
        && !lower.starts_with("publi")
        && !lower.starts_with("veröffentlicht")
}

fn json_ld_authors(scripts: &[serde_json::Value]) -> Vec<String> {
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
    for v in scripts {
        find(v, &mut out, 0);
        if !out.is_empty() {
            break;
        }
    }
    out.retain(|n| plausible_name(n));
    out
}

/// Cleans an author string as pages print it ("von Heiko", "By Anna Weller -", a name followed
/// by "Alle Artikel", "Text: Anna Weller | Updated ...", "Veröffentlicht von X am 3. Mai") into names.
pub fn clean_authors(raw: &str) -> Vec<String> {
    static PREFIX: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:(?:view |see |zeige )?(?:all |alle )?(?:posts|articles|stories|beiträge|artikel|einträge) (?:by|von)|more (?:from|by)|mehr von|written by|posted by|published by|geschrieben von|verfasst von|veröffentlicht von|eingestellt von|erstellt von|gepostet von|publié par|écrit par|publicado por|escrito por|scritto da|pubblicato da|geschreven door|text und fotos?|texte?|fotos?|autor(?:in|en)?|author|auteur|von|vom|by|from|par|por|di|da|door)(?:\s*:\s*|\s+|$)").unwrap()
    });
    static GLUED: LazyLock<regex::Regex> = LazyLock::new(|| {
        // "AuthorAnna Weller": a label glued to the name by markup.
        regex::Regex::new(r"^(?:Author|Autor|Autorin|Von|By|Verfasst von|Veröffentlicht von|Geschrieben von)(\p{Lu})").unwrap()
    });
    static TAIL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)\s+(?:[|•·—–]|-\s|am\s+\d|on\s+\d|le\s+\d|el\s+\d|alle\s+(?:artikel|beiträge)|mehr\s+(?:artikel|von|vom)|all\s+(?:posts|articles)|more\s+(?:from|by)|updated|aktualisiert|published|veröffentlicht|publié|posted\s+on|\d{1,2}[./]\s*\d{1,2}[./]|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d\d-\d\d|\(\d).*$").unwrap()
    });
    let first = raw
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let s = clean(first);
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut s = GLUED.replace(s, "$1").to_string();
    for _ in 0..2 {
        let t = PREFIX.replace(&s, "").to_string();
        s = t
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
    }
    let s = TAIL.replace(&s, "");
    let s = s.trim_matches(|c: char| {
        matches!(
            c,
            '-' | '|' | ',' | '—' | '–' | '~' | '\'' | '"' | '/' | '·' | '•'
        ) || c.is_whitespace()
    });
    if s.is_empty() || s.starts_with("http") || s.chars().count() > 120 {
        return Vec::new();
    }
    static SPLIT: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b)\s*").unwrap()
    });
    SPLIT
        .split(s)
        .map(|n| {
            n.trim_matches(|c: char| {
                matches!(c, '\'' | '"' | '“' | '”' | '‘' | '’' | '-' | '–') || c.is_whitespace()
            })
        })
        .filter(|n| !n.is_empty())
        .map(|n| strip_dateline(n).to_string())
        .collect()
}

/// "Liang Qiao in Beijing": the place a reporter files from is not part of the name.
fn strip_dateline(name: &str) -> &str {
    static IN_PLACE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^(\p{Lu}[\p{L}'’.\-]*(?:\s+\p{L}[\p{L}'’.\-]*){1,3})\s+(?:in|aus|en|à|a|em|w|z)\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?$").unwrap()
    });
    IN_PLACE
        .captures(name)
        .and_then(|c| c.get(1))
        .map_or(name, |m| m.as_str())
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
    fn a_heading_that_only_links_home_is_the_site_name() {
        let m = meta_of(
            r#"<html><head><title>Talks in Samarkand | Steppe Notes</title></head><body>
            <h1><a href="https://steppe-notes.example/">Steppe Notes</a></h1>
            <h1 class="entry-title">Talks in Samarkand</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks in Samarkand"));
        let only_logo = meta_of(
            r#"<html><head><title>What the SCO summit decided | Steppe Notes</title></head><body>
            <h1><a href="/">Steppe Notes</a></h1><p>Text</p></body></html>"#,
        );
        assert_eq!(
            only_logo.title.as_deref(),
            Some("What the SCO summit decided")
        );
        let article_link = meta_of(
            r#"<html><head><title>Steppe Notes</title></head><body>
            <h1><a href="/2022/09/16/talks-in-samarkand">Talks in Samarkand</a></h1></body></html>"#,
        );
        assert_eq!(article_link.title.as_deref(), Some("Talks in Samarkand"));
        let domain = meta_of(
            r#"<html><head><title>Pipeline diplomacy explained</title></head><body>
            <h1>steppe-notes.example</h1><p>Text</p></body></html>"#,
        );
        assert_eq!(
            domain.title.as_deref(),
            Some("Pipeline diplomacy explained")
        );
    }

    #[test]
    fn separators_inside_a_metadata_headline_stay() {
        let m = meta_of(
            r#"<html><head><title>Snow, wind and ice – winter on the Amur - Steppe Notes</title>
            <meta property="og:title" content="Snow, wind and ice – winter on the Amur"></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Snow, wind and ice – winter on the Amur")
        );
    }

    #[test]
    fn dangling_separators_are_trimmed() {
        let m =
            meta_of("<html><head><title>Steppe Notes -</title></head><body><p>x</p></body></html>");
        assert_eq!(m.title.as_deref(), Some("Steppe Notes"));
        let q = meta_of(
            "<html><head><title>»Wir bleiben im Gespräch«</title></head><body></body></html>",
        );
        assert_eq!(q.title.as_deref(), Some("»Wir bleiben im Gespräch«"));
    }

    #[test]
    fn hosts_make_fallback_outlets() {
        assert_eq!(
            host_of("https://www.harbour.example/world/x?y=1").as_deref(),
            Some("harbour.example")
        );
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn a_headline_printed_twice_is_still_the_lone_headline() {
        let m = meta_of(
            r#"<html><head><title>Run it anywhere - Gadget Review</title>
            <meta property="og:title" content="Run it anywhere - Gadget Review"></head><body>
            <h1 class="mobile">Pipeline launch, explained</h1><h1 class="desktop">Pipeline launch, explained</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Pipeline launch, explained"));
    }

    #[test]
    fn datelines_are_not_names() {
        assert_eq!(clean_authors("By Liang Qiao in Beijing"), ["Liang Qiao"]);
        assert_eq!(clean_authors("Von Anna Weller aus Berlin"), ["Anna Weller"]);
        assert_eq!(clean_authors("Maria in Kiew"), ["Maria in Kiew"]);
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

    #[test]
    fn kickers_and_hidden_or_logo_headings_are_skipped() {
        let m = meta_of(
            r#"<html><head><title>Harbour vote: Council backs new quay | Harbour Daily</title></head><body>
            <h1 class="site-title"><a href="/" rel="home">Harbour Daily</a></h1>
            <h1 class="visually-hidden">Navigation</h1>
            <article><h1><span class="kicker">Harbour vote</span><span class="sr-only">: </span>
            <span class="headline">Council backs new quay</span></h1></article></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council backs new quay"));
    }

    #[test]
    fn a_confirmed_h2_beats_an_unconfirmed_h1_and_site_parts_go() {
        let m = meta_of(
            r#"<html><head><title>Quay plans – a new start | Harbour Blog</title>
            <meta property="og:title" content="Quay plans – a new start"></head><body>
            <h1>Harbour Blog</h1><h2>Quay plans – a new start</h2><p>x</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Quay plans – a new start"));
    }

    #[test]
    fn byline_labels_dates_and_comment_forms() {
        assert_eq!(
            clean_authors("Veröffentlicht von Anna Weller am 3. Mai 2021"),
            ["Anna Weller"]
        );
        assert_eq!(
            clean_authors("Text: Jonas Berg | Updated 12:30"),
            ["Jonas Berg"]
        );
        assert_eq!(clean_authors("AuthorClaire Dumont"), ["Claire Dumont"]);
        assert_eq!(
            clean_authors("View all posts by Claire Dumont"),
            ["Claire Dumont"]
        );
        assert_eq!(
            clean_authors("Par Claire Dumont et Jonas Berg"),
            ["Claire Dumont", "Jonas Berg"]
        );
        let f = Html::parse_document(
            r#"<form id="commentform"><label for="author">Name (required)</label><input id="author"></form>
            <div class="post-author">von Jonas Berg</div>"#,
        );
        assert_eq!(authors(&f), ["Jonas Berg"]);
        let s = Html::parse_document(
            r#"<meta property="og:site_name" content="Harbour Daily"><meta name="author" content="Harbour Daily">
            <span class="byline">By Anna Weller</span>"#,
        );
        assert_eq!(authors(&s), ["Anna Weller"]);
        let blog = Html::parse_document(
            r#"<meta property="og:site_name" content="Anna's Kitchen"><meta name="author" content="Anna's Kitchen">"#,
        );
        assert_eq!(authors(&blog), ["Anna's Kitchen"]);
        assert_eq!(clean("Redacci&oacute;n &Uuml;ber"), "Redacción Über");
    }
}
