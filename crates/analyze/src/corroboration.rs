//! Corroboration: the reports of one real-world event across documents, and how many
//! independent sources stand behind it.
//!
//! Two reports are of the same event when they have the same unordered dyad (the actors'
//! country or group codes), the same PLOVER type (or CAMEO root for statements), event dates
//! that can be the same day given how precisely each is known, and close enough wording.
//! Documents that carry the same text (a wire story and its reprints, grouped at ingest) or
//! come from the same outlet count as one source.

use crate::Query;
use chrono::{Duration, NaiveDate};
use dyad_store::{NetworkQuery, ReportRow, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Days of slack around a day-precise date: a report may date by the local day of the event
/// or of its publication.
const DAY_SLACK: i64 = 1;
/// Word overlap (Dice, content words of the sentences) that joins reports of two documents
/// dated to the same day: their dyad, type and day already agree, so a trace of shared
/// wording is enough.
const SAME_DAY_WORDING: f64 = 0.1;
/// The overlap needed otherwise: days a day apart (talks on Tuesday, a meeting on Wednesday
/// of the same trip are two events unless worded alike), or a date coarser than a day.
const COARSE_WORDING: f64 = 0.35;
/// Comparisons per report within its dyad and type, so that a huge block stays linear.
const MAX_COMPARISONS: usize = 400;
/// Reports kept per listed cluster (the counts cover all of them).
const MAX_MEMBERS: usize = 25;

/// One report in a cluster.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub doc_id: String,
    pub n: i64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub source_code: Option<String>,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub trigger: String,
    pub date: Option<String>,
    pub sentence: String,
    /// The claim is a speaker's (inside a quote).
    pub claimed: bool,
    /// It rests on an unnamed source ("officials who asked not to be named").
    pub anonymous: bool,
    /// The text hedges it ("reportedly").
    pub hedged: bool,
    /// The source it counts as: the first document of its text group or outlet.
    pub source_doc: String,
}

/// The reports of one event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cluster {
    /// `doc8:n` of its first report: stable while the store grows.
    pub id: String,
    /// The two actor codes, in alphabetical order (`?` for an actor without a code).
    pub dyad: [String; 2],
    /// PLOVER type, or `CAMEO 01`-style root for what PLOVER does not code.
    #[serde(rename = "type")]
    pub kind: String,
    /// The most precise date among the reports (the earliest of those).
    pub date: Option<String>,
    pub reports: usize,
    pub documents: usize,
    /// Independent sources: documents with the same text or from the same outlet count once.
    pub sources: usize,
    pub outlets: Vec<String>,
    pub single_source: bool,
    /// Every report rests on an unnamed source.
    pub anonymous: bool,
    pub anonymous_reports: usize,
    pub hedged_reports: usize,
    pub claimed_reports: usize,
    /// The first reports (at most 25), in date and document order.
    pub members: Vec<Report>,
}

/// What [`corroboration`] found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Corroboration {
    /// Reports (events) looked at.
    pub events: usize,
    /// Clusters among them, all of them (the list below may be shorter).
    pub clusters_total: usize,
    /// Clusters reported by more than one document.
    pub multi_document: usize,
    pub single_source: usize,
    pub clusters: Vec<Cluster>,
}

/// The cluster of one event, for listings of events.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ClusterRef {
    pub id: String,
    pub reports: usize,
    pub sources: usize,
    pub single_source: bool,
    pub anonymous: bool,
}

/// A date as the range of days it may be.
fn days(date: &str) -> Option<(NaiveDate, NaiveDate)> {
    let num = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok());
    let y = date
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse::<i32>()
        .ok()?;
    if let Some(d) = date
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some((d, d));
    }
    if date.get(4..6) == Some("-W") {
        let w = num(date.get(6..8))?;
        let start = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
        return Some((start, start + Duration::days(6)));
    }
    if let Some(m) = num(date.get(5..7)).filter(|_| date.len() == 7) {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        return Some((start, next - Duration::days(1)));
    }
    if date.len() == 4 {
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        ));
    }
    // Seasons, quarters and the like: the year.
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// The days a report's event may fall on (its date with the day slack, else the week up to
/// its publication), and its day when the date is precise to the day.
fn window(r: &ReportRow) -> Option<(NaiveDate, NaiveDate, Option<NaiveDate>)> {
    if let Some((a, b)) = r.date.as_deref().and_then(days) {
        return Some((
            a - Duration::days(DAY_SLACK),
            b + Duration::days(DAY_SLACK),
            (a == b).then_some(a),
        ));
    }
    let (_, p) = r.published.as_deref().and_then(days)?;
    Some((p - Duration::days(7), p, None))
}

const STOP: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "was", "were", "has", "have", "had",
    "his", "her", "its", "their", "they", "said", "says", "would", "will", "who", "which", "after",
    "before", "into", "over", "about", "than", "also", "but", "not", "are", "been", "on", "of",
    "in", "to", "a", "an", "at", "by", "as", "is", "it",
];

/// The content words of a sentence, lower-cased.
fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The type a cluster is keyed by.
fn type_key(r: &ReportRow) -> String {
    r.kind
        .clone()
        .unwrap_or_else(|| format!("CAMEO {}", r.cameo.get(..2).unwrap_or(&r.cameo)))
}

fn code_or_unknown(c: &Option<String>) -> String {
    c.clone().unwrap_or_else(|| "?".into())
}

/// The union-find of reports, each root keeping the days all its members can share.
struct Groups {
    parent: Vec<usize>,
    span: Vec<(NaiveDate, NaiveDate)>,
}

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b` when the days they allow still meet, so that a chain
    /// of loosely dated reports cannot tie two different days together.
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (self.span[ra], self.span[rb]);
        let (lo, hi) = (sa.0.max(sb.0), sa.1.min(sb.1));
        if lo > hi {
            return;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        self.span[keep] = (lo, hi);
    }
}

/// Whether a report involves the query's dyad and actor (`actors`: the entities its name
/// stands for).
fn matches(q: &Query, actors: &HashSet<String>, r: &ReportRow) -> bool {
    let full = |code: &Option<String>, sector: &Option<String>| {
        format!(
            "{}{}",
            code.as_deref().unwrap_or(""),
            sector.as_deref().unwrap_or("")
        )
    };
    let (s, t) = (
        full(&r.source_code, &r.source_sector),
        full(&r.target_code, &r.target_sector),
    );
    if let Some((a, b)) = &q.dyad {
        let (a, b) = (a.to_uppercase(), b.to_uppercase());
        let hit = |x: &str, y: &str| !x.is_empty() && !y.is_empty() && x.starts_with(y);
        if !((hit(&s, &a) && hit(&t, &b)) || (hit(&s, &b) && hit(&t, &a))) {
            return false;
        }
    }
    if let Some(k) = &q.kind {
        if !r.kind.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(k)) {
            return false;
        }
    }
    if let Some(a) = &q.actor {
        let up = a.to_uppercase();
        let named = |e: &Option<String>, w: &Option<String>| {
            e.as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(a) || actors.contains(e))
                || w.as_deref().is_some_and(|w| w.eq_ignore_ascii_case(a))
        };
        if !(named(&r.source_entity, &r.source)
            || named(&r.target_entity, &r.target)
            || (!s.is_empty() && s.starts_with(&up))
            || (!t.is_empty() && t.starts_with(&up)))
        {
            return false;
        }
    }
    true
}

/// Clusters the given reports; each cluster is a list of indices into `reports`, in order.
pub fn cluster(reports: &[ReportRow]) -> Vec<Vec<usize>> {
    let windows: Vec<_> = reports.iter().map(window).collect();
    let mut g = Groups {
        parent: (0..reports.len()).collect(),
        span: windows
            .iter()
            .map(|w| w.map_or((NaiveDate::MIN, NaiveDate::MAX), |(a, b, _)| (a, b)))
            .collect(),
    };
    // Blocks: same unordered dyad and type.
    let mut blocks: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        if r.source_code.is_none() && r.target_code.is_none() {
            continue;
        }
        let (a, b) = (
            code_or_unknown(&r.source_code),
            code_or_unknown(&r.target_code),
        );
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        blocks.entry((a, b, type_key(r))).or_default().push(i);
    }
    let mut bags: HashMap<usize, BTreeSet<String>> = HashMap::new();
    for members in blocks.values_mut() {
        members.retain(|&i| windows[i].is_some());
        members.sort_by_key(|&i| (windows[i].map(|w| w.0), i));
        for (k, &i) in members.iter().enumerate() {
            let Some((_, end_i, day_i)) = windows[i] else {
                continue;
            };
            for &j in members[k + 1..].iter().take(MAX_COMPARISONS) {
                let Some((start_j, _, day_j)) = windows[j] else {
                    continue;
                };
                if start_j > end_i {
                    break;
                }
                // Two sentences of one document add no source; they are one event only when
                // worded alike ("Li met Putin on Sunday" is not "after Xi's state visit").
                let same_doc = reports[i].doc_id == reports[j].doc_id;
                let need = if day_i.is_some() && day_i == day_j && !same_doc {
                    SAME_DAY_WORDING
                } else {
                    COARSE_WORDING
                };
                let same_copy = reports[i].sentence == reports[j].sentence;
                if !same_copy {
                    let wi = bags
                        .entry(i)
                        .or_insert_with(|| words(&reports[i].sentence))
                        .clone();
                    let wj = bags.entry(j).or_insert_with(|| words(&reports[j].sentence));
                    if dice(&wi, wj) < need {
                        continue;
                    }
                }
                g.join(i, j);
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..reports.len() {
        let r = g.root(i);
        by_root.entry(r).or_default().push(i);
    }
    by_root.into_values().collect()
}

/// Sources behind a set of reports: documents of one text group or one outlet are one.
/// Returns, per report, the document it counts as, and the number of sources.
fn sources(reports: &[&ReportRow]) -> (Vec<String>, usize) {
    let mut first_of_text: HashMap<&str, &str> = HashMap::new();
    let mut first_of_outlet: HashMap<&str, &str> = HashMap::new();
    // Union-find over documents, by text group and outlet.
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn find<'a>(p: &mut HashMap<&'a str, &'a str>, x: &'a str) -> &'a str {
        let mut x = x;
        while let Some(&y) = p.get(x) {
            if y == x {
                break;
            }
            x = y;
        }
        x
    }
    for r in reports {
        parent.entry(r.doc_id.as_str()).or_insert(r.doc_id.as_str());
    }
    for r in reports {
        let d = r.doc_id.as_str();
        let t = *first_of_text.entry(r.text_id.as_str()).or_insert(d);
        let (a, b) = (find(&mut parent, d), find(&mut parent, t));
        if a != b {
            let (keep, gone) = if a < b { (a, b) } else { (b, a) };
            parent.insert(gone, keep);
        }
        if let Some(o) = r.outlet.as_deref() {
            let f = *first_of_outlet.entry(o).or_insert(d);
            let (a, b) = (find(&mut parent, d), find(&mut parent, f));
            if a != b {
                let (keep, gone) = if a < b { (a, b) } else { (b, a) };
                parent.insert(gone, keep);
            }
        }
    }
    let of: Vec<String> = reports
        .iter()
        .map(|r| find(&mut parent, r.doc_id.as_str()).to_string())
        .collect();
    let n = of.iter().collect::<BTreeSet<_>>().len();
    (of, n)
}

/// How precise a date is: days first, then weeks, months, years, none.
fn precision(d: &Option<String>) -> u8 {
    match d.as_deref().and_then(days) {
        Some((a, b)) if a == b => 0,
        Some((a, b)) if (b - a).num_days() <= 6 => 1,
        Some((a, b)) if (b - a).num_days() <= 31 => 2,
        Some(_) => 3,
        None => 4,
    }
}

fn build(reports: &[ReportRow], members: &[usize]) -> Cluster {
    let rs: Vec<&ReportRow> = members.iter().map(|&i| &reports[i]).collect();
    let first = rs[0];
    let (source_of, n_sources) = sources(&rs);
    let (a, b) = (
        code_or_unknown(&first.source_code),
        code_or_unknown(&first.target_code),
    );
    let dyad = if a <= b { [a, b] } else { [b, a] };
    let date = rs
        .iter()
        .filter(|r| r.date.is_some())
        .min_by_key(|r| (precision(&r.date), r.date.clone()))
        .and_then(|r| r.date.clone());
    let documents = rs.iter().map(|r| &r.doc_id).collect::<BTreeSet<_>>().len();
    let outlets: Vec<String> = rs
        .iter()
        .filter_map(|r| r.outlet.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let count = |f: fn(&ReportRow) -> bool| rs.iter().filter(|r| f(r)).count();
    let anonymous_reports = count(|r| r.anonymous);
    Cluster {
        id: format!(
            "{}:{}",
            first.doc_id.get(..8).unwrap_or(&first.doc_id),
            first.n
        ),
        dyad,
        kind: type_key(first),
        date,
        reports: rs.len(),
        documents,
        sources: n_sources,
        outlets,
        single_source: n_sources == 1,
        anonymous: anonymous_reports == rs.len(),
        anonymous_reports,
        hedged_reports: count(|r| r.hedged),
        claimed_reports: count(|r| r.modality.as_deref() == Some("claimed")),
        members: rs
            .iter()
            .zip(source_of)
            .take(MAX_MEMBERS)
            .map(|(r, src)| Report {
                doc_id: r.doc_id.clone(),
                n: r.n,
                outlet: r.outlet.clone(),
                published: r.published.clone(),
                source: r.source.clone(),
                source_code: r.source_code.clone(),
                target: r.target.clone(),
                target_code: r.target_code.clone(),
                trigger: r.trigger.clone(),
                date: r.date.clone(),
                sentence: r.sentence.clone(),
                claimed: r.modality.as_deref() == Some("claimed"),
                anonymous: r.anonymous,
                hedged: r.hedged,
                source_doc: src,
            })
            .collect(),
    }
}

fn load(store: &Store, q: &Query) -> dyad_store::Result<Vec<ReportRow>> {
    let mut rows = store.event_reports(&NetworkQuery {
        from: q.from.clone(),
        to: q.to.clone(),
        dyad: q.dyad.clone(),
        kind: q.kind.clone(),
        context: q.context.clone(),
    })?;
    let actors = match &q.actor {
        Some(a) => store.entities_named(a)?.into_iter().collect(),
        None => HashSet::new(),
    };
    rows.retain(|r| matches(q, &actors, r));
    Ok(rows)
}

/// The clusters of the stored events that match the query, in date order (then id). Only
/// clusters reported by two or more documents are listed unless `q.all`; `q.single_source`
/// keeps the single-source ones only; at most `q.limit`.
pub fn corroboration(store: &Store, q: &Query) -> dyad_store::Result<Corroboration> {
    let reports = load(store, q)?;
    let groups = cluster(&reports);
    let mut clusters: Vec<Cluster> = groups.iter().map(|m| build(&reports, m)).collect();
    let clusters_total = clusters.len();
    let multi_document = clusters.iter().filter(|c| c.documents > 1).count();
    let single_source = clusters.iter().filter(|c| c.single_source).count();
    // Without `all`, the events of a dyad (both actors coded) that more than one document
    // reports: the ones where corroboration says something.
    clusters.retain(|c| {
        (q.all || (c.documents > 1 && !c.dyad.contains(&"?".to_string())))
            && (!q.single_source || c.single_source)
    });
    clusters.sort_by(|a, b| {
        (a.date.as_deref().unwrap_or("~"), &a.id).cmp(&(b.date.as_deref().unwrap_or("~"), &b.id))
    });
    clusters.truncate(q.limit.max(1));
    Ok(Corroboration {
        events: reports.len(),
        clusters_total,
        multi_document,
        single_source,
        clusters,
    })
}

/// The cluster of every stored event, keyed by document id and event number, for listings
/// that show each event with its cluster.
pub fn event_clusters(
    store: &Store,
    q: &Query,
) -> dyad_store::Result<HashMap<(String, i64), ClusterRef>> {
    let reports = load(store, q)?;
    let mut out = HashMap::new();
    for members in cluster(&reports) {
        let c = build(&reports, &members);
        let r = ClusterRef {
            id: c.id,
            reports: c.reports,
            sources: c.sources,
            single_source: c.single_source,
            anonymous: c.anonymous,
        };
        for i in members {
            out.insert((reports[i].doc_id.clone(), reports[i].n), r.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(doc: &str, text: &str, outlet: &str, date: &str, sentence: &str) -> ReportRow {
        ReportRow {
            doc_id: doc.into(),
            n: 0,
            text_id: text.into(),
            outlet: Some(outlet.into()),
            published: Some(date.get(..10).unwrap_or(date).into()),
            kind: Some("CONSULT".into()),
            cameo: "040".into(),
            quad: 1,
            intensity: 1.0,
            source: Some("Xi".into()),
            source_code: Some("CHN".into()),
            source_sector: Some("GOV".into()),
            target: Some("Putin".into()),
            target_code: Some("RUS".into()),
            target_sector: Some("GOV".into()),
            source_entity: Some("xi-jinping".into()),
            target_entity: Some("vladimir-putin".into()),
            trigger: "held talks".into(),
            date: Some(date.into()),
            modality: None,
            sentence: sentence.into(),
            anonymous: false,
            hedged: false,
        }
    }

    #[test]
    fn dates_become_day_ranges() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(days("2023-03-21"), Some((d("2023-03-21"), d("2023-03-21"))));
        assert_eq!(days("2023-02"), Some((d("2023-02-01"), d("2023-02-28"))));
        assert_eq!(days("2023-W08"), Some((d("2023-02-20"), d("2023-02-26"))));
        assert_eq!(days("2019"), Some((d("2019-01-01"), d("2019-12-31"))));
        assert_eq!(days("PRESENT_REF"), None);
    }

    #[test]
    fn wire_copies_cluster_and_count_once() {
        let wire =
            "Xi and Putin held talks in the Kremlin on Tuesday and signed two joint statements.";
        let other = "Putin welcomed Xi to the Kremlin for talks on Tuesday, the first day of a three-day state visit.";
        let mut reports = vec![
            report(
                "aaaa0001",
                "aaaa0001",
                "Continental Review",
                "2023-03-21",
                wire,
            ),
            report("bbbb0002", "aaaa0001", "Baltic Ledger", "2023-03-21", wire),
            report("cccc0003", "aaaa0001", "Harbour Daily", "2023-03-21", wire),
            report("dddd0004", "dddd0004", "Atlas Times", "2023-03-22", other),
            // A meeting of the same pair a month later is another event.
            report(
                "eeee0005",
                "eeee0005",
                "Atlas Times",
                "2023-04-25",
                "Xi held talks with Putin by video link on Tuesday.",
            ),
        ];
        let groups = cluster(&reports);
        assert_eq!(groups, vec![vec![0, 1, 2, 3], vec![4]]);
        let c = build(&reports, &groups[0]);
        assert_eq!((c.reports, c.documents, c.sources), (4, 4, 2));
        assert!(!c.single_source);
        assert_eq!(c.dyad, ["CHN".to_string(), "RUS".to_string()]);
        assert_eq!(c.members[1].source_doc, "aaaa0001");
        // Without the other outlet's report, the three copies are a single source.
        reports.remove(3);
        let groups = cluster(&reports);
        let c = build(&reports, &groups[0]);
        assert_eq!((c.reports, c.sources), (3, 1));
        assert!(c.single_source);
    }

    #[test]
    fn coarse_dates_need_close_wording_and_cannot_chain_days() {
        let a = report(
            "a1",
            "a1",
            "Harbour Daily",
            "2023-03-21",
            "Xi and Putin held talks in Moscow on the war in Ukraine.",
        );
        let b = report(
            "b1",
            "b1",
            "Pacific Courier",
            "2023-06-02",
            "Xi and Putin held talks by phone on trade and energy.",
        );
        // Dated to the year only, with wording close to both: it may join one of them, but
        // it must not tie March and June together.
        let mut y = report(
            "c1",
            "c1",
            "Atlas Times",
            "2023",
            "Xi and Putin held talks in Moscow on the war in Ukraine and trade.",
        );
        y.published = Some("2023-12-30".into());
        let reports = vec![a, b, y];
        let groups = cluster(&reports);
        assert_eq!(groups.len(), 2, "{groups:?}");
        // Unrelated wording and a coarse date: no link.
        let mut loose = report(
            "d1",
            "d1",
            "Atlas Times",
            "2023-03",
            "Russia sold more oil.",
        );
        loose.published = Some("2023-03-30".into());
        let reports = vec![reports[0].clone(), loose];
        assert_eq!(cluster(&reports).len(), 2);
    }

    #[test]
    fn meetings_on_consecutive_days_of_one_trip_stay_apart() {
        let tue = report(
            "a1",
            "a1",
            "Capital Dispatch",
            "2023-02-21",
            "On Tuesday Wang held talks with Nikolai Patrushev, the secretary of the Security Council.",
        );
        let wed = report(
            "b1",
            "b1",
            "Harbour Daily",
            "2023-02-22",
            "Wang Yi met President Vladimir Putin in the Kremlin on Wednesday.",
        );
        // The same Wednesday meeting, dated a day late by another outlet and worded alike.
        let late = report(
            "c1",
            "c1",
            "Atlas Times",
            "2023-02-23",
            "Vladimir Putin met Wang Yi in the Kremlin on Wednesday.",
        );
        let groups = cluster(&[tue, wed, late]);
        assert_eq!(groups, vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn anonymous_and_hedged_reports_are_flagged() {
        let s = "China is preparing to send drones to Russia, according to officials who asked not to be named.";
        let mut r = report("a1", "a1", "Harbour Daily", "2023-02-23", s);
        r.kind = Some("AID".into());
        r.anonymous = true;
        r.hedged = true;
        r.modality = Some("claimed".into());
        let reports = vec![r];
        let c = build(&reports, &cluster(&reports)[0]);
        assert!(c.single_source && c.anonymous);
        assert_eq!(
            (c.anonymous_reports, c.hedged_reports, c.claimed_reports),
            (1, 1, 1)
        );
        assert!(c.members[0].claimed);
    }

    #[test]
    fn queries_select_dyads_in_either_order() {
        let r = report("a1", "a1", "Harbour Daily", "2023-03-21", "Xi met Putin.");
        let q = |a: &str, b: &str| Query {
            dyad: Some((a.into(), b.into())),
            ..Query::default()
        };
        let none = HashSet::new();
        assert!(matches(&q("RUS", "CHN"), &none, &r));
        assert!(matches(&q("CHNGOV", "RUS"), &none, &r));
        assert!(!matches(&q("USA", "CHN"), &none, &r));
        let by_actor = |a: &str| Query {
            actor: Some(a.into()),
            ..Query::default()
        };
        assert!(matches(&by_actor("vladimir-putin"), &none, &r));
        assert!(matches(&by_actor("RUSGOV"), &none, &r));
        assert!(!matches(&by_actor("Biden"), &none, &r));
        // A surname stands for the entities the store resolved it to.
        let putin: HashSet<String> = ["vladimir-putin".to_string()].into();
        assert!(matches(&by_actor("Vladimir"), &putin, &r));
    }
}
