//! The actor network: actors linked by the events between them (directed, per type, with
//! count and mean intensity), by the quotes in which one speaks of the other, and by the
//! relations the texts state ("X, a close ally of Y"). Every edge keeps its evidence.

use crate::Query;
use dyad_store::{NetworkQuery, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Evidence items kept per edge (the counts cover all of them).
const MAX_EVIDENCE: usize = 3;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    /// The entity id (`vladimir-putin`), or the actor code when the text's actor has no
    /// entity (`RUSMIL`).
    pub id: String,
    pub label: String,
    /// PERSON, ORG, GPE ... (`CODE` for code nodes).
    pub kind: String,
    pub code: Option<String>,
    /// Edges touching it, and their summed counts.
    pub degree: usize,
    pub weight: u32,
}

/// Where an edge is said.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub doc_id: String,
    pub published: Option<String>,
    /// The sentence (events, relations) or the quote's words.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    pub source: String,
    pub target: String,
    /// `event`, `quote` or `relation`.
    pub via: String,
    /// The PLOVER type (or CAMEO root) of an event edge, the relation kind of a relation
    /// edge (ally, rival, member, founder, head, close), `about` for quotes.
    pub label: String,
    /// Quad class of an event edge (1 verbal and 2 material cooperation, 3 verbal and 4
    /// material conflict).
    pub quad: Option<u8>,
    pub count: u32,
    /// Distinct documents, and distinct texts (wire copies count once).
    pub documents: usize,
    pub texts: usize,
    pub intensity_mean: Option<f64>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Edges left out by the limit.
    pub edges_left_out: usize,
}

#[derive(Default)]
struct Acc {
    quad: Option<u8>,
    count: u32,
    docs: BTreeSet<String>,
    texts: BTreeSet<String>,
    intensity: f64,
    has_intensity: bool,
    evidence: Vec<Evidence>,
}

impl Acc {
    fn add(&mut self, doc: &str, text_id: &str, published: &Option<String>, text: &str) {
        self.count += 1;
        self.docs.insert(doc.to_string());
        self.texts.insert(text_id.to_string());
        // The first sentence of each distinct text: three wire copies give one item.
        if self.evidence.len() < MAX_EVIDENCE && !self.evidence.iter().any(|e| e.text == text) {
            self.evidence.push(Evidence {
                doc_id: doc.to_string(),
                published: published.clone(),
                text: text.to_string(),
            });
        }
    }
}

type Key = (String, String, &'static str, String);

/// The node of an event actor: its entity, else its code with sector.
fn actor_node(
    entity: &Option<String>,
    code: &Option<String>,
    sector: &Option<String>,
) -> Option<String> {
    entity.clone().or_else(|| {
        code.as_ref()
            .map(|c| format!("{c}{}", sector.as_deref().unwrap_or("")))
    })
}

/// The actor network of the stored documents. With `q.actor`, the edges that touch that
/// actor (entity id, words of a name, or code prefix); with `q.dyad`, the edges between
/// actors of the two codes; with `q.kind` or `q.context`, only the event edges of events of
/// that type or PLOVER context. The heaviest `q.limit` edges: by distinct texts, count, then ids.
pub fn network(store: &Store, q: &Query) -> dyad_store::Result<Network> {
    let nq = NetworkQuery {
        from: q.from.clone(),
        to: q.to.clone(),
        // The dyad and actor filters apply to every kind of link, below.
        dyad: None,
        kind: q.kind.clone(),
        context: q.context.clone(),
    };
    let mut edges: BTreeMap<Key, Acc> = BTreeMap::new();
    // Node codes, to filter by code prefix.
    let mut codes: BTreeMap<String, String> = BTreeMap::new();
    for r in store.event_reports(&nq)? {
        if q.kind
            .as_deref()
            .is_some_and(|k| !r.kind.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(k)))
        {
            continue;
        }
        let (Some(s), Some(t)) = (
            actor_node(&r.source_entity, &r.source_code, &r.source_sector),
            actor_node(&r.target_entity, &r.target_code, &r.target_sector),
        ) else {
            continue;
        };
        if s == t {
            continue;
        }
        for (node, code, sector) in [
            (&s, &r.source_code, &r.source_sector),
            (&t, &r.target_code, &r.target_sector),
        ] {
            if let Some(c) = code {
                codes
                    .entry(node.clone())
                    .or_insert_with(|| format!("{c}{}", sector.as_deref().unwrap_or("")));
            }
        }
        let label = r
            .kind
            .clone()
            .unwrap_or_else(|| format!("CAMEO {}", r.cameo.get(..2).unwrap_or(&r.cameo)));
        let acc = edges.entry((s, t, "event", label)).or_default();
        acc.quad = Some(r.quad);
        acc.intensity += r.intensity;
        acc.has_intensity = true;
        acc.add(&r.doc_id, &r.text_id, &r.published, &r.sentence);
    }
    // A type asked for means event links of that type only; so does a context, which quotes
    // and stated relations do not have.
    let events_only = q.kind.is_some() || q.context.is_some();
    let quote_links = if !events_only {
        store.quote_links(&nq)?
    } else {
        Vec::new()
    };
    let relations = if !events_only {
        store.relations(&nq)?
    } else {
        Vec::new()
    };
    for l in quote_links {
        let acc = edges
            .entry((l.speaker_entity, l.about_entity, "quote", "about".into()))
            .or_default();
        acc.add(&l.doc_id, &l.text_id, &l.published, &l.content);
    }
    for r in relations {
        let s = r.source_entity.clone().unwrap_or_else(|| r.source.clone());
        let t = r.target_entity.clone().unwrap_or_else(|| r.target.clone());
        let acc = edges.entry((s, t, "relation", r.kind)).or_default();
        acc.add(&r.doc_id, &r.text_id, &r.published, &r.sentence);
    }
    // The actor asked for: its entities, or a code prefix.
    let wanted: Option<(HashSet<String>, String)> = match &q.actor {
        Some(a) => Some((
            store.entities_named(a)?.into_iter().collect(),
            a.to_uppercase(),
        )),
        None => None,
    };
    let has_code = |node: &str, prefix: &str| {
        codes.get(node).is_some_and(|c| c.starts_with(prefix)) || node.starts_with(prefix)
    };
    let touches = |node: &str| match &wanted {
        Some((ents, code)) => ents.contains(node) || has_code(node, code),
        None => true,
    };
    let mut kept: Vec<(Key, Acc)> = edges
        .into_iter()
        .filter(|((s, t, _, _), _)| touches(s) || touches(t))
        .filter(|((s, t, _, _), _)| match &q.dyad {
            Some((a, b)) => {
                let (a, b) = (a.to_uppercase(), b.to_uppercase());
                (has_code(s, &a) && has_code(t, &b)) || (has_code(s, &b) && has_code(t, &a))
            }
            None => true,
        })
        .collect();
    // Heaviest first by distinct texts, so that a wire story in ten papers does not outweigh
    // ten stories; then by count.
    kept.sort_by(|a, b| {
        (b.1.texts.len(), b.1.count)
            .cmp(&(a.1.texts.len(), a.1.count))
            .then_with(|| a.0.cmp(&b.0))
    });
    let limit = q.limit.max(1);
    let edges_left_out = kept.len().saturating_sub(limit);
    kept.truncate(limit);
    let edges: Vec<Edge> = kept
        .into_iter()
        .map(|((source, target, via, label), a)| Edge {
            source,
            target,
            via: via.to_string(),
            label,
            quad: a.quad,
            count: a.count,
            documents: a.docs.len(),
            texts: a.texts.len(),
            intensity_mean: a
                .has_intensity
                .then(|| a.intensity / f64::from(a.count.max(1))),
            evidence: a.evidence,
        })
        .collect();
    Ok(Network {
        nodes: nodes(store, &edges, &codes)?,
        edges,
        edges_left_out,
    })
}

/// The nodes of the edges, named from the mentions, heaviest first.
fn nodes(
    store: &Store,
    edges: &[Edge],
    codes: &BTreeMap<String, String>,
) -> dyad_store::Result<Vec<Node>> {
    let mut stats: BTreeMap<&str, (usize, u32)> = BTreeMap::new();
    for e in edges {
        for n in [&e.source, &e.target] {
            let s = stats.entry(n.as_str()).or_default();
            s.0 += 1;
            s.1 += e.count;
        }
    }
    let ids: Vec<String> = stats.keys().map(|s| s.to_string()).collect();
    let names: BTreeMap<String, dyad_store::EntityName> = store
        .entity_names(&ids)?
        .into_iter()
        .map(|n| (n.entity.clone(), n))
        .collect();
    let mut out: Vec<Node> = stats
        .into_iter()
        .map(|(id, (degree, weight))| match names.get(id) {
            Some(n) => Node {
                id: id.to_string(),
                label: n.label.clone(),
                kind: n.kind.clone(),
                code: n.code.clone().or_else(|| codes.get(id).cloned()),
                degree,
                weight,
            },
            None => Node {
                id: id.to_string(),
                label: id.to_string(),
                // An actor code, or a name the knowledge base lacks as written.
                kind: if codes.contains_key(id) {
                    "CODE"
                } else {
                    "NAME"
                }
                .into(),
                code: codes.get(id).cloned(),
                degree,
                weight,
            },
        })
        .collect();
    out.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(n: &Network) -> Vec<(String, String, String, String)> {
        n.edges
            .iter()
            .map(|e| {
                (
                    e.source.clone(),
                    e.target.clone(),
                    e.via.clone(),
                    e.label.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_context_leaves_the_event_links_of_its_events_only() {
        let s = crate::fixture::store();
        let q = |context: Option<&str>| Query {
            context: context.map(str::to_string),
            limit: 50,
            ..Query::default()
        };
        let all = network(&s, &q(None)).unwrap();
        let vias: BTreeSet<&str> = all.edges.iter().map(|e| e.via.as_str()).collect();
        assert_eq!(vias, ["event", "quote", "relation"].into(), "{all:?}");

        // Quotes and stated relations have no context: only the matching event is left.
        let economic = network(&s, &q(Some("economic"))).unwrap();
        assert_eq!(
            links(&economic),
            [(
                "vladimir-putin".into(),
                "xi-jinping".into(),
                "event".into(),
                "COOPERATE".into()
            )]
        );
        let military = network(&s, &q(Some("military"))).unwrap();
        assert_eq!(
            links(&military),
            [(
                "xi-jinping".into(),
                "vladimir-putin".into(),
                "event".into(),
                "AID".into()
            )]
        );
        assert_eq!(military.nodes.len(), 2);
        assert!(network(&s, &q(Some("health"))).unwrap().edges.is_empty());
    }
}
