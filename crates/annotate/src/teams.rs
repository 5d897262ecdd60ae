//! Sports results and standings name teams, not places: in "Lotte 6 Hyundai 2", "Glamorgan
//! 259 and 207 , Durham 114" or "Haitai 64 2 43 .596", a city, county or unknown name
//! followed by a score is a club. Wire services print such lines every day; reading
//! "Chicago 5 Houston 3" as two American cities would put false actors in the record. Once a
//! name is a team in a document it is the team elsewhere in that document too.

use dyad_model::{Mention, Span};
use std::collections::HashSet;

/// A score or a standings figure: "6", "108-3", ".596", "5 1/2" (its parts), "-".
fn numeric(tok: &str) -> bool {
    let t = tok.trim_end_matches([',', ';']);
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit() || c == '-')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
}

/// Months (and their abbreviations), weekdays and a few more words head dated rows of figures
/// ("Aug 30 1,204 1,198"), not teams; the full names are in `crate::calendar`.
const NOT_TEAMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "week",
    "year", "no", "pct",
];

fn name_word(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase) && tok.chars().any(char::is_alphabetic) && {
        let w = tok.trim_end_matches('.').to_lowercase();
        !NOT_TEAMS.contains(&w.as_str()) && !crate::calendar::is_calendar_word(&w)
    }
}

/// Spans of the team names in the results and standings lines of a text.
fn team_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let toks: Vec<(usize, &str)> = line
            .split(' ')
            .scan(0usize, |at, t| {
                let s = *at;
                *at += t.len() + 1;
                Some((s, t))
            })
            .filter(|(_, t)| !t.is_empty())
            .collect();
        // (name span, how many numeric tokens follow it)
        let mut groups: Vec<(Span, usize)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !name_word(toks[i].1) {
                i += 1;
                continue;
            }
            let first = i;
            while i < toks.len() && name_word(toks[i].1) && i - first < 4 {
                i += 1;
            }
            let last = i - 1;
            let mut nums = 0;
            while i + nums < toks.len() && numeric(toks[i + nums].1) {
                nums += 1;
            }
            // "P. Simmons 4-38": a bowler's figures, not a team.
            let initial = toks[first].1.len() == 2 && toks[first].1.ends_with('.');
            if nums > 0 && !initial {
                let end = toks[last].0 + toks[last].1.trim_end_matches([',', ':']).len();
                groups.push((
                    Span::new(line_start + toks[first].0, line_start + end),
                    nums,
                ));
            }
            i += nums;
        }
        // Two teams with scores, or one name with a row of standings figures.
        if groups.len() >= 2 || groups.first().is_some_and(|(_, n)| *n >= 3) {
            out.extend(groups.into_iter().map(|(s, _)| s));
        }
        line_start += line.len() + 1;
    }
    out
}

/// Retypes the places and unknown names that the results lines show to be teams.
pub fn retype_teams(text: &str, out: &mut Vec<Mention>, is_country: &dyn Fn(&Mention) -> bool) {
    let spans = team_spans(text);
    if spans.is_empty() {
        return;
    }
    let mut names: HashSet<&str> = HashSet::new();
    let mut added = Vec::new();
    for span in spans {
        let inside: Vec<usize> = (0..out.len())
            .filter(|&k| out[k].span.start >= span.start && out[k].span.end <= span.end)
            .collect();
        let straddles = out.iter().any(|m| {
            m.span.start < span.end
                && span.start < m.span.end
                && (m.span.start < span.start || m.span.end > span.end)
        });
        // A national side keeps its country; a known person, or one with a given name
        // ("Colin Montgomerie 69 70"), is not a team.
        let person = |m: &Mention| {
            m.kind == "PERSON"
                && (!m.entity.as_deref().is_some_and(|e| e.starts_with("local:"))
                    || given_name_first(&text[m.span.start..m.span.end]))
        };
        if straddles
            || inside
                .iter()
                .any(|&k| person(&out[k]) || is_country(&out[k]))
        {
            continue;
        }
        let words = &text[span.start..span.end];
        // "Bayern Munich": the club replaces the city and the unknown word inside it.
        for &k in &inside {
            out[k].kind = String::new();
        }
        added.push(team(span, words));
        names.insert(words);
    }
    out.retain(|m| !m.kind.is_empty());
    for m in out.iter_mut() {
        let w = &text[m.span.start..m.span.end];
        if names.contains(w)
            && matches!(m.kind.as_str(), "ORG" | "GPE" | "LOC")
            && !is_country(m)
            && !dateline(text, m.span)
        {
            *m = team(m.span, w);
        }
    }
    out.extend(added);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// "NEW YORK 1996-08-28", "MOSCOW (Reuters) -": a place heading a story is the place.
fn dateline(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].ends_with('\n') || span.start == 0;
    let rest = text[span.end..].trim_start_matches(' ');
    line_start
        && (rest.starts_with('(')
            || rest.starts_with(',')
            || rest.len() >= 10 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit))
}

fn given_name_first(words: &str) -> bool {
    words
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::names::CUE_WORDS.given.contains(w))
}

fn team(span: Span, words: &str) -> Mention {
    Mention {
        span,
        kind: "ORG".into(),
        entity: Some(format!("local:team-{}", dyad_kb::slug(words))),
        actor: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        team_spans(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn results_scorecards_and_standings() {
        let t = "Results of games played on Thursday :\nLotte 6 Hyundai 2\n\
                 Kansas City 5 St Louis 3\nHaitai 64 2 43 .596 -\n\
                 Glamorgan 259 and 207 ( A. Dale 69 ) , Durham 114 and 81-3 .\n\
                 Police said 3 people were hurt on Friday .";
        assert_eq!(
            spans(t),
            [
                "Lotte",
                "Hyundai",
                "Kansas City",
                "St Louis",
                "Haitai",
                "Glamorgan",
                "Durham"
            ]
        );
    }

    #[test]
    fn a_club_named_after_its_city_is_one_team_and_datelines_stay_places() {
        let t = "Chicago 1996-08-28\nBayern Munich 2 Werder Bremen 1\nChicago 5 Houston 3";
        let m = |s: usize, e: usize, kind: &str, id: &str| Mention {
            span: Span::new(s, e),
            kind: kind.into(),
            entity: Some(id.into()),
            actor: None,
        };
        let city = t.find("Munich").unwrap();
        let chicago = t.rfind("Chicago").unwrap();
        let mut ms = vec![
            m(0, 7, "GPE", "place:usa:chicago"),
            m(city, city + 6, "GPE", "place:deu:munich"),
            m(chicago, chicago + 7, "GPE", "place:usa:chicago"),
        ];
        retype_teams(t, &mut ms, &|_| false);
        let got: Vec<String> = ms
            .iter()
            .map(|m| format!("{}:{}", &t[m.span.start..m.span.end], m.kind))
            .collect();
        assert_eq!(
            got,
            [
                "Chicago:GPE",
                "Bayern Munich:ORG",
                "Werder Bremen:ORG",
                "Chicago:ORG",
                "Houston:ORG"
            ]
        );
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        assert!(spans("Aug 30 1,204 1,198 1,187").is_empty());
        assert!(spans("Russia sent 3,000 troops and China 200 advisers to the drill.").is_empty());
        assert!(spans("In 2014 Moscow annexed Crimea.").is_empty());
    }

    #[test]
    fn places_that_are_teams_become_teams_everywhere_in_the_document() {
        let t = "Chicago 5 Houston 3\nFans in Chicago cheered.";
        let place = |s: usize, e: usize| Mention {
            span: Span::new(s, e),
            kind: "GPE".into(),
            entity: Some("place:usa:x".into()),
            actor: None,
        };
        let mut ms = vec![place(0, 7), place(10, 17), place(28, 35)];
        retype_teams(t, &mut ms, &|_| false);
        assert!(ms.iter().all(|m| m.kind == "ORG"), "{ms:?}");
        assert_eq!(ms[0].entity.as_deref(), Some("local:team-chicago"));
    }
}
