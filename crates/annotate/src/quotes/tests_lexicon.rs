//! The cue words and frames of the sixth round (b), in our own news-like sentences, with the
//! readings of the same words that must not become cues.

use super::tests::{one, quotes, speaker};
use super::*;

/// The cue, speaker and content of the one attribution of `text`.
fn check(text: &str, cue: &str, who: &str, content: &str, class: CueClass) {
    let q = one(text);
    assert_eq!(
        (q.cue.as_str(), speaker(&q), q.content.as_str(), q.class),
        (cue, who, content, class),
        "{text}"
    );
}

#[test]
fn verbs_of_admission_and_conjecture_take_their_clause() {
    check(
        "The senator confessed that she had misjudged the mood of the state.",
        "confessed",
        "The senator",
        "she had misjudged the mood of the state",
        CueClass::Speech,
    );
    check(
        "Analysts surmised the bank would hold rates steady.",
        "surmised",
        "Analysts",
        "the bank would hold rates steady",
        CueClass::Speech,
    );
    check(
        "The mayor swore the bridge would reopen by June.",
        "swore",
        "The mayor",
        "the bridge would reopen by June",
        CueClass::Speech,
    );
}

#[test]
fn manners_of_saying_are_cues_only_next_to_a_quotation() {
    check(
        "“We will not back down,” the mayor snapped.",
        "snapped",
        "the mayor",
        "“We will not back down,”",
        CueClass::Speech,
    );
    check(
        "“Not this year,” Ruiz laughed.",
        "laughed",
        "Ruiz",
        "“Not this year,”",
        CueClass::Speech,
    );
    // Without a quotation they are other events.
    assert!(quotes("The cable snapped in the storm.").is_empty());
    assert!(quotes("The crowd laughed and the band began the next song.").is_empty());
}

#[test]
fn disputes_and_put_downs_take_their_object() {
    check(
        "Republicans disputed the budget figures.",
        "disputed",
        "Republicans",
        "the budget figures",
        CueClass::Speech,
    );
    check(
        "Mr. Hale downplayed the risk of a strike.",
        "downplayed",
        "Mr. Hale",
        "the risk of a strike",
        CueClass::Speech,
    );
    check(
        "The senator knocked the governor’s budget.",
        "knocked",
        "The senator",
        "the governor’s budget",
        CueClass::Speech,
    );
    check(
        "The mayor singled out the police chief.",
        "singled",
        "The mayor",
        "the police chief",
        CueClass::Speech,
    );
    check(
        "Farm groups objected to the new quotas.",
        "objected",
        "Farm groups",
        "the new quotas",
        CueClass::Speech,
    );
    // "singled" needs its particle.
    assert!(quotes("The mayor singled the police chief.").is_empty());
}

#[test]
fn portrayals_take_an_object_and_what_it_is_taken_for() {
    check(
        "Ruiz has cast the mayor as a friend of developers.",
        "cast",
        "Ruiz",
        "the mayor as a friend of developers",
        CueClass::Speech,
    );
    check(
        "The ad characterized the tax as a burden on farmers.",
        "characterized",
        "The ad",
        "the tax as a burden on farmers",
        CueClass::Speech,
    );
    // "cast" without `as` is a vote or a vote's like.
    assert!(quotes("Voters cast their ballots in the rain.").is_empty());
    assert!(quotes("The verdict cast a shadow over the campaign.").is_empty());
}

#[test]
fn choices_and_publications_take_their_object() {
    check(
        "The party nominated Ana Ruiz for the Senate seat.",
        "nominated",
        "The party",
        "Ana Ruiz for the Senate seat",
        CueClass::Speech,
    );
    check(
        "The Heritage Foundation published a study of the new tariffs on Monday.",
        "published",
        "The Heritage Foundation",
        "a study of the new tariffs on Monday",
        CueClass::Speech,
    );
    check(
        "Time magazine named her one of the most influential people.",
        "named",
        "Time magazine",
        "her one of the most influential people",
        CueClass::Speech,
    );
    // "named" after an indefinite noun gives a name.
    assert!(quotes("He met a farmer named Ana Ruiz.").is_empty());
    assert!(quotes("She hired a 70-year-old lawyer named Tom Hale.").is_empty());
    // Deeds are no speech.
    assert!(quotes("The governor signed the pension bill on Friday.").is_empty());
    assert!(quotes("Three firms filed bids for the contract.").is_empty());
    assert!(quotes("The campaign released its tax returns on Monday.").is_empty());
}

#[test]
fn a_publication_participle_after_a_record_leaves_the_record_its_verb() {
    check(
        "A poll released Sunday shows the governor leading by eight points.",
        "shows",
        "A poll",
        "the governor leading by eight points",
        CueClass::Speech,
    );
    let got = quotes("Emails published this week showed the aide had warned the mayor.");
    assert!(
        got.iter()
            .any(|q| q.cue == "showed" && speaker(q) == "Emails"),
        "{got:#?}"
    );
    assert!(got.iter().all(|q| q.cue != "published"), "{got:#?}");
}

#[test]
fn call_after_a_modifier_is_a_noun() {
    assert!(quotes("The senator made a phone call to the mayor.").is_empty());
    assert!(quotes("Delegates began the roll call on Tuesday.").is_empty());
    assert!(quotes("His recent call for a ban drew criticism.").is_empty());
    // A plural subject, a quantifier, a modal or a pronoun keeps the verb.
    check(
        "Critics call the plan a giveaway.",
        "call",
        "Critics",
        "the plan a giveaway",
        CueClass::Speech,
    );
    check(
        "Some call it a giveaway.",
        "call",
        "Some",
        "it a giveaway",
        CueClass::Speech,
    );
    check(
        "The senator will call for a recount.",
        "call",
        "The senator",
        "for a recount",
        CueClass::Speech,
    );
}

#[test]
fn adjectives_of_stance_with_the_particle_of_their_object() {
    check(
        "The union was angry at the ruling.",
        "angry",
        "The union",
        "the ruling",
        CueClass::Stance,
    );
    check(
        "Farmers remain unhappy with the trade deal.",
        "unhappy",
        "Farmers",
        "the trade deal",
        CueClass::Stance,
    );
    check(
        "The senator has been sympathetic to the strikers.",
        "sympathetic",
        "The senator",
        "the strikers",
        CueClass::Stance,
    );
    check(
        "The mayor is intent on winning a second term.",
        "intent",
        "The mayor",
        "winning a second term",
        CueClass::Stance,
    );
    // Before a noun, or without the particle, the adjective is no stance.
    assert!(quotes("An angry crowd gathered outside the court.").is_empty());
    assert!(quotes("The driver was angry.").is_empty());
    assert!(quotes("Her intent was never clear.").is_empty());
}

#[test]
fn wishes_and_deliberation_are_stances() {
    check(
        "The governor would like to meet the strikers.",
        "like",
        "The governor",
        "to meet the strikers",
        CueClass::Stance,
    );
    check(
        "Senator Ruiz is considering a run for governor.",
        "considering",
        "Senator Ruiz",
        "a run for governor",
        CueClass::Stance,
    );
    check(
        "Many Democrats disagree with the ruling.",
        "disagree",
        "Many Democrats",
        "the ruling",
        CueClass::Stance,
    );
    // "like" as a preposition, and without an infinitive, is no stance.
    assert!(quotes("Cities like Denver have grown fast.").is_empty());
}

#[test]
fn maintain_reports_only_a_that_clause() {
    check(
        "The senator maintains that the tariff will protect local jobs.",
        "maintains",
        "The senator",
        "the tariff will protect local jobs",
        CueClass::Speech,
    );
    assert!(quotes("The governor maintained a narrow lead in the polls.").is_empty());
}

#[test]
fn pledged_before_delegates_is_an_adjective() {
    assert!(quotes("Ruiz has won the most pledged delegates in the race.").is_empty());
    check(
        "Ruiz pledged to visit every county in the state.",
        "pledged",
        "Ruiz",
        "to visit every county in the state",
        CueClass::Speech,
    );
}

#[test]
fn perception_and_expectation_take_a_bare_object() {
    check(
        "Investors see a one-in-five chance of a rate cut.",
        "see",
        "Investors",
        "a one-in-five chance of a rate cut",
        CueClass::Stance,
    );
    check(
        "The mayor considers the stadium a waste of money.",
        "considers",
        "The mayor",
        "the stadium a waste of money",
        CueClass::Stance,
    );
    check(
        "Farm groups fear a long trade war.",
        "fear",
        "Farm groups",
        "a long trade war",
        CueClass::Stance,
    );
    // "saw" takes only an object with `as`; "is considered" is a passive.
    assert!(quotes("The port saw a sharp rise in traffic.").is_empty());
    assert!(quotes("The bridge is considered safe by engineers.").is_empty());
}

#[test]
fn agreements_take_their_clause_or_infinitive() {
    check(
        "The union agreed to end the strike on Monday.",
        "agreed",
        "The union",
        "to end the strike on Monday",
        CueClass::Speech,
    );
    check(
        "Both parties agree that the port must reopen.",
        "agree",
        "Both parties",
        "the port must reopen",
        CueClass::Speech,
    );
    // Without a clause or an infinitive nothing is reported.
    assert!(quotes("The two sides agreed on Monday.").is_empty());
}

#[test]
fn continues_is_a_cue_only_next_to_a_quotation() {
    check(
        "“We have the votes,” Ruiz continues.",
        "continues",
        "Ruiz",
        "“We have the votes,”",
        CueClass::Speech,
    );
    assert!(quotes("The strike continues into its third week.").is_empty());
}

#[test]
fn pronouncements_and_sermons_take_their_object() {
    check(
        "The governor pronounced the pension deal dead.",
        "pronounced",
        "The governor",
        "the pension deal dead",
        CueClass::Speech,
    );
    check(
        "The pastor preaches a message of economic justice.",
        "preaches",
        "The pastor",
        "a message of economic justice",
        CueClass::Speech,
    );
    // Passives are not reports of the subject.
    assert!(quotes("The patient was pronounced dead at the scene.").is_empty());
}

#[test]
fn phrases_of_view_and_account_name_their_source() {
    let q = one("In the eyes of many farmers, the trade deal came too late.");
    assert_eq!(q.cue, "In the eyes of");
    assert_eq!(speaker(&q), "many farmers");
    assert_eq!(q.content, "the trade deal came too late");
    let q = one("The mayor will resign in May, as first reported by the Herald.");
    assert_eq!(speaker(&q), "the Herald");
    assert_eq!(q.content, "The mayor will resign in May");
}

#[test]
fn looking_to_is_an_intention() {
    check(
        "The governor is looking to expand the port.",
        "looking",
        "The governor",
        "to expand the port",
        CueClass::Stance,
    );
    // Not a direction or a gaze.
    assert!(quotes("The governor is looking to the future.").is_empty());
    assert!(quotes("The governor looked at the map.").is_empty());
}
