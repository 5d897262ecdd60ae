//! Which words can begin a temporal expression, derived from the recogniser's own patterns.
//!
//! The recogniser tries an anchored search at word starts. Most words ("said", "president")
//! can begin no expression, and asking the lazy DFA about each of them costs more than all the
//! rest of the time layer. This prefilter computes, once, from the syntax tree of every
//! pattern, the ASCII letter runs a match can begin with; a word start whose letter run is not
//! one of them cannot match and is skipped. The sets are a superset by construction (every
//! approximation below only adds strings), so skipping changes no result.

use regex_syntax::hir::{Class, Hir, HirKind, Look};
use std::collections::BTreeSet;

/// How a pattern's leading letter run ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    /// Still open: what follows may add letters.
    Open,
    /// A non-letter follows: the text's letter run must be exactly this.
    Closed,
    /// Zero width, but a word boundary must hold here (`\b` after nothing yet).
    Boundary,
}

type Runs = BTreeSet<(Vec<u8>, End)>;

/// Bits of the hash bitmap of closed runs (8 KiB): a few hundred words fill well under 1%.
const BITS: usize = 1 << 16;

/// The first 8 bytes of `b`, zero-padded, little-endian.
fn load8(b: &[u8]) -> u64 {
    match b.get(..8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap_or([0; 8])),
        None => {
            let mut a = [0u8; 8];
            a[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(a)
        }
    }
}

/// The bitmap slot of the letter run `s[..n]` (ASCII letters, either case): its first and last
/// eight letters, lower-cased, and its length, mixed by one multiplication.
fn slot(s: &[u8], n: usize) -> usize {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mask = if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    };
    let head = (load8(s) | LOWER) & mask;
    let tail = if n > 8 {
        load8(&s[n - 8..n]) | LOWER
    } else {
        0
    };
    let h = (head ^ tail.rotate_left(29) ^ ((n as u64) << 58)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 48) as usize % BITS
}

/// Past these sizes the analysis gives up and every word is a candidate.
const MAX_RUNS: usize = 50_000;
/// Longer runs are cut and kept open (a prefix), which stays a superset.
const MAX_LEN: usize = 40;

fn concat(acc: &Runs, next: &Runs) -> Option<Runs> {
    let mut out = Runs::new();
    for (s, e) in acc {
        match e {
            End::Closed => {
                out.insert((s.clone(), End::Closed));
            }
            End::Open | End::Boundary => {
                for (t, f) in next {
                    let item = match f {
                        // A word boundary right after letters ends the run.
                        End::Boundary if !s.is_empty() => (s.clone(), End::Closed),
                        End::Boundary => (Vec::new(), End::Boundary),
                        _ => {
                            let mut st = s.clone();
                            st.extend_from_slice(t);
                            if st.len() > MAX_LEN {
                                st.truncate(MAX_LEN);
                                (st, End::Open)
                            } else {
                                (st, *f)
                            }
                        }
                    };
                    out.insert(item);
                }
            }
        }
        if out.len() > MAX_RUNS {
            return None;
        }
    }
    Some(out)
}

fn empty() -> Runs {
    Runs::from([(Vec::new(), End::Open)])
}

fn byte_runs(bytes: impl IntoIterator<Item = u32>) -> Runs {
    let mut out = Runs::new();
    for b in bytes {
        match u8::try_from(b) {
            Ok(b) if b.is_ascii_alphabetic() => {
                out.insert((vec![b.to_ascii_lowercase()], End::Open));
            }
            _ => {
                out.insert((Vec::new(), End::Closed));
            }
        }
    }
    out
}

/// The leading letter runs (lower-cased) of what `h` matches.
fn runs(h: &Hir) -> Option<Runs> {
    Some(match h.kind() {
        HirKind::Empty => empty(),
        HirKind::Literal(lit) => {
            let mut s = Vec::new();
            let mut end = End::Open;
            for &b in lit.0.iter() {
                if b.is_ascii_alphabetic() {
                    s.push(b.to_ascii_lowercase());
                } else {
                    end = End::Closed;
                    break;
                }
            }
            if s.len() > MAX_LEN {
                s.truncate(MAX_LEN);
                end = End::Open;
            }
            Runs::from([(s, end)])
        }
        HirKind::Class(Class::Bytes(c)) => byte_runs(
            c.ranges()
                .iter()
                .flat_map(|r| u32::from(r.start())..=u32::from(r.end())),
        ),
        // Non-ASCII characters count as one non-letter (0x80).
        HirKind::Class(Class::Unicode(c)) => byte_runs(
            c.ranges()
                .iter()
                .flat_map(|r| u32::from(r.start()).min(0x80)..=u32::from(r.end()).min(0x80)),
        ),
        HirKind::Look(l) => match l {
            Look::WordAscii
            | Look::WordUnicode
            | Look::WordEndAscii
            | Look::WordEndUnicode
            | Look::WordEndHalfAscii
            | Look::WordEndHalfUnicode => Runs::from([(Vec::new(), End::Boundary)]),
            _ => empty(),
        },
        HirKind::Capture(c) => runs(&c.sub)?,
        HirKind::Concat(v) => {
            let mut acc = empty();
            for x in v {
                // Once every run is closed, the rest of the concatenation cannot change them.
                if acc.iter().all(|(_, e)| *e == End::Closed) {
                    break;
                }
                acc = concat(&acc, &runs(x)?)?;
            }
            acc
        }
        HirKind::Alternation(v) => {
            let mut out = Runs::new();
            for x in v {
                out.extend(runs(x)?);
                if out.len() > MAX_RUNS {
                    return None;
                }
            }
            out
        }
        HirKind::Repetition(r) => {
            let sub = runs(&r.sub)?;
            let mut acc = empty();
            for _ in 0..r.min {
                acc = concat(&acc, &sub)?;
            }
            // Optional copies up to the maximum, or until nothing new comes (unbounded
            // repetitions whose body cannot stay open settle after a few rounds).
            let extra = r.max.map_or(u32::MAX, |m| m - r.min);
            let mut tail = empty();
            let mut n = 0;
            while n < extra {
                let mut grown = concat(&sub, &tail)?;
                grown.extend(empty());
                if grown == tail {
                    break;
                }
                tail = grown;
                n += 1;
                if n > 64 {
                    return None;
                }
            }
            concat(&acc, &tail)?
        }
    })
}

/// The letter runs that can begin a match of any of the patterns.
#[derive(Debug)]
pub(crate) struct FirstWords {
    /// Runs followed by a non-letter: the word must be exactly one of these. Kept as a bitmap
    /// of their hashes: a collision only lets a word through to the full search.
    closed: Vec<u64>,
    /// Whether the empty run is among them (a match may begin with a digit or a quote).
    closed_empty: bool,
    /// Runs that may go on: the word must begin with one of these.
    open: Vec<Vec<u8>>,
    /// The analysis gave up: every word start is a candidate.
    any: bool,
}

impl FirstWords {
    /// The runs of `patterns`, as the recogniser parsed them.
    pub(crate) fn new(patterns: &[Hir]) -> FirstWords {
        let mut all = Runs::new();
        let mut any = false;
        for p in patterns {
            match runs(p) {
                Some(r) => all.extend(r),
                None => any = true,
            }
        }
        let mut closed = vec![0u64; BITS / 64];
        let mut closed_empty = false;
        let mut open = Vec::new();
        for (s, e) in all {
            match e {
                End::Closed => {
                    if s.is_empty() {
                        closed_empty = true;
                    }
                    let i = slot(&s, s.len());
                    closed[i / 64] |= 1 << (i % 64);
                }
                // A match that may end inside the letter run: any word with this beginning.
                End::Open | End::Boundary => {
                    if s.is_empty() {
                        any = true;
                    }
                    open.push(s);
                }
            }
        }
        FirstWords {
            closed,
            closed_empty,
            open,
            any,
        }
    }

    /// Whether a match can begin at byte `i` of `text`, whose first `n` bytes there are ASCII
    /// letters (and the next is not).
    #[inline]
    pub(crate) fn may_start(&self, text: &[u8], i: usize, n: usize) -> bool {
        if self.any {
            return true;
        }
        let rest = &text[i..];
        if n == 0 {
            return self.closed_empty || !self.open.is_empty();
        }
        if n <= MAX_LEN {
            let s = slot(rest, n);
            if self.closed[s / 64] & (1 << (s % 64)) != 0 {
                return true;
            }
        }
        self.open
            .iter()
            .any(|o| rest.len() >= o.len() && rest[..o.len()].eq_ignore_ascii_case(o))
    }

    #[cfg(test)]
    pub(crate) fn sizes(&self) -> (usize, usize, bool) {
        let closed = self.closed.iter().map(|w| w.count_ones() as usize).sum();
        (closed, self.open.len(), self.any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw(p: &str) -> FirstWords {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .build()
            .parse(&format!("(?ix)(?-u:\\b){p}"))
            .unwrap();
        FirstWords::new(&[hir])
    }

    fn may(f: &FirstWords, s: &str) -> bool {
        let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        f.may_start(s.as_bytes(), 0, n)
    }

    #[test]
    fn words_closed_by_a_separator_or_a_boundary() {
        let f = fw(r"(?:last|next)\s+(?:week|month)|today(?-u:\b)");
        assert!(may(&f, "Last week"));
        assert!(may(&f, "today."));
        assert!(!may(&f, "todays"));
        assert!(!may(&f, "lasting"));
        assert!(!may(&f, "week"));
        assert_eq!(f.sizes(), (3, 0, false));
    }

    #[test]
    fn optional_parts_and_runs_without_separator() {
        // "firstquarter" is a match too: the separator may be empty.
        let f = fw(r"(?:the\s+)?(?:first|second)?[\s-]*quarter(?-u:\b)");
        for w in ["the", "first", "quarter", "firstquarter", "second"] {
            assert!(may(&f, w), "{w}");
        }
        assert!(!may(&f, "there"));
        // Digits and punctuation begin with an empty run.
        let g = fw(r"'?[0-9]{2}s|may");
        assert!(may(&g, "'80s"));
        assert!(may(&g, "1980s"));
        // "may" can end the match inside a longer word: an open run.
        assert!(may(&g, "maybe"));
        assert!(!may(&g, "said"));
    }

    #[test]
    fn repetitions_settle() {
        let f = fw(r"(?:(?:the|its)[\s-]+)*quarter(?-u:\b)");
        assert!(may(&f, "its"));
        assert!(may(&f, "quarter"));
        assert!(!may(&f, "it"));
        assert!(!f.sizes().2);
    }
}
