#![no_main]
//! HTML extraction on arbitrary bytes, decoded as the reader would.
use dyad_ingest::{decode, Body, Hints, RawItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = decode::decode_html(data, None);
    let item = RawItem {
        origin: "fuzz.html".into(),
        body: Body::Html(decoded.text),
        hints: Hints::default(),
        encoding: "UTF-8",
    };
    let opts = dyad_extract::Options {
        today: chrono::NaiveDate::from_ymd_opt(2024, 5, 17).unwrap(),
    };
    let _ = dyad_extract::extract(&item, &opts);
});
