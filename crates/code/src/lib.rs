//! Code: who did what to whom and when, in PLOVER and CAMEO.
//!
//! The coder runs after annotation and writes the event layer from the lexicon under
//! `data/events/` (see `docs/events.md`): each trigger in a sentence, its source and target
//! from the mention layer, negation and modality, and the date of its clause from the time
//! layer.

pub mod coder;
pub mod lexicon;
pub mod petrarch;

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
        let date = |trigger: Span| {
            dyad_annotate::time::event_date(text, &layers.timexes, sentence, trigger, dct)
                .map(|d| d.value)
        };
        events.extend(c.sentence_events(text, sentence, &layers.mentions, &date));
    }
    // An event inside a quotation or reported speech is the speaker's claim, not the outlet's
    // report ("Kyiv shelled the plant," the ministry said).
    for e in &mut events {
        let quoted = layers
            .quotes
            .iter()
            .any(|q| q.content.start <= e.trigger.start && e.trigger.end <= q.content.end);
        if quoted {
            e.modality.get_or_insert_with(|| "claimed".to_string());
        }
    }
    let _ = doc.set_events(events);
}

#[cfg(test)]
mod tests;
