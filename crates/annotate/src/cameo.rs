//! Actor codes from the user's CAMEO/PETRARCH dictionaries (`--cameo-dictionaries DIR`).
//!
//! With user dictionaries, the `actor` of every mention comes from them and not from our
//! knowledge base, so that a project keeps the codes it curated; the mention types and entity
//! ids still come from our recogniser. A dictionary phrase that none of our mentions spans
//! exactly becomes a mention of its own.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use dyad_kb::petrarch::{Dictionaries, Phrase};
use dyad_model::{ActorCode, Mention, Span};
use std::path::Path;

#[derive(Debug, Clone, Copy)]
enum Target {
    Actor(usize),
    Agent(usize),
}

pub struct CameoActors {
    dicts: Dictionaries,
    matcher: AhoCorasick,
    targets: Vec<(Target, bool)>,
}

/// A coded stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Coded {
    span: Span,
    /// The full code ("EGYGOV"); empty for an agent with no country.
    country: String,
    sector: String,
}

impl CameoActors {
    pub fn new(dicts: Dictionaries) -> Result<CameoActors, String> {
        let mut pats = Vec::new();
        let mut targets = Vec::new();
        // Actors come before agents and keep their phrases, as PETRARCH looks actors up first.
        let mut seen: std::collections::HashMap<(String, bool), usize> =
            std::collections::HashMap::new();
        let mut add = |p: &Phrase, t: Target| {
            // Agents list their plurals, so they are whole words ("DIPLOMAT" is not
            // "diplomatic"); actor names without a final `_` are stems.
            let target = (t, p.exact_end || matches!(t, Target::Agent(_)));
            // A phrase listed twice is the later entry's, as PETRARCH reads its files
            // ("PRESIDENT BUSH" under both presidents Bush: the second one).
            let key = (p.text(), matches!(t, Target::Agent(_)));
            match seen.get(&key) {
                Some(&i) => targets[i] = target,
                None if seen.contains_key(&(key.0.clone(), false)) => {}
                None => {
                    seen.insert(key, pats.len());
                    pats.push(p.text());
                    targets.push(target);
                }
            }
        };
        for (i, a) in dicts.actors.iter().enumerate() {
            a.names.iter().for_each(|p| add(p, Target::Actor(i)));
        }
        for (i, a) in dicts.agents.iter().enumerate() {
            a.phrases.iter().for_each(|p| add(p, Target::Agent(i)));
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&pats)
            .map_err(|e| format!("cannot compile the dictionaries: {e}"))?;
        Ok(CameoActors {
            dicts,
            matcher,
            targets,
        })
    }

    /// Loads the actor and agent dictionaries of a directory; an error names it.
    pub fn load(dir: &Path) -> Result<CameoActors, String> {
        let d = dyad_kb::petrarch::load_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if d.actors.is_empty() && d.agents.is_empty() {
            return Err(format!(
                "{}: no actor (*actors*.txt) or agent (*agents*.txt) dictionary",
                dir.display()
            ));
        }
        CameoActors::new(d)
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Re-codes the mentions of a text with the dictionaries.
    pub fn recode(&self, text: &str, date: Option<NaiveDate>, mentions: &mut Vec<Mention>) {
        for m in mentions.iter_mut() {
            m.actor = None;
        }
        let mut added = Vec::new();
        for c in self.coded(text, date) {
            let actor = (!c.country.is_empty() || !c.sector.is_empty()).then(|| ActorCode {
                code: (!c.country.is_empty()).then(|| c.country.clone()),
                sector: (!c.sector.is_empty()).then(|| c.sector.clone()),
            });
            if let Some(m) = mentions.iter_mut().find(|m| m.span == c.span) {
                m.actor = actor;
                continue;
            }
            let Some(actor) = actor else { continue };
            // The widest of our mentions inside or around the phrase lends its type and id.
            let near = mentions
                .iter()
                .filter(|m| m.span.start < c.span.end && c.span.start < m.span.end)
                .max_by_key(|m| m.span.end - m.span.start);
            let kind = match near {
                Some(m) => m.kind.clone(),
                None if actor.sector.is_none() && actor.code.is_some() => "GPE".into(),
                None => "ACTOR".into(),
            };
            added.push(Mention {
                span: c.span,
                kind,
                entity: near.and_then(|m| m.entity.clone()),
                actor: Some(actor),
            });
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        }
    }

    /// The dictionary phrases of a text with their codes on the date; an agent takes the
    /// country of an actor right before it ("Egyptian foreign minister", "Egypt's army") or
    /// right after "of" ("the foreign minister of Egypt").
    fn coded(&self, text: &str, date: Option<NaiveDate>) -> Vec<Coded> {
        // "Dol_Amroth" is "Dol Amroth": the haystack has the same length, so offsets hold.
        let spaced = text.replace('_', " ");
        let text = spaced.as_str();
        let mut found: Vec<(Span, Target)> = Vec::new();
        let mut from = 0;
        while from < text.len() {
            let Some(m) = self
                .matcher
                .find(aho_corasick::Input::new(text).range(from..))
            else {
                break;
            };
            let (s, mut e) = (m.start(), m.end());
            let (target, exact_end) = self.targets[m.pattern().as_usize()];
            // A match that fails its word boundaries is dropped and the search goes on from
            // its next character, so that "the Kuwait" still finds "Kuwait" after failing on
            // the stem "THE KU".
            let next_char = s + text[s..].chars().next().map_or(1, char::len_utf8);
            // A hyphen between letters makes one word, as in PETRARCH's tokens: "pro-Russia",
            // "government-held" and "UK-based" name no actor.
            let joined = |mut cs: std::str::Chars, back: bool| {
                let mut next = || if back { cs.next_back() } else { cs.next() };
                match next() {
                    Some(c) if c.is_alphanumeric() => true,
                    Some('-') => next().is_some_and(char::is_alphanumeric),
                    _ => false,
                }
            };
            if joined(text[..s].chars(), true) {
                from = next_char;
                continue;
            }
            let rest = &text[e..];
            if rest.starts_with('-') && joined(rest.chars(), false) {
                from = next_char;
                continue;
            }
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                // A stem runs to the end of its word ("ARGENTIN" in "Argentine"); a stem of
                // fewer than four letters is an abbreviation ("THE AU", "KU"), not a stem.
                let last_word = text[s..e].rsplit(' ').next().unwrap_or("");
                if exact_end || last_word.chars().count() < 4 {
                    from = next_char;
                    continue;
                }
                e += rest
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len());
            }
            found.push((Span::new(s, e), target));
            from = e;
        }
        let mut out: Vec<Coded> = Vec::new();
        let mut i = 0;
        while i < found.len() {
            let (span, target) = found[i];
            match target {
                Target::Actor(a) => {
                    let code = self.dicts.actors[a].code_on(date).unwrap_or("");
                    let (country, sector) = split(code);
                    // "Egyptian troops": the actor and the agent after it are one actor.
                    if let Some(&(next, Target::Agent(g))) = found.get(i + 1) {
                        if adjacent(text, span.end, next.start) && !country.is_empty() {
                            out.push(Coded {
                                span: Span::new(span.start, next.end),
                                country: country.to_string(),
                                sector: mix(sector, &agent_code(&self.dicts.agents[g])),
                            });
                            i += 2;
                            // "Danish media and government": the country is both agents'.
                            let mut end = next.end;
                            while let Some(&(more, Target::Agent(g))) = found.get(i) {
                                if !conjoined(text, end, more.start) {
                                    break;
                                }
                                out.push(Coded {
                                    span: more,
                                    country: country.to_string(),
                                    sector: mix(sector, &agent_code(&self.dicts.agents[g])),
                                });
                                end = more.end;
                                i += 1;
                            }
                            continue;
                        }
                    }
                    // "US and British activists": the agent after the last of two
                    // countries is the first one's too.
                    if let (Some(&(other, Target::Actor(b))), Some(&(agent, Target::Agent(g)))) =
                        (found.get(i + 1), found.get(i + 2))
                    {
                        let (other_country, _) =
                            split(self.dicts.actors[b].code_on(date).unwrap_or(""));
                        if !country.is_empty()
                            && !other_country.is_empty()
                            && conjoined(text, span.end, other.start)
                            && adjacent(text, other.end, agent.start)
                            && !text[other.end..agent.start].contains('\'')
                            && !text[other.end..agent.start].contains('’')
                        {
                            out.push(Coded {
                                span,
                                country: country.to_string(),
                                sector: mix(sector, &agent_code(&self.dicts.agents[g])),
                            });
                            i += 1;
                            continue;
                        }
                    }
                    out.push(Coded {
                        span,
                        country: country.to_string(),
                        sector: sector.to_string(),
                    });
                }
                Target::Agent(g) => {
                    let sector = agent_code(&self.dicts.agents[g]);
                    // "the foreign minister of Egypt"
                    let of_country = found.get(i + 1).and_then(|&(next, t)| match t {
                        Target::Actor(a) if of_between(text, span.end, next.start) => {
                            let (c, own) = split(self.dicts.actors[a].code_on(date).unwrap_or(""));
                            (!c.is_empty()).then(|| (next, c.to_string(), own.to_string()))
                        }
                        _ => None,
                    });
                    match of_country {
                        Some((next, country, own)) => {
                            out.push(Coded {
                                span: Span::new(span.start, next.end),
                                country,
                                sector: mix(&own, &sector),
                            });
                            i += 2;
                            // "the ambassadors of Arnor, Osgiliath and Gondor": each one.
                            let mut end = next.end;
                            while let Some(&(more, Target::Actor(a))) = found.get(i) {
                                let gap = text[end..more.start].trim();
                                if !matches!(gap, "," | "and" | "or" | ", and" | ", or") {
                                    break;
                                }
                                let (c, own) =
                                    split(self.dicts.actors[a].code_on(date).unwrap_or(""));
                                if c.is_empty() {
                                    break;
                                }
                                out.push(Coded {
                                    span: more,
                                    country: c.to_string(),
                                    sector: mix(own, &sector),
                                });
                                end = more.end;
                                i += 1;
                            }
                            continue;
                        }
                        None => out.push(Coded {
                            span,
                            country: String::new(),
                            sector,
                        }),
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// An agent's code as a sector; a prefix agent's (`[NGO~]`) keeps its `~`, and the event
/// coder puts it before the country ("NGOFRA").
fn agent_code(a: &dyad_kb::petrarch::DictAgent) -> String {
    if a.prefix {
        format!("{}~", a.code)
    } else {
        a.code.clone()
    }
}

/// An actor's own sector with an agent's code after it, once, as PETRARCH mixes them:
/// "West German [GMWGOV] world government [~WGO]" is `GMWGOVWGO`.
fn mix(own: &str, agent: &str) -> String {
    if own.contains(agent) {
        own.to_string()
    } else {
        format!("{own}{agent}")
    }
}

/// `EGYGOV` -> (`EGY`, `GOV`); a code of three letters or fewer is all country, and so are
/// the codes of several actors (`FRO/BIL/SAM`), which the event coder splits.
fn split(code: &str) -> (&str, &str) {
    if code.contains('/') {
        return (code, "");
    }
    match code.char_indices().nth(3) {
        Some((i, _)) => (&code[..i], &code[i..]),
        None => (code, ""),
    }
}

/// Only spaces, or a possessive, between two phrases.
fn adjacent(text: &str, a: usize, b: usize) -> bool {
    let gap = &text[a..b];
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("’s"))
        .unwrap_or(gap);
    !gap.is_empty() && gap.chars().all(|c| c == ' ')
}

/// Only "and", "or" or a comma between two phrases.
fn conjoined(text: &str, a: usize, b: usize) -> bool {
    matches!(text[a..b].trim(), "," | "and" | "or" | ", and" | ", or")
}

fn of_between(text: &str, a: usize, b: usize) -> bool {
    let gap = text[a..b].trim();
    gap == "of" || gap == "of the"
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_kb::petrarch::{parse_actors, parse_agents};

    fn cameo() -> CameoActors {
        let mut w = Vec::new();
        let actors = parse_actors(
            "EGYPT_ [EGY]\n+EGYPTIAN\nHOSNI_MUBARAK_\n\t[EGYGOV 811014-110211]\n\t[EGYELI]\n\
             HAMAS [PSEREBHMS]\nARGENTIN [ARG]\n",
            "a",
            &mut w,
        );
        let agents = parse_agents("FOREIGN_MINISTER [~GOV]\nTROOPS {} [~MIL]\n", "g", &mut w);
        assert!(w.is_empty(), "{w:?}");
        CameoActors::new(Dictionaries {
            actors,
            agents,
            ..Dictionaries::default()
        })
        .unwrap()
    }

    fn codes(text: &str, date: &str, mentions: &mut Vec<Mention>) -> Vec<String> {
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        cameo().recode(text, day, mentions);
        mentions
            .iter()
            .map(|m| {
                let a = m.actor.clone().unwrap_or(ActorCode {
                    code: None,
                    sector: None,
                });
                format!(
                    "{}:{}:{}{}",
                    &text[m.span.start..m.span.end],
                    m.kind,
                    a.code.unwrap_or("---".into()),
                    a.sector.unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn dictionary_codes_replace_ours_and_follow_the_date() {
        let text = "Hosni Mubarak met Hamas leaders; Egyptian troops and the foreign minister of \
                    Argentina watched. Argentine officials said nothing.";
        // Our recogniser's mention of Mubarak, with a code the dictionary must replace.
        let mut ms = vec![Mention {
            span: Span::new(0, 13),
            kind: "PERSON".into(),
            entity: Some("hosni-mubarak".into()),
            actor: Some(ActorCode {
                code: Some("XXX".into()),
                sector: None,
            }),
        }];
        let got = codes(text, "2005-03-01", &mut ms);
        assert_eq!(
            got,
            [
                "Hosni Mubarak:PERSON:EGYGOV",
                "Hamas:ACTOR:PSEREBHMS",
                "Egyptian troops:ACTOR:EGYMIL",
                "foreign minister of Argentina:ACTOR:ARGGOV",
                "Argentine:GPE:ARG",
            ]
        );
        let mut ms = Vec::new();
        assert_eq!(
            codes("Hosni Mubarak spoke.", "2015-03-01", &mut ms),
            ["Hosni Mubarak:ACTOR:EGYELI"]
        );
    }

    #[test]
    fn an_agent_adds_to_the_actors_own_sector() {
        let mut ms = Vec::new();
        assert_eq!(
            codes(
                "Hamas troops and the foreign minister of Hamas met.",
                "2005-03-01",
                &mut ms
            ),
            [
                "Hamas troops:ACTOR:PSEREBHMSMIL",
                "foreign minister of Hamas:ACTOR:PSEREBHMSGOV"
            ]
        );
    }

    #[test]
    fn hyphens_underscores_and_repeated_phrases() {
        // A hyphen between letters makes one word: no actor in "pro-Egypt" or "Hamas-run".
        let mut ms = Vec::new();
        assert_eq!(
            codes(
                "pro-Egypt crowds marched in a Hamas-run town with Argentine flags",
                "2005-03-01",
                &mut ms
            ),
            ["Argentine:GPE:ARG"]
        );
        // An underscore joins words as a space does.
        let mut ms = Vec::new();
        assert_eq!(
            codes("Hosni_Mubarak spoke.", "2005-03-01", &mut ms),
            ["Hosni_Mubarak:ACTOR:EGYGOV"]
        );
        // A phrase listed under two actors is the later one's.
        let mut w = Vec::new();
        let actors = parse_actors(
            "MOHAMED_ALI_ [EGYGOV]\n+PRESIDENT_ALI\nZINE_ALI_ [TUNGOV]\n+PRESIDENT_ALI\n",
            "a",
            &mut w,
        );
        let c = CameoActors::new(Dictionaries {
            actors,
            ..Dictionaries::default()
        })
        .unwrap();
        let mut ms = Vec::new();
        c.recode("President Ali spoke.", None, &mut ms);
        assert_eq!(ms[0].actor.as_ref().unwrap().code.as_deref(), Some("TUN"));
    }

    #[test]
    fn phrases_respect_word_boundaries() {
        let mut ms = Vec::new();
        assert!(codes("Egyptology and the Egypt_ian", "2005-03-01", &mut ms)
            .iter()
            .all(|c| !c.starts_with("Egyptology")));
        let mut ms = Vec::new();
        assert_eq!(
            codes("A foreign minister spoke.", "2005-03-01", &mut ms),
            ["foreign minister:ACTOR:---GOV"]
        );
    }
}
