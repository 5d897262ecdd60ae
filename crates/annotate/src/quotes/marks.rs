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
/// The bytes that may begin a quotation mark or a line break.
const MARK_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

pub fn regions(text: &str) -> Vec<Region> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // (family, start of the opening mark)
    let mut open: Option<(Family, usize)> = None;
    // A quote left open at a paragraph break: it continues only if the next paragraph opens
    // with a mark of the same family.
    let mut pending: Option<(Family, usize)> = None;
    // Just after the line break that left `pending` open: a mark continues it if only
    // white space (blank lines included) comes between.
    let mut para_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only line breaks and the bytes that begin a quotation mark are looked at: ASCII
        // marks, and the lead bytes of U+0080..U+00BF (« ») and U+2000..U+2FFF (“ ” „ ‘ ’).
        let b = bytes[i];
        if !MARK_BYTE[usize::from(b)] {
            // Skip to the next byte that may begin a mark or a line break.
            i += 1;
            while i < bytes.len() && !MARK_BYTE[usize::from(bytes[i])] {
                i += 1;
            }
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c == '\n' {
            // A paragraph break: a blank line, or a single line break in one-line-per-paragraph text.
            if let Some((fam, s)) = open.take() {
                pending = Some((fam, s));
                para_start = i + 1;
            }
            i += 1;
            continue;
        }
        if !matches!(
            c,
            '"' | '\'' | '`' | '“' | '”' | '„' | '‘' | '’' | '«' | '»'
        ) {
            i += len;
            continue;
        }
        let prev = text[..i].chars().next_back();
        // Two apostrophes or backticks are one mark.
        let doubled = (c == '\'' || c == '`') && bytes.get(i + 1) == Some(&b);
        let width = if doubled { 2 } else { len };
        let next = text[i + width..].chars().next();
        if let Some((fam, s)) = pending.take() {
            // Looked at once per paragraph: `pending` is set only at a line break.
            let continues = text[para_start..i].chars().all(char::is_whitespace)
                && match fam {
                    Family::Curly => matches!(c, '“' | '„'),
                    Family::Straight => c == '"',
                    Family::Guillemet => c == '«',
                    Family::Single => c == '‘',
                    Family::Doubled => doubled,
                };
            if continues {
                open = Some((fam, s));
                i += width;
                continue;
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
                // 6’2” is a height, its ” an inch mark, not the end of the quotation.
                let closes = !inch_mark(text, i)
                    && match fam {
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
                    // ''' closes a single quotation inside a doubled one ('' … 'No,''' she
                    // said): the doubled mark is the last two apostrophes.
                    let width = if fam == Family::Doubled && bytes.get(i + 2) == Some(&b'\'') {
                        3
                    } else {
                        width
                    };
                    out.push(Region {
                        start: s,
                        end: i + width,
                    });
                    open = None;
                    i += width;
                    continue;
                }
            }
        }
        i += width;
    }
    out
}

/// Whether the mark at byte `i` follows feet and inches written with marks (6’2”, 5'11").
fn inch_mark(text: &str, i: usize) -> bool {
    let before = &text.as_bytes()[..i];
    let digits = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &text[..i - digits];
    let feet = rest
        .strip_suffix('’')
        .or_else(|| rest.strip_suffix('\''))
        .or_else(|| rest.strip_suffix('′'));
    feet.is_some_and(|f| {
        f.as_bytes().last().is_some_and(u8::is_ascii_digit)
            && !f.as_bytes()[..f.len() - 1]
                .last()
                .is_some_and(u8::is_ascii_digit)
    })
}

/// The index of the region that contains byte `pos`, if any (regions sorted, disjoint).
pub fn containing(regions: &[Region], pos: usize) -> Option<usize> {
    let i = regions.partition_point(|r| r.end <= pos);
    (i < regions.len() && regions[i].start <= pos).then_some(i)
}
