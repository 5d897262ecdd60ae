//! Turning recognised expressions into TIMEX3 values, anchored on the document creation time
//! (DCT) for deictic expressions and on the last date named in the text for anaphoric ones.

use super::anchor::{tense, Dir};
use super::recognise::{Expr, Hit, Rel, Unit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_model::{Span, Timex};

/// A calendar period, the value of a DATE timex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// The ISO week holding this day.
    Week(NaiveDate),
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    /// Year and season index (0 spring, 1 summer, 2 fall, 3 winter).
    Season(i32, u32),
    Year(i32),
    /// The first three digits of the years ("199").
    Decade(i32),
    /// The first two digits ("19").
    Century(i32),
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// `YYYY-MM-DD` (years 0 to 9999), without chrono's format parser.
pub(crate) fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn year_ok(y: i32) -> bool {
    (0..=9999).contains(&y)
}

impl Point {
    pub(crate) fn value(&self) -> Option<String> {
        let v = match *self {
            Point::Day(d) if year_ok(d.year()) => ymd(d),
            Point::Week(d) | Point::Weekend(d) => {
                let w = d.iso_week();
                if !year_ok(w.year()) {
                    return None;
                }
                let we = if matches!(self, Point::Weekend(_)) {
                    "-WE"
                } else {
                    ""
                };
                format!("{:04}-W{:02}{we}", w.year(), w.week())
            }
            Point::Month(y, m) if year_ok(y) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) if year_ok(y) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) if year_ok(y) => format!("{y:04}-H{h}"),
            Point::Season(y, s) if year_ok(y) => format!("{y:04}-{}", SEASONS[s as usize % 4]),
            Point::Year(y) if year_ok(y) => format!("{y:04}"),
            Point::Decade(d) if (0..=999).contains(&d) => format!("{d:03}"),
            Point::Century(c) if (0..=99).contains(&c) => format!("{c:02}"),
            _ => return None,
        };
        Some(v)
    }

    /// The first day of the period (for ordering and re-anchoring).
    fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) | Point::Week(d) | Point::Weekend(d) => Some(d),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, (h - 1) * 6 + 1, 1),
            Point::Season(y, s) => NaiveDate::from_ymd_opt(y, s * 3 + 3, 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    fn year(&self) -> Option<i32> {
        match *self {
            Point::Decade(_) | Point::Century(_) => None,
            Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _)
            | Point::Year(y) => Some(y),
            _ => self.first_day().map(|d| d.year()),
        }
    }
}

/// The period of granularity `unit` that holds day `d`.
fn period(d: NaiveDate, unit: Unit) -> Option<Point> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
        Unit::Week => Point::Week(d),
        Unit::Weekend => Point::Weekend(d),
        Unit::Month => Point::Month(d.year(), d.month()),
        Unit::Quarter => Point::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => Point::Year(d.year()),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
        Unit::Millennium => return None,
    })
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

/// Moves a period by `n` units, keeping its own granularity where that is finer.
fn shift(p: Point, unit: Unit, n: i64) -> Option<Point> {
    let months = |k: i64| -> Option<i64> { n.checked_mul(k) };
    match (p, unit) {
        (Point::Decade(d), Unit::Decade) | (Point::Century(d), Unit::Century) => {
            let d = i32::try_from(i64::from(d).checked_add(n)?).ok()?;
            Some(if unit == Unit::Decade {
                Point::Decade(d)
            } else {
                Point::Century(d)
            })
        }
        (Point::Day(d), Unit::Day) => add_days(d, n).map(Point::Day),
        (Point::Day(d) | Point::Week(d) | Point::Weekend(d), Unit::Week | Unit::Weekend) => {
            let d = add_days(d, n.checked_mul(7)?)?;
            Some(if matches!(p, Point::Weekend(_)) || unit == Unit::Weekend {
                Point::Weekend(d)
            } else {
                Point::Week(d)
            })
        }
        (Point::Quarter(y, q), Unit::Quarter | Unit::Year) => {
            let k = if unit == Unit::Year { 4 } else { 1 };
            let idx = i64::from(y)
                .checked_mul(4)?
                .checked_add(i64::from(q) - 1)?
                .checked_add(n.checked_mul(k)?)?;
            let y = i32::try_from(idx.div_euclid(4)).ok()?;
            Some(Point::Quarter(y, (idx.rem_euclid(4) + 1) as u32))
        }
        (Point::Month(y, m), Unit::Month | Unit::Year) => {
            let k = if unit == Unit::Year { 12 } else { 1 };
            let d = add_months(NaiveDate::from_ymd_opt(y, m, 1)?, months(k)?)?;
            Some(Point::Month(d.year(), d.month()))
        }
        (_, Unit::Decade | Unit::Century | Unit::Millennium | Unit::Year) => {
            let k = match unit {
                Unit::Decade => 10,
                Unit::Century => 100,
                Unit::Millennium => 1000,
                _ => 1,
            };
            let y = i64::from(p.year()?).checked_add(n.checked_mul(k)?)?;
            Some(Point::Year(i32::try_from(y).ok()?))
        }
        (_, Unit::Month) => {
            let d = add_months(p.first_day()?, n)?;
            Some(Point::Month(d.year(), d.month()))
        }
        (_, Unit::Quarter) => {
            let d = add_months(p.first_day()?, n.checked_mul(3)?)?;
            period(d, Unit::Quarter)
        }
        (_, Unit::Week | Unit::Weekend) => {
            let d = add_days(p.first_day()?, n.checked_mul(7)?)?;
            period(d, unit)
        }
        (_, _) => add_days(p.first_day()?, n).map(Point::Day),
    }
}

/// The TIMEX3 duration value of `n` units (`None` = unknown number: `PXY`).
pub(crate) fn duration_value(n: Option<f64>, unit: Unit) -> Option<String> {
    if let Some(x) = n {
        if !x.is_finite() || x < 0.0 {
            return None;
        }
        // A fraction goes into the next smaller unit ISO 8601 has ("2 1/2 years" → P2Y6M).
        let down = match unit {
            Unit::Year => Some((12.0, Unit::Month)),
            Unit::Day => Some((24.0, Unit::Hour)),
            Unit::Hour => Some((60.0, Unit::Minute)),
            Unit::Minute => Some((60.0, Unit::Second)),
            _ => None,
        };
        if let (Some((k, small)), true) = (down, x.fract() != 0.0) {
            let rest = x.fract() * k;
            if rest.fract().abs() < 1e-9 {
                let big = duration_value(Some(x.trunc()), unit)?;
                let small = duration_value(Some(rest), small)?;
                if x.trunc() == 0.0 {
                    return Some(small);
                }
                // P2Y + P6M → P2Y6M; PT5H + PT30M → PT5H30M; P1D + PT12H → P1DT12H.
                let tail = if big.contains('T') {
                    small.trim_start_matches("PT").to_string()
                } else {
                    small.trim_start_matches('P').to_string()
                };
                return Some(format!("{big}{tail}"));
            }
        }
    }
    let (mult, code, time) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (3.0, "M", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
        Unit::Millennium => (1000.0, "Y", false),
    };
    let t = if time { "T" } else { "" };
    let num = match n {
        None => {
            let code = match unit {
                Unit::Quarter => "Q",
                Unit::Decade => "DE",
                Unit::Century => "CE",
                Unit::Millennium => "ML",
                _ => code,
            };
            return Some(format!("P{t}X{code}"));
        }
        Some(x) => x * mult,
    };
    let s = if num.fract() == 0.0 && num < 1e15 {
        format!("{}", num as u64)
    } else {
        let s = format!("{num:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    Some(format!("P{t}{s}{code}"))
}

fn weekday_of(i: u32) -> Weekday {
    match i {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The day with weekday `wd` nearest `dct` in direction `dir`; `strict` excludes `dct` itself.
fn weekday_date(dct: NaiveDate, wd: u32, dir: Dir, strict: bool) -> Option<NaiveDate> {
    let target = weekday_of(wd).num_days_from_monday() as i64;
    let cur = dct.weekday().num_days_from_monday() as i64;
    let back = (cur - target).rem_euclid(7);
    let fwd = (target - cur).rem_euclid(7);
    let off = match dir {
        Dir::Future => {
            if fwd == 0 && strict {
                7
            } else {
                fwd
            }
        }
        _ => {
            if back == 0 && strict {
                -7
            } else {
                -back
            }
        }
    };
    add_days(dct, off)
}

/// Picks among candidate periods (sorted by time) the one the direction asks for, relative to
/// `now` (a comparable key of the DCT's period).
fn pick<T: Copy>(cands: &[(i64, T)], now: i64, dir: Dir, strict: bool) -> Option<T> {
    match dir {
        Dir::Past => cands
            .iter()
            .rev()
            .find(|(k, _)| if strict { *k < now } else { *k <= now }),
        Dir::Future => cands
            .iter()
            .find(|(k, _)| if strict { *k > now } else { *k >= now }),
        Dir::None => cands.iter().min_by_key(|(k, _)| (k - now).abs()),
    }
    .map(|(_, t)| *t)
}

fn holiday(y: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if day > 0 {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    match month {
        11 => NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4),
        9 => NaiveDate::from_weekday_of_month_opt(y, 9, Weekday::Mon, 1),
        _ => {
            // Memorial Day: the last Monday of May.
            let d = NaiveDate::from_ymd_opt(y, 5, 31)?;
            let back = d.weekday().num_days_from_monday() as i64;
            add_days(d, -back)
        }
    }
}

/// Picks the candidate the clause's direction asks for when it lies within `reach` of the DCT,
/// else the nearest one: a month-day without a year is rarely more than a few months away, and
/// news clauses mix tenses ("said the deadline is Jan. 14").
fn pick_guarded<T: Copy>(cands: &[(i64, T)], now: i64, dir: Dir, reach: i64) -> Option<T> {
    let nearest = pick(cands, now, Dir::None, false);
    if dir == Dir::None {
        return nearest;
    }
    cands
        .iter()
        .filter(|(k, _)| (k - now).abs() <= reach)
        .filter(|(k, _)| {
            if dir == Dir::Past {
                *k <= now
            } else {
                *k >= now
            }
        })
        .min_by_key(|(k, _)| (k - now).abs())
        .map(|(_, t)| *t)
        .or(nearest)
}

/// A day of the year anchored on `dct`: by the relation word, else by a weekday named with it,
/// else nearest in the clause's direction.
fn anchor_day(
    dct: NaiveDate,
    (month, day): (u32, u32),
    rel: Rel,
    wd: Option<u32>,
    dir: Dir,
    make: impl Fn(i32, u32, u32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let now = dct.num_days_from_ce() as i64;
    let cands: Vec<(i64, NaiveDate)> = (-6..=6)
        .filter_map(|k| make(dct.year().checked_add(k)?, month, day))
        .map(|d| (d.num_days_from_ce() as i64, d))
        .collect();
    if let Some(wd) = wd {
        let same: Vec<(i64, NaiveDate)> = cands
            .iter()
            .copied()
            .filter(|(_, d)| d.weekday() == weekday_of(wd))
            .collect();
        if let Some(d) = pick(&same, now, Dir::None, false) {
            return Some(d);
        }
    }
    match rel {
        Rel::Last => pick(&cands, now, Dir::Past, true),
        Rel::Next => pick(&cands, now, Dir::Future, true),
        Rel::This => make(dct.year(), month, day),
        Rel::Tense => pick_guarded(&cands, now, dir, 300),
    }
}

/// Resolution state while walking the document.
struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [Span],
    dct: Option<NaiveDate>,
    /// The last date named in the text, for "the next day", "that year", "a year earlier".
    last: Option<Point>,
    /// The last quarter named and where: quarterly reports say "a year ago" for the quarter.
    last_quarter: Option<(Point, usize)>,
}

impl Ctx<'_> {
    fn dir(&self, h: &Hit) -> Dir {
        let inside = |s: &&Span| s.start <= h.start && h.end <= s.end;
        // Sentences are sorted: the last one that starts at or before the expression.
        let i = self.sentences.partition_point(|s| s.start <= h.start);
        let s = i
            .checked_sub(1)
            .and_then(|i| self.sentences.get(i))
            .filter(inside)
            .or_else(|| self.sentences.iter().find(inside))
            .copied()
            .unwrap_or(Span::new(0, self.text.len()));
        tense(self.text, s, Span::new(h.start, h.end))
    }

    fn dct_point(&self, unit: Unit) -> Option<Point> {
        period(self.dct?, unit)
    }

    fn reference(&self, unit: Unit) -> Option<Point> {
        // The last date, if it is at least as fine as the unit asked for; else the DCT.
        let fine_enough = |p: &Point| match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => matches!(p, Point::Day(_)),
            Unit::Week | Unit::Weekend => matches!(p, Point::Day(_) | Point::Week(_)),
            Unit::Month => matches!(p, Point::Day(_) | Point::Week(_) | Point::Month(..)),
            Unit::Decade | Unit::Century | Unit::Millennium => true,
            _ => !matches!(p, Point::Decade(_) | Point::Century(_)),
        };
        match self.last.filter(fine_enough) {
            Some(p) => Some(p),
            None => self.dct.map(Point::Day),
        }
    }
}

fn unknown_for(unit: Unit) -> &'static str {
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
}

enum Out {
    Point(Point, Option<&'static str>),
    Value(&'static str, String),
}

fn resolve_one(ctx: &mut Ctx, h: &Hit) -> Option<Out> {
    let dct = ctx.dct;
    let out = match &h.expr {
        Expr::Iso(s) => {
            let kind = if s.contains('T') { "TIME" } else { "DATE" };
            if kind == "DATE" {
                let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
                Out::Point(Point::Day(d), None)
            } else {
                Out::Value(kind, s.clone())
            }
        }
        Expr::Date {
            year,
            month,
            day,
            rel,
            wd,
        } => {
            let make = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
            match (year, dct) {
                (Some(y), _) => Out::Point(Point::Day(make(*y, *month, *day)?), None),
                (None, Some(dct)) => {
                    let dir = ctx.dir(h);
                    let d = anchor_day(dct, (*month, *day), *rel, *wd, dir, make)?;
                    Out::Point(Point::Day(d), None)
                }
                (None, None) => {
                    // Valid in some year (Feb 29 in a leap year)?
                    make(2000, *month, *day)?;
                    Out::Value("DATE", format!("XXXX-{month:02}-{day:02}"))
                }
            }
        }
        Expr::Holiday { month, day, year } => match (year, dct) {
            (Some(y), _) => Out::Point(Point::Day(holiday(*y, *month, *day)?), None),
            (None, Some(dct)) => {
                let dir = ctx.dir(h);
                let d = anchor_day(dct, (*month, *day), Rel::Tense, None, dir, holiday)?;
                Out::Point(Point::Day(d), None)
            }
            (None, None) if *day > 0 => Out::Value("DATE", format!("XXXX-{month:02}-{day:02}")),
            (None, None) => Out::Value("DATE", "XXXX-XX-XX".into()),
        },
        Expr::Month {
            month,
            rel,
            year,
            year_rel,
        } => {
            if let Some(y) = year {
                return Some(Out::Point(Point::Month(*y, *month), None));
            }
            let Some(dct) = dct else {
                return Some(Out::Value("DATE", format!("XXXX-{month:02}")));
            };
            if let Some(r) = year_rel {
                return Some(Out::Point(
                    Point::Month(dct.year().checked_add(*r)?, *month),
                    None,
                ));
            }
            let now = i64::from(dct.year()) * 12 + i64::from(dct.month());
            let cands: Vec<(i64, Point)> = (-2..=2)
                .map(|k| {
                    let y = dct.year() + k;
                    (
                        i64::from(y) * 12 + i64::from(*month),
                        Point::Month(y, *month),
                    )
                })
                .collect();
            let p = match rel {
                Rel::Last => pick(&cands, now, Dir::Past, true),
                Rel::Next => pick(&cands, now, Dir::Future, true),
                Rel::This => Some(Point::Month(dct.year(), *month)),
                Rel::Tense => pick_guarded(&cands, now, ctx.dir(h), 9),
            }?;
            Out::Point(p, None)
        }
        Expr::Season { season, rel, year } => {
            let idx = SEASONS.iter().position(|s| s == season)? as u32;
            if let Some(y) = year {
                return Some(Out::Point(Point::Season(*y, idx), None));
            }
            let Some(dct) = dct else {
                return Some(Out::Value("DATE", format!("XXXX-{season}")));
            };
            // Seasons as ordinals: winter holds December and the next January-February.
            let (cy, cs) = match dct.month() {
                3..=5 => (dct.year(), 0),
                6..=8 => (dct.year(), 1),
                9..=11 => (dct.year(), 2),
                12 => (dct.year(), 3),
                _ => (dct.year() - 1, 3),
            };
            let now = i64::from(cy) * 4 + cs;
            let cands: Vec<(i64, Point)> = (-2..=2)
                .map(|k| {
                    let y = cy + k;
                    (i64::from(y) * 4 + i64::from(idx), Point::Season(y, idx))
                })
                .collect();
            let p = match rel {
                Rel::Last => pick(&cands, now, Dir::Past, true),
                Rel::Next => pick(&cands, now, Dir::Future, true),
                Rel::This => Some(Point::Season(dct.year(), idx)),
                Rel::Tense => pick(&cands, now, ctx.dir(h), false),
            }?;
            Out::Point(p, None)
        }
        Expr::Year(y) => Out::Point(Point::Year(*y), None),
        Expr::Decade(d) => Out::Point(Point::Decade(*d), None),
        Expr::ShortDecade(d) => {
            let cent = match dct {
                Some(dct) if d * 10 <= dct.year() % 100 => dct.year() / 100,
                Some(dct) => dct.year() / 100 - 1,
                None => 19,
            };
            Out::Point(Point::Decade(cent * 10 + d), None)
        }
        Expr::Century(c) => Out::Point(Point::Century(*c), None),
        Expr::Weekday { wd, rel, part } => {
            let Some(dct) = dct else {
                let p = part.map(|p| format!("T{p}")).unwrap_or_default();
                return Some(Out::Value("DATE", format!("XXXX-WXX-{wd}{p}")));
            };
            let d = match rel {
                Rel::Last => weekday_date(dct, *wd, Dir::Past, true),
                Rel::Next => weekday_date(dct, *wd, Dir::Future, true),
                Rel::This | Rel::Tense => {
                    // News reports mostly look back: a weekday with no cue is past.
                    let dir = match ctx.dir(h) {
                        Dir::None => Dir::Past,
                        d => d,
                    };
                    weekday_date(dct, *wd, dir, false)
                }
            }?;
            Out::Point(Point::Day(d), *part)
        }
        Expr::Quarter {
            n,
            year,
            year_shift,
            current,
            latest,
            period,
        } => {
            // The quarter just ended is what results stories report on.
            let just_ended = || shift(ctx.dct_point(Unit::Quarter)?, Unit::Quarter, -1);
            let discussed = ctx.last_quarter.map(|(q, _)| q);
            if *period && discussed.is_none() {
                // "the 1988 period" outside a quarterly report is just the year.
                return Some(Out::Point(Point::Year((*year)?), None));
            }
            let base = match (n, year) {
                (Some(n), Some(y)) => Point::Quarter(*y, *n),
                (Some(n), None) => {
                    let Some(dct) = dct else {
                        return Some(Out::Value("DATE", format!("XXXX-Q{n}")));
                    };
                    // Quarters are reported once ended or under way: the latest such one.
                    let cq = (dct.month() - 1) / 3 + 1;
                    let y = if *n <= cq { dct.year() } else { dct.year() - 1 };
                    Point::Quarter(y, *n)
                }
                (None, Some(y)) => match discussed.or_else(just_ended) {
                    Some(Point::Quarter(_, q)) => Point::Quarter(*y, q),
                    _ => Point::Year(*y),
                },
                (None, None) => {
                    if *current {
                        ctx.dct_point(Unit::Quarter)?
                    } else if *latest {
                        just_ended()?
                    } else {
                        discussed.or_else(just_ended)?
                    }
                }
            };
            let p = if *year_shift != 0 {
                shift(base, Unit::Year, i64::from(*year_shift))?
            } else {
                base
            };
            Out::Point(p, None)
        }
        Expr::Half { n, year } => {
            let y = match (year, dct) {
                (Some(y), _) => *y,
                (None, Some(d)) => d.year(),
                (None, None) => return Some(Out::Value("DATE", format!("XXXX-H{n}"))),
            };
            Out::Point(Point::Half(y, *n), None)
        }
        Expr::DayRel { offset, part } => {
            let Some(dct) = dct else {
                let p = part.map(|p| format!("T{p}")).unwrap_or_default();
                return Some(Out::Value("DATE", format!("XXXX-XX-XX{p}")));
            };
            Out::Point(Point::Day(add_days(dct, *offset)?), *part)
        }
        Expr::TheWeekend => {
            let Some(d) = dct else {
                return Some(Out::Value("DATE", unknown_for(Unit::Weekend).into()));
            };
            // The weekend of the DCT's week, or the one before: a past clause, or no cue early
            // in the week ("over the weekend" in Monday's paper), looks back. On a Saturday or
            // Sunday the weekend under way is both.
            let wd = d.weekday().number_from_monday();
            let back = match ctx.dir(h) {
                Dir::Past => wd <= 5,
                Dir::Future => false,
                Dir::None => wd <= 3,
            };
            let p = period(d, Unit::Weekend)?;
            Out::Point(shift(p, Unit::Weekend, if back { -1 } else { 0 })?, None)
        }
        Expr::UnitRel { unit, offset } => {
            let Some(p) = ctx.dct_point(*unit) else {
                return Some(Out::Value("DATE", unknown_for(*unit).into()));
            };
            Out::Point(shift(p, *unit, *offset)?, None)
        }
        Expr::Anaphor { unit, offset } => {
            let Some(base) = ctx.reference(*unit) else {
                return Some(Out::Value("DATE", unknown_for(*unit).into()));
            };
            let p = match (base, unit) {
                (Point::Day(d), _) => period(d, *unit)?,
                (p, _) => match *unit {
                    Unit::Year => Point::Year(p.year()?),
                    _ => p,
                },
            };
            Out::Point(shift(p, *unit, *offset)?, None)
        }
        Expr::Shift {
            n,
            unit,
            sign,
            from_ref,
        } => {
            let Some(n) = n else {
                let v = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(Out::Value("DATE", v.into()));
            };
            // A year and a half: count in months.
            let (n, unit) = if n.fract() != 0.0 && *unit == Unit::Year {
                (n * 12.0, Unit::Month)
            } else {
                (*n, *unit)
            };
            if !(0.0..1e9).contains(&n) {
                return None;
            }
            let k = (n.round() as i64).checked_mul(*sign)?;
            let quarter = ctx
                .last_quarter
                .filter(|(_, at)| h.start.saturating_sub(*at) < 400)
                .map(|(q, _)| q);
            let base = match (unit, quarter) {
                (Unit::Year, Some(q)) if k.abs() == 1 => Some(q),
                _ if *from_ref => ctx.reference(unit),
                _ => dct.map(Point::Day),
            };
            let Some(base) = base else {
                return Some(Out::Value("DATE", unknown_for(unit).into()));
            };
            let base = match (base, unit) {
                (Point::Day(d), Unit::Week) => Point::Week(d),
                (Point::Day(d), Unit::Month) => Point::Month(d.year(), d.month()),
                _ => base,
            };
            Out::Point(shift(base, unit, k)?, None)
        }
        Expr::YearEarlier => {
            let quarter = ctx
                .last_quarter
                .filter(|(_, at)| h.start.saturating_sub(*at) < 400)
                .map(|(q, _)| q);
            let Some(base) = quarter.or(ctx.last).or(dct.map(Point::Day)) else {
                return Some(Out::Value("DATE", "XXXX".into()));
            };
            let base = match base {
                Point::Quarter(..) | Point::Month(..) => base,
                p => Point::Year(p.year()?),
            };
            Out::Point(shift(base, Unit::Year, -1)?, None)
        }
        Expr::Duration { n, unit } => Out::Value("DURATION", duration_value(*n, *unit)?),
        Expr::Set(v) => Out::Value("SET", v.clone()),
        Expr::WeekdaySet(wd) => Out::Value("SET", format!("XXXX-WXX-{wd}")),
        Expr::Fixed(v) => Out::Value("DATE", (*v).to_string()),
        Expr::Time { hour, minute, wd } => {
            let day = match (dct, wd) {
                (Some(dct), Some(wd)) => {
                    let dir = match ctx.dir(h) {
                        Dir::None => Dir::Past,
                        d => d,
                    };
                    weekday_date(dct, *wd, dir, false).map(ymd)
                }
                // "shot at 10 p.m." tells the time of the day last talked about.
                (_, None) => match ctx.last {
                    Some(Point::Day(d)) => Some(d),
                    _ => dct,
                }
                .map(ymd),
                (None, Some(_)) => None,
            }
            .unwrap_or_else(|| "XXXX-XX-XX".into());
            Out::Value("TIME", format!("{day}T{hour:02}:{minute:02}"))
        }
    };
    Some(out)
}

/// Anchors the recognised expressions in text order and returns the timex layer.
pub(crate) fn resolve(
    text: &str,
    sentences: &[Span],
    dct: Option<NaiveDate>,
    hits: Vec<Hit>,
) -> Vec<Timex> {
    let mut ctx = Ctx {
        text,
        sentences,
        dct,
        last: None,
        last_quarter: None,
    };
    let mut out: Vec<Timex> = Vec::with_capacity(hits.len());
    let mut clock_times = Vec::new();
    for h in &hits {
        if out.last().is_some_and(|t| t.span.end > h.start) {
            continue;
        }
        let Some(o) = resolve_one(&mut ctx, h) else {
            continue;
        };
        let (kind, value) = match o {
            Out::Point(p, part) => {
                let Some(v) = p.value() else { continue };
                if !matches!(h.expr, Expr::Fixed(_) | Expr::Duration { .. }) {
                    ctx.last = Some(p);
                }
                // Only a quarter named for itself becomes the quarter under discussion, not
                // "the year-ago quarter" compared with it.
                if let Expr::Quarter { year_shift: 0, .. } = h.expr {
                    if matches!(p, Point::Quarter(..)) {
                        ctx.last_quarter = Some((p, h.end));
                    }
                }
                match part {
                    Some(pt) => ("TIME", format!("{v}T{pt}")),
                    None => ("DATE", v),
                }
            }
            Out::Value(k, v) => (k, v),
        };
        if matches!(h.expr, Expr::Time { wd: None, .. }) {
            clock_times.push(out.len());
        }
        out.push(Timex {
            span: Span::new(h.start, h.end),
            kind: kind.to_string(),
            value,
        });
    }
    // "Friday at 3 p.m.", "3 p.m. on Dec. 28": a clock time takes the day named beside it.
    for i in clock_times {
        let near = |j: usize| -> Option<String> {
            let t = out.get(j)?;
            let (a, b) = if j < i {
                (t.span.end, out[i].span.start)
            } else {
                (out[i].span.end, t.span.start)
            };
            let gap = text.get(a..b)?;
            let day = t.value.get(..10)?;
            (gap.len() <= 12
                && !gap.contains(['.', ';'])
                && day.as_bytes()[0].is_ascii_digit()
                && NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
            .then(|| day.to_string())
        };
        let day = i.checked_sub(1).and_then(near).or_else(|| near(i + 1));
        if let Some(day) = day {
            if let Some((_, clock)) = out[i].value.split_once('T') {
                out[i].value = format!("{day}T{clock}");
            }
        }
    }
    out
}
