//! Plain-text dumps of web pages: a line classifier that keeps the article body and finds the
//! title, byline and date line.
//!
//! A copy-paste of a news page holds the article among menu lines, share buttons, photo credits,
//! "Also Read" lists, cookie boxes, author bios and disclaimers. Each paragraph-unit (a line, or
//! a block of hard-wrapped lines) is classified from its length, punctuation, repetition,
//! position, shape and the boilerplate lexicon; the body is the stretch between the first and the
//! last strong prose unit, minus the debris inside it, plus prose just before and after it.

use crate::lexicon::LEXICON;
use crate::pubdate::dates_in_text;
use chrono::NaiveDate;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the classifier found in a text dump.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArticle {
    pub title: Option<String>,
    /// The site name, when the dump starts with one.
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<NaiveDate>,
    /// The body, paragraphs separated by a blank line.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Prose,
    Short,
    Boiler,
    ListHeader,
    Caption,
    DateLine,
    Byline,
    Bio,
    TailMarker,
}

struct Unit<'a> {
    text: &'a str,
    /// The text with whitespace collapsed and lower-cased, computed once.
    norm: String,
    words: usize,
    class: Class,
    repeats: usize,
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|words by|author:?|reporting by)\s+(.{2,120})$").unwrap()
});
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:\p{Lu}[\p{L}'’\-]+\.?\s){1,3}\p{Lu}[\p{L}'’\-]+) (?:is|was|has been|writes|covers|reports)\b").unwrap()
});
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    // "(Alexander Zemlianichenko/AFP/Getty Images)" or "Photo: Ivan Petrov/Eastern Wire"
    Regex::new(r"\(([^()]{2,80}/[^()]{2,60})\)\s*$").unwrap()
});
static BARE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:photo|image|picture|credit|foto|bild)\s*:\s*)?[\p{L}.'’\- ]{2,60}(?:/[\p{L}.'’\- ]{2,60}){1,3}$").unwrap()
});
static LABELLED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:photo|image|picture|credit|photograph|file photo)\s*(?:credit)?\s*:").unwrap()
});
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;|&|\band\b)\s*").unwrap());

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The line lower-cased, with bullets, punctuation and a trailing colon or counter trimmed.
fn key(s: &str) -> String {
    key_of_norm(&normalise(s))
}

/// [`key`] of a line already passed through [`normalise`].
fn key_of_norm(n: &str) -> String {
    n.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '(' || c == ')')
        .to_string()
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', '»', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', ';']) || t.ends_with("。")
}

fn is_boilerplate(line: &str, words: usize) -> bool {
    is_boilerplate_key(&key(line), words)
}

fn is_boilerplate_key(k: &str, words: usize) -> bool {
    if k.is_empty() {
        return true;
    }
    if LEXICON.line.contains(k) {
        return true;
    }
    if words <= 12
        && LEXICON
            .line
            .iter()
            .any(|p| starts_with_phrase(k, p) && p.contains(' '))
    {
        return true;
    }
    words <= 60 && LEXICON.contains.iter().any(|p| k.contains(p.as_str()))
}

fn starts_with_phrase(k: &str, p: &str) -> bool {
    k.starts_with(p)
        && k[p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn is_credit(line: &str) -> bool {
    // A credit closes the line: only its last 200 bytes need a look.
    let mut from = line.len().saturating_sub(200);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    if let Some(c) = CREDIT_TAIL.captures(&line[from..]) {
        let parts: Vec<String> = c[1].split('/').map(normalise).collect();
        return parts
            .iter()
            .skip(1)
            .any(|p| LEXICON.agency.contains(p.trim()))
            || parts.len() >= 3;
    }
    let words = line.split_whitespace().count();
    if words <= 12 && LABELLED_CREDIT.is_match(line) {
        return true;
    }
    if words <= 10 && BARE_CREDIT.is_match(line) {
        let parts: Vec<String> = line.split('/').map(normalise).collect();
        return parts
            .iter()
            .skip(1)
            .any(|p| LEXICON.agency.contains(p.trim()));
    }
    false
}

fn classify(line: &str, norm: &str, words: usize, today: NaiveDate) -> Class {
    let k = key_of_norm(norm);
    if LEXICON.list.contains(&k) {
        return Class::ListHeader;
    }
    if LEXICON.tail.contains(&k) {
        return Class::TailMarker;
    }
    if is_boilerplate_key(&k, words) {
        return Class::Boiler;
    }
    if is_credit(line) {
        return Class::Caption;
    }
    if words <= 10 && BYLINE.is_match(line) {
        return Class::Byline;
    }
    // A date line: a date and little else ("date 2023-04-18 Politics", "April 16, 2021").
    if words <= 9 && line.len() <= 70 && !dates_in_text(line, today).is_empty() {
        return Class::DateLine;
    }
    if words <= 80 && BIO.is_match(line) {
        return Class::Bio;
    }
    if (words >= 12 && ends_like_sentence(line)) || words >= 30 {
        Class::Prose
    } else {
        Class::Short
    }
}

/// A line of navigation: three or more items separated by runs of spaces, pipes or bullets.
fn is_menu_line(s: &str) -> bool {
    let spaced = s
        .trim()
        .split("  ")
        .filter(|p| !p.trim().is_empty())
        .count();
    let piped = s
        .split(['|', '•', '·', '>', '›', '»'])
        .filter(|p| !p.trim().is_empty())
        .count();
    spaced >= 2 || piped >= 3
}

/// All capitals: a section label or a site banner, not a headline.
fn is_shouting(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase())
}

/// A site name as the first line of a dump: one to four capitalised words, no digits, no
/// sentence punctuation ("Pacific Courier").
fn looks_like_site_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '!' | '?'))
        && !is_boilerplate(s, words.len())
}

/// Splits the dump into units. Most dumps hold one paragraph per line; some are hard-wrapped at
/// a fixed width with blank lines between paragraphs, and those lines are joined again.
fn units(input: &str) -> Vec<String> {
    let lines: Vec<&str> = input.lines().map(str::trim).collect();
    let nonblank: Vec<&&str> = lines.iter().filter(|l| !l.is_empty()).collect();
    let continued = lines
        .windows(2)
        .filter(|w| {
            w[0].split_whitespace().count() >= 6
                && !ends_like_sentence(w[0])
                && w[1].chars().next().is_some_and(|c| c.is_lowercase())
        })
        .count();
    let wrapped = nonblank.len() >= 6 && continued * 4 >= nonblank.len();
    if !wrapped {
        return lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for l in lines {
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Names of a byline; a one-word place after a full name ("Pieter van Dam, Brussels") is a
/// dateline, not an author.
fn split_names(s: &str) -> Vec<String> {
    let mut names = split_byline(s);
    while names.len() > 1
        && names.last().is_some_and(|n| !n.contains(' '))
        && names[..names.len() - 1].iter().all(|n| n.contains(' '))
    {
        names.pop();
    }
    names
}

fn split_byline(s: &str) -> Vec<String> {
    let s = s
        .trim()
        .trim_end_matches(['.', ',', '|'])
        .split(['|', '·', '—', '–'])
        .next()
        .unwrap_or("")
        .trim();
    NAME_SPLIT
        .split(s)
        .map(str::trim)
        .filter(|n| {
            let w = n.split_whitespace().count();
            (1..=5).contains(&w) && n.chars().next().is_some_and(char::is_uppercase)
        })
        .map(str::to_string)
        .collect()
}

/// Classifies a plain-text page dump. `known_title` (from the input record) is not repeated in
/// the body.
pub fn extract_text(input: &str, known_title: Option<&str>, today: NaiveDate) -> TextArticle {
    let raw = units(input);
    let norms: Vec<String> = raw.iter().map(|u| normalise(u)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in &norms {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let mut us: Vec<Unit> = raw
        .iter()
        .zip(&norms)
        .map(|(t, n)| {
            let words = t.split_whitespace().count();
            Unit {
                text: t,
                norm: n.clone(),
                words,
                class: classify(t, n, words, today),
                repeats: counts[n.as_str()],
            }
        })
        .collect();
    // A repeated short line is navigation ("Home", "World"), unless it is the title.
    for u in us.iter_mut() {
        if u.repeats > 1 && u.class == Class::Prose && u.words < 20 {
            u.class = Class::Short;
        }
    }
    let n = us.len();
    let mut art = TextArticle::default();
    if n == 0 {
        return art;
    }

    // The page tail begins at the first bio, disclaimer or tail marker in the last part of
    // the page; nothing after it is article text.
    let mut end = n;
    let tail_from = n - n.div_ceil(3);
    for (i, u) in us.iter().enumerate().skip(tail_from) {
        let disclaimer = u.class == Class::Boiler
            && [
                "views expressed",
                "necessarily reflect",
                "opinions expressed",
            ]
            .iter()
            .any(|p| u.norm.contains(p));
        if matches!(u.class, Class::Bio | Class::TailMarker) || disclaimer {
            end = i;
            break;
        }
    }
    // A bio names the author when no byline does.
    let bio_author = us[end..]
        .iter()
        .filter(|u| u.class == Class::Bio)
        .find_map(|u| BIO.captures(u.text).map(|c| c[1].to_string()));

    let strong: Vec<usize> = (0..end)
        .filter(|&i| us[i].class == Class::Prose && us[i].repeats == 1)
        .collect();
    let (first, last) = match (strong.first(), strong.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => {
            // No prose at all: keep every unit that is not debris.
            let kept: Vec<&str> = us[..end]
                .iter()
                .filter(|u| matches!(u.class, Class::Short) && u.words >= 4)
                .map(|u| u.text)
                .collect();
            art.title = kept.first().map(|s| s.to_string());
            art.text = kept
                .iter()
                .skip(1)
                .copied()
                .collect::<Vec<_>>()
                .join("\n\n");
            art.authors.extend(bio_author);
            return art;
        }
    };

    // Header: date line, byline, title; prose-like lines just before the body (standfirst,
    // summary bullets) belong to the article.
    let mut keep = vec![false; n];
    let title_norm = known_title.map(normalise);
    // A headline shortly after the date line beats an earlier title-like line (a promo
    // banner, a live-blog teaser).
    let date_at = (0..first).find(|&i| us[i].class == Class::DateLine);
    let mut early_title: Option<String> = None;
    for i in 0..first {
        let u = &us[i];
        match u.class {
            Class::DateLine if art.published.is_none() => {
                art.published = dates_in_text(u.text, today).first().map(|(_, d)| *d);
            }
            Class::Byline if art.authors.is_empty() => {
                if let Some(c) = BYLINE.captures(u.text) {
                    art.authors = split_names(&c[1]);
                }
            }
            Class::Short | Class::Prose => {
                let is_title_text = title_norm.as_deref() == Some(u.norm.as_str());
                if art.title.is_none()
                    && !is_title_text
                    && (3..=30).contains(&u.words)
                    && !u.text.trim_end().ends_with('.')
                    && known_title.is_none()
                    && !is_menu_line(u.text)
                    && !is_shouting(u.text)
                {
                    let t = u.text.trim().to_string();
                    match date_at {
                        Some(d) if i < d => {
                            early_title.get_or_insert(t);
                        }
                        Some(d) if i > d + 3 => art.title = early_title.take().or(Some(t)),
                        _ => art.title = Some(t),
                    }
                } else if !is_title_text
                    && art.title.as_deref().map(normalise).as_ref() != Some(&u.norm)
                    && u.words >= 6
                    && ends_like_sentence(u.text)
                    && u.repeats == 1
                {
                    keep[i] = true;
                }
            }
            _ => {}
        }
    }
    if art.title.is_none() {
        art.title = early_title;
    }
    // The site name heads the page, possibly after a "skip to content" link.
    if let Some(i) = (0..first.min(3)).find(|&i| us[i].class != Class::Boiler) {
        if us[i].repeats == 1
            && looks_like_site_name(us[i].text)
            && art.title.as_deref() != Some(us[i].text)
            && us.get(i + 1).is_some_and(|u| u.class != Class::Prose)
        {
            let name = us[i].text.trim();
            // A banner in capitals names the same outlet as its title-case form.
            art.outlet = Some(if is_shouting(name) {
                name.split_whitespace()
                    .map(|w| {
                        let mut c = w.chars();
                        c.next().map_or(String::new(), |f| {
                            f.to_uppercase()
                                .chain(c.flat_map(char::to_lowercase))
                                .collect()
                        })
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                name.to_string()
            });
        }
    }
    if art.title.is_none() {
        art.title = known_title.map(str::to_string);
    }

    // Body: everything between the first and the last strong unit that is not debris; a list
    // header drops the headline-like lines that follow it.
    let mut in_list = false;
    for i in first..=last {
        let u = &us[i];
        match u.class {
            Class::ListHeader => in_list = true,
            Class::Prose => {
                in_list = false;
                keep[i] = true;
            }
            // In a list of headlines; a short line right before prose is a subhead instead.
            Class::Short
                if in_list
                    && !ends_like_sentence(u.text)
                    && !(u.words < 5 && us.get(i + 1).is_some_and(|n| n.class == Class::Prose)) => {
            }
            Class::Short => {
                in_list = false;
                let is_title = art.title.as_deref().map(normalise).as_ref() == Some(&u.norm);
                keep[i] = u.repeats == 1 && !is_title;
            }
            Class::Byline if art.authors.is_empty() => {
                if let Some(c) = BYLINE.captures(u.text) {
                    art.authors = split_names(&c[1]);
                }
            }
            _ => {}
        }
    }
    // Short closing prose after the last strong unit ("He did not elaborate.").
    for i in last + 1..end {
        let u = &us[i];
        if u.class == Class::Short && u.words >= 4 && ends_like_sentence(u.text) && u.repeats == 1 {
            keep[i] = true;
        } else if u.class != Class::Boiler && u.class != Class::Caption {
            break;
        }
    }
    if art.authors.is_empty() {
        art.authors.extend(bio_author);
    }
    art.text = us
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(u, _)| u.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    art
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    const DUMP: &str = "Skip to main content
Pacific Courier
Home  World  Politics  Business
Home  World  Politics  Business
Home
World
Politics
Business
Opinion
Home
April 16, 2023
Chinese defence chief meets Putin in Moscow as West watches
by Marta Kovalenko and Lena Hart
Share on Facebook
Share on X
- China's defence minister held talks with Vladimir Putin on Sunday.
- The visit is seen as a sign of Beijing's continued support for Moscow.
Chinese Defence Minister Li Shangfu met Russian President Vladimir Putin in the Kremlin on Sunday, in the first visit by a Chinese defence chief since the invasion of Ukraine began.
Ivan Petrov/AP
The two sides discussed military cooperation and joint exercises, according to a statement published after the meeting.
Also Read
US warns China against arming Russia
Kyiv says Chinese parts found in Russian drones
A new phase
Li told Putin that ties between the two armed forces were developing well and would grow stronger still in the years ahead.
Western governments have repeatedly warned Beijing against supplying weapons to Moscow for use in Ukraine.
He did not elaborate.
We use cookies to improve your experience. Accept all
Views expressed in this article are the author's own.
Lena Hart is a correspondent who has covered Russia and Central Asia since 2012.
Tags: China, Russia, Ukraine
Related Topics";

    #[test]
    fn keeps_the_body_and_finds_title_byline_and_date() {
        let a = extract_text(DUMP, None, today());
        assert_eq!(
            a.title.as_deref(),
            Some("Chinese defence chief meets Putin in Moscow as West watches")
        );
        assert_eq!(a.authors, ["Marta Kovalenko", "Lena Hart"]);
        assert_eq!(a.outlet.as_deref(), Some("Pacific Courier"));
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-04-16")
        );
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(
            paras[0],
            "- China's defence minister held talks with Vladimir Putin on Sunday."
        );
        assert!(paras[2].starts_with("Chinese Defence Minister Li Shangfu met"));
        assert!(a.text.contains("A new phase"), "subheads stay");
        assert_eq!(*paras.last().unwrap(), "He did not elaborate.");
        for debris in [
            "Share on",
            "Ivan Petrov/AP",
            "Also Read",
            "US warns China",
            "Kyiv says Chinese parts",
            "cookies",
            "Views expressed",
            "is a correspondent",
            "Tags:",
            "Related Topics",
            "Home",
        ] {
            assert!(!a.text.contains(debris), "{debris} leaked into {}", a.text);
        }
    }

    #[test]
    fn captions_with_credits_and_bios_are_dropped_and_the_bio_names_the_author() {
        let dump = "Xi and Putin Hold an Unusual New Year Call

Xi and Putin Hold an Unusual New Year Call
Russian President Vladimir Putin and Chinese leader Xi Jinping shake hands at the Kremlin in Moscow on June 5, 2019. (Sergei Ilyin/AFP/Getty Images)

On the evening of Dec. 28, Chinese leader Xi Jinping and Russian President Vladimir Putin spoke over the phone and exchanged wishes for the New Year.

In the previous four years, the two leaders had exchanged congratulatory letters on New Year's Eve instead of talking by phone.

Views expressed in this article are opinions of the author.
Wen Boyang is a former newspaper editor. He has written commentaries on Chinese politics since 2010.
Related Topics";
        let a = extract_text(dump, None, today());
        assert_eq!(
            a.title.as_deref(),
            Some("Xi and Putin Hold an Unusual New Year Call")
        );
        assert_eq!(a.authors, ["Wen Boyang"]);
        assert!(a.text.starts_with("On the evening of Dec. 28"));
        assert!(a.text.ends_with("instead of talking by phone."));
        assert!(!a.text.contains("Getty"));
    }

    #[test]
    fn banners_and_section_labels_are_not_titles() {
        let dump = "EASTERN WIRE SERVICE - TRANSCRIPT SERVICE
Foreign Ministry regular press conference, Beijing
Date: Monday, April 17, 2023
Moderator: Good afternoon. The spokesperson will take questions from the floor today.
Spokesperson: Defence cooperation between China and Russia is normal and is not directed at any third party.";
        let a = extract_text(dump, None, today());
        assert_eq!(
            a.title.as_deref(),
            Some("Foreign Ministry regular press conference, Beijing")
        );
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2023-04-17")
        );
        assert!(a.text.starts_with("Moderator: Good afternoon."));
        assert_eq!(a.outlet, None);
    }

    #[test]
    fn the_headline_after_the_date_line_beats_a_promo_banner() {
        let dump = "DANUBE CHRONICLE
Live: War in Ukraine - latest updates
Saturday, February 26, 2022
WORLD | EUROPE
Russia vetoes UN resolution on Ukraine as China abstains
by Ewa Nowicka, Brussels
Russia vetoed a draft Security Council resolution on Friday that deplored its attack on Ukraine, while China, India and the United Arab Emirates abstained.";
        let a = extract_text(dump, None, today());
        assert_eq!(
            a.title.as_deref(),
            Some("Russia vetoes UN resolution on Ukraine as China abstains")
        );
        assert_eq!(a.authors, ["Ewa Nowicka"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let dump = "Kuleba visits China\n\n\
            Ukrainian Foreign Minister Dmytro Kuleba arrived in Guangzhou on\n\
            Tuesday for talks with his Chinese counterpart Wang Yi, the first\n\
            visit by a Ukrainian foreign minister since the invasion began.\n\n\
            The ministry in Kyiv said the talks would focus on ways to end\n\
            the war and on the role that Beijing could play in any future\n\
            peace process.\n";
        let a = extract_text(dump, None, today());
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 2, "{:?}", a.text);
        assert!(paras[0].contains("Guangzhou on Tuesday for talks"));
    }

    #[test]
    fn a_clean_body_is_kept_whole() {
        let body = "Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit, his first trip abroad since his inauguration.\n\n\
            Xi Jinping welcomed him with a ceremony outside the Great Hall of the People.\n\n\
            The two leaders signed a joint statement on deepening their partnership and discussed the war in Ukraine.";
        let a = extract_text(body, Some("Putin in Beijing"), today());
        assert_eq!(a.text, body);
        assert_eq!(a.title.as_deref(), Some("Putin in Beijing"));
    }

    #[test]
    fn junk_does_not_panic() {
        for s in [
            "",
            "\n\n\n",
            "Home",
            "a/b/c/d/e",
            "(/)",
            "By",
            "é/AP",
            &"x ".repeat(100_000),
        ] {
            let _ = extract_text(s, None, today());
        }
    }
}
