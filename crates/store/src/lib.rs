//! Store: the embedded SQLite database of documents and their layers.
//!
//! One file, WAL journal, schema migrations by `PRAGMA user_version`, one transaction per batch
//! (a batch is stored whole or not at all), idempotent inserts keyed by document id, and FTS5
//! full-text search over titles and bodies. Near-duplicate texts (a wire story reprinted by
//! several outlets) are stored once per outlet and share a `text_id`.

use dyad_model::{Event, LearnedActor, Mention, Meta, Quote, Span};
use rusqlite::{params, Connection};
use serde::Serialize;
use std::path::Path;

mod analysis;
mod bands;
pub use analysis::{DyadEvent, Statement, StatementAbout};
mod network;
pub use network::{EntityName, NetworkQuery, QuoteLink, RelationRow, ReportRow};
pub use rusqlite::Error as SqlError;

mod view;
pub use rusqlite::InterruptHandle;
pub use view::{DyadPoint, EventSpan, Layers, MentionSpan, QuoteSpan};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("{path}: not a dyad database ({reason})")]
    NotDyad { path: String, reason: String },
    #[error("{path}: written by a newer dyad (schema {found}, this build knows {known})")]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema, one migration per step; `user_version` counts the steps applied.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    text_id      TEXT NOT NULL,
    url          TEXT,
    outlet       TEXT,
    title        TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',
    published    TEXT,
    language     TEXT,
    origin       TEXT NOT NULL,
    encoding     TEXT,
    ingested_at  TEXT NOT NULL,
    body         TEXT NOT NULL,
    minhash      BLOB NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_text_id ON documents(text_id);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE minhash_bands (
    band   INTEGER NOT NULL,
    key    INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc_id)
) WITHOUT ROWID;
CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n      INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
"#,
    // 2: the mention layer.
    r#"
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n      INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    kind   TEXT NOT NULL,
    entity TEXT,
    code   TEXT,
    sector TEXT,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);
"#,
    // 3: actors learned from descriptions in the text, with their evidence.
    r#"
CREATE TABLE learned_actors (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    entity      TEXT NOT NULL,
    name        TEXT NOT NULL,
    code        TEXT,
    sector      TEXT,
    affiliation TEXT,
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE INDEX learned_actors_name ON learned_actors(name);
"#,
    // 4: the event layer, with the evidence of each event.
    r#"
CREATE TABLE events (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    type        TEXT,
    mode        TEXT,
    cameo       TEXT NOT NULL,
    quad        INTEGER NOT NULL,
    intensity   REAL NOT NULL,
    src_text    TEXT,
    src_code    TEXT,
    src_sector  TEXT,
    tgt_text    TEXT,
    tgt_code    TEXT,
    tgt_sector  TEXT,
    trig_start  INTEGER NOT NULL,
    trig_end    INTEGER NOT NULL,
    trigger     TEXT NOT NULL,
    date        TEXT,
    negated     INTEGER NOT NULL,
    modality    TEXT,
    confidence  REAL NOT NULL,
    pattern     TEXT,
    sentence    TEXT NOT NULL,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE INDEX events_dyad ON events(src_code, tgt_code, date);
CREATE INDEX events_type ON events(type, date);
"#,
    // 5: the quote layer: who said what, through whom.
    r#"
CREATE TABLE quotes (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n              INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    speaker        TEXT,
    speaker_entity TEXT,
    cue            TEXT,
    content        TEXT NOT NULL,
    chain          TEXT,
    hedged         INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
"#,
    // 6: what the analyses of recurring interactions and stances need: the entity of each
    // event's actors and the sentence it is in, the code of each quote's speaker, and the
    // actors each quote talks about. Rows stored before are filled from what they kept.
    r#"
ALTER TABLE events ADD COLUMN src_entity TEXT;
ALTER TABLE events ADD COLUMN tgt_entity TEXT;
ALTER TABLE events ADD COLUMN sentence_n INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_code TEXT;
ALTER TABLE quotes ADD COLUMN speaker_sector TEXT;
CREATE TABLE quote_about (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    quote_n INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    text    TEXT NOT NULL,
    entity  TEXT,
    code    TEXT,
    sector  TEXT,
    PRIMARY KEY (doc_id, quote_n, n)
) WITHOUT ROWID;
CREATE INDEX quote_about_entity ON quote_about(entity);
CREATE INDEX quote_about_code ON quote_about(code);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);
UPDATE events SET sentence_n = (
    SELECT s.n FROM sentences s
    WHERE s.doc_id = events.doc_id AND s.start <= events.trig_start AND events.trig_end <= s.end);
UPDATE events SET src_entity = (
    SELECT m.entity FROM mentions m
    WHERE m.doc_id = events.doc_id AND m.text = events.src_text AND m.entity IS NOT NULL
    ORDER BY abs(m.start - events.trig_start) LIMIT 1)
WHERE src_text IS NOT NULL;
UPDATE events SET tgt_entity = (
    SELECT m.entity FROM mentions m
    WHERE m.doc_id = events.doc_id AND m.text = events.tgt_text AND m.entity IS NOT NULL
    ORDER BY abs(m.start - events.trig_start) LIMIT 1)
WHERE tgt_text IS NOT NULL;
UPDATE quotes SET (speaker_code, speaker_sector) = (
    SELECT m.code, m.sector FROM mentions m
    WHERE m.doc_id = quotes.doc_id AND m.code IS NOT NULL AND instr(quotes.speaker, m.text) > 0
      AND instr(quotes.speaker, 'to ' || m.text) = 0
      AND instr(quotes.speaker, 'to the ' || m.text) = 0
    ORDER BY m.text = quotes.speaker DESC, instr(quotes.speaker, m.text), abs(m.start - quotes.start)
    LIMIT 1)
WHERE speaker IS NOT NULL;
UPDATE quotes SET (speaker_code, speaker_sector) = (
    SELECT m.code, m.sector FROM mentions m
    WHERE m.doc_id = quotes.doc_id AND m.entity = quotes.speaker_entity AND m.code IS NOT NULL
    LIMIT 1)
WHERE speaker_code IS NULL AND speaker_entity IS NOT NULL;
INSERT INTO quote_about (doc_id, quote_n, n, text, entity, code, sector)
    SELECT q.doc_id, q.n, row_number() OVER (PARTITION BY q.doc_id, q.n ORDER BY m.start) - 1,
           m.text, m.entity, m.code, m.sector
    FROM quotes q JOIN mentions m
      ON m.doc_id = q.doc_id AND m.start >= q.start AND m.end <= q.end;
"#,
    // 7: relations between actors stated in the text, with their evidence.
    network::MIGRATION,
    // 8: the layers keyed by the document's rowid (its insertion order) instead of its hash id.
    LAYERS_BY_ROWID,
    // 9: the band index in two levels, keyed by integers.
    bands::MIGRATION,
    // 10: fewer index entries at random places, each a page read and written per document
    // once the index outgrows the page cache (see `APPEND_MOSTLY`).
    APPEND_MOSTLY,
    // 11: each quote's cue class: `speech` ("said") or `stance` ("believes", "plans to").
    QUOTE_CUE_CLASS,
    // 12: each event's PLOVER contexts, comma-separated ("military,economic"), and whether it
    // is reciprocal ("held talks").
    EVENT_CONTEXT,
];

/// Migration 12: events stored before it had no contexts and were not marked reciprocal.
const EVENT_CONTEXT: &str = "ALTER TABLE events ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN reciprocal INTEGER NOT NULL DEFAULT 0;";

/// Migration 11: quotes stored before it were all reports of speech.
const QUOTE_CUE_CLASS: &str =
    "ALTER TABLE quotes ADD COLUMN cue_class TEXT NOT NULL DEFAULT 'speech';";

/// Migration 8: each per-document layer table is rebuilt with a leading `doc` column, the
/// document's rowid, and keyed by it. A new document's layer rows then go at the end of each
/// table instead of at a random leaf of a large B-tree (its id is a hash), so a big store is not
/// read back page by page to insert into it. `doc_id` stays, for output, without an index.
///
/// SQLite allows no foreign key on an unaliased rowid: deleting a document deletes its layers
/// through a trigger instead (dyad itself never deletes). Layer rows whose document is gone
/// (deleted with foreign keys off) cannot be shown by any query and are not carried over.
const LAYERS_BY_ROWID: &str = r#"
CREATE TABLE sentences_new (
    doc    INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    n      INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO sentences_new (doc, doc_id, n, start, end)
    SELECT d.rowid, x.doc_id, x.n, x.start, x.end
    FROM sentences x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE sentences;
ALTER TABLE sentences_new RENAME TO sentences;

CREATE TABLE mentions_new (
    doc    INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    n      INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    kind   TEXT NOT NULL,
    entity TEXT,
    code   TEXT,
    sector TEXT,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO mentions_new (doc, doc_id, n, start, end, text, kind, entity, code, sector)
    SELECT d.rowid, x.doc_id, x.n, x.start, x.end, x.text, x.kind, x.entity, x.code, x.sector
    FROM mentions x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE learned_actors_new (
    doc         INTEGER NOT NULL,
    doc_id      TEXT NOT NULL,
    n           INTEGER NOT NULL,
    entity      TEXT NOT NULL,
    name        TEXT NOT NULL,
    code        TEXT,
    sector      TEXT,
    affiliation TEXT,
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO learned_actors_new (doc, doc_id, n, entity, name, code, sector, affiliation,
                                ev_start, ev_end, evidence)
    SELECT d.rowid, x.doc_id, x.n, x.entity, x.name, x.code, x.sector, x.affiliation,
           x.ev_start, x.ev_end, x.evidence
    FROM learned_actors x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE learned_actors;
ALTER TABLE learned_actors_new RENAME TO learned_actors;
CREATE INDEX learned_actors_name ON learned_actors(name);

CREATE TABLE events_new (
    doc         INTEGER NOT NULL,
    doc_id      TEXT NOT NULL,
    n           INTEGER NOT NULL,
    type        TEXT,
    mode        TEXT,
    cameo       TEXT NOT NULL,
    quad        INTEGER NOT NULL,
    intensity   REAL NOT NULL,
    src_text    TEXT,
    src_code    TEXT,
    src_sector  TEXT,
    tgt_text    TEXT,
    tgt_code    TEXT,
    tgt_sector  TEXT,
    trig_start  INTEGER NOT NULL,
    trig_end    INTEGER NOT NULL,
    trigger     TEXT NOT NULL,
    date        TEXT,
    negated     INTEGER NOT NULL,
    modality    TEXT,
    confidence  REAL NOT NULL,
    pattern     TEXT,
    sentence    TEXT NOT NULL,
    src_entity  TEXT,
    tgt_entity  TEXT,
    sentence_n  INTEGER,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO events_new (doc, doc_id, n, type, mode, cameo, quad, intensity, src_text, src_code,
                        src_sector, tgt_text, tgt_code, tgt_sector, trig_start, trig_end, trigger,
                        date, negated, modality, confidence, pattern, sentence, src_entity,
                        tgt_entity, sentence_n)
    SELECT d.rowid, x.doc_id, x.n, x.type, x.mode, x.cameo, x.quad, x.intensity, x.src_text,
           x.src_code, x.src_sector, x.tgt_text, x.tgt_code, x.tgt_sector, x.trig_start,
           x.trig_end, x.trigger, x.date, x.negated, x.modality, x.confidence, x.pattern,
           x.sentence, x.src_entity, x.tgt_entity, x.sentence_n
    FROM events x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_dyad ON events(src_code, tgt_code, date);
CREATE INDEX events_type ON events(type, date);

CREATE TABLE quotes_new (
    doc            INTEGER NOT NULL,
    doc_id         TEXT NOT NULL,
    n              INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    speaker        TEXT,
    speaker_entity TEXT,
    cue            TEXT,
    content        TEXT NOT NULL,
    chain          TEXT,
    hedged         INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    speaker_code   TEXT,
    speaker_sector TEXT,
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO quotes_new (doc, doc_id, n, kind, speaker, speaker_entity, cue, content, chain,
                        hedged, start, end, speaker_code, speaker_sector)
    SELECT d.rowid, x.doc_id, x.n, x.kind, x.speaker, x.speaker_entity, x.cue, x.content,
           x.chain, x.hedged, x.start, x.end, x.speaker_code, x.speaker_sector
    FROM quotes x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE quotes;
ALTER TABLE quotes_new RENAME TO quotes;
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_speaker_code ON quotes(speaker_code);

CREATE TABLE quote_about_new (
    doc     INTEGER NOT NULL,
    doc_id  TEXT NOT NULL,
    quote_n INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    text    TEXT NOT NULL,
    entity  TEXT,
    code    TEXT,
    sector  TEXT,
    PRIMARY KEY (doc, quote_n, n)
) WITHOUT ROWID;
INSERT INTO quote_about_new (doc, doc_id, quote_n, n, text, entity, code, sector)
    SELECT d.rowid, x.doc_id, x.quote_n, x.n, x.text, x.entity, x.code, x.sector
    FROM quote_about x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.quote_n, x.n;
DROP TABLE quote_about;
ALTER TABLE quote_about_new RENAME TO quote_about;
CREATE INDEX quote_about_entity ON quote_about(entity);
CREATE INDEX quote_about_code ON quote_about(code);

CREATE TABLE relations_new (
    doc        INTEGER NOT NULL,
    doc_id     TEXT NOT NULL,
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
    PRIMARY KEY (doc, n)
) WITHOUT ROWID;
INSERT INTO relations_new (doc, doc_id, n, kind, src_text, src_entity, tgt_text, tgt_entity,
                           cue, cue_start, cue_end, sentence)
    SELECT d.rowid, x.doc_id, x.n, x.kind, x.src_text, x.src_entity, x.tgt_text, x.tgt_entity,
           x.cue, x.cue_start, x.cue_end, x.sentence
    FROM relations x JOIN documents d ON d.id = x.doc_id ORDER BY d.rowid, x.n;
DROP TABLE relations;
ALTER TABLE relations_new RENAME TO relations;
CREATE INDEX relations_src ON relations(src_entity);
CREATE INDEX relations_tgt ON relations(tgt_entity);

CREATE TRIGGER documents_layers_ad AFTER DELETE ON documents BEGIN
    DELETE FROM sentences WHERE doc = old.rowid;
    DELETE FROM mentions WHERE doc = old.rowid;
    DELETE FROM learned_actors WHERE doc = old.rowid;
    DELETE FROM events WHERE doc = old.rowid;
    DELETE FROM quotes WHERE doc = old.rowid;
    DELETE FROM quote_about WHERE doc = old.rowid;
    DELETE FROM relations WHERE doc = old.rowid;
END;
"#;

/// Migration 10. The event indexes lose the event date: no query reads a range of it (dates are
/// filtered and sorted as `coalesce(date, published)`), and within a dyad or a type a new entry
/// then goes after the last (in rowid order) instead of at a random date. The content hash is
/// no longer indexed: an exact copy has the same MinHash signature, so the band index finds it
/// (sharing all 16 bands, it is the first candidate). The text id is indexed only for copies
/// (`text_id != id`): the first document of a text is found by its id.
const APPEND_MOSTLY: &str = r#"
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(src_code, tgt_code);
DROP INDEX events_type;
CREATE INDEX events_type ON events(type);
DROP INDEX documents_content_hash;
DROP INDEX documents_text_id;
CREATE INDEX documents_copies ON documents(text_id) WHERE text_id != id;
"#;

/// A processed document, ready to store.
#[derive(Debug, Clone)]
pub struct NewDoc {
    pub id: String,
    pub content_hash: String,
    pub minhash: [u32; dyad_ingest::fingerprint::SIGNATURE_LEN],
    pub meta: Meta,
    pub origin: String,
    pub encoding: String,
    pub text: String,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub learned: Vec<LearnedActor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub relations: Vec<dyad_model::Relation>,
}

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// Documents newly stored.
    pub inserted: usize,
    /// Documents already in the store (same id), left as they were.
    pub already_stored: usize,
    /// Newly stored documents whose text was already known (exactly or nearly) from another
    /// document.
    pub near_duplicates: usize,
}

/// A stored document with its metadata.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDoc {
    pub id: String,
    pub text_id: String,
    pub content_hash: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub origin: String,
    pub encoding: Option<String>,
    pub ingested_at: String,
    pub body: String,
    pub sentences: Vec<Span>,
    /// Other documents with the same or nearly the same text.
    pub same_text: Vec<String>,
    /// The actors the document names: entity (or the text, for names without one), type,
    /// code and sector, and how often.
    pub actors: Vec<DocActor>,
}

/// An actor as one document names it.
#[derive(Debug, Clone, Serialize)]
pub struct DocActor {
    pub name: String,
    pub kind: String,
    pub code: Option<String>,
    pub sector: Option<String>,
    pub mentions: u64,
}

/// One full-text search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
}

/// Counts over the store.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub distinct_texts: u64,
    pub outlets: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub events: u64,
    pub quotes: u64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub languages: Vec<(String, u64)>,
    pub top_outlets: Vec<(String, u64)>,
}

/// An actor as the stored mentions show it.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    pub entity: String,
    /// The most frequent mention type.
    pub kind: String,
    /// The most frequent code and sector among its mentions.
    pub code: Option<String>,
    pub sector: Option<String>,
    pub mentions: u64,
    pub documents: u64,
    /// The most frequent surface form.
    pub example: String,
    /// The publication dates of the first and last documents naming it (`YYYY-MM-DD`).
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Up to five of those documents, most recent first.
    pub document_ids: Vec<String>,
}

/// The schema version of a database, refused when a newer dyad wrote it.
fn schema_version(conn: &Connection, shown: &str) -> Result<i64> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::NotDyad {
            path: shown.to_string(),
            reason: e.to_string(),
        })?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: shown.to_string(),
            found: version,
            known,
        });
    }
    Ok(version)
}

/// At most this many stored texts are compared with a new one for near-duplication: those
/// sharing the most LSH bands with it.
const NEAR_DUPLICATE_CANDIDATES: usize = 24;

/// The events an outlet reports as having happened: not negated, not hypothetical (claims
/// stay: they are reported, with their speaker). One condition for every query that leaves
/// the others out.
pub(crate) const ASSERTED_EVENT: &str =
    "e.negated = 0 AND (e.modality IS NULL OR e.modality = 'claimed')";

/// The WHERE clause of a listing query, built from optional filters.
#[derive(Default)]
pub(crate) struct Where {
    conds: Vec<String>,
    args: Vec<String>,
}

impl Where {
    /// Adds `cond` when the filter is given; the value fills its `uses` placeholders.
    fn filter(&mut self, cond: &str, value: &Option<String>, uses: usize) {
        if let Some(v) = value {
            self.conds.push(cond.to_string());
            self.args.extend(std::iter::repeat_n(v.clone(), uses));
        }
    }

    /// An actor code prefix ("CHN", "CHNGOV") on a code column and its sector column. With
    /// three letters or more, the country code is compared first, so that the dyad index
    /// serves it.
    pub(crate) fn code_prefix(&mut self, code: &str, sector: &str, value: &Option<String>) {
        let full = format!("({code} || coalesce({sector}, '')) LIKE upper(?) || '%'");
        match value {
            Some(v) if v.len() >= 3 => self.filter(
                &format!("{code} = substr(upper(?), 1, 3) AND {full}"),
                value,
                2,
            ),
            _ => self.filter(&full, value, 1),
        }
    }

    /// Dates (`YYYY-MM-DD` text) of `expr` from / to; an upper bound of "2023" means to the
    /// end of 2023.
    fn dates(&mut self, expr: &str, from: &Option<String>, to: &Option<String>) {
        self.filter(&format!("{expr} >= ?"), from, 1);
        self.filter(&format!("substr({expr}, 1, length(?)) <= ?"), to, 2);
    }

    /// A PLOVER context (whole name, any case) among the comma-separated ones of `col`.
    pub(crate) fn context(&mut self, col: &str, value: &Option<String>) {
        self.filter(&context_match(col, "?"), value, 1);
    }

    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        }
    }
}

/// The SQL condition that the PLOVER context bound to `param` (whole name, any case) is
/// among the comma-separated ones of column `col`.
pub(crate) fn context_match(col: &str, param: &str) -> String {
    format!("(',' || {col} || ',') LIKE ('%,' || lower({param}) || ',%')")
}

/// Which quotes to list: every filter is optional.
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    /// Speaker: an entity id or words of the speaker's name ("wang-yi", "Wang Yi").
    pub speaker: Option<String>,
    /// Words the quote's content contains ("Russia").
    pub about: Option<String>,
    /// Publication dates from / to (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
    /// Also list stance attributions (what someone believes, wants, plans or backs); by
    /// default only reports of speech.
    pub stance: bool,
}

/// A stored quote with where it was published.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    pub cue: Option<String>,
    pub content: String,
    /// The chain of sources, innermost first, as JSON (`[{"text": ..., "anonymous": ...}]`).
    pub chain: Option<serde_json::Value>,
    pub hedged: bool,
    /// `speech` or `stance`.
    pub cue_class: String,
}

/// Which events to list: every filter is optional.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Source country or code prefix ("CHN", "CHNGOV").
    pub source: Option<String>,
    pub target: Option<String>,
    /// PLOVER type.
    pub kind: Option<String>,
    /// Event dates from / to (`YYYY-MM-DD`, compared as text, so `2023` covers the year).
    pub from: Option<String>,
    pub to: Option<String>,
    /// PLOVER context ("military").
    pub context: Option<String>,
    /// Include negated and hypothetical events.
    pub all: bool,
    pub limit: usize,
}

/// A stored event with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub doc_id: String,
    /// The event's number in its document (with `doc_id`, its identity).
    pub n: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub mode: Option<String>,
    pub cameo: String,
    pub quad: u8,
    pub intensity: f64,
    pub source: Option<String>,
    pub source_code: Option<String>,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub trigger: String,
    pub date: Option<String>,
    pub negated: bool,
    pub modality: Option<String>,
    pub confidence: f64,
    pub pattern: Option<String>,
    pub sentence: String,
    /// PLOVER contexts ("military", "economic").
    pub context: Vec<String>,
    /// Reciprocal: PLOVER counts source and target both as its actors.
    pub reciprocal: bool,
}

/// The contexts stored comma-separated.
pub(crate) fn split_context(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// An actor learned from the texts, as the stored descriptions show it.
#[derive(Debug, Clone, Serialize)]
pub struct LearnedRow {
    /// The name as written (the same name in several documents is taken as one actor).
    pub name: String,
    /// The most frequent code, sector and affiliation among its descriptions.
    pub code: Option<String>,
    pub sector: Option<String>,
    pub affiliation: Option<String>,
    pub documents: u64,
    /// One description and the document it is in.
    pub evidence: String,
    pub doc_id: String,
}

/// A member of a same-text group: document id and outlet.
pub type GroupMember = (String, Option<String>);

/// A [`Hit`] from the columns id, title, outlet, published, snippet.
fn hit_from_row(r: &rusqlite::Row) -> rusqlite::Result<Hit> {
    Ok(Hit {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        published: r.get(3)?,
        snippet: r.get(4)?,
    })
}

pub struct Store {
    conn: Connection,
    /// The pending level of the band index, as last read or written (see `bands`).
    pending: Option<bands::Pending>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        let shown = path.display().to_string();
        Self::setup(conn, &shown)
    }

    /// A private in-memory store (tests, the demo's scratch runs).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(conn: Connection, shown: &str) -> Result<Store> {
        let not_dyad = |e: rusqlite::Error| StoreError::NotDyad {
            path: shown.to_string(),
            reason: e.to_string(),
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer, and a crash mid-batch leaves the last committed
        // batch intact.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_dyad)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 64 MB of page cache instead of SQLite's 2 MB: once a store holds a few hundred
        // thousand documents its indexes outgrow 2 MB and every insert goes to the OS for pages.
        // Pages are taken as used, so small stores stay small.
        conn.pragma_update(None, "cache_size", -65536)?;
        // Checkpoint every 64 MB of WAL rather than 4 MB: pages written again and again (the
        // upper levels of the indexes) go to the database file less often, with fewer fsyncs.
        conn.pragma_update(None, "wal_autocheckpoint", 16384)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version = schema_version(&conn, shown)?;
        if version == 0 {
            // A database that has tables but no version is someone else's.
            let tables: i64 =
                conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                return Err(StoreError::NotDyad {
                    path: shown.to_string(),
                    reason: "it has tables but no dyad schema version".into(),
                });
            }
        }
        let mut store = Store {
            conn,
            pending: None,
        };
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = store.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(store)
    }

    /// Stores a batch in one transaction. Documents already stored are left untouched, so
    /// running the same input twice changes nothing.
    pub fn insert_batch(&mut self, docs: &[NewDoc]) -> Result<BatchReport> {
        let report = self.try_insert_batch(docs);
        if report.is_err() {
            // The memory copy of the pending band keys may hold this batch's: read it again.
            self.pending = None;
        }
        report
    }

    fn try_insert_batch(&mut self, docs: &[NewDoc]) -> Result<BatchReport> {
        use dyad_ingest::fingerprint::{signature_from_bytes, similarity, NEAR_DUPLICATE};
        let mut report = BatchReport::default();
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let tx = self.conn.transaction()?;
        let mut index = bands::Pending::begin(&mut self.pending, &tx)?;
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO documents (id, content_hash, text_id, url, outlet, title, authors, published,
                 language, origin, encoding, ingested_at, body, minhash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?;
            let mut insert_sentence = tx.prepare_cached(
                "INSERT INTO sentences (doc, doc_id, n, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut insert_mention = tx.prepare_cached(
                "INSERT INTO mentions (doc, doc_id, n, start, end, text, kind, entity, code, sector)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut insert_learned = tx.prepare_cached(
                "INSERT INTO learned_actors (doc, doc_id, n, entity, name, code, sector, affiliation,
                 ev_start, ev_end, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut insert_event = tx.prepare_cached(
                "INSERT INTO events (doc, doc_id, n, type, mode, cameo, quad, intensity, src_text,
                 src_code, src_sector, tgt_text, tgt_code, tgt_sector, trig_start, trig_end,
                 trigger, date, negated, modality, confidence, pattern, sentence, src_entity,
                 tgt_entity, sentence_n, context, reciprocal)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
            )?;
            let mut insert_quote = tx.prepare_cached(
                "INSERT INTO quotes (doc, doc_id, n, kind, speaker, speaker_entity, cue, content, chain,
                 hedged, start, end, speaker_code, speaker_sector, cue_class)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?;
            let mut insert_about = tx.prepare_cached(
                "INSERT INTO quote_about (doc, doc_id, quote_n, n, text, entity, code, sector)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for d in docs {
                if exists.exists([&d.id])? {
                    report.already_stored += 1;
                    continue;
                }
                let keys = bands::stored_keys(&d.minhash);
                // Only the few stored texts most likely to be the same or nearly the same are
                // fetched and compared (an exact copy shares all 16 bands and comes first), so
                // the cost per document stays flat when many stored texts look alike.
                let mut best: (f64, Option<String>) = (NEAR_DUPLICATE, None);
                for doc in index.candidates(&tx, &keys, NEAR_DUPLICATE_CANDIDATES)? {
                    let Some((tid, blob)) = bands::signature(&tx, doc)? else {
                        continue;
                    };
                    let Some(sig) = signature_from_bytes(&blob) else {
                        continue;
                    };
                    let s = similarity(&d.minhash, &sig);
                    if s > best.0 || (s == best.0 && best.1.is_none()) {
                        best = (s, Some(tid));
                        if s >= 1.0 {
                            break;
                        }
                    }
                }
                let text_id = best.1;
                if text_id.is_some() {
                    report.near_duplicates += 1;
                }
                let text_id = text_id.unwrap_or_else(|| d.id.clone());
                let m = &d.meta;
                insert.execute(params![
                    d.id,
                    d.content_hash,
                    text_id,
                    m.url,
                    m.outlet,
                    m.title,
                    serde_json::to_string(&m.authors).unwrap_or_else(|_| "[]".into()),
                    m.published,
                    m.language,
                    d.origin,
                    d.encoding,
                    now,
                    d.text,
                    dyad_ingest::fingerprint::signature_to_bytes(&d.minhash),
                ])?;
                // The layers are keyed by the document's rowid: its rows go at the end.
                let doc = tx.last_insert_rowid();
                index.add(&tx, doc, &keys)?;
                for (n, s) in d.sentences.iter().enumerate() {
                    insert_sentence.execute(params![
                        doc,
                        d.id,
                        n as i64,
                        s.start as i64,
                        s.end as i64
                    ])?;
                }
                for (n, m) in d.mentions.iter().enumerate() {
                    let actor = m.actor.as_ref();
                    insert_mention.execute(params![
                        doc,
                        d.id,
                        n as i64,
                        m.span.start as i64,
                        m.span.end as i64,
                        d.text.get(m.span.start..m.span.end).unwrap_or(""),
                        m.kind,
                        m.entity,
                        actor.and_then(|a| a.code.as_deref()),
                        actor.and_then(|a| a.sector.as_deref()),
                    ])?;
                }
                let slice = |s: Span| d.text.get(s.start..s.end).unwrap_or("");
                // Mentions by start, so that those inside a span are found by binary search
                // (a long text has many mentions and many events and quotes).
                let mut by_start: Vec<&Mention> = d.mentions.iter().collect();
                by_start.sort_by_key(|m| m.span.start);
                let within = |span: Span| {
                    let first = by_start.partition_point(|m| m.span.start < span.start);
                    by_start[first..]
                        .iter()
                        .copied()
                        .take_while(move |m| m.span.start < span.end)
                        .filter(move |m| m.span.end <= span.end)
                };
                // The mention that names an actor: the one at its span, else the last one
                // inside it ("China's foreign ministry" ends with the agent).
                let mention_in = |span: Span| {
                    within(span).max_by_key(|m| (m.span == span, m.actor.is_some(), m.span.start))
                };
                // The actor a speaker phrase names: the mention that is the whole phrase, else
                // the first one that is not where the speaker is sent ("China's ambassador to
                // the United States" speaks for China).
                let actor_of_speaker = |span: Span| {
                    let inside = within(span).filter(|m| m.actor.is_some());
                    let sent_to = |m: &&Mention| {
                        let before = d.text.get(span.start..m.span.start).unwrap_or("");
                        let before = before.trim_end();
                        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
                        ["to", "towards", "toward", "against", "with"]
                            .iter()
                            .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
                    };
                    inside
                        .clone()
                        .find(|m| m.span == span)
                        .or_else(|| inside.clone().find(|m| !sent_to(m)))
                        .or_else(|| inside.clone().next())
                        .and_then(|m| m.actor.as_ref())
                };
                for (n, q) in d.quotes.iter().enumerate() {
                    let speaker_actor = q.speaker.and_then(actor_of_speaker);
                    let chain: Vec<serde_json::Value> = q
                        .chain
                        .iter()
                        .map(|c| serde_json::json!({"text": slice(c.span), "anonymous": c.anonymous}))
                        .collect();
                    insert_quote.execute(params![
                        doc,
                        d.id,
                        n as i64,
                        match q.kind {
                            dyad_model::QuoteKind::Direct => "direct",
                            dyad_model::QuoteKind::Indirect => "indirect",
                            dyad_model::QuoteKind::Mixed => "mixed",
                        },
                        q.speaker.map(slice),
                        q.speaker_entity,
                        q.cue.map(slice),
                        slice(q.content),
                        (!chain.is_empty()).then(|| serde_json::Value::from(chain).to_string()),
                        q.hedged,
                        q.content.start as i64,
                        q.content.end as i64,
                        speaker_actor.and_then(|a| a.code.as_deref()),
                        speaker_actor.and_then(|a| a.sector.as_deref()),
                        q.cue_class.as_str(),
                    ])?;
                    let about = within(q.content);
                    for (k, m) in about.enumerate() {
                        let actor = m.actor.as_ref();
                        insert_about.execute(params![
                            doc,
                            d.id,
                            n as i64,
                            k as i64,
                            slice(m.span),
                            m.entity,
                            actor.and_then(|a| a.code.as_deref()),
                            actor.and_then(|a| a.sector.as_deref()),
                        ])?;
                    }
                }
                for (n, e) in d.events.iter().enumerate() {
                    let actor = |a: &Option<dyad_model::EventActor>| {
                        a.as_ref()
                            .map(|a| (slice(a.span).to_string(), a.code.clone(), a.sector.clone()))
                    };
                    let (src, tgt) = (actor(&e.source), actor(&e.target));
                    // Sentences are in order: the last one starting at or before the trigger.
                    let sentence_n = d
                        .sentences
                        .partition_point(|s| s.start <= e.trigger.start)
                        .checked_sub(1)
                        .filter(|&i| e.trigger.end <= d.sentences[i].end);
                    let sentence = sentence_n.map_or("", |i| slice(d.sentences[i]));
                    let entity = |a: &Option<dyad_model::EventActor>| {
                        a.as_ref()
                            .and_then(|a| mention_in(a.span))
                            .and_then(|m| m.entity.clone())
                    };
                    insert_event.execute(params![
                        doc,
                        d.id,
                        n as i64,
                        e.kind,
                        e.mode,
                        e.cameo,
                        e.quad as i64,
                        e.goldstein as f64,
                        src.as_ref().map(|a| a.0.clone()),
                        src.as_ref().and_then(|a| a.1.clone()),
                        src.as_ref().and_then(|a| a.2.clone()),
                        tgt.as_ref().map(|a| a.0.clone()),
                        tgt.as_ref().and_then(|a| a.1.clone()),
                        tgt.as_ref().and_then(|a| a.2.clone()),
                        e.trigger.start as i64,
                        e.trigger.end as i64,
                        slice(e.trigger),
                        e.date,
                        e.negated,
                        e.modality,
                        e.confidence as f64,
                        e.pattern,
                        sentence,
                        entity(&e.source),
                        entity(&e.target),
                        sentence_n.map(|i| i as i64),
                        e.context.join(","),
                        e.reciprocal,
                    ])?;
                }
                for (n, l) in d.learned.iter().enumerate() {
                    insert_learned.execute(params![
                        doc,
                        d.id,
                        n as i64,
                        l.entity,
                        slice(l.name),
                        l.actor.code,
                        l.actor.sector,
                        l.affiliation,
                        l.evidence.start as i64,
                        l.evidence.end as i64,
                        slice(l.evidence),
                    ])?;
                }
                network::insert_relations(&tx, doc, d)?;
                report.inserted += 1;
            }
        }
        index.finish(&tx)?;
        tx.commit()?;
        Ok(report)
    }

    /// A document by id, or by a unique prefix of at least 4 characters.
    pub fn get(&self, id: &str) -> Result<Option<StoredDoc>> {
        let id = id.trim();
        if id.len() < 4 {
            return Ok(None);
        }
        let pattern = format!("{}%", id.replace(['%', '_'], ""));
        let ids: Vec<String> = self
            .conn
            .prepare("SELECT id FROM documents WHERE id LIKE ?1 LIMIT 2")?
            .query_map([&pattern], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let [full] = ids.as_slice() else {
            return Ok(None);
        };
        let mut doc = self.conn.query_row(
            "SELECT id, text_id, content_hash, url, outlet, title, authors, published, language,
                    origin, encoding, ingested_at, body FROM documents WHERE id = ?1",
            [full],
            |r| {
                let authors: String = r.get(6)?;
                Ok(StoredDoc {
                    id: r.get(0)?,
                    text_id: r.get(1)?,
                    content_hash: r.get(2)?,
                    url: r.get(3)?,
                    outlet: r.get(4)?,
                    title: r.get(5)?,
                    authors: serde_json::from_str(&authors).unwrap_or_default(),
                    published: r.get(7)?,
                    language: r.get(8)?,
                    origin: r.get(9)?,
                    encoding: r.get(10)?,
                    ingested_at: r.get(11)?,
                    body: r.get(12)?,
                    sentences: Vec::new(),
                    same_text: Vec::new(),
                    actors: Vec::new(),
                })
            },
        )?;
        doc.sentences = self
            .conn
            .prepare(
                "SELECT start, end FROM sentences
                 WHERE doc = (SELECT rowid FROM documents WHERE id = ?1) ORDER BY n",
            )?
            .query_map([full], |r| {
                Ok(Span::new(
                    r.get::<_, i64>(0)? as usize,
                    r.get::<_, i64>(1)? as usize,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        doc.same_text = self
            .conn
            .prepare(
                // Copies through the partial index, the first document by its id.
                "SELECT id FROM documents WHERE id != ?2 AND rowid IN (
                     SELECT rowid FROM documents WHERE text_id = ?1 AND text_id != id
                     UNION SELECT rowid FROM documents WHERE id = ?1)
                 ORDER BY rowid",
            )?
            .query_map([&doc.text_id, full], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        doc.actors = self
            .conn
            .prepare(
                "SELECT coalesce(entity, text), min(kind), code, sector, count(*) FROM mentions
                 WHERE doc = (SELECT rowid FROM documents WHERE id = ?1) AND kind != 'NORP'
                 GROUP BY coalesce(entity, text), code, sector
                 ORDER BY count(*) DESC, min(start)",
            )?
            .query_map([full], |r| {
                Ok(DocActor {
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    code: r.get(2)?,
                    sector: r.get(3)?,
                    mentions: r.get::<_, i64>(4)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(doc))
    }

    /// Full-text search over titles and bodies, best matches first. Words are all required;
    /// `"quoted words"` must appear together; `OR`, `NOT` and `prefix*` work as in FTS5.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let run = |q: &str| -> rusqlite::Result<Vec<Hit>> {
            self.conn
                .prepare(
                    "SELECT d.id, d.title, d.outlet, d.published,
                            snippet(documents_fts, 1, '[', ']', '…', 16)
                     FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
                     WHERE documents_fts MATCH ?1 ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ?2",
                )?
                .query_map(params![q, limit as i64], hit_from_row)?
                .collect()
        };
        match run(query) {
            Ok(h) => Ok(h),
            // Not valid FTS5 syntax (a stray quote or colon): search the words as plain terms.
            Err(_) => {
                let plain: Vec<String> = query
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| format!("\"{w}\""))
                    .collect();
                if plain.is_empty() {
                    return Ok(Vec::new());
                }
                Ok(run(&plain.join(" "))?)
            }
        }
    }

    pub fn stats(&self) -> Result<Stats> {
        let c = &self.conn;
        let one = |sql: &str| -> rusqlite::Result<u64> {
            c.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|v| v as u64)
        };
        let pairs = |sql: &str| -> rusqlite::Result<Vec<(String, u64)>> {
            c.prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
                .collect()
        };
        let (first, last) = c.query_row(
            "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            documents: one("SELECT count(*) FROM documents")?,
            // Each text's first document has its own id as text id; copies are indexed.
            distinct_texts: one(
                "SELECT (SELECT count(*) FROM documents)
                        - (SELECT count(*) FROM documents WHERE text_id != id)",
            )?,
            outlets: one("SELECT count(DISTINCT outlet) FROM documents")?,
            sentences: one("SELECT count(*) FROM sentences")?,
            mentions: one("SELECT count(*) FROM mentions")?,
            events: one("SELECT count(*) FROM events")?,
            quotes: one("SELECT count(*) FROM quotes")?,
            first_published: first,
            last_published: last,
            languages: pairs(
                "SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
            )?,
            top_outlets: pairs(
                "SELECT coalesce(outlet, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
            )?,
        })
    }

    /// Documents in order of publication (undated last): id, date, outlet and title, as search
    /// hits without a snippet.
    pub fn list(&self, limit: usize) -> Result<Vec<Hit>> {
        let rows = self
            .conn
            .prepare(
                "SELECT id, title, outlet, published, '' FROM documents
                 ORDER BY published IS NULL, published, rowid LIMIT ?1",
            )?
            .query_map([limit as i64], hit_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Knowledge-base entities by number of mentions (document-local ids, `local:...`, name
    /// different people in different documents and are left out).
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorRow>> {
        let mode = |col: &str| {
            format!(
                "(SELECT {col} FROM mentions m2 WHERE m2.entity = m.entity
                  GROUP BY {col} ORDER BY count(*) DESC, {col} LIMIT 1)"
            )
        };
        let sql = format!(
            "SELECT m.entity, {}, {}, {}, count(*), count(DISTINCT m.doc), {},
                    min(substr(d.published, 1, 10)), max(substr(d.published, 1, 10))
             FROM mentions m JOIN documents d ON d.rowid = m.doc
             WHERE m.entity IS NOT NULL AND m.entity NOT LIKE 'local:%'
             GROUP BY m.entity ORDER BY count(*) DESC, m.entity LIMIT ?1",
            mode("kind"),
            mode("code"),
            mode("sector"),
            mode("text")
        );
        let mut rows: Vec<ActorRow> = self
            .conn
            .prepare(&sql)?
            .query_map([limit as i64], |r| {
                Ok(ActorRow {
                    entity: r.get(0)?,
                    kind: r.get(1)?,
                    code: r.get(2)?,
                    sector: r.get(3)?,
                    mentions: r.get::<_, i64>(4)? as u64,
                    documents: r.get::<_, i64>(5)? as u64,
                    example: r.get(6)?,
                    first_seen: r.get(7)?,
                    last_seen: r.get(8)?,
                    document_ids: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut docs = self.conn.prepare_cached(
            "SELECT DISTINCT d.id, d.published FROM mentions m JOIN documents d ON d.rowid = m.doc
             WHERE m.entity = ?1 ORDER BY d.published DESC, d.id LIMIT 5",
        )?;
        for row in &mut rows {
            row.document_ids = docs
                .query_map([&row.entity], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(rows)
    }

    /// Events matching a query, by event date then document.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.each_event(q, |e| {
            out.push(e);
            true
        })?;
        Ok(out)
    }

    /// Streams the events matching a query to `f`, which returns false to stop; a collection
    /// of any size goes through in constant memory.
    pub fn each_event(&self, q: &EventQuery, mut f: impl FnMut(EventRow) -> bool) -> Result<()> {
        let mut w = Where::default();
        // The country part (three letters) is compared first so that the dyad index serves it.
        w.code_prefix("e.src_code", "e.src_sector", &q.source);
        w.code_prefix("e.tgt_code", "e.tgt_sector", &q.target);
        w.filter("e.type = upper(?)", &q.kind, 1);
        w.context("e.context", &q.context);
        w.dates(
            "coalesce(e.date, substr(d.published, 1, 10))",
            &q.from,
            &q.to,
        );
        if !q.all {
            w.conds.push(ASSERTED_EVENT.into());
        }
        let sql = format!(
            "SELECT e.doc_id, d.outlet, substr(d.published, 1, 10), e.type, e.mode, e.cameo,
                    e.quad, e.intensity, e.src_text, e.src_code || coalesce(e.src_sector, ''),
                    e.tgt_text, e.tgt_code || coalesce(e.tgt_sector, ''), e.trigger, e.date,
                    e.negated, e.modality, e.confidence, e.pattern, e.sentence, d.url, e.n,
                    e.context, e.reciprocal
             FROM events e JOIN documents d ON d.rowid = e.doc
             {} ORDER BY coalesce(e.date, d.published), e.doc_id, e.n LIMIT {}",
            w.sql(),
            q.limit.max(1)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(w.args.iter()), |r| {
            Ok(EventRow {
                doc_id: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                kind: r.get(3)?,
                mode: r.get(4)?,
                cameo: r.get(5)?,
                quad: r.get::<_, i64>(6)? as u8,
                intensity: r.get(7)?,
                source: r.get(8)?,
                source_code: r.get(9)?,
                target: r.get(10)?,
                target_code: r.get(11)?,
                trigger: r.get(12)?,
                date: r.get(13)?,
                negated: r.get(14)?,
                modality: r.get(15)?,
                confidence: r.get(16)?,
                pattern: r.get(17)?,
                sentence: r.get(18)?,
                url: r.get(19)?,
                n: r.get(20)?,
                context: split_context(&r.get::<_, String>(21)?),
                reciprocal: r.get(22)?,
            })
        })?;
        for row in rows {
            if !f(row?) {
                break;
            }
        }
        Ok(())
    }

    /// Quotes matching a query, by publication date.
    pub fn quotes(&self, q: &QuoteQuery) -> Result<Vec<QuoteRow>> {
        let mut w = Where::default();
        w.filter(
            "(q.speaker_entity = ? OR q.speaker LIKE '%' || ? || '%')",
            &q.speaker,
            2,
        );
        w.filter("q.content LIKE '%' || ? || '%'", &q.about, 1);
        w.dates("substr(d.published, 1, 10)", &q.from, &q.to);
        if !q.stance {
            w.conds.push("q.cue_class = 'speech'".into());
        }
        let sql = format!(
            "SELECT q.doc_id, d.outlet, substr(d.published, 1, 10), q.kind, q.speaker,
                    q.speaker_entity, q.cue, q.content, q.chain, q.hedged, q.cue_class
             FROM quotes q JOIN documents d ON d.rowid = q.doc {}
             ORDER BY d.published, q.doc_id, q.n LIMIT {}",
            w.sql(),
            q.limit.max(1)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(w.args.iter()), |r| {
                let chain: Option<String> = r.get(8)?;
                Ok(QuoteRow {
                    doc_id: r.get(0)?,
                    outlet: r.get(1)?,
                    published: r.get(2)?,
                    kind: r.get(3)?,
                    speaker: r.get(4)?,
                    speaker_entity: r.get(5)?,
                    cue: r.get(6)?,
                    content: r.get(7)?,
                    chain: chain.and_then(|c| serde_json::from_str(&c).ok()),
                    hedged: r.get(9)?,
                    cue_class: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Actors learned from descriptions in the texts, by number of documents describing them.
    pub fn learned(&self, limit: usize) -> Result<Vec<LearnedRow>> {
        let mode = |col: &str| {
            format!(
                "(SELECT {col} FROM learned_actors l2 WHERE l2.name = l.name AND {col} IS NOT NULL
                  GROUP BY {col} ORDER BY count(*) DESC, {col} LIMIT 1)"
            )
        };
        let sql = format!(
            "SELECT l.name, {}, {}, {}, count(DISTINCT l.doc), min(l.evidence), min(l.doc_id)
             FROM learned_actors l GROUP BY l.name
             ORDER BY count(DISTINCT l.doc) DESC, l.name LIMIT ?1",
            mode("code"),
            mode("sector"),
            mode("affiliation"),
        );
        let rows = self
            .conn
            .prepare(&sql)?
            .query_map([limit as i64], |r| {
                Ok(LearnedRow {
                    name: r.get(0)?,
                    code: r.get(1)?,
                    sector: r.get(2)?,
                    affiliation: r.get(3)?,
                    documents: r.get::<_, i64>(4)? as u64,
                    evidence: r.get(5)?,
                    doc_id: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Groups of two or more documents that carry the same or nearly the same text.
    pub fn same_text_groups(&self) -> Result<Vec<Vec<GroupMember>>> {
        let mut stmt = self.conn.prepare(
            // The copies through the partial index, then the first document of each text.
            "SELECT text_id, id, outlet, rowid FROM documents WHERE text_id != id
             UNION ALL
             SELECT text_id, id, outlet, rowid FROM documents
             WHERE id IN (SELECT text_id FROM documents WHERE text_id != id)
             ORDER BY 1, 4",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?;
        let mut groups: Vec<Vec<GroupMember>> = Vec::new();
        let mut last: Option<String> = None;
        for row in rows {
            let (tid, id, outlet) = row?;
            if last.as_deref() != Some(tid.as_str()) {
                groups.push(Vec::new());
                last = Some(tid);
            }
            if let Some(g) = groups.last_mut() {
                g.push((id, outlet));
            }
        }
        Ok(groups)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_ingest::fingerprint::{content_hash, document_id, minhash};

    fn doc(outlet: &str, text: &str) -> NewDoc {
        let h = content_hash(text);
        NewDoc {
            id: document_id(&h, outlet),
            content_hash: h,
            minhash: minhash(text),
            meta: Meta {
                outlet: Some(outlet.into()),
                title: Some(text.split('.').next().unwrap_or("").into()),
                published: Some("2022-03-18".into()),
                language: Some("en".into()),
                ..Meta::default()
            },
            origin: format!("{outlet}.html"),
            encoding: "UTF-8".into(),
            text: text.into(),
            sentences: vec![Span::new(0, text.find('.').map_or(text.len(), |i| i + 1))],
            mentions: text
                .match_indices("Xi Jinping")
                .map(|(i, m)| Mention {
                    span: Span::new(i, i + m.len()),
                    kind: "PERSON".into(),
                    entity: Some("xi-jinping".into()),
                    actor: Some(dyad_model::ActorCode {
                        code: Some("CHN".into()),
                        sector: Some("GOV".into()),
                    }),
                })
                .collect(),
            learned: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
            relations: Vec::new(),
        }
    }

    #[test]
    fn learned_actors_are_stored_once_with_their_evidence() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("t.db")).unwrap();
        let text = "Lee Mingjiang, an associate professor at Singapore's Nanyang Technological \
                    University, said ties were close.";
        let mut d = doc("Harbour Daily", text);
        d.learned.push(LearnedActor {
            entity: "local:lee-mingjiang".into(),
            name: Span::new(0, 13),
            actor: dyad_model::ActorCode {
                code: Some("SGP".into()),
                sector: Some("EDU".into()),
            },
            affiliation: Some("Nanyang Technological University".into()),
            evidence: Span::new(15, text.find(", said").unwrap()),
        });
        s.insert_batch(std::slice::from_ref(&d)).unwrap();
        s.insert_batch(std::slice::from_ref(&d)).unwrap();
        let rows = s.learned(10).unwrap();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (
                r.name.as_str(),
                r.code.as_deref(),
                r.sector.as_deref(),
                r.documents
            ),
            ("Lee Mingjiang", Some("SGP"), Some("EDU"), 1)
        );
        assert_eq!(
            r.evidence,
            "an associate professor at Singapore's Nanyang Technological University"
        );
        assert_eq!(r.doc_id, d.id);
    }

    const WIRE: &str = "US President Joe Biden and Chinese President Xi Jinping held a video call on Friday that lasted nearly two hours. \
        Biden warned of consequences if Beijing gave material support to Russia's war in Ukraine. \
        Xi said the crisis in Ukraine was not something China wanted to see and called for talks. \
        The White House said the two leaders agreed to keep lines of communication open.";

    #[test]
    fn inserts_are_idempotent_and_reprints_share_a_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut s = Store::open(&path).unwrap();
        let reprint = WIRE.replace(" that lasted nearly two hours", "");
        let other =
            "Russia's foreign ministry summoned the US ambassador on Monday over new sanctions.";
        let batch = vec![
            doc("Continental Review", WIRE),
            doc("Baltic Ledger", &reprint),
            doc("Harbour Daily", other),
        ];
        let r = s.insert_batch(&batch).unwrap();
        assert_eq!(
            r,
            BatchReport {
                inserted: 3,
                already_stored: 0,
                near_duplicates: 1
            }
        );
        // Same input again: nothing changes.
        let r2 = s.insert_batch(&batch).unwrap();
        assert_eq!(
            r2,
            BatchReport {
                inserted: 0,
                already_stored: 3,
                near_duplicates: 0
            }
        );
        drop(s);
        let s = Store::open(&path).unwrap();
        let st = s.stats().unwrap();
        assert_eq!(
            (st.documents, st.distinct_texts, st.outlets, st.sentences),
            (3, 2, 3, 3)
        );
        let groups = s.same_text_groups().unwrap();
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), 2);
        let listed: Vec<String> = s.list(10).unwrap().into_iter().map(|h| h.id).collect();
        assert_eq!(
            listed,
            batch.iter().map(|d| d.id.clone()).collect::<Vec<_>>()
        );
        let d = s.get(&batch[1].id[..8]).unwrap().unwrap();
        assert_eq!(d.outlet.as_deref(), Some("Baltic Ledger"));
        assert_eq!(d.same_text, vec![batch[0].id.clone()]);
        assert_eq!(d.sentences.len(), 1);
        assert_eq!(d.actors.len(), 1);
        assert_eq!(
            (d.actors[0].name.as_str(), d.actors[0].mentions),
            ("xi-jinping", 1)
        );

        // An exact copy from a fourth outlet, in a later batch, joins the same text.
        let mut s = s;
        let copy = doc("Upland Courier", WIRE);
        assert_eq!(
            s.insert_batch(std::slice::from_ref(&copy))
                .unwrap()
                .near_duplicates,
            1
        );
        let first = s.get(&batch[0].id).unwrap().unwrap();
        assert_eq!(first.same_text, vec![batch[1].id.clone(), copy.id.clone()]);
        assert_eq!(s.stats().unwrap().distinct_texts, 2);
        let groups = s.same_text_groups().unwrap();
        let ids: Vec<&str> = groups[0].iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, [&batch[0].id, &batch[1].id, &copy.id]);
    }

    #[test]
    fn search_finds_words_and_survives_bad_syntax() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[doc("Continental Review", WIRE)]).unwrap();
        let hits = s.search("material support", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(
            hits[0].snippet.contains("[material]"),
            "{}",
            hits[0].snippet
        );
        assert_eq!(s.search("Putin", 10).unwrap().len(), 0);
        let actors = s.actors(10).unwrap();
        assert_eq!(actors.len(), 1);
        assert_eq!(
            (
                actors[0].entity.as_str(),
                actors[0].code.as_deref(),
                actors[0].mentions,
                actors[0].documents
            ),
            ("xi-jinping", Some("CHN"), 1, 1)
        );
        assert_eq!(actors[0].example, "Xi Jinping");
        assert_eq!(actors[0].first_seen.as_deref(), Some("2022-03-18"));
        assert_eq!(actors[0].document_ids.len(), 1);
        assert_eq!(s.search("\"Xi Jinping", 10).unwrap().len(), 1);
        assert!(s.search("(((", 10).unwrap().is_empty());
    }

    #[test]
    fn foreign_databases_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(c);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::NotDyad { .. })
        ));
        let junk = dir.path().join("junk.db");
        std::fs::write(
            &junk,
            b"this is not a database at all, just some text that goes on",
        )
        .unwrap();
        assert!(Store::open(&junk).is_err());
    }

    #[test]
    fn short_or_ambiguous_ids_find_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[doc("A", WIRE)]).unwrap();
        assert!(s.get("ab").unwrap().is_none());
        assert!(s.get("zzzzzzzz").unwrap().is_none());
    }

    /// A document with every layer: sentences, mentions, learned actors, an event, a quote
    /// (and the actors it talks about) and a relation.
    fn full_doc(outlet: &str, text: &str) -> NewDoc {
        let at = |word: &str| {
            let i = text.find(word).unwrap();
            Span::new(i, i + word.len())
        };
        let after = |word: &str, from: &str| {
            let from = text.find(from).unwrap();
            let i = from + text[from..].find(word).unwrap();
            Span::new(i, i + word.len())
        };
        let code = |c: &str, s: Option<&str>| dyad_model::ActorCode {
            code: Some(c.into()),
            sector: s.map(str::to_string),
        };
        let mention = |span: Span, kind: &str, entity: &str, c: &str, s: Option<&str>| Mention {
            span,
            kind: kind.into(),
            entity: Some(entity.into()),
            actor: Some(code(c, s)),
        };
        let said = after("said", "Xi said");
        let content = Span::new(said.end + 1, at(" and called for talks").start);
        let mut d = doc(outlet, text);
        let mut start = 0;
        d.sentences = text
            .match_indices(". ")
            .map(|(i, _)| i + 1)
            .chain([text.len()])
            .map(|end| {
                let s = Span::new(start, end);
                start = end + 1;
                s
            })
            .collect();
        d.mentions = vec![
            mention(at("Joe Biden"), "PERSON", "joe-biden", "USA", Some("GOV")),
            mention(at("Xi Jinping"), "PERSON", "xi-jinping", "CHN", Some("GOV")),
            mention(at("Russia"), "GPE", "rus", "RUS", None),
            mention(
                after("Xi", "Xi said"),
                "PERSON",
                "xi-jinping",
                "CHN",
                Some("GOV"),
            ),
            mention(after("Ukraine", "Xi said"), "GPE", "ukr", "UKR", None),
            mention(after("China", "Xi said"), "GPE", "chn", "CHN", None),
        ];
        d.learned = vec![LearnedActor {
            entity: "local:white-house".into(),
            name: at("White House"),
            actor: code("USA", Some("GOV")),
            affiliation: None,
            evidence: at("The White House"),
        }];
        d.events = vec![Event {
            kind: Some("CONSULT".into()),
            mode: None,
            cameo: "040".into(),
            quad: 1,
            goldstein: 1.0,
            source: Some(dyad_model::EventActor {
                span: at("Joe Biden"),
                code: Some("USA".into()),
                sector: Some("GOV".into()),
            }),
            target: Some(dyad_model::EventActor {
                span: at("Xi Jinping"),
                code: Some("CHN".into()),
                sector: Some("GOV".into()),
            }),
            trigger: at("held a video call"),
            date: Some("2022-03-18".into()),
            negated: false,
            modality: None,
            confidence: 0.9,
            pattern: None,
            context: vec!["diplomatic".into(), "health".into()],
            reciprocal: true,
        }];
        d.quotes = vec![dyad_model::Quote {
            content,
            cue: Some(said),
            speaker: Some(after("Xi", "Xi said")),
            speaker_entity: Some("xi-jinping".into()),
            kind: dyad_model::QuoteKind::Indirect,
            chain: Vec::new(),
            hedged: false,
            cue_class: Default::default(),
        }];
        d.relations = vec![dyad_model::Relation {
            kind: "rival".into(),
            source: at("Joe Biden"),
            source_entity: Some("joe-biden".into()),
            target: at("Xi Jinping"),
            target_entity: Some("xi-jinping".into()),
            cue: at("and"),
        }];
        d
    }

    #[test]
    fn stance_quotes_are_listed_only_when_asked_for() {
        let mut d = full_doc("Continental Review", WIRE);
        let mut stance = d.quotes[0].clone();
        stance.cue_class = dyad_model::CueClass::Stance;
        d.quotes.push(stance);
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[d]).unwrap();
        let mut q = QuoteQuery {
            limit: 10,
            ..QuoteQuery::default()
        };
        let speech = s.quotes(&q).unwrap();
        assert_eq!(speech.len(), 1);
        assert_eq!(speech[0].cue_class, "speech");
        q.stance = true;
        let all = s.quotes(&q).unwrap();
        assert_eq!(all.len(), 2);
        assert!(all.iter().any(|r| r.cue_class == "stance"));
    }

    #[test]
    fn events_keep_their_contexts_and_are_found_by_them() {
        let d = full_doc("Continental Review", WIRE);
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[d]).unwrap();
        let by = |c: &str| EventQuery {
            context: Some(c.into()),
            limit: 10,
            ..EventQuery::default()
        };
        let found = s.events(&by("health")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].context, ["diplomatic", "health"]);
        // The video call is stored reciprocal.
        assert!(found[0].reciprocal);
        // Whole names only: "health" is no "healthcare", nor "diplo" a context.
        assert!(s.events(&by("diplo")).unwrap().is_empty());
        assert!(s.events(&by("military")).unwrap().is_empty());
    }

    /// Everything the store gives back about its documents, as JSON, to compare two stores.
    fn everything(s: &Store, docs: &[NewDoc]) -> serde_json::Value {
        let all = network::NetworkQuery::default();
        let events = EventQuery {
            limit: 100,
            ..EventQuery::default()
        };
        let quotes = QuoteQuery {
            limit: 100,
            ..QuoteQuery::default()
        };
        let mut per_doc = Vec::new();
        for d in docs {
            let mut stored = serde_json::to_value(s.get(&d.id).unwrap().unwrap()).unwrap();
            // When it was ingested is not a layer.
            stored["ingested_at"] = serde_json::Value::Null;
            per_doc.push(serde_json::json!([stored, s.layers(&d.id).unwrap()]));
        }
        let mut dyad = Vec::new();
        s.each_dyad_event("USA", "CHN", false, None, |p| {
            dyad.push((p.date, p.forward, p.quad, p.kind, p.intensity))
        })
        .unwrap();
        serde_json::json!({
            "docs": per_doc,
            "stats": s.stats().unwrap(),
            "actors": s.actors(10).unwrap(),
            "learned": s.learned(10).unwrap(),
            "events": s.events(&events).unwrap(),
            "quotes": s.quotes(&quotes).unwrap(),
            "dyad_events": s.dyad_events(Some(("USA", "CHN")), None).unwrap(),
            "each_dyad_event": dyad,
            "statements": s.statements("CHN", "UKR").unwrap(),
            "reports": s.event_reports(&all).unwrap(),
            "quote_links": s.quote_links(&all).unwrap(),
            "relations": s.relations(&all).unwrap(),
            "names": s.entity_names(&["xi-jinping".into(), "chn".into()]).unwrap(),
            "same_text": s.same_text_groups().unwrap(),
        })
    }

    const LAYERS: [&str; 7] = [
        "sentences",
        "mentions",
        "learned_actors",
        "events",
        "quotes",
        "quote_about",
        "relations",
    ];

    fn count(c: &Connection, table: &str) -> i64 {
        c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_schema_7_database_is_upgraded_to_layers_keyed_by_rowid_with_nothing_lost() {
        let reprint = WIRE.replace(" that lasted nearly two hours", "");
        let mut docs = vec![
            full_doc("Continental Review", WIRE),
            full_doc("Baltic Ledger", &reprint),
        ];
        // Contexts and the reciprocal mark came with schema 12: a store of schema 7 had none.
        for d in &mut docs {
            for e in &mut d.events {
                e.context.clear();
                e.reciprocal = false;
            }
        }
        // What the current schema gives for these documents.
        let mut fresh = Store::open_in_memory().unwrap();
        fresh.insert_batch(&docs).unwrap();
        let want = everything(&fresh, &docs);
        for table in LAYERS {
            assert!(count(&fresh.conn, table) > 0, "{table} is empty");
        }
        assert!(!want["statements"][0]["about"]
            .as_array()
            .unwrap()
            .is_empty());

        // The same rows in a database of schema 7, keyed by the documents' hash ids.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let c = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..7] {
                c.execute_batch(sql).unwrap();
            }
            c.pragma_update(None, "user_version", 7).unwrap();
        }
        fresh
            .conn
            .execute("ATTACH DATABASE ?1 AS old", [path.to_str().unwrap()])
            .unwrap();
        fresh
            .conn
            .execute_batch("INSERT INTO old.documents SELECT * FROM main.documents ORDER BY rowid")
            .unwrap();
        for d in &docs {
            let keys = dyad_ingest::fingerprint::band_keys(&d.minhash);
            for (band, key) in keys.into_iter().enumerate() {
                fresh
                    .conn
                    .execute(
                        "INSERT INTO old.minhash_bands (band, key, doc_id) VALUES (?1, ?2, ?3)",
                        params![band as i64, key as i64, d.id],
                    )
                    .unwrap();
            }
        }
        for table in LAYERS {
            let columns: Vec<String> = fresh
                .conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<Vec<String>>>()
                .unwrap()
                .into_iter()
                // `doc` came with schema 8, `cue_class`, `context` and `reciprocal` later.
                .filter(|c| !matches!(c.as_str(), "doc" | "cue_class" | "context" | "reciprocal"))
                .collect();
            let columns = columns.join(", ");
            fresh
                .conn
                .execute_batch(&format!(
                    "INSERT INTO old.{table} ({columns}) SELECT {columns} FROM main.{table}"
                ))
                .unwrap();
        }
        fresh.conn.execute_batch("DETACH DATABASE old").unwrap();
        {
            let c = Connection::open(&path).unwrap();
            let key: String = c
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE name = 'events'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(key.contains("PRIMARY KEY (doc_id, n)"), "{key}");
        }

        let mut s = Store::open(&path).unwrap();
        let v: i64 = s
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        for table in LAYERS {
            assert_eq!(count(&s.conn, table), count(&fresh.conn, table), "{table}");
            let astray: i64 = s
                .conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {table} x
                         WHERE x.doc IS NOT (SELECT rowid FROM documents d WHERE d.id = x.doc_id)"
                    ),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(astray, 0, "{table}: rows keyed by another document");
        }
        let ok: String = s
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        assert_eq!(everything(&s, &docs), want);

        // Ingesting the same documents again adds nothing.
        let r = s.insert_batch(&docs).unwrap();
        assert_eq!((r.inserted, r.already_stored), (0, 2));
        for table in LAYERS {
            assert_eq!(count(&s.conn, table), count(&fresh.conn, table), "{table}");
        }
        assert_eq!(everything(&s, &docs), want);

        // A new document goes after them with its layers, and deleting a document takes its
        // layers with it.
        let third = full_doc("Harbour Daily", WIRE);
        s.insert_batch(std::slice::from_ref(&third)).unwrap();
        assert_eq!(s.layers(&third.id).unwrap().events.len(), 1);
        assert_eq!(s.get(&third.id).unwrap().unwrap().sentences.len(), 4);
        s.conn
            .execute("DELETE FROM documents WHERE id = ?1", [&third.id])
            .unwrap();
        for table in LAYERS {
            assert_eq!(count(&s.conn, table), count(&fresh.conn, table), "{table}");
        }
        assert_eq!(everything(&s, &docs), want);

        // The band keys came over: a third reprint is found to be the same text.
        let variant = reprint.replace("agreed to keep", "agreed to keep open");
        let r = s.insert_batch(&[doc("Quay Post", &variant)]).unwrap();
        assert_eq!(r.near_duplicates, 1);
        let groups = s.same_text_groups().unwrap();
        assert_eq!(groups[0].len(), 3, "{groups:?}");
    }

    /// Reprints of the wire story, each a little different, and unrelated stories.
    fn reprints_and_others() -> (Vec<NewDoc>, Vec<NewDoc>) {
        let outlets = [
            "Baltic Ledger",
            "Quay Post",
            "Harbour Daily",
            "Upland Courier",
        ];
        let reprints = outlets
            .iter()
            .enumerate()
            .map(|(i, o)| {
                doc(
                    o,
                    &WIRE.replace("Friday", ["Thursday", "Friday", "Saturday", "Sunday"][i]),
                )
            })
            .collect();
        let others = [
            "Russia's foreign ministry summoned the US ambassador on Monday over new sanctions.",
            "Japan and South Korea agreed on Tuesday to resume regular talks between their finance ministers.",
            "Protesters gathered outside the parliament in Tbilisi for a third night against the foreign agents bill.",
            "The European Union extended its sanctions on Belarus by a year, diplomats said on Wednesday.",
        ]
        .iter()
        .map(|t| doc("Continental Review", t))
        .collect();
        (reprints, others)
    }

    fn text_ids(s: &Store, docs: &[NewDoc]) -> Vec<String> {
        docs.iter()
            .map(|d| s.get(&d.id).unwrap().unwrap().text_id)
            .collect()
    }

    #[test]
    fn near_duplicates_are_found_in_pending_keys_after_a_reopen_and_after_a_merge() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let (reprints, others) = reprints_and_others();
        let band_rows = |s: &Store| -> (i64, i64) {
            let n = |t: &str| {
                s.conn
                    .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap()
            };
            (n("minhash_pending"), n("minhash_index"))
        };
        // The first reprint alone: its keys wait in the pending level.
        let mut s = Store::open(&path).unwrap();
        s.insert_batch(&reprints[..1]).unwrap();
        assert_eq!(band_rows(&s), (1, 0));
        drop(s);
        // Found from the pending table read by a new connection.
        let mut s = Store::open(&path).unwrap();
        let r = s.insert_batch(&reprints[1..2]).unwrap();
        assert_eq!(r.near_duplicates, 1);
        assert_eq!(band_rows(&s), (2, 0));
        // Four documents' keys fill the pending level (in tests): they go to the index.
        let r = s.insert_batch(&others[..2]).unwrap();
        assert_eq!(r.near_duplicates, 0);
        assert_eq!(band_rows(&s), (0, 64));
        // Found in the index, and unrelated texts are not grouped with them.
        let r = s
            .insert_batch(&[others[2].clone(), reprints[2].clone()])
            .unwrap();
        assert_eq!(r.near_duplicates, 1);
        let ids = text_ids(&s, &reprints[..3]);
        assert!(ids.iter().all(|t| *t == reprints[0].id), "{ids:?}");
        let ids = text_ids(&s, &others[..3]);
        assert!(ids.iter().zip(&others).all(|(t, d)| *t == d.id), "{ids:?}");
    }

    #[test]
    fn near_duplicate_candidates_favour_several_shared_bands_then_rare_keys() {
        use dyad_ingest::fingerprint::SIGNATURE_LEN;
        // Signatures made by hand: `base` in the bands given, values of `salt` elsewhere, and
        // three of four values of `base` in every other band for the near-duplicate.
        let base: [u32; SIGNATURE_LEN] = std::array::from_fn(|i| i as u32);
        let sig = |bands: &[usize], salt: u32, near: bool| -> [u32; SIGNATURE_LEN] {
            std::array::from_fn(|i| {
                if bands.contains(&(i / 4)) || (near && i % 4 != 0) {
                    base[i]
                } else {
                    1000 * salt + i as u32
                }
            })
        };
        let with = |outlet: &str, text: &str, minhash| NewDoc {
            minhash,
            ..doc(outlet, text)
        };
        let mut stored = vec![
            with(
                "Quay Post",
                "A near copy of the story.",
                sig(&[2, 3], 1, true),
            ),
            with(
                "Quay Post",
                "A story sharing a rare band.",
                sig(&[1], 2, false),
            ),
        ];
        for k in 0..6 {
            let text = format!("Story number {k} from the same template.");
            stored.push(with("Baltic Ledger", &text, sig(&[0], 3 + k, false)));
        }
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&stored).unwrap();
        let rowid = |id: &str| -> i64 {
            s.conn
                .query_row("SELECT rowid FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        let (near, rare) = (rowid(&stored[0].id), rowid(&stored[1].id));
        let chance: Vec<i64> = stored[2..].iter().map(|d| rowid(&d.id)).collect();

        let keys = bands::stored_keys(&base);
        let tx = s.conn.transaction().unwrap();
        let found = bands::Pending::begin(&mut s.pending, &tx)
            .unwrap()
            .candidates(&tx, &keys, 24)
            .unwrap();
        assert_eq!(found[..2], [near, rare], "{found:?}");
        assert_eq!(found.len(), 2 + 3, "{found:?}");
        assert!(found[2..].iter().all(|d| chance.contains(d)), "{found:?}");
        drop(tx);

        // And the near copy is the one whose text a new document with `base` joins.
        let r = s
            .insert_batch(&[with("Harbour Daily", "The story.", base)])
            .unwrap();
        assert_eq!(r.near_duplicates, 1);
        let joined = s
            .get(&doc("Harbour Daily", "The story.").id)
            .unwrap()
            .unwrap();
        assert_eq!(joined.text_id, stored[0].id);
    }

    #[test]
    fn two_connections_see_each_others_band_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let (reprints, others) = reprints_and_others();
        let mut a = Store::open(&path).unwrap();
        let mut b = Store::open(&path).unwrap();
        a.insert_batch(&others[..1]).unwrap();
        b.insert_batch(&others[1..2]).unwrap();
        // a writes a reprint; b, whose memory copy of the pending keys is older, must find it.
        a.insert_batch(&reprints[..1]).unwrap();
        assert_eq!(b.insert_batch(&reprints[1..2]).unwrap().near_duplicates, 1);
        // b's batch merged the pending keys into the index; a reads the emptied level again.
        assert_eq!(a.insert_batch(&reprints[2..3]).unwrap().near_duplicates, 1);
        assert_eq!(b.insert_batch(&reprints[3..4]).unwrap().near_duplicates, 1);
        let ids = text_ids(&a, &reprints);
        assert!(ids.iter().all(|t| *t == reprints[0].id), "{ids:?}");
    }

    #[test]
    fn a_failed_batch_leaves_no_band_keys_behind() {
        let (reprints, others) = reprints_and_others();
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&others[..1]).unwrap();
        // A document whose layers cannot be stored (a span past its text) fails the batch
        // after the reprint before it was recorded.
        let mut bad = others[1].clone();
        bad.sentences = vec![Span::new(0, 10_000)];
        s.conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON sentences WHEN new.end > 5000
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        assert!(s.insert_batch(&[reprints[0].clone(), bad]).is_err());
        // The reprint was rolled back: the next one is not its near-duplicate.
        let r = s.insert_batch(&reprints[1..2]).unwrap();
        assert_eq!((r.inserted, r.near_duplicates), (1, 0));
        let r = s.insert_batch(&reprints[..1]).unwrap();
        assert_eq!((r.inserted, r.near_duplicates), (1, 1));
    }
}
