//! Article-body extraction from HTML pages.
//!
//! Pipeline: parse (with a nesting-depth guard) -> compact arena DOM -> prune
//! boilerplate subtrees (tags, class/id/role patterns) -> find the main container
//! (prioritised selectors, then a readability-style density score) -> linearise into
//! text blocks -> drop link-heavy / boilerplate / meta blocks, cut at tail markers.

mod blocks;
mod dom;
mod patterns;

use blocks::{Block, FilterOpts};
pub use dom::flatten_if_deep;
use dom::Dom;

/// Extracted main text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// Paragraphs separated by "\n\n", whitespace collapsed inside paragraphs.
    pub text: String,
    /// Main-heading guess (h1 / og:title / <title>).
    pub title: Option<String>,
}

/// Extracts the article body of a parsed page. Parse the output of [`flatten_if_deep`] when
/// it gives one. Never panics on malformed input.
pub fn extract_body(doc: &scraper::Html) -> Body {
    let mut d = dom::from_doc(doc);
    if d.nodes.len() <= 1 {
        return Body::default();
    }
    prune(&mut d, true);
    let title = guess_title(&d);
    let mut blocks = choose(&d).0;
    let len: usize = blocks.iter().map(|b| b.len).sum();
    if len < 250 {
        // Second chance: class/id rules may have removed the content wrapper.
        for n in d.nodes.iter_mut() {
            n.pruned = false;
        }
        prune(&mut d, false);
        let b2 = choose(&d).0;
        let len2: usize = b2.iter().map(|b| b.len).sum();
        if len2 > 2 * len + 50 {
            blocks = b2;
        }
    }
    Body {
        text: blocks::join(&blocks),
        title,
    }
}

// ---------------------------------------------------------------- pruning

/// Tags removed with their subtree (structural boilerplate).
const PRUNE_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "menu",
    "label",
    "legend",
    "fieldset",
    "figcaption",
    "figure",
];
const PRUNE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

fn prune(d: &mut Dom, strict: bool) {
    d.compute_lengths();
    let total = d.nodes[d.body].text_len.max(1);
    // "prose": text of paragraphs that look like running text, summed per subtree
    let mut prose = vec![0usize; d.nodes.len()];
    for i in (1..d.nodes.len()).rev() {
        let n = &d.nodes[i];
        if n.tag == "p" && n.text_len >= 80 && n.link_len * 4 < n.text_len {
            prose[i] += n.text_len;
        }
        let p = n.parent;
        prose[p] += prose[i];
    }
    let total_prose = prose[d.body];
    #[allow(clippy::needless_range_loop)]
    for i in 1..d.nodes.len() {
        let p = d.nodes[i].parent;
        if d.nodes[p].pruned {
            d.nodes[i].pruned = true;
            continue;
        }
        let n = &d.nodes[i];
        if n.is_text() {
            continue;
        }
        let tag = n.tag.as_str();
        if matches!(tag, "html" | "body" | "main") {
            continue;
        }
        let frac = n.text_len as f64 / total as f64;
        let content = patterns::is_content_sig(&n.sig)
            || n.itemprop == "articlebody"
            || (total_prose >= 400 && prose[i] * 2 > total_prose);
        let prune = if PRUNE_TAGS.contains(&tag) {
            frac < 0.6 && !content
        } else if tag == "form" {
            frac < 0.4 && !content
        } else if tag == "time" {
            n.text_len < 60
        } else if PRUNE_ROLES.contains(&n.role.as_str()) {
            frac < 0.6 && !content
        } else if patterns::is_comment_sig(&n.sig) && !content {
            true
        } else {
            strict && patterns::is_boiler_sig(&n.sig) && !content && frac < 0.6
        };
        if prune {
            d.nodes[i].pruned = true;
        }
    }
    d.compute_lengths();
}

// ---------------------------------------------------------------- candidates

fn is_container(tag: &str) -> bool {
    matches!(tag, "article" | "div" | "main" | "section")
}

fn group_of(n: &dom::Node) -> Option<u8> {
    let tag = n.tag.as_str();
    if n.itemprop == "articlebody" {
        return Some(1);
    }
    if !(is_container(tag) || tag == "td" || tag == "span") {
        return None;
    }
    let sig = n.sig.as_str();
    let toks = || sig.split_whitespace();
    if is_container(tag) && toks().any(|t| g1().is_match(t)) {
        return Some(1);
    }
    if tag == "article" {
        return Some(2);
    }
    if !is_container(tag) {
        return None;
    }
    if n.role == "article" || toks().any(|t| g3().is_match(t)) {
        return Some(3);
    }
    if toks().any(|t| g4().is_match(t)) {
        return Some(4);
    }
    if tag == "main" || n.role == "main" || toks().any(|t| t.starts_with("main")) {
        return Some(5);
    }
    None
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        fn $name() -> &'static regex::Regex {
            static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
            R.get_or_init(|| regex::Regex::new($pat).expect("valid regex"))
        }
    };
}
re!(
    g1,
    r"post-?text|post_text|post-?body|post-?entry|postentry|post-?content|post_content|article-?text|articletext|entry-?content|article-?content|article__content|article-?body|article__body|articlebody|article_body|articlecontent|page-?content|text-?content|body-?text|article__container|art-?content|story-?body|story-?text|storytext|news-?text|newstext|news-?body|news-?content|beitrag-?text|artikel-?text|content-?text|richtext|rich-text|single-?post-?content|blog-?post-?content"
);
re!(
    g3,
    r"^(post-bodycopy|storycontent|story-content|postarea|art-postcontent|theme-content|blog-content|section-content|single-content|single-post|main-column|wpb_text_column|field-body|field-name-body|fulltext|text|article|story|primary|entry|post|blogpost|blog-post|hentry|article-main|articlemain|main-article)$"
);
re!(
    g4,
    r"content-?main|content_main|content-?body|contentbody|content__body|main-?content|maincontent|main_content|^content$|^contents$|^inhalt$|^page$|^contentarea$|^content-?area$|^site-?content$"
);

struct Cand {
    blocks: Vec<Block>,
    len: usize,
    prose: usize,
    group: u8,
}

fn extract_from(d: &Dom, roots: &[usize], opts: FilterOpts, group: u8) -> Cand {
    // remembered for `debug_stages` only (a few indices, cheap)
    let mut all = Vec::new();
    for &r in roots {
        all.extend(blocks::linearize(d, r));
    }
    let kept = blocks::filter(all, opts);
    let len = kept.iter().map(|b| b.len).sum();
    let prose = kept.iter().filter(|b| b.len >= 80).map(|b| b.len).sum();
    Cand {
        blocks: kept,
        len,
        prose,
        group,
    }
}

/// Minimum share of the page's running text a container must hold.
const COVER: f64 = 0.6;

fn choose(d: &Dom) -> (Vec<Block>, String) {
    let opts = FilterOpts { keep_h1: false };
    let whole = extract_from(d, &[d.body], opts, 11);
    let ok = |c: &Cand| {
        if whole.prose >= 300 {
            c.prose as f64 >= COVER * whole.prose as f64 && c.len >= 150
        } else {
            c.len as f64 >= COVER * whole.len as f64 && c.len > 0
        }
    };
    // collect selector matches per group
    let mut groups: [Vec<usize>; 6] = Default::default();
    for (i, n) in d.nodes.iter().enumerate() {
        if n.pruned || n.is_text() || n.text_len < 50 {
            continue;
        }
        if let Some(g) = group_of(n) {
            groups[g as usize].push(i);
        }
    }
    for g in 1..=5u8 {
        let ms = &groups[g as usize];
        if ms.is_empty() {
            continue;
        }
        // outermost matches
        let outer: Vec<usize> = ms
            .iter()
            .copied()
            .filter(|&m| !ms.iter().any(|&o| o != m && d.contains(o, m)))
            .collect();
        let best = *outer
            .iter()
            .max_by_key(|&&m| d.nodes[m].text_len)
            .unwrap_or(&outer[0]);
        let roots: Vec<usize> = if g == 1 {
            let bl = d.nodes[best].text_len;
            outer
                .iter()
                .copied()
                .filter(|&m| m == best || d.nodes[m].text_len * 3 >= bl)
                .collect()
        } else {
            vec![best]
        };
        let c = extract_from(d, &roots, opts, g);
        if ok(&c) {
            return fin(c);
        }
    }
    if let Some(mut r) = readability(d) {
        let mut step = 0u8;
        loop {
            let c = extract_from(d, &[r], opts, 6 + step.min(3));
            if ok(&c) {
                return fin(c);
            }
            if r == d.body || r == 0 || step > 6 {
                break;
            }
            r = d.nodes[r].parent;
            step += 1;
        }
    }
    fin(whole)
}

fn fin(c: Cand) -> (Vec<Block>, String) {
    (
        c.blocks,
        format!("g{} len{} prose{}", c.group, c.len, c.prose),
    )
}

/// Readability-style container: paragraph scores propagated to ancestors.
fn readability(d: &Dom) -> Option<usize> {
    let mut score = vec![0f64; d.nodes.len()];
    for n in d.nodes.iter() {
        if n.pruned || n.is_text() {
            continue;
        }
        let is_para = matches!(n.tag.as_str(), "p" | "pre" | "blockquote" | "td" | "dd")
            || (matches!(n.tag.as_str(), "div" | "section" | "article")
                && n.children
                    .iter()
                    .any(|&c| d.nodes[c].is_text() && d.nodes[c].text_len >= 25));
        if !is_para || n.text_len < 25 {
            continue;
        }
        let own: usize = if n.tag == "div" || n.tag == "section" || n.tag == "article" {
            n.children
                .iter()
                .filter(|&&c| d.nodes[c].is_text())
                .map(|&c| d.nodes[c].text_len)
                .sum()
        } else {
            n.text_len
        };
        if own < 25 {
            continue;
        }
        let ld = if n.text_len > 0 {
            n.link_len as f64 / n.text_len as f64
        } else {
            0.0
        };
        let s = (1.0 + (own as f64 / 100.0).min(3.0)) * (1.0 - ld);
        let mut a = n.parent;
        for k in 1..=3 {
            if a == 0 {
                break;
            }
            score[a] += s / k as f64;
            a = d.nodes[a].parent;
        }
    }
    let mut best = None;
    let mut bs = 0.0;
    for (i, &s) in score.iter().enumerate() {
        if s <= 0.0 {
            continue;
        }
        let n = &d.nodes[i];
        let ld = if n.text_len > 0 {
            n.link_len as f64 / n.text_len as f64
        } else {
            0.0
        };
        let v = s * (1.0 - ld);
        if v > bs {
            bs = v;
            best = Some(i);
        }
    }
    best
}

// ---------------------------------------------------------------- title

fn guess_title(d: &Dom) -> Option<String> {
    for (i, n) in d.nodes.iter().enumerate() {
        if n.tag == "h1" && !n.pruned && n.text_len > 0 {
            let bl = blocks::linearize(d, i);
            let t = blocks::join(&bl).replace("\n\n", " ");
            if !t.is_empty() {
                return Some(t);
            }
        }
    }
    d.og_title.clone().or_else(|| d.title.clone())
}

#[cfg(test)]
mod tests;
