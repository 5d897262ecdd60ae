//! The eighth round: the speaker of a cue whose content is found, in our own news-like
//! sentences: what stands between a subject and its verb is no speaker.

use super::tests::{one, quotes, speaker};

/// The cue and speaker of the one attribution of `text`.
fn check(text: &str, cue: &str, who: &str) {
    let q = one(text);
    assert_eq!((q.cue.as_str(), speaker(&q)), (cue, who), "{text}");
}

#[test]
fn times_and_asides_between_the_subject_and_its_verb() {
    check(
        "The mayor at the time said the bridge would reopen in May.",
        "said",
        "The mayor",
    );
    check(
        "The county board less than three weeks ago said the levy was fair.",
        "said",
        "The county board",
    );
    check(
        "Senator Ruth Alder earlier in the week argued that the tax would fail.",
        "argued",
        "Senator Ruth Alder",
    );
    check(
        "A second official speaking to local reporters said the plant would close.",
        "said",
        "A second official",
    );
    check(
        "The union leaders have in the past said the strike was a last resort.",
        "said",
        "The union leaders",
    );
    check(
        "The council, which in 2019 said the library would close, met again.",
        "said",
        "which",
    );
    check(
        "Students marching through the campus chanted that the fees were too high.",
        "chanted",
        "Students",
    );
}

#[test]
fn a_participle_after_an_opening_phrase_is_the_subjects() {
    check(
        "Years after the mill closed, the town council voted to rebuild the park, promising new jobs for residents.",
        "promising",
        "the town council",
    );
    check(
        "Just before the vote began, Senator Hale rose to speak and urged colleagues to reject the bill.",
        "urged",
        "Senator Hale",
    );
}

#[test]
fn a_participle_after_a_second_clause_is_that_clauses() {
    check(
        "Prosecutors filed charges on Monday and the mayor fired the police chief, saying the department had lost public trust.",
        "saying",
        "the mayor",
    );
    // A second object is no clause of its own.
    check(
        "Hale visited the nurses and the doctors, saying they had worked without rest.",
        "saying",
        "Hale",
    );
}

#[test]
fn a_second_verb_after_and_shares_the_nearest_subject() {
    check(
        "The crowd cheered when the mayor spotted a banner and urged the council to act.",
        "urged",
        "the mayor",
    );
}

#[test]
fn asked_with_its_object_after_an_appositive_is_the_subjects_question() {
    check(
        "Maria Lopez, a reporter for the Tribune, asked the mayor whether the budget would pass.",
        "asked",
        "Maria Lopez",
    );
    // An opening question still has no speaker.
    let q = one("Asked whether the budget would pass, the mayor shrugged.");
    assert_eq!(speaker(&q), "");
}

/// The speaker of the attribution of `text` whose cue is `cue`.
fn speaker_of(text: &str, cue: &str) -> String {
    let got = quotes(text);
    let q = got.iter().find(|q| q.cue == cue);
    let q = q.unwrap_or_else(|| panic!("{text}\n{got:#?}"));
    speaker(q).to_string()
}

#[test]
fn a_participle_is_not_the_speaker_of_a_report_in_the_object() {
    let text = "Nadia Reyes took aim at Governor Hale's plan to close the clinic, saying it would hurt rural families.";
    assert_eq!(speaker_of(text, "saying"), "Nadia Reyes");
    // After a reported clause and its cue, the cue's speaker still holds.
    let text = "The talks will resume next week, the minister said, adding that no date was set.";
    assert_eq!(speaker_of(text, "adding"), "the minister");
}

#[test]
fn the_phrase_before_a_relative_clause_that_ends_at_the_cue() {
    check(
        "One of the doctors who sent the letter called the host a fraud.",
        "called",
        "One of the doctors",
    );
    let text = "Even senators who have praised the governor warned that the plan could fail.";
    assert_eq!(speaker_of(text, "warned"), "Even senators");
    // A relative clause with its own subject keeps the cue's subject.
    check(
        "The bill that the mayor said was unfair passed on Monday.",
        "said",
        "the mayor",
    );
}

#[test]
fn an_infinitive_after_an_object_takes_the_clauses_subject() {
    check(
        "Senator Hale has launched a public campaign to condemn the new tariffs.",
        "condemn",
        "Senator Hale",
    );
    // A verb that governs the infinitive keeps its own subject.
    check(
        "The ministry declined to say whether the talks would resume.",
        "declined",
        "The ministry",
    );
}

#[test]
fn a_participle_after_an_issued_statement_is_the_issuers() {
    let text = "The governor issued a statement Tuesday saying the bridge would reopen.";
    assert_eq!(speaker_of(text, "saying"), "The governor");
    let text = "The ministry has published a letter sharply disputing the claims.";
    assert_eq!(speaker_of(text, "disputing"), "The ministry");
}

#[test]
fn an_inverted_speaker_with_three_words_of_description_before_the_name() {
    check(
        "“We are ready for the storm,” said director of operations Ana Silva.",
        "said",
        "director of operations Ana Silva",
    );
}

#[test]
fn a_longer_opening_phrase_before_the_subject() {
    let text = "And a couple of years later, the senator echoed the remark, recalling a visit to the plant.";
    assert_eq!(speaker_of(text, "recalling"), "the senator");
}

#[test]
fn a_document_with_its_addressee_is_the_speaker() {
    check(
        "The campaign's memo to senior staff says the office will close in May.",
        "says",
        "The campaign's memo to senior staff",
    );
}
