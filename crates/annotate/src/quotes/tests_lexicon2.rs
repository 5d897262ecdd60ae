//! The eighth round of cue words: comparisons, convictions, embraces, refusals, guesses and
//! the phrasal verbs with "off", "down" and "after" ("shrugged off", "played down", "went
//! after"), in our own news-like sentences, with readings that must not become cues.

use super::tests::{check, quotes};

#[test]
fn comparisons_convictions_and_embraces() {
    check(
        "The mayor compared the transit plan to a blank check.",
        "compared",
        "The mayor",
        "the transit plan to a blank check",
    );
    check(
        "Farm groups are convinced that the tariffs will hurt exports.",
        "convinced",
        "Farm groups",
        "the tariffs will hurt exports",
    );
    check(
        "The governor embraced the proposal for a new bridge.",
        "embraced",
        "The governor",
        "the proposal for a new bridge",
    );
    check(
        "Some bankers guess the central bank will hold rates in March.",
        "guess",
        "Some bankers",
        "the central bank will hold rates in March",
    );
}

#[test]
fn a_refusal_in_the_base_form() {
    check(
        "The unions refuse to accept the new contract.",
        "refuse",
        "The unions",
        "to accept the new contract",
    );
}

#[test]
fn phrasal_dismissals_and_attacks() {
    check(
        "The senator shrugged off the criticism from party leaders.",
        "shrugged",
        "The senator",
        "the criticism from party leaders",
    );
    check(
        "Officials played down the risk of a second outbreak.",
        "played",
        "Officials",
        "the risk of a second outbreak",
    );
    check(
        "Ramirez went after his rival over the school budget.",
        "went",
        "Ramirez",
        "his rival over the school budget",
    );
}

#[test]
fn phrasal_verbs_need_their_particle() {
    for text in [
        "The band played a short set before the storm.",
        "The delegates went home after the vote.",
        "The orchestra will play the anthem before the game.",
    ] {
        assert!(quotes(text).is_empty(), "{text}\n{:#?}", quotes(text));
    }
}

#[test]
fn two_particles_before_the_content() {
    check(
        "The president lashed out at his critics in Congress.",
        "lashed",
        "The president",
        "his critics in Congress",
    );
    check(
        "Two former judges weighed in on the redistricting fight.",
        "weighed",
        "Two former judges",
        "the redistricting fight",
    );
    check(
        "The teachers union came out against the voucher bill.",
        "came",
        "The teachers union",
        "the voucher bill",
    );
    check(
        "The campaign fired back at the newspaper over its report.",
        "fired",
        "The campaign",
        "the newspaper over its report",
    );
    for text in [
        "The board fired the coach after the season.",
        "The results came out of a long count in the capital.",
    ] {
        assert!(quotes(text).is_empty(), "{text}\n{:#?}", quotes(text));
    }
}
