//! Quotation-mark regions: pairs of opening and closing marks, including quotes that run
//! over paragraphs (a paragraph that leaves a quote open and a next paragraph that opens
//! with a mark continue one quote, as news style writes long quotations).

/// A quoted stretch, marks included: `start` is the opening mark, `end` is just past the
/// closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ … ” (and „ … “, „ … ”)
    Curly,
    /// " … "
    Straight,
    /// « … »
    Guillemet,
    /// ‘ … ’
    Single,
    /// '' … '' and `` … '' (two apostrophes or backticks, as some newspapers and tokenised
    /// corpora write double quotes)
    Doubled,
}

fn opener_before(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ',')
    })
}

/// Finds the quoted regions of `text`, in order and not overlapping. Unclosed marks are not
/// regions: a stray mark must not swallow the rest of a paragraph.
pub fn regions(text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    // (family, start of the opening mark)
    let mut open: Option<(Family, usize)> = None;
    let mut prev: Option<char> = None;
    // A quote left open at a paragraph break: it continues only if the next paragraph opens
    // with a mark of the same family.
    let mut pending: Option<(Family, usize)> = None;
    let mut at_para_start = true;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '\n' {
            // A paragraph break: a blank line, or a single line break in one-line-per-paragraph text.
            if let Some(o) = open.take() {
                pending = Some(o);
            }
            at_para_start = true;
            prev = Some(c);
            continue;
        }
        if at_para_start && c.is_whitespace() {
            prev = Some(c);
            continue;
        }
        let first_in_para = at_para_start;
        at_para_start = false;
        // Two apostrophes or backticks are one mark; the second character is skipped.
        let doubled = (c == '\'' || c == '`') && next == Some(c);
        if doubled {
            chars.next();
        }
        if first_in_para {
            if let Some((fam, s)) = pending.take() {
                let continues = match fam {
                    Family::Curly => matches!(c, '“' | '„'),
                    Family::Straight => c == '"',
                    Family::Guillemet => c == '«',
                    Family::Single => c == '‘',
                    Family::Doubled => doubled,
                };
                if continues {
                    open = Some((fam, s));
                    prev = Some(c);
                    continue;
                }
            }
        }
        match open {
            None => {
                let fam = match c {
                    _ if doubled => {
                        (opener_before(prev) && c == '\'' || c == '`').then_some(Family::Doubled)
                    }
                    '“' | '„' => Some(Family::Curly),
                    '«' => Some(Family::Guillemet),
                    '‘' if opener_before(prev) => Some(Family::Single),
                    '"' if opener_before(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                        Some(Family::Straight)
                    }
                    _ => None,
                };
                if let Some(f) = fam {
                    open = Some((f, i));
                }
            }
            Some((fam, s)) => {
                let closes = match fam {
                    // Mixed typography ("…” or “…") still pairs up.
                    Family::Curly => {
                        c == '”' || c == '"' && !next.is_some_and(char::is_alphanumeric)
                    }
                    Family::Straight => c == '"' || c == '”',
                    Family::Guillemet => c == '»',
                    Family::Doubled => doubled && c == '\'',
                    // An apostrophe inside a word ("Russia’s") is not a closing mark.
                    Family::Single => c == '’' && !next.is_some_and(char::is_alphanumeric),
                };
                // „ … “ closes with the English opening mark.
                let german_close = fam == Family::Curly
                    && c == '“'
                    && text[s..].starts_with('„')
                    && !next.is_some_and(char::is_alphanumeric);
                if closes || german_close {
                    let len = if doubled { 2 } else { c.len_utf8() };
                    out.push(Region {
                        start: s,
                        end: i + len,
                    });
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// The index of the region that contains byte `pos`, if any (regions sorted, disjoint).
pub fn containing(regions: &[Region], pos: usize) -> Option<usize> {
    let i = regions.partition_point(|r| r.end <= pos);
    (i < regions.len() && regions[i].start <= pos).then_some(i)
}
