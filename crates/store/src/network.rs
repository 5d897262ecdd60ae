//! What corroboration and the actor network read from the store: the events with their
//! document's text group and quote sourcing, the quotes that name other actors, and the
//! relations stated in the texts (their table and its rows).

use crate::{NewDoc, Result, Store, Where};
use rusqlite::{params, Transaction};
use serde::Serialize;

/// The relation layer (schema migration "relations"): one row per stated relation, with the
/// sentence that states it.
pub(crate) const MIGRATION: &str = r#"
CREATE TABLE relations (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    src_text   TEXT NOT NULL,
    src_entity TEXT,
    tgt_text   TEXT NOT NULL,
    tgt_entity TEXT,
    cue        TEXT NOT NULL,
    cue_start  INTEGER NOT NULL,
    cue_end    INTEGER NOT NULL,
    sentence   TEXT NOT NULL,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE INDEX relations_src ON relations(src_entity);
CREATE INDEX relations_tgt ON relations(tgt_entity);
"#;

/// Stores a document's relations (inside [`Store::insert_batch`]'s transaction).
pub(crate) fn insert_relations(tx: &Transaction, doc: i64, d: &NewDoc) -> Result<()> {
    if d.relations.is_empty() {
        return Ok(());
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO relations (doc, doc_id, n, kind, src_text, src_entity, tgt_text, tgt_entity,
         cue, cue_start, cue_end, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let slice = |s: dyad_model::Span| d.text.get(s.start..s.end).unwrap_or("");
    for (n, r) in d.relations.iter().enumerate() {
        let sentence = d
            .sentences
            .iter()
            .find(|s| s.start <= r.cue.start && r.cue.end <= s.end)
            .map_or("", |s| slice(*s));
        insert.execute(params![
            doc,
            d.id,
            n as i64,
            r.kind,
            slice(r.source),
            r.source_entity,
            slice(r.target),
            r.target_entity,
            slice(r.cue),
            r.cue.start as i64,
            r.cue.end as i64,
            sentence,
        ])?;
    }
    Ok(())
}

/// Which rows the network and corroboration read: every filter is optional.
#[derive(Debug, Clone, Default)]
pub struct NetworkQuery {
    /// Event (or publication) dates from / to (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Events only: two actor codes or prefixes (`CHN`, `RUSGOV`), in either order.
    pub dyad: Option<(String, String)>,
    /// Events only: the PLOVER type.
    pub kind: Option<String>,
    /// Events only: a PLOVER context ("military").
    pub context: Option<String>,
}

/// One report of an event, with what corroboration weighs.
#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub doc_id: String,
    /// The event's number in its document.
    pub n: i64,
    /// Documents with the same or nearly the same text share it.
    pub text_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub cameo: String,
    pub quad: u8,
    pub intensity: f64,
    pub source: Option<String>,
    /// Country (or group) codes and sectors of the two actors.
    pub source_code: Option<String>,
    pub source_sector: Option<String>,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub target_sector: Option<String>,
    /// The entity of each actor, from the mention with its words in the same document.
    pub source_entity: Option<String>,
    pub target_entity: Option<String>,
    pub trigger: String,
    pub date: Option<String>,
    pub modality: Option<String>,
    pub sentence: String,
    /// The event sits in a quote whose chain of sources has an unnamed one.
    pub anonymous: bool,
    /// The event sits in a quote the text hedges ("reportedly").
    pub hedged: bool,
}

/// A quote that names another actor: the speaker talks about them.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteLink {
    pub doc_id: String,
    pub text_id: String,
    pub published: Option<String>,
    pub speaker: Option<String>,
    pub speaker_entity: String,
    pub about_text: String,
    pub about_entity: String,
    pub content: String,
}

/// A stored relation with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct RelationRow {
    pub doc_id: String,
    pub text_id: String,
    pub published: Option<String>,
    pub kind: String,
    pub source: String,
    pub source_entity: Option<String>,
    pub target: String,
    pub target_entity: Option<String>,
    pub cue: String,
    pub sentence: String,
}

/// How the stored mentions name an entity.
#[derive(Debug, Clone, Serialize)]
pub struct EntityName {
    pub entity: String,
    /// The most frequent surface form, type and code (with sector).
    pub label: String,
    pub kind: String,
    pub code: Option<String>,
    pub mentions: u64,
}

/// The entity of the mention with the given words in the event's document, nearest the
/// trigger: the events table keeps the actor's words, not its entity.
fn entity_of(col: &str) -> String {
    format!(
        "(SELECT m.entity FROM mentions m WHERE m.doc = e.doc AND m.text = e.{col}
          AND m.entity IS NOT NULL ORDER BY abs(m.start - e.trig_start) LIMIT 1)"
    )
}

/// Whether the event lies in a quote with the given property.
fn in_quote(cond: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM quotes q WHERE q.doc = e.doc AND q.start <= e.trig_start
          AND e.trig_end <= q.end AND {cond})"
    )
}

impl Store {
    /// Every reported event (not negated, not hypothetical; claims kept) in the date range, in
    /// a fixed order (event date, document, number).
    pub fn event_reports(&self, q: &NetworkQuery) -> Result<Vec<ReportRow>> {
        let mut w = Where::default();
        w.dates(
            "coalesce(e.date, substr(d.published, 1, 10))",
            &q.from,
            &q.to,
        );
        w.conds.push(crate::ASSERTED_EVENT.into());
        w.filter("e.type = upper(?)", &q.kind, 1);
        w.context("e.context", &q.context);
        if let Some((a, b)) = &q.dyad {
            let (src, tgt) = (
                "(e.src_code || coalesce(e.src_sector, '')) LIKE upper(?) || '%'",
                "(e.tgt_code || coalesce(e.tgt_sector, '')) LIKE upper(?) || '%'",
            );
            w.conds
                .push(format!("(({src} AND {tgt}) OR ({src} AND {tgt}))"));
            w.args.extend([a.clone(), b.clone(), b.clone(), a.clone()]);
        }
        let sql = format!(
            "SELECT e.doc_id, e.n, d.text_id, d.outlet, substr(d.published, 1, 10), e.type,
                    e.cameo, e.quad, e.intensity, e.src_text, e.src_code, e.src_sector,
                    e.tgt_text, e.tgt_code, e.tgt_sector, {}, {}, e.trigger, e.date, e.modality,
                    e.sentence, {}, {}
             FROM events e JOIN documents d ON d.rowid = e.doc {}
             ORDER BY coalesce(e.date, d.published), e.doc_id, e.n",
            entity_of("src_text"),
            entity_of("tgt_text"),
            in_quote("q.chain LIKE '%\"anonymous\":true%'"),
            in_quote("q.hedged = 1"),
            w.sql(),
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.args.iter()), |r| {
                Ok(ReportRow {
                    doc_id: r.get(0)?,
                    n: r.get(1)?,
                    text_id: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    kind: r.get(5)?,
                    cameo: r.get(6)?,
                    quad: r.get::<_, i64>(7)? as u8,
                    intensity: r.get(8)?,
                    source: r.get(9)?,
                    source_code: r.get(10)?,
                    source_sector: r.get(11)?,
                    target: r.get(12)?,
                    target_code: r.get(13)?,
                    target_sector: r.get(14)?,
                    source_entity: r.get(15)?,
                    target_entity: r.get(16)?,
                    trigger: r.get(17)?,
                    date: r.get(18)?,
                    modality: r.get(19)?,
                    sentence: r.get(20)?,
                    anonymous: r.get(21)?,
                    hedged: r.get(22)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Quotes whose content names an actor of another country than the speaker's (a
    /// president speaking of his own country says little about the network), once per quote
    /// and actor.
    pub fn quote_links(&self, q: &NetworkQuery) -> Result<Vec<QuoteLink>> {
        let mut w = Where::default();
        w.dates("substr(d.published, 1, 10)", &q.from, &q.to);
        w.conds.push(
            "q.speaker_entity IS NOT NULL AND m.entity IS NOT NULL
             AND m.entity != q.speaker_entity AND m.kind NOT IN ('LOC', 'MISC')
             AND coalesce(m.code, '') != coalesce(
                 (SELECT s.code FROM mentions s WHERE s.doc = q.doc
                  AND s.entity = q.speaker_entity AND s.code IS NOT NULL LIMIT 1), '-')"
                .into(),
        );
        let sql = format!(
            "SELECT q.doc_id, d.text_id, substr(d.published, 1, 10), q.speaker, q.speaker_entity,
                    min(m.text), m.entity, q.content
             FROM quotes q JOIN documents d ON d.rowid = q.doc
             JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.end <= q.end
             {} GROUP BY q.doc, q.n, m.entity ORDER BY d.published, q.doc_id, q.n, m.entity",
            w.sql()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.args.iter()), |r| {
                Ok(QuoteLink {
                    doc_id: r.get(0)?,
                    text_id: r.get(1)?,
                    published: r.get(2)?,
                    speaker: r.get(3)?,
                    speaker_entity: r.get(4)?,
                    about_text: r.get(5)?,
                    about_entity: r.get(6)?,
                    content: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Relations stated in the texts, by publication date.
    pub fn relations(&self, q: &NetworkQuery) -> Result<Vec<RelationRow>> {
        let mut w = Where::default();
        w.dates("substr(d.published, 1, 10)", &q.from, &q.to);
        let sql = format!(
            "SELECT r.doc_id, d.text_id, substr(d.published, 1, 10), r.kind, r.src_text, r.src_entity,
                    r.tgt_text, r.tgt_entity, r.cue, r.sentence
             FROM relations r JOIN documents d ON d.rowid = r.doc {}
             ORDER BY d.published, r.doc_id, r.n",
            w.sql()
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.args.iter()), |r| {
                Ok(RelationRow {
                    doc_id: r.get(0)?,
                    text_id: r.get(1)?,
                    published: r.get(2)?,
                    kind: r.get(3)?,
                    source: r.get(4)?,
                    source_entity: r.get(5)?,
                    target: r.get(6)?,
                    target_entity: r.get(7)?,
                    cue: r.get(8)?,
                    sentence: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// How the mentions name each of the given entities (label, type, code), in the order
    /// given; entities no mention has are left out.
    pub fn entity_names(&self, entities: &[String]) -> Result<Vec<EntityName>> {
        let list = serde_json::Value::from(entities.to_vec()).to_string();
        // Per entity, its forms: names before descriptions and adjectives ("Xi Jinping", not
        // "the Chinese President"; "China", not "Chinese"), then by frequency and length. The
        // first row of each is its name.
        let mut stmt = self.conn.prepare(
            "SELECT entity, text, kind, code || coalesce(sector, ''), count(*) FROM mentions
             WHERE entity IN (SELECT value FROM json_each(?1))
             GROUP BY entity, text, kind, code, sector
             ORDER BY entity, kind IN ('AGENT', 'NORP'), count(*) DESC, length(text) DESC, text",
        )?;
        let mut by_entity: std::collections::HashMap<String, EntityName> =
            std::collections::HashMap::new();
        let rows = stmt.query_map([&list], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)? as u64,
            ))
        })?;
        for row in rows {
            let (entity, text, kind, code, n) = row?;
            by_entity
                .entry(entity.clone())
                .and_modify(|e| {
                    e.mentions += n;
                    if e.code.is_none() {
                        e.code.clone_from(&code);
                    }
                })
                .or_insert(EntityName {
                    entity,
                    label: text,
                    kind,
                    code,
                    mentions: n,
                });
        }
        Ok(entities
            .iter()
            .filter_map(|e| by_entity.remove(e))
            .collect())
    }

    /// The entities whose id is `name`, or ends with it as its last words ("Medvedev" finds
    /// `dmitry-medvedev`), or that some mention names with these words (case-insensitive).
    pub fn entities_named(&self, name: &str) -> Result<Vec<String>> {
        let name = name.trim();
        let slug = name
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        let rows = self
            .conn
            .prepare(
                "SELECT entity FROM mentions WHERE entity IS NOT NULL
                 AND (entity = ?2 OR entity LIKE '%-' || ?2 OR text = ?1 COLLATE NOCASE)
                 GROUP BY entity ORDER BY count(*) DESC, entity LIMIT 20",
            )?
            .query_map([name, slug.as_str()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_ingest::fingerprint::{content_hash, document_id, minhash};
    use dyad_model::{
        ActorCode, Event, EventActor, Mention, Meta, Quote, QuoteKind, Relation, Source, Span,
    };

    const TEXT: &str = "Dmitry Medvedev, a close ally of Putin, spoke on Monday. \
        China is preparing to send drones to Russia, officials who asked not to be named said.";

    fn at(word: &str) -> Span {
        let i = TEXT.find(word).unwrap();
        Span::new(i, i + word.len())
    }

    fn mention(word: &str, kind: &str, entity: &str, code: &str) -> Mention {
        Mention {
            span: at(word),
            kind: kind.into(),
            entity: Some(entity.into()),
            actor: Some(ActorCode {
                code: Some(code.into()),
                sector: None,
            }),
        }
    }

    fn doc() -> NewDoc {
        let h = content_hash(TEXT);
        let second = TEXT.find("China").unwrap();
        NewDoc {
            id: document_id(&h, "Harbour Daily"),
            content_hash: h,
            minhash: minhash(TEXT),
            meta: Meta {
                outlet: Some("Harbour Daily".into()),
                published: Some("2024-05-20".into()),
                ..Meta::default()
            },
            origin: "t.jsonl".into(),
            encoding: "UTF-8".into(),
            text: TEXT.into(),
            sentences: vec![Span::new(0, second - 1), Span::new(second, TEXT.len())],
            mentions: vec![
                mention("Dmitry Medvedev", "PERSON", "dmitry-medvedev", "RUS"),
                mention("Putin", "PERSON", "vladimir-putin", "RUS"),
                mention("China", "GPE", "chn", "CHN"),
                mention("Russia", "GPE", "rus", "RUS"),
            ],
            learned: Vec::new(),
            events: vec![Event {
                kind: Some("AID".into()),
                mode: None,
                cameo: "070".into(),
                quad: 2,
                goldstein: 7.0,
                source: Some(EventActor {
                    span: at("China"),
                    code: Some("CHN".into()),
                    sector: None,
                }),
                target: Some(EventActor {
                    span: at("Russia"),
                    code: Some("RUS".into()),
                    sector: None,
                }),
                trigger: at("send drones"),
                date: Some("2024-05-20".into()),
                negated: false,
                modality: Some("claimed".into()),
                confidence: 0.7,
                pattern: None,
                context: Vec::new(),
                reciprocal: false,
            }],
            quotes: vec![Quote {
                content: Span::new(second, at("Russia").end),
                cue: Some(at("said")),
                speaker: Some(at("officials who asked not to be named")),
                speaker_entity: Some("local:officials".into()),
                kind: QuoteKind::Indirect,
                chain: vec![Source {
                    span: at("officials who asked not to be named"),
                    anonymous: true,
                }],
                hedged: false,
                cue_class: Default::default(),
            }],
            relations: vec![Relation {
                kind: "ally".into(),
                source: at("Dmitry Medvedev"),
                source_entity: Some("dmitry-medvedev".into()),
                target: at("Putin"),
                target_entity: Some("vladimir-putin".into()),
                cue: at("a close ally of"),
            }],
        }
    }

    /// The document with its event in the military context, and a second event the other
    /// way, a month later, in the economic one.
    fn two_contexts() -> NewDoc {
        let mut d = doc();
        d.events[0].context = vec!["military".into()];
        let mut back = d.events[0].clone();
        std::mem::swap(&mut back.source, &mut back.target);
        back.kind = Some("COOPERATE".into());
        back.cameo = "061".into();
        back.date = Some("2024-06-03".into());
        back.context = vec!["economic".into(), "diplomatic".into()];
        d.events.push(back);
        d
    }

    #[test]
    fn a_context_keeps_the_events_in_it() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[two_contexts()]).unwrap();
        let dyad = |context: Option<&str>| {
            let mut got = Vec::new();
            s.each_dyad_event("CHN", "RUS", false, context, |p| {
                got.push((p.date, p.forward, p.kind.unwrap_or_default()))
            })
            .unwrap();
            got
        };
        assert_eq!(dyad(None).len(), 2);
        assert_eq!(
            dyad(Some("military")),
            [("2024-05-20".to_string(), true, "AID".to_string())]
        );
        // The second of two contexts counts as much as the first.
        assert_eq!(
            dyad(Some("diplomatic")),
            [("2024-06-03".to_string(), false, "COOPERATE".to_string())]
        );
        assert!(dyad(Some("health")).is_empty());
        // Whole names: "econ" is no context.
        assert!(dyad(Some("econ")).is_empty());

        let reports = |context: Option<&str>| {
            s.event_reports(&NetworkQuery {
                context: context.map(str::to_string),
                ..NetworkQuery::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.kind.unwrap_or_default())
            .collect::<Vec<_>>()
        };
        assert_eq!(reports(None), ["AID", "COOPERATE"]);
        assert_eq!(reports(Some("economic")), ["COOPERATE"]);
        assert_eq!(reports(Some("military")), ["AID"]);
    }

    #[test]
    fn relations_reports_and_quote_links_come_back_with_their_evidence() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[doc()]).unwrap();
        let all = NetworkQuery::default();
        let rels = s.relations(&all).unwrap();
        assert_eq!(rels.len(), 1);
        let r = &rels[0];
        assert_eq!(
            (
                r.kind.as_str(),
                r.source.as_str(),
                r.target_entity.as_deref()
            ),
            ("ally", "Dmitry Medvedev", Some("vladimir-putin"))
        );
        assert_eq!(r.cue, "a close ally of");
        assert_eq!(
            r.sentence,
            "Dmitry Medvedev, a close ally of Putin, spoke on Monday."
        );
        let reports = s.event_reports(&all).unwrap();
        assert_eq!(reports.len(), 1);
        let e = &reports[0];
        assert_eq!(
            (e.source_entity.as_deref(), e.target_entity.as_deref()),
            (Some("chn"), Some("rus"))
        );
        assert!(e.anonymous && !e.hedged);
        // The dyad filter takes either order; another dyad finds nothing.
        let dyad = |a: &str, b: &str| NetworkQuery {
            dyad: Some((a.into(), b.into())),
            ..NetworkQuery::default()
        };
        assert_eq!(s.event_reports(&dyad("rus", "CHN")).unwrap().len(), 1);
        assert!(s.event_reports(&dyad("USA", "CHN")).unwrap().is_empty());
        // The officials (no code) speak of China and Russia.
        let links: Vec<String> = s
            .quote_links(&all)
            .unwrap()
            .into_iter()
            .map(|l| l.about_entity)
            .collect();
        assert_eq!(links, ["chn", "rus"]);
        let names = s
            .entity_names(&["vladimir-putin".into(), "nobody".into()])
            .unwrap();
        assert_eq!(names.len(), 1);
        assert_eq!((names[0].label.as_str(), names[0].mentions), ("Putin", 1));
        assert_eq!(s.entities_named("medvedev").unwrap(), ["dmitry-medvedev"]);
        assert!(s.entities_named("dev").unwrap().is_empty());
        assert_eq!(
            s.entities_named("Dmitry Medvedev").unwrap(),
            ["dmitry-medvedev"]
        );
    }
}
