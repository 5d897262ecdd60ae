//! Property tests of the span checks themselves: `Span::check` accepts exactly the spans
//! inside the text on char boundaries, and the sentence layer refuses overlapping spans.

use dyad_model::{Document, Meta, Span};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn check_agrees_with_str_slicing(text in any::<String>(), a in 0usize..64, b in 0usize..64) {
        let s = Span::new(a, b);
        let ok = text.get(a..b).is_some();
        prop_assert_eq!(s.check(&text).is_ok(), ok);
        prop_assert_eq!(s.slice(&text), text.get(a..b));
    }

    #[test]
    fn sentence_layer_takes_ordered_spans_and_refuses_overlaps(
        text in "[a-zé😀 .]{0,40}".prop_map(String::from),
        cuts in proptest::collection::vec(0usize..48, 0..8),
    ) {
        let mut doc = Document::new(text.clone(), Meta::default());
        // Cuts on char boundaries, sorted: consecutive spans are ordered and disjoint.
        let mut cuts: Vec<usize> = cuts.into_iter().filter(|&c| text.is_char_boundary(c)).collect();
        cuts.sort_unstable();
        let spans: Vec<Span> = cuts.windows(2).map(|w| Span::new(w[0], w[1])).collect();
        prop_assert!(doc.set_sentences(spans.clone()).is_ok());
        // Swapped, a later non-empty span comes first: out of order.
        if spans.len() >= 2 && !spans[1].is_empty() {
            let mut swapped = spans.clone();
            swapped.swap(0, 1);
            prop_assert!(doc.set_sentences(swapped).is_err());
            prop_assert_eq!(&doc.layers().sentences, &spans);
        }
    }
}
