#![no_main]
//! The user's PETRARCH/TABARI dictionaries (`--cameo-dictionaries DIR`) and coding with them.
//!
//! The input is split on the byte 0x1E into an actor dictionary, an agent dictionary, a verb
//! dictionary, a discard list and a text; each part present is written to its file in a
//! directory of this process and the directory is loaded by `Cameo::load`, as the CLI does. An
//! empty or missing text means a small fixed news paragraph. The text is annotated with the
//! dictionaries' actors and coded with their verbs; every mention and every event must fit the
//! text (inside it, on char boundaries), each event inside its sentence, and the document must
//! keep all of them (its span checks empty a layer with a bad span).
use dyad_code::petrarch::{self, coder, Cameo};
use dyad_model::{Document, Meta, Span};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const SEP: u8 = 0x1e;
const FILES: [&str; 4] = [
    "F.actors.txt",
    "F.agents.txt",
    "CAMEO.verbs.txt",
    "F.discards.txt",
];
const NEWS: &str = "Valdorian soldiers shelled Kestran on Monday, the ministry said. \
    Kestran's foreign minister met the envoy of Morev in the capital and pledged to aid \
    the refugees. \"We will not talk to them,\" Ashe said on Tuesday.";

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("dyad-fuzz-petrarch-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    })
}

fn fits(what: &str, text: &str, s: Span) {
    if let Err(e) = s.check(text) {
        panic!(
            "{what} span {}..{} does not fit the text: {e}",
            s.start, s.end
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == SEP);
    let dir = dir();
    for name in FILES {
        let path = dir.join(name);
        match parts.next() {
            Some(p) => std::fs::write(&path, p).expect("write dictionary"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    let text = parts
        .next()
        .map(String::from_utf8_lossy)
        .filter(|t| !t.trim().is_empty())
        .map_or_else(|| NEWS.to_string(), |t| t.into_owned());
    let cameo = match Cameo::load(dir) {
        Ok(c) => c,
        // No actor or agent dictionary (or one that does not compile): an error, not a panic.
        Err(e) => {
            assert!(!e.is_empty());
            return;
        }
    };
    let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 17);

    // The mentions with the dictionaries' codes, checked before the document sees them.
    let recognizer = dyad_annotate::mentions::BUILTIN
        .as_ref()
        .expect("built-in knowledge base");
    let (mut ments, _) = recognizer.mentions_and_learned(&text, date);
    cameo.actors.recode(&text, date, &mut ments);
    for m in &ments {
        fits("mention", &text, m.span);
    }

    let mut doc = Document::new(text.clone(), Meta::default());
    dyad_annotate::annotate_with(&mut doc, date, Some(&cameo.actors));
    let l = doc.layers().clone();
    assert_eq!(l.mentions.len(), ments.len(), "mentions dropped");

    // The events of each sentence the discards leave, as `petrarch::code` gathers them.
    let mut expected = None;
    if !cameo.verbs.blocks.is_empty() {
        let discarded = |s: &str, story: bool| {
            cameo
                .discards
                .iter()
                .any(|d| d.story == story && coder::contains_phrase(s, &d.words, d.exact_end))
        };
        let mut n = 0;
        if !discarded(&text, true) {
            for &s in &l.sentences {
                if discarded(&text[s.start..s.end], false) {
                    continue;
                }
                for e in coder::sentence_events(&cameo.verbs, &text, s, &l.mentions) {
                    fits("event trigger", &text, e.trigger);
                    assert!(
                        e.trigger.start >= s.start && e.trigger.end <= s.end,
                        "trigger {}..{} outside its sentence {}..{}",
                        e.trigger.start,
                        e.trigger.end,
                        s.start,
                        s.end
                    );
                    for a in e.source.iter().chain(e.target.iter()) {
                        fits("event actor", &text, a.span);
                    }
                    n += 1;
                }
            }
        }
        expected = Some(n);
    }
    petrarch::code(&mut doc, date, &cameo);
    for e in &doc.layers().events {
        fits("event trigger", &text, e.trigger);
        for a in e.source.iter().chain(e.target.iter()) {
            fits("event actor", &text, a.span);
        }
    }
    if let Some(n) = expected {
        assert_eq!(doc.layers().events.len(), n, "events dropped");
    }
});
