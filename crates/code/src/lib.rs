//! Code: who did what to whom and when, in PLOVER and CAMEO.
//!
//! The coder runs after annotation and writes the event layer from the lexicon under
//! `data/events/` (see `docs/events.md`): each trigger in a sentence, its source and target
//! from the mention layer, negation and modality, and the date of its clause from the time
//! layer.

pub mod anaphora;
pub mod coder;
pub mod context;
pub mod lexicon;
pub mod petrarch;
pub mod topics;

use chrono::NaiveDate;
use dyad_model::{Document, Span};
use std::sync::LazyLock;

/// The coder over the built-in lexicon, compiled once. `None` only if the built-in files are
/// invalid, which the test suite rules out.
pub static BUILTIN: LazyLock<Option<coder::Coder>> =
    LazyLock::new(|| lexicon::Lexicon::builtin().ok().map(coder::Coder::new));

/// Adds the event layer to an annotated document. `dct` is its creation date.
pub fn code(doc: &mut Document, dct: Option<NaiveDate>) {
    let Some(c) = BUILTIN.as_ref() else {
        let _ = doc.set_events(Vec::new());
        return;
    };
    let text = doc.text();
    let layers = doc.layers();
    let mut events = Vec::new();
    for &sentence in &layers.sentences {
        let mut found = c.sentence_events(text, sentence, &layers.mentions);
        settle(text, &layers.timexes, sentence, dct, &mut found);
        events.extend(found);
    }
    drop_dates(&layers.timexes, &mut events);
    mark_claims(&layers.quotes, &mut events);
    // After the claims: a pair is named again only after an act reported as done.
    anaphora::resolve_pairs(text, &layers.sentences, &mut events);
    context::fill_countries(&layers.mentions, &layers.sentences, &mut events);
    let _ = doc.set_events(events);
}

/// A trigger inside a time expression is a word of a date, not an event: "March" in "signed
/// in March 2001", "Victory Day" is left to the lexicon. `timexes` are sorted by start.
pub(crate) fn drop_dates(timexes: &[dyad_model::Timex], events: &mut Vec<dyad_model::Event>) {
    events.retain(|e| {
        let before = timexes.partition_point(|t| t.span.start <= e.trigger.start);
        !timexes[..before]
            .iter()
            .rev()
            .take(4)
            .any(|t| t.span.end >= e.trigger.end)
    });
}

/// An event inside a quotation or reported speech is the speaker's claim, not the outlet's
/// report ("Kyiv shelled the plant," the ministry said).
pub(crate) fn mark_claims(quotes: &[dyad_model::Quote], events: &mut [dyad_model::Event]) {
    // Quotes by where their content starts, with the furthest content end so far: a trigger
    // is inside some quote when a quote starting before it reaches past it (one binary search
    // per event, so a text with very many quotes stays linear).
    let mut contents: Vec<(Span, Option<Span>)> =
        quotes.iter().map(|q| (q.content, q.cue)).collect();
    contents.sort_by_key(|c| c.0.start);
    let reach: Vec<usize> = contents
        .iter()
        .scan(0, |far, c| {
            *far = (*far).max(c.0.end);
            Some(*far)
        })
        .collect();
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    for e in events {
        let before = contents.partition_point(|c| c.0.start <= e.trigger.start);
        let mut quoted = before > 0 && reach[before - 1] >= e.trigger.end;
        // "“…,” Xi said. “…”" is one quote with its cue inside: the saying itself is the
        // outlet's report, unless another quote holds it. Only the nearest quotes are looked
        // at again, so a text with very many stays linear.
        if quoted {
            let holders = contents[before.saturating_sub(16)..before]
                .iter()
                .filter(|(c, _)| c.start <= e.trigger.start && e.trigger.end <= c.end);
            let mut own_cue = false;
            let mut other = false;
            for (_, cue) in holders {
                if cue.is_some_and(|cue| overlaps(cue, e.trigger)) {
                    own_cue = true;
                } else {
                    other = true;
                }
            }
            quoted = !own_cue || other;
        }
        if quoted {
            e.modality.get_or_insert_with(|| "claimed".to_string());
        }
    }
}

/// What every coder's events of one sentence take from it: their dates and their PLOVER
/// contexts.
pub(crate) fn settle(
    text: &str,
    timexes: &[dyad_model::Timex],
    sentence: Span,
    dct: Option<NaiveDate>,
    events: &mut [dyad_model::Event],
) {
    date_events(text, timexes, sentence, dct, events);
    if let Some(t) = topics::BUILTIN.as_ref() {
        t.assign(text, sentence, events);
    }
}

/// Dates the events of one sentence. A time expression belongs to the trigger nearest to it:
/// in "most leaders turned down invitations in protest at the annexation of Crimea last
/// year", "last year" dates the annexation, not the refusal, which takes the document's date.
pub(crate) fn date_events(
    text: &str,
    timexes: &[dyad_model::Timex],
    sentence: Span,
    dct: Option<NaiveDate>,
    events: &mut [dyad_model::Event],
) {
    let gap = |a: Span, b: Span| {
        if a.end <= b.start {
            b.start - a.end
        } else {
            a.start.saturating_sub(b.end)
        }
    };
    // The layer is in text order: find the sentence's time expressions by binary search.
    let first = timexes.partition_point(|t| t.span.start < sentence.start);
    let here: Vec<&dyad_model::Timex> = timexes[first..]
        .iter()
        .take_while(|t| t.span.start < sentence.end)
        .filter(|t| t.span.end <= sentence.end)
        .collect();
    let triggers: Vec<Span> = events.iter().map(|e| e.trigger).collect();
    // "On Friday Xi and Putin held talks ... and signed ...": a date before every trigger
    // dates the whole sentence, for the triggers that have none of their own.
    let first_trigger = triggers
        .iter()
        .map(|t| t.start)
        .min()
        .unwrap_or(sentence.end);
    let leading: Vec<dyad_model::Timex> = here
        .iter()
        .filter(|t| t.span.end <= first_trigger && matches!(t.kind.as_str(), "DATE" | "TIME"))
        .map(|t| (*t).clone())
        .collect();
    for e in events.iter_mut() {
        let own: Vec<dyad_model::Timex> = here
            .iter()
            .filter(|t| {
                let mine = gap(e.trigger, t.span);
                triggers.iter().all(|&o| gap(o, t.span) >= mine)
            })
            .map(|t| (*t).clone())
            .collect();
        let date = |ts: &[dyad_model::Timex]| {
            dyad_annotate::time::event_date(text, ts, sentence, e.trigger, dct)
        };
        let mut found = date(&own);
        if !found.as_ref().is_some_and(|d| d.from_text) && !leading.is_empty() {
            found = date(&leading).or(found);
        }
        e.date = found.map(|d| d.value);
    }
}

#[cfg(test)]
mod tests;
