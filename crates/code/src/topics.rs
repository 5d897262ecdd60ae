//! PLOVER contexts (`data/events/contexts.tsv`): what an event is about — a meeting on military
//! issues, sanctions in an economic dispute, an arrest in a corruption case.
//!
//! An event takes every context whose words stand in its sentence, whose CAMEO code implies it
//! (062, military cooperation, is military), or whose actors' sector implies it (a state's armed
//! forces are military). Contexts come in the file's order.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dyad_model::{Event, Span};
use std::sync::LazyLock;

const CONTEXTS_TSV: &str = include_str!("../../../data/events/contexts.tsv");

/// The compiled context lexicon.
pub struct Contexts {
    /// Context names, in the file's order; a context is its index here (at most 64).
    names: Vec<String>,
    words: AhoCorasick,
    /// Per word pattern: its contexts (a word may stand in several: "oil") and whether it
    /// matches any ending ("sanction*").
    word_of: Vec<(u64, bool)>,
    /// Entries read, for `check_builtin`.
    entries: usize,
    cameo: Vec<(String, usize)>,
    sector: Vec<(String, usize)>,
}

/// The built-in lexicon, compiled once; `None` only if the file is invalid, which the tests
/// rule out.
pub static BUILTIN: LazyLock<Option<Contexts>> =
    LazyLock::new(|| Contexts::parse(CONTEXTS_TSV).ok());

/// Checks the built-in file; the number of entries.
pub fn check_builtin() -> Result<usize, String> {
    let c = Contexts::parse(CONTEXTS_TSV)?;
    Ok(c.entries + c.cameo.len() + c.sector.len())
}

/// A context asked for by a user (`--context`, `context=`): its name in lower case if the
/// built-in file has it, else a one-line error naming the value. Filters compare whole names,
/// so a misspelt one would silently match nothing; this says so instead.
pub fn context_name(asked: &str) -> Result<String, String> {
    let name = asked.trim().to_ascii_lowercase();
    let known = BUILTIN.as_ref().map_or(&[][..], |c| c.names.as_slice());
    if known.contains(&name) {
        return Ok(name);
    }
    Err(format!(
        "{asked:?} is not a PLOVER context (one of: {})",
        known.join(", ")
    ))
}

impl Contexts {
    /// Reads the file; an error names the line and what is wrong with it.
    pub fn parse(text: &str) -> Result<Contexts, String> {
        let codes = crate::lexicon::Lexicon::builtin()?.codes;
        let mut names: Vec<String> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut word_of: Vec<(u64, bool)> = Vec::new();
        let mut read = 0;
        let mut cameo = Vec::new();
        let mut sector = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let at = |m: String| format!("data/events/contexts.tsv:{}: {m}", i + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let [name, kind, entries] = f[..] else {
                return Err(at("expected context<TAB>kind<TAB>entries".into()));
            };
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(at(format!("context {name:?} must be lower case")));
            }
            let ctx = match names.iter().position(|n| n == name) {
                Some(k) => k,
                None => {
                    names.push(name.to_string());
                    names.len() - 1
                }
            };
            if ctx >= 64 {
                return Err(at("more than 64 contexts".into()));
            }
            for e in entries.split('|').map(str::trim) {
                if e.is_empty() {
                    return Err(at("an empty entry".into()));
                }
                match kind {
                    "word" => {
                        if e != e.to_lowercase() {
                            return Err(at(format!("{e:?} must be lower case")));
                        }
                        let (w, any_end) = match e.strip_suffix('*') {
                            Some(w) => (w, true),
                            None => (e, false),
                        };
                        if w.is_empty() || w.contains('*') {
                            return Err(at(format!("{e:?}: \"*\" only at the end of a word")));
                        }
                        read += 1;
                        // One pattern per word and ending: the leftmost-longest search
                        // reports a word once, with all its contexts.
                        match (0..patterns.len())
                            .find(|&k| patterns[k] == w && word_of[k].1 == any_end)
                        {
                            Some(k) => word_of[k].0 |= 1 << ctx,
                            None => {
                                patterns.push(w.to_string());
                                word_of.push((1 << ctx, any_end));
                            }
                        }
                    }
                    "cameo" => {
                        if !codes.keys().any(|c| c.starts_with(e)) {
                            return Err(at(format!("{e:?} begins no CAMEO code of cameo.tsv")));
                        }
                        cameo.push((e.to_string(), ctx));
                    }
                    "sector" => {
                        if !(e.len() == 3 && e.bytes().all(|b| b.is_ascii_uppercase())) {
                            return Err(at(format!("sector {e:?} must be three capitals")));
                        }
                        sector.push((e.to_string(), ctx));
                    }
                    k => return Err(at(format!("kind {k:?} is not word, cameo or sector"))),
                }
            }
        }
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Contexts {
            names,
            words,
            word_of,
            entries: read,
            cameo,
            sector,
        })
    }

    /// The contexts the words of a text name, as a set of bits.
    fn of_words(&self, text: &str) -> u64 {
        let b = text.as_bytes();
        let mut set = 0u64;
        for m in self.words.find_iter(text) {
            let (ctxs, any_end) = self.word_of[m.pattern().as_usize()];
            let left = m.start() == 0 || !word_byte(b[m.start() - 1]);
            let right = any_end || m.end() == b.len() || !word_byte(b[m.end()]);
            if left && right {
                set |= ctxs;
            }
        }
        set
    }

    /// Sets the contexts of the events of one sentence.
    pub fn assign(&self, text: &str, sentence: Span, events: &mut [Event]) {
        if events.is_empty() {
            return;
        }
        let words = self.of_words(&text[sentence.start..sentence.end]);
        for e in events {
            let mut set = words;
            for (prefix, ctx) in &self.cameo {
                if e.cameo.starts_with(prefix.as_str()) {
                    set |= 1 << ctx;
                }
            }
            for a in [&e.source, &e.target].into_iter().flatten() {
                if let Some(s) = a.sector.as_deref() {
                    for (sector, ctx) in &self.sector {
                        if sector == s {
                            set |= 1 << ctx;
                        }
                    }
                }
            }
            e.context = (0..self.names.len())
                .filter(|&k| set & (1 << k) != 0)
                .map(|k| self.names[k].clone())
                .collect();
        }
    }
}

/// A byte that continues a word: letters, digits, and UTF-8 continuation or lead bytes (a
/// letter of another script).
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::EventActor;

    fn event(cameo: &str, sector: Option<&str>) -> Event {
        Event {
            kind: None,
            mode: None,
            cameo: cameo.to_string(),
            quad: 1,
            goldstein: 0.0,
            source: Some(EventActor {
                span: Span::new(0, 1),
                code: Some("CHN".into()),
                sector: sector.map(str::to_string),
            }),
            target: None,
            trigger: Span::new(0, 1),
            date: None,
            negated: false,
            modality: None,
            confidence: 0.5,
            pattern: None,
            context: Vec::new(),
            reciprocal: false,
        }
    }

    #[test]
    fn the_built_in_file_is_valid() {
        assert!(check_builtin().unwrap() > 300);
        assert!(BUILTIN.is_some());
    }

    #[test]
    fn contexts_from_words_codes_and_sectors() {
        let c = BUILTIN.as_ref().unwrap();
        let text = "The two ministers discussed oil exports and sanctioned banks.";
        let mut evs = [event("040", Some("GOV")), event("062", Some("MIL"))];
        c.assign(text, Span::new(0, text.len()), &mut evs);
        // "oil", "exports", "sanctioned" (sanction*); talks are diplomatic by their code.
        assert_eq!(
            evs[0].context,
            ["economic", "diplomatic", "natural_resource"]
        );
        // Military cooperation is military by its code and its actor.
        assert_eq!(evs[1].context[0], "military");
        // Whole words only: "army" is not in "swarmy", nor "gas" in "Vegas".
        let text = "An important swarmy crowd in Las Vegas discussed Crimea.";
        let mut evs = [event("010", None)];
        c.assign(text, Span::new(0, text.len()), &mut evs);
        assert!(evs[0].context.is_empty(), "{:?}", evs[0].context);
    }

    #[test]
    fn context_names_are_checked_against_the_file() {
        assert_eq!(context_name("military").unwrap(), "military");
        assert_eq!(context_name(" Human_Rights").unwrap(), "human_rights");
        for bad in ["militar", "mil%", "", "military,economic"] {
            let e = context_name(bad).unwrap_err();
            assert!(
                e.contains(&format!("{bad:?}")) && e.contains("economic") && !e.contains('\n'),
                "{e}"
            );
        }
    }

    #[test]
    fn bad_lines_are_named() {
        let e = Contexts::parse("military\tword\tArmy\n").err().unwrap();
        assert!(e.contains(":1:") && e.contains("lower case"), "{e}");
        let e = Contexts::parse("military\tcameo\t99\n").err().unwrap();
        assert!(e.contains("begins no CAMEO code"), "{e}");
        let e = Contexts::parse("military\tthing\tx\n").err().unwrap();
        assert!(e.contains("kind"), "{e}");
        let e = Contexts::parse("military\tword\tar*my\n").err().unwrap();
        assert!(e.contains("only at the end"), "{e}");
    }
}
