//! Annotate: the stand-off layers that describe the text itself.
//!
//! This stage fills the sentence, mention, time-expression, quote and relation layers.

pub mod calendar;
pub mod cameo;
pub mod mentions;
pub mod names;
pub mod quotes;
pub mod relations;
pub mod sentences;
pub mod teams;
pub mod time;

use chrono::NaiveDate;
use dyad_model::{Document, Span};

/// The most text the layers cover, in bytes. A news article is well under 100 KB; a text of
/// many megabytes is a dump or a concatenation, and annotating all of it would take memory in
/// proportion (every mention, sentence and event held at once). Beyond this, the layers stop;
/// the stored text stays whole and searchable.
pub const MAX_ANNOTATED_BYTES: usize = 4 << 20;

/// The part of a text the layers cover: all of it, or its first [`MAX_ANNOTATED_BYTES`] cut at
/// the last line break (else space) before the limit.
pub fn annotated_part(text: &str) -> &str {
    if text.len() <= MAX_ANNOTATED_BYTES {
        return text;
    }
    let mut end = MAX_ANNOTATED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = head
        .rfind('\n')
        .or_else(|| head.rfind(' '))
        .filter(|&i| i > end / 2)
        .unwrap_or(end);
    &text[..cut]
}

/// Adds the annotation layers to a document. `date` is the document's creation date, which
/// decides the roles (and so the actor codes) of the people it names and anchors relative
/// time expressions.
pub fn annotate(doc: &mut Document, date: Option<NaiveDate>) {
    annotate_with(doc, date, None);
}

/// [`annotate`], with the actor codes taken from the user's CAMEO/PETRARCH dictionaries
/// instead of the built-in knowledge base when `cameo` is given.
pub fn annotate_with(
    doc: &mut Document,
    date: Option<NaiveDate>,
    cameo: Option<&cameo::CameoActors>,
) {
    // The layers cover at most the first MAX_ANNOTATED_BYTES; the text itself stays whole.
    let text = annotated_part(doc.text());
    let (found, learned, rels) = match mentions::BUILTIN.as_ref() {
        Some(r) => {
            let (mut found, learned) = r.mentions_and_learned(text, date);
            if let Some(c) = cameo {
                c.recode(text, date, &mut found);
            }
            let rels = relations::find_relations(text, &found);
            (found, learned, rels)
        }
        None => Default::default(),
    };
    let spans: Vec<Span> = sentences::bounded(text, sentences::split_sentences(text))
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    let timexes = time::timexes(text, &spans, date);
    let quotes = quotes::find_quotes(text, &spans, &found);
    // Every layer is built from token, mark and mention edges, so its spans sit on char
    // boundaries in order; should one not, that layer stays empty rather than wrong.
    let _ = doc.set_mentions(found);
    let _ = doc.set_learned(learned);
    let _ = doc.set_relations(rels);
    let _ = doc.set_sentences(spans);
    let _ = doc.set_timexes(timexes);
    let _ = doc.set_quotes(quotes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Meta;

    #[test]
    fn a_huge_text_is_annotated_on_its_first_megabytes_only() {
        let para =
            "Xi Jinping met Vladimir Putin in Moscow on Monday. The two sides signed a deal.\n";
        let big = para.repeat(MAX_ANNOTATED_BYTES / para.len() + 100);
        let head = annotated_part(&big);
        assert!(head.len() <= MAX_ANNOTATED_BYTES && head.len() > MAX_ANNOTATED_BYTES - para.len());
        assert!(head.ends_with("deal."), "cut at a line break");
        let short = para.repeat(3);
        assert_eq!(annotated_part(&short), short);
        let mut doc = Document::new(big.clone(), Meta::default());
        annotate(&mut doc, None);
        let last = doc.layers().sentences.last().unwrap();
        assert!(last.end <= head.len());
        assert!(doc
            .layers()
            .mentions
            .iter()
            .all(|m| m.span.end <= head.len()));
        assert_eq!(doc.text().len(), big.len(), "the text stays whole");
    }

    #[test]
    fn sentences_of_a_news_paragraph() {
        let text = "Defense Minister Gen. Li Shangfu met Putin on Sunday.Russian news agency TASS reported the talks. \
                    \"They are very stable,\" Li said after the meeting.\n\nQin Gang: Our cooperation is not aimed at any third party.";
        let mut doc = Document::new(text.to_string(), Meta::default());
        annotate(&mut doc, NaiveDate::from_ymd_opt(2023, 4, 18));
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
        // The built-in knowledge base names the actors, with their codes of the day.
        let entities: Vec<(&str, Option<&str>)> = doc
            .layers()
            .mentions
            .iter()
            .filter(|m| m.kind == "PERSON")
            .map(|m| {
                (
                    doc.span_text(m.span),
                    m.actor.as_ref().and_then(|a| a.sector.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            entities,
            [
                ("Li Shangfu", Some("MIL")),
                ("Putin", Some("GOV")),
                ("Li", Some("MIL")),
                ("Qin Gang", Some("GOV"))
            ]
        );
        assert!(doc.layers().events.is_empty());
    }
}
