//! The one document model of dyad.
//!
//! A [`Document`] holds the article text, which never changes once the document exists, its
//! metadata, and stand-off [`Layers`]: each pipeline stage adds spans (UTF-8 byte offsets into the
//! text) rather than editing the text, so every record the pipeline produces can point back at
//! the exact bytes that support it.

pub mod contract;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The covered text, or `None` when the span does not fit `text` on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// Checks that the span lies inside `text`, is not inverted, and sits on char boundaries.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        if self.start > self.end || self.end > text.len() {
            return Err(SpanError::OutOfRange {
                start: self.start,
                end: self.end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(self.start) || !text.is_char_boundary(self.end) {
            return Err(SpanError::NotCharBoundary {
                start: self.start,
                end: self.end,
            });
        }
        Ok(())
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SpanError {
    #[error("span {start}..{end} lies outside a text of {len} bytes")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries")]
    NotCharBoundary { start: usize, end: usize },
    #[error("spans of layer {layer} are not in order at {start}..{end}")]
    Unordered {
        layer: &'static str,
        start: usize,
        end: usize,
    },
}

/// What is known about a document besides its text. Unknown fields are `None` / empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD` or coarser).
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    pub outlet: Option<String>,
}

/// An actor code in CAMEO/PLOVER style: a country or group code and a sector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCode {
    pub code: Option<String>,
    pub sector: Option<String>,
}

/// A mention of a person, organisation, place or group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// PERSON, ORG, GPE, LOC, NORP, ...
    pub kind: String,
    /// Canonical id of the entity referred to, when known.
    pub entity: Option<String>,
    pub actor: Option<ActorCode>,
}

/// An actor the knowledge base lacks, learned from the text that describes it ("Lee
/// Mingjiang, an associate professor ... at Singapore's Nanyang Technological University"),
/// with the stretch of text that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedActor {
    /// The entity id of its mentions (`local:lee-mingjiang`).
    pub entity: String,
    /// The mention that names it.
    pub name: Span,
    pub actor: ActorCode,
    /// The organisation the description ties it to, as written.
    pub affiliation: Option<String>,
    /// The description (the appositive).
    pub evidence: Span,
}

/// A temporal expression normalised as TIMEX3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    pub value: String,
}

/// Whether a quote is in quotation marks, reported speech, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// What kind of word reports an attribution: a verb or phrase of saying ("said", "according
/// to"), or one of stance, what someone is reported to believe, want, plan or back ("believes",
/// "plans to", "supports", "Trump's view that").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    #[default]
    Speech,
    Stance,
}

impl CueClass {
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Stance => "stance",
        }
    }
}

/// One source through which a claim reaches the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub span: Span,
    /// Unnamed ("people familiar with the matter", "an official who asked not to be named").
    #[serde(default)]
    pub anonymous: bool,
}

/// Who said what: the content, the reporting cue and the speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub content: Span,
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    pub speaker_entity: Option<String>,
    pub kind: QuoteKind,
    /// The sources the claim passed through, innermost first ("documents" → "the Post");
    /// empty when the speaker alone is the source and is named.
    #[serde(default)]
    pub chain: Vec<Source>,
    /// Hedged by the text ("reportedly", "is believed to").
    #[serde(default)]
    pub hedged: bool,
    /// Speech, or a stance reported of the speaker.
    #[serde(default)]
    pub cue_class: CueClass,
}

/// A participant of an event: where the text names it and its actor code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub span: Span,
    pub code: Option<String>,
    pub sector: Option<String>,
}

/// Who did what to whom and when, coded in PLOVER and CAMEO.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// One of the 16 PLOVER event types; `None` for a plain statement (CAMEO 01), which
    /// PLOVER does not code.
    pub kind: Option<String>,
    pub mode: Option<String>,
    pub cameo: String,
    pub quad: u8,
    pub goldstein: f32,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub trigger: Span,
    pub date: Option<String>,
    pub negated: bool,
    /// `None` for an event reported as done; else why it is not plainly so: "claimed" (the
    /// speaker's, inside a quote), "possible", "expected", "refused", "future", ...
    #[serde(default)]
    pub modality: Option<String>,
    pub confidence: f32,
    /// What produced the event (a lexicon line, a dictionary pattern), for explanations.
    #[serde(default)]
    pub pattern: Option<String>,
    /// PLOVER contexts: what the event is about ("military", "economic", ...), from its
    /// sentence's words, its code and its actors (`data/events/contexts.tsv`).
    #[serde(default)]
    pub context: Vec<String>,
    /// A reciprocal event ("Xi and Putin held talks", "met with"): PLOVER counts both sides as
    /// its actors; `source` and `target` still name the two, for dyads.
    #[serde(default)]
    pub reciprocal: bool,
}

/// A relation between two actors that the text states ("X, a close ally of Y", "Y's founder
/// X", "X joined Y"): the first actor is `source`, the one it stands in `kind` to is `target`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// ally, rival, member, founder, head, close (a relation kind of `data/relations/`).
    pub kind: String,
    pub source: Span,
    pub source_entity: Option<String>,
    pub target: Span,
    pub target_entity: Option<String>,
    /// The words that state the relation ("a close ally of", "joined").
    pub cue: Span,
}

/// The stand-off layers. A stage that has not run leaves its layer empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    /// Actors learned from the text; not part of the annotation contract's output.
    pub learned: Vec<LearnedActor>,
    pub timexes: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// Relations between actors stated in the text; an optional extra of the contract.
    #[serde(default)]
    pub relations: Vec<Relation>,
}

/// A document: immutable text, metadata and layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    text: String,
    pub meta: Meta,
    layers: Layers,
}

impl Document {
    pub fn new(text: String, meta: Meta) -> Self {
        Document {
            text,
            meta,
            layers: Layers::default(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// Sets the sentence layer after checking that every span fits the text and that the
    /// spans are in order and do not overlap.
    pub fn set_sentences(&mut self, spans: Vec<Span>) -> Result<(), SpanError> {
        check_ordered("sentences", &self.text, spans.iter())?;
        self.layers.sentences = spans;
        Ok(())
    }

    pub fn set_mentions(&mut self, mentions: Vec<Mention>) -> Result<(), SpanError> {
        for m in &mentions {
            m.span.check(&self.text)?;
        }
        self.layers.mentions = mentions;
        Ok(())
    }

    pub fn set_learned(&mut self, learned: Vec<LearnedActor>) -> Result<(), SpanError> {
        for l in &learned {
            l.name.check(&self.text)?;
            l.evidence.check(&self.text)?;
        }
        self.layers.learned = learned;
        Ok(())
    }

    pub fn set_timexes(&mut self, timexes: Vec<Timex>) -> Result<(), SpanError> {
        for t in &timexes {
            t.span.check(&self.text)?;
        }
        self.layers.timexes = timexes;
        Ok(())
    }

    pub fn set_quotes(&mut self, quotes: Vec<Quote>) -> Result<(), SpanError> {
        for q in &quotes {
            q.content.check(&self.text)?;
            for s in q.cue.iter().chain(q.speaker.iter()) {
                s.check(&self.text)?;
            }
            for c in &q.chain {
                c.span.check(&self.text)?;
            }
        }
        self.layers.quotes = quotes;
        Ok(())
    }

    pub fn set_events(&mut self, events: Vec<Event>) -> Result<(), SpanError> {
        for e in &events {
            e.trigger.check(&self.text)?;
            for a in e.source.iter().chain(e.target.iter()) {
                a.span.check(&self.text)?;
            }
        }
        self.layers.events = events;
        Ok(())
    }

    pub fn set_relations(&mut self, relations: Vec<Relation>) -> Result<(), SpanError> {
        for r in &relations {
            for s in [r.source, r.target, r.cue] {
                s.check(&self.text)?;
            }
        }
        self.layers.relations = relations;
        Ok(())
    }

    /// The text of a span of this document (empty when the span does not fit).
    pub fn span_text(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }
}

fn check_ordered<'a>(
    layer: &'static str,
    text: &str,
    spans: impl Iterator<Item = &'a Span>,
) -> Result<(), SpanError> {
    let mut last_end = 0;
    for s in spans {
        s.check(text)?;
        if s.start < last_end {
            return Err(SpanError::Unordered {
                layer,
                start: s.start,
                end: s.end,
            });
        }
        last_end = s.end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_checked_against_the_text() {
        let text = "Xi met Putin in Moscow — on Sunday.";
        let mut doc = Document::new(text.to_string(), Meta::default());
        assert!(doc.set_sentences(vec![Span::new(0, text.len())]).is_ok());
        // The em dash is three bytes; an offset inside it is not a boundary.
        let dash = text.find('—').unwrap();
        assert_eq!(
            doc.set_sentences(vec![Span::new(0, dash + 1)]),
            Err(SpanError::NotCharBoundary {
                start: 0,
                end: dash + 1
            })
        );
        assert!(matches!(
            doc.set_sentences(vec![Span::new(0, text.len() + 1)]),
            Err(SpanError::OutOfRange { .. })
        ));
        assert!(matches!(
            doc.set_sentences(vec![Span::new(10, 20), Span::new(5, 12)]),
            Err(SpanError::Unordered { .. })
        ));
        // A failed set leaves the previous layer in place.
        assert_eq!(doc.layers().sentences, vec![Span::new(0, text.len())]);
        assert_eq!(doc.span_text(Span::new(0, 2)), "Xi");
    }
}
