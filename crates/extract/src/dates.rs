//! Dates as pages print them in visible text ("April 16, 2021", "16 April 2021", "2023-04-18",
//! "Dec. 28, 2020"). Used for date lines of text dumps and bylines of HTML pages.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Month number of an English or German month name or abbreviation (`"Sept"`, `"März"`).
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let m = match n.as_str() {
        "january" | "jan" | "januar" | "jänner" => 1,
        "february" | "feb" | "februar" => 2,
        "march" | "mar" | "märz" | "maerz" | "mär" => 3,
        "april" | "apr" => 4,
        "may" | "mai" => 5,
        "june" | "jun" | "juni" => 6,
        "july" | "jul" | "juli" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" | "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "december" | "dec" | "dezember" | "dez" => 12,
        _ => return None,
    };
    Some(m)
}

const MONTHS: &str = r"(?i:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b").unwrap());
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap()
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({MONTHS})\.?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b").unwrap());

/// The first complete calendar date written in `s`, with its byte range.
pub fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d {
            if best.as_ref().is_none_or(|(_, b)| r.start < b.start) {
                best = Some((d, r));
            }
        }
    };
    if let Some(c) = ISO.captures(s) {
        let d = ymd(&c[1], &c[2], &c[3]);
        consider(d, c.get(0).map(|m| m.range()).unwrap_or_default());
    }
    if let Some(c) = MDY.captures(s) {
        let d = month_number(&c[1])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(d, c.get(0).map(|m| m.range()).unwrap_or_default());
    }
    if let Some(c) = DMY.captures(s) {
        let d = month_number(&c[2])
            .and_then(|m| NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(d, c.get(0).map(|m| m.range()).unwrap_or_default());
    }
    if let Some(c) = NUMERIC_DMY.captures(s) {
        let d = ymd(&c[3], &c[2], &c[1]);
        consider(d, c.get(0).map(|m| m.range()).unwrap_or_default());
    }
    best
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date(s).map(|(d, _)| d.to_string())
    }

    #[test]
    fn news_date_forms() {
        assert_eq!(d("April 16, 2021").as_deref(), Some("2021-04-16"));
        assert_eq!(
            d("Published Dec. 28, 2020 10:41 AM").as_deref(),
            Some("2020-12-28")
        );
        assert_eq!(d("date 2023-04-18 Politics").as_deref(), Some("2023-04-18"));
        assert_eq!(d("Updated 5 June 2019").as_deref(), Some("2019-06-05"));
        assert_eq!(d("Sept. 20th, 2018").as_deref(), Some("2018-09-20"));
        assert_eq!(d("am 23. Dezember 2016").as_deref(), Some("2016-12-23"));
        assert_eq!(d("23.12.2016, 14:05").as_deref(), Some("2016-12-23"));
    }

    #[test]
    fn impossible_or_partial_dates_are_not_dates() {
        assert_eq!(d("February 30, 2021"), None);
        assert_eq!(d("in May the two leaders met"), None);
        assert_eq!(d("Chapter 12 of 2021"), None);
    }
}
