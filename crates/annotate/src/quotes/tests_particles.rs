//! The seventh round: a particle that brings in a frame of its own beside a word's other
//! frames ("hoping for a deal" beside "hopes to win"), and an infinitive right after the
//! word ("would like to meet"), in our own news-like sentences, with readings that must not
//! become cues.

use super::tests::{check, quotes};
use super::*;

#[test]
fn a_particle_frame_beside_the_direct_frames() {
    check(
        "Union leaders are hoping for a quick settlement with the port operators.",
        "hoping",
        "Union leaders",
        "a quick settlement with the port operators",
    );
    // The direct frames still hold.
    check(
        "The governor hopes to sign the budget before the holiday.",
        "hopes",
        "The governor",
        "to sign the budget before the holiday",
    );
    check(
        "The senator believes in open trade with the region.",
        "believes",
        "The senator",
        "open trade with the region",
    );
    check(
        "Dairy farmers are worried about the drought this spring.",
        "worried",
        "Dairy farmers",
        "the drought this spring",
    );
    check(
        "Farmers worried about the drought this spring.",
        "worried",
        "Farmers",
        "the drought this spring",
    );
    check(
        "The union agreed with the board's decision to delay the vote.",
        "agreed",
        "The union",
        "the board's decision to delay the vote",
    );
    check(
        "Investors are optimistic about the merger.",
        "optimistic",
        "Investors",
        "the merger",
    );
    check(
        "Residents were angry over the new parking fees.",
        "angry",
        "Residents",
        "the new parking fees",
    );
    check(
        "Local officials are pleased that the plant will stay open.",
        "pleased",
        "Local officials",
        "the plant will stay open",
    );
}

#[test]
fn adjectives_of_concern_and_interest_with_their_particle() {
    check(
        "Hospital staff are concerned about the new shift rules.",
        "concerned",
        "Hospital staff",
        "the new shift rules",
    );
    check(
        "The airline is interested in buying two regional carriers.",
        "interested",
        "The airline",
        "buying two regional carriers",
    );
    check(
        "Most tenants were satisfied with the repairs.",
        "satisfied",
        "Most tenants",
        "the repairs",
    );
    // Without the particle: no stance.
    assert!(
        quotes("As far as the county is concerned, the road will open in May.")
            .iter()
            .all(|q| q.cue != "concerned")
    );
    assert!(quotes("The concerned parents met on Tuesday night.").is_empty());
}

#[test]
fn votes_against_and_plans_laid_out() {
    check(
        "Two Republicans voted against the spending bill on Thursday.",
        "voted",
        "Two Republicans",
        "the spending bill on Thursday",
    );
    check(
        "The chancellor laid out a plan to cut the deficit by half.",
        "laid",
        "The chancellor",
        "a plan to cut the deficit by half",
    );
    check(
        "Three justices sided with the state in the voting case.",
        "sided",
        "Three justices",
        "the state in the voting case",
    );
    check(
        "The governor touched on the cost of child care in her speech.",
        "touched",
        "The governor",
        "the cost of child care in her speech",
    );
    assert!(quotes("The plane touched down in Denver after midnight.").is_empty());
    check(
        "The prime minister spoke of a new era for the two countries.",
        "spoke",
        "The prime minister",
        "a new era for the two countries",
    );
    check(
        "Democrats are counting on a strong turnout in the suburbs.",
        "counting",
        "Democrats",
        "a strong turnout in the suburbs",
    );
    assert!(quotes("Election workers were counting ballots late into the night.").is_empty());
    // Laid without "out" is no report.
    assert!(quotes("Workers laid new track along the river.").is_empty());
}

#[test]
fn a_passive_stance_participle_stays_no_report() {
    // Without its particle or clause a stance participle after a copula is a passive.
    assert!(quotes("The plan was supported last week.").is_empty());
    assert!(quotes("The two deals were worried over for months.").is_empty());
}

#[test]
fn a_particle_without_its_frame_is_no_cue() {
    // "for" not followed by a noun phrase: no object, no report.
    assert!(quotes("The crowd was hoping for, if nothing else, a glimpse.").is_empty());
    // A particle the line does not name.
    assert!(quotes("The mayor hoped against the odds.").is_empty());
    assert!(quotes("The family believed at once.").is_empty());
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
