//! Checks shared by the fuzz targets: every layer's spans fit the text, and no layer is
//! silently dropped by the document's span checks (which would hide a bad span).

use chrono::NaiveDate;
use dyad_annotate::{mentions, quotes, relations, sentences, time};
use dyad_model::{Document, Meta, Span};

fn fits(what: &str, text: &str, s: Span) {
    if let Err(e) = s.check(text) {
        panic!(
            "{what} span {}..{} does not fit the text: {e}",
            s.start, s.end
        );
    }
}

/// A reference date for relative time expressions.
pub fn dct() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 5, 17)
}

/// Runs every annotation stage and the coder on `text`, panicking on any span that does
/// not fit the text or any layer out of the order the model promises.
pub fn check_all_layers(text: &str) {
    let date = dct();
    let recognizer = mentions::BUILTIN.as_ref().expect("built-in knowledge base");
    let (ments, learned) = recognizer.mentions_and_learned(text, date);
    for m in &ments {
        fits("mention", text, m.span);
    }
    assert!(
        ments.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "mentions out of order"
    );
    for l in &learned {
        fits("learned name", text, l.name);
        fits("learned evidence", text, l.evidence);
    }
    let rels = relations::find_relations(text, &ments);
    for r in &rels {
        for s in [r.source, r.target, r.cue] {
            fits("relation", text, s);
        }
    }
    let spans: Vec<Span> = sentences::bounded(text, sentences::split_sentences(text))
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    let mut last = 0;
    for s in &spans {
        fits("sentence", text, *s);
        assert!(
            s.start >= last,
            "sentences overlap at {}..{}",
            s.start,
            s.end
        );
        last = s.end;
    }
    let tx = time::timexes(text, &spans, date);
    let mut last = 0;
    for t in &tx {
        fits("timex", text, t.span);
        assert!(
            t.span.start >= last,
            "timexes overlap at {}..{}",
            t.span.start,
            t.span.end
        );
        last = t.span.end;
    }
    let qs = quotes::find_quotes(text, &spans, &ments);
    for q in &qs {
        fits("quote content", text, q.content);
        for s in q.cue.iter().chain(q.speaker.iter()) {
            fits("quote cue/speaker", text, *s);
        }
        for c in &q.chain {
            fits("quote chain", text, c.span);
        }
    }
    let mut doc = Document::new(text.to_string(), Meta::default());
    dyad_annotate::annotate(&mut doc, date);
    let l = doc.layers();
    // The document refuses a layer with a bad span and keeps it empty: equal counts prove
    // nothing was dropped.
    assert_eq!(l.sentences.len(), spans.len());
    assert_eq!(l.mentions.len(), ments.len());
    assert_eq!(l.learned.len(), learned.len());
    assert_eq!(l.relations.len(), rels.len());
    assert_eq!(l.timexes.len(), tx.len());
    assert_eq!(l.quotes.len(), qs.len());
    let coder = dyad_code::BUILTIN.as_ref().expect("built-in lexicon");
    let mut expected = 0;
    for &s in &l.sentences {
        for e in coder.sentence_events(text, s, &l.mentions) {
            fits("event trigger", text, e.trigger);
            assert!(
                e.trigger.start >= s.start && e.trigger.end <= s.end,
                "trigger outside its sentence"
            );
            for a in e.source.iter().chain(e.target.iter()) {
                fits("event actor", text, a.span);
            }
            expected += 1;
        }
    }
    dyad_code::code(&mut doc, date);
    assert_eq!(doc.layers().events.len(), expected);
}
