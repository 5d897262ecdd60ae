//! Crash safety: `dyad ingest` killed with SIGKILL at random points of a batch, then run again,
//! leaves every document stored exactly once with all its layers, the same as an uninterrupted
//! run. The kill points come from the clock; a failure prints them.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

const LEADERS: &[(&str, &str)] = &[
    ("Chinese President Xi Jinping", "Beijing"),
    ("Russian President Vladimir Putin", "Moscow"),
    ("Indian Prime Minister Narendra Modi", "New Delhi"),
    ("French President Emmanuel Macron", "Paris"),
    ("Turkish President Recep Tayyip Erdogan", "Ankara"),
];
const ACTS: &[&str] = &[
    "met {B} in {C} on Monday to discuss energy cooperation.",
    "accused {B} of undermining regional security.",
    "spoke with {B} by phone on Friday.",
    "signed an agreement with {B} on grain exports on Tuesday.",
    "said the talks with {B} were \"frank and constructive\".",
];

/// A JSON Lines batch of `n` distinct short reports.
fn corpus(path: &Path, n: usize) {
    let mut out = String::new();
    for i in 0..n {
        let (a, _) = LEADERS[i % LEADERS.len()];
        let (b, city) = LEADERS[(i / LEADERS.len() + 1 + i) % LEADERS.len()];
        let b = if a == b {
            LEADERS[(i + 1) % LEADERS.len()].0
        } else {
            b
        };
        let act = ACTS[(i * 7) % ACTS.len()]
            .replace("{B}", b)
            .replace("{C}", city);
        let text = format!(
            "{a} {act} Officials said report number {i} was the {}th of the series.\n\nThe meeting lasted two hours.",
            i + 1
        );
        let day = 1 + i % 28;
        let rec = serde_json::json!({
            "url": format!("https://wire.example/{i}"),
            "outlet": "Test Wire",
            "date": format!("2023-03-{day:02}"),
            "title": format!("Report {i}"),
            "text": text,
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn ingest(input: &Path, db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dyad"));
    c.args([
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    c
}

/// Per document: sentences, mentions, events and quotes, in id order.
fn layers(db: &Path) -> Vec<(String, i64, i64, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT d.id,
                (SELECT count(*) FROM sentences s WHERE s.doc = d.rowid),
                (SELECT count(*) FROM mentions m WHERE m.doc = d.rowid),
                (SELECT count(*) FROM events e WHERE e.doc = d.rowid),
                (SELECT count(*) FROM quotes q WHERE q.doc = d.rowid)
             FROM documents d ORDER BY d.id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

#[test]
fn ingest_killed_at_random_points_then_rerun_stores_each_document_once_and_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("batch.jsonl");
    // Several chunks of 256 items, so that kills land inside and between transactions.
    let n = 1200;
    corpus(&input, n);

    let reference = dir.path().join("reference.db");
    assert!(ingest(&input, &reference).status().unwrap().success());
    let want = layers(&reference);
    assert_eq!(want.len(), n);
    let t0 = Instant::now();
    assert!(ingest(&input, &dir.path().join("timing.db"))
        .status()
        .unwrap()
        .success());
    let full = t0.elapsed();

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut rng = seed | 1;
    let mut next = || {
        // xorshift: enough to spread the kill points.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let db = dir.path().join("killed.db");
    let mut kills = Vec::new();
    for _ in 0..4 {
        let at = Duration::from_micros(next() % (full.as_micros() as u64).max(1));
        let mut child = ingest(&input, &db).spawn().unwrap();
        std::thread::sleep(at);
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        kills.push(at);
    }
    assert!(
        ingest(&input, &db).status().unwrap().success(),
        "seed {seed}, kills {kills:?}"
    );
    let got = layers(&db);
    assert_eq!(
        got.len(),
        n,
        "seed {seed}, kills {kills:?}: {} documents",
        got.len()
    );
    assert_eq!(got, want, "seed {seed}, kills {kills:?}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let fts: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'series'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts as usize, n, "the search index holds each document once");
}
