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
    Ok(c.title.len() + c.org.len() + c.stop.len() + c.place.len() + c.misc.len() + c.given.len())
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
            out.push(Tok { s, e: i });
        }
    }
    if let Some(s) = start {
        out.push(Tok { s, e: text.len() });
    }
    out
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
pub fn unknown_names(text: &str, known: &[Mention]) -> Vec<Mention> {
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
            if capitalised(next) {
                j += 1;
            } else if connector {
                j += 2;
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
            if cues.title.contains(&lw) {
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
        } else if run.iter().any(|w| cues.org.contains(&w.to_lowercase()))
            && (cues.org.contains(&last_lower) || run.len() > 1)
        {
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
        }
        i = j + 1;
    }
    out
}

/// `local:jonathan-ward`: an id valid within one document, for a name the knowledge base lacks.
fn local_id(words: &[&str]) -> String {
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
        unknown_names(text, &[])
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
    fn repeated_unknown_names_share_a_local_id() {
        let t = "Jonathan Ward, founder of the Atlas Organization, spoke. Later Ward left.";
        let ids: Vec<Option<String>> = unknown_names(t, &[])
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
