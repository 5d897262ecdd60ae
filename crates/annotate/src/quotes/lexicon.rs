//! The reporting verbs, nouns, hedges and anonymity markers of `data/quotes/cues.txt`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A multiply-rotate hash for short lower-case words: every word of a text is looked up, and
/// SipHash's resistance to crafted keys buys nothing for a fixed, built-in word list.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

const CUES: &str = include_str!("../../../../data/quotes/cues.txt");

/// What a reporting verb form may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    /// A cue only when a `that` clause follows ("a poll shows that ...").
    pub that_only: bool,
    /// A cue only next to a quotation ("“…,” she continued", "He continued: “…”"), never
    /// before an object ("forces continued their attacks").
    pub quote_only: bool,
    /// Names whom it is said to before the content ("told Reuters ...").
    pub addressee: bool,
    /// What follows it is always whom it was said to, never an inverted speaker ("“…,”
    /// Ramos told AFP", never "“…,” told Ramos").
    pub listener: bool,
    /// The complements that are its content, for verbs listed with them (`stance` and
    /// `speech` lines).
    pub frames: Option<Frames>,
    /// A verb of stance (belief, intention, position, perception), not of saying.
    pub stance: bool,
}

/// Particles a verb may need before its content ("talked about", "pointed out", "pointed
/// to"). In the cue file the particle "to" is written `to-prep`, as `to` is the infinitive.
pub const PARTICLES: [&str; 15] = [
    "about", "out", "on", "against", "for", "over", "with", "to", "of", "at", "in", "off", "down",
    "after", "back",
];

/// The frames a particle may bring in on its own (`for+obj`), a bit each in
/// [`Frames::after`].
const FRAME_BITS: [&str; 6] = ["clause", "that", "to", "obj", "as", "inf"];

/// The complements a verb takes as its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Frames {
    /// The particles one of which comes between the verb and its content ("talked about
    /// the plan"), a bit per entry of [`PARTICLES`]; none when 0.
    pub particles: u16,
    /// A `that` clause or a bare clause: "believes (that) the deal will hold".
    pub clause: bool,
    /// A `that` clause only: "feels that the deal is fair".
    pub that: bool,
    /// An infinitive, with or without an object before it: "plans to run", "wants voters to
    /// know".
    pub to: bool,
    /// A noun phrase or gerund: "supports the bill", "opposes sending troops".
    pub obj: bool,
    /// An object and what it is taken for: "sees him as a threat".
    pub as_obj: bool,
    /// A cue only as a noun after a possessive: "Trump's view that …".
    pub noun: bool,
    /// An infinitive right after the word, never after an object: "would like to meet",
    /// not "candidates like Cruz to …".
    pub inf: bool,
    /// Frames that follow a particle while the word's other frames follow it directly
    /// ("hoping for a deal" beside "hopes to win"; `for+obj` in the cue file): per entry of
    /// [`PARTICLES`], a bit per entry of [`FRAME_BITS`]; none when 0.
    pub after: [u8; PARTICLES.len()],
}

impl Frames {
    /// Whether the particle `w` may come before the word's content, bare or with a frame.
    pub fn takes_particle(&self, w: &str) -> bool {
        PARTICLES
            .iter()
            .position(|p| *p == w)
            .is_some_and(|k| self.particles & (1 << k) != 0 || self.after[k] != 0)
    }

    /// The frames that may follow the particle `w` ("for" in "hoping for a deal"), if it
    /// brings in any of its own.
    pub fn after_particle(&self, w: &str) -> Option<Frames> {
        let k = PARTICLES.iter().position(|p| *p == w)?;
        let b = self.after[k];
        let has = |name: &str| {
            FRAME_BITS
                .iter()
                .position(|x| *x == name)
                .is_some_and(|i| b & (1 << i) != 0)
        };
        (b != 0).then(|| Frames {
            clause: has("clause"),
            that: has("that"),
            to: has("to"),
            obj: has("obj"),
            as_obj: has("as"),
            inf: has("inf"),
            ..Frames::default()
        })
    }
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Lower-case verb form -> what it does.
    pub verbs: WordMap<Verb>,
    /// Multi-word cues whose source follows, as lower-case word sequences.
    pub phrases: Vec<Vec<String>>,
    pub nouns: WordSet,
    pub aux: WordSet,
    /// Hedges as lower-case word sequences.
    pub hedges: Vec<Vec<String>>,
    /// Anonymity markers as lower-case word sequences.
    pub anon: Vec<Vec<String>>,
    pub labels: WordSet,
    pub pronouns: WordSet,
    /// Lower-case nouns that head a speaker phrase ("officials", "spokesman").
    pub sources: WordSet,
    /// The first words of phrases, hedges and anonymity markers: a quick test before
    /// matching whole sequences.
    pub starts: WordSet,
    /// Per first two letters, a bit per word length (1-31) that some verb or start word
    /// has: most words of a text are turned away here without hashing.
    shapes: Vec<u32>,
}

/// The slot of a word's first two letters (a-z each), if it starts with two.
fn shape_slot(b: &[u8]) -> Option<usize> {
    match b {
        [x @ b'a'..=b'z', y @ b'a'..=b'z', ..] => {
            Some(usize::from(x - b'a') * 26 + usize::from(y - b'a'))
        }
        _ => None,
    }
}

impl Lexicon {
    /// Whether a lower-case word could be a verb form or start a phrase, hedge or marker.
    pub fn may_be_cue(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match shape_slot(b) {
            Some(slot) if b.len() < 32 && !self.shapes.is_empty() => {
                self.shapes[slot] & (1 << b.len()) != 0
            }
            _ => false,
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

/// Parses the cue file; an error names the line and the reason.
pub fn parse(src: &str) -> Result<Lexicon, String> {
    let mut lx = Lexicon::default();
    // (line, base form, listener only)
    let mut addressees: Vec<(usize, String, bool)> = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (cat, entry) = line
            .split_once('\t')
            .ok_or_else(|| format!("data/quotes/cues.txt:{n}: expected CATEGORY<TAB>entry"))?;
        let entry = entry.trim().to_lowercase();
        if entry.is_empty() {
            return Err(format!("data/quotes/cues.txt:{n}: empty entry"));
        }
        if !seen.insert((cat.to_string(), entry.clone())) {
            return Err(format!("data/quotes/cues.txt:{n}: duplicate entry"));
        }
        let one_word = |what: &str| -> Result<(), String> {
            if entry.contains(char::is_whitespace) {
                Err(format!("data/quotes/cues.txt:{n}: {what} takes one word"))
            } else {
                Ok(())
            }
        };
        match cat {
            "verb" | "thatverb" | "quoteverb" => {
                for form in entry.split_whitespace() {
                    if !form.chars().all(|c| c.is_alphabetic() || c == '-') {
                        return Err(format!("data/quotes/cues.txt:{n}: bad verb form {form:?}"));
                    }
                    let v = Verb {
                        that_only: cat == "thatverb",
                        quote_only: cat == "quoteverb",
                        addressee: false,
                        listener: false,
                        frames: None,
                        stance: false,
                    };
                    if lx.verbs.insert(form.to_string(), v).is_some() {
                        return Err(format!(
                            "data/quotes/cues.txt:{n}: verb form {form:?} listed twice"
                        ));
                    }
                }
            }
            "stance" | "speech" => {
                // stance<TAB>FRAMES<TAB>forms, FRAMES a comma-separated list of clause, that,
                // to, obj, as, noun and a particle.
                let (frames, forms) = entry.split_once('\t').ok_or_else(|| {
                    format!("data/quotes/cues.txt:{n}: expected {cat}<TAB>frames<TAB>forms")
                })?;
                let mut st = Frames::default();
                for f in frames.split(',') {
                    match f.trim() {
                        "clause" => st.clause = true,
                        "that" => st.that = true,
                        "noun" => st.noun = true,
                        "to" => st.to = true,
                        "obj" => st.obj = true,
                        "as" => st.as_obj = true,
                        "inf" => st.inf = true,
                        pf if pf.contains('+') => {
                            // `for+obj`: a frame after a particle, the line's other frames
                            // directly after the word.
                            let (p, f) = pf.split_once('+').unwrap_or_default();
                            let k = match p {
                                "to" => None,
                                "to-prep" => PARTICLES.iter().position(|x| *x == "to"),
                                p => PARTICLES.iter().position(|x| *x == p),
                            };
                            let b = FRAME_BITS.iter().position(|x| *x == f);
                            match (k, b) {
                                (Some(k), Some(b)) => st.after[k] |= 1 << b,
                                _ => {
                                    return Err(format!(
                                        "data/quotes/cues.txt:{n}: unknown frame {pf:?}"
                                    ))
                                }
                            }
                        }
                        p if p != "to" && (PARTICLES.contains(&p) || p == "to-prep") => {
                            let p = if p == "to-prep" { "to" } else { p };
                            if let Some(k) = PARTICLES.iter().position(|x| *x == p) {
                                st.particles |= 1 << k;
                            }
                        }
                        other => {
                            return Err(format!(
                                "data/quotes/cues.txt:{n}: unknown frame {other:?}"
                            ))
                        }
                    }
                }
                if st.particles != 0 && st.after.iter().any(|&b| b != 0) {
                    return Err(format!(
                        "data/quotes/cues.txt:{n}: particles either all bare or all with a frame (`for+obj`)"
                    ));
                }
                for form in forms.split_whitespace() {
                    if !form.chars().all(|c| c.is_alphabetic() || c == '-') {
                        return Err(format!("data/quotes/cues.txt:{n}: bad verb form {form:?}"));
                    }
                    let v = Verb {
                        that_only: false,
                        quote_only: false,
                        addressee: false,
                        listener: false,
                        frames: Some(st),
                        stance: cat == "stance",
                    };
                    if lx.verbs.insert(form.to_string(), v).is_some() {
                        return Err(format!(
                            "data/quotes/cues.txt:{n}: verb form {form:?} listed twice"
                        ));
                    }
                }
            }
            "addressee" | "listener" => {
                one_word(cat)?;
                addressees.push((n, entry, cat == "listener"));
            }
            "phrase" => lx.phrases.push(words(&entry)),
            "noun" => {
                one_word("noun")?;
                lx.nouns.insert(entry);
            }
            "aux" => {
                one_word("aux")?;
                lx.aux.insert(entry);
            }
            "hedge" => lx.hedges.push(words(&entry)),
            "anon" => lx.anon.push(words(&entry)),
            "label" => {
                lx.labels.insert(entry);
            }
            "source" => {
                one_word("source")?;
                lx.sources.insert(entry);
            }
            "pronoun" => {
                one_word("pronoun")?;
                lx.pronouns.insert(entry);
            }
            other => {
                return Err(format!(
                    "data/quotes/cues.txt:{n}: unknown category {other:?}"
                ))
            }
        }
    }
    // An addressee or listener verb is given by its base form; all the forms of its `verb`
    // line get the flag.
    for (n, base, listener) in addressees {
        let line = src
            .lines()
            .find(|l| {
                l.split_once('\t').is_some_and(|(c, e)| {
                    c == "verb" && e.split_whitespace().next() == Some(base.as_str())
                })
            })
            .ok_or_else(|| format!("data/quotes/cues.txt:{n}: {base:?} is not a listed verb"))?;
        for form in line
            .split_once('\t')
            .map(|x| x.1)
            .unwrap_or("")
            .split_whitespace()
        {
            if let Some(v) = lx.verbs.get_mut(&form.to_lowercase()) {
                if listener {
                    v.listener = true;
                } else {
                    v.addressee = true;
                }
            }
        }
    }
    lx.starts = lx
        .phrases
        .iter()
        .chain(&lx.hedges)
        .chain(&lx.anon)
        .filter_map(|p| p.first().cloned())
        .collect();
    lx.shapes = vec![0; 26 * 26];
    for w in lx.verbs.keys().chain(lx.starts.iter()) {
        match shape_slot(w.as_bytes()) {
            Some(slot) if w.len() < 32 => lx.shapes[slot] |= 1 << w.len(),
            // Every cue word is two or more plain letters long; `check` rejects others.
            _ => {
                return Err(format!(
                    "data/quotes/cues.txt: {w:?} is not a plain lower-case word"
                ))
            }
        }
    }
    if lx.verbs.is_empty() || lx.phrases.is_empty() {
        return Err("data/quotes/cues.txt: no verbs or phrases".into());
    }
    Ok(lx)
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(CUES).unwrap_or_default());

/// Checks the built-in cue file, returning how many entries it holds.
pub fn check_builtin() -> Result<usize, String> {
    let lx = parse(CUES)?;
    Ok(lx.verbs.len()
        + lx.phrases.len()
        + lx.nouns.len()
        + lx.aux.len()
        + lx.hedges.len()
        + lx.anon.len()
        + lx.labels.len()
        + lx.pronouns.len()
        + lx.sources.len())
}
