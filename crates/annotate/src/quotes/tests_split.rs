//! Where one report's content ends when a second act, clause or report follows it in the
//! same sentence: our own news-like sentences.

use crate::annotate;
use chrono::NaiveDate;
use dyad_model::{Document, Meta};

/// The content of the quote whose cue is `cue` in `text`.
fn content(text: &str, cue: &str) -> String {
    let mut doc = Document::new(text.to_string(), Meta::default());
    annotate(&mut doc, NaiveDate::from_ymd_opt(2023, 4, 18));
    let got: Vec<(String, String)> = doc
        .layers()
        .quotes
        .iter()
        .map(|q| {
            (
                q.cue
                    .map(|s| doc.span_text(s).to_string())
                    .unwrap_or_default(),
                doc.span_text(q.content).to_string(),
            )
        })
        .collect();
    got.iter()
        .find(|q| q.0 == cue)
        .map(|q| q.1.clone())
        .unwrap_or_else(|| panic!("no quote with cue {cue:?} in {text}\n{got:#?}"))
}

#[test]
fn the_subjects_next_act_ends_the_report() {
    assert_eq!(
        content(
            "The council rejected both appeals, and ordered the clerk to certify the count.",
            "rejected"
        ),
        "both appeals"
    );
    assert_eq!(
        content(
            "Ms. Okafor denounced the ruling, and has since filed a new motion.",
            "denounced"
        ),
        "the ruling"
    );
    // A passive after "and" goes on with the reported clause's own subject.
    assert_eq!(
        content(
            "Police say the suspect held two licenses, and was employed by a security firm.",
            "say"
        ),
        "the suspect held two licenses, and was employed by a security firm"
    );
}

#[test]
fn an_absolute_clause_or_a_contrast_ends_the_report() {
    assert_eq!(
        content(
            "The campaign denied the report, with aides calling it a smear.",
            "denied"
        ),
        "the report"
    );
    assert_eq!(
        content(
            "Lopez hopes voters will give the plan a chance, even as she admits it is costly.",
            "hopes"
        ),
        "voters will give the plan a chance"
    );
    assert_eq!(
        content(
            "Mr. Grant pledged to close the plant, after he toured the site last week.",
            "pledged"
        ),
        "to close the plant"
    );
    // "with" and a gerund after a preposition is part of the report.
    assert_eq!(
        content(
            "The mayor said the city would act, with the aim of protecting renters.",
            "said"
        ),
        "the city would act, with the aim of protecting renters"
    );
}

#[test]
fn a_second_share_of_a_poll_ends_the_first() {
    assert_eq!(
        content(
            "Most Democrats preferred Ortiz while about 4 in 10 independents supported Lang.",
            "preferred"
        ),
        "Ortiz"
    );
    assert_eq!(
        content(
            "Sixty percent backed Ortiz while 30 percent backed Lang.",
            "backed"
        ),
        "Ortiz"
    );
    assert_eq!(
        content(
            "Half of voters said the economy mattered most, whereas 12 percent named crime.",
            "said"
        ),
        "the economy mattered most"
    );
    // "while" with a clause of the reported subject stays in the report.
    assert_eq!(
        content(
            "Lang said he would keep working while the talks go on.",
            "said"
        ),
        "he would keep working while the talks go on"
    );
}

#[test]
fn a_relative_clauses_report_ends_before_the_main_verb() {
    // "who …, said …": the verb after the clause is its subject's own report.
    assert_eq!(
        content(
            "Mr. Haddad, who calls the deal a fraud, said he would vote against it.",
            "calls"
        ),
        "the deal a fraud"
    );
    assert_eq!(
        content(
            "The union leader, who said last year that he backed the plan, has now said the \
             plan must be rejected.",
            "said"
        ),
        "he backed the plan"
    );
    // A relative clause with no verb of its subject after it runs on.
    assert_eq!(
        content(
            "She met Mr. Haddad, who said the vote was close, and left.",
            "said"
        ),
        "the vote was close"
    );
}

#[test]
fn a_verb_after_a_noun_phrase_content_is_the_subjects_again() {
    assert_eq!(
        content(
            "Ms. Varga praised the new budget and offered to lead the review herself.",
            "praised"
        ),
        "the new budget"
    );
    // In a reported clause, the verb after "and" is the clause's own.
    assert_eq!(
        content(
            "Mr. Dunn said the agency opposed the merger and blocked it.",
            "said"
        ),
        "the agency opposed the merger and blocked it"
    );
}

#[test]
fn a_closing_relative_clause_is_the_writers() {
    assert_eq!(
        content(
            "The ministry expects to raise $2 billion from the levy, which amounts to a tenth \
             of its revenue.",
            "expects"
        ),
        "to raise $2 billion from the levy"
    );
    // One between commas may be part of the report.
    assert_eq!(
        content(
            "Ms. Bauer said the pipeline, which crosses three states, would never be built.",
            "said"
        ),
        "the pipeline, which crosses three states, would never be built"
    );
}

#[test]
fn a_closing_who_or_where_clause_is_the_writers() {
    assert_eq!(
        content(
            "The senator praised Ms. Ito, who chaired the panel for a decade.",
            "praised"
        ),
        "Ms. Ito"
    );
    assert_eq!(
        content(
            "Mr. Kern pledged to campaign in Ohio, where his party lost badly in 2020.",
            "pledged"
        ),
        "to campaign in Ohio"
    );
}

#[test]
fn words_after_a_quotation_closed_by_its_comma_are_the_writers() {
    assert_eq!(
        content(
            "Ms. Ruiz called him a “career politician,” a jab at his three decades in office.",
            "called"
        ),
        "him a “career politician,”"
    );
    // The quote's speaker or a participle after it goes on.
    assert_eq!(
        content(
            "The mayor said the workers were “well paid,” earning twice the state average.",
            "said"
        ),
        "the workers were “well paid,” earning twice the state average"
    );
}

#[test]
fn a_semicolon_ends_the_report() {
    assert_eq!(
        content(
            "Mr. Voss admitted to bribery; prosecutors had taped him offering cash to a clerk.",
            "admitted"
        ),
        "to bribery"
    );
}
