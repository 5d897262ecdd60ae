//! A compact arena copy of the parsed DOM (pre-order, parents before children),
//! plus the nesting-depth guard applied before parsing.

use scraper::{Html, Node as SNode};

/// Maximum approximate nesting depth accepted before flattening.
pub const MAX_DEPTH: usize = 2000;

#[derive(Debug, Default)]
pub struct Node {
    /// Lower-case tag name; empty for text nodes.
    pub tag: String,
    /// Text content (text nodes only).
    pub text: String,
    pub parent: usize,
    pub children: Vec<usize>,
    /// Lower-case "class id" signature.
    pub sig: String,
    pub role: String,
    pub itemprop: String,
    /// Removed by pruning (tag or boilerplate class), inherited by descendants.
    pub pruned: bool,
    /// Collapsed-ish visible text length of the subtree (chars, excluding pruned parts).
    pub text_len: usize,
    /// Text length inside <a> elements in the subtree.
    pub link_len: usize,
}

impl Node {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

pub struct Dom {
    pub nodes: Vec<Node>,
    /// Index of <body> (or the root when absent).
    pub body: usize,
    pub title: Option<String>,
    pub og_title: Option<String>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Scan tags and approximate the maximal nesting depth. When it exceeds
/// [`MAX_DEPTH`], return a copy of the HTML with the tags beyond that depth dropped
/// (their text stays), which keeps html5ever out of its quadratic paths.
pub fn flatten_if_deep(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0usize;
    let mut i = 0;
    // First pass: just measure.
    while let Some(p) = memchr_lt(b, i) {
        let (end, kind) = scan_tag(b, p);
        match kind {
            TagKind::Open => {
                depth += 1;
                max = max.max(depth);
            }
            TagKind::Close => depth = depth.saturating_sub(1),
            TagKind::Other => {}
        }
        i = end;
    }
    if max <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    depth = 0;
    i = 0;
    let mut last = 0;
    while let Some(p) = memchr_lt(b, i) {
        let (end, kind) = scan_tag(b, p);
        let drop = match kind {
            TagKind::Open => {
                depth += 1;
                depth > MAX_DEPTH
            }
            TagKind::Close => {
                let d = depth;
                depth = depth.saturating_sub(1);
                d > MAX_DEPTH
            }
            TagKind::Other => false,
        };
        if drop {
            out.push_str(&html[last..p]);
            last = end;
        }
        i = end;
    }
    out.push_str(&html[last..]);
    Some(out)
}

fn memchr_lt(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == b'<')
        .map(|p| p + from)
}

enum TagKind {
    Open,
    Close,
    Other,
}

/// Returns (index after the tag, kind). `p` points at '<'. Always advances.
fn scan_tag(b: &[u8], p: usize) -> (usize, TagKind) {
    let n = b.len();
    let mut j = p + 1;
    let close = j < n && b[j] == b'/';
    if close {
        j += 1;
    }
    let name_start = j;
    while j < n && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == name_start {
        return (p + 1, TagKind::Other);
    }
    let name = &b[name_start..j];
    // find end of tag
    let end = match b[j..].iter().position(|&c| c == b'>') {
        Some(e) => j + e + 1,
        None => return (n, TagKind::Other),
    };
    if close {
        return (end, TagKind::Close);
    }
    let self_closing = end >= 2 && b[end - 2] == b'/';
    let lname = String::from_utf8_lossy(name).to_ascii_lowercase();
    if self_closing || VOID.contains(&lname.as_str()) {
        return (end, TagKind::Other);
    }
    (end, TagKind::Open)
}

/// Tags whose whole subtree never contributes text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "title", "meta", "link", "select", "option", "optgroup", "textarea",
    "button", "input", "datalist", "audio", "video", "map", "area", "source", "track", "param",
    "applet", "frame", "frameset", "dialog", "rp", "rt",
];

/// The compact tree of a parsed page (parse the output of [`flatten_if_deep`] when it gives
/// one, so that hostile nesting stays cheap).
pub fn from_doc(doc: &Html) -> Dom {
    let mut nodes: Vec<Node> = Vec::with_capacity(1024);
    let mut body = usize::MAX;
    let mut title: Option<String> = None;
    let mut og_title: Option<String> = None;
    nodes.push(Node {
        tag: "#root".into(),
        ..Default::default()
    });
    // iterative DFS: (node, parent index)
    let mut stack = Vec::with_capacity(256);
    for c in doc.tree.root().children().rev() {
        stack.push((c, 0usize));
    }
    while let Some((nr, parent)) = stack.pop() {
        match nr.value() {
            SNode::Text(t) => {
                let idx = nodes.len();
                nodes.push(Node {
                    text: t.to_string(),
                    parent,
                    ..Default::default()
                });
                nodes[parent].children.push(idx);
            }
            SNode::Element(e) => {
                let name = e.name().to_ascii_lowercase();
                if name == "title" && title.is_none() {
                    let t: String = nr
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    title = Some(collapse(&t));
                }
                if name == "meta" && og_title.is_none() {
                    let p = e.attr("property").or_else(|| e.attr("name")).unwrap_or("");
                    if p.eq_ignore_ascii_case("og:title") {
                        og_title = e.attr("content").map(collapse);
                    }
                }
                if DROP_TAGS.contains(&name.as_str()) {
                    continue;
                }
                let mut sig = String::new();
                if let Some(c) = e.attr("class") {
                    sig.push_str(&c.to_ascii_lowercase());
                }
                if let Some(i) = e.attr("id") {
                    sig.push(' ');
                    sig.push_str(&i.to_ascii_lowercase());
                }
                let hidden = e.attr("hidden").is_some()
                    || e.attr("aria-hidden").is_some_and(|v| v == "true")
                    || e.attr("style").is_some_and(|s| {
                        let s: String = s
                            .to_ascii_lowercase()
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .collect();
                        s.contains("display:none") || s.contains("visibility:hidden")
                    });
                if hidden && name != "body" && name != "html" {
                    continue;
                }
                let idx = nodes.len();
                if name == "body" && body == usize::MAX {
                    body = idx;
                }
                nodes.push(Node {
                    tag: name,
                    parent,
                    sig,
                    role: e.attr("role").unwrap_or("").to_ascii_lowercase(),
                    itemprop: e.attr("itemprop").unwrap_or("").to_ascii_lowercase(),
                    ..Default::default()
                });
                nodes[parent].children.push(idx);
                for c in nr.children().rev() {
                    stack.push((c, idx));
                }
            }
            SNode::Document | SNode::Fragment => {
                for c in nr.children().rev() {
                    stack.push((c, parent));
                }
            }
            _ => {}
        }
    }
    if body == usize::MAX {
        body = 0;
    }
    Dom {
        nodes,
        body,
        title: title.filter(|t| !t.is_empty()),
        og_title: og_title.filter(|t| !t.is_empty()),
    }
}

/// Collapse all whitespace runs to single spaces and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            pending = true;
        } else {
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.push(ch);
        }
    }
    out
}

/// Count non-whitespace-collapsed characters approximately (chars, whitespace runs = 1).
pub fn text_chars(s: &str) -> usize {
    let mut n = 0;
    let mut ws = true;
    for ch in s.chars() {
        if ch.is_whitespace() {
            if !ws {
                n += 1;
            }
            ws = true;
        } else {
            n += 1;
            ws = false;
        }
    }
    n
}

impl Dom {
    /// Recompute text_len / link_len bottom-up, honouring `pruned`.
    pub fn compute_lengths(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            if self.nodes[i].pruned {
                self.nodes[i].text_len = 0;
                self.nodes[i].link_len = 0;
                continue;
            }
            if self.nodes[i].is_text() {
                let l = text_chars(&self.nodes[i].text);
                self.nodes[i].text_len = l;
                self.nodes[i].link_len = 0;
                continue;
            }
            let (mut t, mut l) = (0, 0);
            for &c in &self.nodes[i].children {
                t += self.nodes[c].text_len;
                l += self.nodes[c].link_len;
            }
            if self.nodes[i].tag == "a" {
                l = t;
            }
            self.nodes[i].text_len = t;
            self.nodes[i].link_len = l;
        }
    }

    /// Is `a` an ancestor of (or equal to) `b`?
    pub fn contains(&self, a: usize, b: usize) -> bool {
        let mut x = b;
        loop {
            if x == a {
                return true;
            }
            if x == 0 {
                return false;
            }
            x = self.nodes[x].parent;
        }
    }
}
