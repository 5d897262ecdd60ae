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
    if let Some(r) = mentions::BUILTIN.as_ref() {
        let (mut found, learned) = r.mentions_and_learned(doc.text(), date);
        if let Some(c) = cameo {
            c.recode(doc.text(), date, &mut found);
        }
        let rels = relations::find_relations(doc.text(), &found);
        let _ = doc.set_mentions(found);
        let _ = doc.set_learned(learned);
        // Built from mention spans and token edges, so on char boundaries; should one not
        // be, the layer stays empty rather than wrong.
        let _ = doc.set_relations(rels);
    }
    let spans: Vec<Span> = sentences::bounded(doc.text(), sentences::split_sentences(doc.text()))
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    // The splitter's spans are ordered and on char boundaries by construction; a failure here
    // would be a splitter bug, and the layer then stays empty rather than wrong.
    let found = time::timexes(doc.text(), &spans, date);
    let quotes = quotes::find_quotes(doc.text(), &spans, &doc.layers().mentions);
    let _ = doc.set_sentences(spans);
    let _ = doc.set_timexes(found);
    // Quote spans are built from token and mark positions, so they sit on char boundaries;
    // should one not, the layer stays empty rather than wrong.
    let _ = doc.set_quotes(quotes);
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
