//! Mentions of actors: names from the knowledge base (countries, their adjectives and
//! government metonyms, people, organisations), short forms of people already named, and
//! generic agents tied to a country ("Russian troops", "China's foreign ministry", "the Chinese
//! president"), each with its entity id and its actor code on the document's date.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use dyad_kb::Kb;
use dyad_model::{ActorCode, LearnedActor, Mention, Span};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    CountryName(usize),
    Adjective(usize),
    Metonym(usize),
    Person(usize),
    Org(usize),
    Place(usize),
}

/// The compiled recogniser for one knowledge base.
pub struct Recognizer {
    kb: Kb,
    names: AhoCorasick,
    name_targets: Vec<Target>,
    shorts: AhoCorasick,
    /// The people each short form may stand for ("Li": Li Keqiang, Li Shangfu, ...).
    short_targets: Vec<Vec<usize>>,
    /// The knowledge base's own short forms (surnames) -> the people they stand for; the
    /// forms derived from names ("Jinping") need the full name before them and are not here.
    short_index: HashMap<String, Vec<usize>>,
    /// Words of role titles ("foreign", "minister", "secretary-general"), lower case: a run of
    /// them between an actor and a name makes the name that actor's ("Arab League
    /// Secretary-General Chedli Klibi").
    role_words: std::collections::HashSet<String>,
    /// Country names that also name a place ("Georgia": the country, or the US state).
    other_reading: HashMap<String, usize>,
    agents: AhoCorasick,
    /// (agent index, phrase) per agent pattern.
    agent_targets: Vec<(usize, String)>,
}

/// The recogniser over the built-in knowledge base (`data/kb/`), compiled once. `None` only
/// if the built-in files are invalid, which the test suite rules out.
pub static BUILTIN: LazyLock<Option<Recognizer>> =
    LazyLock::new(|| Kb::builtin().ok().and_then(|kb| Recognizer::new(kb).ok()));

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

impl Recognizer {
    pub fn new(kb: Kb) -> Result<Recognizer, aho_corasick::BuildError> {
        let mut pats: Vec<String> = Vec::new();
        let mut name_targets = Vec::new();
        let mut add = |p: &str, t: Target, pats: &mut Vec<String>| {
            pats.push(p.to_string());
            name_targets.push(t);
            // "the Kremlin" opens sentences too.
            if let Some(rest) = p.strip_prefix("the ") {
                pats.push(format!("The {rest}"));
                name_targets.push(t);
            }
            // Headlines and datelines in capitals ("MOSCOW", "RUSSIAN TROOPS"). Short names
            // stay out: "AND", "US" and the like are words in capitals too.
            let upper = p.to_uppercase();
            if upper != p && p.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                pats.push(upper);
                name_targets.push(t);
            }
        };
        for (i, c) in kb.countries.iter().enumerate() {
            c.names
                .iter()
                .for_each(|n| add(n, Target::CountryName(i), &mut pats));
            c.adjectives
                .iter()
                .for_each(|n| add(n, Target::Adjective(i), &mut pats));
            c.metonyms
                .iter()
                .for_each(|n| add(n, Target::Metonym(i), &mut pats));
        }
        for (i, p) in kb.people.iter().enumerate() {
            p.names
                .iter()
                .for_each(|n| add(n, Target::Person(i), &mut pats));
        }
        for (i, o) in kb.orgs.iter().enumerate() {
            for n in &o.names {
                add(n, Target::Org(i), &mut pats);
                for v in spelling_variants(n) {
                    add(&v, Target::Org(i), &mut pats);
                }
            }
        }
        let country_names: std::collections::HashSet<&str> = kb
            .countries
            .iter()
            .flat_map(|c| c.names.iter().chain(&c.metonyms))
            .map(String::as_str)
            .collect();
        let mut other_reading = HashMap::new();
        for (i, p) in kb.places.iter().enumerate() {
            for n in &p.names {
                if country_names.contains(n.as_str()) {
                    other_reading.insert(n.clone(), i);
                } else {
                    add(n, Target::Place(i), &mut pats);
                }
            }
        }
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)?;
        let mut short_pats: Vec<String> = Vec::new();
        let mut short_targets: Vec<Vec<usize>> = Vec::new();
        let mut short_index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        for (i, p) in kb.people.iter().enumerate() {
            let explicit = p.short.iter().map(|s| (s.clone(), true));
            for (s, own) in explicit.chain(derived_short_forms(p).map(|s| (s, false))) {
                let k = *pattern_of.entry(s.clone()).or_insert_with(|| {
                    short_pats.push(s.clone());
                    short_targets.push(Vec::new());
                    short_pats.len() - 1
                });
                if !short_targets[k].contains(&i) {
                    short_targets[k].push(i);
                }
                if own {
                    short_index.entry(s).or_default().push(i);
                }
            }
        }
        let shorts = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&short_pats)?;
        let mut agent_targets = Vec::new();
        for (i, a) in kb.agents.iter().enumerate() {
            for p in &a.phrases {
                agent_targets.push((i, p.clone()));
            }
        }
        let agents = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(agent_targets.iter().map(|(_, p)| p))?;
        let mut role_words: std::collections::HashSet<String> =
            crate::names::CUE_WORDS.title.clone();
        for (i, p) in &agent_targets {
            if kb.agents[*i].kind == "PERSON" {
                role_words.extend(p.split_whitespace().map(str::to_string));
            }
        }
        Ok(Recognizer {
            kb,
            names,
            name_targets,
            shorts,
            short_targets,
            short_index,
            other_reading,
            role_words,
            agents,
            agent_targets,
        })
    }

    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// The mentions of a text, in order of position (a generic agent may contain a name
    /// mention: "[[Russian] troops]").
    pub fn mentions(&self, text: &str, date: Option<NaiveDate>) -> Vec<Mention> {
        self.mentions_and_learned(text, date).0
    }

    /// The mentions, and the actors learned from the descriptions of people the knowledge
    /// base lacks.
    pub fn mentions_and_learned(
        &self,
        text: &str,
        date: Option<NaiveDate>,
    ) -> (Vec<Mention>, Vec<LearnedActor>) {
        let mut out: Vec<Mention> = Vec::new();
        // Where each person was last named in full so far, for their short forms.
        let mut named_at: HashMap<usize, Vec<usize>> = HashMap::new();
        // Country of a name mention ending at a byte offset (for agents after it).
        let mut country_ending_at: HashMap<usize, (usize, usize)> = HashMap::new();
        // Country of a name mention starting at a byte offset, with its end ("of Russia").
        let mut country_starting_at: HashMap<usize, (usize, usize)> = HashMap::new();
        // Organisation of a name mention ending at a byte offset ("NATO troops").
        let mut org_ending_at: HashMap<usize, (usize, usize)> = HashMap::new();
        for m in word_matches(&self.names, text, bounded) {
            let (mut s, e) = (m.start(), m.end());
            // "the Kremlin", "the Netherlands": the name without its article, as news corpora
            // mark names (the article is matched so that "The Hague" stays whole).
            let matched = &text[s..e];
            if (matched.starts_with("the ") || matched.starts_with("The "))
                && !matched[4..].starts_with(|c: char| c.is_lowercase())
                && !text[s + 4..e].is_empty()
                && !THE_IS_NAME.contains(&matched)
            {
                s += 4;
            }
            let t = self.name_targets[m.pattern().as_usize()];
            // "Michael Jordan", "Chad Ochocinco": after a given name, a place name is a surname
            // (or a given name), left to the unknown-name pass.
            if matches!(
                t,
                Target::CountryName(_) | Target::Metonym(_) | Target::Place(_)
            ) && (after_given_name(text, s) || given_name_before_surname(text, s, e))
            {
                continue;
            }
            let mention = match t {
                Target::CountryName(i) | Target::Adjective(i) | Target::Metonym(i) => {
                    let c = &self.kb.countries[i];
                    // "Bosnian Serbs", "Bosnian Serb forces": a people named by the country it
                    // lives in is that country's; one mention, with its code. "Cuban
                    // Americans", "Turkish Cypriots" live in the second country; "Israeli
                    // Palestinian talks" name two sides.
                    if let (Target::Adjective(_), Some(prev)) = (t, out.last_mut()) {
                        let people = prev.kind == "NORP"
                            && text.get(prev.span.end..s) == Some(" ")
                            && prev.actor.as_ref().and_then(|a| a.code.as_deref())
                                != Some(c.code.as_str())
                            && !two_sides_after(text, e);
                        if let Some(home) = people
                            .then(|| country_ending_at.remove(&prev.span.end))
                            .flatten()
                        {
                            prev.span.end = e;
                            if RESIDENCE.contains(&&text[s..e]) {
                                *prev = mention(
                                    prev.span.start,
                                    e,
                                    "NORP",
                                    Some(c.id()),
                                    Some(&c.code),
                                    None,
                                );
                                country_ending_at.insert(e, (i, prev.span.start));
                            } else {
                                country_ending_at.insert(e, home);
                            }
                            continue;
                        }
                    }
                    let (kind, sector) = match t {
                        Target::Adjective(_) => ("NORP", None),
                        Target::Metonym(_) => ("GPE", Some("GOV")),
                        _ => ("GPE", None),
                    };
                    country_ending_at.insert(e, (i, s));
                    if !matches!(t, Target::Adjective(_)) {
                        country_starting_at.insert(s, (i, e));
                    }
                    mention(s, e, kind, Some(c.id()), Some(&c.code), sector)
                }
                Target::Person(i) => {
                    // "Naina Yeltsin", "Reagan Communications": a bare surname inside a longer
                    // name is someone or something else, left to the unknown-name pass.
                    if !text[s..e].contains(' ') && self.inside_longer_name(text, s, e) {
                        continue;
                    }
                    named_at.entry(i).or_default().push(s);
                    person_mention(s, e, "PERSON", &self.kb.people[i], date)
                }
                Target::Place(i) => {
                    let p = &self.kb.places[i];
                    let kind = if p.political() { "GPE" } else { "LOC" };
                    // "Phoenix, Arizona": the city, then the state it is in.
                    let (core_s, core_e) = place_core(text, s, e);
                    if let Some(tail) = self.place_after_comma(text, core_e, e) {
                        out.push(mention(
                            core_s,
                            core_e,
                            kind,
                            Some(p.id()),
                            p.code.as_deref(),
                            None,
                        ));
                        out.push(tail);
                        continue;
                    }
                    mention(core_s, core_e, kind, Some(p.id()), p.code.as_deref(), None)
                }
                Target::Org(i) => {
                    let o = &self.kb.orgs[i];
                    org_ending_at.insert(e, (i, s));
                    mention(
                        s,
                        e,
                        "ORG",
                        Some(o.id.clone()),
                        Some(&o.code),
                        Some(&o.sector),
                    )
                }
            };
            out.push(mention);
        }
        self.choose_readings(text, &mut out);
        let named = crate::names::Coverage::new(out.iter().map(|m| m.span));
        for m in self.shorts.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            // The person of this short form named most recently before it ("Li" after
            // "Li Shangfu" is Li Shangfu, even though Li Keqiang is also "Li").
            let person = self.short_targets[m.pattern().as_usize()]
                .iter()
                .filter_map(|&p| {
                    let last = last_before(named_at.get(&p)?, s)?;
                    Some((last, p))
                })
                .max()
                .map(|(_, p)| p);
            let overlaps = named.overlaps(s, e);
            let Some(person) = person.filter(|_| bounded(text, s, e) && !overlaps) else {
                continue;
            };
            out.push(person_mention(
                s,
                e,
                "PERSON",
                &self.kb.people[person],
                date,
            ));
        }
        // Agents named without a country ("police", "rebels", "the army"), added once the
        // names are known; the event coder gives them their country from the context.
        let mut bare: Vec<Mention> = Vec::new();
        for m in word_matches(&self.agents, text, bounded) {
            let (s, e) = (m.start(), m.end());
            let (agent_idx, phrase) = &self.agent_targets[m.pattern().as_usize()];
            let agent = &self.kb.agents[*agent_idx];
            let tied = modifier_before(text, s, &country_ending_at)
                .map(|(country, start)| (country, start, e))
                .or_else(|| {
                    country_after_of(text, e, &country_starting_at).map(|(c, end)| (c, s, end))
                });
            // "NATO troops", "EU foreign ministers": the organisation's code, the agent's
            // sector.
            if tied.is_none() && agent.kind != "PERSON" {
                if let Some((org, start)) = modifier_before(text, s, &org_ending_at) {
                    let o = &self.kb.orgs[org];
                    out.push(mention(
                        start,
                        e,
                        "AGENT",
                        None,
                        Some(&o.code),
                        Some(&agent.sector),
                    ));
                    continue;
                }
            }
            let Some((country, start, end)) = tied else {
                // "the president" with no country: the person of that role named last.
                if agent.kind == "PERSON" && definite(text, s) {
                    if let Some(p) = self.antecedent(phrase, s, date, &named_at) {
                        out.push(person_mention(s, e, "AGENT", p, date));
                    }
                } else if agent.kind != "PERSON" && bare_agent(text, s, e, phrase) {
                    bare.push(mention(s, e, "AGENT", None, None, Some(&agent.sector)));
                }
                continue;
            };
            let c = &self.kb.countries[country];
            // A one-person role ("the Russian president") is the person holding it that day.
            let holder = (agent.kind == "PERSON")
                .then(|| self.holder(&c.code, phrase, date, s, &named_at))
                .flatten();
            // The holder's own role says the sector better than the phrase ("defence
            // minister" is MIL in one country, GOV in another).
            let sector = holder
                .and_then(|p| p.role_on(date))
                .filter(|r| r.code == c.code)
                .map_or(agent.sector.as_str(), |r| r.sector.as_str());
            out.push(mention(
                start,
                end,
                "AGENT",
                holder.map(|p| p.id.clone()),
                Some(&c.code),
                Some(sector),
            ));
        }
        let surname = |w: &str| self.short_index.contains_key(w);
        let mut unknown = crate::names::unknown_names(text, &out, &surname);
        for m in unknown.iter_mut().filter(|m| m.entity.is_none()) {
            self.identify_by_date(&text[m.span.start..m.span.end], date, m);
        }
        out.extend(unknown);
        // A bare agent word inside a name is part of the name ("the Irish Republican Army").
        let taken = crate::names::Coverage::new(out.iter().map(|m| m.span));
        out.extend(
            bare.into_iter()
                .filter(|m| !taken.overlaps(m.span.start, m.span.end)),
        );
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        merge_place_into_org(text, &mut out);
        // Country ids are the lower-cased codes ("rus"); places, people and orgs have others.
        let is_country = |m: &Mention| {
            m.entity
                .as_deref()
                .is_some_and(|e| e.len() == 3 && e.bytes().all(|b| b.is_ascii_lowercase()))
        };
        crate::teams::retype_teams(text, &mut out, &is_country);
        let learned = self.learn_from_appositives(text, &mut out);
        (out, learned)
    }

    /// A person the knowledge base lacks, described by an appositive, takes the code it gives:
    /// "Lee Mingjiang, an associate professor at Singapore's Nanyang Technological University"
    /// is SGP+EDU; "Jonathan Ward, founder and chief executive of ..." is BUS. The role word
    /// gives the sector, the first country or coded organisation in the phrase the code. Later
    /// mentions of the same person (same local id) take it too.
    fn learn_from_appositives(&self, text: &str, out: &mut [Mention]) -> Vec<LearnedActor> {
        let mut learned: HashMap<String, ActorCode> = HashMap::new();
        let mut found = Vec::new();
        for k in 0..out.len() {
            let m = &out[k];
            if m.kind != "PERSON" || m.actor.is_some() {
                continue;
            }
            if let Some((actor, evidence)) = self.premodifier(text, out, k) {
                if let Some(id) = &out[k].entity {
                    learned.insert(id.clone(), actor.clone());
                    found.push(LearnedActor {
                        entity: id.clone(),
                        name: out[k].span,
                        actor: actor.clone(),
                        affiliation: None,
                        evidence,
                    });
                }
                out[k].actor = Some(actor);
                continue;
            }
            // "President Mugabe", "opposition leader Maulana Fazl": a bare title gives the
            // sector; the country is left to the context (the event coder reads it).
            if let Some(sector) = self.bare_title(text, m.span.start) {
                out[k].actor = Some(ActorCode {
                    code: None,
                    sector: Some(sector),
                });
                continue;
            }
            let Some(rest) = text[m.span.end..].strip_prefix(", ") else {
                continue;
            };
            let from = m.span.end + 2;
            // The appositive runs to the next clause mark, within a sentence's reach.
            let mut limit = rest.len().min(240);
            // 240 bytes may fall inside a multi-byte character.
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            let mut cut = limit;
            for (i, c) in rest.char_indices() {
                if i >= limit {
                    break;
                }
                if matches!(c, ',' | '.' | ';' | ')' | '\n' | '"' | '“' | '”') {
                    cut = i;
                    break;
                }
            }
            let phrase = &rest[..cut];
            let words = phrase.split_whitespace().count();
            if !(2..=30).contains(&words) {
                continue;
            }
            let role = self
                .person_roles(phrase)
                .next()
                .map(|(start, _, agent)| (start, agent));
            // An appositive describes: "an associate professor ...", "the head of ...",
            // "founder of ...", "Russia's ambassador ...". A clause after a comma ("and a
            // Rosneft deal ...", "marking 70 years ...") does not.
            let first_word = phrase.split_whitespace().next().unwrap_or("");
            let role_early =
                role.is_some_and(|(at, _)| phrase[..at].split_whitespace().count() <= 3);
            if !(matches!(first_word, "a" | "an" | "the" | "A" | "An" | "The") || role_early) {
                continue;
            }
            let sector = role.map(|(_, a)| a.sector.clone());
            let end = from + cut;
            // `out` is sorted by start: look only at the mentions inside the phrase.
            let first = out.partition_point(|x| x.span.start < from);
            let inside = || {
                out[first..]
                    .iter()
                    .take_while(|x| x.span.start < end)
                    .filter(|x| x.span.end <= end)
            };
            let code = inside().find_map(|x| x.actor.as_ref().and_then(|a| a.code.clone()));
            if sector.is_none() && code.is_none() {
                continue;
            }
            let affiliation = inside()
                .filter(|x| x.kind == "ORG")
                .max_by_key(|x| x.span.end - x.span.start)
                .map(|x| text[x.span.start..x.span.end].to_string());
            let actor = ActorCode { code, sector };
            if let Some(id) = &out[k].entity {
                learned.insert(id.clone(), actor.clone());
                found.push(LearnedActor {
                    entity: id.clone(),
                    name: out[k].span,
                    actor: actor.clone(),
                    affiliation,
                    evidence: Span::new(from, end),
                });
            }
            out[k].actor = Some(actor);
        }
        for m in out.iter_mut() {
            if m.actor.is_none() {
                if let Some(a) = m.entity.as_ref().and_then(|id| learned.get(id)) {
                    m.actor = Some(a.clone());
                }
            }
        }
        found
    }

    /// The sector of a one-person role written right before a name with no country to it
    /// ("President Mugabe" is GOV, "Gen. Ochoa" is not a role of the list and gets none).
    fn bare_title(&self, text: &str, name_start: usize) -> Option<String> {
        if !text[..name_start].ends_with(' ') {
            return None;
        }
        let end = name_start - 1;
        let mut lo = end.saturating_sub(48);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &text[lo..end];
        self.person_roles(window)
            .find(|&(_, e, _)| e == window.len())
            .map(|(_, _, a)| a.sector.clone())
    }

    /// Whether a bare surname at `s..e` stands inside a longer name: after a capitalised word
    /// that is no title, role or function word ("Naina Yeltsin", but not "President Yeltsin"
    /// or "When Yeltsin"), or before a capitalised word ("Reagan Communications", but not
    /// "the Obama Administration").
    fn inside_longer_name(&self, text: &str, s: usize, e: usize) -> bool {
        let first_name = word_before(text, s).is_some_and(|(w, opens)| {
            let lower = w.to_lowercase();
            // "Russia's Putin", "the Kremlin's Peskov": a possessive is no first name.
            let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| w.ends_with(p));
            !possessive
                && w.starts_with(char::is_uppercase)
                && !self.role_words.contains(&lower)
                && !crate::names::CUE_WORDS.title.contains(&lower)
                && !crate::names::CUE_WORDS.stop.contains(&lower)
                && (!opens || crate::names::CUE_WORDS.given.contains(w))
        });
        let next = text[e..].strip_prefix(' ').map(|r| {
            let end = r
                .find(|c: char| !c.is_alphanumeric() && c != '-')
                .unwrap_or(r.len());
            &r[..end]
        });
        let part_of_name = next.is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && !AFTER_SURNAME.contains(&w)
        });
        first_name || part_of_name
    }

    /// The one-person roles named in `s` as whole words ("president", "foreign minister"):
    /// start, end and agent, in order.
    fn person_roles<'s>(
        &'s self,
        s: &'s str,
    ) -> impl Iterator<Item = (usize, usize, &'s dyad_kb::Agent)> + 's {
        self.agents
            .find_iter(s)
            .filter(move |a| bounded(s, a.start(), a.end()))
            .map(|a| {
                let agent = &self.kb.agents[self.agent_targets[a.pattern().as_usize()].0];
                (a.start(), a.end(), agent)
            })
            .filter(|(_, _, a)| a.kind == "PERSON")
    }

    /// The place or country named after the comma of a qualified place name ("Phoenix,
    /// Arizona", "Tripoli, Lebanon").
    fn place_after_comma(&self, text: &str, core_end: usize, end: usize) -> Option<Mention> {
        let tail_start = core_end + text[core_end..end].find(", ")? + 2;
        let tail = &text[tail_start..end];
        let k = self
            .names
            .find(tail)
            .filter(|m| m.start() == 0 && m.end() == tail.len())?;
        Some(match self.name_targets[k.pattern().as_usize()] {
            Target::Place(j) => {
                let q = &self.kb.places[j];
                let kind = if q.political() { "GPE" } else { "LOC" };
                mention(tail_start, end, kind, Some(q.id()), q.code.as_deref(), None)
            }
            Target::CountryName(j) => {
                let c = &self.kb.countries[j];
                mention(tail_start, end, "GPE", Some(c.id()), Some(&c.code), None)
            }
            _ => return None,
        })
    }

    /// "Arab League Secretary-General Chedli Klibi", "Nigerian President Olusegun Obasanjo",
    /// "Russia's ambassador Ivan Petrov": an actor, then only role words, then the name. The
    /// person takes the actor's code; the sector is the role's, else the actor's.
    fn premodifier(&self, text: &str, out: &[Mention], k: usize) -> Option<(ActorCode, Span)> {
        let start = out[k].span.start;
        // The nearest mention ending before the name, not inside it.
        let p = out[..k].iter().rev().find(|p| p.span.end <= start)?;
        let code = p.actor.as_ref()?.code.clone()?;
        let gap = &text[p.span.end..start];
        let gap = gap
            .strip_prefix("'s")
            .or_else(|| gap.strip_prefix("’s"))
            .unwrap_or(gap);
        let words: Vec<String> = gap
            .split_whitespace()
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        // Right next to it ("Nigerian President" is itself the role), or role words between.
        let adjacent = words.is_empty() && gap.chars().all(|c| c == ' ') && !gap.is_empty();
        let titled = !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| {
                self.role_words.contains(w.as_str())
                    || w.split('-').all(|x| self.role_words.contains(x))
            })
            && gap
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '.');
        if !(titled || adjacent && p.kind == "AGENT") {
            return None;
        }
        let sector = self
            .person_roles(gap)
            // "general" inside "Secretary-General" is no general.
            .find(|&(s, e, _)| !gap[..s].ends_with('-') && !gap[e..].starts_with('-'))
            .map(|(_, _, a)| a.sector.clone())
            .or_else(|| p.actor.as_ref().and_then(|a| a.sector.clone()));
        Some((
            ActorCode {
                code: Some(code),
                sector,
            },
            Span::new(
                p.span.start,
                p.span.end + text[p.span.end..start].trim_end().len(),
            ),
        ))
    }

    /// A country name that also names a place takes the place's reading when the mentions
    /// around it point to the place's country: "Georgia" beside "Atlanta" or "U.S." is the
    /// US state, beside "Tbilisi" or "Russia" the country.
    fn choose_readings(&self, text: &str, out: &mut [Mention]) {
        const WINDOW: usize = 400;
        for k in 0..out.len() {
            let words = &text[out[k].span.start..out[k].span.end];
            let Some(&i) = self.other_reading.get(words) else {
                continue;
            };
            let place = &self.kb.places[i];
            let (Some(alt), Some(own)) = (
                place.code.as_deref(),
                out[k].actor.as_ref().and_then(|a| a.code.clone()),
            ) else {
                continue;
            };
            let (lo, hi) = (
                out[k].span.start.saturating_sub(WINDOW),
                out[k].span.end + WINDOW,
            );
            // The nearest mention that speaks for one reading decides.
            let here = out[k].span;
            let nearest = out
                .iter()
                .filter(|m| m.span.start >= lo && m.span.end <= hi)
                .filter(|m| &text[m.span.start..m.span.end] != words)
                .filter_map(|m| {
                    let c = m.actor.as_ref()?.code.as_deref()?;
                    let dist = if m.span.start >= here.end {
                        m.span.start - here.end
                    } else {
                        here.start.saturating_sub(m.span.end)
                    };
                    (c == alt || c == own).then_some((dist, c == own))
                })
                .min();
            if nearest.is_some_and(|(_, own)| !own) {
                let m = &mut out[k];
                m.kind = if place.political() { "GPE" } else { "LOC" }.into();
                m.entity = Some(place.id());
                m.actor = Some(ActorCode {
                    code: Some(alt.to_string()),
                    sector: None,
                });
            }
        }
    }

    /// A surname the knowledge base knows, met with no full name before it, is the one person
    /// of that surname who held a role on the document's date ("Clinton" in 1996 is Bill
    /// Clinton, in 2010 Hillary Clinton), when exactly one did.
    fn identify_by_date(&self, words: &str, date: Option<NaiveDate>, m: &mut Mention) {
        let (Some(day), Some(bearers)) = (date, self.short_index.get(words)) else {
            return;
        };
        let mut active = bearers
            .iter()
            .map(|&i| &self.kb.people[i])
            .filter(|p| p.role_on(Some(day)).is_some());
        if let (Some(p), None) = (active.next(), active.next()) {
            let role = p.role_on(Some(day));
            m.entity = Some(p.id.clone());
            m.actor = role.map(|r| ActorCode {
                code: Some(r.code.clone()),
                sector: Some(r.sector.clone()),
            });
        }
    }

    /// The person who holds a role of this title in this country on the date. Among several
    /// ("the Chinese leader": president and premier), one already named before `at` wins,
    /// then the most senior title.
    fn holder(
        &self,
        code: &str,
        phrase: &str,
        date: Option<NaiveDate>,
        at: usize,
        named_at: &HashMap<usize, Vec<usize>>,
    ) -> Option<&dyad_kb::Person> {
        let day = date?;
        let titles = titles_for(phrase);
        // (title rank, person index) of every holder that day.
        let found: Vec<(usize, usize)> = self
            .kb
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.roles
                    .iter()
                    .filter(|r| r.code == code && r.held_on(day))
                    .filter_map(|r| titles.iter().position(|t| *t == r.title))
                    .min()
                    .map(|rank| (rank, i))
            })
            .collect();
        let named = |i: &usize| {
            named_at
                .get(i)
                .is_some_and(|v| v.first().is_some_and(|&x| x < at))
        };
        let pool: Vec<(usize, usize)> = match found.iter().filter(|(_, i)| named(i)).count() {
            0 => found,
            _ => found.into_iter().filter(|(_, i)| named(i)).collect(),
        };
        let best = pool.iter().map(|(r, _)| *r).min()?;
        let mut top = pool.iter().filter(|(r, _)| *r == best);
        let (_, first) = top.next()?;
        // Two holders of the same rank (a partial date overlap): not sure enough to say.
        top.next().is_none().then(|| &self.kb.people[*first])
    }

    /// The person named last before `at` who holds a role of this title on the date.
    fn antecedent(
        &self,
        phrase: &str,
        at: usize,
        date: Option<NaiveDate>,
        named_at: &HashMap<usize, Vec<usize>>,
    ) -> Option<&dyad_kb::Person> {
        let titles = titles_for(phrase);
        named_at
            .iter()
            .filter_map(|(&i, places)| {
                let last = last_before(places, at)?;
                let p = &self.kb.people[i];
                let role = p.role_on(date)?;
                titles.contains(&role.title.as_str()).then_some((last, i))
            })
            .max()
            .map(|(_, i)| &self.kb.people[i])
    }
}

/// The last of ascending positions before `at` (the places a person was named are recorded in
/// text order): a binary search, so that a text with very many names stays linear.
fn last_before(sorted: &[usize], at: usize) -> Option<usize> {
    let i = sorted.partition_point(|&x| x < at);
    i.checked_sub(1).map(|i| sorted[i])
}

/// Each word of a person's names in Latin script ("Jinping" of Xi Jinping, "Shangfu" of Li
/// Shangfu, "Vladimir"): after the full name, such a word alone is that person.
fn derived_short_forms(p: &dyad_kb::Person) -> impl Iterator<Item = String> + '_ {
    p.names
        .iter()
        .filter(|n| n.contains(' ') && n.is_ascii())
        .flat_map(|n| n.split(' '))
        .filter(|w| {
            w.len() >= 3
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                && !p.names.iter().any(|n| n == w)
        })
        .map(str::to_string)
}

/// The country named right before an agent: "Russian troops", "China's foreign ministry",
/// "the Kremlin's spokesman" (a metonym names the country's government).
fn modifier_before(
    text: &str,
    agent_start: usize,
    country_ending_at: &HashMap<usize, (usize, usize)>,
) -> Option<(usize, usize)> {
    let before = &text[..agent_start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    // "Vietnamese-led forces" are Vietnam's; "Russian-backed separatists" are not Russia's.
    let end = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        .or_else(|| trimmed.strip_suffix("-led"))
        .unwrap_or(trimmed)
        .len();
    country_ending_at.get(&end).copied()
}

/// The role titles of the knowledge base an agent phrase stands for, most senior first:
/// news says "defense minister" of a "defence minister", "leader" of a president.
fn titles_for(phrase: &str) -> Vec<&str> {
    let phrase = phrase.strip_suffix('s').unwrap_or(phrase);
    match phrase {
        "leader" | "head of state" => vec![
            "supreme leader",
            "general secretary",
            "chancellor",
            "president",
            "prime minister",
            "premier",
            "king",
        ],
        "head of government" | "prime minister" | "premier" => {
            vec!["prime minister", "premier", "chancellor"]
        }
        "defence minister" | "defense minister" | "defence secretary" | "defense secretary" => {
            vec!["defence minister", "defence secretary"]
        }
        "foreign minister" | "foreign secretary" | "secretary of state" => {
            vec![
                "foreign minister",
                "secretary of state",
                "foreign secretary",
            ]
        }
        "finance minister" => vec![
            "finance minister",
            "treasury secretary",
            "chancellor of the exchequer",
        ],
        "spokesman" | "spokeswoman" | "spokesperson" | "foreign ministry spokesperson" => {
            vec!["foreign ministry spokesperson"]
        }
        other => vec![other],
    }
}

/// Whether a phrase is definite: "the president", "The president".
/// Words of the agent list too vague to stand for an actor without a country ("the public",
/// "the other side", "the industry", "the press").
const VAGUE_AGENTS: &[&str] = &[
    "side",
    "public",
    "people",
    "population",
    "industry",
    "press",
    "media",
    "television",
    "outlet",
    "outlets",
    "leadership",
    "jet",
    "jets",
    "crowd",
    "crowds",
    "business",
    "businesses",
    "company",
    "companies",
    "firm",
    "firms",
    "bank",
    "banks",
    "supplier",
    "suppliers",
    "academy",
    "institute",
    "institutes",
    "university",
    "universities",
    "court",
    "courts",
    "party",
    "intelligence",
    "mission",
    "delegation",
    "delegations",
    "church",
];

/// Whether an agent phrase with no country stands as an actor: written in lower case in
/// running text, or capitalised only because it opens a sentence ("Police fired ..."); a
/// capitalised agent word elsewhere is part of a name the name pass reads ("Army Day").
fn bare_agent(text: &str, s: usize, e: usize, phrase: &str) -> bool {
    if VAGUE_AGENTS.contains(&phrase) {
        return false;
    }
    // "Western governments", "foreign diplomats": a side, but no one country; "the two
    // leaders", "their officials", "Russia's allies' troops": several, or someone named
    // before.
    let before = text[..s].trim_end();
    let modifier = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let several = [
        "western",
        "foreign",
        "international",
        "regional",
        "global",
        "world",
        "two",
        "both",
        "three",
        "their",
        "its",
        "our",
        "his",
        "her",
    ];
    if several.iter().any(|m| modifier.eq_ignore_ascii_case(m))
        || modifier.ends_with("'s")
        || modifier.ends_with("s'")
        || modifier.ends_with("’s")
    {
        return false;
    }
    // "military parade", "police car": a word of a noun phrase, not an actor; "leaders of the
    // bloc": an actor whose affiliation follows, unread.
    let after = text[e..].trim_start_matches(' ');
    let next: &str = after
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    let verbish = next.ends_with("ed")
        || next.ends_with('s')
        || matches!(
            next,
            "said"
                | "told"
                | "had"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "did"
                | "also"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "from"
                | "by"
                | "who"
                | "that"
                | "which"
                | "have"
                | "were"
                | "are"
        );
    if next == "of" || (next.starts_with(char::is_lowercase) && !verbish) {
        return false;
    }
    let first = text[s..].chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let before = text[..s].trim_end_matches([' ', '"', '“', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n'])
}

fn definite(text: &str, s: usize) -> bool {
    let before = &text[..s];
    before.ends_with("the ") || before.ends_with("The ")
}

/// The country right after "of" (or "of the") following an agent: "the president of Russia".
fn country_after_of(
    text: &str,
    agent_end: usize,
    country_starting_at: &HashMap<usize, (usize, usize)>,
) -> Option<(usize, usize)> {
    let rest = &text[agent_end..];
    let skip = [" of the ", " of ", " in ", " from "]
        .iter()
        .find(|p| rest.starts_with(*p))
        .map(|p| p.len())?;
    country_starting_at.get(&(agent_end + skip)).copied()
}

/// "Kurdistan Democratic Party", "Russian Orthodox Church", "Chicago Mercantile Exchange": an
/// organisation's name may open with a place or nationality. The unknown-name pass sees only
/// the rest; the place joins the organisation, whose country it gives.
fn merge_place_into_org(text: &str, out: &mut Vec<Mention>) {
    // The last mention (by position) ending at each offset; merging keeps every end as it is.
    let mut ending_at: HashMap<usize, usize> = HashMap::new();
    for (j, m) in out.iter().enumerate() {
        ending_at.insert(m.span.end, j);
    }
    let mut drop = vec![false; out.len()];
    for k in 1..out.len() {
        let org = &out[k];
        if org.kind != "ORG"
            || !org
                .entity
                .as_deref()
                .is_some_and(|e| e.starts_with("local:"))
        {
            continue;
        }
        let start = org.span.start;
        // A mention ending before this one starts also sorts before it.
        let Some(&j) = start.checked_sub(1).and_then(|e| ending_at.get(&e)) else {
            continue;
        };
        let place = &out[j];
        if !matches!(place.kind.as_str(), "GPE" | "LOC" | "NORP")
            || &text[place.span.end..start] != " "
        {
            continue;
        }
        let code = place.actor.as_ref().and_then(|a| a.code.clone());
        let span = Span::new(place.span.start, out[k].span.end);
        let words: Vec<&str> = text[span.start..span.end].split_whitespace().collect();
        let m = &mut out[k];
        m.span = span;
        m.entity = Some(crate::names::local_id(&words));
        m.actor = code.map(|c| ActorCode {
            code: Some(c),
            sector: None,
        });
        drop[j] = true;
    }
    if drop.contains(&true) {
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
}

/// The name proper inside a qualified place name: "state of Georgia" and "Georgia state" are
/// "Georgia", "Kyiv region" is "Kyiv", "Phoenix, Arizona" is "Phoenix" (then "Arizona").
fn place_core(text: &str, s: usize, e: usize) -> (usize, usize) {
    let m = &text[s..e];
    let mut a = 0;
    for p in [
        "U.S. state of ",
        "US state of ",
        "state of ",
        "province of ",
    ] {
        if m.starts_with(p) {
            a = p.len();
            break;
        }
    }
    let mut b = m.len();
    if let Some(i) = m[a..].find(", ") {
        b = a + i;
    }
    for suffix in [" state", " province", " region", " oblast"] {
        if m[a..b].ends_with(suffix) && b - a > suffix.len() {
            b -= suffix.len();
            break;
        }
    }
    (s + a, s + b)
}

/// Names whose article is part of the name.
const THE_IS_NAME: &[&str] = &["The Hague", "The Gambia", "The Bahamas"];

/// British and American spellings of an organisation's name ("World Health Organization",
/// "Organisation"; "Department of Defense", "Defence").
fn spelling_variants(name: &str) -> Vec<String> {
    const PAIRS: &[(&str, &str)] = &[
        ("Organization", "Organisation"),
        ("Defense", "Defence"),
        ("Center", "Centre"),
        ("Cooperation", "Co-operation"),
        ("Program", "Programme"),
        ("Labor", "Labour"),
    ];
    let mut out = Vec::new();
    for (a, b) in PAIRS {
        for (from, to) in [(a, b), (b, a)] {
            if name.contains(from) && !(from == a && name.contains(to)) {
                out.push(name.replace(from, to));
            }
        }
    }
    out
}

/// "Jordan Henderson", "Brittany Higgins": a place name that is also a given name, followed by
/// a capitalised word, starts a person's name.
fn given_name_before_surname(text: &str, s: usize, e: usize) -> bool {
    crate::names::CUE_WORDS.given.contains(&text[s..e])
        && text[e..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
}

/// Peoples named after the country they live in, after their origin: "Cuban Americans",
/// "Turkish Cypriots".
const RESIDENCE: &[&str] = &[
    "American",
    "Americans",
    "Canadian",
    "Canadians",
    "Australian",
    "Australians",
    "Cypriot",
    "Cypriots",
    "Britons",
    "British",
];

/// Whether the words after two country adjectives name a relation between two sides:
/// "Israeli Palestinian talks".
fn two_sides_after(text: &str, e: usize) -> bool {
    let next = text[e..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        next,
        "talks"
            | "conflict"
            | "border"
            | "relations"
            | "war"
            | "dialogue"
            | "summit"
            | "ties"
            | "peace"
            | "rivalry"
            | "cooperation"
            | "agreement"
            | "deal"
            | "negotiations"
            | "dispute"
            | "tensions"
            | "trade"
            | "meeting"
    )
}

/// Words after a surname that still leave it the person: "the Obama Administration",
/// "Putin Tuesday said".
const AFTER_SURNAME: &[&str] = &[
    "Administration",
    "Government",
    "Cabinet",
    "Jr",
    "Sr",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The capitalised word one space before `s`, and whether it opens its sentence.
fn word_before(text: &str, s: usize) -> Option<(&str, bool)> {
    let before = text[..s].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    let head = before[..start].trim_end();
    let opens = head.is_empty() || head.ends_with(['.', '!', '?', '"', '“', ':']);
    Some((word, opens))
}

/// Whether the word right before `s` (one space away) is a known given name.
fn after_given_name(text: &str, s: usize) -> bool {
    word_before(text, s).is_some_and(|(w, _)| crate::names::CUE_WORDS.given.contains(w))
}

/// The leftmost-longest matches that are whole words. A match inside a longer word does not
/// hide a shorter one that starts after it: in "the Sudanese government", "the Sudan" (a name
/// of Sudan) runs into "Sudanese", and the search goes on from its second character to find
/// "Sudanese".
pub(crate) fn word_matches(
    ac: &AhoCorasick,
    text: &str,
    whole: impl Fn(&str, usize, usize) -> bool,
) -> Vec<aho_corasick::Match> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(m) = ac.find(aho_corasick::Input::new(text).range(at..)) else {
            break;
        };
        if whole(text, m.start(), m.end()) {
            out.push(m);
            at = m.end().max(m.start() + 1);
        } else {
            // The next character boundary after the match's start.
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// A match must not start or end inside a word (scripts without spaces excepted).
fn bounded(text: &str, s: usize, e: usize) -> bool {
    let first = text[s..].chars().next();
    if first.is_some_and(is_cjk) {
        return true;
    }
    let before_ok = text[..s]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = text[e..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// A mention of a known person, coded by the role held on the date (else the latest).
fn person_mention(
    s: usize,
    e: usize,
    kind: &str,
    p: &dyad_kb::Person,
    date: Option<NaiveDate>,
) -> Mention {
    let role = p.role_on(date).or_else(|| p.role_on(None));
    mention(
        s,
        e,
        kind,
        Some(p.id.clone()),
        role.map(|r| r.code.as_str()),
        role.map(|r| r.sector.as_str()),
    )
}

fn mention(
    s: usize,
    e: usize,
    kind: &str,
    entity: Option<String>,
    code: Option<&str>,
    sector: Option<&str>,
) -> Mention {
    Mention {
        span: Span::new(s, e),
        kind: kind.to_string(),
        entity,
        actor: (code.is_some() || sector.is_some()).then(|| ActorCode {
            code: code.map(str::to_string),
            sector: sector.map(str::to_string),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "CHN\tChina|中国\tChinese\tBeijing|Zhongnanhai\n\
                             RUS\tRussia|Россия\tRussian|Russians\tMoscow|the Kremlin|Кремль\n\
                             USA\tUnited States|US|U.S.\tAmerican|Americans\tWashington|the White House\n";
    const PEOPLE: &str = "putin\tVladimir Putin|Putin|Путин\t\tRUS GOV prime minister 2008-05-08..2012-05-07; RUS GOV president 2012-05-07..\n\
                          li-shangfu\tLi Shangfu\tLi\tCHN MIL defence minister 2023-03-12..2023-10-24; CHN MIL head of the equipment department 2017..2022\n\
                          xi-jinping\tXi Jinping|Xi|习近平\t\tCHN GOV president 2013-03-14..\n";
    const ORGS: &str = "tass\tMED\tRUS\tMED\tTASS\n";
    const AGENTS: &str = "MIL\tORG\ttroops|military\nGOV\tORG\tforeign ministry\nGOV\tPERSON\tpresident|defence minister|defense minister|leader\n";

    fn rec() -> Recognizer {
        Recognizer::new(Kb::parse([COUNTRIES, PEOPLE, ORGS, AGENTS]).unwrap()).unwrap()
    }

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn a_long_appositive_of_multibyte_letters_is_cut_on_a_char_boundary() {
        // Found by the `annotate_code` fuzz target: the appositive's 240-byte reach fell
        // inside a two-byte letter and the slice panicked.
        let text = format!("Mr. Lindqvist, a close ally of{} said.", "é".repeat(150));
        let r = rec();
        let (ms, _) = r.mentions_and_learned(&text, day("2024-05-17"));
        assert!(ms
            .iter()
            .any(|m| text[m.span.start..m.span.end].contains("Lindqvist")));
    }

    fn show(text: &str, ms: &[Mention]) -> Vec<String> {
        ms.iter()
            .map(|m| {
                let a = m.actor.as_ref();
                format!(
                    "{}:{}:{}:{}{}",
                    &text[m.span.start..m.span.end],
                    m.kind,
                    m.entity.as_deref().unwrap_or("-"),
                    a.and_then(|a| a.code.as_deref()).unwrap_or("---"),
                    a.and_then(|a| a.sector.as_deref()).unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn names_short_forms_metonyms_and_dated_codes() {
        let text = "Defence Minister Li Shangfu met Putin in Moscow on Sunday. The Kremlin said Li and \
                    Putin discussed exercises. Li Na, a tennis player, was not there; nor was the US.";
        let got = show(text, &rec().mentions(text, day("2023-04-18")));
        assert_eq!(
            got,
            [
                "Li Shangfu:PERSON:li-shangfu:CHNMIL",
                "Putin:PERSON:putin:RUSGOV",
                "Moscow:GPE:rus:RUSGOV",
                "Kremlin:GPE:rus:RUSGOV",
                "Li:PERSON:li-shangfu:CHNMIL",
                "Putin:PERSON:putin:RUSGOV",
                "Li:PERSON:li-shangfu:CHNMIL",
                "US:GPE:usa:USA",
            ]
        );
    }

    #[test]
    fn any_word_of_a_full_name_refers_back_to_it() {
        let r = rec();
        let t = "Xi Jinping met Vladimir Putin. Jinping said Vladimir was a friend.";
        let got = show(t, &r.mentions(t, day("2023-04-18")));
        assert_eq!(got[2], "Jinping:PERSON:xi-jinping:CHNGOV");
        assert_eq!(got[3], "Vladimir:PERSON:putin:RUSGOV");
        // Without the full name first, a given name alone is nobody in particular.
        let t = "Vladimir said nothing.";
        let got = show(t, &r.mentions(t, day("2023-04-18")));
        assert!(!got.iter().any(|g| g.contains("putin")), "{got:?}");
    }

    #[test]
    fn a_shared_short_form_is_the_person_named_last() {
        let people = "li-keqiang\tLi Keqiang\tLi\tCHN GOV premier 2013-03-15..2023-03-11\n\
                      li-shangfu\tLi Shangfu\tLi\tCHN MIL defence minister 2023-03-12..2023-10-24\n";
        let r = Recognizer::new(Kb::parse([COUNTRIES, people, ORGS, AGENTS]).unwrap()).unwrap();
        let t = "Li Keqiang spoke first. Then Li Shangfu arrived, and Li said little.";
        let got = show(t, &r.mentions(t, day("2023-03-12")));
        assert_eq!(got[2], "Li:PERSON:li-shangfu:CHNMIL");
    }

    #[test]
    fn short_forms_need_the_full_name_first_and_roles_follow_the_date() {
        let r = rec();
        assert!(r
            .mentions("Li said the talks went well.", day("2023-04-18"))
            .is_empty());
        let in_2010 = show(
            "Putin spoke.",
            &r.mentions("Putin spoke.", day("2010-01-01")),
        );
        assert_eq!(in_2010, ["Putin:PERSON:putin:RUSGOV"]);
        let t = "Li Shangfu signed.";
        let in_2018 = r.mentions(t, day("2018-09-20"));
        assert_eq!(
            in_2018[0].actor.as_ref().unwrap().sector.as_deref(),
            Some("MIL")
        );
    }

    #[test]
    fn a_surname_alone_is_the_one_bearer_in_office_that_day() {
        let people = "bill-clinton\tBill Clinton\tClinton\tUSA GOV president 1993-01-20..2001-01-20\n\
                      hillary-clinton\tHillary Clinton\tClinton\tUSA GOV secretary of state 2009-01-21..2013-02-01\n";
        let r = Recognizer::new(Kb::parse([COUNTRIES, people, ORGS, AGENTS]).unwrap()).unwrap();
        let t = "The budget passed, President Clinton said.";
        let ids = |d| {
            r.mentions(t, day(d))
                .into_iter()
                .map(|m| (m.kind, m.entity))
                .collect::<Vec<_>>()
        };
        let person = |id: Option<&str>| vec![("PERSON".to_string(), id.map(String::from))];
        assert_eq!(ids("1996-08-30"), person(Some("bill-clinton")));
        assert_eq!(ids("2010-06-01"), person(Some("hillary-clinton")));
        assert_eq!(ids("2020-06-01"), person(None));
    }

    #[test]
    fn agents_take_the_country_next_to_them() {
        let text = "Russian troops crossed the border, China's foreign ministry said, and the \
                    Chinese president called for talks. Some troops stayed.";
        let got = show(text, &rec().mentions(text, day("2022-02-24")));
        assert_eq!(
            got,
            [
                "Russian troops:AGENT:-:RUSMIL",
                "Russian:NORP:rus:RUS",
                "China's foreign ministry:AGENT:-:CHNGOV",
                "China:GPE:chn:CHN",
                "Chinese president:AGENT:xi-jinping:CHNGOV",
                "Chinese:NORP:chn:CHN",
                // With no country beside it, the sector alone (the coder reads the context).
                "troops:AGENT:-:---MIL",
            ]
        );
    }

    #[test]
    fn forces_led_by_a_country_are_its_own_backed_ones_are_not() {
        let text = "Russian-led troops entered the city while Russian-backed troops watched.";
        let got = show(text, &rec().mentions(text, day("2022-02-24")));
        assert!(
            got.contains(&"Russian-led troops:AGENT:-:RUSMIL".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"troops:AGENT:-:---MIL".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn a_bare_agent_or_title_gives_a_sector_but_no_country() {
        let text = "Police detained him in the Army Day parade. “President Tshombe spoke,”                     an opposition leader said, and the public left.";
        let builtin = BUILTIN.as_ref().expect("the built-in knowledge base loads");
        let got = show(text, &builtin.mentions(text, day("1962-01-01")));
        // "Police" opens the sentence; "Army" inside a capitalised name is not the army;
        // "the public" is too vague to be an actor.
        assert!(
            got.contains(&"Police:AGENT:-:---COP".to_string()),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.starts_with("Army:")), "{got:?}");
        assert!(!got.iter().any(|g| g.starts_with("public:")), "{got:?}");
        // A title before an unknown name, after a multi-byte quotation mark.
        assert!(
            got.iter()
                .any(|g| g.starts_with("Tshombe:PERSON") && g.ends_with("---GOV")),
            "{got:?}"
        );
    }

    #[test]
    fn role_descriptions_are_the_people_who_hold_them() {
        let r = rec();
        let t = "Xi Jinping welcomed Putin. The Chinese leader praised the president of Russia, \
                 and the president thanked him. China's defense minister attended.";
        let got = show(t, &r.mentions(t, day("2023-04-18")));
        let agents: Vec<&String> = got.iter().filter(|g| g.contains(":AGENT:")).collect();
        assert_eq!(
            agents,
            [
                "Chinese leader:AGENT:xi-jinping:CHNGOV",
                "president of Russia:AGENT:putin:RUSGOV",
                "president:AGENT:putin:RUSGOV",
                "China's defense minister:AGENT:li-shangfu:CHNMIL",
            ]
        );
        // No one of that role named before: a bare "the president" stays unresolved.
        let t = "The president spoke.";
        assert!(r.mentions(t, day("2023-04-18")).is_empty());
    }

    #[test]
    fn places_and_a_name_shared_by_a_country_and_a_state() {
        let countries = format!("{COUNTRIES}GEO\tGeorgia\tGeorgian|Georgians\tTbilisi\n");
        let places = "USA\tstate\tGeorgia|state of Georgia\nUSA\tcity\tAtlanta\n\
                      RUS\tstate\tChechnya\n-\tregion\tMiddle East\n\
                      USA\tstate\tArizona\nUSA\tcity\tPhoenix, Arizona\n\
                      -\tregion\tBrittany\n";
        let kb = Kb::parse([countries.as_str(), PEOPLE, ORGS, AGENTS])
            .unwrap()
            .with_places(places)
            .unwrap();
        let r = Recognizer::new(kb).unwrap();
        let t = "Voters in Atlanta, Georgia, queued for hours. Russia's troops left Chechnya \
                 and the Middle East.\n\nTbilisi said Georgia would not join sanctions on Russia.";
        let got = show(t, &r.mentions(t, None));
        assert_eq!(
            got,
            [
                "Atlanta:GPE:place:usa:atlanta:USA",
                "Georgia:GPE:place:usa:georgia:USA",
                "Russia's troops:AGENT:-:RUSMIL",
                "Russia:GPE:rus:RUS",
                "Chechnya:GPE:place:rus:chechnya:RUS",
                "Middle East:LOC:place:middle-east:---",
                "Tbilisi:GPE:geo:GEOGOV",
                "Georgia:GPE:geo:GEO",
                "Russia:GPE:rus:RUS",
            ]
        );
        // A place name that is also a given name, before a surname, is a person's.
        let t = "Brittany Higgins visited Brittany.";
        let got = show(t, &r.mentions(t, None));
        assert_eq!(
            got,
            [
                "Brittany Higgins:PERSON:local:brittany-higgins:---",
                "Brittany:LOC:place:brittany:---"
            ]
        );
        let t = "Rallies in Phoenix, Arizona and the state of Georgia.";
        let got = show(t, &r.mentions(t, None));
        assert_eq!(
            got,
            [
                "Phoenix:GPE:place:usa:phoenix-arizona:USA",
                "Arizona:GPE:place:usa:arizona:USA",
                "Georgia:GPE:place:usa:georgia:USA",
            ]
        );
    }

    #[test]
    fn an_organisation_named_after_a_place_is_one_name() {
        let t = "A Russian Orthodox Church delegation met the Netherlands envoy. Shares fell on \
                 the Moscow Exchange.";
        let got = show(t, &rec().mentions(t, None));
        assert!(
            got.contains(&"Moscow Exchange:ORG:local:moscow-exchange:RUS".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"Russian Orthodox Church:ORG:local:russian-orthodox-church:RUS".to_string()
            ),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.starts_with("Russian:")), "{got:?}");
    }

    #[test]
    fn coverage_answers_overlaps_of_nested_spans() {
        let c = crate::names::Coverage::new(
            [Span::new(0, 14), Span::new(0, 7), Span::new(20, 25)].into_iter(),
        );
        assert!(c.overlaps(8, 14) && c.overlaps(24, 30));
        assert!(!c.overlaps(14, 20) && !c.overlaps(25, 26));
    }

    #[test]
    fn appositives_give_unknown_people_their_codes() {
        let countries = "SGP\tSingapore\tSingaporean\tSingapore\nRUS\tRussia\tRussian\tMoscow\n";
        let agents = "EDU\tPERSON\tprofessor|analyst\nBUS\tPERSON\tfounder|chief executive\n";
        let r = Recognizer::new(Kb::parse([countries, "", ORGS, agents]).unwrap()).unwrap();
        let t = "Lee Mingjiang, an associate professor of international relations at Singapore's \
                 Nanyang Technological University, said ties were close. Jonathan Ward, founder of \
                 the Atlas Organization, disagreed. Later Ward added that Moscow was isolated.";
        let (ms, learned) = r.mentions_and_learned(t, None);
        let got = show(t, &ms);
        assert_eq!(got[0], "Lee Mingjiang:PERSON:local:lee-mingjiang:SGPEDU");
        // What was learned keeps its evidence: the appositive, and the affiliation in it.
        let lee = &learned[0];
        assert_eq!(lee.entity, "local:lee-mingjiang");
        assert_eq!(
            &t[lee.evidence.start..lee.evidence.end],
            "an associate professor of international relations at Singapore's Nanyang \
             Technological University"
        );
        assert_eq!(
            lee.affiliation.as_deref(),
            Some("Nanyang Technological University")
        );
        assert_eq!(learned[1].entity, "local:jonathan-ward");
        assert_eq!(
            learned[1].affiliation.as_deref(),
            Some("Atlas Organization")
        );
        assert!(
            got.contains(&"Jonathan Ward:PERSON:local:jonathan-ward:---BUS".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"Ward:PERSON:local:jonathan-ward:---BUS".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn a_title_between_an_actor_and_a_name_gives_the_name_its_code() {
        let orgs = "nato\tIGO\tIGO\tMIL\tNATO\n";
        let r = Recognizer::new(Kb::parse([COUNTRIES, PEOPLE, orgs, AGENTS]).unwrap()).unwrap();
        let t = "NATO Secretary-General Anders Holmqvist and Russian President Ivan Sorokin met \
                 Chinese defence minister Wei Tan.";
        let (ms, learned) = r.mentions_and_learned(t, None);
        let got = show(t, &ms);
        for want in [
            "Anders Holmqvist:PERSON:local:anders-holmqvist:IGOMIL",
            "Ivan Sorokin:PERSON:local:ivan-sorokin:RUSGOV",
            "Wei Tan:PERSON:local:wei-tan:CHNGOV",
        ] {
            assert!(got.contains(&want.to_string()), "{want} in {got:?}");
        }
        // The evidence is the title before the name.
        let e = learned[0].evidence;
        assert_eq!(&t[e.start..e.end], "NATO Secretary-General");
    }

    #[test]
    fn a_place_name_after_a_given_name_is_a_surname() {
        let t = "Michael Washington scored twice in Washington.";
        let got = show(t, &rec().mentions(t, None));
        assert_eq!(
            got,
            [
                "Michael Washington:PERSON:local:michael-washington:---",
                "Washington:GPE:usa:USAGOV"
            ]
        );
    }

    #[test]
    fn names_in_capitals_are_names_too() {
        let t = "MOSCOW 2023-04-16 - PUTIN MEETS CHINESE DEFENCE CHIEF";
        let got = show(t, &rec().mentions(t, day("2023-04-16")));
        assert_eq!(
            got,
            [
                "MOSCOW:GPE:rus:RUSGOV",
                "PUTIN:PERSON:putin:RUSGOV",
                "CHINESE:NORP:chn:CHN"
            ]
        );
    }

    #[test]
    fn words_inside_words_and_other_scripts() {
        let r = rec();
        assert!(r
            .mentions("Xiamen and Chinatown and Tassels", None)
            .is_empty());
        let t = "习近平同普京会谈。Путин прибыл в Россию, Россия рада.";
        let got = show(t, &r.mentions(t, day("2024-05-16")));
        assert_eq!(
            got,
            [
                "习近平:PERSON:xi-jinping:CHNGOV",
                "Путин:PERSON:putin:RUSGOV",
                "Россия:GPE:rus:RUS"
            ]
        );
    }

    #[test]
    fn a_name_running_into_a_longer_word_does_not_hide_the_word() {
        // "the Sudan" (a name of Sudan) runs into "Sudanese": the adjective is still found.
        let countries = "SDN\tSudan|the Sudan\tSudanese\tKhartoum\n";
        let r = Recognizer::new(Kb::parse([countries, PEOPLE, ORGS, AGENTS]).unwrap()).unwrap();
        let t = "Talks with the Sudanese troops resumed.";
        let got = show(t, &r.mentions(t, day("2002-10-15")));
        assert!(
            got.iter().any(|m| m.starts_with("Sudanese troops:AGENT")),
            "{got:?}"
        );
        let t = "Aid reached the Sudan on Monday.";
        let got = show(t, &r.mentions(t, day("2002-10-15")));
        assert_eq!(got, ["Sudan:GPE:sdn:SDN"]);
    }

    #[test]
    fn a_people_named_by_the_country_it_lives_in_is_one_mention_of_that_country() {
        let countries = "BIH\tBosnia and Herzegovina|Bosnia\tBosnian|Bosnians\tSarajevo\n\
                         SRB\tSerbia\tSerbian|Serb|Serbs\tBelgrade\n";
        let r = Recognizer::new(Kb::parse([countries, PEOPLE, ORGS, AGENTS]).unwrap()).unwrap();
        let t = "Bosnian Serbs said Bosnian Serb troops left, and Serbs in Serbia stayed.";
        let got = show(t, &r.mentions(t, day("1994-04-20")));
        assert!(
            got.contains(&"Bosnian Serbs:NORP:bih:BIH".to_string()),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|m| m.starts_with("Bosnian Serb troops:AGENT") && m.ends_with("BIHMIL")),
            "{got:?}"
        );
        assert!(got.contains(&"Serbs:NORP:srb:SRB".to_string()), "{got:?}");
        // Two sides of a relation stay two.
        let t = "Bosnian Serb talks resumed.";
        let got = show(t, &r.mentions(t, day("1994-04-20")));
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_bare_surname_inside_a_longer_name_is_not_the_known_person() {
        let r = rec();
        // A first name before it, or a name word after it: someone or something else.
        let t = "His cousin Olga Putin and the Putin Foundation said nothing.";
        let got = show(t, &r.mentions(t, day("2024-05-16")));
        assert!(got.iter().all(|m| !m.contains(":putin:")), "{got:?}");
        // A title, a sentence's first word, a weekday, a possessive: still the president.
        let t =
            "President Putin arrived. When Putin spoke, Putin Tuesday said more to Russia's Putin.";
        let got = show(t, &r.mentions(t, day("2024-05-16")));
        assert_eq!(
            got.iter().filter(|m| m.contains(":putin:RUSGOV")).count(),
            4,
            "{got:?}"
        );
    }
}
