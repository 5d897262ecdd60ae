//! Subjects that stand apart from their reporting verb: party tags, asides, contractions,
//! adverbials and opening participle clauses; and reports whose words open a quotation after
//! the cue. Our own news-like sentences.

use super::tests::{one, quotes, speaker};

/// (speaker, content) of the quote whose cue is `cue`.
fn by_cue(text: &str, cue: &str) -> (String, String) {
    let got = quotes(text);
    let q = got
        .iter()
        .find(|q| q.cue == cue)
        .unwrap_or_else(|| panic!("no quote with cue {cue:?} in {text}\n{got:#?}"));
    (speaker(q).to_string(), q.content.clone())
}

#[test]
fn a_dotted_abbreviation_ends_the_subject() {
    let q = one("The F.B.I. said it had no record of the purchase.");
    assert_eq!(speaker(&q), "The F.B.I.");
    assert_eq!(q.content, "it had no record of the purchase");
    let q = one("The U.S. has said it will not send troops.");
    assert_eq!(speaker(&q), "The U.S.");
}

#[test]
fn a_party_tag_and_an_aside_stand_between_the_name_and_the_verb() {
    let (who, what) = by_cue(
        "Sen. Tom Hale, R-Ore., a long-shot candidate, said the president is overselling the deal.",
        "said",
    );
    assert_eq!(who, "Sen. Tom Hale");
    assert_eq!(what, "the president is overselling the deal");
    let (who, what) = by_cue(
        "Sen. Ann Ruiz (D-N.M.), said after a lunch on Tuesday that she had not read the plan.",
        "said",
    );
    assert_eq!(who, "Sen. Ann Ruiz");
    assert_eq!(what, "she had not read the plan");
    // A linking adverb before a relative clause.
    let (who, _) = by_cue(
        "Hale, meanwhile, who has no such endorsements, said the count speaks volumes.",
        "said",
    );
    assert_eq!(who, "Hale");
    // A long description in parentheses.
    let (who, what) = by_cue(
        "Sen. Tom Hale (a first-term Democrat so young he is taken for an aide) says he felt adrift.",
        "says",
    );
    assert_eq!(who, "Sen. Tom Hale");
    assert_eq!(what, "he felt adrift");
    // A hyphen between spaces as a dash.
    let (who, _) = by_cue(
        "Ann Lee - his co-host on the radio show - told the Post that his views had hardened.",
        "told",
    );
    assert_eq!(who, "Ann Lee");
}

#[test]
fn a_name_and_its_appositive_are_no_clause_before_an_inverted_speaker() {
    // Without a verb before the comma the words after "said" are what was said.
    let (who, what) = by_cue(
        "Mr. Hale's former campaign manager, Ann Lee, said the aide who replaced him should be fired.",
        "said",
    );
    assert_eq!(who, "Mr. Hale's former campaign manager, Ann Lee");
    assert_eq!(what, "the aide who replaced him should be fired");
    // After a clause the speaker is still inverted.
    let (who, what) = by_cue(
        "The talks were useful, said Foreign Minister Wang Yi, who spoke in Beijing.",
        "said",
    );
    assert_eq!(who, "Foreign Minister Wang Yi");
    assert_eq!(what, "The talks were useful");
}

#[test]
fn a_contracted_auxiliary_leaves_the_pronoun_as_speaker() {
    let q = one("He's said he will fight all the way to the convention.");
    assert_eq!(speaker(&q), "He");
    assert_eq!(q.content, "he will fight all the way to the convention");
    let q = one("They've said the deal is dead.");
    assert_eq!(speaker(&q), "They");
    // A contracted "is" before "said to" is a hedge, nobody's report.
    assert!(quotes("He's said to be furious about the vote.")
        .iter()
        .all(|q| q.cue != "said" || q.speaker.is_none()));
}

#[test]
fn adverbs_and_times_between_subject_verb_and_clause() {
    let q = one("Greenberg said there certainly was more room for a second look.");
    assert_eq!(speaker(&q), "Greenberg");
    assert_eq!(q.content, "there certainly was more room for a second look");
    // "in November" is a time between the subject and its verb.
    let (who, what) = by_cue(
        "Democrats trying to win the Senate in November say they have a new weapon.",
        "say",
    );
    assert!(who.starts_with("Democrats"), "{who}");
    assert_eq!(what, "they have a new weapon");
    // "by telephone" is the means, not an agent.
    let (who, what) = by_cue(
        "“It's nonsense,” Mr. Hale said by telephone on Sunday.",
        "said",
    );
    assert_eq!(who, "Mr. Hale");
    assert_eq!(what, "“It's nonsense,”");
}

#[test]
fn an_opening_participle_clause_is_the_occasion_not_the_words() {
    let (who, what) = by_cue(
        "Asked whether he would run again, Hale said, “No way.”",
        "said",
    );
    assert_eq!(who, "Hale");
    assert_eq!(what, "“No way.”");
    let (who, what) = by_cue(
        "Asked on Monday whether he would run, Mr. Hale shook his head and said, “No.”",
        "said",
    );
    assert_eq!(who, "Mr. Hale");
    assert_eq!(what, "“No.”");
    // A longer opening adverbial before a subject with a second verb.
    let (who, what) = by_cue(
        "By the end of the day, Mr. Hale was forced to back down and said that his words had been twisted.",
        "said",
    );
    assert_eq!(who, "Mr. Hale");
    assert_eq!(what, "his words had been twisted");
    // A split quotation keeps both its parts.
    let q = one("“The ties,” he said, “are stable.”");
    assert_eq!(q.content, "“The ties,” he said, “are stable.”");
}

#[test]
fn a_title_with_its_dot_opens_a_reported_clause() {
    // The dot of "Mr." does not end the clause whose verb makes it a report.
    let q = one("Hale thinks Mr. Lee will win the runoff.");
    assert_eq!(speaker(&q), "Hale");
    assert_eq!(q.content, "Mr. Lee will win the runoff");
    let q = one("Ruiz knows Dr. Lee is right about the vote.");
    assert_eq!(q.content, "Dr. Lee is right about the vote");
}

#[test]
fn a_record_as_subject_speaks_for_itself() {
    // A review is a record: what it shows needs no `that`.
    let (who, what) = by_cue(
        "A review by The Ledger shows most of the hours were spent on travel.",
        "shows",
    );
    assert!(!who.is_empty());
    assert_eq!(what, "most of the hours were spent on travel");
    // A record's subject too long for the phrase before the verb.
    let (who, what) = by_cue(
        "Surveys of voters taken as they entered polling sites showed that older women turned out.",
        "showed",
    );
    assert!(who.starts_with("Surveys"), "{who}");
    assert_eq!(what, "older women turned out");
    // A person is no record: "shows" without `that` is no report of theirs.
    assert!(quotes("Hale shows most of his cards early.").is_empty());
}

#[test]
fn as_someone_puts_it_in_the_present() {
    let (who, what) = by_cue(
        "As The Ledger's Ann Lee puts it, the mayor is trying to make the council \"an offer it can't refuse.\"",
        "puts it",
    );
    assert_eq!(who, "The Ledger's Ann Lee");
    assert!(what.starts_with("the mayor is trying"), "{what}");
}

#[test]
fn an_infinitive_that_opens_a_quotation_is_the_participles_content() {
    let (who, what) = by_cue(
        "“Let him decide,” Biden said, urging them to “give him time.”",
        "urging",
    );
    assert_eq!(who, "Biden");
    assert_eq!(what, "to “give him time.”");
}

#[test]
fn the_question_a_negated_cue_leaves_open_is_its_content() {
    let q = one("Lawmakers have not said when they would take up the bill.");
    assert_eq!(speaker(&q), "Lawmakers");
    assert_eq!(q.content, "when they would take up the bill");
    let q = one("The spokesman wouldn't say where the talks will be held.");
    assert_eq!(q.content, "where the talks will be held");
    // Without the negation "when" opens a time, not what was said.
    assert!(quotes("She said when she resigned.").is_empty());
}

#[test]
fn what_a_speech_act_is_about_or_against_is_its_content() {
    let q = one("Ms. Lee complained about the dour tone of the primary.");
    assert_eq!(speaker(&q), "Ms. Lee");
    assert_eq!(q.cue, "complained");
    assert_eq!(q.content, "the dour tone of the primary");
    let q = one("The chancellor warned against the forces of hate in Europe.");
    assert_eq!(q.content, "the forces of hate in Europe");
    // "said about" leaves its content to what follows.
    let q = one("Hale said about the plan that it would fail.");
    assert_eq!(q.content, "it would fail");
}

#[test]
fn calling_for_on_or_naming_something_after_an_indefinite_subject() {
    // "A … called" names only before a name; otherwise it is a speech act.
    let (who, what) = by_cue(
        "A group of rabbis called for a boycott of the speech.",
        "called",
    );
    assert_eq!(who, "A group of rabbis");
    assert_eq!(what, "for a boycott of the speech");
    let (who, what) = by_cue(
        "A reporter for the agency called it “absolute chaos.”",
        "called",
    );
    assert_eq!(who, "A reporter for the agency");
    assert_eq!(what, "it “absolute chaos.”");
    let (_, what) = by_cue("Senators called on Congress to act.", "called");
    assert_eq!(what, "on Congress to act");
    assert!(quotes("A group called the Wagner Group took the town.").is_empty());
    assert!(quotes("Hale called on Tuesday.").is_empty());
}

#[test]
fn a_question_verb_opens_which_when_and_where_questions() {
    let q = one("Ms. Lee then asked Hale which states he could win.");
    assert_eq!(speaker(&q), "Ms. Lee");
    assert_eq!(q.content, "which states he could win");
    let q = one("Hale asked Lee when the vote would be held.");
    assert_eq!(q.content, "when the vote would be held");
}

#[test]
fn an_adjunct_and_an_aside_before_the_cues_that() {
    let got = quotes(
        "The company contended in its letter, written by a vice president, that the funds had a bias.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(speaker(&got[0]), "The company");
    assert_eq!(got[0].content, "the funds had a bias");
}

#[test]
fn a_cue_form_after_an_article_heads_a_speaker_phrase() {
    let q = one("The person familiar with the planning confirmed the meeting.");
    assert_eq!(speaker(&q), "The person familiar with the planning");
    assert_eq!(q.content, "the meeting");
}

#[test]
fn agreeing_takes_a_bare_clause() {
    let q = one("Most senators agreed they had no real recourse.");
    assert_eq!(speaker(&q), "Most senators");
    assert_eq!(q.content, "they had no real recourse");
    // An object is no clause.
    assert!(quotes("The two sides agreed the terms of the deal.").is_empty());
}

#[test]
fn after_a_quotation_a_capitalised_function_word_is_a_name_and_to_names_whom() {
    let q = one("“This might hasten the eclipse of the front-runner,” Will wrote.");
    assert_eq!(speaker(&q), "Will");
    let q = one("“It was 50 percent more than her show,” Hale added to People.");
    assert_eq!(speaker(&q), "Hale");
    assert_eq!(q.content, "“It was 50 percent more than her show,”");
    // Without a quotation "added to" is an increase.
    assert!(quotes("The win added to her delegate lead.").is_empty());
}

#[test]
fn a_cue_that_opens_the_sentence_before_its_speaker_and_quotation() {
    let q = one("Said Comey, “The thought is very painful to us.”");
    assert_eq!(speaker(&q), "Comey");
    assert_eq!(q.content, "“The thought is very painful to us.”");
    // A description after an inverted speaker is no content.
    assert!(quotes("Said Tim Hess, a developer in Virginia.").is_empty());
}

#[test]
fn a_clause_after_the_cues_comma_when_nothing_comes_before_the_speaker() {
    let q = one("Berkman said, there seem to be more Republicans who think so.");
    assert_eq!(speaker(&q), "Berkman");
    assert_eq!(q.content, "there seem to be more Republicans who think so");
    let q = one("He added, that there is a strong emphasis on a fair process.");
    assert_eq!(q.content, "there is a strong emphasis on a fair process");
}

#[test]
fn no_inverted_speaker_after_a_relative_aside_or_a_verb_with_frames() {
    let (who, what) = by_cue(
        "Sanders, who had said he would debate the front-runner, criticized Clinton on two fronts.",
        "criticized",
    );
    assert_eq!(who, "Sanders");
    assert_eq!(what, "Clinton on two fronts");
    let (who, what) = by_cue(
        "The mayor, who took office in May, endorsed Ruiz on Tuesday.",
        "endorsed",
    );
    assert_eq!(who, "The mayor");
    assert!(what.starts_with("Ruiz"), "{what}");
}

#[test]
fn a_quoted_term_inside_an_appositive_with_commas() {
    let (who, what) = by_cue(
        "Ann Ruiz, the editor of the “official” paper, the Daily Ledger, said the deal failed.",
        "said",
    );
    assert_eq!(who, "Ann Ruiz");
    assert_eq!(what, "the deal failed");
}

#[test]
fn credits_after_quotations_on_one_line() {
    let got = quotes(
        "Readers wrote in. “He is more like a spoiled child.” ― Ed Monroy “Mr. Hale was a bully.” ― Vera Cruz",
    );
    let who: Vec<&str> = got.iter().map(speaker).collect();
    assert_eq!(who, ["Ed Monroy", "Vera Cruz"], "{got:#?}");
    assert_eq!(got[0].content, "“He is more like a spoiled child.”");
}

#[test]
fn a_transcript_quoted_a_paragraph_at_a_time_keeps_each_turn_on_its_line() {
    let text = "The exchange:\n\n\"LEE: Well, the question is why they invited him.\n\n\"HALE: Senator, I don't want to interrupt.\n\n\"LEE: And that is why we will win.\"\n\nIt ended there.";
    let got = quotes(text);
    let hale = got
        .iter()
        .find(|q| speaker(q) == "HALE")
        .expect("HALE's turn");
    assert_eq!(hale.content, "Senator, I don't want to interrupt");
    let lee: Vec<&str> = got
        .iter()
        .filter(|q| speaker(q) == "LEE")
        .map(|q| q.content.as_str())
        .collect();
    assert_eq!(
        lee,
        [
            "Well, the question is why they invited him",
            "And that is why we will win.\""
        ]
    );
}

#[test]
fn what_a_relative_pronoun_stands_for_is_named_after_the_cue() {
    let text = "The ambassador, Qin Gang, said there was a “bottom line”, which he described as the principles of the UN Charter.";
    let got = quotes(text);
    // The relative clause in which the speaker goes on stays in the report.
    let said = got.iter().find(|q| q.cue == "said").expect("the report");
    assert_eq!(
        said.content,
        "there was a “bottom line”, which he described as the principles of the UN Charter"
    );
    let described = got
        .iter()
        .find(|q| q.cue == "described")
        .expect("the description");
    assert_eq!(speaker(described), "he");
    assert_eq!(described.content, "the principles of the UN Charter");
    let (who, what) = by_cue("He denounced what he called “a rigged system.”", "called");
    assert_eq!(who, "he");
    assert_eq!(what, "“a rigged system.”");
}
