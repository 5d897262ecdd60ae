//! The event lexicon (`data/events/`): CAMEO codes with their PLOVER type, mode, quad class and
//! intensity (`cameo.tsv`), and the words and phrases that report each (`triggers.tsv`).
//!
//! A trigger is a verb phrase (`V`, its first word inflects: "meet/met" gives meet, meets,
//! met, meeting), a noun phrase (`N`, plural generated) or an adjective (`A`); `*` is a gap of up
//! to three words, `[word]` an optional word; the target slot says where the recipient is:
//! `obj`, a preposition, several joined by `|`, or `-`.

use std::collections::HashMap;

const CAMEO_TSV: &str = include_str!("../../../data/events/cameo.tsv");
const TRIGGERS_TSV: &str = include_str!("../../../data/events/triggers.tsv");

pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// What a CAMEO code means in PLOVER terms.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    /// The PLOVER type; `None` for plain statements (CAMEO 01), which PLOVER does not code.
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub quad: u8,
    pub intensity: f32,
    pub label: String,
}

/// One element of a trigger pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// One of these word forms.
    Word(Vec<String>),
    /// An optional word.
    Optional(String),
    /// Up to three words of anything.
    Gap,
}

/// Where a trigger's recipient is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The noun phrase right after the trigger.
    Object,
    /// After this preposition.
    Prep(String),
}

/// The code of a phrase that reports no event though a shorter trigger lies inside it ("call
/// the shots", "returned the favor"): as the longest match it keeps those words from coding.
pub const NO_EVENT: &str = "-";

#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub cameo: String,
    /// `V`, `N` or `A`.
    pub kind: char,
    /// The phrase as written in the lexicon.
    pub phrase: String,
    pub pieces: Vec<Piece>,
    pub target: Vec<Slot>,
    /// The source file line, for explanations.
    pub line: usize,
    /// Marked `# ambiguous`: an event only in some senses ("strike", "fire"), so it needs an
    /// actor on both sides before it counts.
    pub ambiguous: bool,
    /// Literal words in the pattern (ties between matches go to the more literal one).
    pub literal: usize,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    pub codes: HashMap<String, CodeInfo>,
    pub triggers: Vec<Trigger>,
}

impl Lexicon {
    /// The built-in lexicon; an error names the file, line and reason.
    pub fn builtin() -> Result<Lexicon, String> {
        Lexicon::parse(CAMEO_TSV, TRIGGERS_TSV)
    }

    pub fn parse(cameo: &str, triggers: &str) -> Result<Lexicon, String> {
        let mut codes = HashMap::new();
        for (n, line) in rows(cameo) {
            let at = |why: String| format!("data/events/cameo.tsv:{n}: {why}");
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if f.len() != 6 {
                return Err(at(format!("expected 6 fields, found {}", f.len())));
            }
            if !(2..=4).contains(&f[0].len()) || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                return Err(at(format!("{:?} is not a CAMEO code", f[0])));
            }
            let plover = match f[1] {
                "-" => None,
                t if PLOVER_TYPES.contains(&t) => Some(t.to_string()),
                t => return Err(at(format!("unknown PLOVER type {t:?}"))),
            };
            let quad: u8 = f[3].parse().map_err(|_| at(format!("quad {:?}", f[3])))?;
            if quad != quad_of(f[0]) {
                return Err(at(format!("quad {quad} does not fit root {}", &f[0][..2])));
            }
            let intensity: f32 = f[4]
                .parse()
                .ok()
                .filter(|v: &f32| (-10.0..=10.0).contains(v))
                .ok_or_else(|| at(format!("intensity {:?} is not in -10..10", f[4])))?;
            let info = CodeInfo {
                code: f[0].to_string(),
                plover,
                mode: (f[2] != "-").then(|| f[2].to_string()),
                quad,
                intensity,
                label: f[5].to_string(),
            };
            if codes.insert(f[0].to_string(), info).is_some() {
                return Err(at(format!("code {} twice", f[0])));
            }
        }
        let mut out = Vec::new();
        for (n, line) in rows(triggers) {
            let at = |why: String| format!("data/events/triggers.tsv:{n}: {why}");
            let mut f: Vec<&str> = line.split('\t').map(str::trim).collect();
            // An optional fifth field is a comment.
            let comment = if f.len() == 5 && f[4].starts_with('#') {
                f.pop()
            } else {
                None
            };
            if f.len() != 4 {
                return Err(at(format!("expected 4 fields, found {}", f.len())));
            }
            if f[0] != NO_EVENT && !codes.contains_key(f[0]) {
                return Err(at(format!("code {} is not in cameo.tsv", f[0])));
            }
            let kind = match f[1] {
                "V" => 'V',
                "N" => 'N',
                "A" => 'A',
                k => return Err(at(format!("kind {k:?} is not V, N or A"))),
            };
            if f[2] != f[2].to_lowercase() || f[2].is_empty() {
                return Err(at(format!("trigger {:?} must be lower case", f[2])));
            }
            let pieces = pieces(f[2], kind).map_err(at)?;
            let target = match f[3] {
                "-" => Vec::new(),
                t => t
                    .split('|')
                    .map(|s| match s.trim() {
                        "obj" => Slot::Object,
                        p => Slot::Prep(p.to_string()),
                    })
                    .collect(),
            };
            let literal = pieces
                .iter()
                .filter(|p| matches!(p, Piece::Word(_)))
                .count();
            out.push(Trigger {
                cameo: f[0].to_string(),
                kind,
                phrase: f[2].to_string(),
                pieces,
                target,
                line: n,
                ambiguous: comment.is_some_and(|c| c.contains("ambiguous")),
                literal,
            });
        }
        Ok(Lexicon {
            codes,
            triggers: out,
        })
    }
}

/// The quad class of a CAMEO code by its root.
pub fn quad_of(code: &str) -> u8 {
    match code
        .get(..2)
        .and_then(|r| r.parse::<u8>().ok())
        .unwrap_or(0)
    {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

fn rows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The pattern of a trigger phrase: its head word inflected by kind.
fn pieces(phrase: &str, kind: char) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    for (i, w) in phrase.split_whitespace().enumerate() {
        if w == "*" {
            out.push(Piece::Gap);
            continue;
        }
        if let Some(opt) = w.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
            out.push(Piece::Optional(opt.to_string()));
            continue;
        }
        let mut forms: Vec<&str> = w.split('/').filter(|f| !f.is_empty()).collect();
        if forms.is_empty() {
            return Err(format!("empty word in {phrase:?}"));
        }
        let base = forms.remove(0);
        let inflect = match kind {
            'V' if i == 0 => verb_forms(base, &forms),
            // A noun phrase's last word takes the plural.
            'N' if i + 1 == phrase.split_whitespace().count() => noun_forms(base, &forms),
            _ => std::iter::once(base)
                .chain(forms.iter().copied())
                .map(str::to_string)
                .collect(),
        };
        out.push(Piece::Word(inflect));
    }
    if !matches!(out.first(), Some(Piece::Word(_))) {
        return Err(format!("{phrase:?} must start with a word"));
    }
    Ok(out)
}

/// Base, -s, -ed, -ing forms, and the irregular ones given.
fn verb_forms(base: &str, irregular: &[&str]) -> Vec<String> {
    let mut v = vec![base.to_string()];
    let (stem, last) = (&base[..base.len().saturating_sub(1)], base.chars().last());
    let vowel = |c: char| "aeiou".contains(c);
    let before_last = base.chars().rev().nth(1);
    // -s
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        v.push(format!("{base}es"));
    } else if last == Some('y') && !before_last.is_some_and(vowel) {
        v.push(format!("{stem}ies"));
    } else {
        v.push(format!("{base}s"));
    }
    // -ed and -ing, unless the past is irregular (then only -ing is regular)
    let ing = if let Some(stem_ie) = base.strip_suffix("ie") {
        format!("{stem_ie}ying")
    } else if base.ends_with('e') && !base.ends_with("ee") {
        format!("{stem}ing")
    } else {
        format!("{base}ing")
    };
    v.push(ing);
    if irregular.is_empty() {
        v.push(if base.ends_with('e') {
            format!("{base}d")
        } else if last == Some('y') && !before_last.is_some_and(vowel) {
            format!("{stem}ied")
        } else {
            format!("{base}ed")
        });
    }
    // A short final consonant after one vowel may double ("ban", "banned"; "plan"): both
    // spellings are listed, the wrong one never occurs in text.
    let cvc = base.len() >= 3
        && last.is_some_and(|c| !vowel(c) && !"wxy".contains(c))
        && before_last.is_some_and(vowel)
        && !base.chars().rev().nth(2).is_some_and(vowel);
    if cvc {
        let c = last.unwrap_or_default();
        v.push(format!("{base}{c}ing"));
        if irregular.is_empty() {
            v.push(format!("{base}{c}ed"));
        }
    }
    v.extend(irregular.iter().map(|s| s.to_string()));
    v.sort();
    v.dedup();
    v
}

/// Singular, plural, and irregular plurals given.
fn noun_forms(base: &str, irregular: &[&str]) -> Vec<String> {
    let mut v = vec![base.to_string()];
    if irregular.is_empty() {
        let before_last = base.chars().rev().nth(1);
        if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
            // "talks", "sanctions" are given in the plural; "process" -> "processes"
            if !base.ends_with('s') || base.ends_with("ss") {
                v.push(format!("{base}es"));
            }
        } else if base.ends_with('y') && !before_last.is_some_and(|c| "aeiou".contains(c)) {
            v.push(format!("{}ies", &base[..base.len() - 1]));
        } else {
            v.push(format!("{base}s"));
        }
    }
    v.extend(irregular.iter().map(|s| s.to_string()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_is_valid() {
        let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(lex.codes.len() > 100);
        assert!(lex.triggers.len() > 100);
        assert_eq!(lex.codes["042"].plover.as_deref(), Some("CONSULT"));
    }

    #[test]
    fn inflections() {
        let forms = |w: &str, irr: &[&str]| verb_forms(w, irr);
        let meet = forms("meet", &["met"]);
        assert!(["meet", "meets", "meeting", "met"]
            .iter()
            .all(|f| meet.contains(&f.to_string())));
        assert!(!meet.contains(&"meeted".to_string()));
        let ban = forms("ban", &[]);
        assert!(ban.contains(&"banned".to_string()) && ban.contains(&"banning".to_string()));
        assert!(forms("accuse", &[]).contains(&"accused".to_string()));
        assert!(forms("accuse", &[]).contains(&"accusing".to_string()));
        assert!(forms("deny", &[]).contains(&"denied".to_string()));
        assert!(forms("deny", &[]).contains(&"denies".to_string()));
        assert!(noun_forms("strike", &[]).contains(&"strikes".to_string()));
        assert!(noun_forms("talks", &[]) == vec!["talks".to_string()]);
        assert!(noun_forms("casualty", &[]).contains(&"casualties".to_string()));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cameo = "042\tCONSULT\tvisit\t1\t1.9\tmake a visit\n";
        let bad = Lexicon::parse(cameo, "042\tV\tVisit\tobj\n").unwrap_err();
        assert!(bad.starts_with("data/events/triggers.tsv:1:"), "{bad}");
        let bad = Lexicon::parse(cameo, "999\tV\tvisit\tobj\n").unwrap_err();
        assert!(bad.contains("not in cameo.tsv"), "{bad}");
        let bad = Lexicon::parse("042\tCONSULT\tvisit\t3\t1.9\tx\n", "").unwrap_err();
        assert!(bad.contains("does not fit"), "{bad}");
        let ok = Lexicon::parse(cameo, "042\tV\tpay/paid [a] visit\tto\n").unwrap();
        assert_eq!(ok.triggers[0].target, [Slot::Prep("to".into())]);
        assert_eq!(ok.triggers[0].pieces[1], Piece::Optional("a".into()));
    }
}
