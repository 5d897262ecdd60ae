#![no_main]
//! The JSON Lines reader on arbitrary bytes, and extraction of what it yields.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = dyad_ingest::Options { max_bytes: 1 << 16 };
    let items = dyad_ingest::jsonl_items("fuzz.jsonl", std::io::Cursor::new(data.to_vec()), opts);
    let ex = dyad_extract::Options {
        today: chrono::NaiveDate::from_ymd_opt(2024, 5, 17).unwrap(),
    };
    for item in items.take(64).flatten() {
        let _ = dyad_extract::extract(&item, &ex);
    }
});
