//! Publication-date extraction for HTML news and blog pages.
//!
//! Entry point: [`published_date`]. Depends on `scraper`, `regex`, `chrono`, `serde_json`.
//!
//! The page is walked once (iteratively, with bounded buffers). Every piece of date
//! evidence becomes a [`Candidate`] with a confidence class:
//!
//! * structured metadata: JSON-LD `datePublished` / `dateCreated` of the article object,
//!   publication meta tags in priority order (`article:published_time`,
//!   `og:published_time`, `datePublished`, `DC.date.issued`, `sailthru.date`,
//!   `parsely-pub-date`, ... then generic ones such as `date`, `DC.date`), microdata
//!   `itemprop="datePublished"`;
//! * `<time pubdate>`, `<time class="published|entry-date">`, hAtom `abbr.published`,
//!   clearly labelled epoch attributes (`data-utime`, `data-timestamp`);
//! * a full date in the URL (`/2016/12/23/`, `/2016-12-23-`, `/20161223/`, `/23-12-2016`);
//! * elements whose class or id names a date (`entry-date`, `post-date`, `byline`, ...),
//!   dates after a label ("Veröffentlicht am", "Published on", "Publié le", "Stand:");
//! * free text: the first date under the main heading, then the most frequent date;
//! * last resorts: page data in scripts (`"publishedAt": ...`), site header/footer
//!   text, modification dates.
//!
//! Comments, related-article lists, sidebars, widgets, navigation, share bars and the like
//! are skipped (unless they wrap the main content: layout wrappers are recognised by the
//! article body, the `h1` and the densest block of paragraphs they contain). Dates outside
//! `[1995-01-01, today]` are rejected.
//!
//! Decision ([`published_date`]): the best structured publication date wins, except when
//! the page's own byline (the first labelled date element right under the main heading)
//! shows another day and
//! * the metadata is a UTC time stamp whose local day is the one shown (the day is taken
//!   as written in the page's own local time: `2016-12-23T23:30:00-05:00` is 2016-12-23),
//! * or an update time stamp or a second metadata field gives the day shown,
//! * or the metadata is a generic tag (`date`, `DC.date`),
//! * or the metadata's day is shown nowhere near the heading (and the URL does not
//!   carry it either).
//!
//! Without metadata: the URL's date, then the byline, then the strongest remaining
//! evidence, preferring dates that agree with a year/month in the URL (`/2017/09/`).
//! Ambiguous numeric dates (`02/11/2023`) follow the page's unambiguous ones, else the
//! country of its domain, else its language (US English reads month first).

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use scraper::{ElementRef, Html, Node};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A publication date and the kind of evidence that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    pub date: NaiveDate,
    /// e.g. `"json-ld"`, `"meta:article:published_time"`, `"url"`, `"time-element"`, `"text"`.
    pub source: &'static str,
}

/// Finds the publication date of a page.
///
/// `doc` is the parsed page, `url` the page URL if known (else the page's own canonical
/// link or `og:url` is used). `today` bounds plausible dates: nothing after it and nothing
/// before 1995-01-01 is returned.
pub fn published_date(doc: &Html, url: Option<&str>, today: chrono::NaiveDate) -> Option<PubDate> {
    decide(&date_evidence(doc, url, today))
}

/// One piece of date evidence (diagnostics; [`published_date`] decides among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub date: NaiveDate,
    pub source: &'static str,
    /// Confidence class, lower is stronger (see `RANK_*`).
    pub rank: u8,
    /// Position in document order within its class.
    pub order: usize,
    /// For UTC time stamps: whether the local day may be the previous (1) or next (2) one.
    pub shift: u8,
    /// Byte position in the page's collected text (`usize::MAX` for metadata and URL).
    pub pos: usize,
}

const NOPOS: usize = usize::MAX;
/// How far after the main heading the byline date is looked for (bytes of text).
const BYLINE_WINDOW: usize = 1500;
/// Dates this close above the heading (a kicker line) also count as the byline.
const BYLINE_BEFORE: usize = 150;
/// Within this distance after the heading, a labelled date element overrides metadata.
const BYLINE_STRICT: usize = 900;

const RANK_JSONLD: u8 = 0;
const RANK_META_STRONG: u8 = 1;
const RANK_ITEMPROP: u8 = 2;
const RANK_JSONLD_OTHER: u8 = 3;
const RANK_META_WEAK: u8 = 4;
const RANK_TIME_PUB: u8 = 5;
const RANK_URL: u8 = 6;
const RANK_ELEM_STRONG: u8 = 7;
const RANK_LABELLED: u8 = 8;
const RANK_ELEM: u8 = 9;
const RANK_TIME: u8 = 10;
const RANK_OUTER_LABELLED: u8 = 11;
const RANK_ELEM_WEAK: u8 = 12;
const RANK_TEXT_TOP: u8 = 13;
const RANK_SCRIPT: u8 = 14;
const RANK_TEXT: u8 = 15;
const RANK_OUTER_TEXT: u8 = 16;
const RANK_MODIFIED: u8 = 17;

/// Calendar dates written in a short text (a date line of a text dump, a byline), in any of
/// the forms this module reads, with their byte positions, in order. Ambiguous numeric dates
/// are read month first; `today` bounds plausible dates.
pub fn dates_in_text(s: &str, today: NaiveDate) -> Vec<(usize, NaiveDate)> {
    let ctx = Ctx {
        min: NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
        max: today,
        mdy: true,
    };
    let mut out = Vec::new();
    find_dates(s, &ctx, &mut out);
    out.sort_by_key(|(pos, _)| *pos);
    out
}

fn best(cands: &[Candidate], pred: impl Fn(&Candidate) -> bool) -> Option<&Candidate> {
    cands
        .iter()
        .filter(|c| pred(c))
        .min_by_key(|c| (c.rank, c.order))
}

fn is_visible(rank: u8) -> bool {
    matches!(
        rank,
        RANK_TIME_PUB
            | RANK_ELEM_STRONG
            | RANK_LABELLED
            | RANK_ELEM
            | RANK_TIME
            | RANK_ELEM_WEAK
            | RANK_TEXT_TOP
    )
}

/// Explicitly labelled date elements first, then generic ones, then any date in text.
fn visible_group(rank: u8) -> u8 {
    match rank {
        RANK_TIME_PUB | RANK_ELEM_STRONG | RANK_LABELLED => 0,
        RANK_ELEM | RANK_TIME => 1,
        RANK_ELEM_WEAK => 2,
        _ => 3,
    }
}

/// The date shown with the article: the first visible date after the main heading.
fn byline(ev: &Evidence) -> Option<&Candidate> {
    let cands = &ev.candidates;
    match ev.h1_pos {
        Some(h) => cands
            .iter()
            .filter(|c| {
                is_visible(c.rank)
                    && c.pos.saturating_add(BYLINE_BEFORE) >= h
                    && c.pos < h + BYLINE_WINDOW
            })
            .min_by_key(|c| (visible_group(c.rank), c.pos, c.rank, c.order)),
        None => best(cands, |c| is_visible(c.rank) && c.rank != RANK_ELEM_WEAK),
    }
}

fn decide(ev: &Evidence) -> Option<PubDate> {
    let cands = &ev.candidates;
    let pick = |c: &Candidate| {
        Some(PubDate {
            date: c.date,
            source: c.source,
        })
    };
    let consistent = |c: &Candidate| {
        ev.url_month
            .is_none_or(|(y, m)| c.date.year() == y && c.date.month() == m)
    };
    let structured = best(cands, |c| c.rank <= RANK_META_WEAK);
    let shown = byline(ev);
    let url = best(cands, |c| c.rank == RANK_URL);
    if let Some(s) = structured {
        // A UTC time stamp: its local day may be the one before or after. Take the
        // neighbouring day when the URL or the page's own date line says so.
        let shifted = |d: NaiveDate| {
            (s.date.pred_opt() == Some(d) && s.shift & SHIFT_PREV != 0)
                || (s.date.succ_opt() == Some(d) && s.shift & SHIFT_NEXT != 0)
        };
        if let Some(u) = url.filter(|u| shifted(u.date)) {
            return pick(u);
        }
        if let Some(v) = shown {
            if v.date != s.date {
                let url_agrees = url.is_some_and(|u| u.date == s.date);
                // The page shows a date that an update time stamp also gives: that is
                // the date readers see.
                let near = |c: &Candidate| {
                    c.pos == NOPOS
                        || ev.h1_pos.is_some_and(|h| {
                            c.pos.saturating_add(BYLINE_BEFORE) >= h && c.pos < h + BYLINE_WINDOW
                        })
                };
                let confirmed = cands.iter().any(|c| {
                    c.date == v.date
                        && ((c.rank == RANK_MODIFIED && near(c))
                            || (c.rank <= RANK_META_WEAK
                                && c.rank != RANK_ITEMPROP
                                && c.source != s.source))
                });
                let url_month_only_shown = !consistent(s) && consistent(v);
                // Generic tags (`date`, `DC.date`) often carry the last change.
                let weak = s.rank >= RANK_JSONLD_OTHER && !url_agrees;
                // A labelled date element right under the headline is what the page
                // presents as its date (metadata often keeps the first draft's time, or
                // UTC); a bare date in the text is not enough for that.
                let element = visible_group(v.rank) <= 1;
                // ... unless the metadata's date is shown near the heading too.
                let s_shown = ev.h1_pos.is_some_and(|h| {
                    cands.iter().any(|c| {
                        c.date == s.date
                            && is_visible(c.rank)
                            && c.pos.saturating_add(BYLINE_WINDOW) >= h
                            && c.pos < h + BYLINE_WINDOW
                    })
                });
                let headline = element
                    && ev.h1_pos.is_some_and(|h| v.pos < h + BYLINE_STRICT)
                    && !url_agrees
                    && !s_shown;
                if (shifted(v.date) && !url_agrees && element)
                    || confirmed
                    || url_month_only_shown
                    || weak
                    || headline
                {
                    return pick(v);
                }
            }
        }
        return pick(s);
    }
    if let Some(u) = url {
        return pick(u);
    }
    if let Some(v) = shown.filter(|v| consistent(v)) {
        return pick(v);
    }
    best(cands, |c| c.rank != RANK_MODIFIED && consistent(c))
        .or_else(|| best(cands, |c| consistent(c)))
        .or_else(|| best(cands, |_| true))
        .and_then(pick)
}

// ---------------------------------------------------------------------------------------
// Limits (keep the walk linear and bounded on giant or hostile pages).

const MAX_TEXT_BYTES: usize = 400_000;
const MAX_ELEM_TEXT: usize = 400;
const MAX_DATE_ELEMS: usize = 2_000;
const MAX_TIMES: usize = 2_000;
const MAX_JSONLD_BYTES: usize = 3_000_000;
const MAX_SCRIPT_BYTES: usize = 3_000_000;
const MAX_ATTR_LEN: usize = 300;
/// Open (nested) date elements that receive a text node.
const MAX_OPEN: usize = 4;

// ---------------------------------------------------------------------------------------
// Context: bounds and day/month order.

#[derive(Clone, Copy)]
struct Ctx {
    min: NaiveDate,
    max: NaiveDate,
    /// Month-first reading for ambiguous numeric dates (US English).
    mdy: bool,
}

impl Ctx {
    fn make(&self, y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= self.min && date <= self.max).then_some(date)
    }

    fn year4(&self, s: &str) -> Option<i32> {
        let y: i32 = s.parse().ok()?;
        if s.len() == 2 {
            let cur = self.max.year();
            let y2 = 2000 + y;
            Some(if y2 <= cur { y2 } else { 1900 + y })
        } else {
            Some(y)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Month names.

fn month_table() -> &'static HashMap<&'static str, u32> {
    static T: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    T.get_or_init(|| {
        let lists: [&[&str]; 12] = [
            &[
                "january",
                "jan",
                "januar",
                "jänner",
                "jaenner",
                "janvier",
                "janv",
                "enero",
                "ene",
                "gennaio",
                "gen",
                "januari",
                "janeiro",
                "января",
                "январь",
                "янв",
                "stycznia",
                "styczeń",
                "leden",
                "ledna",
            ],
            &[
                "february",
                "feb",
                "febr",
                "februar",
                "février",
                "fevrier",
                "févr",
                "fevr",
                "febrero",
                "febbraio",
                "februari",
                "fevereiro",
                "fev",
                "fév",
                "февраля",
                "февраль",
                "фев",
                "lutego",
                "luty",
            ],
            &[
                "march",
                "mar",
                "märz",
                "maerz",
                "mär",
                "mrz",
                "mars",
                "marzo",
                "maart",
                "mrt",
                "março",
                "marco",
                "марта",
                "март",
                "мар",
                "marca",
                "marzec",
            ],
            &[
                "april",
                "apr",
                "avril",
                "avr",
                "abril",
                "abr",
                "aprile",
                "апреля",
                "апрель",
                "апр",
                "kwietnia",
                "kwiecień",
            ],
            &[
                "may", "mai", "mayo", "maggio", "mag", "mei", "maio", "мая", "май", "maja", "maj",
            ],
            &[
                "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "июня", "июнь",
                "июн", "czerwca", "czerwiec",
            ],
            &[
                "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho",
                "июля", "июль", "июл", "lipca", "lipiec",
            ],
            &[
                "august",
                "aug",
                "août",
                "aout",
                "agosto",
                "ago",
                "augustus",
                "августа",
                "август",
                "авг",
                "sierpnia",
                "sierpień",
            ],
            &[
                "september",
                "sep",
                "sept",
                "septembre",
                "septiembre",
                "setiembre",
                "settembre",
                "set",
                "setembro",
                "сентября",
                "сентябрь",
                "сен",
                "сент",
                "września",
                "wrzesień",
            ],
            &[
                "october",
                "oct",
                "oktober",
                "okt",
                "octobre",
                "octubre",
                "ottobre",
                "ott",
                "outubro",
                "out",
                "октября",
                "октябрь",
                "окт",
                "października",
                "październik",
            ],
            &[
                "november",
                "nov",
                "novembre",
                "noviembre",
                "novembro",
                "ноября",
                "ноябрь",
                "ноя",
                "listopada",
                "listopad",
            ],
            &[
                "december",
                "dec",
                "dezember",
                "dez",
                "décembre",
                "decembre",
                "déc",
                "diciembre",
                "dic",
                "dicembre",
                "dezembro",
                "декабря",
                "декабрь",
                "дек",
                "grudnia",
                "grudzień",
            ],
        ];
        let mut m = HashMap::new();
        for (i, l) in lists.iter().enumerate() {
            for w in l.iter() {
                m.insert(*w, i as u32 + 1);
            }
        }
        m
    })
}

fn month_alternation() -> String {
    let mut words: Vec<&str> = month_table().keys().copied().collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.join("|")
}

fn month_num(s: &str) -> Option<u32> {
    let l = s.to_lowercase();
    let l = l.trim_end_matches('.');
    month_table().get(l).copied()
}

// ---------------------------------------------------------------------------------------
// Regexes.

struct Res {
    ymd: Regex,
    dmy_dot: Regex,
    num_slash: Regex,
    dmy_name: Regex,
    mdy_name: Regex,
    cjk: Regex,
    iso_start: Regex,
    utc_time: Regex,
    utc_clock: Regex,
    url_ymd: Regex,
    url_compact: Regex,
    url_dmy: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let months = month_alternation();
        Res {
            ymd: Regex::new(r"([0-9]{4})([-/.])\s?([0-9]{1,2})([-/.])\s?([0-9]{1,2})").unwrap(),
            dmy_dot: Regex::new(r"([0-9]{1,2})\.\s?([0-9]{1,2})\.\s?([0-9]{4}|[0-9]{2})").unwrap(),
            num_slash: Regex::new(r"([0-9]{1,2})([/-])([0-9]{1,2})([/-])([0-9]{4}|[0-9]{2})").unwrap(),
            dmy_name: Regex::new(&format!(
                r"(?i)([0-9]{{1,2}})(?:\.|st|nd|rd|th|er|º)?(?:\s|-|/)*(?:de\s+)?({months})\.?(?:\s|,|-|/)*(?:de\s+|del\s+)?([0-9]{{4}})"
            ))
            .unwrap(),
            mdy_name: Regex::new(&format!(
                r"(?i)({months})\.?\s*([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s*([0-9]{{4}})"
            ))
            .unwrap(),
            cjk: Regex::new(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").unwrap(),
            iso_start: Regex::new(r"^([0-9]{4})-?([0-9]{2})-?([0-9]{2})(?:[^[0-9]]|$)").unwrap(),
            utc_clock: Regex::new(r"(?:^|[^[0-9]])([0-9]{1,2}):[0-9]{2}(?::[0-9]{2})?\s*(?:Z|UTC|GMT|[+-]00:?00)(?:[^[0-9]]|$)").unwrap(),
            utc_time: Regex::new(r"^[T ]([0-9]{2}):[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]+)?\s*(?:Z|UTC|GMT|[+-]00:?00)(?:[^[0-9]]|$)").unwrap(),
            url_ymd: Regex::new(r"(?:^|[^[0-9]])((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})[/_-]([0-9]{1,2})(?:[^[0-9]]|$)").unwrap(),
            url_dmy: Regex::new(r"[/_-]([0-9]{1,2})[-_.]([0-9]{1,2})[-_.]((?:19|20)[0-9]{2})(?:[^[0-9]]|$)").unwrap(),
            url_compact: Regex::new(r"[/_-]((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:[^[0-9]]|$)").unwrap(),
        }
    })
}

fn digit_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

fn digit_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// All dates found in free text, with their byte positions, in position order.
fn find_dates(s: &str, ctx: &Ctx, out: &mut Vec<(usize, NaiveDate)>) {
    let r = res();
    let start_len = out.len();
    for c in r.ymd.captures_iter(s) {
        let m = c.get(0).unwrap();
        if digit_before(s, m.start()) || digit_after(s, m.end()) || c[2] != c[4] {
            continue;
        }
        // "2019.1.3" is more likely a version number than a date.
        if &c[2] == "." && (c[3].len() != 2 || c[5].len() != 2) {
            continue;
        }
        let (Some(y), Ok(mo), Ok(d)) = (ctx.year4(&c[1]), c[3].parse(), c[5].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, mo, d) {
            out.push((m.start(), dt));
        }
    }
    for c in r.dmy_dot.captures_iter(s) {
        let m = c.get(0).unwrap();
        if digit_before(s, m.start())
            || char_before(s, m.start()) == Some('.')
            || digit_after(s, m.end())
        {
            continue;
        }
        // Two-digit years only in the full "23.12.16" shape (not "1.2.10", a version).
        if c[3].len() == 2
            && (c[1].len() != 2
                || c[2].len() != 2
                || (s[m.end()..].starts_with('.') && digit_after(s, m.end() + 1)))
        {
            continue;
        }
        let (Some(y), Ok(mo), Ok(d)) = (ctx.year4(&c[3]), c[2].parse(), c[1].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, mo, d) {
            out.push((m.start(), dt));
        }
    }
    for c in r.num_slash.captures_iter(s) {
        let m = c.get(0).unwrap();
        if digit_before(s, m.start()) || digit_after(s, m.end()) || c[2] != c[4] {
            continue;
        }
        if matches!(char_before(s, m.start()), Some('/') | Some('-')) {
            continue;
        }
        if c[5].len() == 2 && (c[1].len() != 2 || c[3].len() != 2) {
            continue;
        }
        let (Some(y), Ok(a), Ok(b)) = (ctx.year4(&c[5]), c[1].parse::<u32>(), c[3].parse::<u32>())
        else {
            continue;
        };
        // Day first when the first number cannot be a month, month first when the second
        // cannot; otherwise the page's habit decides.
        let month_first = b > 12 || (a <= 12 && ctx.mdy);
        let dt = if month_first {
            ctx.make(y, a, b)
        } else {
            ctx.make(y, b, a)
        };
        if let Some(dt) = dt {
            out.push((m.start(), dt));
        }
    }
    // (Word boundaries are checked by hand: Unicode `\b` would slow the regex engine down.)
    for c in r.dmy_name.captures_iter(s) {
        let m = c.get(0).unwrap();
        if digit_before(s, m.start()) || digit_after(s, m.end()) {
            continue;
        }
        let (Some(mo), Ok(d), Ok(y)) = (month_num(&c[2]), c[1].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, mo, d) {
            out.push((m.start(), dt));
        }
    }
    for c in r.mdy_name.captures_iter(s) {
        let m = c.get(0).unwrap();
        let day_end = c.get(2).map_or(0, |x| x.end());
        if char_before(s, m.start()).is_some_and(char::is_alphanumeric)
            || digit_after(s, day_end)
            || digit_after(s, m.end())
        {
            continue;
        }
        let (Some(mo), Ok(d), Ok(y)) = (month_num(&c[1]), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, mo, d) {
            out.push((m.start(), dt));
        }
    }
    for c in r.cjk.captures_iter(s) {
        let m = c.get(0).unwrap();
        let (Ok(y), Ok(mo), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, mo, d) {
            out.push((m.start(), dt));
        }
    }
    out[start_len..].sort_by_key(|x| x.0);
}

/// Dates introduced by a label ("Veröffentlicht am", "Published on", "Stand:"), with
/// whether the label speaks of an update.
fn labelled_dates(s: &str, ctx: &Ctx, out: &mut Vec<(usize, NaiveDate, bool)>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:(veröffentlicht|veroeffentlicht|publiziert|erschienen|erstellt|eingestellt|published|posted|publié|publie|publicado|publicada|pubblicato|mis en ligne|mise en ligne|gepubliceerd|geplaatst|opublikowano|опубликовано|datum|stand)|(aktualisiert|geändert|zuletzt|updated|last modified|modified|mis à jour|actualizado|aggiornato|bijgewerkt|обновлено))",
        )
        .unwrap()
    });
    let mut found = Vec::new();
    for m in re.captures_iter(s).take(200) {
        let whole = m.get(0).unwrap();
        if char_before(s, whole.start()).is_some_and(char::is_alphanumeric)
            || s[whole.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let rest = truncate(&s[whole.end()..], 64);
        found.clear();
        find_dates(rest, ctx, &mut found);
        if let Some(&(p, d)) = found.first() {
            if p <= 32 {
                out.push((whole.start(), d, m.get(2).is_some()));
            }
        }
    }
}

fn first_date(s: &str, ctx: &Ctx) -> Option<NaiveDate> {
    let mut v = Vec::new();
    find_dates(s, ctx, &mut v);
    v.first().map(|x| x.1)
}

/// Date in an attribute value (`content`, `datetime`, `title`, JSON string).
fn parse_value(v: &str, ctx: &Ctx, allow_epoch: bool) -> Option<NaiveDate> {
    parse_value_ex(v, ctx, allow_epoch).map(|x| x.0)
}

/// Shift mask of a UTC time stamp: the local calendar day may be the previous day
/// (`SHIFT_PREV`) or the next one (`SHIFT_NEXT`) depending on the site's time zone.
const SHIFT_PREV: u8 = 1;
const SHIFT_NEXT: u8 = 2;

fn utc_shift(hour: u32) -> u8 {
    let mut m = 0;
    if hour < 12 {
        m |= SHIFT_PREV;
    }
    if hour >= 10 {
        m |= SHIFT_NEXT;
    }
    m
}

/// Like [`parse_value`], also telling whether the value was a UTC time stamp (whose
/// calendar day may differ from the day shown to the page's readers).
fn parse_value_ex(v: &str, ctx: &Ctx, allow_epoch: bool) -> Option<(NaiveDate, u8)> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let v = truncate(v, MAX_ATTR_LEN);
    let r = res();
    if let Some(c) = r.iso_start.captures(v) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(dt) = ctx.make(y, m, d) {
                let rest = &v[c.get(3).map_or(0, |x| x.end())..];
                let shift = r
                    .utc_time
                    .captures(rest)
                    .and_then(|t| t[1].parse::<u32>().ok())
                    .map_or(0, utc_shift);
                return Some((dt, shift));
            }
        }
    }
    if allow_epoch && v.bytes().all(|b| b.is_ascii_digit()) && (v.len() == 10 || v.len() == 13) {
        let secs: i64 = v.parse().ok()?;
        let secs = if v.len() == 13 { secs / 1000 } else { secs };
        let ts = chrono::DateTime::from_timestamp(secs, 0)?;
        let dt = ts.date_naive();
        return (dt >= ctx.min && dt <= ctx.max)
            .then_some((dt, utc_shift(chrono::Timelike::hour(&ts))));
    }
    // RFC 2822 and similar: "Wed, 04 May 2022 00:53:29 GMT".
    let d = first_date(v, ctx)?;
    let shift = r
        .utc_clock
        .captures(v)
        .and_then(|t| t[1].parse::<u32>().ok())
        .map_or(0, utc_shift);
    Some((d, shift))
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

// ---------------------------------------------------------------------------------------
// URL dates.

fn url_date(url: &str, ctx: &Ctx) -> Option<NaiveDate> {
    let r = res();
    // Only the path (and query): host names may contain digits.
    let path = match url.find("://") {
        Some(i) => url[i + 3..]
            .find('/')
            .map(|j| &url[i + 3 + j..])
            .unwrap_or(""),
        None => url,
    };
    let path = truncate(path, 2000);
    for c in r.url_ymd.captures_iter(path) {
        let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, m, d) {
            return Some(dt);
        }
    }
    // Day first (European habit), month first when the day slot cannot be a day.
    for c in r.url_dmy.captures_iter(path) {
        let (Ok(a), Ok(b), Ok(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>(), c[3].parse()) else {
            continue;
        };
        let dt = if a > 12 || !ctx.mdy {
            ctx.make(y, b, a).or_else(|| ctx.make(y, a, b))
        } else {
            ctx.make(y, a, b).or_else(|| ctx.make(y, b, a))
        };
        if let Some(dt) = dt {
            return Some(dt);
        }
    }
    for c in r.url_compact.captures_iter(path) {
        let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if let Some(dt) = ctx.make(y, m, d) {
            return Some(dt);
        }
    }
    None
}

/// Year and month from a URL path such as `/2016/12/slug`.
fn url_month(url: &str, ctx: &Ctx) -> Option<(i32, u32)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"/((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})(?:[/_-]|$)").unwrap());
    let path = match url.find("://") {
        Some(i) => url[i + 3..]
            .find('/')
            .map(|j| &url[i + 3 + j..])
            .unwrap_or(""),
        None => url,
    };
    for c in re.captures_iter(truncate(path, 2000)) {
        let (Ok(y), Ok(m)) = (c[1].parse::<i32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if ctx.make(y, m, 1).is_some() {
            return Some((y, m));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Meta tags.

#[derive(Clone, Copy, PartialEq, Eq)]
enum MetaClass {
    Strong,
    Weak,
    Modified,
}

fn meta_class(key: &str) -> Option<(MetaClass, &'static str)> {
    const STRONG: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
        "published_time",
        "datepublished",
        "date_published",
        "date-published",
        "publish-date",
        "publish_date",
        "publishdate",
        "published-date",
        "published_date",
        "publication_date",
        "publication-date",
        "publicationdate",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date.created",
        "dcterms.created",
        "datecreated",
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "article_date_original",
        "originalpublicationdate",
        "original-publish-date",
        "rnews:datepublished",
        "bt:pubdate",
        "cxenseparse:recs:publishtime",
        "og:pubdate",
        "pubdate",
        "pub_date",
        "article:post_date",
        "article.created",
        "vr:published_time",
        "mediator_published_time",
        "firstpublishedtime",
        "first_published_time",
    ];
    const WEAK: &[&str] = &[
        "dc.date",
        "dcterms.date",
        "date",
        "dc.created",
        "created",
        "creation_date",
        "creationdate",
        "displaydate",
        "date.available",
        "timestamp",
        "gentime",
        "release_date",
    ];
    const MODIFIED: &[&str] = &[
        "article:modified_time",
        "og:updated_time",
        "og:modified_time",
        "modified_time",
        "datemodified",
        "date_modified",
        "last-modified",
        "lastmod",
        "dc.date.modified",
        "dcterms.modified",
        "revised",
        "revision_date",
        "updated_time",
        "article:modified",
        "lastupdate",
        "last_updated",
    ];
    for k in STRONG {
        if key == *k {
            return Some((MetaClass::Strong, k));
        }
    }
    for k in WEAK {
        if key == *k {
            return Some((MetaClass::Weak, k));
        }
    }
    for k in MODIFIED {
        if key == *k {
            return Some((MetaClass::Modified, k));
        }
    }
    let unlisted_publication = key.len() < 40
        && !key.contains("modif")
        && !key.contains("updat")
        && !key.contains("expir")
        && (key.contains("publish") || key.contains("pubdate") || key.contains("pub_date"));
    unlisted_publication.then_some((MetaClass::Strong, "publish*"))
}

fn meta_source(k: &'static str) -> &'static str {
    match k {
        "article:published_time" => "meta:article:published_time",
        "og:article:published_time" | "og:published_time" => "meta:og:published_time",
        "datepublished" => "meta:datePublished",
        "datecreated" => "meta:dateCreated",
        "dc.date.issued" | "dcterms.issued" => "meta:DC.date.issued",
        "dc.date" | "dcterms.date" => "meta:DC.date",
        "date" => "meta:date",
        "sailthru.date" => "meta:sailthru.date",
        "parsely-pub-date" => "meta:parsely-pub-date",
        "pubdate" => "meta:pubdate",
        _ => match meta_class(k) {
            Some((MetaClass::Modified, _)) => "meta:modified",
            Some((MetaClass::Weak, _)) => "meta:other-weak",
            _ => "meta:other",
        },
    }
}

// ---------------------------------------------------------------------------------------
// JSON-LD.

#[derive(Default)]
struct JsonLdFound {
    /// (article-like, matches page url, (date, shift), is_created)
    published: Vec<(bool, bool, (NaiveDate, u8), bool)>,
    modified: Vec<NaiveDate>,
}

fn is_article_type(t: &str) -> bool {
    let t = t
        .rsplit(['/', ':'])
        .next()
        .unwrap_or(t)
        .to_ascii_lowercase();
    t.ends_with("article")
        || t.ends_with("posting")
        || t == "report"
        || t == "reportagenews"
        || t == "newsarticle"
        || t == "webpage"
        || t == "itempage"
        || t == "creativework"
        || t == "review"
        || t == "recipe"
        || t == "videoobject"
}

fn json_types(o: &serde_json::Map<String, serde_json::Value>) -> Vec<&str> {
    match o.get("@type") {
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn json_str(v: Option<&serde_json::Value>) -> Option<&str> {
    match v? {
        serde_json::Value::String(s) => Some(s.as_str()),
        serde_json::Value::Array(a) => a.first().and_then(|x| x.as_str()),
        serde_json::Value::Object(o) => o.get("@value").and_then(|x| x.as_str()),
        _ => None,
    }
}

fn url_matches(a: &str, page: Option<&str>) -> bool {
    let Some(p) = page else { return false };
    fn norm(u: &str) -> &str {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u.split_once("://").map(|x| x.1).unwrap_or(u);
        let u = u.strip_prefix("www.").unwrap_or(u);
        u.trim_end_matches('/')
    }
    !a.is_empty() && norm(a) == norm(p)
}

fn walk_json(
    v: &serde_json::Value,
    ctx: &Ctx,
    page_url: Option<&str>,
    depth: usize,
    found: &mut JsonLdFound,
) {
    if depth > 12 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => {
            for x in a.iter().take(200) {
                walk_json(x, ctx, page_url, depth + 1, found);
            }
        }
        serde_json::Value::Object(o) => {
            let types = json_types(o);
            let article = types.iter().any(|t| is_article_type(t));
            let own_url = json_str(o.get("url"))
                .or_else(|| json_str(o.get("@id")))
                .or_else(|| match o.get("mainEntityOfPage") {
                    Some(serde_json::Value::Object(m)) => json_str(m.get("@id")),
                    other => json_str(other),
                });
            let matches = own_url.is_some_and(|u| url_matches(u, page_url));
            if let Some(d) =
                json_str(o.get("datePublished")).and_then(|s| parse_value_ex(s, ctx, false))
            {
                found.published.push((article, matches, d, false));
            } else if let Some(d) =
                json_str(o.get("dateCreated")).and_then(|s| parse_value_ex(s, ctx, false))
            {
                found.published.push((article, matches, d, true));
            } else if let Some(d) =
                json_str(o.get("uploadDate")).and_then(|s| parse_value_ex(s, ctx, false))
            {
                found.published.push((false, matches, d, true));
            }
            if let Some(d) =
                json_str(o.get("dateModified")).and_then(|s| parse_value(s, ctx, false))
            {
                found.modified.push(d);
            }
            for (k, x) in o.iter() {
                if matches!(
                    k.as_str(),
                    "comment"
                        | "comments"
                        | "review"
                        | "reviews"
                        | "itemListElement"
                        | "relatedLink"
                        | "significantLink"
                        | "citation"
                        | "isBasedOn"
                        | "mentions"
                        | "subjectOf"
                        | "workExample"
                        | "hasPart"
                        | "author"
                        | "publisher"
                        | "creator"
                        | "isPartOf"
                        | "recipeInstructions"
                        | "about"
                        | "potentialAction"
                ) {
                    continue;
                }
                if x.is_object() || x.is_array() {
                    walk_json(x, ctx, page_url, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

fn jsonld(scripts: &[String], ctx: &Ctx, page_url: Option<&str>) -> JsonLdFound {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#""(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,60})""#).unwrap()
    });
    let mut found = JsonLdFound::default();
    for s in scripts {
        let parsed = serde_json::from_str::<serde_json::Value>(s)
            .ok()
            .or_else(|| {
                let cleaned = clean_json(s);
                serde_json::from_str::<serde_json::Value>(&cleaned).ok()
            });
        match parsed {
            Some(v) => walk_json(&v, ctx, page_url, 0, &mut found),
            None => {
                // Broken JSON: fall back to a key search.
                for c in re.captures_iter(s) {
                    if let Some(d) = parse_value_ex(&c[2], ctx, false) {
                        if &c[1] == "dateModified" {
                            found.modified.push(d.0);
                        } else {
                            found
                                .published
                                .push((true, false, d, &c[1] == "dateCreated"));
                        }
                    }
                }
            }
        }
    }
    found
}

fn clean_json(s: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r",\s*([}\]])").unwrap());
    let s = s.trim();
    let s = s.trim_start_matches("<!--").trim_end_matches("-->");
    let s = s
        .replace("//<![CDATA[", "")
        .replace("//]]>", "")
        .replace("<![CDATA[", "")
        .replace("]]>", "");
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    re.replace_all(&s, "$1").into_owned()
}

// ---------------------------------------------------------------------------------------
// Class / id analysis.

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Tier {
    None,
    Weak,
    Medium,
    Strong,
}

#[derive(Clone, Copy)]
struct ElemInfo {
    /// Comments, related links, sidebars, widgets, navigation: ignored entirely.
    excluded: bool,
    /// Site header and footer: only used as a last resort.
    soft: bool,
    tier: Tier,
    modified: bool,
}

/// Reads an element's class and id tokens. `exempt`: the element is `html`, `body`, `main` or
/// `article`, never boilerplate.
fn analyse_names<'a>(
    tokens: impl Iterator<Item = &'a str>,
    exempt: bool,
    in_article: bool,
) -> ElemInfo {
    let mut info = ElemInfo {
        excluded: false,
        soft: false,
        tier: Tier::None,
        modified: false,
    };
    for tok in tokens.take(30) {
        if tok.len() > 60 {
            continue;
        }
        // camelCase into words: "layoutTwoColumnsRightSidebar" -> "layout-two-columns-right-sidebar".
        let tok: Cow<str> = if tok.bytes().any(|b| b.is_ascii_uppercase()) {
            let mut split = String::with_capacity(tok.len() + 8);
            let mut prev_lower = false;
            for ch in tok.chars() {
                if ch.is_ascii_uppercase() && prev_lower {
                    split.push('-');
                }
                prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
                split.push(ch.to_ascii_lowercase());
            }
            Cow::Owned(split)
        } else {
            Cow::Borrowed(tok)
        };
        let sub = |needle: &str| contains_short(&tok, needle);
        if is_taxonomy_token(&tok) {
            continue;
        }
        let words: Vec<&str> = tok
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        // Page builders prefix every block with "widget"; their other words still count.
        let builder = [
            "elementor",
            "et_pb",
            "et-pb",
            "vc_",
            "wpb",
            "fl-",
            "wp-block",
            "jeg_",
            "td_",
            "td-",
            "tdb",
            "g1-",
            "mh-",
            "bdaia",
        ]
        .iter()
        .any(|p| tok.starts_with(p));
        let container = words.iter().any(|w| {
            matches!(
                *w,
                "wrap"
                    | "wrapper"
                    | "container"
                    | "content"
                    | "layout"
                    | "has"
                    | "no"
                    | "with"
                    | "open"
                    | "closed"
                    | "page"
                    | "body"
                    | "main"
                    | "inner"
                    | "count"
                    | "link"
                    | "icon"
                    | "number"
                    | "num"
                    | "enabled"
                    | "disabled"
                    | "template"
                    | "left"
                    | "right"
                    | "col"
                    | "column"
                    | "grid"
                    | "row"
            )
        });
        // An explicit publication-date class is never boilerplate ("ArticleHeaderComment_publishDate").
        let strong = sub("published")
            || sub("publish-date")
            || sub("pubdate")
            || sub("post-date")
            || sub("postdate")
            || sub("entry-date")
            || sub("entrydate")
            || sub("article-date")
            || sub("articledate")
            || sub("posted-on")
            || sub("postedon")
            || sub("post-time")
            || sub("date-post")
            || sub("publishdate")
            || sub("veroeffentlicht")
            || sub("erschienen");
        // Boilerplate blocks.
        if !container && !strong && !exempt {
            let always = sub("comment")
                || sub("kommentar")
                || sub("disqus")
                || sub("related")
                || (sub("widget") && !builder)
                || sub("archive")
                || sub("calendar")
                || sub("recommend")
                || sub("popular")
                || sub("trending")
                || sub("newsletter")
                || sub("cookie")
                || sub("yarpp")
                || has("respond")
                || has("replies")
                || has("similar")
                || has("recent")
                || has("latest")
                || has("mostread")
                || has("aside")
                || has("promo")
                || has("pagination")
                || has("pager")
                || has("breadcrumb")
                || has("breadcrumbs")
                || tok.starts_with("more")
                || has("weitere")
                || has("prev")
                || has("previous")
                || has("next");
            let outside = !in_article
                && (has("nav")
                    || has("navigation")
                    || has("menu")
                    || has("share")
                    || has("social")
                    || has("sharing"));
            if always || outside {
                info.excluded = true;
            }
            if !in_article
                && (sub("footer") || has("masthead") || has("topbar") || sub("site-header"))
            {
                info.soft = true;
            }
            // A sidebar of the article itself may hold its metadata; the page's sidebar
            // holds other articles.
            if sub("sidebar") {
                if in_article {
                    info.soft = true;
                } else {
                    info.excluded = true;
                }
            }
        }
        // Date-bearing elements.
        let modified = words.iter().any(|w| {
            w.starts_with("updated")
                || w.starts_with("modified")
                || *w == "update"
                || w.starts_with("lastmod")
                || w.starts_with("aktualisiert")
        });
        if modified {
            info.modified = true;
            continue;
        }

        let medium = words.iter().any(|w| {
            w.starts_with("date")
                || contains_short(w, "datum")
                || (w.starts_with("time") && !w.starts_with("timeline") && !w.starts_with("timer"))
                || *w == "timestamp"
                || *w == "datetime"
                || *w == "posted"
                || *w == "dateline"
                || *w == "fecha"
                || *w == "publish"
                || *w == "postmeta"
                || *w == "entrymeta"
                || *w == "submitted"
                || *w == "byline"
        });
        let weak = words.iter().any(|w| {
            matches!(
                *w,
                "meta"
                    | "info"
                    | "author"
                    | "details"
                    | "subline"
                    | "postinfo"
                    | "metadata"
                    | "header"
                    | "credits"
                    | "kicker"
            )
        });
        let t = if strong {
            Tier::Strong
        } else if medium {
            Tier::Medium
        } else if weak {
            Tier::Weak
        } else {
            Tier::None
        };
        if t > info.tier {
            info.tier = t;
        }
    }
    info
}

/// `hay.contains(needle)` for short strings such as class names: a plain scan, where
/// `str::contains` would set up a two-way searcher on every call.
fn contains_short(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    hay.windows(needle.len())
        .any(|w| w[0] == first && w == needle)
}

/// WordPress-style taxonomy classes (`category-kommentar`, `tag-related`) say nothing about
/// the element's role.
fn is_taxonomy_token(tok: &str) -> bool {
    [
        "category-",
        "tag-",
        "post_tag-",
        "author-",
        "format-",
        "status-",
        "type-",
        "postid-",
        "page-id-",
        "single-format",
        "topic-",
        "section-",
        "tax-",
        "term-",
    ]
    .iter()
    .any(|p| tok.starts_with(p))
}

// ---------------------------------------------------------------------------------------
// The document walk.

struct DateElem {
    text: String,
    pos: usize,
    tier: Tier,
    modified: bool,
    attr_date: Option<NaiveDate>,
    order: usize,
}

struct TimeEl {
    date: Option<(NaiveDate, u8)>,
    text: String,
    pubflag: bool,
    modified: bool,
    order: usize,
    text_pos: usize,
}

#[derive(Clone, Copy)]
struct Frame {
    in_head: bool,
    excluded: bool,
    soft: bool,
    skip: bool,
    in_article: bool,
    date_elem: Option<usize>,
    time_el: Option<usize>,
    script_json: bool,
    /// Inside a script that may hold the page's data as JSON.
    script_data: bool,
}

#[derive(Default)]
struct Collected {
    metas: Vec<(String, String)>,
    itemprops: Vec<((NaiveDate, u8), bool)>,
    jsonld: Vec<String>,
    jsonld_bytes: usize,
    date_elems: Vec<DateElem>,
    times: Vec<TimeEl>,
    text: String,
    /// Text of the site header and footer (last resort).
    outer_text: String,
    h1_pos: Option<usize>,
    h2_pos: Option<usize>,
    body_pos: Option<usize>,
    lang: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    utime: Vec<(NaiveDate, u8)>,
    script_date: Option<NaiveDate>,
    script_bytes: usize,
}

fn elem_key(e: &scraper::node::Element) -> usize {
    std::ptr::from_ref(e) as usize
}

/// Main-content markers (the article body, the first `h1`, the first article element) and
/// their ancestors: these are never treated as boilerplate even when their class names say
/// `widget` or `sidebar` (layout wrappers often do). Also returns the element taken as the
/// article's container: the lowest common ancestor of the first `h1` and the article body,
/// else the `h1`'s grandparent, else the body's parent.
struct Markers {
    /// Main-content markers and their ancestors: never boilerplate.
    protected: HashSet<usize>,
    /// The article's container.
    article_root: usize,
    /// Where the article's text starts (its body element, else the densest paragraph block).
    body: usize,
}

/// Class names of article bodies (with `itemprop=articleBody`, the first main-content marker).
const BODY_CLASSES: &[&str] = &[
    "entry-content",
    "post-content",
    "post-body",
    "article-body",
    "articleBody",
    "article-content",
    "story-body",
    "post-entry",
    "entry-body",
    "article__body",
    "article-text",
    "articletext",
    "post-text",
    "news-text",
    "story-content",
    "blog-post-body",
    "entry",
    "post_content",
    "single-content",
    "text-content",
    "asset-body",
];

fn protected_elements(doc: &Html) -> Markers {
    // One pass in the arena order `Html::select` uses (with its rule that detached elements
    // never match), instead of a CSS selector run per marker: the first article body
    // (`[itemprop=articleBody]` in three spellings or a `BODY_CLASSES` class, case-sensitive
    // as in a no-quirks document), the first `h1`, the first `article, .hentry, .h-entry`,
    // and the first 5000 paragraphs.
    let mut firsts: [Option<ElementRef>; 3] = [None; 3];
    let mut paras = 0usize;
    let mut per_parent: HashMap<usize, usize> = HashMap::new();
    let mut parents: Vec<(usize, ElementRef)> = Vec::new();
    for node in doc.tree.nodes() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if node.parent().is_none() {
            continue;
        }
        let e = el.value();
        let tag = e.name();
        let a = ElemAttrs::of(e);
        let mut classes = a.class.unwrap_or("").split_ascii_whitespace();
        if firsts[0].is_none()
            && (matches!(
                a.itemprop,
                Some("articleBody" | "articlebody" | "ArticleBody")
            ) || classes.clone().any(|c| BODY_CLASSES.contains(&c)))
        {
            firsts[0] = Some(el);
        }
        if firsts[1].is_none() && tag == "h1" {
            firsts[1] = Some(el);
        }
        if firsts[2].is_none()
            && (tag == "article" || classes.any(|c| c == "hentry" || c == "h-entry"))
        {
            firsts[2] = Some(el);
        }
        // The element holding most paragraphs: a main-content marker that needs no class names.
        if tag == "p" && paras < 5000 {
            paras += 1;
            if let Some(parent) = el.parent().and_then(ElementRef::wrap) {
                let i = *per_parent
                    .entry(elem_key(parent.value()))
                    .or_insert_with(|| {
                        parents.push((0, parent));
                        parents.len() - 1
                    });
                parents[i].0 += 1;
            }
        }
    }
    let mut set = HashSet::new();
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut body_marker = 0;
    for (i, first) in firsts.iter().enumerate() {
        let mut chain = Vec::new();
        if let Some(m) = first {
            set.insert(elem_key(m.value()));
            if i == 0 {
                body_marker = elem_key(m.value());
            }
            for a in m.ancestors() {
                if let Some(ae) = ElementRef::wrap(a) {
                    if matches!(ae.value().name(), "html" | "body") {
                        break;
                    }
                    let k = elem_key(ae.value());
                    chain.push(k);
                    set.insert(k);
                }
            }
        }
        chains.push(chain);
    }
    // Most paragraphs; the first such element on a tie.
    if let Some((n, dense)) = parents.iter().rev().max_by_key(|(n, _)| *n) {
        if *n >= 3 {
            set.insert(elem_key(dense.value()));
            if body_marker == 0 {
                body_marker = elem_key(dense.value());
            }
            for a in dense.ancestors().filter_map(ElementRef::wrap) {
                if matches!(a.value().name(), "html" | "body") {
                    break;
                }
                set.insert(elem_key(a.value()));
            }
        }
    }
    let (body, h1) = (&chains[0], &chains[1]);
    let root = if !body.is_empty() && !h1.is_empty() {
        let h1_set: HashSet<usize> = h1.iter().copied().collect();
        body.iter()
            .find(|k| h1_set.contains(k))
            .copied()
            .unwrap_or(0)
    } else {
        h1.get(1).or(body.first()).copied().unwrap_or(0)
    };
    Markers {
        protected: set,
        article_root: root,
        body: body_marker,
    }
}

/// The attributes the date pass reads, found in one scan of an element's attributes rather
/// than a lookup per name (`Element::attr` interns the name and binary-searches each time).
/// Like `Element::attr`, only attributes without a namespace count; html5ever gives one only to
/// `xlink:*`, `xml:*` and `xmlns` attributes of SVG and MathML elements, so `class` and `id`
/// here are also what `Element::has_class` and `Element::id` see.
#[derive(Default)]
struct ElemAttrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    itemtype: Option<&'a str>,
    r#type: Option<&'a str>,
    lang: Option<&'a str>,
    xml_lang: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    http_equiv: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    value: Option<&'a str>,
    title: Option<&'a str>,
    pubdate: Option<&'a str>,
    data_utime: Option<&'a str>,
    data_timestamp: Option<&'a str>,
    data_publish_time: Option<&'a str>,
    data_date: Option<&'a str>,
    data_datetime: Option<&'a str>,
    data_published: Option<&'a str>,
}

impl<'a> ElemAttrs<'a> {
    fn of(e: &'a scraper::node::Element) -> Self {
        let mut a = ElemAttrs::default();
        for (name, value) in e.attrs.iter() {
            if name.prefix.is_some() || !name.ns.is_empty() {
                continue;
            }
            let slot = match &*name.local {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "itemtype" => &mut a.itemtype,
                "type" => &mut a.r#type,
                "lang" => &mut a.lang,
                "xml:lang" => &mut a.xml_lang,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                "property" => &mut a.property,
                "name" => &mut a.name,
                "http-equiv" => &mut a.http_equiv,
                "content" => &mut a.content,
                "datetime" => &mut a.datetime,
                "value" => &mut a.value,
                "title" => &mut a.title,
                "pubdate" => &mut a.pubdate,
                "data-utime" => &mut a.data_utime,
                "data-timestamp" => &mut a.data_timestamp,
                "data-publish-time" => &mut a.data_publish_time,
                "data-date" => &mut a.data_date,
                "data-datetime" => &mut a.data_datetime,
                "data-published" => &mut a.data_published,
                _ => continue,
            };
            *slot = Some(value);
        }
        a
    }

    /// `has_class("hentry" | "h-entry")`, ASCII case-insensitive.
    fn hentry(&self) -> bool {
        self.class
            .unwrap_or("")
            .split_ascii_whitespace()
            .any(|c| c.eq_ignore_ascii_case("hentry") || c.eq_ignore_ascii_case("h-entry"))
    }
}

/// `s.to_ascii_lowercase().contains(needle)` for a lower-case ASCII `needle`, without the copy.
fn contains_ci(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn collect(doc: &Html, ctx: &Ctx) -> Collected {
    let mut c = Collected::default();
    let mut frames: Vec<Frame> = Vec::with_capacity(64);
    let mut elem_order = 0usize;
    let root = doc.tree.root();
    let mut node = root.first_child();
    let base = Frame {
        excluded: false,
        skip: false,
        in_article: false,
        date_elem: None,
        time_el: None,
        script_json: false,
        script_data: false,
        in_head: false,
        soft: false,
    };
    let mut open_date_elems: Vec<usize> = Vec::new();
    let mut open_times: Vec<usize> = Vec::new();
    let Markers {
        protected,
        article_root,
        body: body_marker,
    } = protected_elements(doc);
    // Class and id verdicts by (class, id, exempt, in_article): pages repeat their class names.
    let mut names_seen: HashMap<(&str, &str, bool, bool), ElemInfo> = HashMap::new();
    while let Some(n) = node {
        let top = *frames.last().unwrap_or(&base);
        let mut descend = false;
        match n.value() {
            Node::Element(e) => {
                elem_order += 1;
                let tag = e.name();
                let a = ElemAttrs::of(e);
                let mut f = top;
                f.date_elem = None;
                f.time_el = None;
                f.script_json = false;
                f.script_data = false;
                match tag {
                    "script" => {
                        f.skip = true;
                        let t = a.r#type.unwrap_or("");
                        if contains_ci(t, "ld+json") && !top.excluded && c.jsonld.len() < 100 {
                            f.script_json = true;
                            c.jsonld.push(String::new());
                        } else if (t.is_empty()
                            || contains_ci(t, "javascript")
                            || contains_ci(t, "json"))
                            && !top.excluded
                        {
                            f.script_data = true;
                        }
                    }
                    "style" | "noscript" | "template" | "svg" | "iframe" | "select" | "option"
                    | "textarea" | "button" => f.skip = true,
                    "html" => {
                        if let Some(l) = a.lang.or(a.xml_lang) {
                            c.lang = Some(l.to_ascii_lowercase());
                        }
                    }
                    "meta" => handle_meta(&a, &mut c, top, ctx),
                    "link" if a.rel.is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        if let Some(h) = a.href {
                            c.canonical
                                .get_or_insert_with(|| truncate(h, 2000).to_string());
                        }
                    }
                    "article" | "main" => f.in_article = true,
                    "head" => f.in_head = true,
                    "body" => f.in_head = false,
                    _ => {}
                }
                let key = elem_key(e);
                let role = a.role.unwrap_or("");
                if key == article_root
                    || a.hentry()
                    || role.eq_ignore_ascii_case("main")
                    || a.itemprop
                        .is_some_and(|r| r.eq_ignore_ascii_case("articleBody"))
                    || a.itemtype
                        .is_some_and(|t| t.contains("Article") || t.contains("BlogPosting"))
                {
                    f.in_article = true;
                }
                let class = truncate(a.class.unwrap_or(""), 400);
                let id = truncate(a.id.unwrap_or(""), 100);
                let exempt = matches!(tag, "html" | "body" | "main" | "article");
                let names = || {
                    class
                        .split_ascii_whitespace()
                        .chain(id.split_ascii_whitespace())
                };
                let mut info = if class.is_empty() && id.is_empty() {
                    analyse_names(names(), exempt, f.in_article)
                } else {
                    *names_seen
                        .entry((class, id, exempt, f.in_article))
                        .or_insert_with(|| analyse_names(names(), exempt, f.in_article))
                };
                let is_protected = protected.contains(&key);
                if is_protected {
                    info.excluded = false;
                } else if info.excluded
                    || tag == "nav"
                    || (!f.in_article
                        && (tag == "aside" || role.eq_ignore_ascii_case("complementary")))
                    || role.eq_ignore_ascii_case("navigation")
                {
                    f.excluded = true;
                }
                if !is_protected
                    && (info.soft
                        || (!f.in_article && matches!(tag, "footer" | "header"))
                        || role.eq_ignore_ascii_case("contentinfo"))
                {
                    f.soft = true;
                }
                let main_text = !f.excluded && !f.soft;
                if key == body_marker && c.body_pos.is_none() && main_text {
                    c.body_pos = Some(c.text.len());
                }
                if tag == "h1" && c.h1_pos.is_none() && main_text {
                    c.h1_pos = Some(c.text.len());
                }
                if tag == "h2" && c.h2_pos.is_none() && main_text {
                    c.h2_pos = Some(c.text.len());
                }
                // itemprop dates on body elements.
                if let Some(ip) = a.itemprop {
                    if tag != "meta"
                        && (contains_ci(ip, "datepublished") || contains_ci(ip, "datecreated"))
                        && main_text
                    {
                        let v = a.datetime.or(a.content);
                        if let Some(d) = v.and_then(|v| parse_value_ex(v, ctx, false)) {
                            c.itemprops.push((d, contains_ci(ip, "datepublished")));
                        }
                    }
                }
                // Epoch values in clearly labelled attributes.
                if main_text {
                    if let Some(v) = a.data_utime.or(a.data_timestamp).or(a.data_publish_time) {
                        if info.tier >= Tier::Medium || tag == "abbr" || tag == "time" {
                            if let Some(d) = parse_value_ex(v, ctx, true) {
                                c.utime.push(d);
                            }
                        }
                    }
                }
                if tag == "time" && c.times.len() < MAX_TIMES {
                    let dt = a.datetime.and_then(|v| parse_value_ex(v, ctx, false));
                    let pubflag = a.pubdate.is_some()
                        || info.tier == Tier::Strong
                        || a.itemprop.is_some_and(|p| contains_ci(p, "datepublished"));
                    if main_text {
                        c.times.push(TimeEl {
                            date: dt,
                            text: String::new(),
                            pubflag,
                            modified: info.modified,
                            order: elem_order,
                            text_pos: c.text.len(),
                        });
                        f.time_el = Some(c.times.len() - 1);
                    }
                } else if (info.tier > Tier::None || info.modified)
                    && main_text
                    && c.date_elems.len() < MAX_DATE_ELEMS
                {
                    let attr_date = [
                        a.datetime,
                        a.title,
                        a.content,
                        a.data_date,
                        a.data_datetime,
                        a.data_published,
                    ]
                    .into_iter()
                    .flatten()
                    .find_map(|v| parse_value(v, ctx, false));
                    c.date_elems.push(DateElem {
                        text: String::new(),
                        pos: c.text.len(),
                        tier: if info.tier == Tier::None {
                            Tier::Weak
                        } else {
                            info.tier
                        },
                        modified: info.modified,
                        attr_date,
                        order: elem_order,
                    });
                    f.date_elem = Some(c.date_elems.len() - 1);
                }
                if let Some(i) = f.date_elem {
                    open_date_elems.push(i);
                }
                if let Some(i) = f.time_el {
                    open_times.push(i);
                }
                frames.push(f);
                descend = true;
            }
            Node::Text(t) => {
                if top.script_data {
                    if c.script_date.is_none() && c.script_bytes < MAX_SCRIPT_BYTES {
                        c.script_bytes += t.len();
                        c.script_date = script_data_date(t, ctx);
                    }
                } else if top.script_json {
                    if c.jsonld_bytes < MAX_JSONLD_BYTES {
                        c.jsonld_bytes += t.len();
                        if let Some(last) = c.jsonld.last_mut() {
                            last.push_str(t);
                        }
                    }
                } else if !top.skip && !top.excluded && (top.soft || top.in_head) {
                    if c.outer_text.len() < MAX_TEXT_BYTES / 4 {
                        c.outer_text
                            .push_str(truncate(t, MAX_TEXT_BYTES / 4 - c.outer_text.len()));
                        c.outer_text.push(' ');
                    }
                } else if !top.skip && !top.excluded {
                    let s: &str = t;
                    if s.trim().is_empty() {
                        if !c.text.ends_with(' ') && c.text.len() < MAX_TEXT_BYTES {
                            c.text.push(' ');
                        }
                    } else {
                        // Only the innermost few: nested date blocks share their text.
                        for &i in open_date_elems.iter().rev().take(MAX_OPEN) {
                            let de = &mut c.date_elems[i];
                            if de.text.len() < MAX_ELEM_TEXT {
                                if !de.text.is_empty() {
                                    de.text.push(' ');
                                }
                                de.text.push_str(truncate(s.trim(), MAX_ELEM_TEXT));
                            }
                        }
                        for &i in open_times.iter().rev().take(MAX_OPEN) {
                            let te = &mut c.times[i];
                            if te.text.len() < MAX_ELEM_TEXT {
                                te.text.push(' ');
                                te.text.push_str(truncate(s.trim(), MAX_ELEM_TEXT));
                            }
                        }
                        if c.text.len() < MAX_TEXT_BYTES {
                            c.text.push_str(truncate(s, MAX_TEXT_BYTES - c.text.len()));
                            c.text.push(' ');
                        }
                    }
                }
            }
            _ => {}
        }
        // Advance (iterative pre-order walk with explicit close handling).
        let mut next = if descend { n.first_child() } else { None };
        if next.is_none() {
            let mut cur = n;
            loop {
                if cur.value().is_element() {
                    if let Some(f) = frames.pop() {
                        // Stack discipline: an element's entry is the last one pushed.
                        if f.date_elem.is_some() {
                            open_date_elems.pop();
                        }
                        if f.time_el.is_some() {
                            open_times.pop();
                        }
                    }
                }
                if let Some(s) = cur.next_sibling() {
                    next = Some(s);
                    break;
                }
                match cur.parent() {
                    Some(p) if p.id() != root.id() => cur = p,
                    _ => break,
                }
            }
        }
        node = next;
    }
    c
}

/// A publication time in a page's script data (`"publishedAt": "..."`, a data layer's
/// `"first-publication"`): the first such value in the document.
fn script_data_date(s: &str, ctx: &Ctx) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#""([A-Za-z_.:-]{0,30}(?:publi|Publi|PUBLI|created|Created|pubDate|pubdate|PubDate)[A-Za-z_.:-]{0,30})"\s*:\s*"([^"]{6,40})""#)
            .unwrap()
    });
    for c in re.captures_iter(s).take(50) {
        let key = c[1].to_ascii_lowercase();
        if key.contains("updat")
            || key.contains("modif")
            || key.contains("expir")
            || key.contains("publisher")
        {
            continue;
        }
        if let Some(d) = parse_value(&c[2], ctx, false) {
            return Some(d);
        }
    }
    None
}

fn handle_meta(a: &ElemAttrs, c: &mut Collected, top: Frame, ctx: &Ctx) {
    let key = a.property.or(a.name).or(a.itemprop).or(a.http_equiv);
    let Some(key) = key else { return };
    let key = truncate(key.trim(), 80).to_ascii_lowercase();
    let val = a.content.or(a.datetime).or(a.value).unwrap_or("");
    match key.as_str() {
        "og:url" => {
            c.og_url
                .get_or_insert_with(|| truncate(val, 2000).to_string());
            return;
        }
        "og:locale" | "content-language" | "language" | "dc.language" => {
            if c.lang.is_none() && !val.is_empty() {
                c.lang = Some(truncate(val, 20).to_ascii_lowercase().replace('_', "-"));
            }
            return;
        }
        _ => {}
    }
    if top.excluded || top.soft {
        return;
    }
    if !top.in_head && a.itemprop.is_some() {
        // Microdata in the body: the article's own, or a teaser's.
        if key.contains("datepublished") || key.contains("datecreated") {
            if let Some(d) = parse_value_ex(val, ctx, false) {
                c.itemprops.push((d, key.contains("datepublished")));
            }
        }
        return;
    }
    if c.metas.len() < 500 && !val.is_empty() {
        c.metas.push((key, truncate(val, MAX_ATTR_LEN).to_string()));
    }
}

/// Whether ambiguous numeric dates (`02/11/2023`) read month first: decided by the page's
/// unambiguous numeric dates (`25/11/2023`, `11/25/2023`), else by the country of the
/// site's domain, else by the language (US English reads month first).
fn month_first(text: &str, lang: Option<&str>, url: Option<&str>) -> bool {
    let (mut dmy, mut mdy) = (0usize, 0usize);
    for c in res().num_slash.captures_iter(text).take(500) {
        let m = c.get(0).expect("match");
        if &c[2] != "/"
            || &c[4] != "/"
            || digit_before(text, m.start())
            || digit_after(text, m.end())
        {
            continue;
        }
        let (Ok(a), Ok(b)) = (c[1].parse::<u32>(), c[3].parse::<u32>()) else {
            continue;
        };
        if a > 12 && b <= 12 {
            dmy += 1;
        } else if b > 12 && a <= 12 && b <= 31 {
            mdy += 1;
        }
    }
    if dmy != mdy {
        return mdy > dmy;
    }
    if let Some(host) = url
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.split(['/', '?', '#', ':']).next().unwrap_or(""))
    {
        let tld = host.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        if tld.len() == 2
            && tld != "us"
            && tld != "io"
            && tld != "co"
            && tld != "tv"
            && tld != "fm"
            && tld != "me"
            && tld != "ai"
        {
            return false;
        }
    }
    is_mdy_lang(lang)
}

fn is_mdy_lang(lang: Option<&str>) -> bool {
    match lang {
        Some(l) => {
            let l = l.trim().to_ascii_lowercase();
            (l == "en" || l.starts_with("en-us") || l.starts_with("en_us") || l == "en-")
                || (l.starts_with("en")
                    && ![
                        "en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-uk", "en_gb",
                        "en_au",
                    ]
                    .iter()
                    .any(|p| l.starts_with(p)))
        }
        None => false,
    }
}

// ---------------------------------------------------------------------------------------
// Evidence gathering.

/// All date evidence found in a page (diagnostics; [`published_date`] decides with it).
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    pub candidates: Vec<Candidate>,
    /// Byte position of the main heading (the first `h1`, else `h2`) in the page's collected text.
    pub h1_pos: Option<usize>,
    /// Year and month given by the URL (`/2016/12/`), if any.
    pub url_month: Option<(i32, u32)>,
}

/// Collects all date evidence of a page.
pub fn date_evidence(doc: &Html, url: Option<&str>, today: NaiveDate) -> Evidence {
    let min = NaiveDate::from_ymd_opt(1995, 1, 1).expect("valid date");
    let mut ctx = Ctx {
        min,
        max: today,
        mdy: false,
    };
    let mut ev = Evidence::default();
    if today < min {
        return ev;
    }
    let c = collect(doc, &ctx);
    let page_url = url.or(c.canonical.as_deref()).or(c.og_url.as_deref());
    ctx.mdy = month_first(&c.text, c.lang.as_deref(), page_url);
    ev.h1_pos = c.h1_pos.or(c.h2_pos).or(c.body_pos);
    let out = &mut ev.candidates;
    let mut push = |(date, shift): (NaiveDate, u8),
                    source: &'static str,
                    rank: u8,
                    order: usize,
                    pos: usize| {
        out.push(Candidate {
            date,
            source,
            rank,
            order,
            shift,
            pos,
        });
    };

    // JSON-LD.
    let j = jsonld(&c.jsonld, &ctx, page_url);
    let best_json = j
        .published
        .iter()
        .enumerate()
        .min_by_key(|(i, (article, matches, _, created))| (!matches, !article, *created, *i));
    if let Some((i, &(article, matches, d, created))) = best_json {
        let rank = if article || matches {
            RANK_JSONLD
        } else {
            RANK_JSONLD_OTHER
        };
        push(
            d,
            if created {
                "json-ld:dateCreated"
            } else {
                "json-ld"
            },
            rank,
            i,
            NOPOS,
        );
    }
    for (i, d) in j.modified.iter().enumerate() {
        push((*d, 0), "json-ld:dateModified", RANK_MODIFIED, i, NOPOS);
    }

    // Meta tags.
    for (i, (k, v)) in c.metas.iter().enumerate() {
        let Some((class, canon)) = meta_class(k) else {
            continue;
        };
        let epoch = class != MetaClass::Modified;
        let Some(d) = parse_value_ex(v, &ctx, epoch) else {
            continue;
        };
        match class {
            // Order strong keys by their list position so that article:published_time
            // beats e.g. DC.date.created regardless of document order.
            MetaClass::Strong => push(
                d,
                meta_source(canon),
                RANK_META_STRONG,
                strong_position(canon) * 1000 + i,
                NOPOS,
            ),
            MetaClass::Weak => push(d, meta_source(canon), RANK_META_WEAK, i, NOPOS),
            MetaClass::Modified => push(d, meta_source(canon), RANK_MODIFIED, 100 + i, NOPOS),
        }
    }
    for (i, (d, published)) in c.itemprops.iter().enumerate() {
        push(
            *d,
            "itemprop",
            RANK_ITEMPROP,
            i + if *published { 0 } else { 1000 },
            NOPOS,
        );
    }
    for (i, d) in c.utime.iter().enumerate() {
        push(*d, "epoch-attribute", RANK_TIME_PUB, 5000 + i, NOPOS);
    }

    // <time> elements.
    for t in &c.times {
        // What the reader sees first, then the machine-readable attribute.
        let d = first_date(&t.text, &ctx).map(|d| (d, 0)).or(t.date);
        let Some(d) = d else { continue };
        if t.modified {
            push(
                d,
                "time-element:modified",
                RANK_MODIFIED,
                200 + t.order,
                t.text_pos,
            );
        } else if t.pubflag {
            push(d, "time-element", RANK_TIME_PUB, t.order, t.text_pos);
        } else {
            push(d, "time-element", RANK_TIME, t.order, t.text_pos);
        }
    }

    // URL.
    let urls = [url, c.canonical.as_deref(), c.og_url.as_deref()];
    if let Some(d) = urls.iter().flatten().find_map(|u| url_date(u, &ctx)) {
        push((d, 0), "url", RANK_URL, 0, NOPOS);
    }
    ev.url_month = urls.iter().flatten().find_map(|u| url_month(u, &ctx));

    // Date-bearing elements.
    for e in &c.date_elems {
        let d = e.attr_date.or_else(|| first_date(&e.text, &ctx));
        let Some(d) = d else { continue };
        if e.modified {
            push(
                (d, 0),
                "date-element:modified",
                RANK_MODIFIED,
                300 + e.order,
                e.pos,
            );
            continue;
        }
        let (rank, src) = match e.tier {
            Tier::Strong => (RANK_ELEM_STRONG, "date-element"),
            Tier::Medium => (RANK_ELEM, "date-element"),
            _ => (RANK_ELEM_WEAK, "date-element:weak"),
        };
        push((d, 0), src, rank, e.order, e.pos);
    }

    // Free text.
    let mut found = Vec::new();
    find_dates(&c.text, &ctx, &mut found);
    if let Some(h) = ev.h1_pos {
        if let Some(&(p, d)) = found
            .iter()
            .find(|(p, _)| p.saturating_add(BYLINE_BEFORE) >= h && *p < h + BYLINE_WINDOW)
        {
            push((d, 0), "text", RANK_TEXT_TOP, 0, p);
        }
    }
    let mut labelled = Vec::new();
    labelled_dates(&c.text, &ctx, &mut labelled);
    for (i, &(p, d, modified)) in labelled.iter().enumerate() {
        if modified {
            push((d, 0), "text:modified", RANK_MODIFIED, 400 + i, p);
        } else {
            push((d, 0), "text:labelled", RANK_LABELLED, i, p);
        }
    }
    labelled.clear();
    labelled_dates(&c.outer_text, &ctx, &mut labelled);
    for (i, &(_, d, modified)) in labelled.iter().enumerate() {
        let rank = if modified {
            RANK_MODIFIED
        } else {
            RANK_OUTER_LABELLED
        };
        push((d, 0), "text:header-footer", rank, 500 + i, NOPOS);
    }
    if let Some(d) = c.script_date {
        push((d, 0), "script-data", RANK_SCRIPT, 0, NOPOS);
    }
    let mut outer = Vec::new();
    find_dates(&c.outer_text, &ctx, &mut outer);
    if let Some(&(_, d)) = outer.first() {
        push((d, 0), "text:header-footer", RANK_OUTER_TEXT, 0, NOPOS);
    }
    let mut counts: HashMap<NaiveDate, (usize, usize)> = HashMap::new();
    for (i, (_, d)) in found.iter().enumerate() {
        let e = counts.entry(*d).or_insert((0, i));
        e.0 += 1;
    }
    if let Some((d, _)) = counts
        .iter()
        .max_by_key(|(d, (n, first))| (*n, std::cmp::Reverse(*first), std::cmp::Reverse(**d)))
    {
        push((*d, 0), "text", RANK_TEXT, 0, NOPOS);
    }
    ev
}

fn strong_position(canon: &str) -> usize {
    match canon {
        "article:published_time" => 0,
        "og:article:published_time" | "og:published_time" => 1,
        "datepublished" => 2,
        "dc.date.issued" | "dcterms.issued" => 3,
        "sailthru.date" | "parsely-pub-date" => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    fn run(html: &str, url: Option<&str>) -> Option<PubDate> {
        published_date(&Html::parse_document(html), url, today())
    }

    fn date_of(html: &str, url: Option<&str>) -> Option<String> {
        run(html, url).map(|p| p.date.to_string())
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A page with a title, an article body and optional extra blocks.
    fn page(head: &str, byline: &str, extra: &str) -> String {
        format!(
            "<html lang=\"de\"><head><title>T</title>{head}</head><body>\
             <header class=\"site-header\"><a href=\"/\">Site</a></header>\
             <main><article><h1>Headline of the story</h1>{byline}\
             <div class=\"entry-content\"><p>First paragraph of the text.</p><p>Second paragraph.</p>\
             <p>Third paragraph.</p></div></article>{extra}</main>\
             <footer class=\"site-footer\">Impressum</footer></body></html>"
        )
    }

    #[test]
    fn junk_never_panics() {
        assert_eq!(run("", None), None);
        assert_eq!(run("<html><body></body></html>", None), None);
        assert_eq!(run("\u{0}\u{feff}<<<>>>&&&;;", Some("::::")), None);
        let garbage_attrs = r#"<html lang="\u{10ffff}ä"><head>
            <meta property="article:published_time" content="9999-99-99T99:99">
            <meta name="date" content="ÄÖÜ 31.02.2019 äöü">
            <meta name="pubdate" content="99999999999999999999">
            <script type="application/ld+json">{"datePublished": [1, {"@value": null}], "@graph": [[[[]]]]}</script>
            <script type="application/ld+json">{{{{ not json "datePublished": "x"</script>
            </head><body><time datetime="-0001-01-01">?</time><abbr class="published" title="99/99/9999"></abbr>
            <span data-utime="-5">x</span><div class="date">32.13.2020 0.0.0000 2020-00-00 ¹²³.⁴⁵.⁶⁷⁸⁹</div></body></html>"#;
        assert_eq!(run(garbage_attrs, Some("http://x/9999/99/99/")), None);
        // Non-ASCII digits and odd separators must not reach the integer parsers.
        assert_eq!(
            run(
                "<p class=date>٢٠٢٠-٠١-٠١ 2020\u{2010}01\u{2010}01</p>",
                None
            ),
            None
        );
        // A URL with multi-byte characters around the date.
        assert_eq!(
            date_of("<p>x</p>", Some("https://ä.example/ö/2019/03/04/ü")),
            Some("2019-03-04".into())
        );
    }

    #[test]
    fn deep_and_large_documents() {
        let deep = format!(
            "{}<time datetime=\"2020-05-06\">x</time>{}",
            "<div>".repeat(5_000),
            "</div>".repeat(5_000)
        );
        assert_eq!(date_of(&deep, None), Some("2020-05-06".into()));
        let mut big =
            String::from("<html><body><h1>Title</h1><p class=\"date\">Published 3 March 2021</p>");
        for i in 0..10_000 {
            big.push_str(&format!(
                "<p class=\"x{i}\">Paragraph {i} about 12.10.2011 and 1.2.3</p>"
            ));
        }
        big.push_str("</body></html>");
        let t = std::time::Instant::now();
        assert_eq!(date_of(&big, None), Some("2021-03-03".into()));
        assert!(t.elapsed().as_secs() < 20);
    }

    #[test]
    fn json_ld_beats_related_articles() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"x","datePublished":"2021-04-16T08:00:00+02:00","dateModified":"2021-04-20T10:00:00+02:00"}</script>"#;
        let related = r#"<section class="related-articles"><h2>Mehr zum Thema</h2>
            <div class="teaser"><span class="date">03.02.2021</span></div>
            <div class="teaser"><span class="date">03.02.2021</span></div>
            <div class="teaser"><time datetime="2021-01-11">11.01.2021</time></div></section>"#;
        let p = run(&page(ld, "", related), None).unwrap();
        assert_eq!(p.date, d("2021-04-16"));
        assert_eq!(p.source, "json-ld");
    }

    #[test]
    fn json_ld_graph_and_broken_json() {
        let graph = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","url":"https://x.org/"},
            {"@type":["BlogPosting"],"datePublished":"2019-07-02","comment":[{"@type":"Comment","dateCreated":"2019-08-01"}]}]}</script>"#;
        assert_eq!(
            date_of(&page(graph, "", ""), None),
            Some("2019-07-02".into())
        );
        let broken = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\n\"datePublished\":\"2018-03-04T10:00:00\",}\n</script>";
        assert_eq!(
            date_of(&page(broken, "", ""), None),
            Some("2018-03-04".into())
        );
        let garbled = r#"<script type="application/ld+json">{"@type": "Article" "datePublished": "2017-01-05"</script>"#;
        assert_eq!(
            date_of(&page(garbled, "", ""), None),
            Some("2017-01-05".into())
        );
    }

    #[test]
    fn modified_date_does_not_win() {
        let head = r#"<meta property="article:modified_time" content="2020-06-30T12:00:00+02:00">
            <meta property="og:updated_time" content="2020-06-30T12:00:00+02:00">
            <meta property="article:published_time" content="2019-11-05T09:00:00+01:00">"#;
        let p = run(&page(head, "", ""), None).unwrap();
        assert_eq!(
            (p.date, p.source),
            (d("2019-11-05"), "meta:article:published_time")
        );
        let ld = r#"<script type="application/ld+json">{"@type":"Article","dateModified":"2020-06-30","datePublished":"2019-11-05"}</script>"#;
        assert_eq!(date_of(&page(ld, "", ""), None), Some("2019-11-05".into()));
        // Only a modification date: used as the last resort.
        let only = r#"<meta property="article:modified_time" content="2020-06-30T12:00:00+02:00">"#;
        assert_eq!(
            date_of(&page(only, "", ""), None),
            Some("2020-06-30".into())
        );
        // An "updated" element next to the published one.
        let byline = r#"<p class="meta"><span class="updated">Aktualisiert: 02.03.2021</span>
            <span class="published">Veröffentlicht: 01.02.2021</span></p>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2021-02-01".into())
        );
    }

    #[test]
    fn meta_tags_in_priority_order() {
        let head = r#"<meta name="date" content="2015-01-01"><meta name="DC.date.issued" content="2016-02-02">
            <meta property="og:published_time" content="2017-03-03"><meta property="article:published_time" content="2018-04-04T10:00:00">"#;
        let p = run(&page(head, "", ""), None).unwrap();
        assert_eq!(
            (p.date, p.source),
            (d("2018-04-04"), "meta:article:published_time")
        );
        let head = r#"<meta name="sailthru.date" content="2016-05-06 10:00:00">"#;
        assert_eq!(
            run(&page(head, "", ""), None).unwrap().source,
            "meta:sailthru.date"
        );
        let head = r#"<meta name="parsely-pub-date" content="2016-05-07T10:00:00Z">"#;
        assert_eq!(
            date_of(&page(head, "", ""), None),
            Some("2016-05-07".into())
        );
        let head = r#"<meta itemprop="datePublished" content="2016-05-08">"#;
        assert_eq!(
            run(&page(head, "", ""), None).unwrap().source,
            "meta:datePublished"
        );
    }

    #[test]
    fn german_date_line() {
        let byline = r#"<div class="entry-meta">Veröffentlicht am 23. Dezember 2016 von Max</div>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2016-12-23".into())
        );
        let byline = r#"<p>Von Anna Beispiel | 23.12.2016, 10:45 Uhr</p>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2016-12-23".into())
        );
        let byline = r#"<p class="info">Erschienen am: 3. Mär. 2017</p>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2017-03-03".into())
        );
    }

    #[test]
    fn url_only_date() {
        for (url, want) in [
            ("https://example.com/2016/12/23/some-story/", "2016-12-23"),
            (
                "https://example.com/news/2016-12-23-some-story",
                "2016-12-23",
            ),
            ("https://example.com/news/20161223/some-story", "2016-12-23"),
            ("https://example.org/meldungen/23-12-2016", "2016-12-23"),
        ] {
            let p = run(&page("", "", ""), Some(url)).unwrap();
            assert_eq!(
                (p.date.to_string().as_str(), p.source),
                (want, "url"),
                "{url}"
            );
        }
        // Host names and IDs are not dates.
        assert_eq!(
            date_of(
                &page("", "", ""),
                Some("https://news20161223.example/item/12345678")
            ),
            None
        );
        // The page's own canonical link is used when no URL is given.
        let head = r#"<link rel="canonical" href="https://example.com/2015/06/07/x.html">"#;
        assert_eq!(
            date_of(&page(head, "", ""), None),
            Some("2015-06-07".into())
        );
    }

    #[test]
    fn url_month_picks_the_matching_date() {
        let byline =
            r#"<div class="post-date">14.08.2017</div><div class="date-header">09.09.2017</div>"#;
        let url = "https://x.blogspot.com/2017/09/review.html";
        assert_eq!(
            date_of(&page("", byline, ""), Some(url)),
            Some("2017-09-09".into())
        );
    }

    #[test]
    fn time_elements() {
        let byline = r#"<time datetime="2014-07-19T10:00:00+02:00" pubdate>19. Juli</time>"#;
        let p = run(&page("", byline, ""), None).unwrap();
        assert_eq!((p.date, p.source), (d("2014-07-19"), "time-element"));
        let byline = r#"<time class="entry-date published" datetime="2014-07-20">20.07.2014</time>
            <time class="updated" datetime="2015-01-01">01.01.2015</time>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2014-07-20".into())
        );
        // hAtom microformat.
        let byline = r#"<abbr class="published" title="2016-12-23T05:11:00-05:00">Friday</abbr>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2016-12-23".into())
        );
        // Generic <time> under the headline.
        let byline = r#"<p><time datetime="2012-12-16">16.12.2012</time></p>"#;
        assert_eq!(
            date_of(&page("", byline, ""), None),
            Some("2012-12-16".into())
        );
    }

    #[test]
    fn itemprop_in_body() {
        let byline =
            r#"<span itemprop="datePublished" content="2013-05-03T11:51:00">03.05.2013</span>"#;
        let p = run(&page("", byline, ""), None).unwrap();
        assert_eq!((p.date, p.source), (d("2013-05-03"), "itemprop"));
    }

    #[test]
    fn timezone_keeps_the_written_day() {
        let head =
            r#"<meta property="article:published_time" content="2016-12-23T23:30:00-05:00">"#;
        assert_eq!(
            date_of(&page(head, "", ""), None),
            Some("2016-12-23".into())
        );
        let head =
            r#"<meta property="article:published_time" content="2016-12-23T00:30:00+09:00">"#;
        assert_eq!(
            date_of(&page(head, "", ""), None),
            Some("2016-12-23".into())
        );
    }

    #[test]
    fn utc_stamp_yields_to_the_local_day_shown() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T03:28:35Z"}</script>"#;
        let byline =
            r#"<div class="byline">By A. Writer<br>Published November 8, 2023 10:28 p.m.</div>"#;
        assert_eq!(
            date_of(&page(ld, byline, ""), None),
            Some("2023-11-08".into())
        );
        // The URL can say the same.
        let url = "https://news.example.com/2023/11/08/story/";
        assert_eq!(
            date_of(&page(ld, "", ""), Some(url)),
            Some("2023-11-08".into())
        );
        // Without such evidence the stamp's own day stays.
        assert_eq!(date_of(&page(ld, "", ""), None), Some("2023-11-09".into()));
    }

    #[test]
    fn comments_sidebar_footer_are_ignored() {
        let extra = r#"<div id="comments" class="comments-area"><ol class="comment-list">
            <li class="comment"><div class="comment-meta">12. Januar 2020 um 10:00</div><p>Toll!</p></li>
            <li class="comment"><div class="comment-meta">12. Januar 2020 um 11:00</div><p>Ja.</p></li></ol></div>
            <aside class="widget widget_recent_entries"><ul><li>Post <span class="post-date">11. Januar 2020</span></li></ul></aside>"#;
        let html = page("", r#"<div class="post-meta">5. Januar 2020</div>"#, extra)
            .replace("Impressum", "© 2010–2024 Beispiel GmbH, Stand 01.01.2024");
        assert_eq!(date_of(&html, None), Some("2020-01-05".into()));
        // With nothing else, a footer's "Stand" date is the last resort.
        let footer_only = "<html><body><h1>Amt</h1><p>Text ohne Datum.</p>\
            <footer><p>[Stand: 09.10.2017, 01:40 Uhr]</p></footer></body></html>";
        assert_eq!(date_of(footer_only, None), Some("2017-10-09".into()));
    }

    #[test]
    fn layout_wrappers_named_sidebar_or_widget_are_not_boilerplate() {
        let html = r#"<html><body><div class="layoutTwoColumnsRightSidebar"><div class="widget Blog">
            <div class="post hentry"><h3 class="post-title">Title</h3><div class="post-body entry-content">
            <p>a</p><p>b</p><p>c</p></div><div class="post-footer"><span class="post-timestamp">
            <abbr class="published" title="2018-06-05T08:00:00-07:00">8:00</abbr></span></div></div></div></div>
            <div class="sidebar"><div class="widget"><span class="date">01.01.2019</span></div></div></body></html>"#;
        assert_eq!(date_of(html, None), Some("2018-06-05".into()));
    }

    #[test]
    fn english_and_other_languages() {
        let cases = [
            ("en", "Posted on December 23, 2016 by admin", "2016-12-23"),
            ("en", "23 Dec 2016", "2016-12-23"),
            ("en", "Dec. 3rd, 2016", "2016-12-03"),
            ("fr", "Publié le 1er janvier 2019", "2019-01-01"),
            (
                "fr",
                "mis à jour le 3 février 2019, publié le 2 février 2019",
                "2019-02-02",
            ),
            ("es", "Publicado el 5 de mayo de 2018", "2018-05-05"),
            ("it", "Pubblicato il 7 settembre 2017", "2017-09-07"),
            ("nl", "Geplaatst op 9 maart 2015", "2015-03-09"),
            ("ru", "Опубликовано 12 декабря 2019", "2019-12-12"),
            ("pl", "Opublikowano 4 lipca 2021", "2021-07-04"),
            ("ja", "2020年2月14日 公開", "2020-02-14"),
            ("de", "Stand: 2011-03-30", "2011-03-30"),
        ];
        for (lang, line, want) in cases {
            let html = format!(
                "<html lang=\"{lang}\"><body><h1>Title</h1><p>{line}</p><p>body</p></body></html>"
            );
            assert_eq!(date_of(&html, None).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn numeric_order_and_two_digit_years() {
        let html = |lang: &str, line: &str| {
            format!(
                "<html lang=\"{lang}\"><body><h1>T</h1><p class=\"date\">{line}</p></body></html>"
            )
        };
        assert_eq!(
            date_of(&html("en-US", "02/11/2023"), None),
            Some("2023-02-11".into())
        );
        assert_eq!(
            date_of(&html("en-GB", "02/11/2023"), None),
            Some("2023-11-02".into())
        );
        assert_eq!(
            date_of(
                &html("en", "02/11/2023"),
                Some("https://www.example.co.uk/a")
            ),
            Some("2023-11-02".into())
        );
        // Unambiguous dates elsewhere on the page settle the page's habit.
        let mixed = "<html lang=\"en\"><body><h1>T</h1><p class=\"date\">02/11/2023</p><p>Earlier: 25/10/2023</p></body></html>";
        assert_eq!(date_of(mixed, None), Some("2023-11-02".into()));
        assert_eq!(
            date_of(&html("en-US", "13/01/2020"), None),
            Some("2020-01-13".into())
        );
        assert_eq!(
            date_of(&html("de", "23.12.16"), None),
            Some("2016-12-23".into())
        );
        assert_eq!(
            date_of(&html("de", "23.12.95"), None),
            Some("1995-12-23".into())
        );
        // Version numbers are not dates.
        assert_eq!(
            date_of(&html("de", "Version 1.2.10 und 2019.1.3"), None),
            None
        );
    }

    #[test]
    fn bounds() {
        let html = |line: &str| {
            format!("<html><body><h1>T</h1><p class=\"date\">{line}</p></body></html>")
        };
        // After "today" or before 1995: rejected.
        assert_eq!(date_of(&html("2024-06-02"), None), None);
        assert_eq!(date_of(&html("1994-12-31"), None), None);
        assert_eq!(
            date_of(&html("2024-06-01"), None),
            Some("2024-06-01".into())
        );
        // A future-dated event does not hide the real date.
        let two = "<html><body><h1>T</h1><p class=\"date\">Termin: 2030-01-01</p><p class=\"date\">2020-01-02</p></body></html>";
        assert_eq!(date_of(two, None), Some("2020-01-02".into()));
    }

    #[test]
    fn epoch_only_when_labelled() {
        let labelled = r#"<html><body><h1>T</h1><abbr class="timestamp" data-utime="1507291200">Friday</abbr></body></html>"#;
        assert_eq!(date_of(labelled, None), Some("2017-10-06".into()));
        let unlabelled = r#"<html><body><h1>T</h1><div data-id="1507291200">x</div><p>1507291200</p></body></html>"#;
        assert_eq!(date_of(unlabelled, None), None);
        let meta_ms = r#"<html><head><meta name="publish-date" content="1507291200000"></head><body></body></html>"#;
        assert_eq!(date_of(meta_ms, None), Some("2017-10-06".into()));
    }

    #[test]
    fn generic_meta_date_yields_to_the_byline() {
        let head = r#"<meta name="date" content="2020-04-30">"#;
        let byline = r#"<p class="article-date">29.04.2020</p>"#;
        assert_eq!(
            date_of(&page(head, byline, ""), None),
            Some("2020-04-29".into())
        );
        // But not to a date far down in the text.
        assert_eq!(
            date_of(&page(head, "", ""), None),
            Some("2020-04-30".into())
        );
    }

    #[test]
    fn byline_update_confirmed_by_metadata() {
        let ld = r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script>"#;
        let byline =
            r#"<div class="timestamp published-date">Updated Mar 12, 2020 @ 10:42 am</div>"#;
        assert_eq!(
            date_of(&page(ld, byline, ""), None),
            Some("2020-03-12".into())
        );
    }

    #[test]
    fn script_data_as_last_resort() {
        let html = r#"<html><body><h1>T</h1><p>No visible date.</p>
            <script id="__NEXT_DATA__" type="application/json">{"props":{"article":{"publisher":"2001-01-01","createdAt":"2022-01-31T15:58:43+01:00"}}}</script></body></html>"#;
        let p = run(html, None).unwrap();
        assert_eq!((p.date, p.source), (d("2022-01-31"), "script-data"));
    }

    #[test]
    fn text_fallback_prefers_the_date_under_the_heading() {
        let html = "<html lang=\"en\"><body><h1>Story</h1><p>Written on March 5, 2015 by Bob.</p>\
            <p>Back on 1 May 2010 and 1 May 2010 and 1 May 2010 things happened.</p></body></html>";
        let p = run(html, None).unwrap();
        assert_eq!((p.date, p.source), (d("2015-03-05"), "text"));
        // Without a heading, the most frequent date.
        let html =
            "<html><body><p>On 1 May 2010, on 1 May 2010, and on 2 June 2011.</p></body></html>";
        assert_eq!(date_of(html, None), Some("2010-05-01".into()));
    }

    #[test]
    fn parse_value_formats() {
        let ctx = Ctx {
            min: d("1995-01-01"),
            max: today(),
            mdy: false,
        };
        assert_eq!(
            parse_value_ex("2016-12-23T23:30:00-05:00", &ctx, false),
            Some((d("2016-12-23"), 0))
        );
        assert_eq!(
            parse_value_ex("2016-12-23T03:00:00Z", &ctx, false),
            Some((d("2016-12-23"), SHIFT_PREV))
        );
        assert_eq!(
            parse_value_ex("2016-12-23T20:00:00.000+00:00", &ctx, false),
            Some((d("2016-12-23"), SHIFT_NEXT))
        );
        assert_eq!(
            parse_value_ex("20161223", &ctx, false),
            Some((d("2016-12-23"), 0))
        );
        assert_eq!(
            parse_value_ex("Fri, 23 Dec 2016 04:00:00 GMT", &ctx, false),
            Some((d("2016-12-23"), SHIFT_PREV))
        );
        assert_eq!(parse_value_ex("1482465600", &ctx, false), None);
        assert_eq!(
            parse_value_ex("1482465600", &ctx, true).map(|x| x.0),
            Some(d("2016-12-23"))
        );
        assert_eq!(parse_value_ex("2016-13-01", &ctx, false), None);
    }

    #[test]
    fn dates_in_news_lines() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let first = |s: &str| dates_in_text(s, today).first().map(|(_, d)| d.to_string());
        assert_eq!(first("April 16, 2021").as_deref(), Some("2021-04-16"));
        assert_eq!(
            first("Published Dec. 28, 2020 10:41 AM").as_deref(),
            Some("2020-12-28")
        );
        assert_eq!(
            first("date 2023-04-18 Politics").as_deref(),
            Some("2023-04-18")
        );
        assert_eq!(first("Updated 5 June 2019").as_deref(), Some("2019-06-05"));
        assert_eq!(first("am 23. Dezember 2016").as_deref(), Some("2016-12-23"));
        assert_eq!(
            first("Saturday, February 26, 2022").as_deref(),
            Some("2022-02-26")
        );
        assert_eq!(first("February 30, 2021"), None);
        assert_eq!(first("in May the two leaders met"), None);
        assert_eq!(first("March 3, 2031"), None, "after today");
    }
}
