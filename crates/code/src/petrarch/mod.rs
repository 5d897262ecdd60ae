//! Coding with the user's own CAMEO/PETRARCH dictionaries (`--cameo-dictionaries DIR`).
//!
//! Actors and agents come from [`dyad_annotate::cameo::CameoActors`] (every mention's
//! `actor` is then the user's code); this module reads the verb dictionaries and discard
//! lists ([`verbs`]) and codes each sentence the way TABARI and PETRARCH do, over plain text:
//! clauses, the first dictionary verb of each clause that gives an event, its patterns
//! matched against the words around it, the subject before it as source and the first actor
//! after it as target, compound actors, passives and negation. See `docs/events.md`.

pub mod coder;
pub mod verbs;

use chrono::NaiveDate;
use dyad_annotate::cameo::CameoActors;
use dyad_model::{Document, Span};
use std::path::{Path, PathBuf};
use verbs::{Discard, VerbDictionary};

/// Everything loaded from a dictionary directory.
pub struct Cameo {
    pub actors: CameoActors,
    pub verbs: VerbDictionary,
    pub discards: Vec<Discard>,
    /// The verb and discard files read.
    pub files: Vec<PathBuf>,
    /// Lines of the verb and discard files that could not be read: `file:line: reason`.
    pub warnings: Vec<String>,
}

/// Whether a file name is a verb dictionary (`*verbs*.txt`, `CAMEO*.txt`).
fn is_verbs(name: &str) -> bool {
    name.ends_with(".txt") && (name.contains("verbs") || name.starts_with("cameo"))
}

impl Cameo {
    /// Loads the actor, agent, verb and discard dictionaries of a directory.
    pub fn load(dir: &Path) -> Result<Cameo, String> {
        let actors = CameoActors::load(dir)?;
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut c = Cameo {
            actors,
            verbs: VerbDictionary::default(),
            discards: Vec::new(),
            files: Vec::new(),
            warnings: Vec::new(),
        };
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let discards = name.ends_with(".txt") && name.contains("discards");
            if !discards && !is_verbs(&name) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let label = path.display().to_string();
            if discards {
                c.discards
                    .extend(verbs::parse_discards(&text, &label, &mut c.warnings));
            } else {
                verbs::parse_verbs(&text, &label, &mut c.verbs);
            }
            c.files.push(path);
        }
        c.warnings.append(&mut c.verbs.warnings);
        Ok(c)
    }

    /// Builds one from dictionaries already read (tests, embedding).
    pub fn new(actors: CameoActors, verbs: VerbDictionary, discards: Vec<Discard>) -> Cameo {
        Cameo {
            actors,
            verbs,
            discards,
            files: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Adds the event layer from the user's verb patterns; without any verb block it falls back
/// to the built-in coder.
pub fn code(doc: &mut Document, dct: Option<NaiveDate>, cameo: &Cameo) {
    if cameo.verbs.blocks.is_empty() {
        crate::code(doc, dct);
        return;
    }
    let text = doc.text();
    let layers = doc.layers();
    let story_discarded = cameo
        .discards
        .iter()
        .any(|d| d.story && coder::contains_phrase(text, &d.words, d.exact_end));
    let mut events = Vec::new();
    if !story_discarded {
        for &sentence in &layers.sentences {
            let s = &text[sentence.start..sentence.end];
            if cameo
                .discards
                .iter()
                .any(|d| !d.story && coder::contains_phrase(s, &d.words, d.exact_end))
            {
                continue;
            }
            let date = |trigger: Span| {
                dyad_annotate::time::event_date(text, &layers.timexes, sentence, trigger, dct)
                    .map(|d| d.value)
            };
            events.extend(coder::sentence_events(
                &cameo.verbs,
                text,
                sentence,
                &layers.mentions,
                &date,
            ));
        }
    }
    let _ = doc.set_events(events);
}
