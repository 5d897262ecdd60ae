//! Relations between actors that the text states: "X, a close ally of Y", "Y's founder X",
//! "X, who heads Y", "X joined Y", "X, seen as close to Y".
//!
//! The layer sits on the mention layer: both ends of a relation are mentions, and the words
//! between them must follow one of a few fixed shapes built from the cue words of
//! `data/relations/relations.txt`. The text is scanned once for the cue words (Aho-Corasick);
//! only the few words around each hit are looked at, so the layer costs little.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_model::{Mention, Relation, Span};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../data/relations/relations.txt");
const FILE: &str = "data/relations/relations.txt";
/// The farthest (in bytes) an actor may stand from its cue: ", who is widely seen as a
/// close " is about 40.
const NEAR: usize = 60;
/// The text looked at on each side of a cue: the nearest actors and their whole names.
const WINDOW: usize = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "X, a close ally of Y" / "Y's ally X".
    Noun,
    /// "X joined Y" / "X, which joined Y".
    Verb,
    /// Only in a relative clause: "X, who heads Y" ("Clinton leads Sanders in the polls" is
    /// no headship).
    RelVerb,
    /// "X, who is close to Y".
    Near,
}

#[derive(Debug, Clone)]
struct Cue {
    form: Form,
    kind: String,
}

/// The compiled cue lexicon.
#[derive(Debug)]
pub struct Lexicon {
    cues: Vec<Cue>,
    matcher: AhoCorasick,
    modifiers: HashSet<String>,
    past: HashSet<String>,
    adverbs: HashSet<String>,
    /// Linking phrases (lower-case words) that follow a comma: "who is", "seen as".
    links: Vec<Vec<String>>,
    /// Linking verbs that need no comma: "is", "became".
    bare_links: HashSet<String>,
    /// Relation kind -> the mention types its second actor may have.
    targets: HashMap<String, Vec<String>>,
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|w| !w.is_empty())
}

/// Parses the relation lexicon; an error names the line and the reason.
pub fn parse(data: &str) -> Result<Lexicon, String> {
    let mut cues = Vec::new();
    let mut patterns = Vec::new();
    let mut seen = HashSet::new();
    let mut modifiers = HashSet::new();
    let mut past = HashSet::new();
    let mut adverbs = HashSet::new();
    let mut links = Vec::new();
    let mut bare_links = HashSet::new();
    let mut targets: HashMap<String, Vec<String>> = HashMap::new();
    for (i, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |why: &str| format!("{FILE}:{}: {why}", i + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let lower = |w: &str| w.to_lowercase();
        match fields.as_slice() {
            [form @ ("noun" | "verb" | "who-verb" | "near"), kind, list] => {
                if !matches!(
                    *kind,
                    "ally" | "rival" | "member" | "founder" | "head" | "close"
                ) {
                    return Err(err(&format!("unknown relation {kind:?}")));
                }
                let form = match *form {
                    "noun" => Form::Noun,
                    "verb" => Form::Verb,
                    "who-verb" => Form::RelVerb,
                    _ => Form::Near,
                };
                for w in words(list) {
                    if !seen.insert(lower(w)) {
                        return Err(err(&format!("{w:?} is listed twice")));
                    }
                    patterns.push(lower(w));
                    cues.push(Cue {
                        form,
                        kind: kind.to_string(),
                    });
                }
            }
            ["modifier", list] => modifiers.extend(words(list).map(lower)),
            ["past", list] => past.extend(words(list).map(lower)),
            ["adverb", list] => adverbs.extend(words(list).map(lower)),
            ["link", list] => links
                .extend(words(list).map(|w| w.split_whitespace().map(lower).collect::<Vec<_>>())),
            ["link_bare", list] => bare_links.extend(words(list).map(lower)),
            ["target", kind, list] => {
                targets.insert(kind.to_string(), words(list).map(str::to_string).collect());
            }
            _ => {
                return Err(err(
                    "expected noun|verb|who-verb|near<TAB>RELATION<TAB>words, or a word-list line",
                ))
            }
        }
    }
    if cues.is_empty() {
        return Err(format!("{FILE}: no relation cues"));
    }
    // Case-sensitive, lower case: in every shape something stands before the cue (the actor,
    // a comma, a possessive), so a capitalised cue opening a sentence is never one; and
    // exact lower-case words let the matcher skip through the text with its SIMD prefilter.
    let matcher = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| format!("{FILE}: {e}"))?;
    Ok(Lexicon {
        cues,
        matcher,
        modifiers,
        past,
        adverbs,
        links,
        bare_links,
        targets,
    })
}

pub static BUILTIN: LazyLock<Result<Lexicon, String>> = LazyLock::new(|| parse(DATA));

/// Checks the built-in lexicon; the number of cue words it holds.
pub fn check_builtin() -> Result<usize, String> {
    BUILTIN.as_ref().map(|l| l.cues.len()).map_err(Clone::clone)
}

/// The relations the built-in lexicon finds (none if it failed to load, which
/// `dyad check-data` reports).
pub fn find_relations(text: &str, mentions: &[Mention]) -> Vec<Relation> {
    match BUILTIN.as_ref() {
        Ok(l) => l.find(text, mentions),
        Err(_) => Vec::new(),
    }
}

/// A word or punctuation mark of the window around a cue.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Cuts `text[from..to]` into words (letters, digits, inner hyphens) and single punctuation
/// marks, skipping white space.
fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if is_word_char(c) {
            cur.get_or_insert(at);
            continue;
        }
        if let Some(s) = cur.take() {
            out.push(Tok { start: s, end: at });
        }
        if !c.is_whitespace() {
            out.push(Tok {
                start: at,
                end: at + c.len_utf8(),
            });
        }
    }
    if let Some(s) = cur {
        out.push(Tok { start: s, end: to });
    }
    out
}

/// The mention types that can stand in a relation (not places, not unknown names).
fn actor_kind(m: &Mention) -> bool {
    matches!(m.kind.as_str(), "PERSON" | "ORG" | "GPE" | "NORP" | "AGENT")
}

struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    by_start: &'a HashMap<usize, &'a Mention>,
    by_end: &'a HashMap<usize, &'a Mention>,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> String {
        let t = self.toks[i];
        self.text[t.start..t.end].to_lowercase()
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.text[t.start..t.end].eq_ignore_ascii_case(w))
    }

    /// The mention that begins at token `i`, and the index of the first token after it.
    fn mention_from(&self, i: usize) -> Option<(&'a Mention, usize)> {
        let t = self.toks.get(i)?;
        let m = *self.by_start.get(&t.start)?;
        let next = self
            .toks
            .iter()
            .position(|t| t.start >= m.span.end)
            .unwrap_or(self.toks.len());
        Some((m, next))
    }

    /// The mention that ends at token `i` (inclusive).
    fn mention_to(&self, i: usize) -> Option<&'a Mention> {
        let t = self.toks.get(i)?;
        self.by_end.get(&t.end).copied()
    }

    /// Whether the tokens from `i` are a possessive ending ('s, ’s).
    fn possessive_at(&self, i: usize) -> bool {
        (self.is(i, "'") || self.is(i, "\u{2019}")) && self.is(i + 1, "s")
    }
}

impl Lexicon {
    /// The relations stated in `text` between the given mentions.
    pub fn find(&self, text: &str, mentions: &[Mention]) -> Vec<Relation> {
        let mut hits = Vec::new();
        // Whole words only: "members" is its own cue, "remember" none.
        let whole = |text: &str, s: usize, e: usize| {
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        };
        for m in crate::mentions::word_matches(&self.matcher, text, whole) {
            hits.push((m.start(), m.end(), m.pattern().as_usize()));
        }
        // Every shape has an actor within a few words on each side of its cue; most cue words
        // ("head", "leader", "member") have none and are dropped here, before any other work.
        let mut starts: Vec<usize> = mentions
            .iter()
            .filter(|m| actor_kind(m))
            .map(|m| m.span.start)
            .collect();
        starts.sort_unstable();
        let mut ends: Vec<usize> = mentions
            .iter()
            .filter(|m| actor_kind(m))
            .map(|m| m.span.end)
            .collect();
        ends.sort_unstable();
        hits.retain(|&(s, e, _)| {
            let before = ends.partition_point(|&x| x <= s);
            let after = starts.partition_point(|&x| x < e);
            before > 0
                && s - ends[before - 1] <= NEAR
                && starts.get(after).is_some_and(|&x| x - e <= NEAR)
        });
        if hits.is_empty() {
            return Vec::new();
        }
        let mut by_start: HashMap<usize, &Mention> = HashMap::new();
        let mut by_end: HashMap<usize, &Mention> = HashMap::new();
        for m in mentions.iter().filter(|m| actor_kind(m)) {
            // The longest mention wins where two share an edge.
            let keep = |o: &&Mention| o.span.len() >= m.span.len();
            if !by_start.get(&m.span.start).is_some_and(keep) {
                by_start.insert(m.span.start, m);
            }
            if !by_end.get(&m.span.end).is_some_and(keep) {
                by_end.insert(m.span.end, m);
            }
        }
        let mut out: Vec<Relation> = Vec::new();
        for (s, e, p) in hits {
            // A window of a few words each side is all any shape needs.
            let mut from = s.saturating_sub(WINDOW);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (e + WINDOW).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            let ctx = Ctx {
                text,
                toks: tokens(text, from, to),
                by_start: &by_start,
                by_end: &by_end,
            };
            let Some(first) = ctx.toks.iter().position(|t| t.start == s) else {
                continue;
            };
            let Some(last) = ctx.toks.iter().position(|t| t.end == e) else {
                continue;
            };
            let cue = &self.cues[p];
            if let Some((x, y)) = self.shape(&ctx, cue, first, last) {
                if x.span == y.span
                    || (x.entity.is_some() && x.entity == y.entity)
                    || !self.target_ok(&cue.kind, y)
                {
                    continue;
                }
                let (a, b) = if x.span.end <= y.span.start {
                    (x.span.end, y.span.start)
                } else {
                    (y.span.end, x.span.start)
                };
                // The cue is the stretch between the two actors, without a possessive ending
                // and the commas around it.
                let mut gap = &text[a..b];
                let poss = gap
                    .strip_prefix('\'')
                    .or_else(|| gap.strip_prefix('\u{2019}'));
                if let Some(rest) = poss.and_then(|r| r.strip_prefix('s')) {
                    gap = rest;
                }
                let edge = |c: char| c.is_whitespace() || c == ',';
                let lead = gap.len() - gap.trim_start_matches(edge).len();
                let off = b - gap.len() + lead;
                let cue_text = gap.trim_matches(edge);
                let rel = Relation {
                    kind: cue.kind.clone(),
                    source: x.span,
                    source_entity: x.entity.clone(),
                    target: y.span,
                    target_entity: y.entity.clone(),
                    cue: Span::new(off, off + cue_text.len()),
                };
                if !out
                    .iter()
                    .any(|r| r.kind == rel.kind && r.source == rel.source && r.target == rel.target)
                {
                    out.push(rel);
                }
            }
        }
        out.sort_by_key(|r| (r.source.start.min(r.target.start), r.cue.start));
        out
    }

    fn target_ok(&self, kind: &str, y: &Mention) -> bool {
        self.targets
            .get(kind)
            .is_none_or(|types| types.contains(&y.kind))
    }

    /// The two actors of a cue found at tokens `first..=last`, if the words around it have
    /// one of the shapes of its form.
    fn shape<'a>(
        &self,
        c: &Ctx<'a>,
        cue: &Cue,
        first: usize,
        last: usize,
    ) -> Option<(&'a Mention, &'a Mention)> {
        match cue.form {
            Form::Noun => {
                // Right: "of (the) Y" — the appositive and predicate shapes.
                if c.is(last + 1, "of") {
                    let y = self.object(c, last + 2)?;
                    let x = self.subject_before_noun(c, first)?;
                    return Some((x, y));
                }
                // Possessive: "Y's (modifiers) NOUN (,) X".
                let mut i = first;
                while i > 0 && self.modifiers.contains(&c.word(i - 1)) {
                    i -= 1;
                }
                if i >= 3 && c.possessive_at(i - 2) && !self.past_before(c, i) {
                    let y = c.mention_to(i - 3)?;
                    let mut j = last + 1;
                    if c.is(j, ",") {
                        j += 1;
                    }
                    let (x, _) = c.mention_from(j)?;
                    return Some((x, y));
                }
                None
            }
            Form::Verb | Form::RelVerb => {
                let y = self.object(c, last + 1)?;
                // "joined the EU in condemning ..." is joining a stance, not an organisation.
                let after = c.toks.iter().position(|t| t.start >= y.span.end)?;
                if c.is(after, "in")
                    && c.toks
                        .get(after + 1)
                        .is_some_and(|_| c.word(after + 1).ends_with("ing"))
                {
                    return None;
                }
                let mut i = first;
                while i > 0 && self.adverbs.contains(&c.word(i - 1)) {
                    i -= 1;
                }
                if i > 0 && self.past.contains(&c.word(i - 1)) {
                    return None;
                }
                // ", who heads Y", ", which joined Y" or "X joined Y".
                if i >= 3 && (c.is(i - 1, "who") || c.is(i - 1, "which")) && c.is(i - 2, ",") {
                    return Some((c.mention_to(i - 3)?, y));
                }
                if cue.form == Form::RelVerb {
                    return None;
                }
                Some((c.mention_to(i.checked_sub(1)?)?, y))
            }
            Form::Near => {
                let y = self.object(c, last + 1)?;
                let mut i = first;
                while i > 0 && self.modifiers.contains(&c.word(i - 1)) {
                    i -= 1;
                }
                let x = self.linked_subject(c, i, true)?;
                Some((x, y))
            }
        }
    }

    /// The actor after a cue: "(the) Y", where Y is the whole name. Not when a possessive
    /// follows ("the head of Russia's space agency" is not about Russia), nor when the name
    /// goes on past the mention ("chairman of the Ohio Republican Party" is not about Ohio,
    /// "director of the Potsdam Institute for Climate Impact Research" not about a part of it).
    fn object<'a>(&self, c: &Ctx<'a>, mut i: usize) -> Option<&'a Mention> {
        if c.is(i, "the") {
            i += 1;
        }
        let (y, next) = c.mention_from(i)?;
        let capital = |k: usize| {
            c.toks.get(k).is_some_and(|t| {
                c.text[t.start..t.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
        };
        let goes_on = capital(next)
            || ((c.is(next, "for") || c.is(next, "of") || c.is(next, "and")) && capital(next + 1));
        (!c.possessive_at(next) && !goes_on).then_some(y)
    }

    /// Whether a word that makes the relation a past one stands just before token `i`.
    fn past_before(&self, c: &Ctx, i: usize) -> bool {
        (i.saturating_sub(2)..i).any(|j| self.past.contains(&c.word(j)))
    }

    /// The actor before a noun cue at token `first`: "X, (who is) (a|the) (modifiers) NOUN".
    fn subject_before_noun<'a>(&self, c: &Ctx<'a>, first: usize) -> Option<&'a Mention> {
        let mut i = first;
        while i > 0 {
            let w = c.word(i - 1);
            if self.past.contains(&w) {
                return None;
            }
            if !self.modifiers.contains(&w) {
                break;
            }
            i -= 1;
        }
        if i > 0 && matches!(c.word(i - 1).as_str(), "a" | "an" | "the") {
            i -= 1;
        }
        self.linked_subject(c, i, false)
    }

    /// The actor before token `i` through a comma, a linking phrase after a comma ("X, who is
    /// ..."), or a bare linking verb ("X is ..."). `need_link`: a bare comma is not enough
    /// ("X, close to Y" is too loose).
    fn linked_subject<'a>(&self, c: &Ctx<'a>, i: usize, need_link: bool) -> Option<&'a Mention> {
        for link in &self.links {
            let n = link.len();
            if i > n + 1
                && link
                    .iter()
                    .enumerate()
                    .all(|(k, w)| c.word(i - n + k) == *w)
                && c.is(i - n - 1, ",")
            {
                return c.mention_to(i - n - 2);
            }
        }
        if i >= 2 && self.bare_links.contains(&c.word(i - 1)) {
            return c.mention_to(i - 2);
        }
        if !need_link && i >= 2 && c.is(i - 1, ",") {
            return c.mention_to(i - 2);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions for the given names, typed by the caller, at each place they occur.
    fn mentions(text: &str, names: &[(&str, &str, &str)]) -> Vec<Mention> {
        let mut out = Vec::new();
        for (name, kind, entity) in names {
            for (i, _) in text.match_indices(name) {
                out.push(Mention {
                    span: Span::new(i, i + name.len()),
                    kind: kind.to_string(),
                    entity: Some(entity.to_string()),
                    actor: None,
                });
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }

    fn rels(text: &str, names: &[(&str, &str, &str)]) -> Vec<(String, String, String, String)> {
        let ms = mentions(text, names);
        find_relations(text, &ms)
            .into_iter()
            .map(|r| {
                (
                    r.source_entity.unwrap_or_default(),
                    r.kind,
                    r.target_entity.unwrap_or_default(),
                    text[r.cue.start..r.cue.end].to_string(),
                )
            })
            .collect()
    }

    fn one(kind: &str, src: &str, tgt: &str, cue: &str) -> Vec<(String, String, String, String)> {
        vec![(src.into(), kind.into(), tgt.into(), cue.into())]
    }

    const MEDVEDEV: (&str, &str, &str) = ("Dmitry Medvedev", "PERSON", "dmitry-medvedev");
    const PUTIN: (&str, &str, &str) = ("Putin", "PERSON", "vladimir-putin");

    #[test]
    fn builtin_lexicon_loads() {
        assert!(check_builtin().unwrap() > 20);
    }

    #[test]
    fn appositive_ally() {
        let t = "Dmitry Medvedev, a close ally of Putin, said the sanctions would fail.";
        assert_eq!(
            rels(t, &[MEDVEDEV, PUTIN]),
            one(
                "ally",
                "dmitry-medvedev",
                "vladimir-putin",
                "a close ally of"
            )
        );
    }

    #[test]
    fn possessive_ally_and_founder() {
        let t = "Putin's longtime ally Dmitry Medvedev warned the West on Tuesday.";
        assert_eq!(
            rels(t, &[MEDVEDEV, PUTIN]),
            one("ally", "dmitry-medvedev", "vladimir-putin", "longtime ally")
        );
        let t = "Huawei's founder Ren Zhengfei told reporters the company would survive.";
        let names = [
            ("Huawei", "ORG", "huawei"),
            ("Ren Zhengfei", "PERSON", "local:ren-zhengfei"),
        ];
        assert_eq!(
            rels(t, &names),
            one("founder", "local:ren-zhengfei", "huawei", "founder")
        );
    }

    #[test]
    fn member_founder_and_rival_after_of() {
        let names = [
            ("Finland", "GPE", "fin"),
            ("NATO", "ORG", "nato"),
            ("Wagner Group", "ORG", "local:wagner-group"),
            ("Yevgeny Prigozhin", "PERSON", "local:yevgeny-prigozhin"),
            ("Kim Jong Un", "PERSON", "kim-jong-un"),
        ];
        let t = "Finland, the newest member of NATO, shares a long border with Russia.";
        assert_eq!(
            rels(t, &names),
            one("member", "fin", "nato", "the newest member of")
        );
        let t = "Finland is a member of NATO since April.";
        assert_eq!(
            rels(t, &names),
            one("member", "fin", "nato", "is a member of")
        );
        let t = "Yevgeny Prigozhin, the founder of the Wagner Group, died in a plane crash.";
        assert_eq!(
            rels(t, &names),
            one(
                "founder",
                "local:yevgeny-prigozhin",
                "local:wagner-group",
                "the founder of the"
            )
        );
        let t = "Officials in Seoul see Kim Jong Un, a bitter rival of Yevgeny Prigozhin, as unpredictable.";
        assert_eq!(
            rels(t, &names),
            one(
                "rival",
                "kim-jong-un",
                "local:yevgeny-prigozhin",
                "a bitter rival of"
            )
        );
    }

    #[test]
    fn verbs_heads_and_joined() {
        let names = [
            ("Sergei Naryshkin", "PERSON", "sergei-naryshkin"),
            ("SVR", "ORG", "svr"),
            ("Sweden", "GPE", "swe"),
            ("NATO", "ORG", "nato"),
        ];
        let t = "Sergei Naryshkin, who heads the SVR, accused Washington of plotting.";
        assert_eq!(
            rels(t, &names),
            one("head", "sergei-naryshkin", "svr", "who heads the")
        );
        let t = "Sweden formally joined NATO on Thursday, ending two centuries of neutrality.";
        assert_eq!(
            rels(t, &names),
            one("member", "swe", "nato", "formally joined")
        );
        let t = "Sweden, which joined NATO in March, summoned the Chinese ambassador.";
        assert_eq!(
            rels(t, &names),
            one("member", "swe", "nato", "which joined")
        );
    }

    #[test]
    fn close_to_needs_a_link() {
        let names = [
            ("Wang Huning", "PERSON", "wang-huning"),
            ("Xi Jinping", "PERSON", "xi-jinping"),
        ];
        let t = "Wang Huning, who is seen as close to Xi Jinping, drafted the speech.";
        assert_eq!(
            rels(t, &names),
            one(
                "close",
                "wang-huning",
                "xi-jinping",
                "who is seen as close to"
            )
        );
        let t = "Wang Huning, seen as close to Xi Jinping, drafted the speech.";
        assert_eq!(
            rels(t, &names),
            one("close", "wang-huning", "xi-jinping", "seen as close to")
        );
        let t = "Wang Huning, close to Xi Jinping for decades, drafted the speech.";
        assert!(rels(t, &names).is_empty());
    }

    #[test]
    fn negatives_name_no_relation() {
        let names = [
            ("Biden", "PERSON", "joe-biden"),
            ("Putin", "PERSON", "vladimir-putin"),
            ("Xi", "PERSON", "xi-jinping"),
            ("Japan", "GPE", "jpn"),
            ("European Union", "ORG", "eu"),
            ("Russia", "GPE", "rus"),
            ("Roscosmos", "ORG", "roscosmos"),
            ("Yuri Borisov", "PERSON", "yuri-borisov"),
            ("Medvedev", "PERSON", "dmitry-medvedev"),
            ("Security Council", "ORG", "security-council"),
        ];
        for t in [
            // Not an actor after "of".
            "Biden, a member of the audience at the rally, asked about Ukraine.",
            // "rival" as an adjective.
            "Putin said rival bids from Chinese firms were welcome.",
            // A stance joined, not an organisation.
            "Japan joined the European Union in condemning the strike.",
            // A person joined: company, not membership.
            "Xi joined Putin on Red Square for the parade.",
            // The head of Roscosmos, not of Russia.
            "Yuri Borisov, the head of Russia's space agency, spoke first.",
            // A past relation.
            "Medvedev, a former member of the Security Council, spoke.",
            // A name longer than the mention: the party, not the state.
            "Biden, chairman of the Japan Democratic Party, spoke.",
            // "leads" outside a relative clause is no headship.
            "Japan leads the European Union in solar exports.",
            // No comma: not an appositive.
            "Putin ally of nobody.",
        ] {
            assert!(rels(t, &names).is_empty(), "{t}: {:?}", rels(t, &names));
        }
    }

    #[test]
    fn bad_lexicon_lines_are_reported() {
        let e = parse("noun\tfriend\tpal\n").unwrap_err();
        assert!(e.contains(":1: unknown relation"), "{e}");
        let e = parse("noun\tally\tally|ally\n").unwrap_err();
        assert!(e.contains("listed twice"), "{e}");
        let e = parse("nonsense\n").unwrap_err();
        assert!(e.contains(":1: expected"), "{e}");
    }
}
