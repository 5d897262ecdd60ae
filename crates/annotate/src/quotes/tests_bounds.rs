//! Where a report's content ends and whose it is when clauses and reports follow one another:
//! our own news-like sentences, with the ones that must stay as they are.

use crate::annotate;
use chrono::NaiveDate;
use dyad_model::{Document, Meta};

/// (speaker, cue, content) of every quote found in `text`.
fn quotes(text: &str) -> Vec<(String, String, String)> {
    let mut doc = Document::new(text.to_string(), Meta::default());
    annotate(&mut doc, NaiveDate::from_ymd_opt(2023, 4, 18));
    doc.layers()
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker
                    .map(|s| doc.span_text(s).to_string())
                    .unwrap_or_default(),
                q.cue
                    .map(|s| doc.span_text(s).to_string())
                    .unwrap_or_default(),
                doc.span_text(q.content).to_string(),
            )
        })
        .collect()
}

/// The quote whose cue is `cue`.
fn by_cue(text: &str, cue: &str) -> (String, String, String) {
    let got = quotes(text);
    got.iter()
        .find(|q| q.1 == cue)
        .cloned()
        .unwrap_or_else(|| panic!("no quote with cue {cue:?} in {text}\n{got:#?}"))
}

#[test]
fn a_second_verb_after_a_nested_stance_is_the_reporters() {
    // The stance inside the report is part of it; the verb after "but" or the participle
    // after the comma belongs to whoever made the report.
    let q = by_cue(
        "Demonstrators said they want an independent inquiry but pledged to stay peaceful.",
        "pledged",
    );
    assert_eq!(q.0, "Demonstrators");
    let q = by_cue(
        "Senator Ana Ruiz said she did not believe the audit was fair, arguing that the \
         auditors had ignored the county's records.",
        "arguing",
    );
    assert_eq!(q.0, "Senator Ana Ruiz");
    // A nested report of speech keeps its own speaker for the verb after "and".
    let q = by_cue(
        "The mayor said the governor promised new funds and added that the work would start soon.",
        "added",
    );
    assert_eq!(q.0, "the governor");
}

#[test]
fn a_floated_quantifier_leaves_the_subject_as_speaker() {
    let q = by_cue(
        "Senators Ana Ruiz and Tom Hale have both argued that the plan costs too much.",
        "argued",
    );
    assert!(q.0.ends_with("Tom Hale"), "{q:?}");
    assert_eq!(q.2, "the plan costs too much");
    // Past a party tag and an aside between dashes.
    let q = by_cue(
        "Sen. Tom Hale (R-Ohio) and Rep. Ana Ruiz (D-Ohio) both condemned the new tariff.",
        "condemned",
    );
    assert!(q.0.contains("Ana Ruiz"), "{q:?}");
    let q = by_cue(
        "The three mayors — who met in Denver last week — all said the grant came too late.",
        "said",
    );
    assert_eq!(q.0, "The three mayors");
    // Alone at the head of the clause the quantifier is the speaker.
    let q = by_cue("Both said the talks had been useful.", "said");
    assert_eq!(q.0, "Both");
}

#[test]
fn a_writers_clause_after_but_or_comma_and_ends_the_content() {
    let q = by_cue(
        "Lopez said the county had stopped the audits, but Lopez did not say when.",
        "said",
    );
    assert_eq!(q.2, "the county had stopped the audits");
    let q = by_cue(
        "The agency says the fleet is safe but the inspectors who visited the base disagree.",
        "says",
    );
    assert_eq!(q.2, "the fleet is safe");
    let q = by_cue(
        "Ms. Hale said the council would meet in March, and the market rallied on the news.",
        "said",
    );
    assert_eq!(q.2, "the council would meet in March");
    let q = by_cue(
        "The senator argued that the bill went too far, although Mr. Ruiz voted for it.",
        "argued",
    );
    assert_eq!(q.2, "the bill went too far");
}

#[test]
fn a_reported_clause_that_goes_on_keeps_its_parts() {
    // "but that …" continues the report; so does a second verb without a subject.
    let q = by_cue(
        "Ruiz said the talks were useful but that much work remained.",
        "said",
    );
    assert_eq!(q.2, "the talks were useful but that much work remained");
    let q = by_cue(
        "The governor said the roads were open but would close again at night.",
        "said",
    );
    assert_eq!(q.2, "the roads were open but would close again at night");
    // "and" without a comma joins the reported clauses.
    let q = by_cue(
        "Officials said the bridge was damaged and the ferry was running late.",
        "said",
    );
    assert_eq!(q.2, "the bridge was damaged and the ferry was running late");
    // Inside quotation marks the words are the speaker's own.
    let q = by_cue(
        "Hale said, “We tried to stop it, but the board would not listen.”",
        "said",
    );
    assert_eq!(
        q.2,
        "“We tried to stop it, but the board would not listen.”"
    );
}

#[test]
fn names_with_function_or_cue_words_are_inverted_speakers() {
    // "Will" and "Bash" are a modal and a cue word, but inside a name they are the name.
    let q = by_cue(
        "“Tuition keeps rising,” said Will Doyle, a professor of education.",
        "said",
    );
    assert_eq!(q.0, "Will Doyle");
    let q = by_cue(
        "“The race is wide open,” said Dana Bash, who covered the debate.",
        "said",
    );
    assert_eq!(q.0, "Dana Bash");
    // A name that ends in "Jr." before its appositive.
    let q = by_cue(
        "“The border is secure,” Tom R. Hale Jr., the director of the agency, said.",
        "said",
    );
    assert_eq!(q.0, "Tom R. Hale Jr.");
    assert_eq!(q.2, "“The border is secure,”");
    // A capitalised modal alone is no name.
    let q = by_cue(
        "“The vote is close,” said Ruiz. Will the board agree?",
        "said",
    );
    assert_eq!(q.0, "Ruiz");
}

#[test]
fn a_short_opener_with_its_comma_is_left_out_of_the_clause_before_the_cue() {
    let q = by_cue(
        "In addition, the county will reopen two clinics next month, a spokesman said Monday.",
        "said",
    );
    assert_eq!(q.0, "a spokesman");
    assert_eq!(q.2, "the county will reopen two clinics next month");
    let q = by_cue(
        "Meanwhile, the union plans to hold a second vote in May, a spokeswoman announced \
         on Friday.",
        "announced",
    );
    assert_eq!(q.2, "the union plans to hold a second vote in May");
    // An opener alone before the speaker is still no content, and a participle after the
    // clause keeps what follows it.
    let q = by_cue(
        "On his website, the senator promises to cut taxes.",
        "promises",
    );
    assert_eq!(q.2, "to cut taxes");
    let q = by_cue(
        "In Ohio, the senator kept to her message, vowing to protect the steel plants.",
        "vowing",
    );
    assert_eq!(q.2, "to protect the steel plants");
}

#[test]
fn a_second_report_joined_by_and_without_a_comma_ends_the_first() {
    let text = "Hale called the tariff a “gamble” and said the party would pay for it.";
    let q = by_cue(text, "called");
    assert_eq!(q.2, "the tariff a “gamble”");
    let q = by_cue(text, "said");
    assert_eq!(q.0, "Hale");
    assert_eq!(q.2, "the party would pay for it");
    // A stance after "and" stays inside the report, and so does a plain second clause.
    let q = by_cue(
        "Ruiz said the talks had failed and wants a new round in June.",
        "said",
    );
    assert_eq!(q.2, "the talks had failed and wants a new round in June");
    let q = by_cue(
        "The mayor said the bridge and the ferry were closed.",
        "said",
    );
    assert_eq!(q.2, "the bridge and the ferry were closed");
}

#[test]
fn a_tally_line_is_no_transcript() {
    let got = quotes("The delegate count so far.\n\nAna Ruiz: 1,204.\n\nTom Hale: 987.\n");
    assert!(got.is_empty(), "{got:?}");
    // A line with words after the colon still is.
    let got = quotes("The hearing went on.\n\nRUIZ: We counted 1,204 ballots by hand.\n");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "RUIZ");
}

#[test]
fn a_gerund_in_an_opening_phrase_takes_the_subject_after_its_comma() {
    let q = by_cue(
        "One month after announcing his support for the governor, Tom Hale went to Ohio.",
        "announcing",
    );
    assert_eq!(q.0, "Tom Hale");
    assert_eq!(q.2, "his support for the governor");
    let q = by_cue(
        "Yet by calling the vote a sham, Ruiz won over the room.",
        "calling",
    );
    assert_eq!(q.0, "Ruiz");
    assert_eq!(q.2, "the vote a sham");
    // After a verb the gerund is that clause's subject's.
    let q = by_cue(
        "The mayor responded by saying the budget was tight, and the council agreed.",
        "saying",
    );
    assert_eq!(q.0, "The mayor");
}

#[test]
fn a_second_verb_of_the_subject_ends_an_object() {
    let q = by_cue(
        "The White House promised a veto and urged senators to reject the bill.",
        "promised",
    );
    assert_eq!(q.2, "a veto");
    let q = by_cue(
        "Ruiz opposed the strike and attempted to reopen the talks.",
        "opposed",
    );
    assert_eq!(q.2, "the strike");
    // Two objects joined by "and" stay one content.
    let q = by_cue(
        "Ruiz opposed the strike and the lockout that followed it.",
        "opposed",
    );
    assert_eq!(q.2, "the strike and the lockout that followed it");
}

#[test]
fn another_and_each_stand_alone_as_speakers() {
    let text = "One survey says the county has the most farms, while another says the state \
                has twice as many.";
    let q = by_cue(text, "says");
    assert_eq!(q.0, "One survey");
    assert_eq!(q.2, "the county has the most farms");
    let got = quotes(text);
    assert!(
        got.iter()
            .any(|q| q.0 == "another" && q.2 == "the state has twice as many"),
        "{got:?}"
    );
    // Before a noun "another" is a determiner: "another report" is no cue.
    let got = quotes("Another report on the budget is due in May.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_cue_form_after_an_article_stays_inside_an_inverted_description() {
    // "planning" is a form of "plan", but after "the" it is a noun of the description.
    let q = by_cue(
        "“We will spend heavily,” said one Republican involved in the planning, who asked \
         not to be named.",
        "said",
    );
    assert_eq!(q.0, "one Republican involved in the planning");
    // A cue form without an article still ends the description.
    let q = by_cue(
        "“We will spend heavily,” said Ana Ruiz on Tuesday, adding that the plan was set.",
        "said",
    );
    assert_eq!(q.0, "Ana Ruiz");
}

#[test]
fn a_cue_in_an_opening_participle_clause_is_the_main_subjects() {
    let q = by_cue(
        "Having announced that he would not send the men to prison, Judge Ruiz handed down \
         his sentence.",
        "announced",
    );
    assert_eq!(q.0, "Judge Ruiz");
    assert_eq!(q.2, "he would not send the men to prison");
    // A name in -ing before its verb is the speaker ("Beijing has vowed …").
    let q = by_cue(
        "Beijing has vowed to ignore the ruling, officials said.",
        "vowed",
    );
    assert_eq!(q.0, "Beijing");
}
