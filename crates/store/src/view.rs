//! Read-only access for the HTTP server, and a document's layers with their spans, so that a
//! viewer can mark actors, triggers and quotes in the text they come from.

use crate::{Result, Store, StoreError, MIGRATIONS};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::Path;

/// A mention with its place in the text (byte offsets into the body).
#[derive(Debug, Clone, Serialize)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub entity: Option<String>,
    pub code: Option<String>,
    pub sector: Option<String>,
}

/// An event with the span of its trigger.
#[derive(Debug, Clone, Serialize)]
pub struct EventSpan {
    pub n: i64,
    pub start: usize,
    pub end: usize,
    pub trigger: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub cameo: String,
    pub quad: u8,
    pub intensity: f64,
    pub source: Option<String>,
    pub source_code: Option<String>,
    pub target: Option<String>,
    pub target_code: Option<String>,
    pub date: Option<String>,
    pub negated: bool,
    pub modality: Option<String>,
    pub pattern: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
}

/// A quote with its span.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteSpan {
    pub n: i64,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    pub cue: Option<String>,
    pub hedged: bool,
}

/// The stored layers of one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Layers {
    pub mentions: Vec<MentionSpan>,
    pub events: Vec<EventSpan>,
    pub quotes: Vec<QuoteSpan>,
}

impl Store {
    /// Opens an existing database for reading only: nothing is created or migrated, and the
    /// connection refuses writes. A database of an older schema must be opened once with
    /// [`Store::open`] first.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::NotDyad {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let version = crate::schema_version(&conn, &shown)?;
        let known = MIGRATIONS.len() as i64;
        if version < known {
            return Err(StoreError::NotDyad {
                path: shown,
                reason: if version == 0 {
                    "no dyad schema".into()
                } else {
                    format!("schema {version} is older than {known}; run `dyad stats --db` on it once to upgrade")
                },
            });
        }
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Store {
            conn,
            pending: None,
        })
    }

    /// The mentions, events and quotes of a document (its full id), in text order.
    pub fn layers(&self, id: &str) -> Result<Layers> {
        let mentions = self
            .conn
            .prepare(
                "SELECT start, end, text, kind, entity, code, sector FROM mentions
                 WHERE doc = (SELECT rowid FROM documents WHERE id = ?1) ORDER BY start, n",
            )?
            .query_map([id], |r| {
                Ok(MentionSpan {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    text: r.get(2)?,
                    kind: r.get(3)?,
                    entity: r.get(4)?,
                    code: r.get(5)?,
                    sector: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let events = self
            .conn
            .prepare(
                "SELECT n, trig_start, trig_end, trigger, type, cameo, quad, intensity, src_text,
                        src_code || coalesce(src_sector, ''), tgt_text,
                        tgt_code || coalesce(tgt_sector, ''), date, negated, modality, pattern,
                        context
                 FROM events WHERE doc = (SELECT rowid FROM documents WHERE id = ?1)
                 ORDER BY trig_start, n",
            )?
            .query_map([id], |r| {
                Ok(EventSpan {
                    n: r.get(0)?,
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    trigger: r.get(3)?,
                    kind: r.get(4)?,
                    cameo: r.get(5)?,
                    quad: r.get::<_, i64>(6)? as u8,
                    intensity: r.get(7)?,
                    source: r.get(8)?,
                    source_code: r.get(9)?,
                    target: r.get(10)?,
                    target_code: r.get(11)?,
                    date: r.get(12)?,
                    negated: r.get(13)?,
                    modality: r.get(14)?,
                    pattern: r.get(15)?,
                    context: crate::split_context(&r.get::<_, String>(16)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let quotes = self
            .conn
            .prepare(
                "SELECT n, start, end, kind, speaker, speaker_entity, cue, hedged FROM quotes
                 WHERE doc = (SELECT rowid FROM documents WHERE id = ?1) ORDER BY start, n",
            )?
            .query_map([id], |r| {
                Ok(QuoteSpan {
                    n: r.get(0)?,
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    kind: r.get(3)?,
                    speaker: r.get(4)?,
                    speaker_entity: r.get(5)?,
                    cue: r.get(6)?,
                    hedged: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Layers {
            mentions,
            events,
            quotes,
        })
    }
}

/// One event of a dyad, with only what a timeline needs.
#[derive(Debug, Clone)]
pub struct DyadPoint {
    /// The event date, or the publication day when the text gives none.
    pub date: String,
    /// True for events from the first actor to the second.
    pub forward: bool,
    pub quad: u8,
    pub kind: Option<String>,
    pub intensity: f64,
}

impl Store {
    /// Streams the events between two actor code prefixes, both ways, to `f`. Negated and
    /// hypothetical events are left out unless `all`; with `context`, only the events in that
    /// PLOVER context (without it the query is the same as ever: no condition is added).
    pub fn each_dyad_event(
        &self,
        a: &str,
        b: &str,
        all: bool,
        context: Option<&str>,
        mut f: impl FnMut(DyadPoint),
    ) -> Result<()> {
        let context = context.map(str::to_string);
        for (s, t, forward) in [(a, b, true), (b, a, false)] {
            let mut w = crate::Where::default();
            w.code_prefix("e.src_code", "e.src_sector", &Some(s.to_string()));
            w.code_prefix("e.tgt_code", "e.tgt_sector", &Some(t.to_string()));
            w.context("e.context", &context);
            if !all {
                w.conds.push(crate::ASSERTED_EVENT.into());
            }
            // The document is looked up only for events without a date of their own.
            let sql = format!(
                "SELECT coalesce(e.date, (SELECT substr(d.published, 1, 10) FROM documents d
                                          WHERE d.rowid = e.doc), ''),
                        e.quad, e.type, e.intensity
                 FROM events e {}",
                w.sql()
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(rusqlite::params_from_iter(w.args.iter()))?;
            while let Some(r) = rows.next()? {
                f(DyadPoint {
                    date: r.get(0)?,
                    forward,
                    quad: r.get::<_, i64>(1)? as u8,
                    kind: r.get(2)?,
                    intensity: r.get(3)?,
                });
            }
        }
        Ok(())
    }

    /// A number that changes whenever documents are added (documents are only ever added,
    /// with all their layers in the same transaction), for caches of computed answers.
    pub fn version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(rowid), 0) FROM documents", [], |r| {
                r.get(0)
            })?)
    }

    /// A handle that stops this connection's running query from another thread (the server's
    /// time limit).
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }
}
