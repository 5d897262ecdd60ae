//! Names the knowledge base does not hold: runs of capitalised words, typed PERSON, ORG or GPE
//! from cues around and inside them (a title before, an organisation word inside, a place
//! preposition before, a known given name first), and later surname-only mentions of a person
//! already named in full.
//!
//! The cue words are ours, in `data/ner/cues.txt` and `data/ner/given_names.txt`.

use dyad_model::{Mention, Span};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const CUES: &str = include_str!("../../../data/ner/cues.txt");
const GIVEN: &str = include_str!("../../../data/ner/given_names.txt");

#[derive(Debug, Default)]
pub struct Cues {
    pub title: HashSet<String>,
    pub org: HashSet<String>,
    pub stop: HashSet<String>,
    pub place: HashSet<String>,
    pub misc: HashSet<String>,
    /// Family names written first (Chinese, Korean, Vietnamese: "Wang Donghai" is Mr. Wang).
    pub family: HashSet<String>,
    /// Words that make a name a building or a made place ("Great Hall", "Red Square"): LOC.
    pub facility: HashSet<String>,
    /// Legal forms that end company names ("Ruch SA", "Gazprom PJSC"); the name before one
    /// stands for the company alone later.
    pub legal: HashSet<String>,
    pub given: HashSet<String>,
}

/// Parses the two cue files; an error names the file, line and reason.
pub fn parse(cues: &str, given: &str) -> Result<Cues, String> {
    let mut c = Cues::default();
    for (i, line) in cues.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (cat, word) = line
            .split_once('\t')
            .ok_or_else(|| format!("data/ner/cues.txt:{}: expected CATEGORY<TAB>word", i + 1))?;
        let w = word.trim().to_lowercase();
        let set = match cat {
            "title" => &mut c.title,
            "org" => &mut c.org,
            "stop" => &mut c.stop,
            "place" => &mut c.place,
            "misc" => &mut c.misc,
            "family" => &mut c.family,
            "legal" => &mut c.legal,
            "facility" => &mut c.facility,
            other => {
                return Err(format!(
                    "data/ner/cues.txt:{}: unknown category {other:?}",
                    i + 1
                ))
            }
        };
        if !set.insert(w) {
            return Err(format!("data/ner/cues.txt:{}: duplicate entry", i + 1));
        }
    }
    for (i, line) in given.lines().enumerate() {
        let n = line.trim();
        if n.is_empty() || n.starts_with('#') {
            continue;
        }
        if n.contains(char::is_whitespace) || !n.chars().next().is_some_and(char::is_uppercase) {
            return Err(format!(
                "data/ner/given_names.txt:{}: one capitalised name per line",
                i + 1
            ));
        }
        c.given.insert(n.to_string());
    }
    Ok(c)
}

pub static CUE_WORDS: LazyLock<Cues> = LazyLock::new(|| parse(CUES, GIVEN).unwrap_or_default());

/// Checks the built-in cue files, returning how many words they hold.
pub fn check_builtin() -> Result<usize, String> {
    let c = parse(CUES, GIVEN)?;
    Ok(c.title.len()
        + c.org.len()
        + c.stop.len()
        + c.place.len()
        + c.misc.len()
        + c.family.len()
        + c.legal.len()
        + c.facility.len()
        + c.given.len())
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
}

/// Words (letters, digits, inner apostrophes, hyphens and dots) with their byte spans.
fn words(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = matches!(c, '\'' | '’' | '-' | '.' | '&')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Tok {
                s,
                e: possessed(text, s, i),
            });
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            s,
            e: possessed(text, s, text.len()),
        });
    }
    out
}

/// The end of a word without its possessive ending: "Assad's decree" names "Assad". Before a
/// capitalised word the ending may be part of a name: "Moody's Investors Service".
fn possessed(text: &str, s: usize, e: usize) -> usize {
    let w = &text[s..e];
    let next_capital = text[e..]
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    if next_capital {
        return e;
    }
    for ending in ["'s", "’s"] {
        if w.len() > ending.len() + 1 && w.ends_with(ending) {
            return e - ending.len();
        }
    }
    e
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the gap between two words is only spaces (no sentence or clause punctuation).
fn joined(text: &str, a: Tok, b: Tok) -> bool {
    text[a.e..b.s].chars().all(|c| c == ' ')
}

/// Which byte ranges a set of spans covers, answered in logarithmic time (spans may nest).
pub struct Coverage {
    starts: Vec<usize>,
    /// Largest end among the spans up to each index (by start).
    max_end: Vec<usize>,
}

impl Coverage {
    pub fn new(spans: impl Iterator<Item = Span>) -> Coverage {
        let mut v: Vec<Span> = spans.collect();
        v.sort();
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for s in &v {
            m = m.max(s.end);
            max_end.push(m);
        }
        Coverage {
            starts: v.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Whether some span overlaps `[s, e)`.
    pub fn overlaps(&self, s: usize, e: usize) -> bool {
        let n = self.starts.partition_point(|&x| x < e);
        n > 0 && self.max_end[n - 1] > s
    }
}

/// For each line (by start offset), whether it is written in capitals (headlines, datelines):
/// case tells nothing there.
fn shouting_lines(text: &str) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let (mut upper, mut all) = (0usize, 0usize);
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            all += 1;
            upper += usize::from(c.is_uppercase());
        }
        out.push((start, all > 0 && upper * 10 > all * 7));
        start += line.len() + 1;
    }
    out
}

/// Mentions for capitalised runs not covered by `known` (the knowledge base's mentions).
/// `surname` tells the surnames of people the knowledge base holds ("Clinton", "Wang"): alone
/// and with no full name before, they are still people, of unknown identity.
pub fn unknown_names(
    text: &str,
    known: &[Mention],
    surname: &dyn Fn(&str) -> bool,
) -> Vec<Mention> {
    let cues = &*CUE_WORDS;
    let toks = words(text);
    let coverage = Coverage::new(known.iter().map(|m| m.span));
    let covered = |t: Tok| coverage.overlaps(t.s, t.e);
    let lines = shouting_lines(text);
    let shouting = |t: Tok| {
        let i = lines.partition_point(|&(start, _)| start <= t.s);
        i > 0 && lines[i - 1].1
    };
    let mut out: Vec<Mention> = Vec::new();
    // Surname -> the document-local id of the person last named in full with it.
    let mut people: HashMap<String, String> = HashMap::new();
    // Runs no cue typed, for the one-sense-per-document pass below.
    let mut untyped: Vec<(Span, bool)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = &text[toks[i].s..toks[i].e];
        if !capitalised(w) || covered(toks[i]) || shouting(toks[i]) {
            i += 1;
            continue;
        }
        // Grow the run: capitalised words joined by spaces, with "of"/"de"/"van"... inside.
        let mut j = i;
        while j + 1 < toks.len() && joined(text, toks[j], toks[j + 1]) && !covered(toks[j + 1]) {
            let next = &text[toks[j + 1].s..toks[j + 1].e];
            let connector = matches!(
                next,
                "of" | "de"
                    | "del"
                    | "der"
                    | "van"
                    | "von"
                    | "da"
                    | "di"
                    | "la"
                    | "le"
                    | "al"
                    | "bin"
                    | "&"
            ) && j + 2 < toks.len()
                && joined(text, toks[j + 1], toks[j + 2])
                && capitalised(&text[toks[j + 2].s..toks[j + 2].e]);
            // "Great Hall of the People", "Bank of the West".
            let of_the = next == "of"
                && j + 3 < toks.len()
                && &text[toks[j + 2].s..toks[j + 2].e] == "the"
                && joined(text, toks[j + 1], toks[j + 2])
                && joined(text, toks[j + 2], toks[j + 3])
                && capitalised(&text[toks[j + 3].s..toks[j + 3].e])
                && !covered(toks[j + 3]);
            if capitalised(next) {
                j += 1;
            } else if connector {
                j += 2;
            } else if of_the {
                j += 3;
            } else {
                break;
            }
        }
        let mut a = i;
        // Drop leading function words and titles ("The", "Mr"), remembering a title.
        let mut titled = i > 0
            && cues
                .title
                .contains(&text[toks[i - 1].s..toks[i - 1].e].to_lowercase());
        while a <= j {
            let lw = text[toks[a].s..toks[a].e].to_lowercase();
            // "Secretary-General", "Vice-President": compounds of titles are titles.
            let compound_title = lw.contains('-') && lw.split('-').all(|p| cues.title.contains(p));
            if cues.title.contains(&lw) || compound_title {
                titled = true;
                a += 1;
            } else if cues.stop.contains(&lw) {
                a += 1;
            } else {
                break;
            }
        }
        if a > j {
            i = j + 1;
            continue;
        }
        let run: Vec<&str> = (a..=j).map(|k| &text[toks[k].s..toks[k].e]).collect();
        let last_lower = run[run.len() - 1].to_lowercase();
        // "Defence Minister", "Foreign Secretary": a role, not a name.
        if cues.title.contains(&last_lower) {
            i = j + 1;
            continue;
        }
        let sentence_start = a == 0
            || text[..toks[a].s]
                .trim_end()
                .ends_with(['.', '!', '?', '\n', '"', '“', ':']);
        let acronym = |w: &str| {
            (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase())
        };
        let kind = if run.len() > 1 && cues.misc.contains(&last_lower) {
            Some("MISC")
        } else if run.len() == 1 && acronym(run[0]) {
            // A lone acronym in running text names an organisation ("UEFA", "OSCE").
            Some("ORG")
        } else if run.len() > 1 && run.iter().any(|w| cues.org.contains(&w.to_lowercase())) {
            // "Atlas Organization"; a lone "Police" or "League" is a common noun.
            Some("ORG")
        } else if run.len() > 1
            && run
                .iter()
                .any(|w| cues.facility.contains(&w.to_lowercase()))
        {
            // "Great Hall of the People", "Red Square", "Vnukovo Airport".
            Some("LOC")
        } else if run.len() == 1
            && cues.org.contains(&last_lower)
            && a > 0
            && joined(text, toks[a - 1], toks[a])
            && covered(toks[a - 1])
            && capitalised(&text[toks[a - 1].s..toks[a - 1].e])
        {
            // "Manchester United", "Moscow Exchange": a known place then an organisation
            // word; the place joins it afterwards.
            Some("ORG")
        } else if titled
            || cues.given.contains(run[0])
            || (run.len() == 1 && people.contains_key(run[0]))
        {
            Some("PERSON")
        } else if a > 0
            && cues
                .place
                .contains(&text[toks[a - 1].s..toks[a - 1].e].to_lowercase())
            && !(a == i && sentence_start)
        {
            Some("GPE")
        } else if (2..=3).contains(&run.len())
            && (!sentence_start || run.iter().all(|w| w.chars().count() > 1))
        {
            // Two or three capitalised words in news are most often a person's name.
            Some("PERSON")
        } else {
            None
        };
        if let Some(kind) = kind {
            // Names outside the knowledge base get a document-local id, shared by later
            // surname-only mentions of the same person ("Jonathan Ward" ... "Ward").
            let entity = match kind {
                "PERSON" if run.len() == 1 => people.get(run[0]).cloned(),
                "PERSON" | "ORG" => {
                    let id = local_id(&run);
                    if kind == "PERSON" {
                        people.insert(run[run.len() - 1].to_string(), id.clone());
                        if run.len() > 1 && cues.family.contains(&run[0].to_lowercase()) {
                            people.insert(run[0].to_string(), id.clone());
                        }
                    }
                    Some(id)
                }
                _ => None,
            };
            out.push(Mention {
                span: Span::new(toks[a].s, toks[j].e),
                kind: kind.to_string(),
                entity,
                actor: None,
            });
        } else {
            untyped.push((Span::new(toks[a].s, toks[j].e), sentence_start));
        }
        i = j + 1;
    }
    same_name_same_sense(text, &mut out, &untyped, &people, surname);
    out
}

/// One sense per document: a run no cue could type takes the type and id of the same words
/// typed elsewhere in the text ("tyre maker Pirelli" ... "Pirelli said"), or of the person
/// whose surname it is, even when the full name comes later.
fn same_name_same_sense(
    text: &str,
    out: &mut Vec<Mention>,
    untyped: &[(Span, bool)],
    people: &HashMap<String, String>,
    surname: &dyn Fn(&str) -> bool,
) {
    let legal = &CUE_WORDS.legal;
    let mut typed: HashMap<&str, (String, Option<String>)> = HashMap::new();
    for m in out.iter() {
        if !matches!(m.kind.as_str(), "PERSON" | "ORG" | "GPE") {
            continue;
        }
        let words = &text[m.span.start..m.span.end];
        let mut names = vec![words];
        if m.kind == "ORG" {
            if let Some((stem, form)) = words.rsplit_once(' ') {
                if legal.contains(&form.trim_end_matches('.').to_lowercase()) {
                    names.push(stem);
                }
            }
        }
        for name in names {
            let slot = typed
                .entry(name)
                .or_insert_with(|| (m.kind.clone(), m.entity.clone()));
            // A place typed only by the preposition before it yields to a name typed by
            // stronger cues ("to Ruch" ... "Ruch SA").
            if slot.0 == "GPE" && m.kind != "GPE" {
                *slot = (m.kind.clone(), m.entity.clone());
            }
        }
    }
    // A place typed by a preposition alone takes the stronger sense too.
    for m in out.iter_mut().filter(|m| m.kind == "GPE") {
        if let Some((kind, entity)) = typed.get(&text[m.span.start..m.span.end]) {
            m.kind.clone_from(kind);
            m.entity.clone_from(entity);
        }
    }
    let mut added = Vec::new();
    // The text's words, gathered once and only if a known surname needs them.
    let mut vocabulary: Option<HashSet<&str>> = None;
    for &(span, sentence_start) in untyped {
        let words = &text[span.start..span.end];
        let found = match people.get(words) {
            Some(id) => Some(("PERSON".to_string(), Some(id.clone()))),
            None => typed.get(words).cloned().or_else(|| {
                (!sentence_start && surname(words) && !common_word(text, words, &mut vocabulary))
                    .then(|| ("PERSON".to_string(), None))
            }),
        };
        if let Some((kind, entity)) = found {
            added.push(Mention {
                span,
                kind,
                entity,
                actor: None,
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span.start);
    }
}

/// Whether a capitalised word is also an ordinary word: a month, a cue word, or a word the
/// text itself uses in lower case ("Rice" when the text speaks of rice).
fn common_word<'t>(text: &'t str, word: &str, vocabulary: &mut Option<HashSet<&'t str>>) -> bool {
    let lower = word.to_lowercase();
    let cues = &*CUE_WORDS;
    if crate::calendar::MONTHS.contains(&lower.as_str())
        || cues.stop.contains(&lower)
        || cues.title.contains(&lower)
    {
        return true;
    }
    if lower.contains(|c: char| !c.is_alphanumeric()) {
        // "De la Rúa": look for the phrase itself.
        return text
            .match_indices(lower.as_str())
            .any(|(i, _)| is_word_at(text, i, i + lower.len()));
    }
    vocabulary
        .get_or_insert_with(|| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .contains(lower.as_str())
}

fn is_word_at(text: &str, s: usize, e: usize) -> bool {
    !text[..s]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[e..].chars().next().is_some_and(char::is_alphanumeric)
}

/// `local:jonathan-ward`: an id valid within one document, for a name the knowledge base lacks.
pub fn local_id(words: &[&str]) -> String {
    let slug: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    format!("local:{}", slug.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        unknown_names(text, &[], &|_| false)
            .iter()
            .map(|m| format!("{}:{}", &text[m.span.start..m.span.end], m.kind))
            .collect()
    }

    #[test]
    fn the_cue_files_are_valid() {
        assert!(check_builtin().unwrap() > 500);
        assert!(parse("title\tmr\ntitle\tmr\n", "")
            .unwrap_err()
            .contains("duplicate"));
        assert!(parse("bogus\tx\n", "")
            .unwrap_err()
            .contains("unknown category"));
    }

    #[test]
    fn people_organisations_and_places_from_cues() {
        let t = "Jonathan Ward, founder of the Atlas Organization, spoke to reporters in Taraz. \
                 Mr. Hollins said the Harbin Institute of Technology would reply. Later Ward left.";
        assert_eq!(
            names(t),
            [
                "Jonathan Ward:PERSON",
                "Atlas Organization:ORG",
                "Taraz:GPE",
                "Hollins:PERSON",
                "Harbin Institute of Technology:ORG",
                "Ward:PERSON",
            ]
        );
    }

    #[test]
    fn a_possessive_is_not_part_of_a_name() {
        let t = "Protesters denounced Mr. Kowalczyk’s decree and the Harbin Institute's report, \
                 Mr. O'Neill said.";
        assert_eq!(
            names(t),
            ["Kowalczyk:PERSON", "Harbin Institute:ORG", "O'Neill:PERSON"]
        );
        // Before a capitalised word, the ending is a name's own.
        let t = "Analysts at Moody's Investors Service downgraded the bonds.";
        assert_eq!(names(t), ["Moody's Investors Service:ORG"]);
    }

    #[test]
    fn repeated_unknown_names_share_a_local_id() {
        let t = "Jonathan Ward, founder of the Atlas Organization, spoke. Later Ward left.";
        let ids: Vec<Option<String>> = unknown_names(t, &[], &|_| false)
            .into_iter()
            .map(|m| m.entity)
            .collect();
        assert_eq!(
            ids,
            [
                Some("local:jonathan-ward".to_string()),
                Some("local:atlas-organization".to_string()),
                Some("local:jonathan-ward".to_string()),
            ]
        );
    }

    #[test]
    fn one_sense_per_document() {
        // A family name written first is the person's short form; an unknown word typed once
        // keeps its type elsewhere, even before; a company is its name without the legal form.
        let t = "Police detained Wang on Friday. Veteran dissident Wang Donghai was held, \
                 said Xiao Qiang of a rights group. Press distributor Ruch SA is for sale; \
                 bids for Ruch close soon, and Ruch said it expects three.";
        let got = names(t);
        assert_eq!(
            got.iter().filter(|n| *n == "Wang:PERSON").count(),
            1,
            "{got:?}"
        );
        assert!(got.contains(&"Ruch SA:ORG".to_string()), "{got:?}");
        assert_eq!(
            got.iter().filter(|n| *n == "Ruch:ORG").count(),
            2,
            "{got:?}"
        );
        let ids: Vec<String> = unknown_names(t, &[], &|_| false)
            .into_iter()
            .filter(|m| t[m.span.start..m.span.end].starts_with("Wang"))
            .filter_map(|m| m.entity)
            .collect();
        assert_eq!(ids, ["local:wang-donghai", "local:wang-donghai"]);
    }

    #[test]
    fn known_surnames_alone_are_people_unless_ordinary_words() {
        let surname = |w: &str| matches!(w, "Clinton" | "Rice" | "May");
        let t = "The talks went well, Clinton told reporters. Prices of rice rose, Rice said. \
                 Talks resume in May.";
        let got: Vec<String> = unknown_names(t, &[], &surname)
            .iter()
            .map(|m| format!("{}:{}", &t[m.span.start..m.span.end], m.kind))
            .collect();
        assert_eq!(got, ["Clinton:PERSON"]);
    }

    #[test]
    fn buildings_and_squares_are_places() {
        assert_eq!(
            names("a ceremony outside the Great Hall of the People and a walk on Red Square"),
            ["Great Hall of the People:LOC", "Red Square:LOC"]
        );
    }

    #[test]
    fn sentence_openers_and_headlines_are_not_names() {
        assert!(
            names("The talks ended. However, nothing was signed. On Monday it rained.").is_empty()
        );
        assert!(names("TALKS END WITHOUT DEAL IN GENEVA\nThe talks ended.").is_empty());
        assert_eq!(
            names("ties were stronger than in the Cold War era"),
            ["Cold War:MISC"]
        );
        assert_eq!(names("monitors from the OSCE said"), ["OSCE:ORG"]);
        // Coordination is two names, not one.
        assert!(!names("rivals in Europe and Asia")
            .iter()
            .any(|n| n.contains(" and ")));
    }
}
