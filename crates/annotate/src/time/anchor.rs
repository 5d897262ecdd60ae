//! Direction (past or future) of a clause, and the date that governs an event's clause.

use chrono::NaiveDate;
use dyad_model::{Span, Timex};
use std::borrow::Cow;

/// Which way an under-specified date points from the DCT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Future,
    /// No cue: the caller picks its default (past for weekdays, nearest for months).
    None,
}

/// Words that put a clause in the future.
fn future_cue(w: &str, next: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "won't"
            | "would"
            | "scheduled"
            | "expected"
            | "expects"
            | "intends"
            | "upcoming"
            | "tomorrow"
            | "await"
            | "awaits"
            | "forthcoming"
            | "soon"
    ) || w.ends_with("'ll")
        || w.ends_with("’ll")
        || (matches!(
            w,
            "is" | "are"
                | "am"
                | "due"
                | "set"
                | "going"
                | "hopes"
                | "aims"
                | "plans"
                | "plan"
                | "planned"
                | "planning"
                | "supposed"
                | "expect"
        ) && next == "to")
        || (w == "early" && next == "as")
        || (w == "ahead" && next == "of")
}

/// Words that put a clause in the past.
fn past_cue(w: &str) -> bool {
    if matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "met"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "held"
            | "began"
            | "saw"
            | "left"
            | "won"
            | "lost"
            | "sent"
            | "spoke"
            | "wrote"
            | "fought"
            | "bought"
            | "sold"
            | "got"
            | "became"
            | "led"
            | "ran"
            | "rose"
            | "fell"
            | "paid"
            | "brought"
            | "thought"
            | "found"
            | "kept"
            | "felt"
            | "struck"
            | "hit"
            | "shot"
            | "ago"
            | "yesterday"
            | "has"
            | "have"
            | "earlier"
            | "planned"
    ) {
        return true;
    }
    // Regular past tense; words that merely end in -ed are excluded.
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !matches!(
            w,
            "hundred" | "embed" | "scheduled" | "expected" | "indeed" | "united" | "supposed"
        )
}

/// The direction of the clause around `at`: the cue word nearest to it within its sentence.
pub(crate) fn tense(text: &str, sentence: Span, at: Span) -> Dir {
    let (Some(before), Some(after)) = (
        text.get(sentence.start.min(at.start)..at.start),
        text.get(at.end..sentence.end.max(at.end)),
    ) else {
        return Dir::None;
    };
    // Only the words within reach are read, and only words that are not already lower-case
    // ASCII are copied to be lower-cased.
    fn lower(w: &str) -> Cow<'_, str> {
        if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            Cow::Owned(w.to_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    }
    let split = |c: char| !(c.is_alphanumeric() || c == '\'' || c == '’');
    const WINDOW: usize = 12;
    // Before: the last WINDOW words and the one before them (a cue's previous word).
    let mut b: Vec<Cow<str>> = before
        .rsplit(split)
        .filter(|w| !w.is_empty())
        .take(WINDOW + 1)
        .map(lower)
        .collect();
    b.reverse();
    // After: at half the reach, and the word after the last one.
    let a: Vec<Cow<str>> = after
        .split(split)
        .filter(|w| !w.is_empty())
        .take(WINDOW / 2 + 1)
        .map(lower)
        .collect();
    let classify = |prev: &str, w: &str, next: &str| -> Dir {
        if future_cue(w, next) {
            Dir::Future
        } else if past_cue(w) && !matches!(prev, "be" | "been" | "being" | "to") {
            // "will be held", "to be signed": a participle after "be" says nothing of the time.
            Dir::Past
        } else {
            Dir::None
        }
    };
    fn word<'a>(v: &'a [Cow<str>], i: usize) -> &'a str {
        v.get(i).map_or("", |s| s.as_ref())
    }
    // "until Tuesday": a deadline lies ahead; so does the date a change takes effect
    // ("effective Feb. 1").
    if matches!(
        b.last().map(|w| w.as_ref()),
        Some("until" | "till" | "effective")
    ) {
        return Dir::Future;
    }
    for dist in 0..WINDOW {
        // Before the expression first and at twice the reach: the verb usually precedes its
        // time adjunct, and what follows is often another clause.
        if dist < b.len() {
            let i = b.len() - 1 - dist;
            let next = if i + 1 < b.len() {
                word(&b, i + 1)
            } else {
                word(&a, 0)
            };
            let prev = if i > 0 { word(&b, i - 1) } else { "" };
            let d = classify(prev, &b[i], next);
            if d != Dir::None {
                return d;
            }
        }
        if dist % 2 == 1 && dist / 2 < a.len() {
            let j = dist / 2;
            let prev = if j > 0 { word(&a, j - 1) } else { "" };
            let d = classify(prev, &a[j], word(&a, j + 1));
            if d != Dir::None {
                return d;
            }
        }
    }
    Dir::None
}

/// How precise an event date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// The date of an event: a TIMEX3 value, how precise it is, and whether the text gave it (else
/// it is the document's date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    pub value: String,
    pub granularity: Granularity,
    pub from_text: bool,
}

/// The granularity of a DATE/TIME value that names a calendar period; `None` for references
/// (PRESENT_REF), durations, sets and unknown years.
pub fn granularity(value: &str) -> Option<Granularity> {
    let b = value.as_bytes();
    if b.len() < 2 || !b[..2].iter().all(u8::is_ascii_digit) {
        // "XXXX-12-28": a day whose year is unknown is still a day.
        if !value.starts_with("XXXX-") || value.len() < 7 {
            return None;
        }
    }
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .is_some_and(|s| s.iter().all(|c| c.is_ascii_digit() || *c == b'X'))
    };
    let g = match b.len() {
        2 if digits(0..2) => Granularity::Century,
        3 if digits(0..3) => Granularity::Decade,
        4 if digits(0..4) => Granularity::Year,
        _ if !digits(0..4) || b.get(4) != Some(&b'-') => return None,
        7 if b[5] == b'Q' => Granularity::Quarter,
        7 if b[5] == b'H' => Granularity::Half,
        7 if digits(5..7) => Granularity::Month,
        7 if b[5].is_ascii_uppercase() => Granularity::Season,
        8 if b[5] == b'W' => Granularity::Week,
        11 if b[5] == b'W' => Granularity::Week,
        10 if digits(5..7) && digits(8..10) => Granularity::Day,
        n if n > 10 && b[10] == b'T' => {
            if b.get(11).is_some_and(u8::is_ascii_digit) {
                Granularity::Time
            } else {
                Granularity::Day
            }
        }
        _ => return None,
    };
    Some(g)
}

/// Prepositions that attach a date to the clause's verb ("met on Sunday", "since 2014").
fn attached(text: &str, t: &Timex) -> bool {
    let w = word_before(text, t);
    matches!(
        w.as_str(),
        "on" | "in" | "at" | "since" | "during" | "by" | "until" | "from" | "before" | "after"
    )
}

/// The word right before a time expression, lower-cased.
fn word_before(text: &str, t: &Timex) -> String {
    let before = text.get(..t.span.start).unwrap_or("").trim_end();
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Clause breaks between two offsets: a semicolon, a dash, or a comma before a conjunction.
fn clause_breaks(text: &str, a: usize, b: usize) -> usize {
    let (a, b) = (a.min(b), a.max(b));
    let Some(s) = text.get(a..b) else { return 0 };
    s.matches([';', '—', '–']).count()
        + s.matches(", but ").count()
        + s.matches(", while ").count()
        + s.matches(", and ").count()
        + s.matches(", which ").count()
        + s.matches(", after ").count()
}

/// The date that governs the clause of `trigger`: the nearest DATE or TIME timex of the same
/// sentence that names a calendar period, preferring one attached by a preposition and in the
/// same clause; else the document date (granularity Day, `from_text` false); else `None`.
pub fn event_date(
    text: &str,
    timexes: &[Timex],
    sentence: Span,
    trigger: Span,
    dct: Option<NaiveDate>,
) -> Option<EventDate> {
    let best = timexes
        .iter()
        .filter(|t| t.span.start >= sentence.start && t.span.end <= sentence.end)
        .filter(|t| t.kind == "DATE" || t.kind == "TIME")
        // "a statement on the belt Beijing has promoted since 2013": "since" opens a state
        // that lasts; it dates no act.
        .filter(|t| word_before(text, t) != "since")
        .filter_map(|t| granularity(&t.value).map(|g| (t, g)))
        .min_by_key(|(t, _)| {
            let dist = if t.span.start >= trigger.end {
                t.span.start - trigger.end
            } else {
                trigger.start.saturating_sub(t.span.end)
            };
            let mid = if t.span.start >= trigger.end {
                (trigger.end, t.span.start)
            } else {
                (t.span.end, trigger.start)
            };
            let penalty =
                if attached(text, t) { 0 } else { 1000 } + 500 * clause_breaks(text, mid.0, mid.1);
            dist + penalty
        });
    if let Some((t, g)) = best {
        // An event's date is a day at most: the clock time goes.
        let (value, g) = if g == Granularity::Time || (g == Granularity::Day && t.value.len() > 10)
        {
            (t.value[..10].to_string(), Granularity::Day)
        } else {
            (t.value.clone(), g)
        };
        return Some(EventDate {
            value,
            granularity: g,
            from_text: true,
        });
    }
    dct.map(|d| EventDate {
        value: d.format("%Y-%m-%d").to_string(),
        granularity: Granularity::Day,
        from_text: false,
    })
}
