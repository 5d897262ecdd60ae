//! The layers in the JSON shape of the public contract (`docs/contract.md`, section 2).

use crate::{Document, Span};
use serde_json::{json, Map, Value};

fn span(s: Span) -> Value {
    json!({"start": s.start, "end": s.end})
}

/// A `{start, end}` object built in place: `json!` would build every nested value twice.
fn span_obj(s: Span, text: Option<&str>) -> Value {
    let mut m = Map::with_capacity(3);
    m.insert("start".into(), Value::from(s.start));
    m.insert("end".into(), Value::from(s.end));
    if let Some(t) = text {
        m.insert("text".into(), Value::from(t));
    }
    Value::Object(m)
}

/// One quote in contract shape; the optional extras are printed only when they say something.
fn quote(doc: &Document, q: &crate::Quote) -> Value {
    let mut m = Map::with_capacity(8);
    m.insert("content".into(), span_obj(q.content, None));
    m.insert(
        "cue".into(),
        q.cue.map_or(Value::Null, |s| span_obj(s, None)),
    );
    m.insert(
        "speaker".into(),
        q.speaker
            .map_or(Value::Null, |s| span_obj(s, Some(doc.span_text(s)))),
    );
    m.insert(
        "speaker_entity".into(),
        q.speaker_entity.clone().map_or(Value::Null, Value::String),
    );
    m.insert("kind".into(), json!(q.kind));
    if !q.chain.is_empty() {
        let chain = q
            .chain
            .iter()
            .map(|c| {
                let mut l = span_obj(c.span, Some(doc.span_text(c.span)));
                if c.anonymous {
                    l["anonymous"] = Value::Bool(true);
                }
                l
            })
            .collect();
        m.insert("chain".into(), Value::Array(chain));
    }
    if q.hedged {
        m.insert("hedged".into(), Value::Bool(true));
    }
    m.insert("cue_class".into(), Value::from(q.cue_class.as_str()));
    Value::Object(m)
}

/// One output object of `dyad annotate`: the id and every layer (empty layers as `[]`).
pub fn annotation(id: &str, doc: &Document) -> Value {
    let l = doc.layers();
    let mentions: Vec<Value> = l
        .mentions
        .iter()
        .map(|m| {
            json!({"start": m.span.start, "end": m.span.end, "text": doc.span_text(m.span),
                   "type": m.kind, "entity": m.entity,
                   "actor": m.actor.as_ref().map(|a| json!({"code": a.code, "sector": a.sector}))})
        })
        .collect();
    let timexes: Vec<Value> = l
        .timexes
        .iter()
        .map(|t| {
            json!({"start": t.span.start, "end": t.span.end, "text": doc.span_text(t.span),
                   "type": t.kind, "value": t.value})
        })
        .collect();
    let quotes: Vec<Value> = l.quotes.iter().map(|q| quote(doc, q)).collect();
    let actor = |a: &Option<crate::EventActor>| {
        a.as_ref().map(|a| {
            json!({"start": a.span.start, "end": a.span.end, "text": doc.span_text(a.span),
                   "code": a.code, "sector": a.sector})
        })
    };
    let events: Vec<Value> = l
        .events
        .iter()
        .map(|e| {
            json!({"type": e.kind, "mode": e.mode, "cameo": e.cameo, "quad": e.quad,
                   "goldstein": e.goldstein, "source": actor(&e.source), "target": actor(&e.target),
                   "trigger": span(e.trigger), "date": e.date, "negated": e.negated,
                   "modality": e.modality, "context": e.context, "reciprocal": e.reciprocal,
                   "confidence": e.confidence})
        })
        .collect();
    let mut out = json!({
        "id": id,
        "sentences": l.sentences.iter().map(|s| span(*s)).collect::<Vec<_>>(),
        "mentions": mentions,
        "timexes": timexes,
        "quotes": [],
        "events": events,
    });
    // Put in place, not through `json!`, which would copy every quote once more.
    out["quotes"] = Value::Array(quotes);
    // An optional extra of ours, printed only when the text states a relation.
    if !l.relations.is_empty() {
        let rels = l
            .relations
            .iter()
            .map(|r| {
                json!({"type": r.kind,
                       "source": span_obj(r.source, Some(doc.span_text(r.source))),
                       "source_entity": r.source_entity,
                       "target": span_obj(r.target, Some(doc.span_text(r.target))),
                       "target_entity": r.target_entity,
                       "cue": span_obj(r.cue, Some(doc.span_text(r.cue)))})
            })
            .collect();
        out["relations"] = Value::Array(rels);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, Timex};

    #[test]
    fn layers_serialise_in_contract_shape() {
        let text = "Xi will welcome Putin on Thursday.";
        let mut doc = Document::new(text.into(), Meta::default());
        doc.set_sentences(vec![Span::new(0, text.len())]).unwrap();
        doc.set_timexes(vec![Timex {
            span: Span::new(25, 33),
            kind: "DATE".into(),
            value: "2024-05-16".into(),
        }])
        .unwrap();
        let v = annotation("d1", &doc);
        assert_eq!(v["id"], "d1");
        assert_eq!(v["sentences"][0], json!({"start": 0, "end": 34}));
        assert_eq!(v["timexes"][0]["text"], "Thursday");
        assert_eq!(v["timexes"][0]["value"], "2024-05-16");
        for layer in ["mentions", "quotes", "events"] {
            assert_eq!(v[layer], json!([]), "{layer} must be present and empty");
        }
        assert!(v.get("relations").is_none(), "no relations, no field");
    }

    #[test]
    fn quote_chains_are_printed_only_when_there_is_one() {
        use crate::{Quote, QuoteKind, Source};
        let text = "Documents claimed China agreed, according to the Post.";
        let mut doc = Document::new(text.into(), Meta::default());
        let plain = Quote {
            content: Span::new(18, 30),
            cue: Some(Span::new(10, 17)),
            speaker: Some(Span::new(0, 9)),
            speaker_entity: None,
            kind: QuoteKind::Indirect,
            chain: Vec::new(),
            hedged: false,
            cue_class: crate::CueClass::Speech,
        };
        let chained = Quote {
            chain: vec![
                Source {
                    span: Span::new(0, 9),
                    anonymous: false,
                },
                Source {
                    span: Span::new(45, 53),
                    anonymous: true,
                },
            ],
            hedged: true,
            cue_class: crate::CueClass::Stance,
            ..plain.clone()
        };
        doc.set_quotes(vec![plain, chained]).unwrap();
        let v = annotation("d1", &doc);
        let q = &v["quotes"];
        assert!(q[0].get("chain").is_none() && q[0].get("hedged").is_none());
        assert_eq!(q[0]["kind"], "indirect");
        assert_eq!(q[0]["speaker"]["text"], "Documents");
        assert_eq!(
            q[1]["chain"],
            json!([{"start": 0, "end": 9, "text": "Documents"},
                   {"start": 45, "end": 53, "text": "the Post", "anonymous": true}])
        );
        assert_eq!(q[1]["hedged"], true);
        assert_eq!(q[0]["cue_class"], "speech");
        assert_eq!(q[1]["cue_class"], "stance");
    }
}
