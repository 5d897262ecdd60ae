//! The queries behind the analyses of recurring interactions (pattern breaks) and of stances
//! (position shifts): a dyad's events with the entities of their actors and the sentence they
//! are in, and what a speaker said about a counterpart.

use crate::{Result, Store};
use serde::Serialize;

/// An event between the two sides of a dyad, with its evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DyadEvent {
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// The sentence of the document it is in, numbered from 1 as `dyad explain` does.
    pub sentence_n: Option<u32>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub mode: Option<String>,
    pub cameo: String,
    pub quad: u8,
    pub source: Option<String>,
    /// Code and sector ("CHNGOV").
    pub source_code: Option<String>,
    pub source_entity: Option<String>,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub target_entity: Option<String>,
    pub trigger: String,
    pub date: Option<String>,
    pub modality: Option<String>,
    pub sentence: String,
}

/// An actor a quote talks about.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatementAbout {
    pub text: String,
    pub entity: Option<String>,
    /// Code and sector.
    pub code: Option<String>,
}

/// A quote, direct or reported, with its speaker's code and the actors it talks about.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Statement {
    pub doc_id: String,
    /// The quote's number in its document.
    pub n: u32,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    /// Code and sector of the speaker ("CHNGOV").
    pub speaker_code: Option<String>,
    pub cue: Option<String>,
    pub content: String,
    pub hedged: bool,
    /// The sentence the quote starts in (numbered from 1) and its text.
    pub sentence_n: Option<u32>,
    pub sentence: Option<String>,
    pub about: Vec<StatementAbout>,
}

/// `code || sector` of a column pair, as the listings show codes.
fn code_expr(code: &str, sector: &str) -> String {
    format!("({code} || coalesce({sector}, ''))")
}

impl Store {
    /// Events between the sides of a dyad, in both directions: `sides` are two code prefixes
    /// or entity ids ("CHN", "RUSGOV", "vladimir-putin"); without them, every event between
    /// two coded actors of different countries. Negated and hypothetical events are left out
    /// (claims stay). With `context` (a PLOVER context, "military"), only the events in it.
    /// Ordered by date, document and position.
    pub fn dyad_events(
        &self,
        sides: Option<(&str, &str)>,
        context: Option<&str>,
    ) -> Result<Vec<DyadEvent>> {
        let (src, tgt) = (
            code_expr("e.src_code", "e.src_sector"),
            code_expr("e.tgt_code", "e.tgt_sector"),
        );
        let side = |code: &str, entity: &str, p: &str| {
            format!("({code} LIKE upper({p}) || '%' OR {entity} = {p})")
        };
        let pair = match sides {
            Some(_) => format!(
                "(({} AND {}) OR ({} AND {}))",
                side(&src, "e.src_entity", "?1"),
                side(&tgt, "e.tgt_entity", "?2"),
                side(&src, "e.src_entity", "?2"),
                side(&tgt, "e.tgt_entity", "?1"),
            ),
            None => "(e.src_code IS NOT NULL AND e.tgt_code IS NOT NULL
                      AND substr(e.src_code, 1, 3) != substr(e.tgt_code, 1, 3))"
                .to_string(),
        };
        let sql = format!(
            "SELECT e.doc_id, d.outlet, substr(d.published, 1, 10), d.url, e.sentence_n, e.type,
                    e.mode, e.cameo, e.quad, e.src_text, {src}, e.src_entity, e.tgt_text, {tgt},
                    e.tgt_entity, e.trigger, e.date, e.modality, e.sentence
             FROM events e JOIN documents d ON d.rowid = e.doc
             WHERE {pair} AND {asserted}
               AND (?3 IS NULL OR {context})
             ORDER BY coalesce(e.date, d.published), e.doc_id, e.n",
            asserted = crate::ASSERTED_EVENT,
            context = crate::context_match("e.context", "?3"),
        );
        let (a, b) = sides.unwrap_or(("", ""));
        let mut stmt = self.conn.prepare(&sql)?;
        let map = |r: &rusqlite::Row| {
            Ok(DyadEvent {
                doc_id: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                url: r.get(3)?,
                sentence_n: r.get::<_, Option<i64>>(4)?.map(|n| n as u32 + 1),
                kind: r.get(5)?,
                mode: r.get(6)?,
                cameo: r.get(7)?,
                quad: r.get::<_, i64>(8)? as u8,
                source: r.get(9)?,
                source_code: r.get(10)?,
                source_entity: r.get(11)?,
                target: r.get(12)?,
                target_code: r.get(13)?,
                target_entity: r.get(14)?,
                trigger: r.get(15)?,
                date: r.get(16)?,
                modality: r.get(17)?,
                sentence: r.get(18)?,
            })
        };
        // Without sides the pair condition names no parameter; binding all three keeps one call.
        let rows = stmt
            .query_map(rusqlite::params![a, b, context], map)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// What a speaker said about a counterpart: quotes whose speaker has the entity id or code
    /// prefix `speaker` and whose content names an actor with the entity id or code prefix
    /// `about`. Ordered by publication date, document and position.
    pub fn statements(&self, speaker: &str, about: &str) -> Result<Vec<Statement>> {
        let sql = format!(
            "SELECT q.doc_id, q.n, d.outlet, substr(d.published, 1, 10), d.url, q.kind, q.speaker,
                    q.speaker_entity, {}, q.cue, q.content, q.hedged, s.n,
                    CAST(substr(CAST(d.body AS BLOB), s.start + 1, s.end - s.start) AS TEXT), q.doc
             FROM quotes q JOIN documents d ON d.rowid = q.doc
             LEFT JOIN sentences s ON s.doc = q.doc AND s.start <= q.start AND q.start < s.end
             WHERE (q.speaker_entity = ?1 OR {} LIKE upper(?1) || '%')
               AND EXISTS (SELECT 1 FROM quote_about a
                           WHERE a.doc = q.doc AND a.quote_n = q.n
                             AND (a.entity = ?2 OR {} LIKE upper(?2) || '%'))
             ORDER BY d.published, q.doc_id, q.n",
            code_expr("q.speaker_code", "q.speaker_sector"),
            code_expr("q.speaker_code", "q.speaker_sector"),
            code_expr("a.code", "a.sector"),
        );
        let mut rows = self
            .conn
            .prepare(&sql)?
            .query_map([speaker, about], |r| {
                let doc: i64 = r.get(14)?;
                let statement = Statement {
                    doc_id: r.get(0)?,
                    n: r.get::<_, i64>(1)? as u32,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    kind: r.get(5)?,
                    speaker: r.get(6)?,
                    speaker_entity: r.get(7)?,
                    speaker_code: r.get(8)?,
                    cue: r.get(9)?,
                    content: r.get(10)?,
                    hedged: r.get(11)?,
                    sentence_n: r.get::<_, Option<i64>>(12)?.map(|n| n as u32 + 1),
                    sentence: r.get(13)?,
                    about: Vec::new(),
                };
                Ok((doc, statement))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut about = self.conn.prepare_cached(&format!(
            "SELECT text, entity, {} FROM quote_about WHERE doc = ?1 AND quote_n = ?2 ORDER BY n",
            code_expr("code", "sector")
        ))?;
        for (doc, st) in &mut rows {
            st.about = about
                .query_map(rusqlite::params![*doc, st.n], |r| {
                    Ok(StatementAbout {
                        text: r.get(0)?,
                        entity: r.get(1)?,
                        code: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(rows.into_iter().map(|(_, st)| st).collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::{NewDoc, Store, MIGRATIONS};
    use dyad_ingest::fingerprint::{content_hash, document_id, minhash};
    use dyad_model::{ActorCode, Event, EventActor, Mention, Meta, Quote, QuoteKind, Span};

    const TEXT: &str = "Xi Jinping and Vladimir Putin exchanged New Year messages on Saturday. \
        China's ambassador to the United States said cooperation with Russia had no limits.";

    fn at(s: &str) -> Span {
        let i = TEXT.find(s).unwrap();
        Span::new(i, i + s.len())
    }

    fn mention(s: &str, entity: &str, code: &str, sector: Option<&str>) -> Mention {
        Mention {
            span: at(s),
            kind: "PERSON".into(),
            entity: Some(entity.into()),
            actor: Some(ActorCode {
                code: Some(code.into()),
                sector: sector.map(str::to_string),
            }),
        }
    }

    fn doc() -> NewDoc {
        let h = content_hash(TEXT);
        let actor = |s: &str, code: &str| EventActor {
            span: at(s),
            code: Some(code.into()),
            sector: Some("GOV".into()),
        };
        NewDoc {
            id: document_id(&h, "Harbour Daily"),
            content_hash: h,
            minhash: minhash(TEXT),
            meta: Meta {
                outlet: Some("Harbour Daily".into()),
                published: Some("2017-01-01".into()),
                ..Meta::default()
            },
            origin: "t.txt".into(),
            encoding: "UTF-8".into(),
            text: TEXT.into(),
            sentences: vec![Span::new(0, 70), Span::new(71, TEXT.len())],
            mentions: vec![
                mention("Xi Jinping", "xi-jinping", "CHN", Some("GOV")),
                mention("Vladimir Putin", "vladimir-putin", "RUS", Some("GOV")),
                mention("China", "chn", "CHN", None),
                mention("United States", "usa", "USA", None),
                mention("Russia", "rus", "RUS", None),
            ],
            learned: Vec::new(),
            events: vec![Event {
                kind: Some("CONSULT".into()),
                mode: None,
                cameo: "040".into(),
                quad: 1,
                goldstein: 1.0,
                source: Some(actor("Xi Jinping", "CHN")),
                target: Some(actor("Vladimir Putin", "RUS")),
                trigger: at("exchanged New Year messages"),
                date: Some("2016-12-31".into()),
                negated: false,
                modality: None,
                confidence: 0.8,
                pattern: None,
                context: vec!["diplomatic".into()],
                reciprocal: false,
            }],
            quotes: vec![Quote {
                content: at("cooperation with Russia had no limits"),
                cue: Some(at("said")),
                speaker: Some(at("China's ambassador to the United States")),
                // What the quote layer may give for such a phrase: the last name in it.
                speaker_entity: Some("usa".into()),
                kind: QuoteKind::Indirect,
                chain: Vec::new(),
                hedged: false,
                cue_class: Default::default(),
            }],
            relations: Vec::new(),
        }
    }

    fn check(s: &Store) {
        let events = s.dyad_events(Some(("RUS", "CHN")), None).unwrap();
        assert_eq!(events.len(), 1);
        let e = &events[0];
        assert_eq!(
            (
                e.source_entity.as_deref(),
                e.target_entity.as_deref(),
                e.sentence_n
            ),
            (Some("xi-jinping"), Some("vladimir-putin"), Some(1))
        );
        assert_eq!(s.dyad_events(Some(("CHN", "USA")), None).unwrap().len(), 0);
        assert_eq!(s.dyad_events(None, None).unwrap().len(), 1);
        assert_eq!(
            s.dyad_events(Some(("xi-jinping", "RUS")), None)
                .unwrap()
                .len(),
            1
        );
        let st = s.statements("CHN", "RUS").unwrap();
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].sentence_n, Some(2));
        assert_eq!(
            st[0].sentence.as_deref(),
            Some("China's ambassador to the United States said cooperation with Russia had no limits.")
        );
        assert_eq!(st[0].about.len(), 1);
        assert_eq!(st[0].about[0].entity.as_deref(), Some("rus"));
        assert!(s.statements("CHN", "USA").unwrap().is_empty());
    }

    #[test]
    fn events_and_statements_carry_entities_speakers_and_what_they_are_about() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[doc()]).unwrap();
        check(&s);
        // A context keeps its own events (named in any case) and nothing else; a database
        // from before contexts were stored has none to match.
        let in_context = |c| s.dyad_events(Some(("CHN", "RUS")), Some(c)).unwrap().len();
        assert_eq!((in_context("Diplomatic"), in_context("military")), (1, 0));
        assert_eq!(s.dyad_events(None, Some("military")).unwrap().len(), 0);
        // The speaker speaks for China, not for the country he is sent to.
        let st = s.statements("CHN", "RUS").unwrap();
        assert_eq!(st[0].speaker_code.as_deref(), Some("CHN"));
    }

    #[test]
    fn a_schema_5_database_is_brought_up_to_date_with_its_rows_filled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            // Written by the dyad of schema 5: the new columns' values are not in the rows.
            let mut s = Store::open_in_memory().unwrap();
            s.insert_batch(&[doc()]).unwrap();
            let c = rusqlite::Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..5] {
                c.execute_batch(sql).unwrap();
            }
            c.pragma_update(None, "user_version", 5).unwrap();
            drop(c);
            s.conn
                .execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()])
                .unwrap();
            s.conn
                .execute_batch(
                    "INSERT INTO old.documents SELECT * FROM main.documents;
                     INSERT INTO old.sentences SELECT doc_id, n, start, end FROM main.sentences;
                     INSERT INTO old.mentions SELECT doc_id, n, start, end, text, kind, entity,
                        code, sector FROM main.mentions;
                     INSERT INTO old.events SELECT doc_id, n, type, mode, cameo, quad, intensity,
                        src_text, src_code, src_sector, tgt_text, tgt_code, tgt_sector, trig_start,
                        trig_end, trigger, date, negated, modality, confidence, pattern, sentence
                        FROM main.events;
                     INSERT INTO old.quotes SELECT doc_id, n, kind, speaker, speaker_entity, cue,
                        content, chain, hedged, start, end FROM main.quotes;
                     DETACH DATABASE old;",
                )
                .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let v: i64 = s
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        check(&s);
    }
}
