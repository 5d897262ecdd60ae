//! Actor and agent dictionaries in the CAMEO/PETRARCH text format, so that users keep the
//! dictionaries they curated for TABARI, PETRARCH or Phoenix.
//!
//! Actors: an entry line names the actor (words joined by `_` or spaces), `+` lines add
//! synonyms, and the codes follow inline or on their own lines, each optionally restricted to
//! dates:
//!
//! ```text
//! AFGHANISTAN_  [AFG]
//! +AFGHAN_
//! MOHAMMAD_ZAHIR_SHAH_  # a comment
//!     [AFGELI 320101-331108]
//!     [AFGGOV 331108-730717]
//! ```
//!
//! A name ending in `_` must end at a word boundary; without it the last word is a stem
//! ("ARGENTIN" matches "Argentina" and "Argentine"). Date restrictions: `FROM-TO`, `FROM-`,
//! `-TO`, `>FROM`, `<TO`, with dates as `YYMMDD` (years up to 30 are 20xx) or `YYYYMMDD`.
//!
//! Agents: `PHRASE {PLURALS} [~CODE]`, where `{}` means no plural, no braces means the regular
//! English plural, and `!MACRO!` stands for every alternative of a `!MACRO! = A, B` line.
//!
//! The files are other people's and often hand-edited: a line that cannot be read is skipped
//! with a warning naming the file and line, never a failure of the whole load.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A phrase to look for: upper-case words, and whether the last word must end there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<String>,
    pub exact_end: bool,
    /// For each word after the first, whether a blank (no `_`) joins it to the word before:
    /// as PETRARCH documents its connectors, words may then come between the two ("ITHILEN
    /// TELEVISION" in "Ithilen state-run television"); `_` keeps them consecutive.
    pub open: Vec<bool>,
}

impl Phrase {
    fn parse(raw: &str) -> Option<Phrase> {
        let raw = raw.trim();
        let exact_end = raw.ends_with('_');
        let mut words: Vec<String> = Vec::new();
        let mut open = Vec::new();
        let mut word = String::new();
        let mut underscore = false;
        for c in raw.chars().chain(std::iter::once(' ')) {
            if matches!(c, '_' | ' ' | '\t') {
                if !word.is_empty() {
                    if !words.is_empty() {
                        open.push(!underscore);
                    }
                    words.push(std::mem::take(&mut word).to_uppercase());
                    underscore = false;
                }
                underscore |= c == '_';
            } else {
                word.push(c);
            }
        }
        (!words.is_empty()).then_some(Phrase {
            words,
            exact_end,
            open,
        })
    }

    /// The words joined by single spaces, as they appear in running text.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// A code with the days it applies to (both ends inclusive, open when `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The full CAMEO code, upper case ("EGYGOV", "PSEREBHMS"); empty for `[---]`; several
    /// actors' codes joined by `/` when one name stands for them all ("FRO/BIL/SAM").
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictActor {
    pub names: Vec<Phrase>,
    pub codes: Vec<DatedCode>,
}

impl DictActor {
    /// The code on a day: the first restricted code that covers it, else the first
    /// unrestricted one. Without a date, the present: a code that runs on from a date
    /// (`[LBNGOV >080525]`, the role still held), else the unrestricted code, else the
    /// latest one.
    pub fn code_on(&self, day: Option<NaiveDate>) -> Option<&str> {
        let open = |c: &&DatedCode| c.from.is_none() && c.to.is_none();
        let found = match day {
            Some(d) => self
                .codes
                .iter()
                .find(|c| !open(c) && c.applies_on(d))
                .or_else(|| self.codes.iter().find(open)),
            None => self
                .codes
                .iter()
                .filter(|c| c.from.is_some() && c.to.is_none())
                .max_by_key(|c| c.from)
                .or_else(|| self.codes.iter().find(open))
                .or_else(|| {
                    self.codes
                        .iter()
                        .max_by_key(|c| c.to.unwrap_or(NaiveDate::MAX))
                }),
        };
        found.map(|c| c.code.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictAgent {
    pub phrases: Vec<Phrase>,
    /// The code the agent adds to its actor's country ("GOV", "GOVFRM").
    pub code: String,
    /// `[NGO~]`: the code goes before the country ("NGOFRA"), not after it.
    pub prefix: bool,
}

/// Everything loaded from one directory.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub actors: Vec<DictActor>,
    pub agents: Vec<DictAgent>,
    /// The files read, in order.
    pub files: Vec<PathBuf>,
    /// Lines that could not be read: `file:line: reason`.
    pub warnings: Vec<String>,
}

/// Loads the actor (`*actors*.txt`) and agent (`*agents*.txt`) dictionaries of a directory.
/// Verb and discard dictionaries are the event coder's and are not read here.
pub fn load_dir(dir: &Path) -> std::io::Result<Dictionaries> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut d = Dictionaries::default();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if !name.ends_with(".txt") {
            continue;
        }
        let is_actors = name.contains("actors");
        let is_agents = name.contains("agents");
        if !is_actors && !is_agents {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        // Old dictionaries carry Latin-1 bytes in comments; the codes and names are ASCII.
        let text = String::from_utf8_lossy(&bytes);
        let label = path.display().to_string();
        if is_actors {
            d.actors
                .extend(parse_actors(&text, &label, &mut d.warnings));
        } else {
            d.agents
                .extend(parse_agents(&text, &label, &mut d.warnings));
        }
        d.files.push(path);
    }
    Ok(d)
}

/// A line without its comment (`#` to the end, or a whole `<!-- ... -->` line).
fn content(line: &str) -> &str {
    let t = line.trim();
    if t.starts_with("<!") {
        return "";
    }
    t.split('#').next().unwrap_or("").trim()
}

/// Splits `NAME [CODE ...] [CODE ...]` into the name and the bracketed parts.
fn split_codes(line: &str) -> (&str, Vec<&str>) {
    let (name, rest) = match line.find('[') {
        Some(i) => (&line[..i], &line[i..]),
        None => (line, ""),
    };
    let codes = rest
        .split('[')
        .filter_map(|p| p.split(']').next())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (name.trim(), codes)
}

pub fn parse_actors(text: &str, file: &str, warnings: &mut Vec<String>) -> Vec<DictActor> {
    let mut out: Vec<DictActor> = Vec::new();
    // The entry being read; it stays open for names until its first code arrives.
    let mut cur: Option<DictActor> = None;
    // Whether the entry has had a bracketed code, readable or not.
    let mut closed = false;
    let flush = |cur: &mut Option<DictActor>, out: &mut Vec<DictActor>| {
        if let Some(a) = cur.take() {
            if !a.codes.is_empty() && !a.names.is_empty() {
                out.push(a);
            }
        }
    };
    for (i, line) in text.lines().enumerate() {
        let line = content(line);
        if line.is_empty() {
            continue;
        }
        let at = || format!("{file}:{}", i + 1);
        let (name, codes) = split_codes(line.strip_prefix('+').unwrap_or(line));
        let synonym = line.starts_with('+');
        if !name.is_empty() {
            let Some(phrase) = Phrase::parse(name) else {
                continue;
            };
            if !synonym && (closed || cur.is_none()) {
                flush(&mut cur, &mut out);
                closed = false;
            }
            if synonym && cur.is_none() {
                warnings.push(format!("{}: synonym before any actor", at()));
                continue;
            }
            cur.get_or_insert_with(|| DictActor {
                names: Vec::new(),
                codes: Vec::new(),
            })
            .names
            .push(phrase);
        }
        closed |= !codes.is_empty();
        for c in codes {
            match parse_code(c) {
                Some(code) => match cur.as_mut() {
                    Some(a) => a.codes.push(code),
                    None => warnings.push(format!("{}: code before any actor", at())),
                },
                None => warnings.push(format!("{}: unreadable code [{c}]", at())),
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// `EGYGOV`, `EGYGOV 140608-`, `IGOUNO >20070101`, `---`.
fn parse_code(s: &str) -> Option<DatedCode> {
    let mut parts = s.split_whitespace();
    let code = parts.next()?.trim_matches('~');
    // `[FRO/BIL/SAM]`: one name for several actors, each coded ("the Shire" is three).
    let alternatives = code.split('/');
    if code.contains('/')
        && !alternatives
            .clone()
            .all(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return None;
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/')
    {
        return None;
    }
    let code = if code.chars().all(|c| c == '-') {
        String::new()
    } else {
        code.to_ascii_uppercase()
    };
    // "19950601 - 19990815" is written with spaces too.
    let range: String = parts.collect();
    let (from, to) = match Some(range.as_str()).filter(|r| !r.is_empty()) {
        None => (None, None),
        Some(r) => {
            let d = |s: &str| (!s.is_empty()).then(|| dict_date(s)).map(|x| x.ok_or(()));
            let (f, t) = if let Some(x) = r.strip_prefix('>') {
                (d(x), None)
            } else if let Some(x) = r.strip_prefix('<') {
                (None, d(x))
            } else if let Some((a, b)) = r.split_once('-') {
                (d(a), d(b))
            } else {
                return None;
            };
            (f.transpose().ok()?, t.transpose().ok()?)
        }
    };
    Some(DatedCode { code, from, to })
}

/// `YYMMDD` (years 00..=30 are 2000s, the rest 1900s) or `YYYYMMDD`.
fn dict_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, rest) = match s.len() {
        6 => {
            let yy = n(0..2)? as i32;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
        }
        8 => (n(0..4)? as i32, 4),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, n(rest..rest + 2)?, n(rest + 2..rest + 4)?)
}

pub fn parse_agents(text: &str, file: &str, warnings: &mut Vec<String>) -> Vec<DictAgent> {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = content(line);
        if line.is_empty() {
            continue;
        }
        let at = || format!("{file}:{}", i + 1);
        if line.starts_with('!') && line.contains('=') {
            let (name, alts) = line.split_once('=').unwrap_or_default();
            let alts = alts
                .split(',')
                .map(|a| a.trim().to_uppercase())
                .filter(|a| !a.is_empty())
                .collect();
            macros.push((name.trim().to_uppercase(), alts));
            continue;
        }
        let (head, codes) = split_codes(line);
        let Some(code) = codes.first().and_then(|c| parse_code(c)) else {
            warnings.push(format!("{}: agent without a readable [code]", at()));
            continue;
        };
        let prefix = codes.first().is_some_and(|c| {
            let c = c.split_whitespace().next().unwrap_or("");
            c.ends_with('~') && !c.starts_with('~')
        });
        let (phrase, plurals) = match head.split_once('{') {
            Some((p, rest)) => {
                let inner = rest.split('}').next().unwrap_or("");
                let given: Vec<String> = inner
                    .split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect();
                (p.trim(), Some(given))
            }
            None => (head.trim(), None),
        };
        let mut forms = Vec::new();
        for singular in expand(phrase, &macros) {
            if plurals.is_none() && !phrase.contains('!') {
                forms.push(plural(&singular));
            }
            forms.push(singular);
        }
        for p in plurals.into_iter().flatten() {
            forms.extend(expand(&p, &macros));
        }
        let phrases: Vec<Phrase> = forms.iter().filter_map(|f| Phrase::parse(f)).collect();
        if phrases.is_empty() {
            warnings.push(format!("{}: agent without a phrase", at()));
            continue;
        }
        out.push(DictAgent {
            phrases,
            code: code.code,
            prefix,
        });
    }
    out
}

/// The most forms one phrase expands to: a line of several macros with many alternatives
/// each must not multiply without end.
const MAX_FORMS: usize = 256;

/// Replaces each `!MACRO!` by each of its alternatives; a macro inside an alternative is
/// replaced too, for a few rounds (one that names itself stops there).
fn expand(phrase: &str, macros: &[(String, Vec<String>)]) -> Vec<String> {
    let mut forms = vec![phrase.to_uppercase()];
    for _ in 0..16 {
        let mut changed = false;
        let mut next = Vec::new();
        for f in &forms {
            let found = macros
                .iter()
                .find_map(|(name, alts)| f.find(name.as_str()).map(|i| (i, name, alts)));
            match found {
                Some((i, name, alts)) => {
                    changed = true;
                    let (before, after) = (&f[..i], &f[i + name.len()..]);
                    next.extend(alts.iter().map(|a| format!("{before}{a}{after}")));
                }
                None => next.push(f.clone()),
            }
            if next.len() >= MAX_FORMS {
                next.truncate(MAX_FORMS);
                break;
            }
        }
        forms = next;
        if !changed {
            break;
        }
    }
    forms
}

/// The regular English plural of the last word (PETRARCH's rule).
fn plural(s: &str) -> String {
    let s = s.trim_end_matches('_');
    let before_y = s.chars().rev().nth(1);
    if s.ends_with('Y') && !before_y.is_some_and(|c| "AEIOU".contains(c)) {
        format!("{}IES", &s[..s.len() - 1])
    } else if s.ends_with(['S', 'X', 'Z']) || s.ends_with("CH") || s.ends_with("SH") {
        format!("{s}ES")
    } else {
        format!("{s}S")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    const ACTORS: &str = "<!-- a test dictionary -->\n\
        EGYPT_ [EGY]\n\
        +EGYPTIAN\n\
        \n\
        HOSNI_MUBARAK_  # president\n\
        +PRESIDENT_MUBARAK_\n\
        \t[EGYGOV 811014-110211]\n\
        \t[EGYELI]\n\
        UN_\n\
        UNITED NATIONS [IGOUNO]\n\
        BAN_KI-MOON\n\
        \t[IGOUNO >20070101]\n\
        \t[KORGOV 040117-061231]\n\
        BROKEN [EGY 99x-]\n\
        NOBODY [---]\n";

    #[test]
    fn actors_with_synonyms_dated_codes_and_open_entries() {
        let mut w = Vec::new();
        let a = parse_actors(ACTORS, "t.txt", &mut w);
        // BROKEN has no readable code and is left out, with a warning.
        assert_eq!(a.len(), 5, "{a:?}");
        assert_eq!(a[0].names[1].words, ["EGYPTIAN"]);
        assert!(a[0].names[0].exact_end && !a[0].names[1].exact_end);
        let mubarak = &a[1];
        assert_eq!(mubarak.names.len(), 2);
        assert_eq!(mubarak.code_on(day("2005-01-01")), Some("EGYGOV"));
        assert_eq!(mubarak.code_on(day("2015-01-01")), Some("EGYELI"));
        // "UN_" has no code of its own: it joins the entry whose code comes next.
        assert_eq!(a[2].names.len(), 2);
        assert_eq!(a[2].code_on(None), Some("IGOUNO"));
        // A blank lets words come between, `_` does not.
        assert_eq!(a[2].names[1].words, ["UNITED", "NATIONS"]);
        assert_eq!(a[2].names[1].open, [true]);
        assert!(a[0].names[0].open.is_empty());
        let mixed = Phrase::parse("RADAGAST THE_BROWN_ ").unwrap();
        assert_eq!(mixed.words, ["RADAGAST", "THE", "BROWN"]);
        assert_eq!(mixed.open, [true, false]);
        assert_eq!(Phrase::parse("VIRGILIO_ FONTES").unwrap().open, [false]);
        let ban = &a[3];
        assert_eq!(ban.code_on(day("2005-06-01")), Some("KORGOV"));
        assert_eq!(ban.code_on(day("2010-06-01")), Some("IGOUNO"));
        // Without a date, the role still held.
        assert_eq!(ban.code_on(None), Some("IGOUNO"));
        assert_eq!(mubarak.code_on(None), Some("EGYELI"));
        assert_eq!(a[4].names[0].words, ["NOBODY"]);
        assert_eq!(a[4].code_on(None), Some(""));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("t.txt:14: unreadable code"), "{w:?}");
    }

    #[test]
    fn agents_with_macros_and_plurals() {
        let text = "!PERSON! = MAN, MEN\n\
                    FOREIGN_MINISTER [~GOVFRM] # a note\n\
                    MEDIA {} [~MED]\n\
                    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n\
                    MILITIA [~REB]\n\
                    CONGRESS!PERSON! [~LEG]\n\
                    NO CODE HERE\n";
        let mut w = Vec::new();
        let a = parse_agents(text, "ag.txt", &mut w);
        let forms = |i: usize| -> Vec<String> { a[i].phrases.iter().map(Phrase::text).collect() };
        assert_eq!(forms(0), ["FOREIGN MINISTERS", "FOREIGN MINISTER"]);
        assert_eq!(a[0].code, "GOVFRM");
        assert_eq!(forms(1), ["MEDIA"]);
        assert_eq!(forms(2), ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
        assert_eq!(forms(3), ["MILITIAS", "MILITIA"]);
        assert!(!a[3].prefix);
        let mut w2 = Vec::new();
        let p = parse_agents("RELIEF_WORKER [NGO~] # before the country\n", "p", &mut w2);
        assert!(p[0].prefix && p[0].code == "NGO" && w2.is_empty());
        assert_eq!(forms(4), ["CONGRESSMAN", "CONGRESSMEN"]);
        assert_eq!(w, ["ag.txt:7: agent without a readable [code]"]);
    }

    #[test]
    fn a_plural_after_a_multibyte_letter_is_not_a_panic() {
        // Found by the `petrarch` fuzz target: the letter before a final `Y` was looked for
        // two bytes from the end, inside a three-byte character.
        let mut w = Vec::new();
        let a = parse_agents(
            "SOLDIER\u{20ac} [~MIL]\nEMISSAR\u{20ac}Y [~GOV]\n",
            "f",
            &mut w,
        );
        let forms = |i: usize| -> Vec<String> { a[i].phrases.iter().map(Phrase::text).collect() };
        assert_eq!(forms(0), ["SOLDIER\u{20ac}S", "SOLDIER\u{20ac}"]);
        assert_eq!(forms(1), ["EMISSAR\u{20ac}IES", "EMISSAR\u{20ac}Y"]);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn macros_that_name_themselves_or_multiply_are_bounded() {
        // A macro inside its own alternative recursed until the stack overflowed.
        let mut w = Vec::new();
        let a = parse_agents("!GUARD! = WATCH!GUARD!\nCITY_!GUARD! [~MIL]\n", "m", &mut w);
        assert_eq!(a.len(), 1);
        assert!(a[0].phrases.len() <= MAX_FORMS);
        // Eight macros of twelve alternatives on one line: 12^8 forms before, 256 now.
        let mut text = String::new();
        for m in 0..8 {
            let alts: Vec<String> = (0..12).map(|k| format!("W{k}")).collect();
            text.push_str(&format!("!M{m}! = {}\n", alts.join(", ")));
        }
        text.push_str("X!M0!!M1!!M2!!M3!!M4!!M5!!M6!!M7! [~GOV]\n");
        let a = parse_agents(&text, "m", &mut w);
        assert_eq!(a[0].phrases.len(), MAX_FORMS);
        assert_eq!(a[0].phrases[0].text(), "XW0W0W0W0W0W0W0W0");
        // Two macros, each once: every combination, as before.
        let a = parse_agents(
            "!A! = RED, BLUE\n!B! = FOX, OWL\n!A!_!B! {} [~GOV]\n",
            "m",
            &mut w,
        );
        let forms: Vec<String> = a[0].phrases.iter().map(Phrase::text).collect();
        assert_eq!(forms, ["RED FOX", "RED OWL", "BLUE FOX", "BLUE OWL"]);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn one_name_for_several_actors() {
        let mut w = Vec::new();
        let a = parse_actors(
            "THE_BALTIC_STATES [EST/LVA/LTU]\nBAD_LIST [EST//LVA]\n",
            "b",
            &mut w,
        );
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].code_on(None), Some("EST/LVA/LTU"));
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn dates_in_both_widths() {
        assert_eq!(dict_date("140608"), day("2014-06-08"));
        assert_eq!(dict_date("811014"), day("1981-10-14"));
        assert_eq!(dict_date("20070101"), day("2007-01-01"));
        assert_eq!(dict_date("2004017"), None);
        assert_eq!(dict_date("991340"), None);
        let spaced = parse_code("HOBGOV 19950601 - 19990815").unwrap();
        assert_eq!(
            (spaced.from, spaced.to),
            (day("1995-06-01"), day("1999-08-15"))
        );
    }

    #[test]
    fn load_dir_reads_actor_and_agent_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("My.actors.txt"), "RUSSIA_ [RUS]\n").unwrap();
        std::fs::write(dir.path().join("My.agents.txt"), "TROOPS {} [~MIL]\n").unwrap();
        std::fs::write(dir.path().join("My.verbs.txt"), "--- GARBAGE ---\n").unwrap();
        let d = load_dir(dir.path()).unwrap();
        assert_eq!((d.actors.len(), d.agents.len(), d.files.len()), (1, 1, 2));
        assert!(load_dir(&dir.path().join("missing")).is_err());
    }
}
