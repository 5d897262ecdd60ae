//! Property test of the event layer's spans: for arbitrary news-like text, every trigger and
//! actor span lies inside the text on char boundaries and inside its sentence, and events
//! come in sentence order. The coder's output is checked before the document's own check,
//! which would silently keep an empty layer.

use chrono::NaiveDate;
use dyad_model::{Document, Meta, Span};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Vladimir Putin",
    "Xi Jinping",
    "Russia",
    "China",
    "Ukraine",
    "Israel",
    "Hamas",
    "the European Union",
    "Iranian officials",
    "Russian troops",
    "the White House",
    " attacked",
    " met with",
    " criticized",
    " signed an agreement with",
    " sanctioned",
    " threatened to invade",
    " did not accuse",
    " will visit",
    " urged",
    " praised",
    " said",
    " on Monday",
    " last year",
    "\"",
    "“",
    "”",
    "«",
    "»",
    ". ",
    ", ",
    "\n\n",
    " Путин",
    " 中国",
    " يوم",
    " ⚠",
    "\u{200d}",
    " the ",
    " and ",
    " in ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => (proptest::sample::select(PIECES), 50usize..300)
            .prop_map(|(p, n)| p.replace(['.', '\n'], " ").repeat(n)),
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<usize, TestCaseError> {
    let date = NaiveDate::from_ymd_opt(2024, 5, 17);
    let mut doc = Document::new(text.to_string(), Meta::default());
    dyad_annotate::annotate(&mut doc, date);
    let coder = dyad_code::BUILTIN.as_ref().expect("built-in lexicon");
    let l = doc.layers();
    let mut found = 0;
    for &s in &l.sentences {
        for e in coder.sentence_events(text, s, &l.mentions) {
            prop_assert!(e.trigger.check(text).is_ok(), "trigger {:?}", e.trigger);
            prop_assert!(e.trigger.start >= s.start && e.trigger.end <= s.end);
            for a in e.source.iter().chain(e.target.iter()) {
                prop_assert!(a.span.check(text).is_ok(), "actor {:?}", a.span);
            }
            found += 1;
        }
    }
    let sentences: Vec<Span> = l.sentences.clone();
    dyad_code::code(&mut doc, date);
    let events = &doc.layers().events;
    prop_assert_eq!(events.len(), found);
    // In sentence order: the sentence holding each trigger never goes back.
    let sentence_of =
        |e: &dyad_model::Event| sentences.partition_point(|s| s.end <= e.trigger.start);
    let order: Vec<usize> = events.iter().map(sentence_of).collect();
    prop_assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "events out of sentence order"
    );
    Ok(found)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_event_span_fits_news_like_text(text in news_like()) {
        check(&text)?;
    }

    #[test]
    fn every_event_span_fits_arbitrary_text(text in any::<String>()) {
        check(&text)?;
    }
}

#[test]
fn a_news_sentence_gives_an_event_that_passes_the_checks() {
    let n =
        check("Russian troops attacked Ukraine on Monday. China praised the agreement.").unwrap();
    assert!(n >= 1);
}
