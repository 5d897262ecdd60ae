//! Our own news-like sentences for every pattern, including the ones that must not be quotes.

use super::*;
use crate::annotate;
use chrono::NaiveDate;
use dyad_model::{Document, Meta};

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Q {
    pub(super) kind: QuoteKind,
    pub(super) speaker: Option<String>,
    pub(super) entity: Option<String>,
    pub(super) cue: String,
    pub(super) content: String,
    pub(super) chain: Vec<(String, bool)>,
    pub(super) hedged: bool,
    pub(super) class: CueClass,
}

pub(super) fn quotes(text: &str) -> Vec<Q> {
    let mut doc = Document::new(text.to_string(), Meta::default());
    annotate(&mut doc, NaiveDate::from_ymd_opt(2023, 4, 18));
    doc.layers()
        .quotes
        .iter()
        .map(|q| Q {
            kind: q.kind,
            speaker: q.speaker.map(|s| doc.span_text(s).to_string()),
            entity: q.speaker_entity.clone(),
            cue: q
                .cue
                .map(|s| doc.span_text(s).to_string())
                .unwrap_or_default(),
            content: doc.span_text(q.content).to_string(),
            chain: q
                .chain
                .iter()
                .map(|c| (doc.span_text(c.span).to_string(), c.anonymous))
                .collect(),
            hedged: q.hedged,
            class: q.cue_class,
        })
        .collect()
}

pub(super) fn one(text: &str) -> Q {
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{text}\n{got:#?}");
    got.into_iter().next().unwrap()
}

pub(super) fn speaker(q: &Q) -> &str {
    q.speaker.as_deref().unwrap_or("")
}

/// The cue, speaker and content of the one attribution of `text`.
pub(super) fn check(text: &str, cue: &str, who: &str, content: &str) {
    let q = one(text);
    assert_eq!(
        (q.cue.as_str(), speaker(&q), q.content.as_str()),
        (cue, who, content),
        "{text}"
    );
}

// ---------------------------------------------------------------- stance

#[test]
fn beliefs_are_stance_attributions_with_their_clause() {
    let q = one("Senator Maria Lopez believes the tariff will hurt farmers.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(&q), "Senator Maria Lopez");
    assert_eq!(q.cue, "believes");
    assert_eq!(q.content, "the tariff will hurt farmers");

    let q = one("Analysts in Warsaw fear that the pipeline will be delayed again.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(q.content, "the pipeline will be delayed again");

    // The clause the holder interrupts is one content over both parts.
    let q = one("The ceasefire, Lopez believes, will not hold.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Lopez");
    assert_eq!(q.content, "The ceasefire, Lopez believes, will not hold");
}

#[test]
fn doubts_and_suspicions_are_beliefs_and_scolding_is_speech() {
    let q = one("Many economists doubt the central bank will cut rates this year.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Many economists");
    assert_eq!(q.content, "the central bank will cut rates this year");
    let q = one("Investigators suspect the fire was set deliberately.");
    assert_eq!(q.content, "the fire was set deliberately");
    let q = one("The mayor scolded the council for the delay.");
    assert_eq!(q.class, CueClass::Speech);
    assert_eq!(q.content, "the council for the delay");
    let q = one("The governor lauded the volunteers for their work.");
    assert_eq!(q.class, CueClass::Speech);
    assert_eq!(q.content, "the volunteers for their work");
    let q = one("The union aims to sign a deal before the summer.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(q.content, "to sign a deal before the summer");
    let q = one("Several senators balked at the cost of the bridge.");
    assert_eq!(q.content, "the cost of the bridge");
    let q = one("The agency deemed the documents classified.");
    assert_eq!(q.content, "the documents classified");
    let q = one("The mayor encouraged residents to conserve water.");
    assert_eq!(q.content, "residents to conserve water");
    let q = one("Analysts anticipated the bank would raise rates.");
    assert_eq!(q.content, "the bank would raise rates");
    let q = one("The coach implored fans to stay calm.");
    assert_eq!(q.content, "fans to stay calm");
    let q = one("Drivers vented about the new tolls.");
    assert_eq!(q.content, "the new tolls");
    // Without its particle "balked" is no report.
    assert!(quotes("The horse balked and threw its rider.").is_empty());
    // Aiming at a thing is no stance.
    assert!(quotes("The archer aimed at the target.").is_empty());
    // "say" between commas gives an example.
    assert!(quotes("Even if the gap narrows to, say, single digits, the race is over.").is_empty());
    // A noun after a determiner, and a participle before a noun, are no cues.
    assert!(quotes("There is no doubt about the result.").is_empty());
    assert!(quotes("The suspected gunman was arrested on Friday.").is_empty());
}

#[test]
fn a_text_reads_the_quotation_before_it() {
    let q = one("“The council has failed the city,” the statement read.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "the statement");
    assert_eq!(q.content, "“The council has failed the city,”");
    let q = one("“We are still here,” it read.");
    assert_eq!(speaker(&q), "it");
    // So for a verb that otherwise needs a `that`, when it ends the clause.
    let q = one("“Would it be negotiable?” the host pressed.");
    assert_eq!(speaker(&q), "the host");
    assert_eq!(q.content, "“Would it be negotiable?”");
    assert!(quotes("“Hold on” was the song, and she pressed the button.").is_empty());
    let q = one("“This is absurd,” the senator scoffed.");
    assert_eq!(q.cue, "scoffed");
    // Reading without a quotation is no report.
    assert!(quotes("The students read the report on Monday.").is_empty());
    assert!(quotes("He took the “Daily News” and read it twice.").is_empty());
}

#[test]
fn according_to_after_an_opener_or_inside_a_clause() {
    // After a short opener or a colon, the content follows the source.
    let q = one("In addition, according to the ministry, nine more ports will reopen.");
    assert_eq!(q.cue, "according to");
    assert_eq!(speaker(&q), "the ministry");
    assert_eq!(q.content, "nine more ports will reopen");
    let q = one("The trend is clear: according to the census, the city is shrinking.");
    assert_eq!(q.content, "the city is shrinking");
    // Interrupting a clause before its verb, the phrase leaves one content over both parts.
    let q = one("Nine more ports, according to the ministry, will reopen in May.");
    assert_eq!(
        q.content,
        "Nine more ports, according to the ministry, will reopen in May"
    );
    // A clause before the phrase is still its content.
    let q = one("The port will reopen in May, according to the ministry.");
    assert_eq!(q.content, "The port will reopen in May");
}

#[test]
fn adjectives_of_stance_after_a_copula() {
    let q = one("Senator Ana Ruiz was critical of the new tariff.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Senator Ana Ruiz");
    assert_eq!(q.cue, "critical");
    assert_eq!(q.content, "the new tariff");
    let q = one("Voters remain skeptical of the stadium plan.");
    assert_eq!(speaker(&q), "Voters");
    assert_eq!(q.content, "the stadium plan");
    let q = one("Port officials are confident that the bridge will reopen.");
    assert_eq!(q.content, "the bridge will reopen");
    let q = one("The governor was reluctant to raise taxes.");
    assert_eq!(q.content, "to raise taxes");
    let q = one("The union has been supportive of the new contract.");
    assert_eq!(q.content, "the new contract");
    let q = one("Farmers are skeptical about the subsidy.");
    assert_eq!(q.content, "the subsidy");
    // A negated copula and a degree word stand between the holder and the adjective.
    let q = one("Republicans weren't too critical of the plan.");
    assert_eq!(speaker(&q), "Republicans");
    // An adjective before a noun, or without its particle, is no stance.
    assert!(quotes("The critical question is whether the deal holds.").is_empty());
    assert!(quotes("The storm damaged critical roads in the north.").is_empty());
    assert!(quotes("The patient remains critical after the crash.").is_empty());
}

#[test]
fn intentions_take_their_infinitive() {
    let q = one("The Kyiv government plans to open a new border crossing next month.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "The Kyiv government");
    assert_eq!(q.cue, "plans");
    assert_eq!(q.content, "to open a new border crossing next month");

    let q = one("Beijing wants Washington to lift the export controls.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Beijing");
    assert_eq!(q.content, "Washington to lift the export controls");

    // The infinitive may open a quotation.
    let q = one("The coach wanted to “go the extra mile” for the fans.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.content, "to “go the extra mile” for the fans");
    // A quoted title after "to" is no infinitive.
    assert!(quotes("The coach wanted to “The Late Show” for an interview.").is_empty());

    let q = one("The union hopes to reach a deal before the strike.");
    assert_eq!(q.content, "to reach a deal before the strike");
}

#[test]
fn positions_and_perceptions_take_their_object() {
    let q = one("Governor Ana Alvarez supports the pipeline project.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Governor Ana Alvarez");
    assert_eq!(q.content, "the pipeline project");

    // An object ends with its phrase.
    let q = one("The farmers' union opposes the trade deal, which it signed in 2019.");
    assert_eq!(q.content, "the trade deal");

    let q = one("Many Polish officials see Russia as a lasting threat.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Many Polish officials");
    assert_eq!(q.content, "Russia as a lasting threat");
}

#[test]
fn stance_nouns_need_a_possessive_holder() {
    let q = one("Under Kyiv's plan to rebuild the bridge, work starts in May.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "Kyiv's");
    assert_eq!(q.cue, "plan");
    assert_eq!(q.content, "to rebuild the bridge");

    let q = one("In Brussels, her belief that the tariff will fail is shared.");
    assert_eq!(q.class, CueClass::Stance);
    assert_eq!(speaker(&q), "her");
    assert_eq!(q.cue, "belief");
    assert!(q.content.starts_with("the tariff will fail"), "{q:?}");

    // Nobody's plan: no attribution.
    assert!(quotes("The plan to build a new port was dropped in March.").is_empty());
}

#[test]
fn stance_is_not_taken_where_it_is_no_attribution() {
    // Inside quotation marks the words are the speaker's own.
    let got = quotes("\u{201c}I think the talks will fail,\u{201d} the minister said.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].class, CueClass::Speech);
    assert_eq!(got[0].cue, "said");
    // Generic holders.
    assert!(quotes("People want lower prices and safer streets.").is_empty());
    assert!(quotes("Everyone knows the election will be close.").is_empty());
    // Inside another report it is part of that report.
    let q = one("The minister said she wanted to visit Kyiv before the summit.");
    assert_eq!(q.class, CueClass::Speech);
    assert_eq!(q.cue, "said");
    let q = one("Parliament has pledged to support the reform.");
    assert_eq!(q.cue, "pledged");
    assert_eq!(q.class, CueClass::Speech);
    // A passive with its agent, an object, a particle: no stance.
    assert!(quotes("The mayor, a candidate backed by the unions, won easily.").is_empty());
    assert!(quotes("He knew him well.").is_empty());
    assert!(quotes("The Ohio senator thought so too.").is_empty());
    assert!(quotes("Prices backed away from their highs on Monday.").is_empty());
}

#[test]
fn speech_acts_take_their_object_or_what_follows_their_particle() {
    let q = one("The foreign minister denounced the new sanctions on Tuesday.");
    assert_eq!(q.class, CueClass::Speech);
    assert_eq!(speaker(&q), "The foreign minister");
    assert_eq!(q.content, "the new sanctions on Tuesday");

    let q = one("Lopez talked about the refugee crisis, then left.");
    assert_eq!(q.cue, "talked");
    assert_eq!(q.content, "the refugee crisis");

    let q = one("The envoy pointed out that the border had been closed for a week.");
    assert_eq!(q.content, "the border had been closed for a week");

    // Without its particle the verb is no report: "talked for an hour".
    assert!(quotes("The two leaders talked for an hour.").is_empty());
    // A noun after an article: "the talks".
    assert!(quotes("The talks ended without a deal.").is_empty());
}

#[test]
fn questions_put_to_someone_past_an_adjunct() {
    let got = quotes("Asked at a briefing on Monday about the ruling, the spokesman smiled.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].cue, "Asked");
    assert_eq!(got[0].speaker, None);
    assert_eq!(got[0].content, "about the ruling");

    let got = quotes("Asked by a reporter whether she would run again, the mayor laughed.");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(speaker(&got[0]), "a reporter");
    assert_eq!(got[0].content, "whether she would run again");
}

#[test]
fn reports_inside_relative_clauses_and_shares_in_figures() {
    let q = one("The union ended a strike that company executives said could hurt earnings.");
    assert_eq!(speaker(&q), "company executives");
    assert_eq!(
        q.content,
        "that company executives said could hurt earnings"
    );

    let q = one("More than 4 in 10 said the economy was the top issue.");
    assert_eq!(speaker(&q), "10");
    assert_eq!(q.content, "the economy was the top issue");
}

#[test]
fn reports_of_speech_are_speech() {
    let q = one("Ukraine's foreign minister said the talks were useful.");
    assert_eq!(q.class, CueClass::Speech);
}

#[test]
fn long_addressees_and_interrupted_clauses() {
    let q =
        one("Graham told The Post and Courier newspaper that he would not vote for the treaty.");
    assert_eq!(speaker(&q), "Graham");
    assert_eq!(q.content, "he would not vote for the treaty");
    // A time between the addressee and its `that`.
    let q = one("Graham told The Post and Courier on Saturday that he would not vote for it.");
    assert_eq!(q.content, "he would not vote for it");

    let q = one("The permit, his campaign said, had been hard to get.");
    assert_eq!(speaker(&q), "his campaign");
    assert_eq!(
        q.content,
        "The permit, his campaign said, had been hard to get"
    );
    // The verb resumed may be a cue word; a participle is a remark of its own.
    let q = one("Farmers, the minister says, welcomed the new rules.");
    assert_eq!(speaker(&q), "the minister");
    assert_eq!(
        q.content,
        "Farmers, the minister says, welcomed the new rules"
    );
    // A participle aside after the subject: the second verb is still the subject's.
    let got = quotes(
        "House Democrats, looking for a way to force a vote, seized the floor and said they would stay.",
    );
    assert!(
        got.iter()
            .any(|q| speaker(q) == "House Democrats" && q.content == "they would stay"),
        "{got:#?}"
    );
    let got = quotes("The rules were fair, the minister said, adding that farmers agreed.");
    assert!(
        got.iter()
            .any(|q| q.cue == "said" && q.content == "The rules were fair"),
        "{got:#?}"
    );
}

// ---------------------------------------------------------------- direct quotes

#[test]
fn direct_quote_before_an_inverted_cue() {
    let q = one("\u{201c}Our strategic cooperation has no upper limit,\u{201d} said Wang Yi.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "Wang Yi");
    assert_eq!(q.cue, "said");
    assert_eq!(
        q.content,
        "\u{201c}Our strategic cooperation has no upper limit,\u{201d}"
    );
    assert_eq!(q.entity.as_deref(), Some("wang-yi"));
}

#[test]
fn direct_quote_after_the_cue_in_straight_quotes_and_guillemets() {
    let q = one(
        "Ukraine's foreign minister told reporters: \"We will not trade territory for peace.\"",
    );
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "Ukraine's foreign minister");
    assert_eq!(q.content, "\"We will not trade territory for peace.\"");

    let q = one("Kremlin spokesman Dmitry Peskov said in a statement: «Russia is open to talks.»");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "Kremlin spokesman Dmitry Peskov");
    assert_eq!(q.content, "«Russia is open to talks.»");

    let q = one("Scholz said: „We stand with Ukraine.“");
    assert_eq!(q.content, "„We stand with Ukraine.“");
}

#[test]
fn split_quote_is_one_direct_quote_over_both_parts() {
    let text = "Qin Gang spoke in Beijing. \u{201c}The cooperation is not restricted,\u{201d} he said, \u{201c}but there is a bottom line.\u{201d}";
    let got = quotes(text);
    assert_eq!(got.len(), 1, "{got:#?}");
    let q = &got[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.content,
        "\u{201c}The cooperation is not restricted,\u{201d} he said, \u{201c}but there is a bottom line.\u{201d}"
    );
    // The pronoun is the speaker span; its entity is the person named before it.
    assert_eq!(speaker(q), "he");
    assert_eq!(q.entity.as_deref(), Some("qin-gang"));
}

#[test]
fn quotes_over_sentences_and_paragraphs() {
    // Several sentences inside one pair of marks.
    let q = one("\"We will defend every inch. Our soldiers are ready. The world is watching,\" Zelensky said on Friday.");
    assert_eq!(
        q.content,
        "\"We will defend every inch. Our soldiers are ready. The world is watching,\""
    );
    assert_eq!(speaker(&q), "Zelensky");

    // A paragraph that leaves the quote open, continued by the next paragraph's opening mark.
    let text = "Blinken said: \u{201c}The United States will keep supporting Ukraine.\n\n\u{201c}We expect China to use its influence with Moscow.\u{201d}\n\nThe talks ended at noon.";
    let q = one(text);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "Blinken");
    assert!(q.content.starts_with("\u{201c}The United States"));
    assert!(q.content.ends_with("influence with Moscow.\u{201d}"));

    // A quoted sentence right after a quoted sentence with its cue continues it.
    let q =
        one("\"The sanctions are working,\" the minister said. \"Russia's economy is shrinking.\"");
    assert!(q.content.ends_with("shrinking.\""), "{q:?}");
    assert_eq!(speaker(&q), "the minister");
}

#[test]
fn partial_quote_inside_reported_speech_is_mixed() {
    let q = one("Xi Jinping described ties with Moscow as \"very stable\" on Tuesday.");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(speaker(&q), "Xi Jinping");
    assert_eq!(q.cue, "described");
    assert!(q.content.contains("\"very stable\""));

    let q = one("Qin Gang said that the cooperation \u{201c}is not restricted, but there is a bottom line\u{201d}.");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(
        q.content,
        "the cooperation \u{201c}is not restricted, but there is a bottom line\u{201d}"
    );
}

#[test]
fn scare_quotes_names_and_titles_are_not_quotes() {
    for text in [
        "The so-called \u{201c}Shanghai faction\u{201d} lost influence in Beijing last year.",
        "The two leaders signed a \"no limits\" partnership in February.",
        "Putin gave an interview to the program \u{201c}Moscow. Kremlin. Putin\u{201d} on Sunday.",
        "The \"Minsk agreements\" were never carried out by either side.",
        "He walked out of the \u{2018}frozen conflict\u{2019} debate in Vienna.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:#?}", quotes(text));
    }
}

// ---------------------------------------------------------------- reported speech

#[test]
fn reported_speech_after_the_cue() {
    let q = one("Lavrov said that Moscow was ready to resume grain exports.");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(&q), "Lavrov");
    assert_eq!(q.content, "Moscow was ready to resume grain exports");

    let q = one("Ukraine's defence minister told Reuters the counteroffensive would start soon.");
    assert_eq!(speaker(&q), "Ukraine's defence minister");
    assert_eq!(q.cue, "told");
    assert_eq!(q.content, "the counteroffensive would start soon");

    for (text, cue) in [
        (
            "Beijing warned that arms sales to Taiwan would damage relations.",
            "warned",
        ),
        (
            "Moscow claimed that the drones had been launched from Ukraine.",
            "claimed",
        ),
        (
            "The Kremlin denied that Putin had been taken ill.",
            "denied",
        ),
        (
            "Blinken insisted that Washington did not seek a new Cold War.",
            "insisted",
        ),
        (
            "Kyiv argued the ceasefire would only let Russian troops regroup.",
            "argued",
        ),
        (
            "The Pentagon added that no US troops would be sent to Ukraine.",
            "added",
        ),
        // An adverb between speaker and verb; a quantifier as the speaker.
        (
            "The finance ministry now says the deficit will narrow next year.",
            "says",
        ),
        (
            "Some diplomats and others said the talks could resume in May.",
            "said",
        ),
    ] {
        let q = one(text);
        assert_eq!(q.cue, cue, "{text}");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert!(q.speaker.is_some(), "{text}");
    }
}

#[test]
fn reported_speech_before_the_cue_and_inverted_speakers() {
    let q = one("The talks in Istanbul made no progress, a Turkish official said.");
    assert_eq!(q.content, "The talks in Istanbul made no progress");
    assert_eq!(speaker(&q), "a Turkish official");

    let q = one("China will not supply weapons to either side, said Foreign Minister Qin Gang.");
    assert_eq!(q.content, "China will not supply weapons to either side");
    assert_eq!(speaker(&q), "Foreign Minister Qin Gang");

    // Lower-case role words before the name (AP style), and a role with its holder's name
    // as an appositive after it.
    let q = one("Sanctions have not changed Moscow's course, said analyst Alexander Gabuev.");
    assert_eq!(q.content, "Sanctions have not changed Moscow's course");
    assert_eq!(speaker(&q), "analyst Alexander Gabuev");
    let q = one("The pipeline will be finished by 2030, says political scientist Dossym Satpayev.");
    assert_eq!(speaker(&q), "political scientist Dossym Satpayev");
    let q = one("The talks will continue, said Russia's foreign minister, Sergei Lavrov.");
    assert_eq!(q.content, "The talks will continue");
    assert_eq!(speaker(&q), "Russia's foreign minister");

    let q = one("Zelensky's spokesman said the president would not attend the summit.");
    assert_eq!(speaker(&q), "Zelensky's spokesman");

    let q = one("Dmitry Peskov, the Kremlin spokesman, said the visit had not been planned.");
    assert_eq!(speaker(&q), "Dmitry Peskov");
    assert_eq!(q.content, "the visit had not been planned");
}

#[test]
fn according_to_before_and_after() {
    let q = one("According to Ukrainian officials, Russian forces shelled Kharkiv overnight.");
    assert_eq!(q.cue, "According to");
    assert_eq!(speaker(&q), "Ukrainian officials");
    assert_eq!(q.content, "Russian forces shelled Kharkiv overnight");

    let q = one("Chinese exports to Russia rose by a third in March, according to customs data.");
    assert_eq!(speaker(&q), "customs data");
    assert_eq!(
        q.content,
        "Chinese exports to Russia rose by a third in March"
    );
}

#[test]
fn statements_and_passive_reports() {
    let got = quotes(
        "In a statement, the Chinese foreign ministry said it opposed any unilateral sanctions.",
    );
    let q = got.iter().find(|q| q.cue == "said").unwrap().clone();
    assert_eq!(q.content, "it opposed any unilateral sanctions");
    assert!(speaker(&q).contains("foreign ministry"), "{q:?}");

    // "It was reported": no speaker is named.
    let q = one("It was reported that the envoy would travel to Kyiv next week.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.content, "the envoy would travel to Kyiv next week");
}

#[test]
fn reports_that_are_not_speech_are_left_alone() {
    for text in [
        "The report was published on Monday by the United Nations.",
        "Russian troops crossed the border near Belgorod on Sunday.",
        "She was criticized for her handling of the grain deal.",
        "A group called the Wagner Group has fought in Bakhmut.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:#?}", quotes(text));
    }
}

// ---------------------------------------------------------------- transcripts

#[test]
fn transcript_lines() {
    let text = "Qin Gang: Our cooperation is not aimed at any third party.\nSIMONE: Thank you, minister.\nNote: The interview was edited for length.";
    let got = quotes(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(speaker(&got[0]), "Qin Gang");
    assert_eq!(got[0].cue, ":");
    assert_eq!(
        got[0].content,
        "Our cooperation is not aimed at any third party"
    );
    assert_eq!(got[0].entity.as_deref(), Some("qin-gang"));
    assert_eq!(speaker(&got[1]), "SIMONE");
    assert_eq!(got[1].content, "Thank you, minister");
    // A headline kicker is not a speaker.
    assert!(
        quotes("The Latest: Ukraine Says Russian Attack Repelled Near Bakhmut")
            .iter()
            .all(|q| q.cue != ":")
    );
}

#[test]
fn dash_credits() {
    let q = one("\u{201c}Peace will come only with justice.\u{201d} \u{2015} Oksana Petrenko");
    assert_eq!(speaker(&q), "Oksana Petrenko");
    assert_eq!(
        q.content,
        "\u{201c}Peace will come only with justice.\u{201d}"
    );
}

// ---------------------------------------------------------------- speakers

#[test]
fn pronoun_and_description_speakers_take_the_entity_named_before() {
    let text = "Xi Jinping arrived in Moscow on Monday. He said China was ready to play a constructive role.";
    let q = one(text);
    assert_eq!(speaker(&q), "He");
    assert_eq!(q.entity.as_deref(), Some("xi-jinping"));

    // No person in this or the previous paragraph: the pronoun stays unresolved.
    let q = one(
        "Xi Jinping arrived in Moscow.\n\nThe weather was cold.\n\nHe said the talks went well.",
    );
    assert_eq!(speaker(&q), "He");
    assert_eq!(q.entity, None);

    let q =
        one("Xi Jinping met Putin. The Chinese leader said the two countries would deepen trade.");
    assert_eq!(speaker(&q), "The Chinese leader");
    assert_eq!(q.entity.as_deref(), Some("xi-jinping"));
}

// ---------------------------------------------------------------- claims and chains

#[test]
fn claims_carry_their_chain_of_sources() {
    let text = "Pentagon documents leaked last week claimed that China had agreed to provide lethal aid to Russia, according to the Washington Post.";
    let got = quotes(text);
    let inner = got
        .iter()
        .find(|q| q.cue == "claimed")
        .expect("the claim is found");
    assert_eq!(
        inner.content,
        "China had agreed to provide lethal aid to Russia"
    );
    assert_eq!(speaker(inner), "Pentagon documents");
    assert_eq!(
        inner.chain,
        vec![
            ("Pentagon documents".to_string(), false),
            ("the Washington Post".to_string(), false)
        ]
    );
    // The outer relation, the Post reporting the documents' claim, is a quote of its own.
    let outer = got.iter().find(|q| q.cue == "according to").unwrap();
    assert_eq!(speaker(outer), "the Washington Post");
    assert!(outer.chain.is_empty());
}

#[test]
fn a_source_after_a_closing_mark_relays_the_report_and_no_chain_loops() {
    // The full stop inside the marks does not end the sentence before a lower-case word.
    let text = "Shoigu said the two armies should “hold joint exercises and share intelligence.” according to Tass.";
    let got = quotes(text);
    let inner = got.iter().find(|q| q.cue == "said").expect("the report");
    assert_eq!(
        inner.content,
        "the two armies should “hold joint exercises and share intelligence.”"
    );
    assert_eq!(
        inner.chain,
        vec![("Shoigu".to_string(), false), ("Tass".to_string(), false)]
    );
    let outer = got
        .iter()
        .find(|q| q.cue == "according to")
        .expect("the relay");
    assert_eq!(speaker(outer), "Tass");
    assert!(outer.chain.is_empty(), "{outer:?}");
    // A chain names each source once, however the contents overlap.
    for q in &got {
        let mut names: Vec<&str> = q.chain.iter().map(|c| c.0.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), q.chain.len(), "{q:?}");
    }
}

#[test]
fn nouns_and_idioms_around_cue_words_report_nothing() {
    for text in [
        "Analysts pointed to the leader's supposed mental stress over the sanctions.",
        "Xi has made clear that he is the one who calls the shots.",
    ] {
        let got = quotes(text);
        assert!(
            got.iter()
                .all(|q| !matches!(q.cue.as_str(), "stress" | "calls")),
            "{text}: {got:?}"
        );
    }
    // A plural without -s before "call" is its subject.
    let q = one("Local police call the attack an act of terror.");
    assert_eq!((q.cue.as_str(), speaker(&q)), ("call", "Local police"));
    // "state media reports noted that …": "reports" is the noun, "noted" the cue.
    let got =
        quotes("State media reports noted that Xi had asked officials to criticize themselves.");
    assert!(got.iter().all(|q| q.cue != "reports"), "{got:?}");
    let noted = got.iter().find(|q| q.cue == "noted").expect("the report");
    assert_eq!(speaker(noted), "State media reports");
    // Verbs stay verbs: after a name, and an -s form after "official".
    let q = one("A senior official stresses that the talks will go on.");
    assert_eq!(q.cue, "stresses");
    // A noun of speech after an adjective still reports.
    let got = quotes("He made a controversial comment that the vote was rigged.");
    assert!(
        got.iter()
            .any(|q| q.cue == "comment" && q.content == "the vote was rigged"),
        "{got:?}"
    );
}

#[test]
fn he_goes_on_with_the_speaker_before_not_a_name_in_what_was_said() {
    // An analyst the knowledge base does not know (a document-local entity): "he" is the
    // analyst, not the minister named in the analyst's words.
    let got = quotes(
        "Ana Ruiz told Reuters that Sergei Lavrov's visit signals a thaw. “It is a test,” he said.",
    );
    let q = got
        .iter()
        .find(|q| q.content.contains("a test"))
        .expect("the quote");
    assert_eq!(speaker(q), "he");
    assert_eq!(q.entity.as_deref(), Some("local:ana-ruiz"), "{got:?}");
    // A person named between, outside the earlier report, is whom "he" goes on with.
    let got = quotes("Wang Yi said the talks went well. In contrast, Sergei Lavrov's statement was brief. He said only that contacts would continue.");
    let q = got
        .iter()
        .find(|q| q.content.contains("contacts"))
        .expect("the report");
    assert_eq!(q.entity.as_deref(), Some("sergei-lavrov"), "{got:?}");
}

#[test]
fn anonymous_sources_and_hedges_are_flagged() {
    let q = one("Officials who spoke on condition of anonymity told Reuters that Kyiv was preparing a counteroffensive.");
    assert_eq!(speaker(&q), "Officials");
    assert_eq!(q.chain, vec![("Officials".to_string(), true)]);

    let got = quotes(
        "Russia has reportedly moved troops to the border, people familiar with the matter said.",
    );
    let q = got.iter().find(|q| q.cue == "said").expect("the report");
    assert_eq!(speaker(q), "people familiar with the matter");
    assert!(q.chain.iter().any(|c| c.1), "{q:?}");
    assert!(q.hedged);

    // A hedge with no named source is still a claim, with no speaker.
    let q = one("The commander is believed to have fled to Belarus.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.cue, "is believed to");
    assert!(q.hedged);
}

// ---------------------------------------------------------------- robustness

fn check_spans(text: &str) {
    let sentences: Vec<Span> = crate::sentences::split_sentences(text)
        .into_iter()
        .map(|(s, e)| Span::new(s, e))
        .collect();
    for q in find_quotes(text, &sentences, &[]) {
        for s in [Some(q.content), q.cue, q.speaker]
            .into_iter()
            .flatten()
            .chain(q.chain.iter().map(|c| c.span))
        {
            assert!(s.check(text).is_ok(), "{s:?} in {text:?}");
        }
        assert!(!q.content.is_empty());
    }
}

#[test]
fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
    for text in [
        "",
        "\"",
        "\u{201c}",
        "said",
        ", said",
        "according to",
        "\"\"\"\"\"",
        "\u{201c}Unclosed quote said Lavrov, and more",
        "He said \u{201c}",
        "«»„“‘’''``\u{2015}\u{2014}",
        "Ελλάδα είπε: «Ναι.» 中国外交部说：“不。” Путин сказал: «Да».",
        "\u{201c}Å,\u{201d} sa\u{0301}id Zoë. \u{201c}ß\u{201d}",
        "A:\nB:\n:\n\u{201c}x\u{201d} \u{2015}",
        "\u{1F600}\"\u{1F600}\" said \u{1F600}, \"\u{1F600}\"",
        "Qin Gang:",
        "it was reported that",
    ] {
        check_spans(text);
        let _ = quotes(text);
    }
    // Every prefix of a quote-rich text, cut on char boundaries.
    let text = "«Да,» сказал он. \u{201c}We said,\u{201d} she said, \u{201c}no.\u{201d} According to Kyiv, it's over.";
    for (i, _) in text.char_indices() {
        check_spans(&text[..i]);
    }
}

#[test]
fn a_megabyte_paragraph_is_handled() {
    let sentence = "\u{201c}We will not yield,\u{201d} the minister said, adding that talks with Beijing, according to officials, would go on \"as planned\" ";
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(sentence);
    }
    let start = std::time::Instant::now();
    let got = find_quotes(&text, &[Span::new(0, text.len())], &[]);
    assert!(!got.is_empty());
    // Linear work: generous for debug builds on a busy machine.
    assert!(start.elapsed().as_secs() < 60);
    for q in &got {
        assert!(q.content.check(&text).is_ok());
    }
}

// ---------------------------------------------------------------- the lexicon

#[test]
fn the_builtin_lexicon_is_valid() {
    let n = lexicon::check_builtin().expect("data/quotes/cues.txt parses");
    assert!(n > 300);
    let lx = lexicon::parse(include_str!("../../../../data/quotes/cues.txt")).unwrap();
    assert!(lx.verbs["told"].addressee);
    // Whom "told" and "briefed" name is their listener, never an inverted speaker; "asked"
    // may have one ("“…?” asked the senator").
    for w in [
        "told", "tells", "informed", "assuring", "reminded", "briefed",
    ] {
        assert!(lx.verbs[w].listener, "{w}");
    }
    assert!(!lx.verbs["asked"].listener);
    assert!(!lx.verbs["said"].listener);
    assert!(!lx.verbs["said"].that_only);
    assert!(lx.verbs["shows"].that_only);
    assert!(include_str!("../../../../data/quotes/cues.txt")
        .contains("Written for dyad from general knowledge of English news style"));
}

#[test]
fn lexicon_errors_name_the_line() {
    let err = lexicon::parse("verb\tsay said\nphrase\taccording to\nverb\tsay\n").unwrap_err();
    assert!(err.contains(":3:"), "{err}");
    let err = lexicon::parse("verbs\tsay\n").unwrap_err();
    assert!(err.contains("unknown category"), "{err}");
    let err =
        lexicon::parse("verb\tsay said\nphrase\taccording to\naddressee\ttell\n").unwrap_err();
    assert!(err.contains("not a listed verb"), "{err}");
    let err = lexicon::parse("verb\tsay said\nphrase\taccording to\nlistener\ttell\n").unwrap_err();
    assert!(err.contains("not a listed verb"), "{err}");
    let err = lexicon::parse("noun\tpress release\n").unwrap_err();
    assert!(err.contains("one word"), "{err}");
}

#[test]
fn a_quotation_after_a_colon_belongs_to_the_clause_subject() {
    let q =
        one("Zelensky fired back on Friday: \u{201c}Ukraine will not give up its land.\u{201d}");
    assert_eq!(q.cue, ":");
    assert_eq!(speaker(&q), "Zelensky");
    assert_eq!(q.kind, QuoteKind::Direct);
    // A short quoted title after a colon is not a quote.
    assert!(quotes("The summit has a motto: \u{201c}Peace now\u{201d}.").is_empty());
}

// ---------------------------------------------------------------- findings, refusals, expectations

#[test]
fn records_and_polls_state_findings_without_that() {
    let q = one("Campaign finance records show the senator gave money to both parties.");
    assert_eq!(speaker(&q), "Campaign finance records");
    assert_eq!(q.cue, "show");
    assert_eq!(q.content, "the senator gave money to both parties");
    let q = one("The governor trails his rival by six points, the latest polls show.");
    assert_eq!(speaker(&q), "the latest polls");
    assert_eq!(q.content, "The governor trails his rival by six points");
}

#[test]
fn show_after_a_person_needs_that() {
    // A person shows things, not findings.
    assert!(quotes("The mayor will show visitors the new harbour on Friday.").is_empty());
}

#[test]
fn a_refusal_to_comment_is_reported() {
    let q = one("A spokeswoman for the ministry declined to comment.");
    assert_eq!(speaker(&q), "A spokeswoman for the ministry");
    assert_eq!(q.cue, "declined");
    assert_eq!(q.content, "to comment");
    let q = one("The company has repeatedly refused to comment.");
    assert_eq!(q.cue, "refused");
}

#[test]
fn declining_an_offer_is_not_speech() {
    assert!(quotes("The senator declined the invitation to the dinner.").is_empty());
    assert!(quotes("Exports declined to a six-year low in March.").is_empty());
}

#[test]
fn expectations_and_appearances_are_claims_without_a_source() {
    let q = one("The new bridge is expected to open next spring.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.cue, "is expected to");
    assert_eq!(q.content, "The new bridge is expected to open next spring");
    let q = one("The talks appeared to stall over the question of tariffs.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.cue, "appeared to");
    // With a negation or an adverb between.
    let q = one("The governor is not expected to sign the bill before May.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.cue, "is not expected to");
    let q = one("The plant isn\u{2019}t expected to reopen this year.");
    assert_eq!(q.cue, "isn\u{2019}t expected to");
    let q = one("The council is widely expected to approve the budget.");
    assert_eq!(q.cue, "is widely expected to");
}

#[test]
fn appearing_somewhere_is_not_a_claim() {
    assert!(quotes("The minister appeared on television on Sunday night.").is_empty());
    // Looking tired is an impression without a holder, as PolNeAR annotates it.
    let q = one("The minister appeared tired after the long debate.");
    assert_eq!(q.speaker, None);
}

#[test]
fn a_headline_may_quote_its_speaker_in_title_case() {
    let q = one("Harrow: Our Party Will Win the Coast Again\n\nThe candidate spoke in Leeds.");
    assert_eq!(speaker(&q), "Harrow");
    assert_eq!(q.cue, ":");
    assert_eq!(q.content, "Our Party Will Win the Coast Again");
    // Later in the text a title-case line after a colon is a heading, not a quote.
    let got =
        quotes("The candidate spoke in Leeds.\n\nHarrow: Our Party Will Win the Coast Again\n");
    assert!(got.is_empty(), "{got:#?}");
}

// ---------------------------------------------------------------- questions, gerunds, poll shares

#[test]
fn indirect_questions_and_conditions_are_content() {
    let q = one("The reporter asked whether the border would reopen before winter.");
    assert_eq!(speaker(&q), "The reporter");
    assert_eq!(q.content, "whether the border would reopen before winter");
    let q = one("Ms. Okafor said if elected she would cut the ferry fares.");
    assert_eq!(q.content, "if elected she would cut the ferry fares");
}

#[test]
fn a_question_put_to_someone_has_no_speaker_of_its_own() {
    let got = quotes("Asked whether he would run again, the mayor said he had not decided.");
    let asked = got.iter().find(|q| q.cue == "Asked").expect("the question");
    assert_eq!(asked.speaker, None);
    assert!(asked.content.starts_with("whether he would run again"));
    assert!(got
        .iter()
        .any(|q| q.cue == "said" && speaker(q) == "the mayor"));
}

#[test]
fn asked_about_a_time_is_not_a_question_report() {
    // "when" after the cue is not what was asked.
    assert!(quotes("The mayor asked when the harbour closed, then left.").is_empty());
}

#[test]
fn a_report_by_gerund_belongs_to_the_sentence_subject() {
    let q = one("Harlan angered the farmers by saying the subsidy would end.");
    assert_eq!(speaker(&q), "Harlan");
    assert_eq!(q.cue, "saying");
    assert_eq!(q.content, "the subsidy would end");
    // A gerund after other prepositions stays a noun phrase.
    assert!(quotes("Footage of Harlan saying goodbye spread online.").is_empty());
}

#[test]
fn shares_of_respondents_speak_in_polls() {
    let q = one("Nearly half said they would vote for a third party.");
    assert_eq!(speaker(&q), "Nearly half");
    assert_eq!(q.content, "they would vote for a third party");
    let q = one("Two-thirds of farmers say the tariffs hurt them.");
    assert_eq!(speaker(&q), "Two-thirds of farmers");
    // A share written with a percent sign.
    let q = one("Among young voters, 42% say they are liberal.");
    assert_eq!(speaker(&q), "42%");
    assert_eq!(q.content, "they are liberal");
    // A possessor's share is no one's words.
    assert!(quotes("His 32% support gives him a clear lead.").is_empty());
}

// ---------------------------------------------------------------- a colon before a quoted paragraph

#[test]
fn the_following_before_a_colon_leads_to_the_words() {
    let q =
        one("The mayor issued the following statement:\n\n“Our thoughts are with the families.”");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(&q), "The mayor");
    assert_eq!(q.content, "“Our thoughts are with the families.”");
    let q = one("The mayor said the following: “Our thoughts are with the families.”");
    assert_eq!(q.content, "“Our thoughts are with the families.”");
    // Without the colon "the following" is a phrase like any other.
    let q = one("The mayor praised the following day's parade.");
    assert_eq!(q.content, "the following day's parade");
}

#[test]
fn a_cue_ending_in_a_colon_takes_the_quotation_of_the_next_paragraph() {
    let got = quotes(
        "The harbour authority said in a statement:\n\n\u{201c}The ferries will run again on Monday. We thank travellers for their patience.\u{201d}\n",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(speaker(&got[0]), "The harbour authority");
    assert!(
        got[0].content.starts_with("\u{201c}The ferries"),
        "{got:#?}"
    );
    assert_eq!(got[0].kind, QuoteKind::Direct);
}

#[test]
fn a_colon_line_without_a_quotation_after_it_is_no_quote() {
    let got =
        quotes("The harbour authority said in a statement:\n\nFerries will run again on Monday.\n");
    assert!(got.iter().all(|q| q.kind != QuoteKind::Direct), "{got:#?}");
    // A list heading is not a cue either.
    assert!(quotes("The timetable:\n\n\u{201c}Summer\u{201d} runs from May.\n").is_empty());
}

#[test]
fn a_sign_reads() {
    let q = one("\u{201c}No entry after dark,\u{201d} the sign reads.");
    assert_eq!(speaker(&q), "the sign");
    assert_eq!(q.cue, "reads");
}

// ---------------------------------------------------------------- what the words referred to

#[test]
fn a_reference_after_a_quote_is_the_speakers_own_report() {
    let got = quotes(
        "\u{201c}It will cost us dearly,\u{201d} Ms. Lind said, referring to the new harbour tax.",
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    let r = got
        .iter()
        .find(|q| q.cue == "referring to")
        .expect("the reference");
    assert_eq!(speaker(r), "Ms. Lind");
    assert_eq!(r.content, "the new harbour tax");
    // Without a report before it, "citing" is the clause subject's own reference (PolNeAR
    // marks these: on its train split 18 of 21 such cues are right).
    let got = quotes("The council delayed the vote, citing the cost of the survey.");
    assert!(
        got.iter()
            .all(|q| q.cue == "citing" && speaker(q) == "The council"),
        "{got:#?}"
    );
}

#[test]
fn a_sentence_opened_by_a_survey_reports_its_finding() {
    let q = one("In a survey released on Monday, most farmers backed the new water rules.");
    assert_eq!(speaker(&q), "a survey released on Monday");
    assert_eq!(q.cue, "In");
    assert_eq!(q.content, "most farmers backed the new water rules");
    // Sponsors joined by a slash, and a possessive before the poll.
    let q = one("In a Tribune/Channel 4 poll released Sunday, most voters backed the levy.");
    assert_eq!(speaker(&q), "a Tribune/Channel 4 poll released Sunday");
    assert_eq!(q.content, "most voters backed the levy");
    let q = one("In May's Tribune poll, the mayor led by nine points.");
    assert_eq!(speaker(&q), "May's Tribune poll");
    assert_eq!(q.content, "the mayor led by nine points");
    // A possessive before anything but a finding is no source.
    assert!(quotes("In Ruiz's hometown, the ferries run again from Monday.").is_empty());
    // Other openings with "In" are places and times, not sources.
    assert!(quotes("In the harbour town, the ferries run again from Monday.").is_empty());
    assert!(quotes("In a bid to cut costs, the council closed two libraries.").is_empty());
    // A message is the medium of a speaker named in the sentence, not a source itself.
    let got = quotes("In an email to staff, the director announced two new routes.");
    assert!(got.iter().all(|q| q.cue != "In"), "{got:#?}");
}

// ---------------------------------------------------------------- roles and their holders

#[test]
fn a_role_with_its_holder_in_apposition_is_the_holder() {
    let got = quotes(
        "China's ambassador to the United States, Qin Gang, said on Sunday that Beijing \
         had not sent weapons to Russia.\n\nLater the Chinese ambassador said trade with \
         Moscow would go on.",
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        speaker(&got[0]),
        "China's ambassador to the United States, Qin Gang"
    );
    // The country in the role's phrase is where he is posted, not who speaks.
    assert_eq!(got[0].entity.as_deref(), Some("qin-gang"));
    assert_eq!(got[0].content, "Beijing had not sent weapons to Russia");
    // The role alone, later, is the person named as holding it.
    assert_eq!(speaker(&got[1]), "the Chinese ambassador");
    assert_eq!(got[1].entity.as_deref(), Some("qin-gang"));

    // The name first and the role after keeps the name as the speaker.
    let q = one("Qin Gang, China's ambassador to the United States, said the ties were stable.");
    assert_eq!(speaker(&q), "Qin Gang");
    assert_eq!(q.entity.as_deref(), Some("qin-gang"));
}

#[test]
fn the_place_a_role_is_sent_to_is_not_the_speaker() {
    let q = one("Russia's envoy to Ukraine said the talks had stalled.");
    assert_eq!(speaker(&q), "Russia's envoy to Ukraine");
    assert_ne!(q.entity.as_deref(), Some("ukr"));
    let q = one("The US ambassador in Moscow said the embassy would stay open.");
    assert_ne!(q.entity.as_deref(), Some("rus"));
    // A role with nobody named for it has no entity of its own.
    let q = one("The Chinese ambassador said the visit was useful.");
    assert_eq!(q.entity, None);
}

#[test]
fn reported_speech_joined_by_but_that_is_one_content() {
    let q = one("The minister said the talks were useful but that more work was needed.");
    assert_eq!(
        q.content,
        "the talks were useful but that more work was needed"
    );
    let q = one("Lavrov said that Moscow was ready to talk, but that it would not give up Crimea.");
    assert_eq!(
        q.content,
        "Moscow was ready to talk, but that it would not give up Crimea"
    );
    // The `that` of another verb inside the content does not start it either.
    let got = quotes("Officials said both sides agreed that the ceasefire should hold.");
    let q = got
        .iter()
        .find(|q| speaker(q) == "Officials")
        .expect("the officials' report");
    assert_eq!(
        q.content,
        "both sides agreed that the ceasefire should hold"
    );
}

// ---------------------------------------------------------------- subjects and clause openings

#[test]
fn subjects_behind_asides_tags_and_place_adverbs() {
    let q = one("The senator -- who has clashed with the White House all week -- said she regretted her remarks.");
    assert_eq!(speaker(&q), "The senator");
    assert_eq!(q.content, "she regretted her remarks");

    let q = one("Sen. Maria Lopez (D-N.M.), one of the few authors of the law still in office, said she remembers the vote.");
    assert_eq!(speaker(&q), "Sen. Maria Lopez");
    assert_eq!(q.content, "she remembers the vote");

    let q = one("Campaign workers here said they had knocked on every door in the county.");
    assert_eq!(speaker(&q), "Campaign workers");
}

#[test]
fn content_opened_by_there_or_a_pronoun_after_the_addressee() {
    let q = one("A spokesman for the buyer said there was a commitment to keep the hotel open.");
    assert_eq!(speaker(&q), "A spokesman for the buyer");
    assert_eq!(q.content, "there was a commitment to keep the hotel open");

    let q = one("Mr. Lee told the Financial Times he had kept his schedule because it paid well.");
    assert_eq!(speaker(&q), "Mr. Lee");
    assert_eq!(q.content, "he had kept his schedule because it paid well");

    // A subject pronoun right after a verb of telling opens the content; an object
    // pronoun is whom it was said to.
    let q = one("The Saudi government warned they could sell the bonds.");
    assert_eq!(speaker(&q), "The Saudi government");
    assert_eq!(q.content, "they could sell the bonds");
    let q = one("Local firms warn it could harm tourism.");
    assert_eq!(q.content, "it could harm tourism");
    let q = one("The mayor promised she would stay.");
    assert_eq!(q.content, "she would stay");
    let q = one("The mayor assured them the road would reopen.");
    assert_eq!(q.content, "the road would reopen");

    // A `that` after the reported clause's own subject pronoun is a relative.
    let q = one("The mayor said he meets with families in a district that has lost three schools.");
    assert_eq!(
        q.content,
        "he meets with families in a district that has lost three schools"
    );
    let q = one("The mayor said on Monday that the schools would reopen.");
    assert_eq!(q.content, "the schools would reopen");
    // An aside between commas or dashes before the cue's `that`.
    let q =
        one("Several experts cautioned, as did the ministry itself, that the plan might change.");
    assert_eq!(speaker(&q), "Several experts");
    assert_eq!(q.content, "the plan might change");
    let q = one("The chairman said — on Twitter, as it happens — that the fund had doubled.");
    assert_eq!(q.content, "the fund had doubled");
    // "there" before another verb of being opens the content too.
    let q = one("The judge said there remains a wide gap between the two offers.");
    assert_eq!(q.content, "there remains a wide gap between the two offers");
    let q = one("The mayor says there needs to be a new law.");
    assert_eq!(q.content, "there needs to be a new law");
    // A refusal reports what follows it, not an opener before it.
    let q = one("Through a spokesman, the senator declined to comment.");
    assert_eq!(speaker(&q), "the senator");
    assert_eq!(q.content, "to comment");
    // A contracted subject and verb open the content; so does a time before it.
    let q = one("Doyle said it's unclear how the plan would work.");
    assert_eq!(q.content, "it's unclear how the plan would work");
    let q = one("The senator says tonight he is a step closer to the nomination.");
    assert_eq!(q.content, "tonight he is a step closer to the nomination");
    // A rough number after the cue opens the content; a topic does not.
    let q = one("Officials said about 40 people were hurt in the blast.");
    assert_eq!(q.content, "about 40 people were hurt in the blast");
    let q = one("The agency said about half of the ballots had been counted.");
    assert_eq!(q.content, "about half of the ballots had been counted");
    assert!(
        quotes("The minister said about the talks only that they would go on.")
            .iter()
            .all(|q| !q.content.starts_with("about"))
    );

    // A time adverb is still no content: "said there" ends the clause.
    assert!(quotes("The mayor met the workers who said there.").is_empty());
}

#[test]
fn an_opening_adverbial_is_not_content_and_infinitives_are() {
    let q = one("On his campaign website, the governor promises to end the program.");
    assert_eq!(speaker(&q), "the governor");
    assert_eq!(q.content, "to end the program");

    let q = one("The president vowed to veto any bill that raised taxes.");
    assert_eq!(q.content, "to veto any bill that raised taxes");

    // The cue interrupting a clause keeps the opener inside the content.
    let q = one("Though the first move went smoothly, he said, a second one would be harder.");
    assert_eq!(
        q.content,
        "Though the first move went smoothly, he said, a second one would be harder"
    );
    // An opener before a cue whose colon closes the paragraph: the words follow.
    let got = quotes("In a 1963 speech, the governor declared:\n\n“We will not yield.”");
    assert!(
        got.iter().all(|q| q.content != "In a 1963 speech"),
        "{got:#?}"
    );
    assert!(
        got.iter().any(|q| q.content.contains("We will not yield")),
        "{got:#?}"
    );
    // A short opening phrase of time or linking before the comma is not what was said.
    let q = one("Last week, the union urged the city to reopen the depot.");
    assert_eq!(speaker(&q), "the union");
    assert_eq!(q.content, "the city to reopen the depot");
    let q = one("Most recently, the governor proposed cutting the fuel tax by half.");
    assert_eq!(speaker(&q), "the governor");
    assert_eq!(q.content, "cutting the fuel tax by half");
    // An opening clause is no report when the cue goes on with words that are none.
    let got = quotes("As the senator campaigns, even her admirers wonder about her style.");
    assert!(
        got.iter().all(|q| !q.content.starts_with("As the senator")),
        "{got:#?}"
    );
    let got = quotes(
        "Friday morning, as the parade went by, the station reported at least six planes overhead.",
    );
    assert!(
        got.iter().all(|q| !q.content.starts_with("Friday")),
        "{got:#?}"
    );
    // A short clause the cue closes is still its content.
    let q = one("The talks failed, the envoy said.");
    assert_eq!(q.content, "The talks failed");
    // "said to" with nothing promised is still no report.
    assert!(
        quotes("The minister went to Brussels, where he said to have met the envoy.")
            .iter()
            .all(|q| !q.content.starts_with("to "))
    );
}

#[test]
fn a_record_further_before_its_verb_states_a_finding() {
    let q =
        one("A national poll released Sunday by the Tribune shows the mayor with a narrow lead.");
    assert_eq!(q.cue, "shows");
    assert_eq!(q.content, "the mayor with a narrow lead");
    let q = one("Campaign finance records show the donor gave $5,000 in June.");
    assert_eq!(q.content, "the donor gave $5,000 in June");
    // Without a record as subject, "show" needs its `that`.
    assert!(quotes("The band will show the film at the festival.").is_empty());
}

#[test]
fn a_refusal_reports_what_was_refused() {
    let q = one("Prosecutors declined to pursue the case against the former mayor.");
    assert_eq!(speaker(&q), "Prosecutors");
    assert_eq!(q.cue, "declined");
    assert_eq!(q.content, "to pursue the case against the former mayor");
    let q = one("The chairwoman refused to speak to reporters after the vote.");
    assert_eq!(q.content, "to speak to reporters after the vote");
    // Falling figures and declined invitations are no refusals of speech.
    assert!(quotes("Oil prices declined to $70 a barrel on Friday.").is_empty());
    assert!(quotes("Shares declined sharply after the report.").is_empty());
}

#[test]
fn an_absolute_clause_with_saying_reports_its_subject() {
    let got = quotes("The governor trails in the state, with 40 percent of voters saying they would back his rival.");
    let q = got
        .iter()
        .find(|q| q.cue == "saying")
        .expect("the voters' answer");
    assert_eq!(speaker(q), "40 percent of voters");
    assert_eq!(q.content, "they would back his rival");
    // A gerund after "of" is still no report.
    assert!(
        quotes("The network aired footage of the mayor saying the budget was fine.")
            .iter()
            .all(|q| q.cue != "saying")
    );
}

#[test]
fn inverted_speakers_with_long_descriptions_after_a_quotation() {
    let q = one("\u{201c}The plan will not survive the winter,\u{201d} wrote one commenter.");
    assert_eq!(speaker(&q), "one commenter");
    let q = one("\u{201c}It was a fair deal,\u{201d} said Maria Keller of the Hamburg delegation.");
    assert_eq!(speaker(&q), "Maria Keller of the Hamburg delegation");
    let q = one(
        "\u{201c}It wasn't a convincing argument,\u{201d} said one diplomat familiar with the negotiations.",
    );
    assert_eq!(speaker(&q), "one diplomat familiar with the negotiations");
    let q =
        one("\u{201c}We will win the county,\u{201d} said Rep. Tom Hale (D-Ore.), a party whip.");
    assert_eq!(speaker(&q), "Rep. Tom Hale");
    let q = one("\u{201c}I will not apologise,\u{201d} said retired surgeon Ann Brook.");
    assert_eq!(speaker(&q), "retired surgeon Ann Brook");
    // Not after a quotation: the words after the cue are what was said.
    let q = one("Anton Berg, the ministry spokesman, said the talks were useful.");
    assert_eq!(speaker(&q), "Anton Berg");
    assert_eq!(q.content, "the talks were useful");
    // A clause after the quotation's cue is no speaker.
    let got = quotes("\u{201c}We tried,\u{201d} said the mayor was tired of the plan.");
    assert!(
        got.iter()
            .all(|q| speaker(q) != "the mayor was tired of the plan"),
        "{got:#?}"
    );
}

#[test]
fn the_sentence_subject_before_an_aside_with_commas_of_its_own() {
    let q = one("Sandy Mills, who lost her son in Aurora, Colorado, in 2012, said the senator had been rude.");
    assert_eq!(speaker(&q), "Sandy Mills");
    let q = one(
        "Sen. Tom Hale, facing a hard race in Ohio, a swing state, said he would welcome the help.",
    );
    assert_eq!(speaker(&q), "Sen. Tom Hale");
    // One comma pair: the appositive rules as before.
    let q = one("Anton Berg, the ministry spokesman, said the talks were useful.");
    assert_eq!(speaker(&q), "Anton Berg");
    // "said he may …": the modal is no month, "he" no inverted speaker.
    let q = one("Anton Berg, the ministry spokesman, said he may resign.");
    assert_eq!(speaker(&q), "Anton Berg");
    assert_eq!(q.content, "he may resign");
    // "first" after the subject is an adverb, not a determiner before a noun.
    let q = one("The driver first said he had not seen the signal.");
    assert_eq!(speaker(&q), "The driver");
    assert_eq!(q.content, "he had not seen the signal");
    assert!(quotes("Her first claims were rejected.").is_empty());
    // Auxiliaries, adverbs or a refusal's verb between the aside and the cue.
    let q = one("The bus company, which employs 4,000 drivers, has said it would appeal.");
    assert_eq!(speaker(&q), "The bus company");
    assert_eq!(q.content, "it would appeal");
    let q =
        one("The port authority, in an effort to calm shippers, has also promised to cut fees.");
    assert_eq!(speaker(&q), "The port authority");
    assert_eq!(q.content, "to cut fees");
    let q = one("The ministry, which oversees the ports, declined to comment.");
    assert_eq!(speaker(&q), "The ministry");
    assert_eq!(q.content, "to comment");
    // A quoted title closing the appositive, its comma inside the marks.
    let q = one("Ana Ruiz, author of “The Long Road,” said the border would stay open.");
    assert_eq!(speaker(&q), "Ana Ruiz");
    assert_eq!(q.content, "the border would stay open");
    // A progressive after the aside is the subject's verb, not a participle.
    let q = one("Senator Ana Ruiz, speaking at a rally in Miami, is criticizing the governor.");
    assert_eq!(speaker(&q), "Senator Ana Ruiz");
    assert_eq!(q.content, "the governor");
    // A list of names is no aside.
    let got = quotes("Paris, Berlin, and Rome, officials said, would sign the accord.");
    assert!(got.iter().all(|q| speaker(q) != "Paris"), "{got:#?}");
}

#[test]
fn a_second_verb_in_a_relative_clause_is_the_relative_pronouns() {
    let got = quotes("The plan has won over Mayor Tom Weaver, who came out and endorsed the governor on Tuesday.");
    assert!(
        got.iter()
            .any(|q| speaker(q) == "who" && q.cue == "endorsed"),
        "{got:#?}"
    );
    // Without a relative clause the first verb's subject stays the speaker.
    let q = one("Police fired tear gas and said the crowd had thrown stones.");
    assert_eq!(speaker(&q), "Police");
}

#[test]
fn after_told_comes_the_addressee_not_an_inverted_speaker() {
    let q = one("\u{201c}We were wrong to wait,\u{201d} Ramos, 58, told AFP in an interview.");
    assert_eq!(speaker(&q), "Ramos");
    let q = one(
        "\u{201c}It is a real concern,\u{201d} the ministry spokesman, Anton Berg, told Reuters.",
    );
    assert!(speaker(&q).ends_with("Anton Berg"), "{q:#?}");
    // An inverted speaker after "said" or "asked" stays.
    let q = one("\u{201c}Will you run again?\u{201d} asked the senator.");
    assert_eq!(speaker(&q), "the senator");
}

#[test]
fn a_participle_shares_the_subject_after_an_opening_participle_clause() {
    let got = quotes(
        "Speaking at a town hall in Salem, New Hampshire, the governor went after his rival, calling him \u{201c}a total stiff.\u{201d}",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "calling" && speaker(q) == "the governor"),
        "{got:#?}"
    );
    let got = quotes(
        "Facing mounting criticism, Mr. Trump released a statement on Saturday, describing the soldier as a hero.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "describing" && speaker(q) == "Mr. Trump"),
        "{got:#?}"
    );
    // Without an opening participle the clause's own subject.
    let got =
        quotes("The ministry rejected the request on Monday, saying the deadline had passed.");
    assert!(got.iter().any(|q| speaker(q) == "The ministry"), "{got:#?}");
}

#[test]
fn an_addressee_at_the_end_of_the_text_does_not_panic() {
    for text in [
        " told reporters",
        "told reporters",
        "The senator told reporters",
        "“Yes,” told reporters",
    ] {
        let _ = quotes(text);
    }
}

#[test]
fn a_short_quotation_ending_a_clause_the_cue_closes() {
    let q = one("The ruling was \u{201c}a disgrace,\u{201d} the mayor said.");
    assert_eq!(speaker(&q), "the mayor");
    assert_eq!(q.content, "The ruling was \u{201c}a disgrace,\u{201d}");
    // A quoted title before the cue, with the content after it, stays out.
    let got = quotes("On \u{201c}Morning Edition,\u{201d} the senator said the bill would pass.");
    assert!(
        got.iter().all(|q| q.content == "the bill would pass"),
        "{got:#?}"
    );
}

#[test]
fn a_participle_after_a_clause_with_a_named_subject() {
    let got = quotes("Ortega defended the budget, saying it would protect pensions.");
    assert!(
        got.iter().any(|q| q.cue == "saying"
            && speaker(q) == "Ortega"
            && q.content == "it would protect pensions"),
        "{got:#?}"
    );
    // An opening adverbial before the comma is still passed over.
    let got = quotes("Meanwhile, the union rejected the offer, saying it fell short.");
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "the union"),
        "{got:#?}"
    );
    // A pronoun subject alone, after a linking adverb; a verb of any form ends the subject.
    let got = quotes("Then he cut into the governor, calling him weak.");
    assert!(
        got.iter()
            .any(|q| q.cue == "calling" && speaker(q) == "he" && q.content == "him weak"),
        "{got:#?}"
    );
    let got = quotes("The mayor struck a measured tone, saying he understood the risk.");
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "The mayor"),
        "{got:#?}"
    );
    // A title's dot stays inside the subject.
    let got = quotes("Mr. Ruiz cut the ribbon, saying the bridge was finished.");
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "Mr. Ruiz"),
        "{got:#?}"
    );
    let got = quotes("Ruiz cut the ribbon, saying the bridge was finished.");
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "Ruiz"),
        "{got:#?}"
    );
    // A preposition inside the subject after an article and its noun.
    let q = one("A lawmaker in the Philippines said the ban should be lifted.");
    assert_eq!(speaker(&q), "A lawmaker in the Philippines");
    let q = one("“Why did he not pay?” a narrator in the new ad asks.");
    assert_eq!(speaker(&q), "a narrator in the new ad");
    // A capitalised cue word after a name is a surname.
    let q = one("Chief executive Ian Read said the board had approved the deal.");
    assert_eq!(speaker(&q), "Chief executive Ian Read");
    assert_eq!(q.content, "the board had approved the deal");
    // A source noun before an article is no verb.
    let got = quotes("The top aide to the mayor resigned, saying the plan had failed.");
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q).starts_with("The top aide")),
        "{got:#?}"
    );
}

#[test]
fn an_age_after_the_name_is_an_aside() {
    let q = one("Tomas Ruiz, 47, a baker in Valencia, said the tax would close his shop.");
    assert_eq!(speaker(&q), "Tomas Ruiz");
    assert_eq!(q.content, "the tax would close his shop");
}

#[test]
fn new_speech_words_voiced_emailed_remembered_and_claim_nouns() {
    let got = quotes("The dockworkers union voiced concern about the new water rules.");
    assert!(
        got.iter().any(|q| q.cue == "voiced"
            && speaker(q) == "The dockworkers union"
            && q.content.starts_with("concern about")),
        "{got:#?}"
    );
    let q = one("A spokesman emailed that the plant would reopen in May.");
    assert_eq!(speaker(&q), "A spokesman");
    assert_eq!(q.content, "the plant would reopen in May");
    let got = quotes("Mrs. Okafor remembers the port was busier ten years ago.");
    assert!(
        got.iter().any(|q| q.cue == "remembers"
            && speaker(q) == "Mrs. Okafor"
            && q.class == CueClass::Stance),
        "{got:#?}"
    );
    // A claim noun after a possessive takes the possessor and its `that` clause; after an
    // article it is nobody's.
    let got = quotes("The mayor's assertion that the budget was balanced drew criticism.");
    assert!(
        got.iter().any(|q| q.cue == "assertion"
            && speaker(q) == "The mayor's"
            && q.content.starts_with("the budget was balanced")),
        "{got:#?}"
    );
    assert!(quotes("The argument that the budget was balanced drew criticism.").is_empty());
}

#[test]
fn a_negated_infinitive_after_a_promise_is_its_content() {
    let q = one("The mayor vowed not to raise the harbour fees.");
    assert_eq!(speaker(&q), "The mayor");
    assert_eq!(q.content, "not to raise the harbour fees");
    let got = quotes("The league sided with Ortiz, who has threatened not to play in the final.");
    assert!(
        got.iter().any(|q| q.cue == "threatened"
            && speaker(q) == "who"
            && q.content == "not to play in the final"),
        "{got:#?}"
    );
}

#[test]
fn contracted_relative_pronouns_and_adverbs_before_a_participle() {
    let got = quotes("Okafor, who\u{2019}d previously endorsed the governor, now backs her rival.");
    assert!(
        got.iter().any(|q| q.cue == "endorsed"
            && speaker(q) == "who\u{2019}d"
            && q.content == "the governor"),
        "{got:#?}"
    );
    let got = quotes(
        "The minister raised doubts about the audit, falsely suggesting that the figures were forged.",
    );
    assert!(
        got.iter().any(|q| q.cue == "suggesting"
            && speaker(q) == "The minister"
            && q.content == "the figures were forged"),
        "{got:#?}"
    );
}

#[test]
fn a_participle_after_and_shares_the_clause_subject() {
    let got = quotes(
        "Dockworkers gathered at the gate, waving flags and chanting \u{201c}No more cuts.\u{201d}",
    );
    assert!(
        got.iter().any(|q| q.cue == "chanting"
            && speaker(q) == "Dockworkers"
            && q.content == "\u{201c}No more cuts.\u{201d}"),
        "{got:#?}"
    );
}

#[test]
fn a_document_read_its_words() {
    let q = one("\u{201c}We will not close the clinic,\u{201d} the memo read.");
    assert_eq!(speaker(&q), "the memo");
    assert_eq!(q.content, "\u{201c}We will not close the clinic,\u{201d}");
    // Past "read" after a person is reading, not a report.
    assert!(quotes("The mayor read the names of the victims aloud.").is_empty());
}

#[test]
fn a_stance_participle_after_a_noun_is_its_holders_position() {
    let got = quotes("A super PAC backing the governor launched new ads on Monday.");
    assert!(
        got.iter().any(|q| q.cue == "backing"
            && speaker(q) == "A super PAC"
            && q.content == "the governor"
            && q.class == CueClass::Stance),
        "{got:#?}"
    );
    // Other participles after a noun are no report ("footage of him saying", "a group
    // seeking …").
    assert!(quotes("Footage of the mayor saying the vote was rigged went viral.").is_empty());
    assert!(quotes("Three firms seeking the contract filed bids.").is_empty());
}

#[test]
fn reports_that_show_a_finding() {
    let got = quotes("The reports show the fund spent $4 million on mailers in May.");
    assert!(
        got.iter().any(|q| q.cue == "show"
            && speaker(q) == "The reports"
            && q.content == "the fund spent $4 million on mailers in May"),
        "{got:#?}"
    );
}

#[test]
fn a_second_verb_after_a_nested_report_is_the_outer_speakers() {
    let got = quotes(
        "The mayor said the governor had promised to keep the plant open, and added that she did not believe him.",
    );
    let said = got.iter().find(|q| q.cue == "said").expect("said");
    assert_eq!(speaker(said), "The mayor");
    assert_eq!(
        said.content,
        "the governor had promised to keep the plant open"
    );
    let added = got.iter().find(|q| q.cue == "added").expect("added");
    assert_eq!(speaker(added), "The mayor");
    assert_eq!(added.content, "she did not believe him");
    // Without a nested report the verb shares the subject of the first.
    let got = quotes("Police fired tear gas, and said the crowd had thrown stones.");
    assert!(
        got.iter()
            .any(|q| q.cue == "said" && speaker(q) == "Police"),
        "{got:#?}"
    );
}

#[test]
fn a_short_quotation_before_an_inverted_speaker_and_a_named_body_told() {
    let q =
        one("The levy is \u{201c}a trap,\u{201d} said Ana Ruiz, a lecturer at the port academy.");
    assert_eq!(speaker(&q), "Ana Ruiz");
    assert_eq!(q.content, "The levy is \u{201c}a trap,\u{201d}");
    let q =
        one("The fleet will stay in port until May, the admiral told a Senate panel on Tuesday.");
    assert_eq!(speaker(&q), "the admiral");
    assert_eq!(q.content, "The fleet will stay in port until May");
}

#[test]
fn a_that_verb_right_after_a_quotation_and_a_speech_act_before_a_colon() {
    let q =
        one("\u{201c}The old rules no longer work,\u{201d} agrees Tomas Berg, a harbour pilot.");
    assert_eq!(q.cue, "agrees");
    assert_eq!(speaker(&q), "Tomas Berg");
    assert_eq!(q.content, "\u{201c}The old rules no longer work,\u{201d}");
    // Without a quotation or a `that` it is agreement, not a report.
    assert!(quotes("The two sides agreed on a ceasefire.").is_empty());
    let q = one("Her deputy echoed: \u{201c}We will not back down.\u{201d}");
    assert_eq!(q.cue, "echoed");
    assert_eq!(speaker(&q), "Her deputy");
    assert_eq!(q.content, "\u{201c}We will not back down.\u{201d}");
}

#[test]
fn records_show_and_participles_after_quotations_and_relative_asides() {
    let got = quotes("The ferry made 40 crossings last year, records show.");
    assert!(
        got.iter().any(|q| q.cue == "show"
            && speaker(q) == "records"
            && q.content == "The ferry made 40 crossings last year"),
        "{got:#?}"
    );
    // The comma inside a closing quotation mark before a participle; no inverted speaker
    // after it.
    let got = quotes(
        "The mayor defended the \u{201c}harbour plan,\u{201d} saying the city needed the jobs.",
    );
    assert!(
        got.iter().any(|q| q.cue == "saying"
            && speaker(q) == "The mayor"
            && q.content == "the city needed the jobs"),
        "{got:#?}"
    );
    // A relative clause after the subject.
    let got = quotes(
        "Fishermen, who hold most of the licences, have opposed the quota, saying it would ruin them.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "Fishermen"),
        "{got:#?}"
    );
}

#[test]
fn a_refusal_keeps_what_follows_its_verb() {
    let q = one("The port authority declined to comment on the dredging contract.");
    assert_eq!(q.cue, "declined");
    assert_eq!(speaker(&q), "The port authority");
    assert_eq!(q.content, "to comment on the dredging contract");
    let got = quotes("A spokesman refused to say whether the ferry would run, citing safety.");
    assert!(
        got.iter().any(|q| q.cue == "refused"
            && speaker(q) == "A spokesman"
            && q.content == "to say whether the ferry would run"),
        "{got:#?}"
    );
}

#[test]
fn a_cue_split_from_its_question_by_the_sentence_break() {
    let got = quotes("\u{201c}Can we keep the ferry?\u{201d} Mr. Lopez asked.");
    assert!(
        got.iter().any(|q| q.cue == "asked"
            && speaker(q) == "Mr. Lopez"
            && q.content == "\u{201c}Can we keep the ferry?\u{201d}"),
        "{got:#?}"
    );
    let got = quotes("''Will the plant close?'' Ms. Berg asked.");
    assert!(
        got.iter()
            .any(|q| q.cue == "asked" && speaker(q) == "Ms. Berg"),
        "{got:#?}"
    );
}

#[test]
fn a_belief_clause_opened_by_a_contracted_pronoun() {
    let q = one("The harbour master thinks it\u{2019}s too late to dredge.");
    assert_eq!(q.cue, "thinks");
    assert_eq!(speaker(&q), "The harbour master");
    assert_eq!(q.content, "it\u{2019}s too late to dredge");
    // A possessive name is no clause.
    assert!(quotes("The harbour master knows Lopez's boat.").is_empty());
}

#[test]
fn offering_an_assessment_is_speech() {
    let got = quotes("The coach offered a blunt assessment of the season.");
    assert!(
        got.iter().any(|q| q.cue == "offered"
            && speaker(q) == "The coach"
            && q.content.starts_with("a blunt assessment")
            && q.class == CueClass::Speech),
        "{got:#?}"
    );
    // The base form, mostly a noun ("a generous offer"), is not a cue.
    assert!(quotes("The union rejected a generous offer from the port.")
        .iter()
        .all(|q| q.cue != "offer"));
}

#[test]
fn orders_names_and_recommendations_are_speech() {
    let got = quotes("The governor ordered an inquiry into the ferry collision.");
    assert!(
        got.iter().any(|q| q.cue == "ordered"
            && speaker(q) == "The governor"
            && q.content.starts_with("an inquiry")),
        "{got:#?}"
    );
    let got = quotes("Police identified the driver as a 34-year-old man from Porto.");
    assert!(
        got.iter()
            .any(|q| q.cue == "identified" && speaker(q) == "Police"),
        "{got:#?}"
    );
    // Without "as" it is no naming ("identified three problems").
    assert!(quotes("Inspectors identified three problems.").is_empty());
    let got = quotes("The panel recommended a ban on night fishing.");
    assert!(
        got.iter()
            .any(|q| q.cue == "recommended" && speaker(q) == "The panel"),
        "{got:#?}"
    );
}

#[test]
fn invoking_likening_and_retweeting_are_speech() {
    let got = quotes("The senator invoked the memory of the 1998 floods.");
    assert!(
        got.iter().any(|q| q.cue == "invoked"
            && speaker(q) == "The senator"
            && q.content.starts_with("the memory")),
        "{got:#?}"
    );
    let got = quotes("The mayor likened the new levy to a toll on breathing.");
    assert!(
        got.iter()
            .any(|q| q.cue == "likened" && speaker(q) == "The mayor"),
        "{got:#?}"
    );
    let got = quotes("The candidate retweeted a video of the rally.");
    assert!(
        got.iter()
            .any(|q| q.cue == "retweeted" && speaker(q) == "The candidate"),
        "{got:#?}"
    );
}

#[test]
fn a_dateline_is_not_the_subject_of_a_second_verb() {
    let got = quotes(
        "PORTO, Portugal (AP) - The mayor toured the flooded quay on Monday and promised to rebuild it.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "promised" && speaker(q) == "The mayor"),
        "{got:#?}"
    );
    let got = quotes(
        "LISBON \u{2014} The minister visited the port, saying the dredging would start soon.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "saying" && speaker(q) == "The minister"),
        "{got:#?}"
    );
}

#[test]
fn rulings_apologies_and_eagerness() {
    let got = quotes("The judge ruled that the harbour fees were unlawful.");
    assert!(
        got.iter().any(|q| q.cue == "ruled"
            && speaker(q) == "The judge"
            && q.content == "the harbour fees were unlawful"),
        "{got:#?}"
    );
    // A ruling without a `that` clause is no report.
    assert!(quotes("The judge ruled on the appeal last week.").is_empty());
    let got = quotes("The minister apologized for the delays at the border.");
    assert!(
        got.iter().any(|q| q.cue == "apologized"
            && speaker(q) == "The minister"
            && q.content.starts_with("the delays")),
        "{got:#?}"
    );
    let got = quotes("The union is eager to resume talks with the port.");
    assert!(
        got.iter()
            .any(|q| q.cue == "eager" && speaker(q) == "The union" && q.class == CueClass::Stance),
        "{got:#?}"
    );
}

#[test]
fn made_it_clear_that_reports_its_clause() {
    let got = quotes("The minister made it clear that the port would not be sold.");
    assert!(
        got.iter().any(|q| q.cue == "made"
            && speaker(q) == "The minister"
            && q.content == "the port would not be sold"),
        "{got:#?}"
    );
    // Without a `that` clause "made" is no cue.
    assert!(quotes("The minister made a short visit to the port.").is_empty());
}

#[test]
fn issuing_listing_and_promoting_are_speech() {
    let got = quotes("The coast guard issued a warning about the storm.");
    assert!(
        got.iter().any(|q| q.cue == "issued"
            && speaker(q) == "The coast guard"
            && q.content.starts_with("a warning")),
        "{got:#?}"
    );
    let got = quotes("The candidate is promoting a plan to rebuild the pier.");
    assert!(
        got.iter()
            .any(|q| q.cue == "promoting" && speaker(q) == "The candidate"),
        "{got:#?}"
    );
}

#[test]
fn rebukes_recollections_and_congratulations_are_speech() {
    let got = quotes("The premier rebuked the harbour board for the delays.");
    assert!(
        got.iter()
            .any(|q| q.cue == "rebuked" && speaker(q) == "The premier"),
        "{got:#?}"
    );
    let got = quotes("Ms. Okafor recounted how the water rose within minutes.");
    assert!(
        got.iter()
            .any(|q| q.cue == "recounted" && speaker(q) == "Ms. Okafor"),
        "{got:#?}"
    );
    let got = quotes("The mayor congratulated the rescue crews on their work.");
    assert!(
        got.iter()
            .any(|q| q.cue == "congratulated" && speaker(q) == "The mayor"),
        "{got:#?}"
    );
}

#[test]
fn a_verb_with_several_particles_and_the_particle_to() {
    let got = quotes("The envoy pointed to the closed border crossings.");
    assert!(
        got.iter().any(|q| q.cue == "pointed"
            && speaker(q) == "The envoy"
            && q.content.starts_with("the closed border")),
        "{got:#?}"
    );
    let got = quotes("The mayor referred to the levy as a mistake.");
    assert!(
        got.iter()
            .any(|q| q.cue == "referred" && speaker(q) == "The mayor"),
        "{got:#?}"
    );
    // Without one of its particles "pointed" is no report.
    assert!(quotes("The envoy pointed at the map.").is_empty());
    let lx = lexicon::parse("speech\tto-prep,obj\trefer referred\nphrase\taccording to\n").unwrap();
    assert!(lx.verbs["referred"]
        .frames
        .is_some_and(|f| f.particles != 0 && !f.to));
}

#[test]
fn opinions_clarifications_and_deliberations() {
    let got = quotes("The columnist opined that the harbour plan was doomed.");
    assert!(
        got.iter().any(|q| q.cue == "opined"
            && speaker(q) == "The columnist"
            && q.content == "the harbour plan was doomed"),
        "{got:#?}"
    );
    let got = quotes("The ministry clarified that the ferry would keep running.");
    assert!(
        got.iter()
            .any(|q| q.cue == "clarified" && speaker(q) == "The ministry"),
        "{got:#?}"
    );
    let got = quotes("The governor is mulling a run for the Senate.");
    assert!(
        got.iter().any(|q| q.cue == "mulling"
            && speaker(q) == "The governor"
            && q.class == CueClass::Stance),
        "{got:#?}"
    );
}

#[test]
fn vouching_and_painting_someone_as() {
    let got = quotes("The former coach vouched for the young striker.");
    assert!(
        got.iter().any(|q| q.cue == "vouched"
            && speaker(q) == "The former coach"
            && q.content.starts_with("the young striker")),
        "{got:#?}"
    );
    let got = quotes("The ad paints the mayor as a friend of developers.");
    assert!(
        got.iter()
            .any(|q| q.cue == "paints" && speaker(q) == "The ad"),
        "{got:#?}"
    );
    // Without "as" painting is painting.
    assert!(quotes("Volunteers painted the old ferry terminal.").is_empty());
}

#[test]
fn doubled_marks_closing_a_single_quotation() {
    let q = one("''He told me, 'Not now,''' Ms. Ortiz said.");
    assert_eq!(speaker(&q), "Ms. Ortiz");
    assert_eq!(q.content, "''He told me, 'Not now,'''");
    assert_eq!(
        marks::regions("''I said 'no,''' she said."),
        vec![marks::Region { start: 0, end: 16 }]
    );
}

#[test]
fn impressions_without_a_holder() {
    let q = one("The ceasefire seems fragile after a week of shelling.");
    assert_eq!(q.cue, "seems");
    assert_eq!(q.speaker, None);
    assert!(
        q.content.starts_with("The ceasefire seems fragile"),
        "{q:#?}"
    );
    let q = one("The plan seemed reckless to many farmers in the valley.");
    assert_eq!(speaker(&q), "many farmers");
    let q = one("The ceasefire seems ready to collapse.");
    assert_eq!(q.speaker, None);
    let q = one("By evening the ruling coalition appeared paralyzed.");
    assert_eq!(q.cue, "appeared");
    assert_eq!(q.speaker, None);
    // Showing up is no impression.
    assert!(quotes("The minister appeared on state television on Sunday.").is_empty());
    assert!(quotes("The minister appeared Monday before a parliamentary panel.").is_empty());
    assert!(quotes("The singer appeared alongside the mayor at the opening.").is_empty());
}

#[test]
fn inch_marks_do_not_close_a_quotation() {
    let q = one("“He is taller than me, he’s like 6’4”,” the guard said after the game.");
    assert_eq!(speaker(&q), "the guard");
    assert_eq!(q.content, "“He is taller than me, he’s like 6’4”,”");
    // A quotation that ends on a number still closes.
    let q = one("“We won by 12,” the coach said.");
    assert_eq!(q.content, "“We won by 12,”");
}

#[test]
fn indirect_questions_as_objects() {
    let q = one("The senator spoke about how the plant had been closed.");
    assert_eq!(speaker(&q), "The senator");
    assert_eq!(q.content, "how the plant had been closed");
    let q = one("The coach described what he saw in the locker room.");
    assert_eq!(speaker(&q), "The coach");
    assert!(q.content.starts_with("what he saw"), "{q:#?}");
}

#[test]
fn as_someone_put_it() {
    let q = one("As one trader put it, “Nobody wants to be the last one holding the bag.”");
    assert_eq!(speaker(&q), "one trader");
    assert_eq!(q.cue, "put it");
    assert_eq!(
        q.content,
        "“Nobody wants to be the last one holding the bag.”"
    );
    let q = one(
        "The port, as the harbor master put it in a radio interview, is “running at full tilt.”",
    );
    assert_eq!(speaker(&q), "the harbor master");
    // Putting a thing somewhere is no report.
    assert!(quotes("As the crew put it back on the truck, the “old crane” creaked.").is_empty());
}

#[test]
fn a_dated_adjunct_between_subject_and_verb() {
    let q = one("The foreign minister on Tuesday said the talks would resume in May.");
    assert_eq!(speaker(&q), "The foreign minister");
    assert_eq!(q.content, "the talks would resume in May");
    let q = one("The ministry late on Friday announced that the border would reopen.");
    assert_eq!(speaker(&q), "The ministry");
    let q = one("A survey on Sunday showed that most voters backed the plan.");
    assert_eq!(speaker(&q), "A survey");
}

#[test]
fn the_occasion_between_subject_and_verb() {
    let q = one("The governor in an interview with a local radio station said the dam was safe.");
    assert_eq!(speaker(&q), "The governor");
    let q = one("Ms. Okafor at a rally in Lagos said the vote would be fair.");
    assert_eq!(speaker(&q), "Ms. Okafor");
    let q = one("The senator on Twitter wrote that the bill was dead.");
    assert_eq!(speaker(&q), "The senator");
    // A place that is part of the source stays in it.
    let q = one("Officials in Lagos said the vote would be fair.");
    assert_eq!(speaker(&q), "Officials in Lagos");
}

#[test]
fn a_participle_aside_after_the_subject() {
    let q = one("A state poll, conducted by two universities last week, shows the mayor with a narrow lead.");
    assert_eq!(speaker(&q), "A state poll");
    let got = quotes("Mr. Adeyemi, pressed on the budget at a briefing, said the plan was sound.");
    assert!(
        got.iter()
            .any(|q| q.cue == "said" && speaker(q) == "Mr. Adeyemi"),
        "{got:#?}"
    );
}

#[test]
fn told_after_a_quotation_names_only_the_listener() {
    let got = quotes("“The bridge will open in May,” the mayor told “Morning Report” on Monday.");
    assert!(
        got.iter().any(|q| q.cue == "told"
            && speaker(q) == "the mayor"
            && q.content == "“The bridge will open in May,”"),
        "{got:#?}"
    );
    let got = quotes(
        "“Nothing is off the table,” the coach told reporters after hinting that “changes” could come.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "told" && q.content == "“Nothing is off the table,”"),
        "{got:#?}"
    );
    let q = one("“We are ready,” she told reporters, “and we will win.”");
    assert!(q.content.starts_with("“We are ready,”"), "{q:#?}");
}

#[test]
fn after_a_quotation_and_its_speaker_come_adjuncts() {
    let got = quotes(
        "“I am proud of you,” the former adviser Ana Ruiz wrote to the senator in an email.",
    );
    assert!(
        got.iter()
            .any(|q| q.cue == "wrote" && q.content == "“I am proud of you,”"),
        "{got:#?}"
    );
}

#[test]
fn a_quoted_title_before_the_speaker_is_no_quotation() {
    let got = quotes("On “Sunday Morning Report,” the governor said the dam was safe.");
    assert!(
        got.iter()
            .any(|q| q.cue == "said" && q.content == "the dam was safe"),
        "{got:#?}"
    );
}

#[test]
fn adding_to_something_is_no_remark() {
    assert!(quotes(
        "The senator won the primary in Ohio, adding to her lead in the delegate count."
    )
    .is_empty());
    assert!(quotes("The late change only added to the confusion at the border.").is_empty());
    let q = one("The senator added that the count would take a week.");
    assert_eq!(q.content, "the count would take a week");
}

#[test]
fn continued_reports_only_next_to_a_quotation() {
    // Not a report: forces that continued their attacks say nothing.
    assert!(
        quotes("Syrian forces backed by Russian warplanes continued their attacks on Ghouta.")
            .is_empty()
    );
    // After or before a quotation it is one.
    let q = one("“We will not stop,” he continued.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue, "continued");
    let q = one("She continued, “For us, all we ask is the truth.”");
    assert_eq!(q.cue, "continued");
    assert_eq!(speaker(&q), "She");
}
