//! The two sides named again as a pair: "Xi hosted Putin in Beijing. The two leaders signed a
//! gas deal. They also agreed to expand trade." The later events have no actor of their own;
//! their subject is the pair of the last two-sided event a sentence or two before.

use dyad_model::{Event, Span};

/// Words that name the two sides of an earlier event together.
const PAIRS: &[&str] = &[
    "they",
    "the two",
    "the two leaders",
    "the two sides",
    "the two countries",
    "the two nations",
    "the two governments",
    "the two presidents",
    "the two ministers",
    "the two foreign ministers",
    "the two defence ministers",
    "the two defense ministers",
    "the two men",
    "the two heads of state",
    "both",
    "both leaders",
    "both sides",
    "both countries",
    "both governments",
    "both presidents",
    "both men",
    "the pair",
];

/// Words that may stand between the pair and the act: auxiliaries and adverbs ("They have
/// also agreed", "the two leaders later signed").
const BETWEEN: &[&str] = &[
    "also",
    "have",
    "has",
    "had",
    "will",
    "would",
    "then",
    "later",
    "jointly",
    "each",
    "both",
    "again",
    "further",
    "formally",
    "finally",
    "once",
    "all",
    "reportedly",
    "did",
    "could",
    "can",
    "may",
    "might",
    "are",
    "were",
    "is",
    "was",
    "be",
    "been",
    "not",
    "to",
    "agreed",
];

/// How far back (in sentences) the pair may have been named.
const REACH: usize = 2;

/// Gives each act of agreement, meeting or cooperation (CAMEO roots 03 to 06) that has no
/// actor and whose subject names a pair ("They", "the two leaders") the two sides of the last
/// such act with both sides, reported as done (or claimed so by a source), in the same or
/// the previous [`REACH`] sentences, as a reciprocal event between them. `sentences` are in text order; `events` in
/// trigger order, with claims already marked.
pub fn resolve_pairs(text: &str, sentences: &[Span], events: &mut [Event]) {
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    // The last two-sided event seen: its sides and its sentence.
    let mut last: Option<(dyad_model::EventActor, dyad_model::EventActor, usize)> = None;
    for e in events.iter_mut() {
        let n = sentence_of(e.trigger.start);
        // Acts two sides do together: agreeing, meeting, diplomatic and material cooperation
        // ("the two presidents said" is a statement of each, not of one to the other).
        let together = ["03", "04", "05", "06"]
            .iter()
            .any(|r| e.cameo.starts_with(r));
        if together && e.source.is_none() && e.target.is_none() {
            if let Some((a, b, at)) = &last {
                if n >= *at && n - at <= REACH {
                    if let Some(s) = sentences.get(n) {
                        if names_pair(text, s.start, e.trigger.start) {
                            e.source = Some(a.clone());
                            e.target = Some(b.clone());
                            e.reciprocal = true;
                            // The sides come from another sentence: less sure than a subject.
                            e.confidence *= 0.8;
                        }
                    }
                }
            }
        }
        // Only a meeting, an agreement or cooperation reported as done (by the outlet or a
        // source it cites) names a pair that goes on acting together: not "Russia shelled
        // Kharkiv. They agreed …", nor a meeting that did not happen or only might.
        if let (Some(a), Some(b)) = (&e.source, &e.target) {
            let country = |x: &dyad_model::EventActor| x.code.clone().unwrap_or_default();
            let done = matches!(e.modality.as_deref(), None | Some("claimed")) && !e.negated;
            if together && done && country(a) != country(b) {
                last = Some((a.clone(), b.clone(), n));
            }
        }
    }
}

/// Whether the words right before byte `trigger` (back to the sentence start at `from`) are
/// a pair word, perhaps with auxiliaries and adverbs after it, at the start of a clause.
fn names_pair(text: &str, from: usize, trigger: usize) -> bool {
    let Some(before) = text.get(from..trigger) else {
        return false;
    };
    // The clause the trigger is in: after the last comma, semicolon or dash.
    // (The dashes take three bytes: the clause starts after the whole character.)
    let clause = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, ',' | ';' | '—' | '–' | ':'))
        .map_or(before, |(k, c)| &before[k + c.len_utf8()..]);
    let words: Vec<String> = clause
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // The pair word opens the clause (after "However," or "This year,"), perhaps with
    // auxiliaries and adverbs after it ("They have also", "Both"): each shorter reading is
    // tried, as "both" is a pair word and an adverb ("they both agreed").
    let mut end = words.len();
    loop {
        if PAIRS.contains(&words[..end].join(" ").as_str()) {
            return true;
        }
        if end == 0
            || !(BETWEEN.contains(&words[end - 1].as_str()) || words[end - 1].ends_with("ly"))
        {
            return false;
        }
        end -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_word_opens_the_clause_of_the_act() {
        let t = "This year, however, they talked on the phone.";
        let at = t.find("talked").unwrap();
        assert!(names_pair(t, 0, at));
        let t = "The two leaders have also signed a deal.";
        assert!(names_pair(t, 0, t.find("signed").unwrap()));
        // Another subject, or the pair word elsewhere in the clause, is no pair.
        let t = "Officials said they talked on the phone.";
        assert!(!names_pair(t, 0, t.find("talked").unwrap()));
        let t = "Protesters marched.";
        assert!(!names_pair(t, 0, t.find("marched").unwrap()));
        // "Both" alone, and after a dash (three bytes) opening the clause.
        let t = "Both agreed to resume talks.";
        assert!(names_pair(t, 0, t.find("agreed").unwrap()));
        let t = "On Monday — as expected — the two sides agreed to talks.";
        assert!(names_pair(t, 0, t.find("agreed").unwrap()));
        let t = "On Monday – they met.";
        assert!(names_pair(t, 0, t.find("met").unwrap()));
    }
}
