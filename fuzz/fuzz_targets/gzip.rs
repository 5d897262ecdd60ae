#![no_main]
//! Gzip input as `dyad ingest` reads it: the bytes (given the gzip magic when they lack it)
//! are written to `page.html.gz`, `dump.txt.gz`, `page.gz`, `items.jsonl.gz` and
//! `crawl.warc.gz` in a directory of this process, each read by `dyad_ingest::Reader` (the
//! reader of the pipeline), and every item it yields goes through extraction.
//!
//! Checks beyond "no panic, no hang": the memory each step of the reader (one item) holds at
//! its peak stays within a bound set by the document limit (`max_bytes`, 64 KB here), whatever
//! the input inflates to;
//! no document is longer than the limit allows; and every error names the file and says what
//! went wrong.
use libfuzzer_sys::fuzz_target;
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::OnceLock;

/// Counts the bytes in use and their peak.
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = IN_USE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        IN_USE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new >= l.size() {
                let now = IN_USE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

const MAX_BYTES: usize = 1 << 16;
/// What reading may hold beyond the input: a few copies of one document at the limit (the
/// inflated bytes, their decoded text, which may be up to three times longer, ...) and the
/// fixed buffers of the readers (the WARC reader's 1 MB body buffer).
const MEMORY_BOUND: usize = 16 * MAX_BYTES + (2 << 20);
const NAMES: [&str; 5] = [
    "page.html.gz",
    "dump.txt.gz",
    "page.gz",
    "items.jsonl.gz",
    "crawl.warc.gz",
];
const REASONS: [&str; 9] = [
    "gzip",
    "too large",
    "binary data",
    "empty input",
    "malformed",
    "truncated",
    "neither",
    "must be an object",
    "WARC",
];

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("dyad-fuzz-gzip-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Vec::with_capacity(data.len() + 2);
    if !data.starts_with(&[0x1f, 0x8b]) {
        bytes.extend_from_slice(&[0x1f, 0x8b]);
    }
    bytes.extend_from_slice(data);
    let opts = dyad_ingest::Options {
        max_bytes: MAX_BYTES,
    };
    let ex = dyad_extract::Options {
        today: chrono::NaiveDate::from_ymd_opt(2024, 5, 17).unwrap(),
    };
    for name in NAMES {
        let path = dir().join(name);
        std::fs::write(&path, &bytes).expect("write input");
        let mut items = dyad_ingest::Reader::new([path.clone()], opts);
        for _ in 0..64 {
            // Each step of the stream, with nothing else held: the memory it takes.
            let base = IN_USE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let Some(item) = items.next() else { break };
            let peak = PEAK.load(Relaxed) - base;
            assert!(
                peak <= MEMORY_BOUND,
                "{name}: reading held {peak} bytes at its peak (bound {MEMORY_BOUND})"
            );
            match item {
                Ok(item) => {
                    assert!(
                        item.body.as_str().len() <= 3 * MAX_BYTES,
                        "{name}: a document of {} bytes",
                        item.body.as_str().len()
                    );
                    let _ = dyad_extract::extract(&item, &ex);
                }
                Err(e) => {
                    assert!(e.origin.contains(name), "error without the file: {e}");
                    assert!(
                        REASONS.iter().any(|r| e.reason.contains(r)),
                        "{name}: an unclear error: {e}"
                    );
                }
            }
        }
    }
});
