//! A store with one invented document for the tests: two events between China and Russia in
//! different PLOVER contexts and months, a quote in which China speaks of Russia, and a stated
//! relation, so that each kind of link and count is there to be filtered.

use dyad_ingest::fingerprint::{content_hash, document_id, minhash};
use dyad_model::{ActorCode, Event, EventActor, Mention, Meta, Quote, QuoteKind, Relation, Span};
use dyad_store::{NewDoc, Store};

const TEXT: &str = "Xi Jinping sent troops to drills with Vladimir Putin on Saturday. \
    China's ambassador said cooperation with Russia had no limits. \
    Dmitry Medvedev, a close ally of the president, spoke.";

fn at(s: &str) -> Span {
    let i = TEXT.find(s).expect("the words are in the text");
    Span::new(i, i + s.len())
}

fn mention(s: &str, entity: &str, code: &str, sector: Option<&str>) -> Mention {
    Mention {
        span: at(s),
        kind: "PERSON".into(),
        entity: Some(entity.into()),
        actor: Some(ActorCode {
            code: Some(code.into()),
            sector: sector.map(str::to_string),
        }),
    }
}

fn event(src: (&str, &str), tgt: (&str, &str), kind: &str, date: &str, context: &str) -> Event {
    let actor = |(s, code): (&str, &str)| EventActor {
        span: at(s),
        code: Some(code.into()),
        sector: Some("GOV".into()),
    };
    Event {
        kind: Some(kind.into()),
        mode: None,
        cameo: "060".into(),
        quad: 2,
        goldstein: 6.0,
        source: Some(actor(src)),
        target: Some(actor(tgt)),
        trigger: at("sent troops"),
        date: Some(date.into()),
        negated: false,
        modality: None,
        confidence: 0.8,
        pattern: None,
        context: vec![context.into()],
        reciprocal: false,
    }
}

/// The store: a military event from China to Russia in January 2017, an economic one back in
/// February, China's ambassador on Russia (published in January), Medvedev an ally of Putin.
pub(crate) fn store() -> Store {
    let h = content_hash(TEXT);
    let second = TEXT.find("China's").unwrap();
    let third = TEXT.find("Dmitry").unwrap();
    let doc = NewDoc {
        id: document_id(&h, "Harbour Daily"),
        content_hash: h,
        minhash: minhash(TEXT),
        meta: Meta {
            outlet: Some("Harbour Daily".into()),
            published: Some("2017-01-15".into()),
            ..Meta::default()
        },
        origin: "t.txt".into(),
        encoding: "UTF-8".into(),
        text: TEXT.into(),
        sentences: vec![
            Span::new(0, second - 1),
            Span::new(second, third - 1),
            Span::new(third, TEXT.len()),
        ],
        mentions: vec![
            mention("Xi Jinping", "xi-jinping", "CHN", Some("GOV")),
            mention("Vladimir Putin", "vladimir-putin", "RUS", Some("GOV")),
            mention("China", "chn", "CHN", None),
            mention("Russia", "rus", "RUS", None),
            mention("Dmitry Medvedev", "dmitry-medvedev", "RUS", Some("GOV")),
        ],
        learned: Vec::new(),
        events: vec![
            event(
                ("Xi Jinping", "CHN"),
                ("Vladimir Putin", "RUS"),
                "AID",
                "2017-01-14",
                "military",
            ),
            event(
                ("Vladimir Putin", "RUS"),
                ("Xi Jinping", "CHN"),
                "COOPERATE",
                "2017-02-03",
                "economic",
            ),
        ],
        quotes: vec![Quote {
            content: at("cooperation with Russia had no limits"),
            cue: Some(at("said")),
            speaker: Some(at("China's ambassador")),
            speaker_entity: Some("chn".into()),
            kind: QuoteKind::Indirect,
            chain: Vec::new(),
            hedged: false,
            cue_class: Default::default(),
        }],
        relations: vec![Relation {
            kind: "ally".into(),
            source: at("Dmitry Medvedev"),
            source_entity: Some("dmitry-medvedev".into()),
            target: at("the president"),
            target_entity: Some("vladimir-putin".into()),
            cue: at("a close ally of"),
        }],
    };
    let mut s = Store::open_in_memory().expect("an in-memory store");
    s.insert_batch(&[doc]).expect("the document is stored");
    s
}
