//! The rule coder: in each sentence, the lexicon's triggers; for each, the source (the actor
//! before it: the subject, a possessive, or the agent of a passive) and the target (in the
//! trigger's slot: its object or the actor after a preposition), negation and modality from the
//! words around it, and the date of its clause.

use crate::lexicon::{Lexicon, Piece, Slot, Trigger, NO_EVENT};
use dyad_model::{Event, EventActor, Mention, Span};
use std::collections::HashMap;

/// A word of a sentence: its lower-cased text and byte span.
#[derive(Debug, Clone)]
struct Tok {
    w: String,
    s: usize,
    e: usize,
}

fn tokens(text: &str, span: Span) -> Vec<Tok> {
    let mut out = Vec::new();
    let sent = &text[span.start..span.end];
    let mut start: Option<usize> = None;
    let mut it = sent.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inner = matches!(c, '\'' | '’' | '-' | '.')
            && start.is_some()
            && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Tok {
                w: sent[s..i].to_lowercase().replace('’', "'"),
                s: span.start + s,
                e: span.start + i,
            });
        }
        // Punctuation is a token too: it bounds clauses and gaps. The dot of "Mr." or "Gen."
        // is not.
        let abbreviation = c == '.'
            && out.last().is_some_and(|t: &Tok| {
                t.e == span.start + i && ABBREVIATIONS.contains(&t.w.as_str())
            });
        if abbreviation {
            // The dot belongs to the word: "U.S." ends after it, as its mention does.
            if let Some(t) = out.last_mut() {
                t.e = span.start + i + 1;
            }
        } else if !c.is_whitespace() {
            out.push(Tok {
                w: c.to_string(),
                s: span.start + i,
                e: span.start + i + c.len_utf8(),
            });
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            w: sent[s..].to_lowercase().replace('’', "'"),
            s: span.start + s,
            e: span.end,
        });
    }
    out
}

/// Verbs that carry a noun event: "held talks", "launched air strikes", "began an exercise".
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "holding",
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "launch",
    "launches",
    "launched",
    "launching",
    "stage",
    "stages",
    "staged",
    "staging",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "start",
    "starts",
    "started",
    "starting",
    "mount",
    "mounts",
    "mounted",
    "carry",
    "carried",
    "make",
    "makes",
    "made",
    "making",
    "open",
    "opened",
    "resume",
    "resumed",
    "continue",
    "continued",
    "complete",
    "completed",
    "end",
    "ended",
    "announce",
    "announced",
    "order",
    "ordered",
    "sign",
    "signed",
    "reach",
    "reached",
    "perform",
    "performed",
    "organise",
    "organised",
    "organize",
    "organized",
    "participate",
    "participates",
    "participated",
    "participating",
    "join",
    "joins",
    "joined",
    "joining",
    // "imposed blockades on the ports", "imposed a nightly curfew".
    "impose",
    "imposes",
    "imposed",
    "imposing",
    // "agreed a landmark free trade agreement" (British usage).
    "agree",
    "agrees",
    "agreed",
];

/// The light verb right before a noun trigger, over articles and a few modifiers ("began a
/// new round of joint military exercises" has "a new round of" between).
fn light_verb_before(toks: &[Tok], first: usize) -> Option<usize> {
    let lo = first.saturating_sub(6);
    (lo..first)
        .rev()
        .find(|&j| LIGHT_VERBS.contains(&toks[j].w.as_str()))
        .filter(|&j| {
            toks[j + 1..first]
                .iter()
                .all(|t| !is_punct(&t.w) && !LIGHT_VERBS.contains(&t.w.as_str()))
        })
}

/// The first token of the phrase that starts at token `at`, stepping back over the articles
/// and possessive determiners before it, but not before token `lo`.
fn over_articles(toks: &[Tok], mut at: usize, lo: usize) -> usize {
    while at > lo && DETERMINERS[..12].contains(&toks[at - 1].w.as_str()) {
        at -= 1;
    }
    at
}

/// Whether the word at `k` is used as a verb for sure: inflected ("opposes", "condemned") or
/// after a modal or "to" ("will criticise"). A bare form may be a noun: "European bar lifts
/// boycott".
fn surely_verb(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].w.as_str();
    w.ends_with('s')
        || w.ends_with('d')
        || k.checked_sub(1).is_some_and(|p| {
            let p = toks[p].w.as_str();
            BEFORE_INFINITIVE.contains(&p) || matches!(p, "did" | "does" | "do" | "not" | "n't")
        })
}

/// Words after which a verb stands in its bare form: "will aid", "to sanction".
const BEFORE_INFINITIVE: &[&str] = &[
    "will", "would", "could", "should", "may", "might", "must", "can", "to",
];

/// Whether the word at `k` may be a noun as well as a verb: uninflected ("aid", not "aided",
/// "attacks") and not after a modal or "to" ("will aid").
fn bare_form(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].w.as_str();
    let after_modal = k
        .checked_sub(1)
        .is_some_and(|p| BEFORE_INFINITIVE.contains(&toks[p].w.as_str()));
    !w.ends_with("ed") && !w.ends_with('s') && !w.ends_with("ing") && !after_modal
}

/// Verbs of giving that carry a noun event and name its recipient between them and it: "gave
/// the Ivory Coast 5 million dollars of aid", "offered Kyiv new loans".
const GIVING_VERBS: &[&str] = &[
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "provide",
    "provides",
    "provided",
    "providing",
    "offer",
    "offers",
    "offered",
    "offering",
    "grant",
    "grants",
    "granted",
    "extend",
    "extends",
    "extended",
    "pledge",
    "pledges",
    "pledged",
    "send",
    "sends",
    "sent",
    "donate",
    "donates",
    "donated",
    "donating",
    "allocate",
    "allocates",
    "allocated",
    "allocating",
    "earmark",
    "earmarks",
    "earmarked",
    "contribute",
    "contributes",
    "contributed",
];

/// The giving verb before a noun trigger, within a clause of a few words.
fn giving_verb_before(toks: &[Tok], first: usize) -> Option<usize> {
    let lo = first.saturating_sub(9);
    (lo..first)
        .rev()
        .find(|&j| GIVING_VERBS.contains(&toks[j].w.as_str()))
        .filter(|&j| toks[j + 1..first].iter().all(|t| !is_break(&t.w)))
}

/// Whether a noun trigger is possessed by a pronoun ("its demand", "their new sanctions"):
/// then it is the act of the clause's subject.
fn own_noun(toks: &[Tok], first: usize) -> bool {
    owner_pronoun(toks, first).is_some()
}

/// Whether a noun trigger stands in a "during" phrase ("during a three-day trip"), a few
/// words of determiners, numbers and adjectives between.
fn during(toks: &[Tok], first: usize) -> bool {
    (first.saturating_sub(5)..first)
        .rev()
        .find(|&j| {
            let w = toks[j].w.as_str();
            is_punct(w) || PREPOSITIONS.contains(&w) || w == "during"
        })
        .is_some_and(|j| toks[j].w == "during")
}

/// A lower-case word with an adjective's ending ("mental", "factional", "economic",
/// "massive", "dangerous", "peaceful", "military").
fn adjective_like(w: &str) -> bool {
    w.len() > 4
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && ["al", "ic", "ive", "ous", "ful", "ary"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Whether token `k` ends a clause and another starts: a semicolon, or a comma before a
/// conjunction or a relative word (", and Moscow welcomed", ", which").
fn clause_joint(toks: &[Tok], k: usize) -> bool {
    match toks[k].w.as_str() {
        ";" | "." | ":" => true,
        "," => toks.get(k + 1).is_some_and(|t| {
            matches!(
                t.w.as_str(),
                "and" | "but" | "while" | "whereas" | "which" | "who" | "although" | "though"
            )
        }),
        _ => false,
    }
}

/// The possessive pronoun of a noun trigger ("his" in "his brutal invasion").
fn owner_pronoun(toks: &[Tok], first: usize) -> Option<&str> {
    let lo = first.saturating_sub(2);
    toks[lo..first]
        .iter()
        .map(|t| t.w.as_str())
        .find(|w| matches!(*w, "its" | "their" | "his" | "her"))
}

/// Nouns that an event noun before them only describes: "aid workers", "protest leaders",
/// "cooperation documents", "attack helicopters".
const MODIFIED_HEADS: &[&str] = &[
    "worker",
    "workers",
    "agency",
    "agencies",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "group",
    "groups",
    "official",
    "officials",
    "leader",
    "leaders",
    "activist",
    "activists",
    "campaigner",
    "campaigners",
    "staff",
    "expert",
    "experts",
    "document",
    "documents",
    "committee",
    "ministry",
    "minister",
    "ministers",
    "office",
    "offices",
    "museum",
    "record",
    "records",
    "history",
    "helicopter",
    "helicopters",
    "aircraft",
    "submarine",
    "submarines",
    "dog",
    "dogs",
];

/// Where the clause that token `to` is in begins: after the last report before it
/// ("officials said [Iran attacked ...]"), else at the sentence's start. A "that" is not
/// enough: "its position that Taiwan is part of China and its opposition" goes on with the
/// sentence's subject.
fn clause_start(toks: &[Tok], to: usize) -> usize {
    (0..to)
        .rev()
        .find(|&k| {
            matches!(
                toks[k].w.as_str(),
                "said" | "says" | "say" | "told" | "stated" | "added"
            )
        })
        .map_or(0, |k| k + 1)
}

/// Particles of phrasal verbs: "call on", "push for".
const PARTICLES: &[&str] = &[
    "on", "upon", "for", "with", "to", "up", "out", "off", "down",
];

/// Cooperative acts by CAMEO prefix, the most specific first: the code of announcing the
/// intent to do it, of refusing it, and of demanding it of another.
const COOPERATIVE: &[(&str, &str, &str, &str)] = &[
    ("045", "039", "126", "105"),
    ("04", "036", "125", "108"),
    ("05", "032", "120", "102"),
    ("061", "0311", "1211", "1011"),
    ("062", "0312", "1212", "1012"),
    ("063", "031", "121", "1013"),
    ("064", "031", "121", "1014"),
    ("06", "031", "121", "101"),
    ("071", "0331", "1221", "1031"),
    ("072", "0332", "1222", "1032"),
    ("073", "0333", "1223", "1033"),
    ("074", "0334", "1224", "1034"),
    ("07", "033", "122", "103"),
    ("081", "0351", "1241", "1051"),
    ("082", "0352", "1242", "1052"),
    ("083", "034", "123", "104"),
    ("084", "0353", "1243", "1053"),
    ("085", "0354", "1244", "1054"),
    ("086", "0355", "1245", "1055"),
    ("0871", "0356", "1246", "107"),
    ("0874", "0356", "1246", "106"),
    ("087", "0356", "1246", "1056"),
    ("08", "035", "124", "105"),
];

/// The row of [`COOPERATIVE`] for a CAMEO code.
fn cooperative(
    cameo: &str,
) -> Option<&'static (&'static str, &'static str, &'static str, &'static str)> {
    COOPERATIVE.iter().find(|r| cameo.starts_with(r.0))
}

/// Restrictive measures that can be undone, by CAMEO prefix (the most specific first), with
/// the code of easing them: sanctions (085), curfews (0813), a state of emergency (0814),
/// restrictions on freedoms (0811), bans on parties (0812) and other administrative
/// restrictions (081), a blockade or siege (0872).
const EASED: &[(&str, &str)] = &[
    ("163", "085"),
    ("1721", "0811"),
    ("1722", "0812"),
    ("1723", "0813"),
    ("1724", "0814"),
    ("172", "081"),
    ("191", "0872"),
];

/// Head words of the measures in [`EASED`] that easing applies to: "lifted the curfew", not
/// "ended the cyberattack" (also coded 172).
const MEASURES: &[&str] = &[
    "sanctions",
    "embargo",
    "tariffs",
    "ban",
    "restrictions",
    "restriction",
    "curbs",
    "curfew",
    "lockdown",
    "blockade",
    "siege",
    "law",
    "emergency",
    "rule",
    "decree",
    "controls",
    "freeze",
    "censorship",
    "shutdown",
    "blackout",
    "protests",
    "demonstrations",
    "gatherings",
    "party",
    "opposition",
];

/// Words that undo a measure named right after them: verbs ("lifted", "rolled back") and
/// nouns before "of" ("the lifting of", "an end to").
const UNDOING: &[&str] = &[
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "ease",
    "eases",
    "eased",
    "easing",
    "relax",
    "relaxes",
    "relaxed",
    "relaxing",
    "relaxation",
    "loosen",
    "loosens",
    "loosened",
    "loosening",
    "scrap",
    "scraps",
    "scrapped",
    "scrapping",
    "remove",
    "removes",
    "removed",
    "removing",
    "removal",
    "suspend",
    "suspends",
    "suspended",
    "suspending",
    "suspension",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "reduction",
    "cut",
    "cuts",
    "cutting",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "waive",
    "waives",
    "waived",
    "waiving",
    "repeal",
    "repeals",
    "repealed",
    "repealing",
    "revoke",
    "revokes",
    "revoked",
    "revoking",
    "revocation",
    "rescind",
    "rescinds",
    "rescinded",
    "rescinding",
    "abolish",
    "abolishes",
    "abolished",
    "abolishing",
    "abolition",
    "end",
    "ends",
    "ended",
    "ending",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "back",
];

/// Words that end the stretch between an undoing word and the measure: a preposition or a
/// conjunction starts another phrase ("cut aid over the sanctions"), a verb another clause.
const UNDO_STOPS: &[&str] = &[
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "after",
    "before",
    "when",
    "while",
    "if",
    "to",
    "on",
    "in",
    "for",
    "against",
    "with",
    "by",
    "over",
    "from",
    "as",
    "at",
    "into",
    "than",
    "amid",
    "despite",
    "under",
    "during",
    "since",
    "until",
    "following",
    "of",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "not",
];

/// Words of quantity before "of" ("hundreds of troops"), which is then no preposition.
const QUANTITIES: &[&str] = &[
    "hundreds",
    "thousands",
    "tens",
    "dozens",
    "scores",
    "millions",
    "some",
    "many",
    "most",
    "all",
    "several",
    "group",
    "groups",
    "contingent",
    "batch",
    "number",
    "majority",
    "handful",
    "team",
    "unit",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Whether a deployment at `f` is for peacekeeping: "deployed 230 troops to Liberia on a
/// peacekeeping mission", "peacekeepers arrived in Mali", within its clause.
fn peacekeeping_near(toks: &[Tok], f: &Found) -> bool {
    let lo = f.first.saturating_sub(4);
    let hi = (f.end + 14).min(toks.len());
    let before = toks[lo..f.first]
        .iter()
        .rev()
        .take_while(|t| !is_break(&t.w));
    let after = toks[f.end..hi].iter().take_while(|t| !is_break(&t.w));
    before
        .chain(after)
        .any(|t| t.w.starts_with("peacekeep") || t.w == "blue-helmets")
}

/// Conditions fought without arms: "fight the Ebola epidemic", "fighting the root causes of
/// migration", "combat corruption".
const CONDITIONS: &[&str] = &[
    "epidemic",
    "epidemics",
    "pandemic",
    "virus",
    "coronavirus",
    "covid",
    "covid-19",
    "ebola",
    "disease",
    "diseases",
    "malaria",
    "cholera",
    "hiv",
    "aids",
    "outbreak",
    "poverty",
    "hunger",
    "famine",
    "corruption",
    "crime",
    "inflation",
    "unemployment",
    "climate",
    "drought",
    "wildfire",
    "wildfires",
    "floods",
    "locusts",
    "drugs",
    "trafficking",
    "smuggling",
    "discrimination",
    "racism",
    "migration",
    "illiteracy",
    "pollution",
    "terrorism",
    "extremism",
    "radicalism",
    "piracy",
    "fraud",
    "laundering",
];

/// Whether a fight at `f` is against a condition, not an enemy (see [`CONDITIONS`]).
fn fights_a_condition(toks: &[Tok], f: &Found) -> bool {
    let w = toks[f.first].w.as_str();
    let fight = ["fight", "fought", "battl", "combat", "tackl"]
        .iter()
        .any(|p| w.starts_with(p));
    // The object right after the verb, over its articles and modifiers ("the root causes of
    // migration"), not words of a later clause ("fighting broke out after troops opened
    // fire").
    let object = &toks[f.end..(f.end + 4).min(toks.len())];
    fight
        && object
            .iter()
            .take_while(|t| !is_break(&t.w) && !matches!(t.w.as_str(), "and" | "in" | "with"))
            .enumerate()
            .any(|(n, t)| {
                CONDITIONS.contains(&t.w.as_str())
                    || t.w == "causes" && n > 0 && object[n - 1].w == "root"
            })
}

/// The last word of a lexicon phrase: its head.
fn head_word(phrase: &str) -> &str {
    phrase.rsplit(' ').next().unwrap_or(phrase)
}

/// Whether a match at `i..end` of a pattern that ends in a measure ("call for * sanctions")
/// takes in words that undo it ("called for the lifting of sanctions", "demanded that
/// sanctions be lifted", "sought sanctions relief"), which the pattern does not name itself.
/// The caller asks only for patterns that end in a measure (`Coder::ends_in_measure`).
fn reaches_over_undoing(toks: &[Tok], i: usize, end: usize, phrase: &str) -> bool {
    let named = |w: &str| phrase.split(' ').any(|p| p.split('/').any(|f| f == w));
    let inside = toks
        .get(i + 1..end.saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .any(|t| {
            (UNDOING.contains(&t.w.as_str()) || matches!(t.w.as_str(), "that" | "relief"))
                && !named(&t.w)
        });
    inside || toks.get(end).is_some_and(|t| t.w == "relief")
}

/// The easing code of a restrictive measure, if it can be undone.
fn eased(cameo: &str, phrase: &str) -> Option<&'static str> {
    if !MEASURES.contains(&head_word(phrase)) && !phrase.starts_with("ban ") {
        return None;
    }
    EASED
        .iter()
        .find(|(from, _)| cameo.starts_with(from))
        .map(|&(_, to)| to)
}

/// The word that undoes the measure found at `f`: before it ("lifted a 100-kilometre travel
/// restriction", "the lifting of sanctions", "rolled back tariffs", "an end to the
/// blockade") or after it in the passive ("sanctions against Iran were lifted").
fn undoing(toks: &[Tok], f: &Found) -> Option<usize> {
    let lo = f.first.saturating_sub(7);
    let mut j = f.first;
    while j > lo {
        j -= 1;
        let w = toks[j].w.as_str();
        if UNDOING.contains(&w) {
            // "rolled back", "scaled back": the verb before "back".
            if w != "back" {
                return Some(j);
            }
            let verb = j.checked_sub(1).filter(|&v| {
                matches!(
                    toks[v].w.as_str(),
                    "roll" | "rolls" | "rolled" | "rolling" | "scale" | "scales" | "scaled"
                )
            });
            if verb.is_some() {
                return verb;
            }
            break;
        }
        // "the lifting of", "an end to": the preposition right after a noun of undoing.
        let prev = j.checked_sub(1).map(|p| toks[p].w.as_str());
        let after_noun = w == "of"
            && prev.is_some_and(|p| {
                matches!(
                    p,
                    "lifting"
                        | "easing"
                        | "removal"
                        | "suspension"
                        | "reduction"
                        | "relaxation"
                        | "abolition"
                        | "revocation"
                        | "repeal"
                        | "end"
                )
            })
            || w == "to" && prev == Some("end");
        if after_noun {
            continue;
        }
        if UNDO_STOPS.contains(&w) || is_break(w) {
            break;
        }
    }
    // The passive after the measure and its own phrase: "sanctions against Iran were lifted";
    // the phrase opens with a preposition and holds no clause ("Israel's blockade means fuel
    // supplies are cut", "sanctions on banks whose licences were revoked" undo nothing).
    let hi = (f.end + 6).min(toks.len());
    let be = (f.end..hi)
        .take_while(|&k| {
            !is_punct(&toks[k].w)
                && !matches!(
                    toks[k].w.as_str(),
                    "that" | "which" | "who" | "whose" | "where" | "when"
                )
        })
        .find(|&k| BE.contains(&toks[k].w.as_str()))?;
    if be > f.end && !PREPOSITIONS.contains(&toks[f.end].w.as_str()) {
        return None;
    }
    let mut k = be + 1;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.w.as_str(), "been" | "being"))
    {
        k += 1;
    }
    // "were not lifted", "were partially lifted".
    while toks
        .get(k)
        .is_some_and(|t| t.w.ends_with("ly") || NEGATORS.contains(&t.w.as_str()))
        && k < be + 4
    {
        k += 1;
    }
    let w = toks.get(k)?.w.as_str();
    (UNDOING.contains(&w) && (w.ends_with("ed") || w == "cut")).then_some(k)
}

/// The CAMEO demand code for an act another is told it must do.
fn as_demand(cameo: &str) -> &'static str {
    cooperative(cameo).map_or("100", |r| r.3)
}

/// Whether the words between a report and the next trigger open a clause whose subject is a
/// pronoun ("said on Friday that it would", "says they will"): the speaker reports its own
/// act.
fn self_report(toks: &[Tok], from: usize, to: usize) -> bool {
    let between = &toks[from..to];
    // The pronoun, or the speaker's own country or government named as such ("said his
    // country will not lift the ban", "said the government will extend the curfew").
    let own = |k: usize| {
        let w = between[k].w.as_str();
        let next = between.get(k + 1).map(|t| t.w.as_str());
        if matches!(w, "it" | "they" | "he" | "she" | "we") {
            Some(k)
        } else if matches!(w, "the" | "his" | "her" | "its" | "their" | "our")
            && matches!(next, Some("country" | "government"))
        {
            Some(k + 1)
        } else {
            None
        }
    };
    let Some((k, last)) = (0..between.len()).find_map(|k| own(k).map(|l| (k, l))) else {
        return false;
    };
    // Before the subject only "that" and a day ("said on Friday that it"); after it only
    // auxiliaries, negation, adverbs and verbs of intent ("it had evidence Israel attacked"
    // is no report of its own act).
    let aux = |w: &str| {
        matches!(
            w,
            "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "not"
                | "n't"
                | "never"
                | "no"
                | "longer"
                | "also"
                | "still"
                | "soon"
                | "now"
                | "then"
                | "again"
                | "immediately"
                | "already"
                | "further"
                | "to"
                | "plans"
                | "planned"
                | "intends"
                | "intended"
                | "wants"
                | "hopes"
                | "hoped"
                | "expects"
                | "expected"
                | "going"
                | "ready"
                | "willing"
                | "prepared"
                | "determined"
                | "finally"
                | "formally"
                | "currently"
                | "actively"
                | "recently"
                | "jointly"
        )
    };
    between.len() - last <= 5
        && between[last + 1..].iter().all(|t| aux(t.w.as_str()))
        && between[..k].iter().all(|t| {
            matches!(
                t.w.as_str(),
                "that" | "on" | "also" | "earlier" | "later" | "last" | "this" | "week" | "month"
            ) || time_word(&t.w)
        })
}

/// Words that may stand between a reporting noun or verb and its "that": "its demand today
/// that Israel ...".
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "again", "now"];

/// Whether a word is one of [`TIME_WORDS`] or a weekday ("its demand on Monday that").
fn time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || dyad_annotate::calendar::WEEKDAYS.contains(&w)
}

/// Whether the trigger stands in a condition ("if it gave support", "unless Russia
/// withdraws"): within its clause, after "if" or "unless". What a condition supposes has not
/// happened.
fn conditional(toks: &[Tok], first: usize) -> bool {
    toks[..first]
        .iter()
        .rev()
        .take(8)
        .take_while(|t| !matches!(t.w.as_str(), "," | ";" | ":" | "\"" | "“" | "”"))
        .any(|t| matches!(t.w.as_str(), "if" | "unless"))
}

/// Whether a condition follows the trigger in its sentence, before another clause begins:
/// "may halt mediation efforts if cooperation founders".
fn condition_after(toks: &[Tok], end: usize) -> bool {
    toks[end.min(toks.len())..]
        .iter()
        .take(14)
        .take_while(|t| {
            !matches!(
                t.w.as_str(),
                ";" | ":" | "," | "\"" | "“" | "”" | "but" | "though" | "said" | "says"
            )
        })
        .any(|t| matches!(t.w.as_str(), "if" | "unless"))
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "adm", "prof",
    "st", "u.s", "u.n", "u.k", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "vs",
];

fn is_punct(w: &str) -> bool {
    !w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Punctuation that ends a phrase: not the signs of an amount ("$2 million", "€1.2 billion",
/// "3%"), which stand inside one.
fn is_break(w: &str) -> bool {
    is_punct(w) && !is_amount_sign(w) && w != "%"
}

/// A currency sign.
fn is_amount_sign(w: &str) -> bool {
    matches!(w, "$" | "€" | "£" | "¥")
}

/// Currencies named after an amount ("50 million euros").
const CURRENCIES: &[&str] = &[
    "dollars", "euros", "pounds", "yuan", "yen", "rubles", "roubles", "rupees", "francs", "dinars",
    "riyals", "shekels", "won", "lira", "rand", "naira", "pesos", "reais", "usd", "eur",
];

/// The compiled coder.
pub struct Coder {
    lex: Lexicon,
    /// First word form -> triggers starting with it.
    by_first: HashMap<String, Vec<usize>>,
    /// By trigger: whether its pattern ends in a restrictive measure ("call for * sanctions"),
    /// decided once here rather than at every match.
    ends_in_measure: Vec<bool>,
}

/// A trigger found in a sentence: token range and trigger index.
#[derive(Debug, Clone, Copy)]
struct Found {
    first: usize,
    /// One past the last token.
    end: usize,
    trigger: usize,
    /// The word that undoes the restrictive measure found ("lifted" before "sanctions"):
    /// the event is the easing of it.
    undo: Option<usize>,
}

const NEGATORS: &[&str] = &["not", "n't", "never", "no", "without"];
const MODALS: &[(&str, &str)] = &[
    ("will", "future"),
    ("would", "conditional"),
    ("could", "possible"),
    ("may", "possible"),
    ("might", "possible"),
    ("should", "obligation"),
    ("must", "obligation"),
    ("plans", "planned"),
    ("planned", "planned"),
    ("plan", "planned"),
    ("intends", "planned"),
    ("intended", "planned"),
    ("expected", "expected"),
    ("threatened", "threatened"),
    ("threatens", "threatened"),
    ("vowed", "promised"),
    ("pledged", "promised"),
    ("promised", "promised"),
    ("wants", "desired"),
    ("offered", "offered"),
    ("proposed", "proposed"),
    ("refused", "refused"),
    ("declined", "refused"),
    ("failed", "failed"),
    ("fails", "failed"),
    ("agreed", "agreed"),
    ("agree", "agreed"),
    ("agrees", "agreed"),
];
/// Words after which the next noun phrase is not a subject ("in China", "of Russia").
const PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "from", "to", "with", "by", "on", "for", "into", "against", "about", "over",
    "between", "near", "across", "under", "after", "before", "during", "since", "toward",
    "towards", "via", "within", "without", "among",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "new",
    "further", "fresh", "latest", "recent",
];
/// Adjectives that stand before event nouns and never before verbs: "economic sanctions",
/// "Western sanctions", "joint exercises".
const NOUN_MODIFIERS: &[&str] = &[
    "western",
    "eastern",
    "economic",
    "financial",
    "unilateral",
    "sweeping",
    "tough",
    "harsh",
    "severe",
    "punitive",
    "secondary",
    "sectoral",
    "targeted",
    "additional",
    "military",
    "joint",
    "naval",
    "international",
    "retaliatory",
    "bilateral",
    "trilateral",
    "multilateral",
];
const BE: &[&str] = &[
    "was", "were", "been", "being", "be", "is", "are", "got", "get", "gets",
];

impl Coder {
    pub fn new(lex: Lexicon) -> Coder {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in lex.triggers.iter().enumerate() {
            if let Some(Piece::Word(forms)) = t.pieces.first() {
                for f in forms {
                    by_first.entry(f.clone()).or_default().push(i);
                }
            }
        }
        let ends_in_measure = lex
            .triggers
            .iter()
            .map(|t| MEASURES.contains(&head_word(&t.phrase)))
            .collect();
        Coder {
            lex,
            by_first,
            ends_in_measure,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// The events of one sentence, undated (the caller dates them once it knows every trigger
    /// of the sentence). `mentions` are the document's, sorted by start.
    pub fn sentence_events(&self, text: &str, sentence: Span, mentions: &[Mention]) -> Vec<Event> {
        let toks = tokens(text, sentence);
        let actors = Actors::new(mentions, sentence);
        let mut events = Vec::new();
        // The trigger of each event pushed, in step with `events`.
        let mut made: Vec<Found> = Vec::new();
        // In step with `events`: for an act coded as announced (an intent, a threat, a
        // refusal), the modality and negation it was announced with.
        let mut announced: Vec<Option<(Option<String>, bool)>> = Vec::new();
        let mut found = self.find(&toks, &actors);
        // An idiom that is no event ("calls the shots") has won over the words inside it
        // ("calls"); it codes nothing itself.
        found.retain(|f| self.lex.triggers[f.trigger].cameo != NO_EVENT);
        // "lifted the sanctions": the easing of a measure, read at the word that undoes it. A
        // noun of undoing that is a trigger itself ("the suspension of sanctions") is that
        // easing, no event of its own.
        for f in &mut found {
            let t = &self.lex.triggers[f.trigger];
            if t.kind == 'N' && eased(&t.cameo, &t.phrase).is_some() {
                f.undo = undoing(&toks, f);
            }
        }
        // The undoing words, "back" of "rolled back" with them (no act of support).
        let undo_words: Vec<usize> = found
            .iter()
            .filter_map(|f| f.undo)
            .flat_map(|u| {
                let back = toks.get(u + 1).is_some_and(|t| t.w == "back");
                std::iter::once(u).chain(back.then_some(u + 1))
            })
            .collect();
        found.retain(|f| !(f.end - f.first == 1 && undo_words.contains(&f.first)));
        // "gave Moldova 50 million euros of aid": an amount given is the aid only when no noun
        // of aid after it names what it is, and only money ("provided 2 million barrels of oil"
        // is no aid).
        let not_aid: Vec<bool> = (0..found.len())
            .map(|k| {
                let t = &self.lex.triggers[found[k].trigger];
                let amount = t.phrase.ends_with(" million") || t.phrase.ends_with(" billion");
                let f = &found[k];
                let money = toks[f.first..f.end].iter().any(|t| is_amount_sign(&t.w))
                    || toks
                        .get(f.end)
                        .is_some_and(|t| CURRENCIES.contains(&t.w.as_str()));
                let aid_noun_after = found.get(k + 1).is_some_and(|n| {
                    let nt = &self.lex.triggers[n.trigger];
                    nt.kind == 'N'
                        && nt.cameo.starts_with("07")
                        && n.first - f.end <= 5
                        && toks[f.end..n.first].iter().all(|t| !is_break(&t.w))
                });
                amount && (!money || aid_noun_after)
            })
            .collect();
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !not_aid[k - 1]
        });
        for &f in &found {
            let t = &self.lex.triggers[f.trigger];
            let code = self.base_code(&f);
            let Some(info) = self.lex.codes.get(code) else {
                continue;
            };
            // "aid workers", "cooperation documents", "protest leaders": a word that
            // describes the noun after it names no event.
            if f.end - f.first == 1
                && (t.kind == 'N' || bare_form(&toks, f.first))
                && toks
                    .get(f.end)
                    .is_some_and(|n| MODIFIED_HEADS.contains(&n.w.as_str()))
            {
                continue;
            }
            // "fight the Ebola epidemic": no armed clash.
            if t.cameo.starts_with("19") && fights_a_condition(&toks, &f) {
                continue;
            }
            // `find` has left out words of names and roles.
            let (from, to) = f
                .undo
                .map_or((f.first, f.end - 1), |u| (u.min(f.first), u.max(f.end - 1)));
            let trigger = Span::new(toks[from].s, toks[to].e);
            // Who lifts the sanctions: the subject of the verb that lifts them.
            let undo_source = f
                .undo
                .filter(|&u| u < f.first)
                .and_then(|u| self.subject(&toks, u, &actors));
            // "was sanctioned by", and the participle of a reduced clause: "a conference
            // hosted by China".
            let reduced = f.end - f.first == 1
                && toks[f.first].w.ends_with("ed")
                && toks.get(f.end).is_some_and(|t| t.w == "by");
            let passive = t.kind == 'V'
                && f.first > 0
                && (BE.contains(&toks[f.first - 1].w.as_str())
                    || reduced
                    || f.first > 1
                        && NEGATORS.contains(&toks[f.first - 1].w.as_str())
                        && BE.contains(&toks[f.first - 2].w.as_str()));
            let by_agent = passive
                .then(|| self.after_prep(&toks, f.end, "by", &actors))
                .flatten();
            // A noun alone ("the sanctions", "the visit") names a topic, not an event: it needs
            // an actor of its own (a possessor, a modifier, "by X" or its target slot).
            let giving = (t.kind == 'N')
                .then(|| giving_verb_before(&toks, f.first))
                .flatten();
            let noun_source = (t.kind == 'N')
                .then(|| {
                    self.possessor(&toks, f.first, &actors)
                        .or_else(|| self.premodifier(&toks, f.first, &actors))
                        // "the attack by Hamas"; not the agent of a passive verb after the
                        // noun ("demands from UNITA were rejected by the government").
                        .or_else(|| {
                            let passive_after = toks[f.end..]
                                .iter()
                                .take_while(|t| t.w != "by")
                                .any(|t| BE.contains(&t.w.as_str()));
                            (!passive_after)
                                .then(|| self.after_prep(&toks, f.end, "by", &actors))
                                .flatten()
                        })
                        // "demands from UNITA", "aid from China": the act comes from there;
                        // not a withdrawal, an expulsion or a release, whose "from" is
                        // the place left ("withdrawal from Gaza"), nor "its aid from".
                        .or_else(|| {
                            let from_actor = toks.get(f.end).is_some_and(|t| t.w == "from")
                                && !own_noun(&toks, f.first)
                                && !matches!(
                                    info.plover.as_deref(),
                                    Some(
                                        "RETREAT" | "COERCE" | "SANCTION" | "MOBILIZE" | "CONCEDE"
                                    )
                                );
                            from_actor
                                .then(|| self.after_prep(&toks, f.end, "from", &actors))
                                .flatten()
                        })
                        // "the two navies began a joint exercise": a light verb makes the
                        // noun the act of the verb's subject.
                        .or_else(|| {
                            light_verb_before(&toks, f.first)
                                .or(giving)
                                .and_then(|v| self.subject(&toks, v, &actors))
                        })
                })
                .flatten();
            if t.kind == 'N'
                && noun_source.is_none()
                && undo_source.is_none()
                && self.target(&toks, f, t, &actors).is_none()
                && self.nearby_target(&toks, f, t, &actors).is_none()
            {
                continue;
            }
            let mut source = match (t.kind, by_agent) {
                (_, Some(a)) => Some(a),
                _ if undo_source.is_some() => undo_source,
                // "China criticised Western sanctions on Moscow": a noun that is the object
                // of another event's verb is not the act of that verb's subject.
                // ... unless a report makes a pronoun's noun the subject's own: "the ILO
                // reiterated its demand" (not "Moscow condemned their attack").
                ('N', _) if self.governed(&toks, &found, f) => noun_source.or_else(|| {
                    let by_report = found.iter().any(|g| {
                        g.end <= f.first
                            && self.lex.triggers[g.trigger].cameo.starts_with("01")
                            && self.governed(&toks, std::slice::from_ref(g), f)
                    });
                    (by_report && own_noun(&toks, f.first))
                        .then(|| self.subject(&toks, f.first, &actors))
                        .flatten()
                }),
                // "Russia restated its support for Beijing's position that Taiwan is part of
                // China and its opposition to ...": "its" is the sentence's subject, not the
                // nearest name.
                // "Li met Putin and Shoigu during a three-day trip to the Kremlin": the trip
                // is the clause's subject's too, not the last name before it.
                ('N', _) if own_noun(&toks, f.first) || during(&toks, f.first) => {
                    let owner = noun_source
                        .or_else(|| {
                            self.first_subject(
                                &toks,
                                clause_start(&toks, f.first),
                                f.first,
                                &actors,
                            )
                        })
                        .or_else(|| self.subject(&toks, f.first, &actors));
                    // "China signaled its support for Putin and his invasion": "his" is a
                    // person's, the last one named before it when the subject is a country.
                    let personal = matches!(owner_pronoun(&toks, f.first), Some("his" | "her"));
                    if personal && owner.is_some_and(|k| mentions[k].kind != "PERSON") {
                        actors.last_person_before(toks[f.first].s).or(owner)
                    } else {
                        owner
                    }
                }
                ('N', _) => noun_source.or_else(|| self.subject(&toks, f.first, &actors)),
                _ => self.subject(&toks, f.first, &actors),
            };
            let mut target = if passive && by_agent.is_some() {
                // "X was sanctioned by Y": X is the target.
                self.subject(&toks, f.first, &actors)
            } else {
                self.target(&toks, f, t, &actors)
            };
            // "until their demands have been met": a meeting in the passive with nobody
            // named as its agent is another sense of the verb.
            if passive
                && by_agent.is_none()
                && t.kind == 'V'
                && info.plover.as_deref() == Some("CONSULT")
            {
                continue;
            }
            // "gas", "strike", "fire": events only in some senses; they need an actor in
            // their own place (a subject or a slot target).
            if t.ambiguous && source.is_none() && target.is_none() {
                continue;
            }
            // "Xi and Putin held talks": a symmetric event between the two.
            let mut reciprocal = false;
            // "The leaders of China and Russia": the role before "of" is both countries'.
            let mut shared_role = false;
            if target.is_none() {
                if let Some(s) = source {
                    if let Some(other) = actors.coordinated_before(&toks, s) {
                        target = Some(s);
                        source = Some(other);
                        reciprocal = true;
                        let (o, m) = (&mentions[other], &mentions[s]);
                        shared_role = o.kind == "AGENT"
                            && text
                                .get(o.span.start..o.span.end)
                                .is_some_and(|t| t.contains(" of "))
                            && m.kind == "GPE"
                            && m.actor.as_ref().is_some_and(|a| a.sector.is_none());
                    }
                }
            }
            // Talks, calls, meetings and negotiations are had with each other; a visit or
            // its hosting, a mediation, have a direction.
            if target.is_some() && matches!(t.cameo.as_str(), "040" | "041" | "044" | "046") {
                reciprocal = true;
            }
            // "Russia and China held military exercises": exercises held together are
            // military cooperation (062), not a show of force.
            let exercise = matches!(
                head_word(&t.phrase),
                "exercise" | "exercises" | "drill" | "drills" | "game" | "games"
            );
            // Armed forces that arrive somewhere are deployed there, not on a visit; a
            // deployment for peacekeeping is peacekeeping (074).
            // Forces, not a defence minister on a visit; arriving or landing, not visiting.
            let armed = source.is_some_and(|k| {
                let sector = mentions[k].actor.as_ref().and_then(|a| a.sector.as_deref());
                matches!(sector, Some("MIL" | "COP")) && mentions[k].kind != "PERSON"
            }) && (t.phrase.starts_with("arrive") || t.phrase.starts_with("land"));
            let deployed = code.starts_with("154") || code == "042" && armed && t.kind == 'V';
            let peacekeeping = deployed && peacekeeping_near(&toks, &f);
            let usage = if reciprocal && exercise && code.starts_with("15") {
                Some("062")
            } else if peacekeeping {
                Some("074")
            } else if deployed && code == "042" {
                Some("154")
            } else {
                None
            };
            let (code, info) = match usage.and_then(|u| self.lex.codes.get(u).map(|i| (u, i))) {
                Some(used) => used,
                None => (code, info),
            };
            // "prevented the demonstration staged by students": a pattern that ends in an
            // act is done to that act's author.
            if target.is_none() && !passive && t.kind == 'V' && t.pieces.len() > 1 {
                let by = (f.end..(f.end + 2).min(toks.len())).find(|&j| toks[j].w == "by");
                target = by
                    .and_then(|j| actors.first_after(&toks, j + 1, (j + 6).min(toks.len())))
                    .filter(|&k| Some(k) != source);
            }
            // "gave the Ivory Coast 5 million dollars of aid": the recipient stands between.
            if target.is_none() {
                target = giving.and_then(|v| actors.first_after(&toks, v + 1, f.first));
            }
            if target.is_none() {
                target = self.nearby_target(&toks, f, t, &actors);
            }
            if source.is_some() && source == target {
                target = None;
            }
            // A noun event carried by a verb ("provide aid", "hold talks") is negated or
            // announced at that verb.
            let at = f
                .undo
                .or(giving)
                .or_else(|| {
                    (t.kind == 'N')
                        .then(|| light_verb_before(&toks, f.first))
                        .flatten()
                })
                .unwrap_or(f.first);
            let negated = self.negated(&toks, at);
            let modality = if conditional(&toks, at) {
                Some("hypothetical".to_string())
            } else {
                match self.modality(&toks, at) {
                    // "the EU may halt its mediation if the parties do not cooperate": an act
                    // made to hang on a condition is a warning of it.
                    // Only force and coercion (roots 16-20); "could send troops if asked" is
                    // an offer.
                    Some(m)
                        if m == "possible"
                            && matches!(code.get(..2), Some("16" | "17" | "18" | "19" | "20"))
                            && condition_after(&toks, f.end) =>
                    {
                        Some("conditional".to_string())
                    }
                    m => m,
                }
            };
            let as_actor = |k: Option<usize>| {
                k.map(|k| {
                    let m = &mentions[k];
                    let a = m.actor.as_ref();
                    EventActor {
                        span: m.span,
                        code: a.and_then(|a| a.code.clone()),
                        sector: a.and_then(|a| a.sector.clone()),
                    }
                })
            };
            let (src, mut tgt) = (as_actor(source), as_actor(target));
            if shared_role {
                if let (Some(t), Some(s)) = (tgt.as_mut(), src.as_ref()) {
                    t.sector.clone_from(&s.sector);
                }
            }
            let coded = |a: &Option<EventActor>| a.as_ref().is_some_and(|a| a.code.is_some());
            let confidence = 0.4
                + if coded(&src) { 0.25 } else { 0.0 }
                + if coded(&tgt) || t.target.is_empty() {
                    0.2
                } else {
                    0.0
                }
                + if t.kind == 'V' { 0.1 } else { 0.0 };
            // "will supply arms", "plans to impose sanctions", "threatened to invade": an act
            // announced, not done, is coded as the intent or threat CAMEO has for it; the
            // announcement is what happened, so the modality is spent.
            // A refusal ("will not lift") is the act coded; its negation is spent too.
            let (cameo, info, modality, negated) =
                match self.as_intent(code, modality.as_deref(), negated) {
                    Some((code, intent)) => {
                        announced.push(Some((modality.clone(), negated)));
                        (code.to_string(), intent, None, false)
                    }
                    None => {
                        announced.push(None);
                        (code.to_string(), info, modality, negated)
                    }
                };
            made.push(f);
            events.push(Event {
                kind: info.plover.clone(),
                mode: info.mode.clone(),
                cameo,
                quad: info.quad,
                goldstein: info.intensity,
                source: src,
                target: tgt,
                trigger,
                date: None,
                negated,
                modality,
                confidence: (confidence as f32).min(0.95),
                pattern: Some(match f.undo {
                    Some(u) => format!(
                        "data/events/triggers.tsv:{} {}, undone by \"{}\"",
                        t.line, t.phrase, toks[u].w
                    ),
                    None => format!("data/events/triggers.tsv:{} {}", t.line, t.phrase),
                }),
                context: Vec::new(),
                reciprocal,
            });
        }
        // A statement ("said") is an event when it heads the sentence ("Lavrov said that
        // ..."): what follows is its content. A statement after the event ("..., officials
        // said") only attributes it.
        // "prevented the demonstration staged by students", "condemned the attack by Hamas":
        // an act done to another's act is done to its actor.
        for i in 0..events.len() {
            if events[i].target.is_some() || self.lex.triggers[made[i].trigger].kind != 'V' {
                continue;
            }
            let object = (i + 1..events.len()).find(|&j| {
                self.lex.triggers[made[j].trigger].kind == 'N'
                    && self.governed(&toks, &made[i..=i], made[j])
            });
            if let Some(j) = object {
                let actor = events[j].source.clone();
                if actor.as_ref().map(|a| a.span) != events[i].source.as_ref().map(|a| a.span) {
                    events[i].target = actor;
                }
            }
        }
        // "started a hunger strike to protest Assad's failure", "blocked roads to press their
        // demands on the government": an act without a recipient of its own is aimed at the
        // recipient of its purpose.
        for i in 0..events.len() {
            if events[i].target.is_some() {
                continue;
            }
            let aim = (i + 1..events.len()).find(|&j| {
                let lo = made[j].first.saturating_sub(3).max(made[i].end);
                let purpose = toks[lo..made[j].first].iter().any(|t| t.w == "to");
                let near = made[j].first >= made[i].end
                    && made[j].first - made[i].end <= 12
                    && toks[made[i].end..made[j].first]
                        .iter()
                        .all(|t| !matches!(t.w.as_str(), ";" | ":" | "but" | "while"));
                let same = match (&events[j].source, &events[i].source) {
                    (Some(a), Some(b)) => a.span == b.span,
                    (None, _) => true,
                    _ => false,
                };
                purpose && near && same && events[j].target.is_some()
            });
            if let Some(j) = aim {
                // Not at itself: "expelled diplomats to protest sanctions on Caracas". Two sides
                // of one country are two: "Young Algerians blocked roads to press their demands
                // on President Bouteflika's government" (people and government), lawmakers
                // and the president.
                let code = |a: &Option<EventActor>| a.as_ref().and_then(|a| a.code.clone());
                let side = |a: &Option<EventActor>| {
                    let a = a.as_ref()?;
                    let kind = actors.kind_at(a.span).unwrap_or("");
                    // The executive's arms are one side with it: "Russian diplomats walked out to
                    // protest sanctions on Moscow" is not at Russia.
                    let side = match (a.sector.as_deref(), kind) {
                        (Some("GOV" | "MIL" | "COP" | "SPY" | "DIP"), _) | (None, "GPE") => "GOV",
                        (Some(s), _) => s,
                        (None, _) => "CVL",
                    };
                    Some(side.to_string())
                };
                let own = code(&events[i].source).is_some()
                    && code(&events[i].source) == code(&events[j].target)
                    && side(&events[i].source) == side(&events[j].target);
                if !own {
                    events[i].target = events[j].target.clone();
                }
            }
        }
        // "demanded that Israel ease restrictions", "called for the withdrawal of troops": what
        // is asked for has not happened. Only the act asked for, right after the request: not
        // what a clause after it tells ("urged calm after soldiers killed ten protesters").
        let mut asked: Vec<usize> = Vec::new();
        for j in 0..events.len() {
            if events[j].kind.as_deref() != Some("REQUEST") || events[j].negated {
                continue;
            }
            let Some(i) = (j + 1..events.len()).find(|&i| made[i].first >= made[j].end) else {
                continue;
            };
            let between = &toks[made[j].end..made[i].first];
            let plain = between.len() <= 8
                && between.iter().all(|t| {
                    !is_punct(&t.w)
                        && !matches!(
                            t.w.as_str(),
                            "and"
                                | "but"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                                | "after"
                                | "when"
                                | "why"
                                | "who"
                                | "which"
                                | "because"
                                | "where"
                                | "whether"
                                | "since"
                                | "into"
                        )
                });
            if plain && !events[i].negated {
                asked.push(i);
            }
        }
        for i in asked {
            events[i].modality = Some("demanded".to_string());
        }
        // "accused Beijing of helping Russia", "guilty of violating the ceasefire": what an
        // accusation says was done is the accuser's claim.
        for j in 0..events.len() {
            let first = made[j].first;
            let of_gerund =
                first > 0 && toks[first - 1].w == "of" && toks[first].w.ends_with("ing");
            let accused = of_gerund
                && (0..j).any(|i| {
                    events[i].kind.as_deref() == Some("ACCUSE")
                        && made[i].end <= first
                        && first - made[i].end <= 8
                        && toks[made[i].end..first].iter().all(|t| !is_break(&t.w))
                });
            let guilty = of_gerund
                && first >= 2
                && matches!(
                    toks[first - 2].w.as_str(),
                    "guilty" | "suspected" | "accused"
                );
            if (accused || guilty) && events[j].modality.is_none() {
                events[j].modality = Some("claimed".to_string());
            }
        }
        // What another is said to be going to do is the speaker's forecast, not that actor's
        // announcement: "the Pentagon said Russia will attack" is no Russian threat; "Israel
        // said it will not lift", "Lavrov said Russia would send" are announcements.
        if events.len() > 1 && events[0].kind.is_none() {
            let speaker = events[0].source.as_ref().and_then(|a| a.code.clone());
            for k in 1..events.len() {
                let Some((modality, negated)) = announced[k].clone() else {
                    continue;
                };
                let actor = events[k].source.as_ref().and_then(|a| a.code.clone());
                let own = actor.is_some() && actor == speaker
                    || k == 1 && self_report(&toks, made[0].end, made[1].first);
                if own {
                    continue;
                }
                let code = self.base_code(&made[k]);
                if self.recode(&mut events[k], code) {
                    events[k].modality = modality;
                    events[k].negated = negated;
                }
            }
        }
        // "Human Rights Watch said Sudanese authorities must ensure security": a report that
        // another must act, with no act the lexicon knows, is still the speaker's demand.
        if events.first().is_some_and(|e| e.cameo == "010") && self.owed(&events).is_none() {
            if let Some(k) = self.obliged(&toks, made[0].end, &actors) {
                let m = &mentions[k];
                let own = events[0].source.as_ref().is_some_and(|a| {
                    let code = m.actor.as_ref().and_then(|c| c.code.as_ref());
                    let sector = m.actor.as_ref().and_then(|c| c.sector.as_ref());
                    // "Lavrov said Russia must respond": the speaker's own side.
                    a.span == m.span
                        || code.is_some()
                            && a.code.as_ref() == code
                            && (sector.is_none() || a.sector.as_ref() == sector)
                });
                if !own && self.recode(&mut events[0], "100") {
                    events[0].target = Some(EventActor {
                        span: m.span,
                        code: m.actor.as_ref().and_then(|a| a.code.clone()),
                        sector: m.actor.as_ref().and_then(|a| a.sector.clone()),
                    });
                }
            }
        }
        // A plain report heading the sentence ("Lavrov said ..."): what follows is the
        // speaker's claim. Unless the report only carries the event:
        let head_is_report = events.len() > 1 && events[0].cameo == "010";
        let mut drop_head = false;
        // Events that are the speaker's own act, not a claim about another's.
        let mut own: Vec<usize> = Vec::new();
        if head_is_report {
            let report_word = toks[made[0].first].w.as_str();
            let says = matches!(
                report_word,
                "say"
                    | "says"
                    | "said"
                    | "saying"
                    | "tell"
                    | "tells"
                    | "told"
                    | "state"
                    | "states"
                    | "stated"
                    | "add"
                    | "added"
                    | "note"
                    | "noted"
            );
            if !says
                && self.lex.triggers[made[1].trigger].kind == 'N'
                && made[0].end < made[1].first
                && made[1].first - made[0].end <= 10
                && toks[made[0].end..made[1].first].iter().all(|t| {
                    // The words of one noun phrase: "announced nearly $33 million in
                    // additional assistance", not a clause ("announced that it has ...").
                    let w = t.w.as_str();
                    let clause = BE.contains(&w)
                        || matches!(
                            w,
                            "that"
                                | "it"
                                | "they"
                                | "he"
                                | "she"
                                | "we"
                                | "has"
                                | "have"
                                | "had"
                                | "will"
                                | "would"
                                | "to"
                                | "and"
                                | "but"
                        );
                    !clause && !is_break(w)
                })
            {
                // "The ILO reiterated its demand", "announced new sanctions": the report's
                // object is the event, made in speech; the event is no claim.
                drop_head = true;
                own.push(1);
            } else if let Some(i) = self.owed(&events) {
                // "Assad said Turkey must mediate the talks": what a speaker says another
                // must do is the speaker's demand of it.
                let code = as_demand(&events[i].cameo);
                let speaker = events[0].clone();
                let e = &mut events[i];
                if self.recode(e, code) {
                    e.target = e.source.take();
                    e.source = speaker.source;
                    e.modality = None;
                    e.trigger = Span::new(speaker.trigger.start, e.trigger.end);
                    drop_head = true;
                    own.push(i);
                }
            } else if self.announces_own(&toks, &made, &events) {
                // "Israel said it will not lift the embargo", "the rebels said they would
                // release": a speaker announcing its own act; the announcement is the event.
                // A claim of one's own act done ("the rebels claimed that they had attacked
                // the base") is a claim of responsibility (015), which stays.
                let done = events[1].cameo == self.base_code(&made[1]);
                let claim = done && report_word.starts_with("claim");
                if !(claim && self.recode(&mut events[0], "015")) {
                    drop_head = true;
                }
                if !done {
                    own.push(1);
                }
            }
            // What the speaker says happened is the speaker's claim, not the outlet's report.
            for (k, e) in events.iter_mut().enumerate().skip(1) {
                if !own.contains(&k) {
                    e.modality.get_or_insert_with(|| "claimed".to_string());
                }
            }
        } else if events.len() > 1
            && events[0].cameo == "012"
            && toks[made[0].first].w.starts_with("warn")
            && events[1].kind.as_deref() == Some("THREATEN")
            && self.announces_own(&toks, &made, &events)
        {
            // "The army warned that it will attack the rebels": a warning of one's own act
            // is the threat.
            drop_head = true;
        }
        if drop_head {
            events.remove(0);
        }
        // A statement is kept when it heads the sentence or the sentence reports nothing
        // else; an attribution after the event (", officials said") is not.
        let first_is_statement = events.first().is_some_and(|e| e.kind.is_none());
        let mut seen_statement = false;
        events.retain(|e| {
            if e.kind.is_some() {
                return true;
            }
            let keep = first_is_statement && !seen_statement;
            seen_statement = true;
            keep
        });
        // "Syrian forces backed by Russian warplanes pounded Ghouta": a participle that
        // describes a noun is background to the clause's own act, which comes first.
        // So is one in "-ing" right after a name: "the Saudi-led coalition fighting Houthi
        // rebels has declared a ceasefire".
        let background = |e: &Event| {
            let Some(k) = toks.iter().position(|t| t.s == e.trigger.start) else {
                return false;
            };
            let by_participle = toks[k].e == e.trigger.end
                && toks[k].w.ends_with("ed")
                && toks.get(k + 1).is_some_and(|n| n.w == "by")
                && k > 0
                && !BE.contains(&toks[k - 1].w.as_str())
                && !matches!(toks[k - 1].w.as_str(), "has" | "have" | "had" | "not");
            let ing_participle = toks[k].w.ends_with("ing")
                && k > 0
                && actors.ending_at_token(&toks, k - 1).is_some();
            by_participle || ing_participle
        };
        if events.len() > 1 {
            events.sort_by_key(background);
        }
        events
    }

    /// The actor right before "must" or "should" in the clause after a report, within a few
    /// words: "said [the government] must ensure security".
    fn obliged(&self, toks: &[Tok], from: usize, actors: &Actors) -> Option<usize> {
        (from + 1..toks.len().min(from + 12))
            .take_while(|&j| !matches!(toks[j].w.as_str(), "." | ";" | ":" | "," | "but"))
            .find(|&j| matches!(toks[j].w.as_str(), "must" | "should"))
            .and_then(|j| actors.ending_at_token(toks, j - 1))
    }

    /// Gives an event another CAMEO code, with the PLOVER type, mode, quad class and
    /// intensity that go with it; false, and the event untouched, for an unknown code.
    fn recode(&self, e: &mut Event, code: &str) -> bool {
        let Some(info) = self.lex.codes.get(code) else {
            return false;
        };
        e.kind = info.plover.clone();
        e.mode = info.mode.clone();
        e.cameo = code.to_string();
        e.quad = info.quad;
        e.goldstein = info.intensity;
        true
    }

    /// The first act after a heading report that the report says another must do: "Assad
    /// said Turkey must mediate".
    fn owed(&self, events: &[Event]) -> Option<usize> {
        // A speaker the actors layer does not know ("Foreign Minister Urmas Paet said") still
        // makes the demand.
        let speaker = events.first()?.source.as_ref().map(|a| a.span);
        (1..events.len()).find(|&i| {
            events[i].modality.as_deref() == Some("obligation")
                && !events[i].negated
                && events[i]
                    .source
                    .as_ref()
                    .is_some_and(|a| Some(a.span) != speaker)
        })
    }

    /// Whether the report heading the sentence announces the speaker's own act: "said it
    /// will", "said the government would", or an act announced by an actor of the speaker's
    /// own country ("Admiral Retief said South Africa would give Nigeria assistance"). An act
    /// left negated or modal ("said it would not attack") is no announcement of an act.
    fn announces_own(&self, toks: &[Tok], made: &[Found], events: &[Event]) -> bool {
        if events.len() < 2 || events[1].negated {
            return false;
        }
        if !matches!(events[1].modality.as_deref(), None | Some("claimed")) {
            return false;
        }
        if self_report(toks, made[0].end, made[1].first) {
            return true;
        }
        let code = |e: &Event| e.source.as_ref().and_then(|a| a.code.clone());
        let announced = events[1].cameo != self.base_code(&made[1]);
        announced && code(&events[0]).is_some() && code(&events[0]) == code(&events[1])
    }

    /// The code a trigger found reports before any announcement or refusal: its own, or the
    /// easing of the measure it names when a word undoes it ("lifted the sanctions").
    fn base_code(&self, f: &Found) -> &str {
        let t = &self.lex.triggers[f.trigger];
        f.undo
            .and_then(|_| eased(&t.cameo, &t.phrase))
            .unwrap_or(&t.cameo)
    }

    /// The CAMEO intent or threat code for an act announced but not done, or the rejection
    /// code for a cooperative act refused.
    fn as_intent(
        &self,
        cameo: &str,
        modality: Option<&str>,
        negated: bool,
    ) -> Option<(&str, &crate::lexicon::CodeInfo)> {
        let announced = matches!(
            modality.unwrap_or_default(),
            "future"
                | "conditional"
                | "planned"
                | "promised"
                | "offered"
                | "proposed"
                | "threatened"
                | "agreed"
        );
        let code = |c: &str| cameo.starts_with(c);
        // "will not lift the embargo", "refused to release the hostages": a cooperative act
        // refused is CAMEO's rejection of it.
        // "failed to reach agreement": the cooperation did not come about, which CAMEO
        // codes as its rejection too.
        let refused =
            matches!(modality, Some("refused" | "failed")) && !negated || announced && negated;
        if refused {
            let rejection = cooperative(cameo)?.2;
            return self.lex.codes.get(rejection).map(|i| (rejection, i));
        }
        if !announced || negated {
            return None;
        }
        if let Some(r) = cooperative(cameo) {
            return self.lex.codes.get(r.1).map(|i| (r.1, i));
        }
        // "will no longer tolerate rallies": a threat is made when it is announced.
        if cameo.starts_with("13") {
            return self
                .lex
                .codes
                .get_key_value(cameo)
                .map(|(k, i)| (k.as_str(), i));
        }
        let intent = match cameo.get(..2)? {
            "14" => "133",
            "15" => "138",
            "16" if code("163") => "1312",
            "16" if code("161") => "1313",
            "16" if code("162") => "1311",
            "16" if code("164") => "134",
            "16" if code("165") => "135",
            "16" if code("166") => "136",
            "16" => "131",
            "17" => "137",
            "19" if code("191") => "1381",
            "19" if code("192") => "1382",
            "20" if code("204") => "1385",
            "20" => "1383",
            "18" | "19" => "1384",
            _ => return None,
        };
        self.lex.codes.get(intent).map(|i| (intent, i))
    }

    /// Triggers in the sentence, longest first at each place, not overlapping.
    fn find(&self, toks: &[Tok], actors: &Actors) -> Vec<Found> {
        // Where the word unit starting at each token ends: a name is one unit in a gap
        // ("urged Chinese President Xi Jinping to" has one word between "urged" and "to").
        let mut units: Vec<usize> = (1..=toks.len()).collect();
        for &k in &actors.idx {
            let span = actors.mentions[k].span;
            if let Some(a) = toks.iter().position(|t| t.s == span.start) {
                let b = toks[a..]
                    .iter()
                    .position(|t| t.e >= span.end)
                    .map_or(toks.len(), |b| a + b + 1);
                units[a] = b;
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut best: Option<Found> = None;
            // "his visit", "Putin's visit", "the visit": a noun; "will visit": a verb.
            // "opposes sanctions": right after a verb trigger comes its object, a noun
            // ("urged Europe to support": but after "to" a verb, and "considering supplying",
            // "began shelling" are verbs too).
            let w = toks[i].w.as_str();
            let object = !w.ends_with("ing")
                && !w.ends_with("ed")
                && out.last().is_some_and(|g: &Found| {
                    self.lex.triggers[g.trigger].kind == 'V'
                        && g.end == i
                        && toks[i - 1].w != "to"
                        && surely_verb(toks, g.first)
                });
            // A sentence opening with a trigger opens with a noun ("Demands from UNITA were
            // rejected"), not a bare verb, unless it is a participle ("Meeting in Moscow, ...").
            let opening = i == 0 && !w.ends_with("ing") && !w.ends_with("ed");
            // "The UN sanctions were lifted": no verb stands right before "were" (only plurals:
            // "officials said was made" has a verb before "was").
            let plural = w.ends_with('s') && !w.ends_with("ss");
            let before_be = plural
                && toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.w.as_str(), "was" | "were" | "is" | "are"));
            // "US sanctions on Iran", "Israeli strikes against Gaza": a plural before a
            // preposition its verb reading does not take is a noun ("Turkey fires on Kurdish
            // positions", "calls on Kyiv to" keep their verbs).
            let prep_after = toks
                .get(i + 1)
                .filter(|n| plural && matches!(n.w.as_str(), "on" | "against"))
                .map(|n| n.w.as_str());
            let nominal = object
                || opening
                || before_be
                || i > 0 && {
                    let p = toks[i - 1].w.as_str();
                    DETERMINERS.contains(&p)
                        // "military aid"; but "the Israeli military attacked": a past form
                        // after the end of a name is its verb.
                        || NOUN_MODIFIERS.contains(&p)
                            && !(w.ends_with("ed")
                                && actors.ending_at_token(toks, i - 1).is_some())
                        || p.ends_with("'s")
                        || p == "'"
                        // "during a Russian attack": an article and a people's adjective.
                        || i > 1
                            && DETERMINERS[..12].contains(&toks[i - 2].w.as_str())
                            && !w.ends_with("ed")
                            && actors
                                .ending_at_token(toks, i - 1)
                                .is_some_and(|k| actors.mentions[k].kind == "NORP")
                        // "of gas", "in attacks": after a preposition (but "to") comes a noun.
                        || (PREPOSITIONS.contains(&p) && p != "to" && !w.ends_with("ing"))
                        // "conceded to demands": no infinitive ends in -s.
                        || (p == "to"
                            && w.ends_with('s')
                            && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)))
                };
            // "mental stress", "factional challenges": a base form, or a plural after an
            // adjective, is a noun; for words of saying and disapproving that noun names no
            // event (while "brutal attacks", "conventional arms" still do). Not after a
            // name ("Portugal stresses") nor a noun with an adjective's ending before an -s
            // verb ("The official says", "The general criticizes"): only "challenges", whose
            // -s form is mostly the noun, is read so after one.
            let plural_noun = w == "challenges";
            let described = i > 0
                && adjective_like(&toks[i - 1].w)
                && !w.ends_with("ed")
                && !w.ends_with("ing")
                && (!w.ends_with('s') || w.ends_with("ss") || plural_noun)
                && actors.ending_at_token(toks, i - 1).is_none();
            let rank = |c: usize| (self.lex.triggers[c].kind == 'N') == nominal;
            if let Some(cands) = self.by_first.get(&toks[i].w) {
                for &c in cands {
                    // After a determiner a word is a noun: "the sanctions" is no verb.
                    let tr = &self.lex.triggers[c];
                    if nominal && tr.kind == 'V' {
                        continue;
                    }
                    if described
                        && tr.kind == 'V'
                        && (tr.cameo.starts_with("01") || tr.cameo.starts_with("11"))
                    {
                        continue;
                    }
                    let takes = |p: &str| {
                        tr.target
                            .iter()
                            .any(|s| matches!(s, Slot::Prep(q) if q == p))
                            || tr.phrase.split(' ').any(|w| w == p)
                    };
                    if tr.kind == 'V' && prep_after.is_some_and(|p| !takes(p)) {
                        continue;
                    }
                    if let Some(end) = self.match_at(toks, &units, i, &self.lex.triggers[c].pieces)
                    {
                        // A word of a name or a role is no trigger: "States" in "the United
                        // States", "Defense" in "Defense Minister", "opposition" in
                        // "opposition groups".
                        // Nor a verb pattern that starts in one: "forces" of "Israeli forces
                        // sent aid to" is no "force ... to" (a noun pattern may: "military
                        // aid" after "the US military").
                        // "urged the lifting of sanctions", "sought sanctions relief": a pattern
                        // that ends in a measure does not reach over the measure's undoing.
                        if self.ends_in_measure[c]
                            && reaches_over_undoing(toks, i, end, &self.lex.triggers[c].phrase)
                        {
                            continue;
                        }
                        let first_only = self.lex.triggers[c].kind == 'V';
                        let from =
                            Span::new(toks[i].s, toks[if first_only { i } else { end - 1 }].e);
                        if actors.covers(from) {
                            continue;
                        }
                        // Longest; then the noun or verb reading the context asks for; then
                        // the more literal pattern; then the reading whose recipient slot the
                        // next words fit ("struck a target" has an object, an attack; "workers
                        // struck on Monday" none, a labour strike); then the more specific code.
                        let fits = |t: usize, e: usize| {
                            let tr = &self.lex.triggers[t];
                            let object = toks.get(e).is_some_and(|n| {
                                DETERMINERS.contains(&n.w.as_str())
                                    || n.w.starts_with(|c: char| c.is_ascii_digit())
                                    || actors.first_after(toks, e, e + 1).is_some()
                            });
                            let prep = toks.get(e).is_some_and(|n| {
                                tr.target
                                    .iter()
                                    .any(|s| matches!(s, Slot::Prep(p) if *p == n.w))
                            });
                            if tr.target.is_empty() {
                                !object
                            } else {
                                object || prep
                            }
                        };
                        let key = |t: usize, e: usize| {
                            let tr = &self.lex.triggers[t];
                            (e, rank(t), tr.literal, fits(t, e), tr.cameo.len())
                        };
                        let better = best.is_none_or(|b| key(c, end) > key(b.trigger, b.end));
                        if better {
                            best = Some(Found {
                                first: i,
                                end,
                                trigger: c,
                                undo: None,
                            });
                        }
                    }
                }
            }
            match best {
                Some(f) => {
                    out.push(f);
                    i = f.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Where a pattern matching at token `i` ends (one past its last token).
    /// `units[k]`: where the unit of words starting at token `k` ends (a name is one unit).
    fn match_at(&self, toks: &[Tok], units: &[usize], i: usize, pieces: &[Piece]) -> Option<usize> {
        fn go(toks: &[Tok], units: &[usize], at: usize, pieces: &[Piece]) -> Option<usize> {
            let Some((p, rest)) = pieces.split_first() else {
                return Some(at);
            };
            match p {
                Piece::Word(forms) => {
                    let t = toks.get(at)?;
                    forms
                        .contains(&t.w)
                        .then(|| go(toks, units, at + 1, rest))
                        .flatten()
                }
                Piece::Optional(w) => {
                    if toks.get(at).is_some_and(|t| &t.w == w) {
                        if let Some(e) = go(toks, units, at + 1, rest) {
                            return Some(e);
                        }
                    }
                    go(toks, units, at, rest)
                }
                // 0 to 3 words, or 0 to 3 units of words (a name is one).
                Piece::Gap => {
                    let mut unit_end = at;
                    for n in 0..=3 {
                        if n > 0 {
                            unit_end = units.get(unit_end).copied().unwrap_or(usize::MAX);
                        }
                        for (k, end) in [at + n, unit_end].into_iter().enumerate() {
                            let repeated = k == 1 && end == at + n;
                            if repeated
                                || end > toks.len()
                                || toks[at..end].iter().any(|t| is_break(&t.w))
                            {
                                continue;
                            }
                            if let Some(e) = go(toks, units, end, rest) {
                                return Some(e);
                            }
                        }
                    }
                    None
                }
            }
        }
        go(toks, units, i, pieces)
    }

    /// The actor of the clause before the trigger: the nearest actor mention to its left that
    /// is not the object of a preposition, without crossing a clause boundary.
    fn subject(&self, toks: &[Tok], first: usize, actors: &Actors) -> Option<usize> {
        // "Benin opened its borders to ..., but was still refusing admittance to Ghanaians": a
        // conjunction right before an auxiliary leaves the subject out; it is the subject
        // of the sentence's first clause.
        let mut v = first;
        while v > 0
            && matches!(
                toks[v - 1].w.as_str(),
                "still" | "also" | "not" | "later" | "then"
            )
        {
            v -= 1;
        }
        let elided = v >= 2
            && matches!(
                toks[v - 1].w.as_str(),
                "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would"
            )
            && matches!(toks[v - 2].w.as_str(), "but" | "and");
        if elided {
            // The first clause begins after the last report before the conjunction ("officials
            // said Iran attacked the ship and has seized a tanker": Iran).
            let from = clause_start(toks, v - 2);
            if let Some(k) = self.first_subject(toks, from, v - 2, actors) {
                return Some(k);
            }
        }
        let mut j = first;
        while j > 0 {
            j -= 1;
            let w = toks[j].w.as_str();
            if matches!(w, ";" | ":" | "\"" | "“" | "”") {
                break;
            }
            // "a rebuke for the United States, who in 2018 sanctioned him": a relative
            // pronoun's clause has the pronoun's antecedent as subject, even after a
            // preposition.
            if matches!(w, "who" | "which") && j > 0 {
                let before = if toks[j - 1].w == "," && j > 1 {
                    j - 2
                } else {
                    j - 1
                };
                if let Some(k) = actors.ending_at_token(toks, before) {
                    return Some(k);
                }
            }
            if let Some(k) = actors.ending_at_token(toks, j) {
                let start_tok = toks
                    .iter()
                    .position(|t| t.s >= actors.span(k).start)
                    .unwrap_or(j);
                // "the", "'s" and the like may stand before the subject; a preposition may
                // not, even with an article between ("on the Thai border").
                let b = over_articles(toks, start_tok, 0);
                let before = b.checked_sub(1).map(|b| toks[b].w.as_str());
                // "after the government decided to sanction": "after" may open a clause, and
                // an actor with only verbs between it and the trigger is that clause's subject.
                let between = &toks[(j + 1).min(first)..first];
                let clause = before
                    .is_some_and(|b| matches!(b, "after" | "before" | "since" | "until"))
                    && if between.is_empty() {
                        // "after Israel bombed Rafah": the trigger is the clause's verb.
                        surely_verb(toks, first)
                    } else {
                        between.iter().all(|t| {
                            !is_punct(&t.w)
                                && (t.w == "to" || !PREPOSITIONS.contains(&t.w.as_str()))
                        })
                    };
                // "Hundreds of British troops arrived", "a group of Yoruba leaders said": the
                // "of" of a quantity leaves its noun the subject.
                let partitive = before == Some("of")
                    && b >= 2
                    && (QUANTITIES.contains(&toks[b - 2].w.as_str())
                        || toks[b - 2].w.starts_with(|c: char| c.is_ascii_digit()));
                if before.is_some_and(|b| PREPOSITIONS.contains(&b)) && !clause && !partitive {
                    j = start_tok;
                    continue;
                }
                return Some(k);
            }
        }
        None
    }

    /// The first actor of the sentence before token `to` that is not the object of a
    /// preposition: the subject of its first clause.
    fn first_subject(
        &self,
        toks: &[Tok],
        from: usize,
        to: usize,
        actors: &Actors,
    ) -> Option<usize> {
        (from..to).find_map(|j| {
            let k = actors.ending_at_token(toks, j)?;
            let start = toks.iter().position(|t| t.s >= actors.span(k).start)?;
            let b = over_articles(toks, start, from);
            let after_prep = b > from && PREPOSITIONS.contains(&toks[b - 1].w.as_str());
            (start >= from && !after_prep).then_some(k)
        })
    }

    /// "Putin's visit": the actor whose possessive stands right before the trigger (allowing
    /// an adjective or two: "Russia's new sanctions").
    fn possessor(&self, toks: &[Tok], first: usize, actors: &Actors) -> Option<usize> {
        let lo = first.saturating_sub(4);
        (lo..first).rev().find_map(|j| {
            let w = toks[j].w.as_str();
            let poss = w.ends_with("'s") || w == "'s" || (w == "'" && j > 0);
            if !poss {
                return None;
            }
            let end_tok = if w == "'s" || w == "'" {
                j.checked_sub(1)?
            } else {
                j
            };
            actors.ending_at_token_loose(toks, end_tok)
        })
    }

    /// "US sanctions", "Russian air strikes": an actor right before a noun trigger, with at most
    /// two words between ("new US sanctions" has none, "Russian missile and drone strikes").
    fn premodifier(&self, toks: &[Tok], first: usize, actors: &Actors) -> Option<usize> {
        let j = first.checked_sub(1)?;
        if let Some(k) = actors.ending_at_token(toks, j) {
            return Some(k);
        }
        // One modifier between: "US economic sanctions", not "the Kremlin said the talks".
        let w = toks[j].w.as_str();
        let function = is_punct(w)
            || PREPOSITIONS.contains(&w)
            || DETERMINERS[..12].contains(&w)
            || BE.contains(&w)
            || matches!(
                w,
                "said" | "says" | "has" | "have" | "had" | "and" | "or" | "that"
            );
        if function {
            return None;
        }
        actors.ending_at_token(toks, j.checked_sub(1)?)
    }

    /// The first actor after `prep` following the trigger, within the clause.
    fn after_prep(&self, toks: &[Tok], from: usize, prep: &str, actors: &Actors) -> Option<usize> {
        let mut j = from;
        let limit = (from + 12).min(toks.len());
        while j < limit {
            let w = toks[j].w.as_str();
            if matches!(w, "." | ";" | ":") {
                return None;
            }
            if w == prep {
                // "aid to the region, and Moscow welcomed it": the next clause is not the
                // prepositional object.
                let end = (j + 7).min(toks.len());
                let end = (j + 1..end).find(|&k| clause_joint(toks, k)).unwrap_or(end);
                return actors.first_after(toks, j + 1, end);
            }
            j += 1;
        }
        None
    }

    fn target(&self, toks: &[Tok], f: Found, t: &Trigger, actors: &Actors) -> Option<usize> {
        // "demanded that Israel ease ...", "urged that Moscow ...": the subject of the clause
        // the trigger introduces, before any slot ("on the movement of ..." is inside it).
        {
            // "that" after the trigger, or as its last word ("demanded that"), maybe after a
            // day ("its demand today that").
            let that_at = |j: usize| toks.get(j).is_some_and(|t| t.w == "that");
            let dated = toks.get(f.end).is_some_and(|t| time_word(&t.w));
            let clause = if that_at(f.end) {
                Some(f.end + 1)
            } else if dated && that_at(f.end + 1) {
                Some(f.end + 2)
            } else {
                (f.end - f.first > 1 && toks[f.end - 1].w == "that").then_some(f.end)
            };
            let subject =
                clause.and_then(|from| actors.first_after(toks, from, (from + 5).min(toks.len())));
            if subject.is_some() {
                return subject;
            }
        }
        for slot in &t.target {
            let found = match slot {
                Slot::Object
                    if matches!(t.pieces.get(1), Some(Piece::Gap))
                        || matches!(t.pieces.get(2), Some(Piece::Gap))
                            && matches!(t.pieces.get(1), Some(Piece::Word(w))
                                if w.iter().all(|w| PARTICLES.contains(&w.as_str()))) =>
                {
                    // "urged * to", "accused * of", "called on * to": the recipient fills
                    // the gap after the verb (and its particle).
                    actors.first_after(toks, f.first + 1, f.end)
                }
                Slot::Object => {
                    // The object: an actor within the next few words, before any preposition.
                    let limit = (f.end + 5).min(toks.len());
                    let stop = (f.end..limit)
                        .find(|&j| {
                            let w = toks[j].w.as_str();
                            PREPOSITIONS.contains(&w)
                                || is_punct(w)
                                || matches!(w, "while" | "and" | "but" | "as" | "when" | "whereas")
                        })
                        .unwrap_or(limit);
                    actors.first_after(toks, f.end, stop)
                }
                Slot::Prep(p) => self.after_prep(toks, f.end, p, actors),
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// With no target in its slot, the first actor after the trigger in its clause: "fired
    /// shells at targets in Jericho", "shelled positions of the Palestinian security forces".
    fn nearby_target(&self, toks: &[Tok], f: Found, t: &Trigger, actors: &Actors) -> Option<usize> {
        if t.target.is_empty() {
            return None;
        }
        let limit = (f.end + 10).min(toks.len());
        let stop = (f.end..limit)
            .find(|&j| {
                matches!(
                    toks[j].w.as_str(),
                    "," | ";"
                        | ":"
                        | "."
                        | "and"
                        | "but"
                        | "while"
                        | "who"
                        | "which"
                        | "after"
                        | "before"
                        | "during"
                        | "when"
                        | "because"
                        | "until"
                        | "if"
                        | "unless"
                )
            })
            .unwrap_or(limit);
        let k = actors.first_after(toks, f.end, stop)?;
        // "surrendered in Soroti", "rallied in Moscow": a place after "in" or "at" is where
        // the event happened, not whom it was done to; a strike or a shelling is done to the
        // place it hits ("fired shells at targets in Jericho").
        let conflict = self.lex.codes.get(&t.cameo).is_some_and(|c| c.quad == 4);
        let place = matches!(actors.mentions[k].kind.as_str(), "GPE" | "LOC");
        let at = toks.iter().position(|x| x.s >= actors.span(k).start)?;
        let b = over_articles(toks, at, f.end);
        let locative = b > 0 && matches!(toks[b - 1].w.as_str(), "in" | "at" | "near" | "inside");
        (!(place && locative && !conflict)).then_some(k)
    }

    /// Whether a noun trigger is the object of a verb trigger a few words before it, in the
    /// same clause ("opposes unilateral sanctions", "condemned the attacks").
    fn governed(&self, toks: &[Tok], found: &[Found], f: Found) -> bool {
        found.iter().any(|g| {
            self.lex.triggers[g.trigger].kind == 'V'
                && g.end <= f.first
                && f.first - g.end <= 5
                && toks[g.end..f.first].iter().all(|t| {
                    !is_punct(&t.w) && !matches!(t.w.as_str(), "and" | "but" | "that" | "to")
                })
        })
    }

    fn negated(&self, toks: &[Tok], first: usize) -> bool {
        let lo = first.saturating_sub(3);
        let Some(k) = (lo..first)
            .rev()
            .find(|&k| NEGATORS.contains(&toks[k].w.as_str()) || toks[k].w.ends_with("n't"))
        else {
            return false;
        };
        // "will not hesitate to provide aid", "not only supply gas": no negation of the act.
        !toks[k + 1..first].iter().any(|t| {
            matches!(
                t.w.as_str(),
                "hesitate" | "only" | "just" | "merely" | "stop" | "cease" | "fail" | "rule"
            )
        })
    }

    fn modality(&self, toks: &[Tok], first: usize) -> Option<String> {
        let modal = |t: &Tok| {
            MODALS
                .iter()
                .find(|(w, _)| *w == t.w)
                .map(|(_, m)| m.to_string())
        };
        let lo = first.saturating_sub(4);
        if let Some(m) = toks[lo..first].iter().rev().find_map(modal) {
            return Some(m);
        }
        // "agreed in principle on Saturday to provide": a verb of intent governs the
        // infinitive from further back, over adverbs and a date, within the clause.
        if first == 0 || toks[first - 1].w != "to" {
            return None;
        }
        // Only adverbs and a date between: "declined to comment on reports about a deal to
        // release" does not decline the release.
        let between = |t: &Tok| {
            time_word(&t.w)
                || matches!(
                    t.w.as_str(),
                    "in" | "principle"
                        | "on"
                        | "finally"
                        | "formally"
                        | "tentatively"
                        | "unanimously"
                        | "also"
                        | "reportedly"
                        | "eventually"
                        | "last"
                        | "week"
                        | "month"
                        | "year"
                        | "this"
                        | "earlier"
                        | "later"
                        | "quickly"
                )
        };
        let back = &toks[first.saturating_sub(9)..first - 1];
        let k = back.iter().rposition(|t| !between(t))?;
        modal(&back[k]).filter(|m| !matches!(m.as_str(), "future" | "conditional" | "possible"))
    }
}

/// The actor mentions of a sentence: the outermost ones, by position.
struct Actors<'a> {
    mentions: &'a [Mention],
    /// The mentions that start in the sentence (`mentions` is sorted by start).
    here: std::ops::Range<usize>,
    /// Indexes into `mentions`, outermost only, sorted by start.
    idx: Vec<usize>,
}

impl<'a> Actors<'a> {
    fn new(mentions: &'a [Mention], sentence: Span) -> Actors<'a> {
        // Only the sentence's own mentions, found by position rather than by a scan of the
        // whole document for every sentence.
        let here = mentions.partition_point(|m| m.span.start < sentence.start)
            ..mentions.partition_point(|m| m.span.start < sentence.end);
        let mut idx: Vec<usize> = Vec::new();
        for k in here.clone() {
            let m = &mentions[k];
            if m.span.end > sentence.end {
                continue;
            }
            if !matches!(
                m.kind.as_str(),
                "PERSON" | "ORG" | "GPE" | "AGENT" | "NORP" | "ACTOR"
            ) {
                continue;
            }
            if let Some(&last) = idx.last() {
                let prev = &mentions[last];
                // Nested inside the previous one ("[Russian] troops" inside "Russian troops").
                if prev.span.end >= m.span.end && prev.span.start <= m.span.start {
                    continue;
                }
            }
            idx.push(k);
        }
        Actors {
            mentions,
            here,
            idx,
        }
    }

    /// The type of the sentence's mention at exactly this span (not a scan of the document).
    fn kind_at(&self, s: Span) -> Option<&'a str> {
        self.mentions[self.here.clone()]
            .iter()
            .find(|m| m.span == s)
            .map(|m| m.kind.as_str())
    }

    /// Whether an actor mention contains the span.
    fn covers(&self, s: Span) -> bool {
        self.mentions[self.here.clone()]
            .iter()
            .any(|m| m.span.start <= s.start && s.end <= m.span.end)
    }

    fn span(&self, k: usize) -> Span {
        self.mentions[k].span
    }

    /// The actor whose last token is token `j`.
    fn ending_at_token(&self, toks: &[Tok], j: usize) -> Option<usize> {
        let end = toks[j].e;
        self.idx
            .iter()
            .copied()
            .find(|&k| self.mentions[k].span.end == end)
    }

    /// Like [`Actors::ending_at_token`], also for a token that carries a possessive ("Russia's").
    fn ending_at_token_loose(&self, toks: &[Tok], j: usize) -> Option<usize> {
        let (s, e) = (toks[j].s, toks[j].e);
        self.idx
            .iter()
            .copied()
            .find(|&k| self.mentions[k].span.end > s && self.mentions[k].span.end <= e)
    }

    /// The first actor starting in tokens `from..to`.
    fn first_after(&self, toks: &[Tok], from: usize, to: usize) -> Option<usize> {
        let (Some(a), Some(b)) = (toks.get(from), to.checked_sub(1).and_then(|t| toks.get(t)))
        else {
            return None;
        };
        self.idx
            .iter()
            .copied()
            .find(|&k| self.mentions[k].span.start >= a.s && self.mentions[k].span.start < b.e)
    }

    /// The last person named in the sentence before byte `at`.
    fn last_person_before(&self, at: usize) -> Option<usize> {
        self.idx
            .iter()
            .copied()
            .rev()
            .find(|&k| self.mentions[k].span.end <= at && self.mentions[k].kind == "PERSON")
    }

    /// "Xi and Putin": the actor joined by "and" before actor `k`.
    fn coordinated_before(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let mut start = self.mentions[k].span.start;
        // A title right before the name is the same actor: "Chinese President Xi Jinping and
        // Russian President Vladimir Putin" joins Xi, not "Russian President".
        let entity = self.mentions[k].entity.as_ref();
        while let Some(t) = self.idx.iter().copied().find(|&t| {
            let m = &self.mentions[t];
            entity.is_some()
                && m.entity.as_ref() == entity
                && m.span.end <= start
                && start - m.span.end <= 1
        }) {
            start = self.mentions[t].span.start;
        }
        let j = toks.iter().position(|t| t.s >= start)?;
        let and = j.checked_sub(1)?;
        if toks[and].w != "and" {
            return None;
        }
        let prev = and.checked_sub(1)?;
        let other = self.ending_at_token_loose(toks, prev)?;
        (other != k).then_some(other)
    }
}
