//! The pipeline: ingest → extract → annotate → code → store, over a stream of inputs.
//!
//! Inputs are read lazily and processed in bounded chunks: each chunk is extracted and annotated
//! in parallel (rayon), then handed on in input order, so memory stays flat whatever the corpus
//! size and output order never depends on thread timing.

use dyad_extract::Article;
use dyad_ingest::{fingerprint, IngestError, RawItem, Reader};
use dyad_model::{Document, Meta};
use dyad_store::{BatchReport, NewDoc, Store, StoreError};
use rayon::prelude::*;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

/// Settings of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub read: dyad_ingest::Options,
    pub extract: dyad_extract::Options,
}

/// Items per parallel chunk, and the most input bytes a chunk may hold.
const CHUNK_ITEMS: usize = 256;
const CHUNK_BYTES: usize = 64 << 20;

/// Reads `paths` and calls `f` with each item's extraction result, in input order.
pub fn extract_each(
    paths: Vec<PathBuf>,
    opts: &Options,
    mut f: impl FnMut(Result<(String, Article), IngestError>),
) {
    for_each_chunk(paths, opts, |chunk| {
        let out: Vec<_> = chunk
            .into_par_iter()
            .map(|r| r.and_then(|item| extract_item(&item, opts).map(|a| (item.origin, a))))
            .collect();
        out.into_iter().for_each(&mut f);
        true
    });
}

/// Extraction of one item. A panic inside a third-party parser is the last resort caught
/// here, so that one page cannot stop a batch; it is reported as that page's error.
pub fn extract_item(item: &RawItem, opts: &Options) -> Result<Article, IngestError> {
    let fail = |reason: String| IngestError {
        origin: item.origin.clone(),
        reason,
    };
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        dyad_extract::extract(item, &opts.extract)
    }))
    .map_err(|_| fail("internal error while extracting this page (please report it)".into()))
}

fn for_each_chunk(
    paths: Vec<PathBuf>,
    opts: &Options,
    f: impl FnMut(Vec<Result<RawItem, IngestError>>) -> bool,
) {
    chunks_of(Reader::new(paths, opts.read), f)
}

fn chunks_of(
    mut reader: impl Iterator<Item = Result<RawItem, IngestError>>,
    mut f: impl FnMut(Vec<Result<RawItem, IngestError>>) -> bool,
) {
    loop {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        for r in reader.by_ref() {
            if let Ok(item) = &r {
                bytes += item.body.as_str().len();
            }
            chunk.push(r);
            if chunk.len() >= CHUNK_ITEMS || bytes >= CHUNK_BYTES {
                break;
            }
        }
        // `f` says whether to go on: a failed store stops the reading too.
        if chunk.is_empty() || !f(chunk) {
            return;
        }
    }
}

/// Annotates and codes a document. A panic in a stage is a bug of ours; it becomes an error
/// for this document alone, so that a batch goes on.
fn layers(
    doc: &mut Document,
    date: Option<chrono::NaiveDate>,
    cameo: Option<&dyad_code::petrarch::Cameo>,
) -> Result<(), String> {
    std::panic::catch_unwind(AssertUnwindSafe(|| {
        dyad_annotate::annotate_with(doc, date, cameo.map(|c| &c.actors));
        match cameo {
            Some(c) => dyad_code::petrarch::code(doc, date, c),
            None => dyad_code::code(doc, date),
        }
    }))
    .map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error while annotating (please report it): {what}")
    })
}

/// A document through extract, annotate and code, with what the store needs.
pub fn build_document(item: &RawItem, article: Article) -> (Document, NewDoc) {
    let meta = Meta {
        url: article.url,
        title: article.title,
        authors: article.authors,
        published: article.published,
        language: article.language,
        outlet: article.outlet,
    };
    let hash = fingerprint::content_hash(&article.text);
    // Identity: the same text from the same outlet (or, without an outlet, the same URL or
    // file) is the same document.
    let key = meta
        .outlet
        .clone()
        .or_else(|| meta.url.clone())
        .unwrap_or_else(|| item.origin.clone());
    let id = fingerprint::document_id(&hash, &key);
    let minhash = fingerprint::minhash(&article.text);
    let date = meta.published.as_deref().and_then(day_of);
    let mut doc = Document::new(article.text, meta);
    let covered = dyad_annotate::annotated_part(doc.text()).len();
    if covered < doc.text().len() {
        eprintln!(
            "dyad: {}: a text of {:.1} MB; its layers cover the first {:.1} MB (the whole text is stored)",
            item.origin,
            doc.text().len() as f64 / 1048576.0,
            covered as f64 / 1048576.0
        );
    }
    if let Err(why) = layers(&mut doc, date, None) {
        // The text and metadata are still worth keeping; the layers are redone on a rerun
        // of a fixed version.
        eprintln!(
            "dyad: {}: {why}; stored without annotation layers",
            item.origin
        );
        doc = Document::new(doc.text().to_string(), doc.meta.clone());
    }
    let new = NewDoc {
        id,
        content_hash: hash,
        minhash,
        meta: doc.meta.clone(),
        origin: item.origin.clone(),
        encoding: item.encoding.to_string(),
        text: doc.text().to_string(),
        sentences: doc.layers().sentences.clone(),
        mentions: doc.layers().mentions.clone(),
        learned: doc.layers().learned.clone(),
        events: doc.layers().events.clone(),
        quotes: doc.layers().quotes.clone(),
        relations: doc.layers().relations.clone(),
    };
    (doc, new)
}

/// The day of an ISO date (`YYYY-MM-DD`, possibly with a time after it).
fn day_of(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// What an ingest run did.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub read: usize,
    pub stored: BatchReport,
    /// Inputs in which no article text was found.
    pub no_text: Vec<String>,
    pub errors: Vec<IngestError>,
}

/// Progress of a long run, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: usize,
    pub failed: usize,
}

/// Reads, processes and stores `paths`. Each chunk is one transaction: an interrupted run
/// keeps every chunk it finished, and running it again stores the rest without duplicating.
pub fn ingest(
    paths: Vec<PathBuf>,
    store: &mut Store,
    opts: &Options,
    progress: impl FnMut(Progress),
    on_error: impl FnMut(&IngestError),
) -> Result<IngestReport, StoreError> {
    let items = Reader::new(paths, opts.read);
    ingest_items(items, store, opts, progress, on_error)
}

/// [`ingest`] over items from any source (the server's ingest endpoint reads JSON Lines from
/// a request body).
///
/// The store is written by its own thread while the next chunk is extracted and annotated, so
/// that neither waits for the other: at most one chunk is being annotated, one handed over and
/// one being stored.
pub fn ingest_items(
    items: impl Iterator<Item = Result<RawItem, IngestError>>,
    store: &mut Store,
    opts: &Options,
    mut progress: impl FnMut(Progress),
    mut on_error: impl FnMut(&IngestError),
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    let stored = std::thread::scope(|scope| {
        // No buffer: a chunk is handed over only when the writer is ready for it.
        let (send, batches) = std::sync::mpsc::sync_channel::<Vec<NewDoc>>(0);
        let writer = scope.spawn(move || -> Result<BatchReport, StoreError> {
            let mut total = BatchReport::default();
            for batch in batches {
                // An error drops `batches`, which stops the reading at the next hand-over.
                let r = store.insert_batch(&batch)?;
                total.inserted += r.inserted;
                total.already_stored += r.already_stored;
                total.near_duplicates += r.near_duplicates;
            }
            Ok(total)
        });
        chunks_of(items, |chunk| {
            let processed: Vec<_> = chunk
                .into_par_iter()
                .map(|r| {
                    let item = r?;
                    let article = extract_item(&item, opts)?;
                    if article.text.trim().is_empty() {
                        return Ok((item.origin, None));
                    }
                    let doc = build_document(&item, article).1;
                    Ok((item.origin, Some(doc)))
                })
                .collect::<Vec<Result<(String, Option<NewDoc>), IngestError>>>();
            let mut batch = Vec::new();
            for p in processed {
                match p {
                    Ok((_, Some(d))) => batch.push(d),
                    Ok((origin, None)) => report.no_text.push(origin),
                    Err(e) => {
                        on_error(&e);
                        report.errors.push(e);
                    }
                }
                report.read += 1;
            }
            let handed = send.send(batch).is_ok();
            progress(Progress {
                done: report.read,
                failed: report.errors.len(),
            });
            handed
        });
        drop(send);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    report.stored = stored;
    Ok(report)
}

/// One `dyad annotate` input line → its output object (contract section 2). A line that is not
/// a valid record gives an object with an `error` field.
pub fn annotate_line(
    line: &str,
    line_no: usize,
    cameo: Option<&dyad_code::petrarch::Cameo>,
) -> serde_json::Value {
    use serde_json::{json, Value};
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return json!({"id": Value::Null, "error": format!("line {line_no}: malformed JSON: {e}")})
        }
    };
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = v.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": format!("line {line_no}: no \"text\" field")});
    };
    let str_field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let meta = Meta {
        title: str_field("title"),
        outlet: str_field("outlet"),
        published: str_field("date"),
        ..Meta::default()
    };
    let date = meta.published.as_deref().and_then(day_of);
    let mut doc = Document::new(text.to_string(), meta);
    if let Err(why) = layers(&mut doc, date, cameo) {
        return json!({"id": id, "error": format!("line {line_no}: {why}")});
    }
    let id_str = match &id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut out = dyad_model::contract::annotation(&id_str, &doc);
    out["id"] = id;
    out
}

/// Annotates JSON Lines records in parallel chunks, calling `f` with each output in order.
pub fn annotate_lines(
    cameo: Option<&dyad_code::petrarch::Cameo>,
    lines: impl Iterator<Item = std::io::Result<String>>,
    mut f: impl FnMut(serde_json::Value),
) -> std::io::Result<()> {
    let mut lines = lines.enumerate();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_ITEMS);
        for (i, l) in lines.by_ref() {
            let l = l?;
            if !l.trim().is_empty() {
                chunk.push((i + 1, l));
            }
            if chunk.len() >= CHUNK_ITEMS {
                break;
            }
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let out: Vec<_> = chunk
            .par_iter()
            .map(|(n, l)| annotate_line(l, *n, cameo))
            .collect();
        out.into_iter().for_each(&mut f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotate_lines_keep_order_ids_and_report_bad_lines() {
        let input = [
            r#"{"id": "a", "text": "Xi met Putin. They signed a statement.", "date": "2019-06-05"}"#,
            "not json",
            r#"{"id": 7, "text": "Li Shangfu arrived in Moscow."}"#,
            r#"{"id": "c"}"#,
        ];
        let mut out = Vec::new();
        annotate_lines(None, input.iter().map(|s| Ok(s.to_string())), |v| {
            out.push(v)
        })
        .unwrap();
        assert_eq!(out.len(), 4);
        assert_eq!(out[0]["id"], "a");
        assert_eq!(out[0]["sentences"].as_array().unwrap().len(), 2);
        assert!(out[1]["error"].as_str().unwrap().contains("line 2"));
        assert_eq!(out[2]["id"], 7);
        assert!(out[3]["error"].as_str().unwrap().contains("text"));
    }

    #[test]
    fn ingest_stores_good_inputs_reports_bad_ones_and_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let d = &dir.path().join("in");
        std::fs::create_dir(d).unwrap();
        std::fs::write(
            d.join("a.html"),
            "<html><head><title>Xi and Putin launch pipeline</title></head><body><article>\
             <p>Chinese President Xi Jinping and Russian President Vladimir Putin launched the Power of Siberia gas pipeline by video link on Monday, opening a new route for Russian gas to reach China.</p>\
             <p>The pipeline will carry gas from fields in eastern Siberia to northeastern China under a thirty-year contract signed in 2014.</p>\
             </article></body></html>",
        )
        .unwrap();
        std::fs::write(d.join("b.bin"), b"\x00\x01garbage").unwrap();
        std::fs::write(
            d.join("c.jsonl"),
            "{\"text\": \"Ukrainian Foreign Minister Dmytro Kuleba met Chinese Foreign Minister Wang Yi in Guangzhou on Wednesday.\", \"outlet\": \"Harbour Daily\", \"date\": \"2024-07-24\"}\n{broken\n",
        )
        .unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let opts = Options::default();
        let mut seen = Vec::new();
        let r = ingest(
            vec![d.to_path_buf()],
            &mut store,
            &opts,
            |_| {},
            |e| seen.push(e.to_string()),
        )
        .unwrap();
        assert_eq!(r.stored.inserted, 2, "{r:?}");
        assert_eq!(r.errors.len(), 2);
        assert!(seen
            .iter()
            .any(|e| e.contains("b.bin") && e.contains("binary")));
        assert!(seen
            .iter()
            .any(|e| e.contains("c.jsonl:2") && e.contains("malformed JSON")));
        let r2 = ingest(vec![d.to_path_buf()], &mut store, &opts, |_| {}, |_| {}).unwrap();
        assert_eq!((r2.stored.inserted, r2.stored.already_stored), (0, 2));
        let st = store.stats().unwrap();
        assert_eq!(st.documents, 2);
        assert!(st.sentences >= 3);
        assert_eq!(store.search("Siberia", 5).unwrap().len(), 1);
    }
}
