//! Gzip input that inflates far beyond the document limit: reading it must hold no more than
//! about one document, whatever the file inflates to. The `gzip` fuzz target's memory check
//! failed on its 4 MB seed of one letter read as `.jsonl.gz`; the `warc` crate's reader,
//! read for the same reason, holds whatever a record or header line claims.
//!
//! The allocator of this test binary counts the bytes each thread holds, so that the tests
//! can measure their own peak while others run.

use dyad_ingest::{Options, Reader};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;
use std::path::Path;

struct PerThread;

thread_local! {
    static IN_USE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = IN_USE.try_with(|u| {
        let now = u.get() + delta;
        u.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

unsafe impl GlobalAlloc for PerThread {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        count(l.size() as isize);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        count(-(l.size() as isize));
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        count(new as isize - l.size() as isize);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static A: PerThread = PerThread;

/// Reads a file as the pipeline does; returns the reasons of its errors and the peak of
/// bytes held while reading, above what was held before.
fn read(path: &Path, max_bytes: usize) -> (Vec<String>, usize) {
    let base = IN_USE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let got: Vec<_> = Reader::new([path.to_path_buf()], Options { max_bytes }).collect();
    let peak = (PEAK.with(Cell::get) - base) as usize;
    let reasons = got
        .into_iter()
        .map(|r| match r {
            Ok(item) => format!("ok {}", item.body.as_str().len()),
            Err(e) => e.reason,
        })
        .collect();
    (reasons, peak)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const LIMIT: usize = 64 << 10;
/// A few copies of one document and the WARC reader's 1 MB buffer; the bombs inflate to 8 MB.
const BOUND: usize = 3 << 20;

#[test]
fn an_endless_json_line_in_gzip_is_skipped_without_holding_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wire.jsonl.gz");
    let mut data = b"{\"text\": \"".to_vec();
    data.resize(8 << 20, b'a');
    data.extend_from_slice(b"\"}\n{\"text\": \"Kestran recalled its envoy.\"}\n");
    std::fs::write(&p, gz(&data)).unwrap();
    let (reasons, peak) = read(&p, LIMIT);
    assert!(peak < BOUND, "held {peak} bytes");
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].starts_with("too large"), "{reasons:?}");
    assert_eq!(reasons[1], "ok 27");
}

#[test]
fn a_huge_warc_record_in_gzip_is_skipped_without_holding_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crawl.warc.gz");
    let record = |uri: &str, body: &[u8]| {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2024-05-17T08:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\n\
             Content-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let mut warc = record("https://a.example/big", &vec![b'a'; 8 << 20]);
    warc.extend(record(
        "https://a.example/small",
        b"<p>Morev offered to mediate.</p>",
    ));
    // And a header line that never ends.
    warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: resource\r\nX-Junk: ");
    warc.resize(warc.len() + (8 << 20), b'b');
    std::fs::write(&p, gz(&warc)).unwrap();
    let (reasons, peak) = read(&p, LIMIT);
    assert!(peak < BOUND, "held {peak} bytes");
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].starts_with("too large"), "{reasons:?}");
    assert!(reasons[1].starts_with("ok"), "{reasons:?}");
    assert!(reasons[2].contains("header too long"), "{reasons:?}");
}

#[test]
fn corrupt_gzip_in_a_stream_says_gzip() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["wire.jsonl.gz", "crawl.warc.gz"] {
        let p = dir.path().join(name);
        let whole = gz(b"{\"text\": \"Valdoria shelled Kestran.\"}\n");
        std::fs::write(&p, &whole[..whole.len() / 2]).unwrap();
        let (reasons, _) = read(&p, LIMIT);
        assert_eq!(reasons.len(), 1, "{reasons:?}");
        assert!(
            reasons[0].starts_with("truncated or corrupt gzip data"),
            "{name}: {reasons:?}"
        );
    }
}
