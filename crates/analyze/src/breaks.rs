//! Pattern breaks: interactions of a dyad that come back every year at the same time (New Year
//! messages, an annual summit, a yearly exercise), and the instance that departs from the
//! pattern in form, timing, participants or content.
//!
//! 1. Each event between the two sides, dated to the day, is an occurrence with a family and a
//!    form (`data/analysis/forms.tsv`: a "contact" is a message, a call, a visit, a meeting or a
//!    summit; an "exercise" a drill or a patrol; other events keep their PLOVER type), the
//!    participants (each side's role on the day from the knowledge base, else its code) and the
//!    key terms of its sentence.
//! 2. A recurring interaction is a key term of a dyad's occurrences of one family that comes
//!    back at the same time of year (within [`WINDOW`] days of one day of the year) in several
//!    years, and mostly then: at least half of the occurrences with the term fall in the window.
//!    "New Year" between China and Russia comes back every December 31; "cooperation" comes all
//!    year and makes no series.
//! 3. An instance is one year's occurrences with the term in the window, with the occurrences
//!    of the same family that the same documents report in the window (the premiers' messages
//!    in the article on the presidents' messages).
//! 4. Every instance after at least `min_series` earlier ones is compared with them: its form
//!    (none of the usual forms), its date (further from the usual day than the earlier ones
//!    ever were, and at least two days), its participants (a pair present in most earlier
//!    instances is missing) and its content (it shares less than half of the usual terms and
//!    brings terms never seen before).

use crate::terms;
use chrono::{Datelike, NaiveDate};
use dyad_store::{DyadEvent, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

/// How far (in days) from the usual day of the year an occurrence may fall and still belong to
/// the yearly series.
pub const WINDOW: i64 = 15;

const FORMS_TSV: &str = include_str!("../../../data/analysis/forms.tsv");

/// What to look for.
#[derive(Debug, Clone)]
pub struct BreakQuery {
    /// The two sides (code prefixes or entity ids, "CHN", "RUSGOV", "vladimir-putin"); `None`
    /// looks at every pair of countries.
    pub dyad: Option<(String, String)>,
    /// Earlier instances needed before a departure counts (at least 3).
    pub min_series: usize,
    /// A PLOVER context ("military"): series of the events in it only, so that a yearly
    /// exercise is compared with earlier exercises, not with the summit held the same week.
    pub context: Option<String>,
}

impl Default for BreakQuery {
    fn default() -> Self {
        BreakQuery {
            dyad: None,
            min_series: 3,
            context: None,
        }
    }
}

/// One report of an occurrence: the event and the sentence that carries it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub date: String,
    pub form: String,
    /// The participants, side A first ("CHN president & RUS president").
    pub participants: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub trigger: String,
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Numbered from 1, as `dyad explain` takes it.
    pub sentence_n: Option<u32>,
    pub sentence: String,
}

/// One year's instance of a recurring interaction.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Instance {
    /// The year of the usual day the instance belongs to (an exchange on January 1 may belong
    /// to the year before).
    pub season: i32,
    /// The first day it was reported for.
    pub date: String,
    pub forms: Vec<String>,
    pub participants: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// How the new instance departs from the series.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Departure {
    /// `form`, `timing`, `participants` or `content`.
    pub aspect: String,
    pub usual: String,
    pub found: String,
}

/// A new instance of a recurring interaction that departs from the pattern.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Break {
    /// The two sides, as asked or as country codes in order.
    pub dyad: [String; 2],
    /// `contact`, `exercise` or a PLOVER type.
    pub family: String,
    /// `yearly`, or `every N years` when the earlier instances are all N years apart.
    pub period: String,
    /// The key terms that recur ("new year").
    pub terms: Vec<String>,
    /// The usual day of the year, `MM-DD`.
    pub usual_day: String,
    /// The earlier instances, oldest first.
    pub series: Vec<Instance>,
    pub instance: Instance,
    pub departures: Vec<Departure>,
}

/// A line of `forms.tsv`.
#[derive(Debug, Clone)]
struct FormCue {
    form: String,
    family: String,
    types: Vec<String>,
    cues: Vec<Vec<String>>,
}

fn parse_forms(text: &str) -> Result<Vec<FormCue>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| format!("data/analysis/forms.tsv:{}: {why}", i + 1);
        if f.len() != 4 || f.iter().any(|x| x.trim().is_empty()) {
            return Err(bad(
                "expected form, family, types and cues separated by tabs",
            ));
        }
        if f[3] != f[3].to_lowercase() {
            return Err(bad("cues are lower case"));
        }
        out.push(FormCue {
            form: f[0].into(),
            family: f[1].into(),
            types: f[2].split('|').map(str::to_string).collect(),
            cues: f[3]
                .split('|')
                .map(|c| c.split(' ').map(str::to_string).collect())
                .collect(),
        });
    }
    if out.is_empty() {
        return Err("data/analysis/forms.tsv: no forms".into());
    }
    Ok(out)
}

fn forms() -> &'static [FormCue] {
    static FORMS: OnceLock<Vec<FormCue>> = OnceLock::new();
    // The file is checked by the tests and `dyad check-data`; a broken build copy finds no form.
    FORMS.get_or_init(|| parse_forms(FORMS_TSV).unwrap_or_default())
}

/// Checks the built-in form lexicon; the number of forms.
pub fn check_builtin() -> Result<usize, String> {
    parse_forms(FORMS_TSV).map(|f| f.len())
}

fn kb() -> Option<&'static dyad_kb::Kb> {
    static KB: OnceLock<Option<dyad_kb::Kb>> = OnceLock::new();
    KB.get_or_init(|| dyad_kb::Kb::builtin().ok()).as_ref()
}

/// The knowledge base's people by entity id.
fn people() -> &'static HashMap<&'static str, &'static dyad_kb::Person> {
    static PEOPLE: OnceLock<HashMap<&'static str, &'static dyad_kb::Person>> = OnceLock::new();
    PEOPLE.get_or_init(|| {
        kb().map(|kb| kb.people.iter().map(|p| (p.id.as_str(), p)).collect())
            .unwrap_or_default()
    })
}

/// The family and form of an event.
fn family_and_form(e: &DyadEvent) -> (String, String) {
    let kind = e.kind.clone().unwrap_or_default();
    let by_mode = match e.mode.as_deref() {
        Some("phone") => Some("call"),
        Some("visit") => Some("visit"),
        Some("third-party") | Some("multilateral") => Some("meeting"),
        _ => None,
    };
    if kind == "CONSULT" {
        if let Some(f) = by_mode {
            return ("contact".into(), f.into());
        }
    }
    // A consultation takes the form its sentence names; another event only the one its own
    // trigger names ("congratulated" in an exchange of messages).
    let words = terms::words(if kind == "CONSULT" {
        &e.sentence
    } else {
        &e.trigger
    });
    let present: HashSet<&str> = words.iter().map(String::as_str).collect();
    for f in forms() {
        if f.types.contains(&kind)
            && f.cues.iter().any(|c| {
                present.contains(c[0].as_str()) && {
                    let c: Vec<&str> = c.iter().map(String::as_str).collect();
                    terms::has_phrase(&words, &c)
                }
            })
        {
            return (f.family.clone(), f.form.clone());
        }
    }
    if kind == "CONSULT" {
        return ("contact".into(), "meeting".into());
    }
    (kind, e.mode.clone().unwrap_or_else(|| "-".into()))
}

/// How an actor takes part: the role of a known person on the day ("CHN premier"), else the
/// code and sector, else the entity.
fn participant(entity: Option<&str>, code: Option<&str>, day: NaiveDate) -> String {
    if let Some(id) = entity {
        if let Some(role) = people().get(id).and_then(|p| p.role_on(Some(day))) {
            return format!("{} {}", role.code, role.title);
        }
    }
    code.or(entity).unwrap_or("?").to_string()
}

fn side_matches(code: Option<&str>, entity: Option<&str>, side: &str) -> bool {
    entity == Some(side)
        || code.is_some_and(|c| {
            c.to_ascii_uppercase()
                .starts_with(&side.to_ascii_uppercase())
        })
}

#[derive(Debug, Clone)]
struct Occ {
    dyad: [String; 2],
    family: String,
    day: NaiveDate,
    form: String,
    pair: String,
    terms: BTreeSet<String>,
    event: DyadEvent,
}

fn occurrences(events: Vec<DyadEvent>, sides: Option<&(String, String)>) -> Vec<Occ> {
    // Form words are the form, not the content; the names and adjectives of countries are in
    // every report of a dyad and tell nothing of the occasion.
    let mut form_words: HashSet<String> = forms()
        .iter()
        .flat_map(|f| f.cues.iter().flatten().cloned())
        .collect();
    if let Some(kb) = kb() {
        for c in &kb.countries {
            // One-word names only: "new" of "New Zealand" is the "new" of "New Year".
            for name in c.names.iter().chain(&c.adjectives) {
                if let [w] = terms::words(name).as_slice() {
                    form_words.insert(w.clone());
                }
            }
        }
    }
    let mut out = Vec::new();
    for e in events {
        if e.kind.is_none() {
            continue;
        }
        let Some(day) = e
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let src = participant(e.source_entity.as_deref(), e.source_code.as_deref(), day);
        let tgt = participant(e.target_entity.as_deref(), e.target_code.as_deref(), day);
        let (dyad, forward) = match sides {
            Some((a, b)) => (
                [a.clone(), b.clone()],
                side_matches(e.source_code.as_deref(), e.source_entity.as_deref(), a)
                    && side_matches(e.target_code.as_deref(), e.target_entity.as_deref(), b),
            ),
            None => {
                let country = |c: &Option<String>| {
                    c.as_deref()
                        .and_then(|c| c.get(..3))
                        .unwrap_or("?")
                        .to_string()
                };
                let (s, t) = (country(&e.source_code), country(&e.target_code));
                if s <= t {
                    ([s, t], true)
                } else {
                    ([t, s], false)
                }
            }
        };
        let pair = if forward {
            format!("{src} & {tgt}")
        } else {
            format!("{tgt} & {src}")
        };
        let names: HashSet<String> = [&e.source, &e.target]
            .into_iter()
            .flatten()
            .flat_map(|n| terms::words(n))
            .collect();
        let (family, form) = family_and_form(&e);
        out.push(Occ {
            dyad,
            family,
            day,
            form,
            pair,
            terms: terms::key_terms_but(&e.sentence, |w| {
                form_words.contains(w) || names.contains(w)
            }),
            event: e,
        });
    }
    out
}

/// The day of the year from 0, in a year without February 29 (which counts as the 28th).
fn day_index(day: NaiveDate) -> usize {
    let (m, d) = (
        day.month(),
        day.day().min(if day.month() == 2 { 28 } else { 31 }),
    );
    NaiveDate::from_ymd_opt(2001, m, d).map_or(0, |x| x.ordinal0() as usize)
}

/// A day of the year: (month, day).
type MonthDay = (u32, u32);

/// The anchor day (month, day) in a year, February 29 falling back to the 28th.
fn anchor_in(year: i32, (m, d): (u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, m, d).or_else(|| NaiveDate::from_ymd_opt(year, m, d - 1))
}

/// The season (year of the nearest anchor day) of a day, and its offset from that anchor.
fn season_of(day: NaiveDate, anchor: (u32, u32)) -> (i32, i64) {
    (day.year() - 1..=day.year() + 1)
        .filter_map(|y| anchor_in(y, anchor).map(|a| (y, (day - a).num_days())))
        .min_by_key(|&(y, off)| (off.abs(), y))
        .unwrap_or((day.year(), 0))
}

/// A recurring interaction found in one (dyad, family): its anchor day and term-bearing
/// occurrences by season.
struct Series {
    anchor: (u32, u32),
    seasons: BTreeMap<i32, Vec<usize>>,
    terms: Vec<String>,
}

fn find_series(occs: &[Occ], idx: &[usize], min_seasons: usize) -> Vec<Series> {
    let mut by_term: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in idx {
        for t in &occs[i].terms {
            by_term.entry(t.as_str()).or_default().push(i);
        }
    }
    // Candidate series keyed by anchor and member occurrences; terms with the same members
    // describe one series.
    let mut found: BTreeMap<(MonthDay, Vec<usize>), Vec<String>> = BTreeMap::new();
    for (term, members) in by_term {
        let years: BTreeSet<i32> = members.iter().map(|&i| occs[i].day.year()).collect();
        if years.len() < min_seasons {
            continue;
        }
        // Members by day of the year (of a year without February 29), so that each candidate
        // usual day looks only at the 31 days around it.
        let mut by_day: Vec<Vec<usize>> = vec![Vec::new(); 365];
        for &i in &members {
            by_day[day_index(occs[i].day)].push(i);
        }
        let mut best: Option<(usize, usize, usize)> = None;
        for anchor in (0..365).filter(|&d| !by_day[d].is_empty()) {
            let mut seasons = BTreeSet::new();
            let mut n = 0;
            for off in -WINDOW..=WINDOW {
                let at = anchor as i64 + off;
                // Across the turn of the year, a day counts for the anchor's year.
                let shift = if at < 0 {
                    1
                } else if at >= 365 {
                    -1
                } else {
                    0
                };
                for &i in &by_day[at.rem_euclid(365) as usize] {
                    seasons.insert(occs[i].day.year() + shift);
                    n += 1;
                }
            }
            if best.is_none_or(|(s, m, _)| (seasons.len(), n) > (s, m)) {
                best = Some((seasons.len(), n, anchor));
            }
        }
        let best = best.and_then(|(s, n, d)| {
            let day = NaiveDate::from_yo_opt(2001, d as u32 + 1)?;
            Some((s, n, (day.month(), day.day())))
        });
        let Some((n_seasons, n_inside, anchor)) = best else {
            continue;
        };
        // Mostly at that time of year: a term heard all year round is no occasion.
        if n_seasons < min_seasons || n_inside * 2 < members.len() {
            continue;
        }
        let mut inside: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| season_of(occs[i].day, anchor).1.abs() <= WINDOW)
            .collect();
        inside.sort_unstable();
        inside.dedup();
        // The usual day is the median of the days in the window, so that seasons are counted
        // from it (a Dec 31 habit is the year's, even when one report says Jan 1).
        let mut offs: Vec<i64> = inside
            .iter()
            .map(|&i| season_of(occs[i].day, anchor).1)
            .collect();
        offs.sort_unstable();
        let anchor = anchor_in(2001, anchor)
            .map(|a| a + chrono::Duration::days(offs[offs.len() / 2]))
            .map_or(anchor, |d| (d.month(), d.day()));
        found
            .entry((anchor, inside))
            .or_default()
            .push(term.to_string());
    }
    let mut cands: Vec<Series> = found
        .into_iter()
        .map(|((anchor, members), terms)| {
            let mut seasons: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
            for i in members {
                seasons
                    .entry(season_of(occs[i].day, anchor).0)
                    .or_default()
                    .push(i);
            }
            Series {
                anchor,
                seasons,
                terms,
            }
        })
        .collect();
    // The series over most years first; of those, one named by two words ("new year" is more
    // of an occasion than "year"), then the one with most occurrences ("new year" over
    // "exchanged new"). Another one at the same time of year is the same interaction seen
    // through other words, which join its terms.
    let occurrences = |s: &Series| s.seasons.values().map(Vec::len).sum::<usize>();
    let pair = |s: &Series| s.terms.iter().any(|t| t.contains(' '));
    cands.sort_by(|a, b| {
        b.seasons
            .len()
            .cmp(&a.seasons.len())
            .then(pair(b).cmp(&pair(a)))
            .then(occurrences(b).cmp(&occurrences(a)))
            .then(a.anchor.cmp(&b.anchor))
            .then(a.terms.cmp(&b.terms))
    });
    let mut kept: Vec<Series> = Vec::new();
    for c in cands {
        let day = anchor_in(2001, c.anchor).unwrap_or_default();
        match kept
            .iter_mut()
            .find(|k| season_of(day, k.anchor).1.abs() <= WINDOW)
        {
            Some(k) => {
                if c.seasons.len() == k.seasons.len() {
                    k.terms.extend(c.terms);
                }
            }
            None => kept.push(c),
        }
    }
    kept
}

/// The terms to show for a series: those of most years and reports, a pair rather than its
/// words.
fn shown_terms(series: &Series, occs: &[Occ]) -> Vec<String> {
    let count = |t: &str| {
        let seasons = series
            .seasons
            .values()
            .filter(|v| v.iter().any(|&i| occs[i].terms.contains(t)))
            .count();
        let all = series
            .seasons
            .values()
            .flatten()
            .filter(|&&i| occs[i].terms.contains(t))
            .count();
        (seasons, all)
    };
    let mut terms = series.terms.clone();
    terms.sort_by(|a, b| {
        count(b)
            .cmp(&count(a))
            .then(b.contains(' ').cmp(&a.contains(' ')))
            .then(a.cmp(b))
    });
    let top = terms.first().map(|t| count(t));
    let mut shown: Vec<String> = Vec::new();
    for t in terms {
        let covered = shown
            .iter()
            .any(|s| s.split(' ').any(|w| w == t) || t.split(' ').any(|w| w == s));
        if !covered && shown.len() < 3 && Some(count(&t)) == top {
            shown.push(t);
        }
    }
    shown
}

fn evidence(o: &Occ) -> Evidence {
    let e = &o.event;
    Evidence {
        date: o.day.to_string(),
        form: o.form.clone(),
        participants: o.pair.clone(),
        source: e.source.clone(),
        target: e.target.clone(),
        trigger: e.trigger.clone(),
        doc_id: e.doc_id.clone(),
        outlet: e.outlet.clone(),
        published: e.published.clone(),
        url: e.url.clone(),
        sentence_n: e.sentence_n,
        sentence: e.sentence.clone(),
    }
}

/// Where in a sentence (word index) a text starts, if it is there.
fn word_pos(sentence: &[String], text: &[String]) -> Option<usize> {
    (!text.is_empty())
        .then(|| sentence.windows(text.len()).position(|w| w == text))
        .flatten()
}

/// Of several events of one sentence, the ones whose trigger is nearest a term of the series:
/// "exchanged New Year messages on Sunday, the last day of a year in which Xi paid a state
/// visit" is an exchange of messages; the visit is its background.
fn nearest_to_terms(core: &[usize], occs: &[Occ], series_terms: &[String]) -> Vec<usize> {
    let terms: Vec<Vec<String>> = series_terms.iter().map(|t| terms::words(t)).collect();
    let distance = |i: usize| {
        let e = &occs[i].event;
        let words = terms::words(&e.sentence);
        let at = word_pos(&words, &terms::words(&e.trigger)).unwrap_or(0);
        terms
            .iter()
            .filter_map(|t| word_pos(&words, t))
            .map(|p| p.abs_diff(at))
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut best: HashMap<(&str, Option<u32>), usize> = HashMap::new();
    for &i in core {
        let key = (occs[i].event.doc_id.as_str(), occs[i].event.sentence_n);
        let d = distance(i);
        best.entry(key)
            .and_modify(|b| *b = (*b).min(d))
            .or_insert(d);
    }
    core.iter()
        .copied()
        .filter(|&i| {
            let key = (occs[i].event.doc_id.as_str(), occs[i].event.sentence_n);
            best.get(&key) == Some(&distance(i))
        })
        .collect()
}

/// What the comparison needs of an instance.
struct Facts {
    instance: Instance,
    /// The forms each pair of participants took.
    pair_forms: BTreeMap<String, BTreeSet<String>>,
    offset: i64,
    terms: BTreeSet<String>,
}

fn instance(
    season: i32,
    core: &[usize],
    extra: &[usize],
    occs: &[Occ],
    anchor: (u32, u32),
) -> Facts {
    let mut members: Vec<usize> = core.iter().chain(extra).copied().collect();
    members.sort_by_key(|&i| (occs[i].day, i));
    members.dedup();
    let first = core
        .iter()
        .map(|&i| occs[i].day)
        .min()
        .unwrap_or(occs[members[0]].day);
    let forms: BTreeSet<String> = members.iter().map(|&i| occs[i].form.clone()).collect();
    let pairs: BTreeSet<String> = members.iter().map(|&i| occs[i].pair.clone()).collect();
    let terms: BTreeSet<String> = members
        .iter()
        .flat_map(|&i| occs[i].terms.iter().cloned())
        .collect();
    let mut pair_forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &i in &members {
        pair_forms
            .entry(occs[i].pair.clone())
            .or_default()
            .insert(occs[i].form.clone());
    }
    let mut seen = HashSet::new();
    let evidence = members
        .iter()
        .map(|&i| &occs[i])
        .filter(|o| {
            seen.insert((
                o.event.doc_id.clone(),
                o.event.sentence_n,
                o.event.trigger.clone(),
            ))
        })
        .map(evidence)
        .collect();
    Facts {
        instance: Instance {
            season,
            date: first.to_string(),
            forms: forms.into_iter().collect(),
            participants: pairs.into_iter().collect(),
            evidence,
        },
        offset: season_of(first, anchor).1,
        terms,
        pair_forms,
    }
}

/// Values present in more than half of the earlier instances.
fn usual<'a>(sets: impl Iterator<Item = &'a Vec<String>> + Clone, n: usize) -> BTreeSet<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sets {
        for v in s.iter().collect::<BTreeSet<_>>() {
            *count.entry(v).or_default() += 1;
        }
    }
    count
        .into_iter()
        .filter(|&(_, c)| c * 2 > n)
        .map(|(v, _)| v.to_string())
        .collect()
}

fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items.into_iter().cloned().collect::<Vec<_>>().join(", ")
}

fn month_day(anchor: (u32, u32), offset: i64) -> String {
    anchor_in(2001, anchor)
        .map(|a| {
            (a + chrono::Duration::days(offset))
                .format("%b %-d")
                .to_string()
        })
        .unwrap_or_default()
}

/// A crude English stem: "exchanged", "exchanges" and "exchanging" give "exchang".
fn stem(w: &str) -> String {
    let n = w.len();
    for (suffix, min) in [("ing", 6), ("ed", 5), ("es", 5), ("e", 5), ("s", 4)] {
        if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
            return w[..n - suffix.len()].to_string();
        }
    }
    w.to_string()
}

/// "12-31" as "Dec 31".
pub fn month_day_label(md: &str) -> String {
    NaiveDate::parse_from_str(&format!("2001-{md}"), "%Y-%m-%d")
        .map(|d| d.format("%b %-d").to_string())
        .unwrap_or_else(|_| md.to_string())
}

/// The usual offset from the anchor day: the median of the earlier instances'.
fn median_offset(earlier: &[Facts]) -> i64 {
    let mut offsets: Vec<i64> = earlier.iter().map(|f| f.offset).collect();
    offsets.sort_unstable();
    offsets.get(offsets.len() / 2).copied().unwrap_or(0)
}

fn departures(earlier: &[Facts], new: &Facts, anchor: (u32, u32)) -> Vec<Departure> {
    let mut out = Vec::new();
    let n = earlier.len();
    // Form, pair by pair: the presidents who call instead of writing while their premiers
    // still write.
    for (pair, forms) in &new.pair_forms {
        let before: Vec<Vec<String>> = earlier
            .iter()
            .filter_map(|f| f.pair_forms.get(pair))
            .map(|s| s.iter().cloned().collect())
            .collect();
        if before.len() < 2 {
            continue;
        }
        let usual_forms = usual(before.iter(), before.len());
        if !usual_forms.is_empty() && forms.iter().all(|f| !usual_forms.contains(f)) {
            out.push(Departure {
                aspect: "form".into(),
                usual: format!("{} ({pair})", list(&usual_forms)),
                found: list(forms),
            });
        }
    }
    let median = median_offset(earlier);
    let offsets: Vec<i64> = earlier.iter().map(|f| f.offset).collect();
    let spread = offsets
        .iter()
        .map(|o| (o - median).abs())
        .max()
        .unwrap_or(0);
    let dev = new.offset - median;
    // A day either way is time zones and late reports, not a change of habit.
    if dev.abs() > spread.max(1) {
        let when = if dev < 0 { "earlier" } else { "later" };
        out.push(Departure {
            aspect: "timing".into(),
            usual: month_day(anchor, median),
            found: format!(
                "{} ({} day{} {when})",
                month_day(anchor, new.offset),
                dev.abs(),
                if dev.abs() == 1 { "" } else { "s" }
            ),
        });
    }
    let usual_pairs = usual(earlier.iter().map(|f| &f.instance.participants), n);
    let missing: Vec<&String> = usual_pairs
        .iter()
        .filter(|p| !new.instance.participants.contains(p))
        .collect();
    if !missing.is_empty() {
        let added: Vec<&String> = new
            .instance
            .participants
            .iter()
            .filter(|p| !earlier.iter().any(|f| f.instance.participants.contains(p)))
            .collect();
        let mut found = format!("missing: {}", list(missing));
        if !added.is_empty() {
            found.push_str(&format!("; new: {}", list(added)));
        }
        out.push(Departure {
            aspect: "participants".into(),
            usual: list(&usual_pairs),
            found,
        });
    }
    // Content: words, crudely stemmed so that "exchange" and "exchanged" are one; a report
    // that shares less than half of the usual words and brings three new ones.
    let stems = |f: &Facts| -> Vec<String> {
        f.terms
            .iter()
            .filter(|t| !t.contains(' '))
            .map(|t| stem(t))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    let term_sets: Vec<Vec<String>> = earlier.iter().map(stems).collect();
    let usual_terms = usual(term_sets.iter(), n);
    let new_terms = stems(new);
    let shared = usual_terms
        .iter()
        .filter(|t| new_terms.contains(*t))
        .count();
    let novel: Vec<&String> = new_terms
        .iter()
        .filter(|t| !term_sets.iter().any(|s| s.contains(*t)))
        .collect();
    if !usual_terms.is_empty() && shared * 2 < usual_terms.len() && novel.len() >= 3 {
        out.push(Departure {
            aspect: "content".into(),
            usual: list(&usual_terms),
            found: format!("new: {}", list(novel.into_iter().take(8))),
        });
    }
    out
}

/// Finds the pattern breaks in a set of events (as [`Store::dyad_events`] gives them).
pub fn find_breaks(events: Vec<DyadEvent>, q: &BreakQuery) -> Vec<Break> {
    let min = q.min_series.max(3);
    let occs = occurrences(events, q.dyad.as_ref());
    let mut groups: BTreeMap<(&[String; 2], &str), Vec<usize>> = BTreeMap::new();
    for (i, o) in occs.iter().enumerate() {
        groups
            .entry((&o.dyad, o.family.as_str()))
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    for ((dyad, family), idx) in &groups {
        for s in find_series(&occs, idx, min + 1) {
            let shown = shown_terms(&s, &occs);
            let facts: Vec<Facts> = s
                .seasons
                .iter()
                .map(|(&season, core)| {
                    let core = &nearest_to_terms(core, &occs, &s.terms);
                    let docs: HashSet<&str> = core
                        .iter()
                        .map(|&i| occs[i].event.doc_id.as_str())
                        .collect();
                    // Companions: what the same reports tell of the same kind of contact
                    // (the premiers' messages beside the presidents'), not their background.
                    let forms: HashSet<&str> =
                        core.iter().map(|&i| occs[i].form.as_str()).collect();
                    let extra: Vec<usize> = idx
                        .iter()
                        .copied()
                        .filter(|&i| {
                            docs.contains(occs[i].event.doc_id.as_str())
                                && forms.contains(occs[i].form.as_str())
                                && season_of(occs[i].day, s.anchor).0 == season
                                && season_of(occs[i].day, s.anchor).1.abs() <= WINDOW
                        })
                        .collect();
                    instance(season, core, &extra, &occs, s.anchor)
                })
                .collect();
            for k in min..facts.len() {
                let mut found = departures(&facts[..k], &facts[k], s.anchor);
                // Every g years when the earlier instances are all g years apart (a biennial
                // summit); one that comes sooner breaks the rhythm. A longer gap may be a year
                // the collection does not cover, so it is not held against the pattern.
                let seasons: Vec<i32> = facts[..=k].iter().map(|f| f.instance.season).collect();
                let gaps: Vec<i32> = seasons.windows(2).map(|w| w[1] - w[0]).collect();
                let (before, last) = gaps.split_at(gaps.len() - 1);
                let every = before
                    .first()
                    .copied()
                    .filter(|g| before.iter().all(|x| x == g))
                    .unwrap_or(1);
                if every > 1 && last[0] < every {
                    found.push(Departure {
                        aspect: "timing".into(),
                        usual: format!("every {every} years"),
                        found: format!(
                            "{} year{} after the last",
                            last[0],
                            if last[0] == 1 { "" } else { "s" }
                        ),
                    });
                }
                if found.is_empty() {
                    continue;
                }
                out.push(Break {
                    dyad: (*dyad).clone(),
                    family: family.to_string(),
                    period: if every > 1 {
                        format!("every {every} years")
                    } else {
                        "yearly".into()
                    },
                    terms: shown.clone(),
                    usual_day: anchor_in(2001, s.anchor)
                        .map(|a| {
                            let off = chrono::Duration::days(median_offset(&facts[..k]));
                            (a + off).format("%m-%d").to_string()
                        })
                        .unwrap_or_default(),
                    series: facts[..k].iter().map(|f| f.instance.clone()).collect(),
                    instance: facts[k].instance.clone(),
                    departures: found,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.dyad, &a.instance.date, &a.family, &a.terms).cmp(&(
            &b.dyad,
            &b.instance.date,
            &b.family,
            &b.terms,
        ))
    });
    out
}

/// The pattern breaks of the stored events.
pub fn breaks(store: &Store, q: &BreakQuery) -> dyad_store::Result<Vec<Break>> {
    let sides = q.dyad.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
    Ok(find_breaks(
        store.dyad_events(sides, q.context.as_deref())?,
        q,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An event between two leaders as the store gives it.
    fn ev(
        date: &str,
        doc: &str,
        pair: [(&str, &str, &str); 2],
        cameo: &str,
        trigger: &str,
        sentence: &str,
    ) -> DyadEvent {
        let [(s_text, s_entity, s_code), (t_text, t_entity, t_code)] = pair;
        DyadEvent {
            doc_id: doc.into(),
            outlet: Some("Harbour Daily".into()),
            published: Some(date.into()),
            url: None,
            sentence_n: Some(1),
            kind: Some("CONSULT".into()),
            mode: (cameo == "041").then(|| "phone".to_string()),
            cameo: cameo.into(),
            quad: 1,
            source: Some(s_text.into()),
            source_code: Some(s_code.into()),
            source_entity: Some(s_entity.into()),
            target: Some(t_text.into()),
            target_code: Some(t_code.into()),
            target_entity: Some(t_entity.into()),
            trigger: trigger.into(),
            date: Some(date.into()),
            modality: None,
            sentence: sentence.into(),
        }
    }

    const PRESIDENTS: [(&str, &str, &str); 2] = [
        ("Xi Jinping", "xi-jinping", "CHNGOV"),
        ("Vladimir Putin", "vladimir-putin", "RUSGOV"),
    ];
    const PREMIERS: [(&str, &str, &str); 2] = [
        ("Li Keqiang", "li-keqiang", "CHNGOV"),
        ("Dmitry Medvedev", "dmitry-medvedev", "RUSGOV"),
    ];

    /// One year's New Year exchange: the presidents' messages, and the premiers' unless left
    /// out.
    fn exchange(date: &str, premiers: bool) -> Vec<DyadEvent> {
        let doc = format!("doc-{date}");
        // Mishustin succeeded Medvedev in January 2020.
        let premiers_pair = if date < "2020" {
            PREMIERS
        } else {
            [
                PREMIERS[0],
                ("Mikhail Mishustin", "mikhail-mishustin", "RUSGOV"),
            ]
        };
        let mut out = vec![ev(
            date,
            &doc,
            PRESIDENTS,
            "040",
            "exchanged New Year messages",
            "Chinese President Xi Jinping and Russian President Vladimir Putin exchanged New Year messages on Saturday, praising a year of close cooperation.",
        )];
        if premiers {
            let mut e = ev(
                date,
                &doc,
                premiers_pair,
                "040",
                "exchanged New Year messages",
                "Chinese Premier Li Keqiang and the Russian Prime Minister also exchanged New Year messages.",
            );
            e.sentence_n = Some(4);
            out.push(e);
        }
        out
    }

    fn series(years: std::ops::RangeInclusive<i32>) -> Vec<DyadEvent> {
        years
            .flat_map(|y| exchange(&format!("{y}-12-31"), true))
            .collect()
    }

    fn query() -> BreakQuery {
        BreakQuery {
            dyad: Some(("CHN".into(), "RUS".into())),
            ..Default::default()
        }
    }

    fn aspects(b: &Break) -> Vec<&str> {
        b.departures.iter().map(|d| d.aspect.as_str()).collect()
    }

    #[test]
    fn a_call_instead_of_letters_is_a_break_in_form() {
        let mut events = series(2015..=2018);
        let mut call = exchange("2019-12-31", true);
        call[0] = ev(
            "2019-12-31",
            "doc-call",
            PRESIDENTS,
            "041",
            "held a phone call",
            "Chinese President Xi Jinping and Russian President Vladimir Putin held a phone call to exchange New Year greetings.",
        );
        call[1].doc_id = "doc-call".into();
        events.extend(call);
        let found = find_breaks(events, &query());
        assert_eq!(found.len(), 1, "{found:#?}");
        let b = &found[0];
        assert_eq!(aspects(b), ["form"], "{b:#?}");
        assert_eq!(
            (
                b.departures[0].usual.as_str(),
                b.departures[0].found.as_str()
            ),
            ("message (CHN president & RUS president)", "call")
        );
        assert_eq!(b.terms, ["new year"]);
        assert_eq!(b.usual_day, "12-31");
        assert_eq!(b.series.len(), 4);
        assert_eq!(b.series[0].date, "2015-12-31");
        assert_eq!(b.instance.evidence[0].trigger, "held a phone call");
        assert_eq!(b.instance.evidence[0].doc_id, "doc-call");
    }

    #[test]
    fn three_days_early_is_a_break_in_timing() {
        let mut events = series(2016..=2019);
        events.extend(exchange("2020-12-28", true));
        let found = find_breaks(events, &query());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(aspects(&found[0]), ["timing"]);
        assert_eq!(found[0].departures[0].usual, "Dec 31");
        assert_eq!(found[0].departures[0].found, "Dec 28 (3 days earlier)");
        // A day off is time zones, not a change of habit; a report on January 1 is still the
        // year's exchange.
        let mut events = series(2016..=2019);
        events.extend(exchange("2021-01-01", true));
        assert!(find_breaks(events, &query()).is_empty());
    }

    #[test]
    fn the_missing_premiers_are_a_break_in_participants() {
        let mut events = series(2016..=2019);
        events.extend(exchange("2020-12-31", false));
        let found = find_breaks(events, &query());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(aspects(&found[0]), ["participants"]);
        assert_eq!(
            found[0].departures[0].found,
            "missing: CHN premier & RUS prime minister"
        );
        assert_eq!(
            found[0].instance.participants,
            ["CHN president & RUS president"]
        );
    }

    #[test]
    fn a_usual_year_and_a_new_premier_are_no_break() {
        let mut events = series(2016..=2019);
        // Mishustin in Medvedev's office: the same participants.
        events.extend(exchange("2020-12-31", true));
        // Talks at another time of year are another matter.
        events.push(ev(
            "2020-06-20",
            "doc-june",
            PRESIDENTS,
            "042",
            "state visit",
            "Xi Jinping began a state visit to Moscow for talks with Vladimir Putin.",
        ));
        let found = find_breaks(events, &query());
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_biennial_summit_held_a_year_early_breaks_the_rhythm() {
        let summit = |y: i32| {
            let d = format!("{y}-06-15");
            ev(
                &d,
                &format!("doc-{y}"),
                PRESIDENTS,
                "040",
                "held a summit",
                "Xi Jinping and Vladimir Putin held their regular summit on the Amur on Friday.",
            )
        };
        let mut events: Vec<DyadEvent> = [2012, 2014, 2016, 2018].map(summit).into();
        events.push(summit(2020));
        assert!(find_breaks(events.clone(), &query()).is_empty());
        events.pop();
        events.push(summit(2019));
        let found = find_breaks(events, &query());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].period, "every 2 years");
        assert_eq!(aspects(&found[0]), ["timing"]);
        assert_eq!(found[0].departures[0].found, "1 year after the last");
    }

    #[test]
    fn a_short_series_is_no_pattern() {
        let mut events = series(2018..=2019);
        events.extend(exchange("2020-12-25", false));
        assert!(find_breaks(events, &query()).is_empty());
    }

    #[test]
    fn a_word_heard_all_year_makes_no_series() {
        // Talks on cooperation every few months for five years: no time of year is theirs.
        let mut events = Vec::new();
        for y in 2016..=2020 {
            for m in [2, 5, 8, 11] {
                let d = format!("{y}-{m:02}-{:02}", 10 + y % 7);
                events.push(ev(
                    &d,
                    &format!("doc-{d}"),
                    PRESIDENTS,
                    "040",
                    "held talks",
                    "Xi Jinping and Vladimir Putin held talks on economic cooperation.",
                ));
            }
        }
        events.push(ev(
            "2021-02-01",
            "doc-x",
            PRESIDENTS,
            "041",
            "phone call",
            "Xi Jinping and Vladimir Putin held a phone call on economic cooperation.",
        ));
        assert!(find_breaks(events, &query()).is_empty());
    }

    /// `cargo test --release -p dyad-analyze -- --ignored --nocapture`: a collection's worth of
    /// events.
    #[test]
    #[ignore]
    fn a_large_collection_takes_seconds_at_most() {
        let mut events = Vec::new();
        let words = [
            "energy", "trade", "security", "Ukraine", "grain", "gas", "summit", "border",
        ];
        for k in 0..100_000u32 {
            let day = NaiveDate::from_ymd_opt(2000 + (k % 25) as i32, 1, 1).unwrap()
                + chrono::Duration::days((k * 7 % 365) as i64);
            let w = words[(k % 8) as usize];
            let d = day.to_string();
            events.push(ev(
                &d,
                &format!("doc-{}", k / 3),
                PRESIDENTS,
                "040",
                "held talks",
                &format!("Xi Jinping and Vladimir Putin held talks on {w} and {} cooperation in the region number {}.", words[(k / 8 % 8) as usize], k % 50),
            ));
        }
        let t = std::time::Instant::now();
        let found = find_breaks(events, &query());
        eprintln!("{} breaks in {:?}", found.len(), t.elapsed());
        assert!(t.elapsed().as_secs() < 30);
    }

    #[test]
    fn forms_come_from_the_code_then_the_sentence() {
        let e = |cameo: &str, trigger: &str, sentence: &str| {
            family_and_form(&ev("2020-01-01", "d", PRESIDENTS, cameo, trigger, sentence))
        };
        let f = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            e("041", "talked", "Xi and Putin talked."),
            f("contact", "call")
        );
        assert_eq!(
            e(
                "040",
                "exchange New Year greetings",
                "Xi and Putin spoke on Monday to exchange New Year greetings."
            ),
            f("contact", "call")
        );
        assert_eq!(
            e(
                "040",
                "exchanged greetings",
                "Xi and Putin exchanged greetings."
            ),
            f("contact", "message")
        );
        assert_eq!(
            e("040", "held talks", "Xi and Putin held talks."),
            f("contact", "meeting")
        );
        assert!(check_builtin().unwrap() >= 5);
    }
}
