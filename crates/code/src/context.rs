//! The country of an actor the text names without one: "police", "rebels", "President Mugabe".
//!
//! News about one country's affairs seldom repeats the country beside every actor: "Police
//! fired tear gas at protesters in Nairobi" is Kenyan police, "Opposition groups in Zimbabwe
//! demand that President Mugabe resign" is about Zimbabwe's president. An event actor with a
//! span but no country code takes the country its sentence is about, or else the country the
//! whole document is about. Which it was is written into the event's pattern, so an analyst
//! sees that the code was inferred.

use dyad_model::{Event, EventActor, Mention, Span};
use std::collections::HashMap;

/// Mentions that say which country a sentence is about: countries, their adjectives, places in
/// them, and agents tied to one ("Kenyan police"). People and organisations are left out: a
/// foreign leader or an international body named in a sentence does not make it theirs.
fn places_a_country(m: &Mention) -> Option<&str> {
    if !matches!(m.kind.as_str(), "GPE" | "NORP" | "AGENT") {
        return None;
    }
    state_code(m)
}

/// A country's own parties, opposition and rebels ("UNITA") are named in news about that
/// country, though less surely than a place: "PKK members in Berlin" are in Germany.
fn party_country(m: &Mention) -> Option<&str> {
    let sector = m.actor.as_ref()?.sector.as_deref();
    (m.kind == "ORG" && matches!(sector, Some("PTY" | "OPP" | "REB")))
        .then(|| state_code(m))
        .flatten()
}

/// The mention's country code, if it is a state's.
fn state_code(m: &Mention) -> Option<&str> {
    let code = m.actor.as_ref()?.code.as_deref()?;
    // Not the codes of actors above or outside states ("NATO troops" are IGO).
    let state = code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(code, "IGO" | "NGO" | "MNC" | "IMG" | "UAF" | "UIS");
    state.then_some(code)
}

/// The country a document is mostly about: the most frequent country among its mentions, when
/// it is named at least three times and at least twice as often as any other.
fn document_country(mentions: &[Mention]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in mentions.iter().filter_map(places_a_country) {
        *counts.entry(c).or_default() += 1;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (top, n) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.1);
    (n >= 3 && n >= 2 * second).then(|| top.to_string())
}

/// How far an actor's country may be looked for.
enum Reach {
    /// In the sentence, else the document: an actor with a role ("police", "President
    /// Mugabe").
    Document,
    /// In its sentence only: a person nobody knows, named beside one country.
    Sentence,
}

/// Whether an event actor lacks a country the context may give, and from how far. A name
/// nobody knows that is not a person's ("START", "Western") may be anything; commentators and
/// the press ("analysts said") are as often foreign as not.
fn lacking(mentions: &[Mention], a: &EventActor) -> Option<Reach> {
    if a.code.is_some() {
        return None;
    }
    match a.sector.as_deref() {
        Some("EDU" | "MED") => None,
        Some(_) => Some(Reach::Document),
        None => mention_at(mentions, a.span)
            .is_some_and(|m| m.kind == "PERSON")
            .then_some(Reach::Sentence),
    }
}

/// The mention with exactly this span. `mentions` is sorted by start.
fn mention_at(mentions: &[Mention], span: Span) -> Option<&Mention> {
    let k = mentions.partition_point(|m| m.span.start < span.start);
    mentions[k..]
        .iter()
        .take_while(|m| m.span.start == span.start)
        .find(|m| m.span == span)
}

/// Gives the event actors that lack a country the country of their context. `mentions` and
/// `sentences` are the document's, sorted by start.
pub fn fill_countries(mentions: &[Mention], sentences: &[Span], events: &mut [Event]) {
    let missing = |e: &Event| {
        [&e.source, &e.target]
            .iter()
            .any(|a| a.as_ref().is_some_and(|a| lacking(mentions, a).is_some()))
    };
    if !events.iter().any(missing) {
        return;
    }
    let document = document_country(mentions);
    for e in events.iter_mut().filter(|e| missing(e)) {
        let k = sentences.partition_point(|s| s.end <= e.trigger.start);
        let Some(sentence) = sentences.get(k).filter(|s| s.start <= e.trigger.start) else {
            continue;
        };
        let here = mentions.partition_point(|m| m.span.start < sentence.start)
            ..mentions.partition_point(|m| m.span.start < sentence.end);
        let mut codes: Vec<&str> = mentions[here.clone()]
            .iter()
            .filter_map(places_a_country)
            .collect();
        if codes.is_empty() {
            codes = mentions[here].iter().filter_map(party_country).collect();
        }
        codes.sort_unstable();
        codes.dedup();
        // One country in the sentence; else the document's, if the sentence names it or
        // names none.
        let (code, from) = match codes.as_slice() {
            [one] => (one.to_string(), "sentence"),
            _ => match &document {
                Some(d) if codes.is_empty() || codes.contains(&d.as_str()) => {
                    (d.clone(), "document")
                }
                _ => continue,
            },
        };
        let mut filled = Vec::new();
        for (role, actor) in [("source", &mut e.source), ("target", &mut e.target)] {
            let Some(a) = actor.as_mut() else { continue };
            match lacking(mentions, a) {
                Some(Reach::Sentence) if from == "document" => {}
                Some(_) => {
                    a.code = Some(code.clone());
                    filled.push(role);
                }
                None => {}
            }
        }
        if filled.is_empty() {
            continue;
        }
        let note = format!("; {} country {code} from the {from}", filled.join(" and "));
        e.pattern = Some(e.pattern.take().unwrap_or_default() + &note);
    }
}
