use super::*;
use crate::sentences::split_sentences;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn spans(text: &str) -> Vec<Span> {
    split_sentences(text)
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect()
}

/// (text, type, value) of every timex.
fn tx(text: &str, dct: Option<NaiveDate>) -> Vec<(String, String, String)> {
    timexes(text, &spans(text), dct)
        .into_iter()
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.kind, t.value))
        .collect()
}

/// The value of the timex whose text is `what`.
fn value_of(text: &str, dct: Option<NaiveDate>, what: &str) -> String {
    let all = tx(text, dct);
    all.iter()
        .find(|(t, _, _)| t == what)
        .map(|(_, _, v)| v.clone())
        .unwrap_or_else(|| panic!("no timex {what:?} in {all:?}"))
}

#[test]
fn absolute_dates_in_news_forms() {
    let d = date(2021, 3, 1);
    let text = "Xi Jinping and Joe Biden spoke on December 28, 2020. The treaty of 28 December 2020 \
                was filed on 12/28/2020 and published on 2020-12-28. Russia said in 1998 that talks \
                would resume by mid-2022.";
    assert_eq!(
        tx(text, d),
        [
            (
                "December 28, 2020".into(),
                "DATE".into(),
                "2020-12-28".into()
            ),
            (
                "28 December 2020".into(),
                "DATE".into(),
                "2020-12-28".into()
            ),
            ("12/28/2020".into(), "DATE".into(), "2020-12-28".into()),
            ("2020-12-28".into(), "DATE".into(), "2020-12-28".into()),
            ("1998".into(), "DATE".into(), "1998".into()),
            ("mid-2022".into(), "DATE".into(), "2022".into()),
        ]
    );
}

#[test]
fn decades_centuries_quarters_and_fiscal_years() {
    let d = date(2023, 10, 30);
    let text = "Ukraine's economy shrank in the 1990s, the worst slump of the 20th century. \
                Exports rose in the first quarter and in fiscal 2022.";
    assert_eq!(value_of(text, d, "the 1990s"), "199");
    assert_eq!(value_of(text, d, "the 20th century"), "19");
    assert_eq!(value_of(text, d, "the first quarter"), "2023-Q1");
    assert_eq!(value_of(text, d, "fiscal 2022"), "2022");
}

#[test]
fn two_days_of_one_month() {
    let text = "The Shanghai Cooperation Organisation summit is on May 16 and 17, 2024.";
    let d = date(2024, 4, 2);
    let got = tx("Talks are set for May 16 and 17.", d);
    assert_eq!(
        got,
        [
            ("May 16".into(), "DATE".into(), "2024-05-16".into()),
            ("17".into(), "DATE".into(), "2024-05-17".into()),
        ]
    );
    // With a year the pair is left to the first date (the year belongs to both).
    assert_eq!(value_of(text, d, "May 16"), "2024-05-16");
}

#[test]
fn weekday_direction_follows_the_clause() {
    // Tuesday 2023-04-18: a past clause looks back, a future clause ahead.
    let text = "Defense Minister Li Shangfu met Putin on Sunday.";
    assert_eq!(value_of(text, date(2023, 4, 18), "Sunday"), "2023-04-16");
    let text = "Xi will visit Moscow on Thursday, the Kremlin said.";
    assert_eq!(value_of(text, date(2024, 5, 15), "Thursday"), "2024-05-16");
    let text = "Blinken is to fly to Beijing on Friday.";
    assert_eq!(value_of(text, date(2024, 5, 15), "Friday"), "2024-05-17");
    // No cue at all: news reports look back.
    let text = "Talks in Geneva, Monday.";
    assert_eq!(value_of(text, date(2024, 5, 15), "Monday"), "2024-05-13");
    assert_eq!(
        value_of("They met last Friday.", date(2024, 5, 17), "last Friday"),
        "2024-05-10"
    );
}

#[test]
fn month_day_takes_the_nearest_year_in_the_clause_direction() {
    let d = date(2020, 12, 31);
    assert_eq!(
        value_of("The two sides met on Dec. 28.", d, "Dec. 28"),
        "2020-12-28"
    );
    assert_eq!(
        value_of("The delegation will arrive on Jan. 3.", d, "Jan. 3"),
        "2021-01-03"
    );
    // A weekday named with the date picks the year in which they agree.
    assert_eq!(
        value_of(
            "The editorial of Monday, Oct. 26 said so.",
            date(1998, 10, 25),
            "Monday, Oct. 26"
        ),
        "1998-10-26"
    );
}

#[test]
fn relative_expressions_resolve_against_the_dct() {
    let d = date(2023, 4, 18); // a Tuesday in ISO week 16
    let text = "Today the ministers met. Yesterday they landed; tomorrow they leave. Last week \
                Kyiv asked for air defence, and this week Washington answered. Earlier this month \
                sanctions expired. In October last year talks broke down, last year trade fell and \
                next year it may recover. Two decades ago Russia joined; three years ago it left. \
                Over the past two years exports doubled. The summit is this fall, the drills this \
                summer.";
    let got = tx(text, d);
    let want = [
        ("Today", "2023-04-18"),
        ("Yesterday", "2023-04-17"),
        ("tomorrow", "2023-04-19"),
        ("Last week", "2023-W15"),
        ("this week", "2023-W16"),
        ("Earlier this month", "2023-04"),
        ("October last year", "2022-10"),
        ("last year", "2022"),
        ("next year", "2024"),
        ("Two decades ago", "2003"),
        ("three years ago", "2020"),
        ("the past two years", "P2Y"),
        ("this fall", "2023-FA"),
        ("this summer", "2023-SU"),
    ];
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|(t, _, v)| (t.as_str(), v.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn references_to_present_past_and_future() {
    let d = date(2023, 4, 18);
    let text = "Beijing is now the largest buyer. Moscow recently raised prices. Kyiv worries \
                about the future.";
    let got: Vec<String> = tx(text, d).into_iter().map(|(_, _, v)| v).collect();
    assert_eq!(got, ["PRESENT_REF", "PAST_REF", "FUTURE_REF"]);
    assert_eq!(
        value_of("Prices are currently high.", d, "currently"),
        "PRESENT_REF"
    );
}

#[test]
fn times_of_day() {
    let d = date(2023, 4, 18);
    assert_eq!(
        tx("The vote is at 3 p.m. in Kyiv.", d),
        [("3 p.m.".into(), "TIME".into(), "2023-04-18T15:00".into())]
    );
    assert_eq!(
        value_of("Zelensky spoke this morning.", d, "this morning"),
        "2023-04-18TMO"
    );
    assert_eq!(
        value_of("Biden will address the nation tonight.", d, "tonight"),
        "2023-04-18TNI"
    );
    // A clock time takes the day named beside it.
    assert_eq!(
        value_of(
            "The talks start Friday at 10:30 a.m.",
            date(2024, 5, 15),
            "10:30 a.m."
        ),
        "2024-05-10T10:30"
    );
}

#[test]
fn durations_and_sets() {
    let d = date(2023, 4, 18);
    let text = "The ceasefire held for three days, then two weeks; the occupation lasted a decade \
                and 2 1/2 years of talks followed. Ministers meet every year, the council \
                annually, envoys weekly.";
    let got: Vec<(String, String)> = tx(text, d)
        .into_iter()
        .map(|(t, k, v)| (k, v + "|" + &t))
        .collect();
    let got: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(
        got,
        [
            "P3D|three days",
            "P2W|two weeks",
            "P10Y|a decade",
            "P2Y6M|2 1/2 years",
            "P1Y|every year",
            "P1Y|annually",
            "P1W|weekly",
        ]
    );
    assert_eq!(tx("He is a 44-year-old diplomat.", d), []);
}

#[test]
fn anaphoric_expressions_follow_the_last_date_named() {
    let d = date(2022, 3, 10);
    let text = "Russian troops crossed the border on Feb. 24, 2022. The next day they reached \
                Kyiv's suburbs, and the following week talks began.";
    assert_eq!(value_of(text, d, "The next day"), "2022-02-25");
    assert_eq!(value_of(text, d, "the following week"), "2022-W09");
}

#[test]
fn without_a_dct_unknown_parts_stay_unknown() {
    let text =
        "The ministers met on Dec. 28 and again yesterday; a deal came in 2019 and last year.";
    let got: Vec<String> = tx(text, None).into_iter().map(|(_, _, v)| v).collect();
    assert_eq!(got, ["XXXX-12-28", "XXXX-XX-XX", "2019", "XXXX"]);
}

#[test]
fn names_and_other_words_are_not_times() {
    let d = date(2023, 4, 18);
    // "May" the modal, "March" the noun, a newspaper, a TV show.
    let text = "China Daily reported that Putin may march on; a March for Peace drew crowds. He \
                spoke on This Week with officials.";
    assert_eq!(tx(text, d), []);
}

#[test]
fn junk_does_not_panic_and_spans_are_valid() {
    let d = date(2023, 4, 18);
    let long = "9".repeat(40);
    let texts = [
        String::new(),
        "99999999999 days ago the 99999999999 years passed".to_string(),
        format!("{long} years ago, in {long}, on Feb. 30, 2021 and Feb. 29"),
        "year 0000, 0000-00-00, 13/45/2020, the 0th century, the 99th century".to_string(),
        "Ünïcödé — « le 3 mai » 東京 on Monday at 99:99 p.m. 12 a.m. ﬁscal 2020".to_string(),
        "'80s '".to_string(),
        "every every every 1e308 days, a a a year".to_string(),
    ];
    for t in &texts {
        for dct in [d, None, date(1, 1, 1), date(9999, 12, 31)] {
            let got = timexes(t, &spans(t), dct);
            let mut end = 0;
            for x in &got {
                assert!(x.span.start >= end, "overlap in {t:?}: {got:?}");
                assert!(x.span.check(t).is_ok(), "bad span in {t:?}");
                end = x.span.end;
            }
        }
    }
    // An impossible date is skipped rather than invented.
    assert!(tx("Signed on Feb. 30, 2021.", d).is_empty());
}

#[test]
fn event_date_prefers_the_attached_date_of_the_clause() {
    let d = date(2023, 4, 18);
    let text = "On Monday officials said Li met Putin on Sunday in Moscow.";
    let ts = timexes(text, &spans(text), d);
    let trigger = text.find("met").map(|s| Span::new(s, s + 3)).unwrap();
    let sentence = Span::new(0, text.len());
    let got = event_date(text, &ts, sentence, trigger, d).unwrap();
    assert_eq!(
        got,
        EventDate {
            value: "2023-04-16".into(),
            granularity: Granularity::Day,
            from_text: true,
        }
    );
    // A month is kept at its granularity.
    let text = "Russia and China signed a pact in March.";
    let ts = timexes(text, &spans(text), d);
    let trigger = text.find("signed").map(|s| Span::new(s, s + 6)).unwrap();
    let got = event_date(text, &ts, Span::new(0, text.len()), trigger, d).unwrap();
    assert_eq!(
        (got.value.as_str(), got.granularity),
        ("2023-03", Granularity::Month)
    );
}

#[test]
fn event_date_falls_back_to_the_document_date() {
    let d = date(2023, 4, 18);
    let text = "Kyiv recently asked for more aid.";
    let ts = timexes(text, &spans(text), d);
    let trigger = text.find("asked").map(|s| Span::new(s, s + 5)).unwrap();
    let sentence = Span::new(0, text.len());
    // PAST_REF names no calendar period, so the DCT stands in.
    let got = event_date(text, &ts, sentence, trigger, d).unwrap();
    assert_eq!(
        got,
        EventDate {
            value: "2023-04-18".into(),
            granularity: Granularity::Day,
            from_text: false,
        }
    );
    assert_eq!(event_date(text, &ts, sentence, trigger, None), None);
    // A clock time gives its day.
    let text = "The strike hit Odesa at 3 a.m. on Friday.";
    let ts = timexes(text, &spans(text), d);
    let trigger = text.find("hit").map(|s| Span::new(s, s + 3)).unwrap();
    let got = event_date(text, &ts, Span::new(0, text.len()), trigger, d).unwrap();
    assert_eq!(got.granularity, Granularity::Day);
    assert_eq!(got.value, "2023-04-14");
    // "since 2013" opens a lasting state: it dates no act.
    let text = "They signed cooperation documents on a plan Beijing has promoted since 2013.";
    let ts = timexes(text, &spans(text), d);
    let trigger = text.find("signed").map(|s| Span::new(s, s + 6)).unwrap();
    let got = event_date(text, &ts, Span::new(0, text.len()), trigger, d).unwrap();
    assert_eq!(got.value, "2023-04-18");
    assert!(!got.from_text);
}

#[test]
fn granularity_of_values() {
    assert_eq!(granularity("2023-04-16"), Some(Granularity::Day));
    assert_eq!(granularity("2023-W15"), Some(Granularity::Week));
    assert_eq!(granularity("2023-04"), Some(Granularity::Month));
    assert_eq!(granularity("2023-Q1"), Some(Granularity::Quarter));
    assert_eq!(granularity("2023-SU"), Some(Granularity::Season));
    assert_eq!(granularity("2023"), Some(Granularity::Year));
    assert_eq!(granularity("199"), Some(Granularity::Decade));
    assert_eq!(granularity("2023-04-16T15:00"), Some(Granularity::Time));
    assert_eq!(granularity("2023-04-16TMO"), Some(Granularity::Day));
    assert_eq!(granularity("XXXX-12-28"), Some(Granularity::Day));
    assert_eq!(granularity("PRESENT_REF"), None);
    assert_eq!(granularity("P3D"), None);
    assert_eq!(granularity(""), None);
}

#[test]
fn the_first_word_prefilter_changes_no_result() {
    // Every kind of expression, at the start of a line, after punctuation and inside names.
    let text = "Monday's talks ended. On Dec. 28 the ministers met; 28 December 2020, 12/28/2020 and \
                2020-12-28T10:30 were named too. '80s music, the 1990s, the 20th century, the first \
                half of 1989, third-quarter profit, Q3 2021, the year-ago quarter, fiscal 2022. \
                Last week, this fall, winter 2021, Christmas Eve, New Year's Day, yesterday morning, \
                tonight, last night, Friday night at 3 p.m. EST, noon, midnight. Three years ago, \
                two decades ago, a year earlier, two days later, the next day, that month, the \
                following week. For three days, two weeks, 2 1/2 years, the past two years, several \
                months, every year, annually, weekly, every Sunday, on Fridays. Now, currently, the \
                current account, recently, lately, the past, the near future, the near term, \
                nineteen ninety-six, the year two thousand, mid-2022, early next year, the end of \
                the month, firstquarter, fy2022, more than a decade, about 20 minutes, May 16 and 17.";
    assert_eq!(recognise::scan(text), recognise::scan_every_word(text));
    // It lets through what can begin an expression, and stops common words.
    for w in [
        "the",
        "Last",
        "december",
        "Dec",
        "1998",
        "'80s",
        "yesterday",
        "every",
    ] {
        assert!(recognise::may_begin(w), "{w}");
    }
    for w in ["said", "president", "talks", "Putin", "with"] {
        assert!(!recognise::may_begin(w), "{w}");
    }
}

#[test]
fn the_weekend_looks_back_early_in_the_week_and_follows_the_clause() {
    // Monday 2024-03-11: the weekend just past is 2024-03-09/10 (ISO week 10).
    let mon = date(2024, 3, 11);
    let text = "Protesters gathered in the capital over the weekend.";
    assert_eq!(value_of(text, mon, "the weekend"), "2024-W10-WE");
    let text = "The talks will resume over the weekend.";
    assert_eq!(value_of(text, mon, "the weekend"), "2024-W11-WE");
    // Thursday 2024-03-14, no cue: the coming one.
    let text = "Rain is forecast for the weekend in the north.";
    assert_eq!(
        value_of(text, date(2024, 3, 14), "the weekend"),
        "2024-W11-WE"
    );
    // "Ahead of" points forward.
    let text = "Traders squared positions ahead of the weekend.";
    assert_eq!(value_of(text, mon, "the weekend"), "2024-W11-WE");
}

#[test]
fn a_date_a_change_takes_effect_lies_ahead() {
    let d = date(2023, 10, 26);
    let text = "The board created a new office, effective Feb. 1.";
    assert_eq!(value_of(text, d, "Feb. 1"), "2024-02-01");
    let text = "The ministry said the tariff, effective June 1, was agreed.";
    assert_eq!(value_of(text, d, "June 1"), "2024-06-01");
}

#[test]
fn spoken_years_after_months_seasons_and_the_year() {
    let d = date(1998, 2, 23);
    let text = "Talks collapsed in the winter of nineteen ninety-four and resumed in January \
                nineteen ninety-seven; a deal is hoped for by the year two thousand.";
    assert_eq!(
        value_of(text, d, "the winter of nineteen ninety-four"),
        "1994-WI"
    );
    assert_eq!(
        value_of(text, d, "January nineteen ninety-seven"),
        "1997-01"
    );
    assert_eq!(value_of(text, d, "the year two thousand"), "2000");
    assert_eq!(
        value_of("Elections are due in the year 2027.", d, "the year 2027"),
        "2027"
    );
}

#[test]
fn remembered_matches_give_the_same_groups() {
    // The same strings in other places and cases: the groups come from the memo the second
    // time, shifted to where the match is.
    let text = "On Monday, 3 p.m. EST, the first quarter of 2021 ended. Ministers met Monday at \
                3 p.m. EST; the first quarter of 2021 was weak. MONDAY: last week, Last Week.";
    recognise::clear_memo();
    let fresh = recognise::scan(text);
    let again = recognise::scan(text);
    assert_eq!(fresh, again);
    recognise::clear_memo();
    assert_eq!(recognise::scan_every_word(text), fresh);
    assert!(fresh.len() >= 8, "{fresh:?}");
}

#[test]
fn long_lists_are_read_word_by_word() {
    // Each year of a long table is one expression; repeated modifiers do not make one long
    // candidate that every later word would scan again.
    let years: Vec<String> = (0..2000).map(|i| (1900 + i % 100).to_string()).collect();
    let text = years.join(" ");
    let found = tx(&text, date(2023, 4, 18));
    assert_eq!(found.len(), 2000);
    assert_eq!(found[5], ("1905".into(), "DATE".into(), "1905".into()));
    let text = "the ".repeat(5000) + "comparable year-ago quarter";
    let found = tx(&text, date(1989, 11, 2));
    assert_eq!(found.len(), 1);
    assert!(found[0].0.ends_with("the comparable year-ago quarter"));
    assert_eq!(found[0].2, "1988-Q3");
    let d = date(2023, 4, 18);
    assert_eq!(
        value_of(
            "It lasted one hundred and twenty-five days.",
            d,
            "one hundred and twenty-five days"
        ),
        "P125D"
    );
}
