//! Analyze: the course of each dyad computed from stored events: the timeline (per period and
//! direction, events by quad class and PLOVER type, with summed and mean intensity), pattern
//! breaks in recurring interactions (`breaks`) and shifts in what one side says of the other
//! (`shifts`).

pub mod breaks;
pub mod corroboration;
pub mod export;
pub mod network;
pub mod partitioned;
pub mod shifts;
pub mod terms;

pub use breaks::{breaks, Break, BreakQuery};
pub use shifts::{shifts, Shift, ShiftQuery};
#[cfg(test)]
mod fixture;
mod query;

pub use corroboration::{corroboration, event_clusters, ClusterRef, Corroboration};
pub use network::{network, Network};
pub use query::Query;

use serde::Serialize;
use std::collections::BTreeMap;

/// How wide a timeline's periods are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Year,
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            other => Err(format!("{other:?}: the period is week, month or year")),
        }
    }
}

/// One event as the timeline needs it.
#[derive(Debug, Clone)]
pub struct EventPoint {
    /// The event date as TIMEX3 writes it: `2023-04-16`, `2023-04`, `2023`, `2013-W11` ...
    pub date: String,
    /// True for events from the first actor to the second.
    pub forward: bool,
    pub quad: u8,
    pub kind: Option<String>,
    pub intensity: f64,
}

/// The events of one period in one direction.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Cell {
    pub events: u32,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [u32; 4],
    pub by_type: BTreeMap<String, u32>,
    pub intensity_sum: f64,
    pub intensity_mean: f64,
    /// Statements by this direction's speaker that name the other side (dated by publication).
    pub quotes: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    /// `2023-04`, `2023-W16` or `2023`.
    pub period: String,
    /// From the first actor to the second, and back.
    pub forward: Cell,
    pub backward: Cell,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Timeline {
    pub rows: Vec<Row>,
    /// Events whose date is too coarse for the period (a year for a monthly timeline).
    pub too_coarse: u32,
}

/// The period a TIMEX3 date falls in, if it is precise enough.
pub fn period_of(date: &str, period: Period) -> Option<String> {
    let year = date
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    match period {
        Period::Year => Some(year.to_string()),
        Period::Month => {
            let m = date
                .get(5..7)
                .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))?;
            (date.as_bytes().get(4) == Some(&b'-')).then(|| format!("{year}-{m}"))
        }
        Period::Week => {
            if let Some(w) = date.get(4..8).filter(|w| w.starts_with("-W")) {
                return Some(format!("{year}{w}"));
            }
            let day = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
            let iso = chrono::Datelike::iso_week(&day);
            Some(format!("{}-W{:02}", iso.year(), iso.week()))
        }
    }
}

/// Builds the timeline of a dyad from its events.
pub fn timeline(points: &[EventPoint], period: Period) -> Timeline {
    let mut rows: BTreeMap<String, (Cell, Cell)> = BTreeMap::new();
    let mut too_coarse = 0;
    for p in points {
        let Some(key) = period_of(&p.date, period) else {
            too_coarse += 1;
            continue;
        };
        let (f, b) = rows.entry(key).or_default();
        let cell = if p.forward { f } else { b };
        cell.events += 1;
        if (1..=4).contains(&p.quad) {
            cell.quad[usize::from(p.quad) - 1] += 1;
        }
        *cell
            .by_type
            .entry(p.kind.clone().unwrap_or_else(|| "STATEMENT".into()))
            .or_default() += 1;
        cell.intensity_sum += p.intensity;
    }
    let rows = rows
        .into_iter()
        .map(|(period, (mut forward, mut backward))| {
            for c in [&mut forward, &mut backward] {
                if c.events > 0 {
                    c.intensity_mean = c.intensity_sum / f64::from(c.events);
                }
            }
            Row {
                period,
                forward,
                backward,
            }
        })
        .collect();
    Timeline { rows, too_coarse }
}

/// The timeline of the dyad between two actor code prefixes (`CHN`, `RUSGOV`), read from the
/// store: events from `a` to `b` are the forward direction. With `context` (a PLOVER context in
/// lower case), only the events in it; quotes have no context, so they are not counted then.
pub fn dyad_timeline(
    store: &dyad_store::Store,
    a: &str,
    b: &str,
    period: Period,
    all: bool,
    context: Option<&str>,
) -> dyad_store::Result<Timeline> {
    let mut points = Vec::new();
    store.each_dyad_event(a, b, all, context, |p| {
        points.push(EventPoint {
            date: p.date,
            forward: p.forward,
            quad: p.quad,
            kind: p.kind,
            intensity: p.intensity,
        })
    })?;
    let mut t = timeline(&points, period);
    if context.is_some() {
        return Ok(t);
    }
    // What each side says about the other, beside what it does.
    let mut said: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (speaker, about, forward) in [(a, b, true), (b, a, false)] {
        for q in store.statements(speaker, about)? {
            let Some(key) = q.published.as_deref().and_then(|d| period_of(d, period)) else {
                continue;
            };
            let c = said.entry(key).or_default();
            if forward {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    for (key, (f, b)) in said {
        match t.rows.binary_search_by(|r| r.period.cmp(&key)) {
            Ok(i) => {
                t.rows[i].forward.quotes = f;
                t.rows[i].backward.quotes = b;
            }
            Err(i) => {
                let mut row = Row {
                    period: key,
                    forward: Cell::default(),
                    backward: Cell::default(),
                };
                row.forward.quotes = f;
                row.backward.quotes = b;
                t.rows.insert(i, row);
            }
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(date: &str, forward: bool, quad: u8, kind: &str, intensity: f64) -> EventPoint {
        EventPoint {
            date: date.into(),
            forward,
            quad,
            kind: Some(kind.into()),
            intensity,
        }
    }

    #[test]
    fn periods() {
        assert_eq!(
            period_of("2023-04-16", Period::Month).as_deref(),
            Some("2023-04")
        );
        assert_eq!(
            period_of("2023-04-16", Period::Week).as_deref(),
            Some("2023-W15")
        );
        assert_eq!(
            period_of("2013-W11", Period::Week).as_deref(),
            Some("2013-W11")
        );
        assert_eq!(period_of("2023", Period::Month), None);
        assert_eq!(period_of("2023", Period::Year).as_deref(), Some("2023"));
        assert_eq!(period_of("PRESENT_REF", Period::Year), None);
        assert_eq!(period_of("2023-SU", Period::Month), None);
    }

    #[test]
    fn a_context_keeps_its_events_in_the_timeline_and_leaves_out_the_quotes() {
        let s = crate::fixture::store();
        let all = dyad_timeline(&s, "CHN", "RUS", Period::Month, false, None).unwrap();
        let cells = |t: &Timeline| {
            t.rows
                .iter()
                .map(|r| {
                    (
                        r.period.clone(),
                        r.forward.events,
                        r.backward.events,
                        r.forward.quotes,
                    )
                })
                .collect::<Vec<_>>()
        };
        // Both events, and China's ambassador on Russia in the month of publication.
        assert_eq!(
            cells(&all),
            [("2017-01".into(), 1, 0, 1), ("2017-02".into(), 0, 1, 0)]
        );
        let military =
            dyad_timeline(&s, "CHN", "RUS", Period::Month, false, Some("military")).unwrap();
        assert_eq!(cells(&military), [("2017-01".into(), 1, 0, 0)]);
        assert_eq!(military.rows[0].forward.by_type["AID"], 1);
        let economic =
            dyad_timeline(&s, "RUS", "CHN", Period::Month, false, Some("economic")).unwrap();
        assert_eq!(cells(&economic), [("2017-02".into(), 1, 0, 0)]);
        let none = dyad_timeline(&s, "CHN", "RUS", Period::Year, false, Some("health")).unwrap();
        assert!(none.rows.is_empty(), "{none:?}");
    }

    #[test]
    fn a_monthly_timeline_in_both_directions() {
        let t = timeline(
            &[
                p("2023-03-21", true, 1, "CONSULT", 1.0),
                p("2023-03-22", false, 1, "CONSULT", 3.0),
                p("2023-03-22", true, 1, "AGREE", 5.0),
                p("2023-05-02", false, 4, "ASSAULT", -10.0),
                p("2023", true, 3, "ACCUSE", -2.0),
            ],
            Period::Month,
        );
        assert_eq!(t.too_coarse, 1);
        assert_eq!(t.rows.len(), 2);
        let march = &t.rows[0];
        assert_eq!(march.period, "2023-03");
        assert_eq!(march.forward.events, 2);
        assert_eq!(march.forward.quad, [2, 0, 0, 0]);
        assert_eq!(march.forward.intensity_mean, 3.0);
        assert_eq!(march.backward.by_type["CONSULT"], 1);
        assert_eq!(t.rows[1].backward.quad, [0, 0, 0, 1]);
        assert_eq!(t.rows[1].forward, Cell::default());
    }
}
