//! Position shifts: what one actor or government says about a counterpart, in time order, and
//! where its stance changes: an unlimited commitment that comes back qualified ("no limits",
//! then "no limits, but a bottom line"), or wording that turns warmer or cooler.
//!
//! The stance of a statement is read through our lexicon `data/analysis/stance.tsv` (see
//! `docs/analyze.md`): commitments that set themselves no limit, limits and principles,
//! contrasts ("but"), hedges, and cooperative or conflictual wording, which add up to a warmth.
//! Two statements are compared when the later one is the next, by date, that speaks of the same
//! thing: a theme of the lexicon ("limits", "alignment") or at least two key terms in common.

use crate::terms;
use dyad_store::{Statement, Store};
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};
use std::sync::OnceLock;

const STANCE_TSV: &str = include_str!("../../../data/analysis/stance.tsv");

/// Whose statements about whom.
#[derive(Debug, Clone, Default)]
pub struct ShiftQuery {
    /// Speaker: a code prefix ("CHN", "CHNGOV") or an entity id ("qin-gang").
    pub speaker: String,
    /// Counterpart the statements name: a code prefix or an entity id.
    pub about: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Commit,
    Limit,
    Contrast,
    Hedge,
    Warm,
    Cool,
}

#[derive(Debug, Clone)]
struct Cue {
    category: Category,
    weight: i32,
    theme: Option<String>,
    words: Vec<String>,
}

fn parse_stance(text: &str) -> Result<Vec<Cue>, String> {
    let mut out: Vec<Cue> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| format!("data/analysis/stance.tsv:{}: {why}", i + 1);
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 {
            return Err(bad(
                "expected category, weight, theme and phrase separated by tabs",
            ));
        }
        let category = match f[0] {
            "commit" => Category::Commit,
            "limit" => Category::Limit,
            "contrast" => Category::Contrast,
            "hedge" => Category::Hedge,
            "warm" => Category::Warm,
            "cool" => Category::Cool,
            other => return Err(bad(&format!("unknown category {other:?}"))),
        };
        let weight: i32 = f[1]
            .parse()
            .map_err(|_| bad("the weight is a whole number"))?;
        if f[3] != f[3].to_lowercase() {
            return Err(bad("phrases are lower case"));
        }
        let words = terms::words(f[3]);
        if words.is_empty() {
            return Err(bad("empty phrase"));
        }
        if out.iter().any(|c| c.words == words) {
            continue;
        }
        out.push(Cue {
            category,
            weight,
            theme: (f[2] != "-").then(|| f[2].to_string()),
            words,
        });
    }
    // Longest first: the first cue that matches at a position is the longest there.
    out.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    Ok(out)
}

fn cues() -> &'static [Cue] {
    static CUES: OnceLock<Vec<Cue>> = OnceLock::new();
    // Checked by the tests and `dyad check-data`.
    CUES.get_or_init(|| parse_stance(STANCE_TSV).unwrap_or_default())
}

/// Checks the built-in stance lexicon; the number of phrases.
pub fn check_builtin() -> Result<usize, String> {
    parse_stance(STANCE_TSV).map(|c| c.len())
}

/// The stance a statement takes.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stance {
    /// Cooperative minus conflictual wording (commitments count double).
    pub warmth: i32,
    pub commitments: u32,
    pub limits: u32,
    pub hedges: u32,
    /// A "but" or "however" after a commitment.
    pub contrast: bool,
    /// `unlimited commitment`, `qualified commitment`, `limits`, `warm`, `cool` or `neutral`.
    pub label: String,
    /// The phrases read, in order, with their category ("commit: no limits").
    pub cues: Vec<String>,
    /// The lexicon's themes the statement touches.
    pub themes: Vec<String>,
}

impl Stance {
    fn qualified(&self) -> bool {
        self.limits > 0 || self.hedges > 0 || self.contrast
    }
}

/// Reads the stance of a text.
pub fn stance(text: &str) -> Stance {
    let words = terms::words(text);
    let mut s = Stance::default();
    let mut themes = BTreeSet::new();
    let mut i = 0;
    while i < words.len() {
        let Some(cue) = cues().iter().find(|c| words[i..].starts_with(&c.words)) else {
            i += 1;
            continue;
        };
        let negated = words[i.saturating_sub(2)..i]
            .iter()
            .any(|w| matches!(w.as_str(), "not" | "no" | "never" | "nor"));
        let name = match cue.category {
            Category::Commit => {
                s.commitments += 1;
                s.warmth += cue.weight;
                "commit"
            }
            Category::Limit => {
                s.limits += 1;
                "limit"
            }
            Category::Contrast => {
                if s.commitments > 0 {
                    s.contrast = true;
                }
                "contrast"
            }
            Category::Hedge => {
                s.hedges += 1;
                "hedge"
            }
            Category::Warm | Category::Cool => {
                s.warmth += if negated { -cue.weight } else { cue.weight };
                if cue.category == Category::Warm {
                    "warm"
                } else {
                    "cool"
                }
            }
        };
        s.cues.push(format!(
            "{name}{}: {}",
            if negated && matches!(cue.category, Category::Warm | Category::Cool) {
                " (negated)"
            } else {
                ""
            },
            cue.words.join(" ")
        ));
        if let Some(t) = &cue.theme {
            themes.insert(t.clone());
        }
        i += cue.words.len();
    }
    s.label = if s.commitments > 0 {
        if s.qualified() {
            "qualified commitment"
        } else {
            "unlimited commitment"
        }
    } else if s.limits > 0 {
        "limits"
    } else if s.warmth > 0 {
        "warm"
    } else if s.warmth < 0 {
        "cool"
    } else {
        "neutral"
    }
    .into();
    s.themes = themes.into_iter().collect();
    s
}

/// A statement with its stance and evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StanceStatement {
    /// Publication date of the document.
    pub date: Option<String>,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    pub speaker_code: Option<String>,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    pub content: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Numbered from 1, as `dyad explain` takes it.
    pub sentence_n: Option<u32>,
    pub sentence: Option<String>,
    pub stance: Stance,
}

/// A change of stance between two statements on one theme.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Shift {
    /// `qualified` (an unlimited commitment comes back with limits), `unqualified` (the
    /// limits go), `warmer` or `cooler`.
    pub kind: String,
    /// What the two statements share: lexicon themes and key terms.
    pub theme: Vec<String>,
    pub before: StanceStatement,
    pub after: StanceStatement,
}

fn stance_statement(s: Statement) -> StanceStatement {
    StanceStatement {
        date: s.published,
        stance: stance(&s.content),
        speaker: s.speaker,
        speaker_entity: s.speaker_entity,
        speaker_code: s.speaker_code,
        kind: s.kind,
        content: s.content,
        doc_id: s.doc_id,
        outlet: s.outlet,
        url: s.url,
        sentence_n: s.sentence_n,
        sentence: s.sentence,
    }
}

/// How the stance moved from `a` to `b`, if it did.
fn change(a: &Stance, b: &Stance) -> Option<&'static str> {
    let open = |s: &Stance| s.commitments > 0 && !s.qualified();
    let bound = |s: &Stance| s.limits > 0 || (s.commitments > 0 && s.qualified());
    if open(a) && bound(b) && a.themes.iter().any(|t| b.themes.contains(t)) {
        return Some("qualified");
    }
    if bound(a) && open(b) && a.themes.iter().any(|t| b.themes.contains(t)) {
        return Some("unqualified");
    }
    // Warmth moves by two or changes sign.
    let d = b.warmth - a.warmth;
    if d <= -2 || (a.warmth > 0 && b.warmth < 0) {
        return Some("cooler");
    }
    if d >= 2 || (a.warmth < 0 && b.warmth > 0) {
        return Some("warmer");
    }
    None
}

/// Statements with their stance and key terms, once each, by date.
fn prepare(statements: Vec<Statement>) -> Vec<(StanceStatement, BTreeSet<String>)> {
    // One statement once: wire copies carry the same words.
    let mut seen = HashSet::new();
    let mut list: Vec<(StanceStatement, BTreeSet<String>)> = Vec::new();
    for st in statements {
        if !seen.insert((st.speaker_entity.clone(), st.content.to_lowercase())) {
            continue;
        }
        let mut exclude: HashSet<String> = st
            .about
            .iter()
            .flat_map(|a| terms::words(&a.text))
            .collect();
        exclude.extend(st.speaker.iter().flat_map(|s| terms::words(s)));
        let key: BTreeSet<String> = terms::key_terms(&st.content, &exclude)
            .into_iter()
            .filter(|t| !t.contains(' '))
            .collect();
        list.push((stance_statement(st), key));
    }
    list.sort_by(|a, b| (&a.0.date, &a.0.doc_id).cmp(&(&b.0.date, &b.0.doc_id)));
    list
}

/// What two statements share that makes them speak of one thing: a theme of the lexicon, or
/// at least two key terms. `None` when they share neither.
fn shared_theme(
    a: &(StanceStatement, BTreeSet<String>),
    b: &(StanceStatement, BTreeSet<String>),
) -> Option<Vec<String>> {
    let mut theme: Vec<String> =
        a.0.stance
            .themes
            .iter()
            .filter(|t| b.0.stance.themes.contains(t))
            .cloned()
            .collect();
    let shared: Vec<String> = a.1.intersection(&b.1).cloned().collect();
    if theme.is_empty() && shared.len() < 2 {
        return None;
    }
    for t in shared {
        if !theme.contains(&t) {
            theme.push(t);
        }
    }
    Some(theme)
}

/// Finds the shifts in a list of statements (as [`Store::statements`] gives them, by date).
pub fn find_shifts(statements: Vec<Statement>) -> Vec<Shift> {
    let list = prepare(statements);
    let mut out = Vec::new();
    for j in 1..list.len() {
        let b = &list[j].0;
        // The latest earlier statement on the same theme.
        let earlier = list[..j].iter().rev().find_map(|a| {
            if a.0.date >= b.date {
                return None;
            }
            shared_theme(a, &list[j]).map(|theme| (&a.0, theme))
        });
        let Some((a, theme)) = earlier else {
            continue;
        };
        if let Some(kind) = change(&a.stance, &b.stance) {
            out.push(Shift {
                kind: kind.into(),
                theme,
                before: a.clone(),
                after: b.clone(),
            });
        }
    }
    out
}

/// Statements that speak of one thing, in time order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Theme {
    /// The lexicon themes and key terms most of its statements share.
    pub terms: Vec<String>,
    pub statements: Vec<StanceStatement>,
}

/// Groups statements by theme: statements that share a lexicon theme or two key terms, and
/// those linked to them, are one group; a statement that shares nothing is a group of its own.
/// Groups are ordered by their first statement.
pub fn group_themes(statements: Vec<Statement>) -> Vec<Theme> {
    let list = prepare(statements);
    let mut group: Vec<usize> = (0..list.len()).collect();
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    for j in 0..list.len() {
        for i in 0..j {
            if shared_theme(&list[i], &list[j]).is_some() {
                let (a, b) = (root(&mut group, i), root(&mut group, j));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..list.len() {
        let r = root(&mut group, i);
        members.entry(r).or_default().push(i);
    }
    members
        .into_values()
        .map(|idx| {
            let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
            for &i in &idx {
                let (st, key) = &list[i];
                for t in st.stance.themes.iter().chain(key.iter()) {
                    *count.entry(t.as_str()).or_default() += 1;
                }
            }
            let lexicon: HashSet<&str> = idx
                .iter()
                .flat_map(|&i| list[i].0.stance.themes.iter().map(String::as_str))
                .collect();
            let mut terms: Vec<(&str, usize)> = count
                .into_iter()
                .filter(|&(_, c)| c >= 2 || idx.len() == 1)
                .collect();
            // Lexicon themes first, then the most shared terms.
            terms.sort_by(|a, b| {
                lexicon
                    .contains(b.0)
                    .cmp(&lexicon.contains(a.0))
                    .then(b.1.cmp(&a.1))
                    .then(a.0.cmp(b.0))
            });
            Theme {
                terms: terms
                    .into_iter()
                    .take(5)
                    .map(|(t, _)| t.to_string())
                    .collect(),
                statements: idx.into_iter().map(|i| list[i].0.clone()).collect(),
            }
        })
        .collect()
}

/// A speaker's statements about a counterpart in the store, grouped by theme.
pub fn themes(store: &Store, q: &ShiftQuery) -> dyad_store::Result<Vec<Theme>> {
    Ok(group_themes(store.statements(&q.speaker, &q.about)?))
}

/// The position shifts of a speaker about a counterpart in the store.
pub fn shifts(store: &Store, q: &ShiftQuery) -> dyad_store::Result<Vec<Shift>> {
    Ok(find_shifts(store.statements(&q.speaker, &q.about)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_store::StatementAbout;

    fn st(date: &str, speaker: &str, content: &str) -> Statement {
        Statement {
            doc_id: format!("doc-{date}"),
            n: 0,
            outlet: Some("Northern Gazette".into()),
            published: Some(date.into()),
            url: None,
            kind: "indirect".into(),
            speaker: Some(speaker.into()),
            speaker_entity: None,
            speaker_code: Some("CHNGOV".into()),
            cue: Some("said".into()),
            content: content.into(),
            hedged: false,
            sentence_n: Some(1),
            sentence: Some(content.into()),
            about: vec![StatementAbout {
                text: "Russia".into(),
                entity: Some("rus".into()),
                code: Some("RUS".into()),
            }],
        }
    }

    #[test]
    fn stance_reads_commitments_limits_and_warmth() {
        let a = stance("the friendship between Russia and China had \"no limits\"");
        assert_eq!(
            (a.label.as_str(), a.warmth, a.commitments),
            ("unlimited commitment", 3, 1)
        );
        assert_eq!(a.themes, ["limits", "ties"]);
        let b = stance("cooperation with Russia had no limits but there was a bottom line, the principles of the UN Charter");
        assert_eq!(b.label, "qualified commitment");
        assert!(b.contrast);
        assert_eq!(b.limits, 2);
        let c = stance("Beijing strongly opposed the move and condemned the sanctions");
        assert_eq!((c.label.as_str(), c.warmth), ("cool", -3));
        // "not" turns a warm word.
        assert_eq!(stance("relations were not friendly").warmth, -1);
        assert!(check_builtin().unwrap() > 50);
    }

    #[test]
    fn an_unlimited_commitment_that_comes_back_with_a_bottom_line_is_a_shift() {
        let found = find_shifts(vec![
            st("2022-02-05", "Xi Jinping", "the friendship between Russia and China had \"no limits\""),
            st("2022-02-20", "The foreign ministry", "it would keep trade with Russia normal"),
            st("2022-03-21", "Qin Gang", "cooperation with Russia had no limits but there was a bottom line, the purposes and principles of the UN Charter"),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let s = &found[0];
        assert_eq!(s.kind, "qualified");
        assert_eq!(s.theme[0], "limits");
        assert_eq!(s.before.date.as_deref(), Some("2022-02-05"));
        assert_eq!(s.after.speaker.as_deref(), Some("Qin Gang"));
        assert_eq!(s.after.stance.label, "qualified commitment");
        let themes = group_themes(vec![
            st(
                "2022-02-05",
                "Xi Jinping",
                "the friendship between Russia and China had \"no limits\"",
            ),
            st(
                "2022-02-20",
                "The foreign ministry",
                "it would keep trade with Russia normal",
            ),
            st(
                "2022-03-21",
                "Qin Gang",
                "cooperation with Russia had no limits but there was a bottom line",
            ),
        ]);
        assert_eq!(themes.len(), 2, "{themes:#?}");
        assert_eq!(themes[0].terms[0], "limits");
        assert_eq!(themes[0].statements.len(), 2);
        assert_eq!(themes[1].statements[0].date.as_deref(), Some("2022-02-20"));
    }

    #[test]
    fn steady_wording_is_no_shift_and_a_colder_one_is() {
        let steady = find_shifts(vec![
            st(
                "2021-06-28",
                "Xi Jinping",
                "the partnership with Russia was based on mutual trust and close cooperation",
            ),
            st(
                "2022-06-15",
                "Xi Jinping",
                "China would deepen cooperation with Russia on the basis of mutual trust",
            ),
        ]);
        assert!(steady.is_empty(), "{steady:#?}");
        let cooler = find_shifts(vec![
            st("2021-06-28", "Wang Yi", "cooperation with Russia on energy was close and stable"),
            st("2023-05-02", "Wang Yi", "China was concerned about Russia's energy cooperation terms and rejected the price demands"),
        ]);
        assert_eq!(cooler.len(), 1, "{cooler:#?}");
        assert_eq!(cooler[0].kind, "cooler");
        assert!(
            cooler[0].theme.contains(&"energy".to_string()),
            "{:?}",
            cooler[0].theme
        );
        // The same words from two wire copies are one statement.
        let copies = find_shifts(vec![
            st("2022-02-05", "Xi Jinping", "ties with Russia had no limits"),
            st("2022-02-05", "Xi Jinping", "ties with Russia had no limits"),
        ]);
        assert!(copies.is_empty());
    }
}
