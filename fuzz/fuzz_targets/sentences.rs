#![no_main]
//! The sentence splitter and the 4 KB cut: spans in order, inside the text, on char
//! boundaries.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let spans = dyad_annotate::sentences::split_sentences(&text);
    let spans = dyad_annotate::sentences::bounded(&text, spans);
    let mut last = 0;
    for (s, e) in spans {
        assert!(
            s >= last && s <= e && e <= text.len(),
            "bad sentence {s}..{e}"
        );
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        last = e;
    }
});
