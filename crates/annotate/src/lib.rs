//! Annotate: the stand-off layers that describe the text itself.
//!
//! This stage fills the sentence layer. Mentions, time expressions and quotes are later stages
//! of the same crate; until they land their layers stay empty, as the contract requires.

pub mod sentences;

use dyad_model::{Document, Span};

/// Adds the annotation layers to a document.
pub fn annotate(doc: &mut Document) {
    let spans: Vec<Span> = sentences::split_sentences(doc.text())
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    // The splitter's spans are ordered and on char boundaries by construction; a failure here
    // would be a splitter bug, and the layer then stays empty rather than wrong.
    let _ = doc.set_sentences(spans);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Meta;

    #[test]
    fn sentences_of_a_news_paragraph() {
        let text = "Defense Minister Gen. Li Shangfu met Putin on Sunday.Russian news agency TASS reported the talks. \
                    \"They are very stable,\" Li said after the meeting.\n\nQin Gang: Our cooperation is not aimed at any third party.";
        let mut doc = Document::new(text.to_string(), Meta::default());
        annotate(&mut doc);
        let got: Vec<&str> = doc
            .layers()
            .sentences
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(
            got,
            [
                "Defense Minister Gen. Li Shangfu met Putin on Sunday.",
                "Russian news agency TASS reported the talks.",
                "\"They are very stable,\" Li said after the meeting.",
                "Qin Gang: Our cooperation is not aimed at any third party.",
            ]
        );
        assert!(doc.layers().mentions.is_empty() && doc.layers().events.is_empty());
    }
}
