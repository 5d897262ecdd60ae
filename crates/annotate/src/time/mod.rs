//! The time layer: temporal expressions found, typed and normalised as TIMEX3 (TimeML), and the
//! date that governs an event's clause. See `docs/time.md` for the values produced.

mod anchor;
mod first;
mod normalise;
mod recognise;
#[cfg(test)]
mod tests;

pub use anchor::{event_date, granularity, EventDate, Granularity};

use chrono::NaiveDate;
use dyad_model::{Span, Timex};

/// The temporal expressions of `text`, sorted and non-overlapping, with byte spans on char
/// boundaries. `sentences` give each expression the clause whose tense decides whether a bare
/// weekday or month-day is past or future; `dct` (the document creation date) anchors relative
/// expressions. Without a DCT, values keep their unknown parts as `X` ("XXXX-12-28").
// Kept out of line, so that profiles show the time layer as one function.
#[inline(never)]
pub fn timexes(text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<Timex> {
    let hits = recognise::scan(text);
    normalise::resolve(text, sentences, dct, hits)
}
