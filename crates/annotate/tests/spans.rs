//! Property tests of the span invariants of every annotation layer: for arbitrary text
//! (news-like fragments mixed with other scripts, stray quote marks, arbitrary characters and
//! long lines) each span lies inside the text on char boundaries, and each layer is in the
//! order the model promises. A layer the document refused would be empty, so the stage
//! outputs are checked directly and then compared with what the document kept.

use chrono::NaiveDate;
use dyad_annotate::{mentions, quotes, relations, sentences, time};
use dyad_model::{Document, Meta, Span};
use proptest::prelude::*;

/// Pieces of text that reach every stage: names of the knowledge base, reporting cues,
/// time expressions, quote marks of several languages, other scripts and sentence ends.
const PIECES: &[&str] = &[
    "Vladimir Putin",
    "Xi Jinping",
    "President Joe Biden",
    "Moscow",
    "Kyiv",
    "the Kremlin",
    "NATO",
    "Hamas",
    "Israeli troops",
    "the United Nations",
    "Ukraine's foreign minister",
    " said",
    " told reporters",
    " according to officials",
    " announced",
    " warned",
    " met",
    " attacked",
    " signed a deal with",
    " accused",
    " did not rule out",
    " on Sunday",
    " last week",
    " May 5, 2024",
    " in 2023",
    " two days later",
    " tomorrow",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "'",
    " — ",
    ": ",
    ", ",
    ". ",
    "? ",
    "!\n",
    "\n\n",
    " Mr.",
    " U.S.",
    " 3.5",
    " (AP)",
    " Путин заявил",
    " 习近平",
    " قال",
    " 🇺🇦",
    " é",
    "\u{feff}",
    "\u{200b}",
    "\t",
    " the ",
    " and ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        // A long line: one piece many times, without a sentence end.
        1 => (proptest::sample::select(PIECES), 50usize..400)
            .prop_map(|(p, n)| p.replace(['.', '!', '?', '\n'], " ").repeat(n)),
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn fits(what: &str, text: &str, s: Span) -> Result<(), TestCaseError> {
    prop_assert!(s.check(text).is_ok(), "{what} span {:?} does not fit", s);
    Ok(())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let date = NaiveDate::from_ymd_opt(2024, 5, 17);
    let r = mentions::BUILTIN.as_ref().expect("knowledge base");
    let (ments, learned) = r.mentions_and_learned(text, date);
    for m in &ments {
        fits("mention", text, m.span)?;
    }
    prop_assert!(ments.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    for l in &learned {
        fits("learned name", text, l.name)?;
        fits("learned evidence", text, l.evidence)?;
    }
    let rels = relations::find_relations(text, &ments);
    for rel in &rels {
        for s in [rel.source, rel.target, rel.cue] {
            fits("relation", text, s)?;
        }
    }
    let spans: Vec<Span> = sentences::bounded(text, sentences::split_sentences(text))
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    let mut last = 0;
    for s in &spans {
        fits("sentence", text, *s)?;
        prop_assert!(s.start >= last, "sentences overlap at {:?}", s);
        // The later stages rely on sentences of at most about 4 KB.
        prop_assert!(s.len() <= 4096 + 4, "sentence of {} bytes", s.len());
        last = s.end;
    }
    let tx = time::timexes(text, &spans, date);
    let mut last = 0;
    for t in &tx {
        fits("timex", text, t.span)?;
        prop_assert!(t.span.start >= last, "timexes overlap at {:?}", t.span);
        last = t.span.end;
    }
    let qs = quotes::find_quotes(text, &spans, &ments);
    for q in &qs {
        fits("quote content", text, q.content)?;
        for s in q.cue.iter().chain(q.speaker.iter()) {
            fits("quote cue or speaker", text, *s)?;
        }
        for c in &q.chain {
            fits("quote source", text, c.span)?;
        }
    }
    let mut doc = Document::new(text.to_string(), Meta::default());
    dyad_annotate::annotate(&mut doc, date);
    let l = doc.layers();
    prop_assert_eq!(l.sentences.len(), spans.len());
    prop_assert_eq!(l.mentions.len(), ments.len());
    prop_assert_eq!(l.learned.len(), learned.len());
    prop_assert_eq!(l.relations.len(), rels.len());
    prop_assert_eq!(l.timexes.len(), tx.len());
    prop_assert_eq!(l.quotes.len(), qs.len());
    Ok(())
}

proptest! {
    // Few cases: the suite must stay quick; the fuzz targets (fuzz/) search far longer.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_layer_fits_news_like_text(text in news_like()) {
        check(&text)?;
    }

    #[test]
    fn every_layer_fits_arbitrary_text(text in any::<String>()) {
        check(&text)?;
    }
}

#[test]
fn a_real_looking_paragraph_fills_every_layer() {
    // The property above would pass vacuously if the stages found nothing; this text makes
    // sure they do on news-like pieces.
    let text = "“We will not give up,” Vladimir Putin told reporters in Moscow on Sunday. \
                Xi Jinping met Putin last week, according to officials.";
    check(text).unwrap();
    let mut doc = Document::new(text.to_string(), Meta::default());
    dyad_annotate::annotate(&mut doc, NaiveDate::from_ymd_opt(2024, 5, 17));
    let l = doc.layers();
    assert_eq!(l.sentences.len(), 2);
    assert!(l.mentions.len() >= 3);
    assert!(!l.timexes.is_empty());
    let got: Vec<&str> = l.quotes.iter().map(|q| doc.span_text(q.content)).collect();
    assert!(
        got.iter().any(|q| q.contains("We will not give up")),
        "{got:?}"
    );
}
