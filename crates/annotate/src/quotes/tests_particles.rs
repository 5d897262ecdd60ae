//! The seventh round: a particle that brings in a frame of its own beside a word's other
//! frames ("hoping for a deal" beside "hopes to win"), and an infinitive right after the
//! word ("would like to meet"), in our own news-like sentences, with readings that must not
//! become cues.

use super::tests::{one, quotes, speaker};
use super::*;

/// The cue, speaker and content of the one attribution of `text`.
fn check(text: &str, cue: &str, who: &str, content: &str) {
    let q = one(text);
    assert_eq!(
        (q.cue.as_str(), speaker(&q), q.content.as_str()),
        (cue, who, content),
        "{text}"
    );
}

#[test]
fn like_takes_only_an_infinitive_right_after_it() {
    check(
        "The minister would like to meet the strikers on Monday.",
        "like",
        "The minister",
        "to meet the strikers on Monday",
    );
    // The preposition: "candidates like Ruiz" is no wish.
    assert!(
        quotes("Candidates like Ruiz need to win the suburbs to stay in the race.")
            .iter()
            .all(|q| q.cue != "like")
    );
}

#[test]
fn particle_frames_in_the_cue_file() {
    let lx = lexicon::parse(
        "stance\tclause,to,for+obj\thope hoped\nstance\tinf\tlike\nphrase\taccording to\n",
    )
    .unwrap();
    let f = lx.verbs["hoped"].frames.unwrap();
    assert!(f.clause && f.to && !f.obj && f.particles == 0);
    assert!(f.after_particle("for").is_some_and(|p| p.obj && !p.to));
    assert!(f.after_particle("about").is_none());
    assert!(lx.verbs["like"].frames.is_some_and(|f| f.inf && !f.to));
    // A particle needs a frame it knows, "to" is written `to-prep`, and bare particles and
    // particles with frames do not mix on one line.
    for bad in [
        "stance\tclause,for+noun\thope\n",
        "stance\tclause,to+obj\thope\n",
        "stance\tclause,up+obj\thope\n",
        "stance\tabout,for+obj\thope\n",
    ] {
        let src = format!("{bad}phrase\taccording to\n");
        assert!(lexicon::parse(&src).is_err(), "{bad}");
    }
    assert!(lexicon::parse("stance\tobj,to-prep+obj\trefer\nphrase\taccording to\n").is_ok());
}
