//! The PETRARCH-style coder over plain text: tokens, actor groups, clauses, verbs and their
//! patterns.

use super::verbs::{Code, Elem, Pattern, Step, Transformation, VerbDictionary, VerbForm};
use dyad_model::{ActorCode, Event, EventActor, Mention, Span};

/// A word of the sentence: its upper-case form and where it is.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub w: String,
    pub span: Span,
    /// Starts with an upper-case letter in the text.
    pub capital: bool,
}

/// Words, with "n't" and "'s" split off as TreeBank does ("did n't", "Gondor 's").
pub(crate) fn tokens(text: &str, sentence: Span) -> Vec<Tok> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize| {
        let w = &s[a..b];
        out.push(Tok {
            w: w.to_uppercase().replace('’', "'"),
            span: Span::new(sentence.start + a, sentence.start + b),
            capital: w.chars().next().is_some_and(char::is_uppercase),
        });
    };
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins = "'’-.".contains(d)
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || joins {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &s[i..end];
            let lower = word.to_lowercase().replace('’', "'");
            if lower.ends_with("n't") && lower.len() > 3 {
                let cut = end - 3;
                push(i, cut);
                push(cut, end);
            } else if lower.ends_with("'s") && lower.len() > 2 {
                let cut = end - 2;
                push(i, cut);
                push(cut, end);
            } else {
                push(i, end);
            }
        } else if !c.is_whitespace() {
            push(i, i + c.len_utf8());
        }
    }
    out
}

/// Whether `text` contains the phrase at word boundaries (the last word as a stem unless
/// `exact_end`).
pub fn contains_phrase(text: &str, words: &[String], exact_end: bool) -> bool {
    let toks = tokens(text, Span::new(0, text.len()));
    let n = words.len();
    if n == 0 || toks.len() < n {
        return false;
    }
    (0..=toks.len() - n).any(|i| {
        words.iter().enumerate().all(|(k, w)| {
            let t = &toks[i + k].w;
            if k + 1 == n && !exact_end {
                t.starts_with(w.as_str())
            } else {
                t == w
            }
        })
    })
}

/// Whether a discard phrase is in `text`, as PETRARCH 2 reads its discard lists: the words
/// are the text's whitespace-separated tokens, so a word with punctuation attached ("ago,"
/// or "ago." at the end of a sentence) is not the phrase's word ("three years ago, an
/// official said" is not discarded by `YEARS AGO`). The last word is a stem unless
/// `exact_end`: it may go on with letters ("footballers" for `FOOTBALL`), not punctuation.
pub fn contains_discard(text: &str, words: &[String], exact_end: bool) -> bool {
    let toks: Vec<String> = text
        .split_whitespace()
        .map(|t| t.to_uppercase().replace('\u{2019}', "'"))
        .collect();
    let n = words.len();
    if n == 0 || toks.len() < n {
        return false;
    }
    (0..=toks.len() - n).any(|i| {
        words.iter().enumerate().all(|(k, w)| {
            let t = &toks[i + k];
            if k + 1 == n && !exact_end {
                t.strip_prefix(w.as_str())
                    .is_some_and(|rest| rest.chars().all(char::is_alphabetic))
            } else {
                t == w
            }
        })
    })
}

const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "'S", "THIS", "THESE", "THOSE",
];
pub(crate) const PREPOSITIONS: &[&str] = &[
    "IN", "OF", "AT", "FROM", "TO", "WITH", "BY", "ON", "FOR", "INTO", "AGAINST", "ABOUT", "OVER",
    "BETWEEN", "NEAR", "ACROSS", "UNDER", "AFTER", "BEFORE", "DURING", "SINCE", "TOWARD",
    "TOWARDS", "VIA", "WITHIN", "WITHOUT", "AMONG", "THAN", "UPON",
];
const CONJUNCTIONS: &[&str] = &["AND", "OR", "NOR", ","];
const BE: &[&str] = &[
    "WAS", "WERE", "BEEN", "BEING", "BE", "IS", "ARE", "GET", "GOT",
];
const MODALS: &[&str] = &[
    "WILL", "WOULD", "SHALL", "SHOULD", "MAY", "MIGHT", "CAN", "COULD", "MUST",
];
const PRONOUNS: &[&str] = &["IT", "THEY", "HE", "SHE", "WE", "I"];
const NEGATORS: &[&str] = &["NOT", "N'T", "NEVER"];
/// Words between an actor and its verb that do not end the subject.
const CLAUSE_BREAKS: &[&str] = &[";", ":", "WHO", "WHICH", "THAT", "WHILE", "WHEN", "WHERE"];

/// A determiner, preposition, conjunction, form of "be", modal or pronoun: no content word.
fn function_word(w: &str) -> bool {
    [
        DETERMINERS,
        PREPOSITIONS,
        CONJUNCTIONS,
        BE,
        MODALS,
        PRONOUNS,
    ]
    .iter()
    .any(|list| list.contains(&w))
}

/// One actor of a group: its span and code.
#[derive(Debug, Clone)]
struct Member {
    span: Span,
    code: Option<String>,
    sector: Option<String>,
}

/// Actors that act together: "Gondor and Osgiliath", "lawmakers in Fornost".
#[derive(Debug, Clone)]
struct Group {
    /// Token range.
    first: usize,
    end: usize,
    members: Vec<Member>,
    /// For agents placed in countries ("military exercises in Alaska"): where the agents
    /// end, where the countries start and the countries' own members, for when a pattern's
    /// words took the agent and the noun it qualifies.
    countries: Option<(usize, usize, Vec<Member>)>,
}

/// Whether actors with these gaps between them (token ranges) make a list: a list ends with
/// "and", "or" or "nor" ("Arnor, Osgiliath and Gondor"); actors with only commas between are
/// in different phrases ("southwest of Baghdad, the US command said").
fn is_list(toks: &[Tok], mut gaps: impl Iterator<Item = (usize, usize)>) -> bool {
    gaps.any(|(end, first)| {
        toks[end..first]
            .iter()
            .any(|t| matches!(t.w.as_str(), "AND" | "OR" | "NOR"))
    })
}

fn split_code(code: Option<&str>, sector: Option<&str>) -> (Option<String>, Option<String>) {
    (code.map(str::to_string), sector.map(str::to_string))
}

/// Two sectors of one actor, each once: "GOV" and "MED" are "GOVMED", "GOV" and "GOV" "GOV".
fn join_sectors(a: Option<&str>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a.contains(b) => Some(a.to_string()),
        (Some(a), Some(b)) if b.contains(a) => Some(b.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}{b}")),
        (a, b) => a.or(b).map(str::to_string),
    }
}

/// The mentions with the actor names of the dictionary whose words have others between
/// them where a blank joins them, as PETRARCH documents its connectors: "ITHILEN TELEVISION"
/// is "Ithilen state-run television". Only one or two lower-case modifiers of one noun
/// phrase may come between (no function word, no verb of the dictionary); the names found
/// take the place of the actor mentions inside them. `None` when there is none.
pub fn open_name_mentions(
    dict: &VerbDictionary,
    names: &[super::OpenName],
    code_on: impl Fn(usize) -> Option<String>,
    text: &str,
    sentence: Span,
    mentions: &[Mention],
) -> Option<Vec<Mention>> {
    if names.is_empty() {
        return None;
    }
    let toks = tokens(text, sentence);
    let modifier = |t: &Tok| {
        !t.capital
            && t.w.chars().next().is_some_and(char::is_alphabetic)
            && t.w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !function_word(&t.w)
            && !NEGATORS.contains(&t.w.as_str())
            && !dict.forms.contains_key(&t.w)
    };
    // (first token, last token, actor)
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for n in names {
        if n.words.len() < 2 || n.open.len() + 1 != n.words.len() {
            continue;
        }
        'start: for i in 0..toks.len() {
            if toks[i].w != n.words[0] {
                continue;
            }
            let mut at = i;
            let mut skipped = false;
            for (k, w) in n.words.iter().enumerate().skip(1) {
                let last = k + 1 == n.words.len();
                let fits = |t: &Tok| {
                    t.w == *w
                        || last
                            && !n.exact_end
                            && w.chars().count() >= 4
                            && t.w.starts_with(w.as_str())
                            && t.w.chars().all(char::is_alphanumeric)
                };
                let mut j = at + 1;
                loop {
                    let Some(t) = toks.get(j) else {
                        continue 'start;
                    };
                    if fits(t) {
                        break;
                    }
                    if n.open[k - 1] && j - at <= 2 && modifier(t) {
                        j += 1;
                        continue;
                    }
                    continue 'start;
                }
                skipped |= j > at + 1;
                at = j;
            }
            if skipped {
                found.push((i, at, n.actor));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    // The longest first; one name per stretch of text.
    found.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    let mut out: Vec<Mention> = mentions.to_vec();
    let mut taken: Vec<Span> = Vec::new();
    for (a, b, actor) in found {
        let span = Span::new(toks[a].span.start, toks[b].span.end);
        if taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
        {
            continue;
        }
        // A mention that runs across the name's edge is another reading of the words.
        let crosses = out.iter().any(|m| {
            m.actor.is_some()
                && m.span.start < span.end
                && span.start < m.span.end
                && (m.span.start < span.start || m.span.end > span.end)
        });
        let Some(code) = code_on(actor).filter(|c| !c.is_empty()) else {
            continue;
        };
        if crosses {
            continue;
        }
        let (country, sector) = match code.char_indices().nth(3) {
            Some((i, _)) if !code.contains('/') => {
                (code[..i].to_string(), Some(code[i..].to_string()))
            }
            _ => (code.clone(), None),
        };
        out.retain(|m| {
            !(m.actor.is_some() && m.span.start >= span.start && m.span.end <= span.end)
        });
        out.push(Mention {
            span,
            kind: "ORG".into(),
            entity: None,
            actor: Some(ActorCode {
                code: Some(country),
                sector,
            }),
        });
        taken.push(span);
    }
    if taken.is_empty() {
        return None;
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    Some(out)
}

/// The actor-coded mentions of a sentence as token ranges, joined into groups.
fn groups(toks: &[Tok], mentions: &[Mention], sentence: Span, dict: &VerbDictionary) -> Vec<Group> {
    let mut singles: Vec<Group> = Vec::new();
    let mut ms: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.actor.is_some())
        .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
        .collect();
    ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    for m in ms {
        let Some(a) = &m.actor else { continue };
        if a.code.is_none() && a.sector.is_none() {
            continue;
        }
        let first = toks.iter().position(|t| t.span.end > m.span.start);
        let end = toks.iter().rposition(|t| t.span.start < m.span.end);
        let (Some(first), Some(last)) = (first, end) else {
            continue;
        };
        if last < first || singles.last().is_some_and(|g| first < g.end) {
            continue;
        }
        let members = match a.code.as_deref() {
            // One name for several actors (`[FRO/BIL/SAM]`): each is a member of its own.
            Some(c) if c.contains('/') => c
                .split('/')
                .filter(|alt| !alt.is_empty())
                .map(|alt| {
                    let cut = alt.char_indices().nth(3).map_or(alt.len(), |(i, _)| i);
                    let rest = (cut < alt.len()).then(|| &alt[cut..]);
                    Member {
                        span: m.span,
                        code: Some(alt[..cut].to_string()),
                        sector: join_sectors(rest, a.sector.as_deref()),
                    }
                })
                .collect(),
            _ => {
                let (code, sector) = split_code(a.code.as_deref(), a.sector.as_deref());
                vec![Member {
                    span: m.span,
                    code,
                    sector,
                }]
            }
        };
        singles.push(Group {
            first,
            end: last + 1,
            members,
            countries: None,
        });
    }
    // One noun phrase, one actor: "Bree Prime Minister Romendacil", "Dagolath's first
    // Deputy Prime Minister": names and agents side by side (or after a possessive and a
    // modifier or two) that do not disagree on the country are one actor.
    let mut joined: Vec<Group> = Vec::new();
    for g in singles {
        if let Some(prev) = joined.last_mut() {
            let gap = &toks[prev.end..g.first];
            let possessive = gap.first().is_some_and(|t| t.w == "'S");
            let modifiers = gap
                .iter()
                .skip(usize::from(possessive))
                .all(|t| t.w.chars().all(char::is_alphabetic) && !t.capital);
            let (a, b) = (&prev.members[0], &g.members[0]);
            let agree = a.code.is_none() || b.code.is_none() || a.code == b.code;
            // Coordinated modifiers count once: "Ithilen's awful and evil minister".
            let coordinated = gap
                .iter()
                .filter(|t| matches!(t.w.as_str(), "AND" | "OR"))
                .count();
            let fits = gap.is_empty() || possessive && modifiers && gap.len() - coordinated <= 3;
            if fits && agree && prev.members.len() == 1 && g.members.len() == 1 {
                let code = a.code.clone().or(b.code.clone());
                let sector = join_sectors(a.sector.as_deref(), b.sector.as_deref());
                let span = Span::new(a.span.start, b.span.end);
                prev.members[0] = Member { span, code, sector };
                prev.end = g.end;
                continue;
            }
            // Two names side by side that disagree are still one noun phrase, and the
            // first names it, as PETRARCH 2 reads a noun phrase's actor: "the Malaysia
            // Airlines Boeing 777", "Ithilen's minister Calimehtar" (a name after a
            // country's agent).
            if gap.is_empty() && !agree && prev.members.len() == 1 && g.members.len() == 1 {
                prev.members[0].span = Span::new(prev.members[0].span.start, g.members[0].span.end);
                prev.end = g.end;
                continue;
            }
            // A head noun or a modifier between a country's actor and a name is still one
            // noun phrase, named by the first: "the Somali militant group al-Shabab",
            // "Arnor awful Gondor". An agent after it qualifies it ("Gondor awful
            // ministers").
            if head_noun_gap(gap, dict)
                && a.code.is_some()
                && prev.members.len() == 1
                && g.members.len() == 1
            {
                if b.code.is_none() {
                    prev.members[0].sector = join_sectors(a.sector.as_deref(), b.sector.as_deref());
                }
                prev.members[0].span = Span::new(prev.members[0].span.start, g.members[0].span.end);
                prev.end = g.end;
                continue;
            }
        }
        joined.push(g);
    }
    let singles = joined;
    // "lawmakers in Fornost": an agent without a country takes the country after it; over
    // compounds on either side, each agent takes each country ("lawmakers and officials in
    // Fornost and Gondor", "the ambassadors of Arnor, Osgiliath and Gondor").
    let conj_gap = |a: &Group, b: &Group| {
        let gap = &toks[a.end..b.first];
        gap.iter().any(|t| CONJUNCTIONS.contains(&t.w.as_str()))
            && gap.len() <= 3
            && gap.iter().all(|t| {
                CONJUNCTIONS.contains(&t.w.as_str()) || DETERMINERS.contains(&t.w.as_str())
            })
    };
    let agent_only = |g: &Group| g.members.iter().all(|m| m.code.is_none());
    let coded = |g: &Group| g.members.len() == 1 && g.members[0].code.is_some();
    let mut merged: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < singles.len() {
        let mut g = singles[i].clone();
        if agent_only(&g) {
            // The run of agents, then the link, then the run of countries.
            let mut a_end = i + 1;
            while a_end < singles.len()
                && agent_only(&singles[a_end])
                && conj_gap(&singles[a_end - 1], &singles[a_end])
            {
                a_end += 1;
            }
            let last_agent = &singles[a_end - 1];
            if let Some(next) = singles.get(a_end) {
                let linking = links_to_country(&toks[last_agent.end..next.first], dict);
                if linking && coded(next) {
                    let mut c_end = a_end + 1;
                    while c_end < singles.len()
                        && coded(&singles[c_end])
                        && conj_gap(&singles[c_end - 1], &singles[c_end])
                    {
                        c_end += 1;
                    }
                    // "of Arnor, Osgiliath and Gondor", not "southwest of Baghdad, the US
                    // command said".
                    let gaps = (a_end + 1..c_end).map(|k| (singles[k - 1].end, singles[k].first));
                    if !is_list(toks, gaps) {
                        c_end = a_end + 1;
                    }
                    let mut members = Vec::new();
                    for ag in &singles[i..a_end] {
                        for m in &ag.members {
                            for country in &singles[a_end..c_end] {
                                let c = &country.members[0];
                                members.push(Member {
                                    span: Span::new(m.span.start.min(c.span.start), c.span.end),
                                    code: c.code.clone(),
                                    sector: join_sectors(m.sector.as_deref(), c.sector.as_deref()),
                                });
                            }
                        }
                    }
                    g.members = members;
                    g.end = singles[c_end - 1].end;
                    g.countries = Some((
                        singles[a_end - 1].end,
                        singles[a_end].first,
                        singles[a_end..c_end]
                            .iter()
                            .flat_map(|c| c.members.iter().cloned())
                            .collect(),
                    ));
                    merged.push(g);
                    i = c_end;
                    continue;
                }
            }
        }
        merged.push(g);
        i += 1;
    }
    // Compounds: actors separated by "and", "or", commas, determiners and a few modifiers.
    let joins_plain = |gap: &[Tok]| {
        gap.last()
            .is_some_and(|t| matches!(t.w.as_str(), "AND" | "OR"))
            && gap.len() <= 3
            && gap.iter().all(|t| {
                let w = t.w.as_str();
                matches!(w, "AND" | "OR" | "'S")
                    || (!t.capital
                        && w.chars().all(char::is_alphabetic)
                        && !function_word(w)
                        && !dict.forms.contains_key(w))
            })
    };
    let joins = |a: &Group, b: &Group| {
        let gap = &toks[a.end..b.first];
        let has_conj = gap.iter().any(|t| CONJUNCTIONS.contains(&t.w.as_str()));
        let fillers = gap
            .iter()
            .filter(|t| {
                !CONJUNCTIONS.contains(&t.w.as_str()) && !DETERMINERS.contains(&t.w.as_str())
            })
            .count();
        let clean = gap.iter().all(|t| {
            !PREPOSITIONS.contains(&t.w.as_str())
                && !CLAUSE_BREAKS.contains(&t.w.as_str())
                // A verb in its past form is no modifier: "Kestran and scolded Valdoria"
                // is the end of one clause and the start of the next.
                && !dict
                    .forms
                    .get(&t.w)
                    .is_some_and(|fs| fs.iter().any(|f| f.past && f.pre.is_empty()))
                && t.w
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == ',')
        });
        if has_conj && clean && fillers <= 2 && gap.len() <= 5 {
            return true;
        }
        // A conjunct that is a noun with no actor of its own takes the actor of its "of"
        // phrase, as PETRARCH 2 gives a noun phrase the actor of its prepositional phrase:
        // "Ithilen's sheep and goats of Gondor" is Ithilen and Gondor.
        let n = gap.len();
        n >= 3
            && gap[n - 1].w == "OF"
            && {
                let t = &gap[n - 2];
                !t.capital
                    && t.w.chars().all(char::is_alphabetic)
                    && !function_word(&t.w)
                    && !dict.forms.contains_key(&t.w)
            }
            && joins_plain(&gap[..n - 2])
    };
    let mut out: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < merged.len() {
        let mut j = i + 1;
        // The list ends with its "and": a comma after it starts another phrase ("A and
        // B, the C newspaper said"; "between A and B, and C and D").
        let mut ended = false;
        while j < merged.len() && joins(&merged[j - 1], &merged[j]) {
            let gap = &toks[merged[j - 1].end..merged[j].first];
            if ended && gap.iter().any(|t| t.w == ",") {
                break;
            }
            ended |= gap
                .iter()
                .any(|t| matches!(t.w.as_str(), "AND" | "OR" | "NOR"));
            j += 1;
        }
        let gaps = (i + 1..j).map(|k| (merged[k - 1].end, merged[k].first));
        if !is_list(toks, gaps) {
            j = i + 1;
        }
        let mut g = merged[i].clone();
        for next in &merged[i + 1..j] {
            g.members.extend(next.members.iter().cloned());
            g.end = next.end;
            g.countries = None;
        }
        out.push(g);
        i = j;
    }
    out
}

/// Whether the words between two actors are one or two nouns or modifiers inside one noun
/// phrase ("group" in "militant group al-Shabab"): lower-case words that are no verb of the
/// dictionary, no verb form, and no function word.
fn head_noun_gap(gap: &[Tok], dict: &VerbDictionary) -> bool {
    !gap.is_empty()
        && gap.len() <= 2
        && gap.iter().all(|t| {
            let w = t.w.as_str();
            !t.capital
                && w.len() > 2
                && w.chars().all(char::is_alphabetic)
                && !w.ends_with("ED")
                && !w.ends_with("ING")
                && !w.ends_with("LY")
                && !dict.forms.contains_key(w)
                && !function_word(w)
                && !NEGATORS.contains(&w)
                && !CLAUSE_BREAKS.contains(&w)
                && !matches!(
                    w,
                    "HAS"
                        | "HAVE"
                        | "HAD"
                        | "DID"
                        | "DOES"
                        | "ALSO"
                        | "NOW"
                        | "THEN"
                        | "TODAY"
                        | "YESTERDAY"
                        | "TOMORROW"
                        | "BUT"
                        | "YET"
                        | "STILL"
                        | "ONCE"
                )
        })
}

/// Whether the words between an agent and a country put the agent in that country: a
/// preposition of place or belonging ("officials in", "the mayor of the city of", "a target
/// southwest of"), with at most a few nouns before it and modifiers after it, and no verb,
/// comma or clause word anywhere (PETRARCH 2 gives a noun phrase the country of its
/// prepositional phrases).
fn links_to_country(gap: &[Tok], dict: &VerbDictionary) -> bool {
    let Some(at) = gap
        .iter()
        .position(|t| matches!(t.w.as_str(), "IN" | "FROM" | "OF" | "FOR"))
    else {
        return false;
    };
    let plain = |t: &Tok| {
        !t.capital
            && t.w.chars().next().is_some_and(char::is_alphabetic)
            && !dict.forms.contains_key(&t.w)
            && !PREPOSITIONS.contains(&t.w.as_str())
            && !CLAUSE_BREAKS.contains(&t.w.as_str())
            && !CONJUNCTIONS.contains(&t.w.as_str())
    };
    // Before the preposition a noun may also be a verb of the dictionary ("an Islamic state
    // in", "a target southwest of"), but not in a form only a verb takes ("soldiers
    // attacked in", "officials meeting in").
    // The first of them may have a capital after an adjective agent ("an Islamic State
    // target southwest of").
    let noun = |k: usize, t: &Tok| {
        plain(t)
            || (k == 0 || !t.capital)
                && t.w.chars().all(char::is_alphabetic)
                && !t.w.ends_with("ING")
                && dict
                    .forms
                    .get(&t.w)
                    .is_none_or(|fs| fs.iter().all(|f| !f.past && f.pre.is_empty()))
    };
    // "southwest of", "north of": a direction makes one preposition with "of".
    let direction = at > 0
        && gap[at].w == "OF"
        && matches!(
            gap[at - 1].w.as_str(),
            "NORTH"
                | "SOUTH"
                | "EAST"
                | "WEST"
                | "NORTHEAST"
                | "NORTHWEST"
                | "SOUTHEAST"
                | "SOUTHWEST"
                | "NORTH-EAST"
                | "NORTH-WEST"
                | "SOUTH-EAST"
                | "SOUTH-WEST"
        );
    let before_ok =
        at <= 2 + usize::from(direction) && gap[..at].iter().enumerate().all(|(k, t)| noun(k, t));
    let after = &gap[at + 1..];
    let after_ok = after.len() <= 5
        && after
            .iter()
            .all(|t| DETERMINERS.contains(&t.w.as_str()) || plain(t) || t.w == "OF");
    before_ok && after_ok
}

/// A clause: a token range and whether it continues the subject of the one before
/// ("... and promised aid").
#[derive(Debug, Clone, Copy)]
struct Clause {
    first: usize,
    end: usize,
    inherits: bool,
}

/// A lower-case word that looks like an adverb of manner ("heavily", "unjustly").
fn adverb(t: &Tok) -> bool {
    !t.capital && t.w.len() > 4 && t.w.ends_with("LY") && t.w.chars().all(char::is_alphabetic)
}

fn clauses(toks: &[Tok], dict: &VerbDictionary, in_group: &[Option<usize>]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut inherits = false;
    for i in 0..toks.len() {
        let w = toks[i].w.as_str();
        let split_here = if w == ";" {
            Some((i + 1, false))
        } else if (w == "AND" || w == "BUT")
            && in_group[i].is_none()
            // Coordinated adverbs are one modifier of the verb after them: "heavily and
            // unjustly criticized".
            && !(i > 0
                && adverb(&toks[i - 1])
                && toks.get(i + 1).is_some_and(adverb))
        {
            // "and" before a verb (perhaps after an adverb) starts a clause of its own.
            let verb_next = (i + 1..(i + 3).min(toks.len()))
                .find(|&j| dict.forms.contains_key(&toks[j].w) && in_group[j].is_none());
            verb_next
                .filter(|&j| j == i + 1 || toks[j - 1].w.ends_with("LY"))
                .map(|_| (i + 1, true))
        } else {
            None
        };
        if let Some((next, inh)) = split_here {
            out.push(Clause {
                first: start,
                end: i,
                inherits,
            });
            start = next;
            inherits = inh;
        }
    }
    out.push(Clause {
        first: start,
        end: toks.len(),
        inherits,
    });
    out
}

/// Who the pattern put where.
#[derive(Debug, Clone, Default)]
struct Binding {
    source: Option<usize>,
    target: Option<usize>,
    compound: Option<(usize, bool)>,
    /// Words of the text the pattern's words and synonym sets matched.
    words: usize,
    /// Where the first of them is, in walking order from the verb.
    nearest: Option<usize>,
    /// Tokens the pattern's words and synonym sets matched: they name what was done, not
    /// who it was done to ("- * {&MILITARY EXERCISES}" leaves "military" to the pattern).
    matched: Vec<usize>,
}

/// Tokens in walking order (forwards after the verb, backwards before it).
struct View<'a> {
    toks: &'a [Tok],
    idx: Vec<usize>,
    in_group: &'a [Option<usize>],
    dict: &'a VerbDictionary,
    backwards: bool,
    /// Whether pattern words also match their -s/-ed/-ing forms (tried after exact words).
    stems: bool,
    /// The verbs of infinitives ("to help"), by token: a pattern's nouns neither match nor
    /// skip them, so "- * HELP" does not read "wants to help" and "- * (TO SANCTIONS)" does not
    /// read "agreed to lift sanctions".
    infinitives: &'a [bool],
    /// Other verbs of the clause after this one, by token: a pattern's words after the verb
    /// are read in the verb's own phrases, so they do not skip such a verb ("said such a
    /// step enjoyed support" is not "- * SUPPORT" of "said").
    barriers: &'a [bool],
}

/// Steps in the opposite order: each step's adjacency moves to its new predecessor.
fn reversed(steps: &[Step]) -> Vec<Step> {
    let n = steps.len();
    (0..n)
        .rev()
        .map(|i| Step {
            phrase: steps[i].phrase,
            elem: steps[i].elem.clone(),
            adjacent: if i + 1 < n {
                steps[i + 1].adjacent
            } else {
                true
            },
        })
        .collect()
}

impl View<'_> {
    fn word(&self, p: usize) -> Option<&str> {
        self.idx.get(p).map(|&i| self.toks[i].w.as_str())
    }

    /// The group that starts at `p` in walking order, after determiners; and where it ends.
    fn group_at(&self, mut p: usize) -> Option<(usize, usize)> {
        while self.word(p).is_some_and(|w| DETERMINERS.contains(&w)) {
            p += 1;
        }
        let g = self.in_group[*self.idx.get(p)?]?;
        if p > 0 && self.in_group[self.idx[p - 1]] == Some(g) {
            return None;
        }
        let mut e = p;
        while self
            .idx
            .get(e)
            .is_some_and(|&i| self.in_group[i] == Some(g))
        {
            e += 1;
        }
        while self.word(e).is_some_and(|w| w == "'S") {
            e += 1;
        }
        Some((g, e))
    }

    /// Whether token `i` is in an actor after a quantity and "of" ("hundreds of UN
    /// troops"): the noun phrase's head is the quantity.
    fn after_quantity(&self, i: usize) -> bool {
        let Some(g) = self.in_group[i] else {
            return false;
        };
        let mut p = i;
        while p > 0 && self.in_group[p - 1] == Some(g) {
            p -= 1;
        }
        while p > 0 && DETERMINERS.contains(&self.toks[p - 1].w.as_str()) {
            p -= 1;
        }
        p >= 2 && self.toks[p - 1].w == "OF" && is_quantity(&self.toks[p - 2].w)
    }

    /// Whether the word at `p` is the pattern's `word`. In a TABARI-syntax dictionary a
    /// pattern's own words match as written ("- * EFFORT" is not "efforts"); a synonym
    /// set's members also match their plurals (`depth` > 0 inside a set), in the second
    /// pass. In PETRARCH 2's syntax a bare word is a noun phrase's head, read on its lemma
    /// as PETRARCH 2's gold standard was coded from lemmatised parses: it also matches its
    /// plural, in the second pass ("- * ASSURANCE" reads "received assurances").
    fn word_matches(&self, p: usize, word: &str, exact: bool, depth: usize) -> bool {
        let Some(t) = self.word(p) else { return false };
        if t == word {
            return true;
        }
        if exact || !self.stems || (depth == 0 && !self.dict.petrarch2) || word.len() < 3 {
            return false;
        }
        let plural = match word.strip_suffix('Y') {
            Some(stem) if !stem.ends_with(['A', 'E', 'O', 'U']) => format!("{stem}IES"),
            _ if word.ends_with(['S', 'X', 'Z'])
                || word.ends_with("CH")
                || word.ends_with("SH") =>
            {
                format!("{word}ES")
            }
            _ => format!("{word}S"),
        };
        t == plural
    }

    /// Matches `steps[k..]` from `p`; `first_adjacent` overrides the first step's adjacency.
    fn go(
        &self,
        steps: &[Step],
        k: usize,
        p: usize,
        first_adjacent: Option<bool>,
        b: &mut Binding,
        depth: usize,
    ) -> Option<usize> {
        if k == steps.len() {
            return Some(p);
        }
        if depth > 8 {
            return None;
        }
        let adjacent = if k == 0 {
            first_adjacent.unwrap_or(steps[0].adjacent)
        } else {
            steps[k].adjacent
        };
        let last_start = if adjacent { p } else { self.idx.len() };
        for start in p..=last_start.min(self.idx.len()) {
            let infinitive =
                |q: usize| !self.backwards && self.idx.get(q).is_some_and(|&i| self.infinitives[i]);
            if start > p && infinitive(start - 1) {
                break;
            }
            if start > p
                && !self.backwards
                && self.idx.get(start - 1).is_some_and(|&i| self.barriers[i])
            {
                break;
            }
            // An actor of the pattern after the verb is in the verb's own phrases: the search
            // for it does not go past a form of "be" or a modal ("- * &WEAPON (TO +)" does not read "a
            // missile believed to be fired by rebels").
            if start > p
                && !self.backwards
                && matches!(steps[k].elem, Elem::Source | Elem::Target | Elem::Compound)
                && self
                    .word(start - 1)
                    .is_some_and(|w| BE.contains(&w) || MODALS.contains(&w))
            {
                break;
            }
            let after_to = start == p
                && k > 0
                && matches!(&steps[k - 1].elem, Elem::Word { word, .. } if word == "TO");
            if infinitive(start) && matches!(steps[k].elem, Elem::Word { .. }) && !after_to {
                continue;
            }
            // In PETRARCH 2's syntax a word outside parentheses and braces after the verb
            // is the head of the verb's own noun phrase (its object), not a word of a
            // prepositional phrase further on ("- * TRIP" does not read "made his remarks
            // at the start of a regional trip").
            if start > p
                && !self.backwards
                && depth == 0
                && self.dict.petrarch2
                && !steps[k].phrase
                && matches!(steps[k].elem, Elem::Word { .. } | Elem::Synset(_))
                && self.idx[p..start].iter().any(|&i| {
                    let w = self.toks[i].w.as_str();
                    w == "," || PREPOSITIONS.contains(&w)
                })
            {
                break;
            }
            // Before the verb a pattern's words are the head of the subject: in "Hundreds
            // of UN troops withdrew" that is "hundreds", not the actor after "of".
            if self.backwards
                && matches!(steps[k].elem, Elem::Word { .. })
                && self.idx.get(start).is_some_and(|&i| self.after_quantity(i))
            {
                continue;
            }
            for (end, words) in self.elem(&steps[k].elem, start, depth) {
                let saved = b.clone();
                self.bind(&steps[k].elem, start, b);
                b.words += words;
                if words > 0 && b.nearest.is_none() {
                    b.nearest = Some(start);
                }
                if words > 0 {
                    b.matched.extend(self.idx[start..end].iter().copied());
                }
                if let Some(e) = self.go(steps, k + 1, end, None, b, depth) {
                    return Some(e);
                }
                *b = saved;
            }
        }
        None
    }

    fn bind(&self, e: &Elem, start: usize, b: &mut Binding) {
        let g = self.group_at(start).map(|(g, _)| g);
        match e {
            Elem::Source => b.source = g,
            Elem::Target => b.target = g,
            Elem::Compound => b.compound = g.map(|g| (g, false)),
            _ => {}
        }
    }

    /// Where the element can end if it starts at `p`, and how many words of the text its
    /// pattern words matched.
    fn elem(&self, e: &Elem, p: usize, depth: usize) -> Vec<(usize, usize)> {
        match e {
            Elem::Word { word, exact } => {
                if word == "*" {
                    return Vec::new();
                }
                if self.word_matches(p, word, *exact, depth) {
                    vec![(p + 1, 1)]
                } else {
                    Vec::new()
                }
            }
            Elem::Synset(name) => {
                let mut ends = Vec::new();
                for member in self
                    .dict
                    .synsets
                    .get(name)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    let mut inner = Binding::default();
                    // Walking backwards, a member's words come last to first.
                    let walked = if self.backwards {
                        reversed(member)
                    } else {
                        member.clone()
                    };
                    if let Some(e) = self.go(&walked, 0, p, Some(true), &mut inner, depth + 1) {
                        ends.push((e, inner.words));
                    }
                }
                ends
            }
            Elem::Source | Elem::Target | Elem::Compound => self
                .group_at(p)
                .map(|(_, e)| vec![(e, 0)])
                .unwrap_or_default(),
            Elem::Skip => {
                if let Some((_, e)) = self.group_at(p) {
                    return vec![(e, 0)];
                }
                // A prepositional phrase is one phrase: "^" skips the preposition with its
                // actor ("with Eriador"), never the preposition alone.
                if !self.backwards && self.word(p).is_some_and(|w| PREPOSITIONS.contains(&w)) {
                    if let Some((_, e)) = self.group_at(p + 1) {
                        return vec![(e, 0)];
                    }
                }
                (p + 1..=(p + 4).min(self.idx.len()))
                    .filter(|&e| {
                        self.idx[p..e].iter().all(|&i| {
                            self.toks[i]
                                .w
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric)
                        })
                    })
                    .map(|e| (e, 0))
                    .collect()
            }
        }
    }
}

/// A verb found in a clause.
struct Found<'a> {
    /// Token range of the whole compound.
    first: usize,
    end: usize,
    form: &'a VerbForm,
    /// Other blocks that list the same words.
    others: Vec<usize>,
}

fn find_verbs<'a>(
    toks: &[Tok],
    c: Clause,
    dict: &'a VerbDictionary,
    in_group: &[Option<usize>],
) -> Vec<Found<'a>> {
    let mut out: Vec<Found> = Vec::new();
    for i in c.first..c.end {
        if in_group[i].is_some() || out.last().is_some_and(|f| i < f.end) {
            continue;
        }
        let Some(forms) = dict.forms.get(&toks[i].w) else {
            continue;
        };
        // Modal auxiliaries ("will", "would") are never the verb of a clause.
        if MODALS.contains(&toks[i].w.as_str()) {
            continue;
        }
        // A capitalised word inside the sentence is a name, not a verb.
        if toks[i].capital && i > c.first && i > 0 {
            continue;
        }
        let mut best: Option<Found> = None;
        for f in forms {
            let n = f.pre.len();
            if i < c.first + n {
                continue;
            }
            let pre_ok = f
                .pre
                .iter()
                .enumerate()
                .all(|(k, w)| toks[i - n + k].w == *w);
            let post_ok = f.post.iter().enumerate().all(|(k, w)| {
                toks.get(i + 1 + k)
                    .is_some_and(|t| t.w == *w && i + 1 + k < c.end)
            });
            if !pre_ok || !post_ok {
                continue;
            }
            let size = n + f.post.len();
            match best.as_mut() {
                Some(b) if size == b.end - b.first - 1 && b.first == i - n => {
                    if f.block != b.form.block && !b.others.contains(&f.block) {
                        b.others.push(f.block);
                    }
                }
                Some(b) if size < b.end - b.first => {}
                _ => {
                    best = Some(Found {
                        first: i - n,
                        end: i + 1 + f.post.len(),
                        form: f,
                        others: Vec::new(),
                    })
                }
            }
        }
        let Some(found) = best else { continue };
        // After a determiner or a possessive the word is a noun ("the attack", "its visit").
        if found.first > c.first && DETERMINERS.contains(&toks[found.first - 1].w.as_str()) {
            continue;
        }
        out.push(found);
    }
    out
}

/// The pattern of the verb's block that matches, with its bindings; else the default code.
fn match_patterns<'a>(
    dict: &'a VerbDictionary,
    toks: &[Tok],
    c: Clause,
    f: &Found,
    in_group: &[Option<usize>],
    passive_voice: bool,
) -> (Code, Binding, Option<&'a Pattern>) {
    let block = &dict.blocks[f.form.block];
    // Blocks that list the same word under the same name are one verb (PETRARCH 2 files the
    // patterns by block name): "--- SHOT [---] ---" and "--- SHOT [223] ---".
    let mut candidates: Vec<&Pattern> = dict
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| *i == f.form.block || (b.name == block.name && f.others.contains(i)))
        .flat_map(|(_, b)| &b.patterns)
        .collect();
    candidates.sort_by_key(|p| std::cmp::Reverse(p.weight()));
    let infinitives: Vec<bool> = (0..toks.len())
        .map(|i| {
            i > 0
                && toks[i - 1].w == "TO"
                && in_group[i].is_none()
                && dict
                    .forms
                    .get(&toks[i].w)
                    .is_some_and(|fs| fs.iter().any(|v| v.base))
        })
        .collect();
    let mut barriers = vec![false; toks.len()];
    for v in find_verbs(toks, c, dict, in_group) {
        if v.first >= f.end {
            barriers[v.first] = true;
        }
    }
    let view = |idx: Vec<usize>, backwards: bool, stems: bool| View {
        toks,
        idx,
        in_group,
        dict,
        backwards,
        stems,
        infinitives: &infinitives,
        barriers: &barriers,
    };
    // The most specific pattern wins; among equally specific ones, one whose words are
    // written as they appear before one that needs an inflection ("- * SANCTIONS" before
    // "- * SANCTION" for "lifted the sanctions").
    // In the passive voice the logical object is the subject and the logical subject the
    // "by" phrase: when no pattern reads the text as it stands, the patterns are read that
    // way ("evidence against Russia was presented by the US" is "- * EVIDENCE", "the
    // building was demolished by a protestor" is "- PROTESTOR *").
    let by = passive_voice
        .then(|| (f.end..c.end).find(|&i| toks[i].w == "BY"))
        .flatten();
    let layouts: Vec<(Vec<usize>, Vec<usize>, bool)> = {
        let mut l = vec![(
            (f.end..c.end).collect(),
            (c.first..f.first).rev().collect(),
            false,
        )];
        if passive_voice {
            let agent: Vec<usize> = by.map_or(Vec::new(), |b| (b + 1..c.end).collect());
            l.push(((c.first..f.first).collect(), agent, true));
        }
        l
    };
    for (after_idx, before_idx, swapped) in layouts {
        let mut at = 0;
        while at < candidates.len() {
            let weight = candidates[at].weight();
            let level = candidates[at..]
                .iter()
                .take_while(|p| p.weight() == weight)
                .count();
            for stems in [false, true] {
                let after = view(after_idx.clone(), false, stems);
                let before = view(before_idx.clone(), !swapped, stems);
                // Away from the verb the first word need not be adjacent to anything.
                let first = swapped.then_some(false);
                // Among them, the one that covers the most words of the text ("austrian
                // gold florin" over "austrian florin").
                let mut best: Option<(Binding, &Pattern)> = None;
                for p in &candidates[at..at + level] {
                    let mut b = Binding::default();
                    if after.go(&p.after, 0, 0, first, &mut b, 0).is_none() {
                        continue;
                    }
                    let logical_subject = if swapped {
                        reversed(&p.before)
                    } else {
                        p.before.clone()
                    };
                    let mut bb = Binding::default();
                    if before
                        .go(&logical_subject, 0, 0, first, &mut bb, 0)
                        .is_none()
                    {
                        continue;
                    }
                    let binding = Binding {
                        source: bb.source.or(b.source),
                        target: b.target.or(bb.target),
                        compound: bb
                            .compound
                            .map(|(g, _)| (g, true))
                            .or(b.compound.map(|(g, _)| (g, false))),
                        words: b.words + bb.words,
                        nearest: b.nearest,
                        matched: [b.matched, bb.matched].concat(),
                    };
                    // Then the one whose words start nearest the verb (the head of its
                    // object before a later phrase); the same pattern written twice, the
                    // last one, as PETRARCH 2 files it.
                    let key =
                        |x: &Binding| (x.words, std::cmp::Reverse(x.nearest.unwrap_or(usize::MAX)));
                    if best.as_ref().is_none_or(|(x, _)| key(&binding) >= key(x)) {
                        best = Some((binding, p));
                    }
                }
                if let Some((binding, p)) = best {
                    // A pattern with no words reads nothing of the swapped text.
                    if !swapped || binding.words > 0 {
                        return (p.code.clone(), binding, Some(p));
                    }
                }
            }
            at += level;
        }
    }
    let code = f.form.code.clone().unwrap_or_else(|| block.code.clone());
    (code, Binding::default(), None)
}

/// The subject of a verb: the nearest group before it in the clause that is not the object
/// of a preposition.
fn subject(toks: &[Tok], groups: &[Group], c: Clause, verb: usize) -> Option<usize> {
    // "The Syrian Observatory, a UK-based group that tracks the war, said": the actor
    // before an apposition between commas right before the verb.
    if verb > c.first + 2 && toks[verb - 1].w == "," {
        let open = (c.first..verb - 1)
            .rev()
            .take(12)
            .find(|&i| toks[i].w == ",");
        if let Some(q) = open {
            let appositive = toks
                .get(q + 1)
                .is_some_and(|t| DETERMINERS.contains(&t.w.as_str()) || t.capital);
            if appositive && groups.iter().any(|g| g.end == q) {
                return subject(toks, groups, c, q);
            }
        }
    }
    groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.first >= c.first && g.end <= verb)
        .filter(|(_, g)| {
            let mut p = g.first;
            while p > c.first && DETERMINERS.contains(&toks[p - 1].w.as_str()) {
                p -= 1;
            }
            // "Hundreds of UN troops", "some of the rebels": a quantity before "of" is
            // not the subject; the actor is.
            let quantity = p >= c.first + 2 && toks[p - 1].w == "OF" && is_quantity(&toks[p - 2].w);
            quantity || !(p > c.first && PREPOSITIONS.contains(&toks[p - 1].w.as_str()))
        })
        .filter(|(_, g)| {
            // A clause word, or a pronoun that is a subject of its own ("..., he said
            // the government proposed"), stands between.
            !toks[g.end..verb].iter().enumerate().any(|(k, t)| {
                let w = t.w.as_str();
                CLAUSE_BREAKS.contains(&w)
                    || (matches!(w, "HE" | "SHE" | "THEY" | "WE" | "I")
                        && !(k > 0 && PREPOSITIONS.contains(&toks[g.end + k - 1].w.as_str())))
            })
        })
        .map(|(i, _)| i)
        .next_back()
        .or_else(|| pp_subject(toks, groups, c, verb))
}

/// A subject noun phrase with no actor of its own takes the one of its prepositional phrase,
/// as PETRARCH 2 gives a noun phrase the actor of its modifiers: "A report released in the
/// Rwandan capital alleged". Only for a phrase that opens the clause with a noun (not
/// "In Kigali, officials said"), one actor, and no comma or clause word before the verb.
fn pp_subject(toks: &[Tok], groups: &[Group], c: Clause, verb: usize) -> Option<usize> {
    let opening = toks.get(c.first)?;
    if verb <= c.first + 2
        || PREPOSITIONS.contains(&opening.w.as_str())
        || toks[c.first..verb].iter().any(|t| {
            t.w == "," || CLAUSE_BREAKS.contains(&t.w.as_str()) || PRONOUNS.contains(&t.w.as_str())
        })
    {
        return None;
    }
    let inside: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.first >= c.first && g.end <= verb)
        .map(|(i, _)| i)
        .collect();
    let [g] = inside[..] else { return None };
    let mut p = groups[g].first;
    while p > c.first && DETERMINERS.contains(&toks[p - 1].w.as_str()) {
        p -= 1;
    }
    (p > c.first + 1 && matches!(toks[p - 1].w.as_str(), "IN" | "OF" | "FROM" | "BETWEEN"))
        .then_some(g)
}

/// Whether the verb at `verb` has a subject noun phrase of its own naming no actor, after
/// another verb that follows the actor at `from` ("Washington said such a step enjoyed
/// support": the step enjoyed it, not Washington).
fn own_noun_subject(
    toks: &[Tok],
    dict: &VerbDictionary,
    in_group: &[Option<usize>],
    from: usize,
    verb: usize,
) -> bool {
    if verb < from + 3 {
        return false;
    }
    let n = &toks[verb - 1];
    let plain = in_group[verb - 1].is_none()
        && !n.capital
        && n.w.chars().all(char::is_alphabetic)
        && !function_word(&n.w)
        && !n.w.ends_with("LY")
        && !NEGATORS.contains(&n.w.as_str());
    let Some(d) = (verb.saturating_sub(3).max(from)..verb - 1)
        .rev()
        .find(|&i| DETERMINERS.contains(&toks[i].w.as_str()))
    else {
        return false;
    };
    plain
        && (d..verb).all(|i| in_group[i].is_none())
        && (from..d).any(|i| {
            in_group[i].is_none() && !toks[i].capital && dict.forms.contains_key(&toks[i].w)
        })
}

/// A number or a quantity word before "of" ("hundreds of", "some of").
fn is_quantity(q: &str) -> bool {
    is_number(q) || matches!(q, "SOME" | "MOST" | "ALL" | "FEW" | "MILLIONS" | "TENS")
}

/// A number or a quantity word ("10", "ten", "dozens").
fn is_number(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            w,
            "ONE"
                | "TWO"
                | "THREE"
                | "FOUR"
                | "FIVE"
                | "SIX"
                | "SEVEN"
                | "EIGHT"
                | "NINE"
                | "TEN"
                | "DOZEN"
                | "DOZENS"
                | "SCORES"
                | "HUNDREDS"
                | "THOUSANDS"
                | "SEVERAL"
                | "MANY"
        )
}

/// Whether the verb is passive: a past form after a form of "be" (adverbs and "not"
/// between), or right after the actor of "there were ten soldiers killed".
fn passive(toks: &[Tok], c: Clause, f: &Found, in_group: &[Option<usize>]) -> bool {
    if !f.form.past {
        return false;
    }
    let mut p = f.first;
    for _ in 0..3 {
        if p <= c.first {
            return false;
        }
        p -= 1;
        let w = toks[p].w.as_str();
        if BE.contains(&w) {
            return true;
        }
        if in_group[p].is_some() {
            // The actor, perhaps with a number, then "there were".
            while p > c.first
                && (in_group[p - 1].is_some()
                    || is_number(&toks[p - 1].w)
                    || DETERMINERS.contains(&toks[p - 1].w.as_str()))
            {
                p -= 1;
            }
            return p >= c.first + 2
                && BE.contains(&toks[p - 1].w.as_str())
                && toks[p - 2].w == "THERE";
        }
        if !(w.ends_with("LY") || NEGATORS.contains(&w)) {
            return false;
        }
    }
    false
}

fn negated(toks: &[Tok], c: Clause, f: &Found) -> bool {
    let from = f.first.saturating_sub(3).max(c.first);
    toks[from..f.first]
        .iter()
        .any(|t| NEGATORS.contains(&t.w.as_str()))
}

fn mentions_negation(p: &Pattern, dict: &VerbDictionary) -> bool {
    p.before.iter().chain(&p.after).any(|s| match &s.elem {
        Elem::Word { word, .. } => NEGATORS.contains(&word.as_str()) || word == "NO",
        // A synonym set that a pattern puts before its verb may hold the negation.
        Elem::Synset(n) => dict.synsets.get(n).is_some_and(|ms| {
            ms.iter().flatten().any(
                |s| matches!(&s.elem, Elem::Word { word, .. } if NEGATORS.contains(&word.as_str())),
            )
        }),
        _ => false,
    })
}

/// PETRARCH 2's verb interactions, for a verb followed by another in its clause: "said
/// (that) Y attacked", "wants (X) to attack", "pledged to expel", "asked X to help".
/// The `~` transformations of CAMEO.2.0 (`a (a b ATTACK) SAY = a b 015`, ...) and the
/// complement rules of its coder: an intention or appeal (`03x`, `02x`) to cooperate, aid or
/// yield takes the matching sub-code (`want to help` is `033`), an intention or agreement to do
/// anything else is that thing. Returns the code and the target group.
#[allow(clippy::too_many_arguments)]
fn interaction(
    dict: &VerbDictionary,
    toks: &[Tok],
    groups: &[Group],
    c: Clause,
    verbs: &[Found],
    k: usize,
    outer: Option<&str>,
    subj: Option<usize>,
    in_group: &[Option<usize>],
) -> Option<Interaction> {
    let f = verbs.get(k)?;
    let g = verbs.get(k + 1)?;
    if g.first < f.end {
        return None;
    }
    // Between the verbs: "that", the inner subject (one actor, a pronoun, or a few words
    // naming no actor: "a mortar bomb"), auxiliaries, adverbs, "not", "to".
    let mut inner_subj: Option<usize> = None;
    let mut to = false;
    let mut noun_subject = 0;
    for i in f.end..g.first {
        let w = toks[i].w.as_str();
        if let Some(gi) = in_group[i] {
            if inner_subj.is_some_and(|s| s != gi) {
                return None;
            }
            inner_subj = Some(gi);
        } else if w == "TO" {
            to = true;
        } else if !toks[i].capital
            && w.chars().all(char::is_alphabetic)
            && !dict.forms.contains_key(w)
            && !PREPOSITIONS.contains(&w)
            && !CLAUSE_BREAKS.contains(&w)
            && !CONJUNCTIONS.contains(&w)
            && !PRONOUNS.contains(&w)
            && !MODALS.contains(&w)
            && !BE.contains(&w)
            && !matches!(w, "HAD" | "HAS" | "HAVE" | "NOT" | "N'T")
            && !w.ends_with("LY")
            && !DETERMINERS.contains(&w)
        {
            noun_subject += 1;
            if noun_subject > 3 || inner_subj.is_some() {
                return None;
            }
        } else if !(w == "THAT"
            || PRONOUNS.contains(&w)
            || MODALS.contains(&w)
            || BE.contains(&w)
            || matches!(w, "HAD" | "HAS" | "HAVE" | "NOT" | "N'T")
            || w.ends_with("LY")
            || DETERMINERS.contains(&w))
        {
            return None;
        }
    }
    if to && (g.first == 0 || toks[g.first - 1].w != "TO") {
        return None;
    }
    let inner_clause = Clause {
        first: f.end,
        end: c.end,
        inherits: false,
    };
    let (code2, b2, _) = match_patterns(dict, toks, inner_clause, g, in_group, false);
    let code2 = code2.active?;
    // A negated inner act of cooperation is its refusal, as PETRARCH 2 turns a "not" below
    // a verb into the opposite code: "said he would not provide support" rejects material
    // cooperation (`121`), "would not give permission" refuses to yield (`124`).
    let code2 = if toks[f.end..g.first]
        .iter()
        .any(|t| NEGATORS.contains(&t.w.as_str()))
    {
        match code2.get(..2)? {
            "04" => "125",
            "06" => "121",
            "07" => "122",
            "08" => "124",
            _ => return None,
        }
        .to_string()
    } else {
        code2
    };
    let inner_obj = b2.target.or_else(|| {
        groups.iter().position(|gr| {
            gr.first >= g.end
                && gr.end <= c.end
                && !toks[g.end..gr.first].iter().any(|t| t.w == ",")
        })
    });
    // A passive inner verb's source is its "by", "from" or "in" actor and its subject the
    // target: "Israel said a mortar bomb was fired at it from the Gaza Strip".
    let inner_passive = passive(toks, inner_clause, g, in_group);
    let (inner_subj, inner_obj, same) = if inner_passive {
        let agent = (g.end..c.end)
            .find(|&i| {
                matches!(toks[i].w.as_str(), "BY" | "FROM" | "IN")
                    && groups
                        .iter()
                        .any(|gr| gr.first == i + 1 || gr.first == i + 2)
            })
            .and_then(|i| groups.iter().position(|gr| gr.first > i));
        (agent, inner_subj, agent.is_some() && agent == subj)
    } else {
        let same = inner_subj.is_none() && noun_subject == 0 || inner_subj == subj;
        (inner_subj, inner_obj, same)
    };
    let between: Vec<&str> = toks[f.end..g.first].iter().map(|t| t.w.as_str()).collect();
    let situation = Situation {
        subj,
        inner_subj,
        inner_obj,
        same,
        to,
        between: &between,
    };
    // The dictionary's own transformations first: the one naming the inner verb's code
    // before one for any verb (`Q`), as PETRARCH 2 takes the most specific.
    for any_inner in [false, true] {
        for t in dict
            .transformations
            .iter()
            .filter(|t| (t.inner_verb == "Q") == any_inner)
        {
            let hit = verb_is(dict, f, outer.unwrap_or(""), &t.outer_verb)
                && verb_is(dict, g, &code2, &t.inner_verb);
            if let Some(found) = hit.then(|| transform(t, &code2, &situation)).flatten() {
                return Some(found);
            }
        }
    }
    let outer = outer?;
    if !to {
        return None;
    }
    let target = if same { inner_obj } else { inner_subj };
    let sub = match code2.get(..2) {
        Some("06") => Some('1'),
        Some("05") => Some('2'),
        Some("07") => Some('3'),
        Some("08") => Some('5'),
        _ => None,
    };
    let (code, target) = match (outer.get(..2), sub) {
        (Some(o @ ("02" | "03")), Some(d)) => (format!("{o}{d}"), target),
        // Only one's own act: "X wants Y to meet Z" is not X meeting anyone.
        (Some("03"), None) | (Some("05"), _) if same => (code2, inner_obj),
        // "X wants Y to head back": Y's own act inside X's verb is a nested event, which
        // PETRARCH 2 codes only through a transformation or the combinations above; the
        // outer verb gives no event of its own against Y (an empty code says so).
        _ if !same && inner_subj.is_some() => (String::new(), None),
        _ => return None,
    };
    Some(Interaction {
        code,
        source: None,
        target,
        origin: None,
    })
}

/// What a verb interaction codes: the event's code (empty: no event at all), its source
/// when it is not the outer verb's subject, its target, and the transformation line that
/// gave it.
struct Interaction {
    code: String,
    source: Option<usize>,
    target: Option<usize>,
    origin: Option<String>,
}

/// The actors around two verbs in a row: the outer subject, the inner verb's own subject
/// (`None`: none, or a pronoun) and object, whether the inner subject is the outer one,
/// whether the inner verb is an infinitive, and the words between the verbs.
struct Situation<'a> {
    subj: Option<usize>,
    inner_subj: Option<usize>,
    inner_obj: Option<usize>,
    same: bool,
    to: bool,
    between: &'a [&'a str],
}

/// Whether a verb found in the text is the dictionary word `word` of a transformation: the
/// same verb block, or a code of the same family (`SAY` [010] stands for every `01x` code,
/// `ASSASSINATE` [186] for `186x`). `Q` is any verb.
fn verb_is(dict: &VerbDictionary, f: &Found, code: &str, word: &str) -> bool {
    if word == "Q" {
        return true;
    }
    let Some(forms) = dict.forms.get(word) else {
        return false;
    };
    if forms
        .iter()
        .any(|v| v.block == f.form.block || f.others.contains(&v.block))
    {
        return true;
    }
    let named = forms
        .iter()
        .find(|v| v.pre.is_empty() && v.post.is_empty())
        .or(forms.first())
        .and_then(|v| {
            v.code
                .clone()
                .unwrap_or_else(|| dict.blocks[v.block].code.clone())
                .active
        });
    let Some(named) = named else { return false };
    let family = named.trim_end_matches('0');
    let family = if family.len() < 2 {
        named.get(..2).unwrap_or(&named)
    } else {
        family
    };
    !code.is_empty() && code.starts_with(family)
}

/// Applies a transformation whose verbs matched, when its actors fit.
fn transform(t: &Transformation, inner_code: &str, s: &Situation) -> Option<Interaction> {
    if !t
        .inner_before
        .iter()
        .all(|w| s.between.contains(&w.as_str()))
    {
        return None;
    }
    let mut vars: Vec<(&str, Option<usize>)> = vec![(t.source.as_str(), s.subj)];
    match t.inner_source.as_str() {
        "_" if !(s.to && s.same) => return None,
        "_" | "." => {}
        v if v == t.source => {
            if s.to || !s.same {
                return None;
            }
        }
        v => {
            if s.same {
                return None;
            }
            vars.push((v, s.inner_subj));
        }
    }
    if t.inner_target != "." && !vars.iter().any(|(v, _)| *v == t.inner_target) {
        vars.push((t.inner_target.as_str(), s.inner_obj));
    }
    let get = |v: &str| vars.iter().find(|(n, _)| *n == v).and_then(|(_, g)| *g);
    let code = if t.result_code == "Q" {
        inner_code.to_string()
    } else {
        t.result_code.clone()
    };
    Some(Interaction {
        code,
        source: get(&t.result_source),
        target: get(&t.result_target),
        origin: Some(t.origin.clone()),
    })
}

/// The events of one sentence.
pub fn sentence_events(
    dict: &VerbDictionary,
    text: &str,
    sentence: Span,
    mentions: &[Mention],
) -> Vec<Event> {
    let toks = tokens(text, sentence);
    let groups = groups(&toks, mentions, sentence, dict);
    let mut in_group = vec![None; toks.len()];
    for (gi, g) in groups.iter().enumerate() {
        for slot in &mut in_group[g.first..g.end] {
            *slot = Some(gi);
        }
    }
    let mut events = Vec::new();
    let mut last_subject: Option<usize> = None;
    // Whether the last clause's event came from a transformation: a clause that goes on
    // from it ("claimed that ISIL had attacked Iraq and taken Mosul") is still the reported
    // content, which the transformation already coded.
    let mut framed = false;
    for c in clauses(&toks, dict, &in_group) {
        if c.inherits && framed {
            continue;
        }
        framed = false;
        let verbs = find_verbs(&toks, c, dict, &in_group);
        for (k, f) in verbs.iter().enumerate() {
            // "The civilians imprisoned for ... were released by Putin": a past participle
            // right after its noun and before a prepositional phrase, with the clause's own
            // passive verb still to come, only describes the noun.
            let reduced_relative = f.form.past
                && f.first > c.first
                && in_group[f.first - 1].is_some()
                && toks
                    .get(f.end)
                    .is_some_and(|t| PREPOSITIONS.contains(&t.w.as_str()))
                && (f.end..c.end.saturating_sub(1)).any(|i| {
                    BE.contains(&toks[i].w.as_str())
                        && verbs.iter().any(|v| v.first == i + 1 && v.form.past)
                });
            // "made his remarks at the start of a trip aimed at ...": a past participle
            // after a common noun and before a prepositional phrase, once the clause has
            // had its verb, describes the noun; PETRARCH 2 reads it as a passive with no
            // agent, which codes nothing.
            let describes_noun = f.form.past
                && k > 0
                && toks[verbs[0].end..f.first]
                    .iter()
                    .any(|t| DETERMINERS.contains(&t.w.as_str()))
                && f.first > c.first
                && in_group[f.first - 1].is_none()
                && {
                    let t = &toks[f.first - 1];
                    !t.capital
                        && t.w.chars().all(char::is_alphabetic)
                        && !function_word(&t.w)
                        && !NEGATORS.contains(&t.w.as_str())
                        && !t.w.ends_with("LY")
                        && !matches!(t.w.as_str(), "HAS" | "HAVE" | "HAD" | "HAVING")
                }
                && toks
                    .get(f.end)
                    .is_some_and(|t| PREPOSITIONS.contains(&t.w.as_str()) && t.w != "BY");
            // A gerund after a preposition ("aimed at pushing for a ceasefire") names an act
            // with no subject of its own, which PETRARCH 2 does not code.
            let gerund = f.first > c.first
                && toks[f.first].w.ends_with("ING")
                && PREPOSITIONS.contains(&toks[f.first - 1].w.as_str());
            if reduced_relative || describes_noun || gerund {
                continue;
            }
            let voice_passive = passive(&toks, c, f, &in_group);
            let (mut code, mut b, pattern) =
                match_patterns(dict, &toks, c, f, &in_group, voice_passive);
            let subj = subject(&toks, &groups, c, f.first)
                .filter(|&s| !own_noun_subject(&toks, dict, &in_group, groups[s].end, f.first))
                .or(if c.inherits { last_subject } else { None });
            // A verb with no event of its own may still frame one ("attempted to
            // assassinate"); only transformations can say so.
            let outer = code.active.clone();
            let found = interaction(
                dict,
                &toks,
                &groups,
                c,
                &verbs,
                k,
                outer.as_deref(),
                subj,
                &in_group,
            );
            // A nested act that codes nothing ends the clause with no event.
            if found.as_ref().is_some_and(|i| i.code.is_empty()) {
                break;
            }
            if code.is_none() && found.is_none() {
                continue;
            }
            if negated(&toks, c, f) && !pattern.is_some_and(|p| mentions_negation(p, dict)) {
                continue;
            }
            let mut inner_target = None;
            let mut inner_source = None;
            let mut transformed = None;
            if let Some(i) = found {
                code = Code {
                    active: Some(i.code),
                    passive: None,
                };
                b = Binding::default();
                inner_target = Some(i.target);
                inner_source = i.source;
                transformed = i.origin;
            }
            let object = inner_target.flatten().or_else(|| {
                groups
                    .iter()
                    .position(|g| {
                        g.first >= f.end
                            && g.end <= c.end
                            && !(g.first..g.end).all(|i| b.matched.contains(&i))
                    })
                    // Nor the object of a participle that qualifies a noun ("has evidence
                    // proving Russia was behind ...": as in PETRARCH 2, a noun phrase reads a
                    // participle's actors only when the participle is a coded verb).
                    .filter(|&g| {
                        !(f.end + 1..groups[g].first).any(|i| {
                            let (prev, t) = (&toks[i - 1], &toks[i]);
                            let w = prev.w.as_str();
                            t.w.len() > 5
                                && t.w.ends_with("ING")
                                && toks[i + 1..groups[g].first]
                                    .iter()
                                    .all(|d| DETERMINERS.contains(&d.w.as_str()))
                                && !t.capital
                                && !dict.forms.contains_key(&t.w)
                                && !prev.capital
                                && w.chars().all(char::is_alphabetic)
                                && !function_word(w)
                                && !dict.forms.contains_key(w)
                        })
                    })
                    // Nor inside an infinitive right after the verb ("proposed to take up
                    // the issue with X": X is in the phrase of "take up", which codes
                    // nothing here; a coded one is a verb interaction above).
                    .filter(|&g| {
                        let to = f.end;
                        !(to + 1 < groups[g].first
                            && toks[to].w == "TO"
                            && in_group[to + 1].is_none()
                            && {
                                let t = &toks[to + 1];
                                let w = t.w.as_str();
                                !t.capital
                                    && w.chars().all(char::is_alphabetic)
                                    && !function_word(w)
                                    && dict.forms.get(w).map_or_else(
                                        // A word the dictionary does not know is a verb
                                        // when an object or a particle follows it ("to
                                        // take up the issue"; not "to war with").
                                        || {
                                            !w.ends_with('S')
                                                && toks.get(to + 2).is_some_and(|n| {
                                                    DETERMINERS.contains(&n.w.as_str())
                                                        || matches!(
                                                            n.w.as_str(),
                                                            "UP" | "OUT" | "OFF" | "DOWN" | "BACK"
                                                        )
                                                })
                                        },
                                        |fs| fs.iter().any(|v| v.base),
                                    )
                            })
                    })
                    // Nor past the finite verb of a clause of its own: "said such a step
                    // enjoyed support from X" (a past form after a determiner and a noun).
                    .filter(|&g| {
                        !verbs.iter().any(|v| {
                            v.first >= f.end + 2
                                && v.end <= groups[g].first
                                && v.form.past
                                && v.form.pre.is_empty()
                                && {
                                    let n = &toks[v.first - 1];
                                    let d = &toks[v.first - 2];
                                    in_group[v.first - 1].is_none()
                                        && !n.capital
                                        && n.w.chars().all(char::is_alphabetic)
                                        && !function_word(&n.w)
                                        && !is_number(&n.w)
                                        && DETERMINERS.contains(&d.w.as_str())
                                }
                        })
                    })
                    // The object is in the verb's own phrase: not past a comma, unless the
                    // comma only separates two modifiers of one noun ("complete, full
                    // diplomatic ties", but not "the treaty, officials in").
                    .filter(|&g| {
                        let gap = f.end..groups[g].first;
                        !gap.clone().any(|i| {
                            toks[i].w == ","
                                && !(i > gap.start && i + 2 < gap.end && {
                                    let plain = |t: &Tok| {
                                        !t.capital
                                            && t.w.chars().all(char::is_alphabetic)
                                            && !dict.forms.contains_key(&t.w)
                                            && !CONJUNCTIONS.contains(&t.w.as_str())
                                            && !PREPOSITIONS.contains(&t.w.as_str())
                                            && !DETERMINERS.contains(&t.w.as_str())
                                    };
                                    plain(&toks[i - 1])
                                        && plain(&toks[i + 1])
                                        && plain(&toks[i + 2])
                                })
                        })
                    })
            });
            // "X was attacked by Y": Y is the source, X the target. As in PETRARCH 2, an
            // actor after "from" or "in" is the source when there is no "by" ("ten soldiers
            // were killed in Ukraine"); with none of them the passive is coded like an
            // active verb.
            let agent = (passive(&toks, c, f, &in_group) && inner_target.is_none())
                .then(|| {
                    let after = |preps: &[&str]| {
                        (f.end..c.end).find(|&i| {
                            preps.contains(&toks[i].w.as_str())
                                && groups.iter().any(|g| g.first == i + 1 || g.first == i + 2)
                        })
                    };
                    let by = after(&["BY"]).or_else(|| after(&["FROM", "IN"]));
                    by.and_then(|i| groups.iter().position(|g| g.first > i))
                })
                .flatten();
            let is_passive = agent.is_some();
            let (mut source, mut target) = match agent {
                // The passive's target is its subject noun phrase, or an actor inside it
                // ("evidence against Russia was presented by the US").
                Some(a) => (
                    Some(a),
                    subj.or_else(|| {
                        groups
                            .iter()
                            .position(|g| g.first >= c.first && g.end <= f.first)
                    }),
                ),
                None => (subj, object),
            };
            if let Some(s) = b.source.or(inner_source) {
                source = Some(s);
            }
            if let Some(t) = b.target {
                target = Some(t);
                // A pattern that puts its target before the verb ("- NOTED + *": "X noted
                // that Y regretted") leaves the source to the actor before the target, the
                // subject of the sentence it opens.
                if b.source.is_none()
                    && inner_source.is_none()
                    && !is_passive
                    && groups[t].end <= f.first
                    && source.is_none_or(|s| s == t)
                {
                    source = groups
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| g.first >= c.first && g.end <= groups[t].first)
                        .filter(|(_, g)| {
                            let mut p = g.first;
                            while p > c.first && DETERMINERS.contains(&toks[p - 1].w.as_str()) {
                                p -= 1;
                            }
                            !(p > c.first && PREPOSITIONS.contains(&toks[p - 1].w.as_str()))
                        })
                        .map(|(i, _)| i)
                        .next_back()
                        .or(source);
                }
            }
            // "conducting military exercises in Alaska" with "- * {&MILITARY EXERCISES}": the
            // pattern took the agent's words, so the object is the country they were in.
            let target_members: Option<&[Member]> = target
                .filter(|&t| b.target.is_none() && Some(t) == object && !is_passive)
                .and_then(|t| groups[t].countries.as_ref().map(|c| (t, c)))
                .filter(|(t, (agents_end, at, _))| {
                    let taken = |r: std::ops::Range<usize>| {
                        r.filter(|&i| {
                            !PREPOSITIONS.contains(&toks[i].w.as_str())
                                && !DETERMINERS.contains(&toks[i].w.as_str())
                        })
                        .map(|i| b.matched.contains(&i))
                        .collect::<Vec<bool>>()
                    };
                    // The agent's words and the noun after it, all the pattern's: an agent
                    // that is itself the noun ("received envoys from") keeps its sector.
                    let head = taken(*agents_end..*at);
                    !head.is_empty()
                        && head.iter().all(|&m| m)
                        && taken(groups[*t].first..*agents_end).iter().all(|&m| m)
                })
                .map(|(_, (_, _, ms))| ms.as_slice());
            let mut pairs: Vec<(&Member, &Member)> = Vec::new();
            match b.compound {
                Some((g, before_verb))
                    if b.target.is_none() && (before_verb || source.is_none()) =>
                {
                    let ms = &groups[g].members;
                    for x in ms {
                        for y in ms {
                            if x.span != y.span {
                                pairs.push((x, y));
                            }
                        }
                    }
                }
                Some((g, _)) => {
                    if let Some(s) = source.filter(|&s| s != g) {
                        for x in &groups[s].members {
                            for y in &groups[g].members {
                                pairs.push((x, y));
                            }
                        }
                    }
                }
                None => {
                    if let (Some(s), Some(t)) = (source, target) {
                        if s != t {
                            for x in &groups[s].members {
                                for y in target_members.unwrap_or(&groups[t].members) {
                                    pairs.push((x, y));
                                }
                            }
                        }
                    }
                    // "The US, Russia and Switzerland met": several actors cooperating
                    // (intentions, consultations, agreements, material cooperation) with
                    // no one else are each other's partners, as in PETRARCH 2.
                    let cooperative = code
                        .active
                        .as_deref()
                        .and_then(|c| c.get(..2))
                        .is_some_and(|r| matches!(r, "03" | "04" | "05" | "06"));
                    if let (Some(s), None, true) = (source, target, cooperative) {
                        // Only actors with a country or organisation code: "the
                        // president and the Commission met" says nothing of who met whom.
                        let ms: Vec<&Member> = groups[s]
                            .members
                            .iter()
                            .filter(|m| m.code.is_some())
                            .collect();
                        for &x in &ms {
                            for &y in &ms {
                                if x.span != y.span || x.code != y.code {
                                    pairs.push((x, y));
                                }
                            }
                        }
                    }
                }
            }
            // `A:B` is an event and its reverse ("visit" and "receive a visit"): the object
            // does B to the subject. In the passive voice only A is coded, from the "by"
            // agent to the subject; `:B` alone is coded that way too (PETRARCH 2's
            // passive-only code: "received assurances from the government").
            let (active, reverse) = match (&code.active, &code.passive) {
                (Some(a), _) if is_passive => (Some(a.clone()), None),
                (None, Some(p)) if is_passive => (Some(p.clone()), None),
                // An infinitive's subject is not its own ("X is to attend a summit in Y"):
                // PETRARCH 2 gives such a verb no reverse event.
                (a, _) if f.first > c.first && toks[f.first - 1].w == "TO" => (a.clone(), None),
                (a, p) => (a.clone(), p.clone()),
            };
            if pairs.is_empty() || active.is_none() && reverse.is_none() {
                continue;
            }
            let trigger = Span::new(toks[f.first].span.start, toks[f.end - 1].span.end);
            let from_transformation = transformed.is_some();
            let origin = transformed.unwrap_or_else(|| {
                pattern
                    .map(|p| p.origin.clone())
                    .unwrap_or_else(|| format!("verb block {}", dict.blocks[f.form.block].name))
            });
            for (x, y) in &pairs {
                if let Some(a) = &active {
                    events.push(event(a, x, y, trigger, &origin));
                }
                if let Some(r) = &reverse {
                    events.push(event(r, y, x, trigger, &origin));
                }
            }
            last_subject = subj.or(source);
            framed = from_transformation;
            // One event (or pair) per clause, as PETRARCH codes one verb phrase per clause.
            break;
        }
        if last_subject.is_none() {
            last_subject = verbs
                .first()
                .and_then(|f| subject(&toks, &groups, c, f.first));
        }
    }
    // The same triple twice (a pair code on a compound) is one event.
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        let k = |a: &Option<EventActor>| {
            a.as_ref()
                .map(|a| (a.code.clone(), a.sector.clone()))
                .unwrap_or_default()
        };
        // An actor does not act on itself ("between Gondor and Gondor").
        let same = e.source.is_some() && k(&e.source) == k(&e.target);
        !same && seen.insert((k(&e.source), k(&e.target), e.cameo.clone()))
    });
    events
}

/// A prefix agent's code (`NGO~` in the sector) goes before the country: "NGOARN".
fn prefixed(code: Option<&str>, sector: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(s) = sector else {
        return (code.map(str::to_string), None);
    };
    let Some(p) = s.find('~') else {
        return (code.map(str::to_string), Some(s.to_string()));
    };
    let cut = s[..p].char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let pre = &s[cut..p];
    let rest = format!("{}{}", &s[..cut], &s[p + 1..]).replace('~', "");
    (
        Some(format!("{pre}{}", code.unwrap_or(""))),
        (!rest.is_empty()).then_some(rest),
    )
}

fn event(code: &str, x: &Member, y: &Member, trigger: Span, origin: &str) -> Event {
    let info = crate::BUILTIN
        .as_ref()
        .and_then(|c| c.lexicon().codes.get(code));
    let actor = |m: &Member| {
        let (code, sector) = prefixed(m.code.as_deref(), m.sector.as_deref());
        EventActor {
            span: m.span,
            code,
            sector,
        }
    };
    Event {
        kind: info.and_then(|i| i.plover.clone()),
        mode: info.and_then(|i| i.mode.clone()),
        cameo: code.to_string(),
        quad: info.map_or_else(|| crate::lexicon::quad_of(code), |i| i.quad),
        goldstein: info.map_or(0.0, |i| i.intensity),
        source: Some(actor(x)),
        target: Some(actor(y)),
        trigger,
        // Dated by the caller, with the sentence's time expressions.
        date: None,
        negated: false,
        modality: None,
        confidence: 0.7,
        pattern: Some(origin.to_string()),
        context: Vec::new(),
        reciprocal: false,
    }
}
