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

fn name_word(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase) && tok.chars().any(char::is_alphabetic)
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
        // A national side keeps its country; a person is not a team.
        if inside
            .iter()
            .any(|&k| out[k].kind == "PERSON" || is_country(&out[k]))
        {
            continue;
        }
        let words = &text[span.start..span.end];
        match inside.iter().find(|&&k| out[k].span == span) {
            Some(&k) => out[k].kind = "ORG".into(),
            None if inside.is_empty()
                && !out
                    .iter()
                    .any(|m| m.span.start < span.end && span.start < m.span.end) =>
            {
                added.push(team(span, words));
            }
            None => continue,
        }
        names.insert(words);
    }
    for m in out.iter_mut() {
        let w = &text[m.span.start..m.span.end];
        if names.contains(w)
            && (m.kind == "ORG" || m.kind == "GPE" || m.kind == "LOC")
            && !is_country(m)
        {
            *m = team(m.span, w);
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
}

fn team(span: Span, words: &str) -> Mention {
    let slug: String = words
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    Mention {
        span,
        kind: "ORG".into(),
        entity: Some(format!("local:team-{}", slug.trim_matches('-'))),
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
    fn prose_with_numbers_is_not_a_table() {
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
