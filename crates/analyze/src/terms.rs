//! Key terms of a sentence or a quote: its content words and the pairs of adjacent content
//! words ("new year", "bottom line"), lower case. Both analyses compare texts through them.

use std::collections::{BTreeSet, HashSet};

/// Function words, reporting words, calendar words and the most general words of diplomatic
/// news, which say nothing of what a text is about.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "already",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "less",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "per",
    "same",
    "say",
    "said",
    "says",
    "saying",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "three",
    "four",
    "five",
    "first",
    "second",
    "week",
    "day",
    "days",
    "month",
    "months",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "ms",
    "s",
    "t",
    "statement",
    "added",
    "noted",
    "stated",
    "adding",
    "side",
    "sides",
    "country",
    "countries",
    "leader",
    "leaders",
    "president",
    "presidents",
    "premier",
    "prime",
    "minister",
    "ministers",
    "government",
    "governments",
    "official",
    "officials",
    "state",
    "states",
    "head",
    "heads",
    "counterpart",
    "counterparts",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ministry",
    "foreign",
];

/// The words of a text, lower case, split at anything but letters and apostrophes inside a
/// word ("China's" gives "china", "s" is dropped as a stop word).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Key terms: content words and adjacent pairs of them, without the stop words and without the
/// words in `exclude` (the names of the actors, which every text of a dyad shares).
pub fn key_terms(text: &str, exclude: &HashSet<String>) -> BTreeSet<String> {
    key_terms_but(text, |w| exclude.contains(w))
}

/// [`key_terms`] without the words for which `skip` is true.
pub fn key_terms_but(text: &str, skip: impl Fn(&str) -> bool) -> BTreeSet<String> {
    static STOP_SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let stop = STOP_SET.get_or_init(|| STOP.iter().copied().collect());
    let mut out = BTreeSet::new();
    let mut prev: Option<String> = None;
    for w in words(text) {
        let content = w.chars().count() > 2 && !stop.contains(w.as_str()) && !skip(&w);
        if !content {
            prev = None;
            continue;
        }
        if let Some(p) = prev.take() {
            out.insert(format!("{p} {w}"));
        }
        out.insert(w.clone());
        prev = Some(w);
    }
    out
}

/// Whether `phrase` (lower-case words) occurs in `words` as whole words.
pub fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_keep_content_words_and_their_pairs() {
        let ex: HashSet<String> = ["xi".to_string(), "putin".to_string()].into();
        let t = key_terms(
            "Xi and Putin exchanged New Year greetings on Saturday.",
            &ex,
        );
        let got: Vec<&str> = t.iter().map(String::as_str).collect();
        assert_eq!(
            got,
            [
                "exchanged",
                "exchanged new",
                "greetings",
                "new",
                "new year",
                "year",
                "year greetings"
            ]
        );
        let w = words("There is a bottom line, he said.");
        assert!(has_phrase(&w, &["bottom", "line"]));
        assert!(!has_phrase(&w, &["line", "bottom"]));
    }
}
