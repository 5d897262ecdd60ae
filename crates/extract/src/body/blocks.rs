//! Linearise a container into text blocks and filter them.

use super::dom::{collapse, Dom};
use super::patterns;

#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    pub len: usize,
    pub link_len: usize,
    /// Innermost block-level tag the text sits in.
    pub tag: &'static str,
    /// Inside a list item.
    pub in_li: bool,
}

impl Block {
    pub fn link_density(&self) -> f64 {
        if self.len == 0 {
            0.0
        } else {
            self.link_len as f64 / self.len as f64
        }
    }
    pub fn is_heading(&self) -> bool {
        matches!(self.tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "fieldset",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
    "caption",
    "legend",
    "body",
    "html",
    "hgroup",
    "menu",
    "noscript",
];

fn block_tag(t: &str) -> Option<&'static str> {
    BLOCK_TAGS.iter().find(|&&b| b == t).copied()
}

struct Acc {
    buf: String,
    link_len: usize,
}

/// Linearise the subtree at `root` into raw blocks (pruned nodes skipped).
pub fn linearize(dom: &Dom, root: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut acc = Acc {
        buf: String::new(),
        link_len: 0,
    };
    // context stack of block tags
    let mut ctx: Vec<&'static str> = Vec::new();
    let mut li_depth = 0usize;
    let mut a_depth = 0usize;
    // (node, exiting)
    let mut st: Vec<(usize, bool)> = vec![(root, false)];
    let flush = |acc: &mut Acc, out: &mut Vec<Block>, ctx: &[&'static str], li: usize| {
        if acc.buf.is_empty() {
            return;
        }
        let text = collapse(&acc.buf);
        acc.buf.clear();
        let link_len = acc.link_len;
        acc.link_len = 0;
        if text.is_empty() {
            return;
        }
        let len = text.chars().count();
        out.push(Block {
            text,
            len,
            link_len: link_len.min(len),
            tag: ctx.last().copied().unwrap_or("div"),
            in_li: li > 0,
        });
    };
    while let Some((i, exiting)) = st.pop() {
        let n = &dom.nodes[i];
        if n.pruned {
            continue;
        }
        if n.is_text() {
            if !exiting {
                let t = &n.text;
                acc.buf.push_str(t);
                if a_depth > 0 {
                    acc.link_len += super::dom::text_chars(t);
                }
            }
            continue;
        }
        let bt = block_tag(&n.tag);
        if exiting {
            if let Some(b) = bt {
                flush(&mut acc, &mut out, &ctx, li_depth);
                ctx.pop();
                match b {
                    "li" | "dd" | "dt" => li_depth -= 1,
                    _ => {}
                }
            } else if n.tag == "a" {
                a_depth -= 1;
            } else if matches!(n.tag.as_str(), "img") {
                // nothing
            }
            continue;
        }
        if let Some(b) = bt {
            flush(&mut acc, &mut out, &ctx, li_depth);
            ctx.push(b);
            match b {
                "li" | "dd" | "dt" => li_depth += 1,
                _ => {}
            }
        } else if n.tag == "a" {
            a_depth += 1;
        } else if !acc.buf.is_empty() && matches!(n.tag.as_str(), "img" | "input") {
            acc.buf.push(' ');
        }
        st.push((i, true));
        for &c in n.children.iter().rev() {
            st.push((c, false));
        }
    }
    flush(&mut acc, &mut out, &ctx, li_depth);
    out
}

#[derive(Debug, Clone, Copy)]
pub struct FilterOpts {
    /// Keep h1 headings in the text.
    pub keep_h1: bool,
}

/// Filter blocks: link-heavy lines, boilerplate phrases, meta lines, tail cut.
pub fn filter(blocks: Vec<Block>, opts: FilterOpts) -> Vec<Block> {
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut kept_chars = 0usize;
    let total: usize = blocks.iter().map(|b| b.len).sum();
    let mut seen_chars = 0usize;
    for b in blocks {
        seen_chars += b.len;
        let ld = b.link_density();
        let short = b.len < 120;
        // tail markers: stop when enough text was collected
        if b.len < 80 && patterns::inline_marker().is_match(&b.text) {
            continue;
        }
        if b.len < 80 && patterns::tail_marker().is_match(&b.text) {
            let rest = total - seen_chars;
            if kept_chars >= 150 && rest < kept_chars {
                break;
            }
            continue;
        }
        if b.tag == "h1" && !opts.keep_h1 {
            continue;
        }
        if b.is_heading() {
            if ld > 0.6 {
                continue;
            }
        } else if ld > 0.8 || (ld > 0.5 && b.len < 300) || (ld > 0.33 && b.len < 40 && b.in_li) {
            continue;
        }
        if short
            && (patterns::boiler_text().is_match(&b.text)
                || patterns::meta_line().is_match(&b.text))
        {
            continue;
        }
        if b.len < 250 && patterns::promo_text().is_match(&b.text) {
            continue;
        }
        kept_chars += b.len;
        kept.push(b);
    }
    // trailing short debris (lone link lines, credits, dates) after the last paragraph
    while let Some(last) = kept.last() {
        if last.len < 25 && !last.text.ends_with(['.', '!', '?', ':']) {
            kept.pop();
        } else {
            break;
        }
    }
    kept
}

pub fn join(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        if !s.is_empty() {
            s.push_str("\n\n");
        }
        s.push_str(&b.text);
    }
    s
}
