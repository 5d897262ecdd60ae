//! Code: who did what to whom and when, in PLOVER and CAMEO.
//!
//! The coder runs after annotation and writes the event layer. It is an empty stage for now:
//! every document gets an empty event layer, which the contract and the store already carry.

use dyad_model::Document;

/// Adds the event layer to an annotated document.
pub fn code(doc: &mut Document) {
    let _ = doc.set_events(Vec::new());
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Meta;

    #[test]
    fn the_empty_stage_leaves_an_empty_layer() {
        let mut doc = Document::new("Xi met Putin.".into(), Meta::default());
        code(&mut doc);
        assert!(doc.layers().events.is_empty());
    }
}
