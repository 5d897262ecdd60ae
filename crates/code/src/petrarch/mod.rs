//! Coding with the user's own CAMEO/PETRARCH dictionaries (`--cameo-dictionaries DIR`).
//!
//! Actors and agents come from [`dyad_annotate::cameo::CameoActors`] (every mention's
//! `actor` is then the user's code); this module reads the verb dictionaries and discard
//! lists ([`verbs`]) and codes each sentence the way TABARI and PETRARCH do, over plain text:
//! clauses, the first dictionary verb of each clause that gives an event, its patterns
//! matched against the words around it, the subject before it as source and the first actor
//! after it as target, compound actors, passives and negation. See `docs/events.md`.

pub mod coder;
pub mod verbs;

use chrono::NaiveDate;
use dyad_annotate::cameo::CameoActors;
use dyad_model::Document;
use std::path::{Path, PathBuf};
use verbs::{Discard, VerbDictionary};

/// Everything loaded from a dictionary directory.
pub struct Cameo {
    pub actors: CameoActors,
    /// The actor names with words that need not be consecutive.
    pub open_names: Vec<OpenName>,
    pub verbs: VerbDictionary,
    pub discards: Vec<Discard>,
    /// The verb and discard files read.
    pub files: Vec<PathBuf>,
    /// Lines of the verb and discard files that could not be read: `file:line: reason`.
    pub warnings: Vec<String>,
}

/// An actor name with a blank between two of its words, where other words may come
/// ("ITHILEN TELEVISION"), and the actor it names (an index into the actor dictionary).
pub struct OpenName {
    pub actor: usize,
    pub words: Vec<String>,
    pub open: Vec<bool>,
    pub exact_end: bool,
}

/// The actor names that let words come between their words.
fn open_names(actors: &CameoActors) -> Vec<OpenName> {
    let mut out = Vec::new();
    for (actor, a) in actors.dictionaries().actors.iter().enumerate() {
        for n in &a.names {
            if n.open.iter().any(|&o| o) {
                out.push(OpenName {
                    actor,
                    words: n.words.clone(),
                    open: n.open.clone(),
                    exact_end: n.exact_end,
                });
            }
        }
    }
    out
}

/// Whether a file name is a verb dictionary (`*verbs*.txt`, `CAMEO*.txt`).
fn is_verbs(name: &str) -> bool {
    name.ends_with(".txt") && (name.contains("verbs") || name.starts_with("cameo"))
}

impl Cameo {
    /// Loads the actor, agent, verb and discard dictionaries of a directory.
    pub fn load(dir: &Path) -> Result<Cameo, String> {
        let actors = CameoActors::load(dir)?;
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut c = Cameo {
            open_names: open_names(&actors),
            actors,
            verbs: VerbDictionary::default(),
            discards: Vec::new(),
            files: Vec::new(),
            warnings: Vec::new(),
        };
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            let discards = name.ends_with(".txt") && name.contains("discards");
            if !discards && !is_verbs(&name) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8_lossy(&bytes);
            let label = path.display().to_string();
            if discards {
                c.discards
                    .extend(verbs::parse_discards(&text, &label, &mut c.warnings));
            } else {
                verbs::parse_verbs(&text, &label, &mut c.verbs);
            }
            c.files.push(path);
        }
        c.warnings.append(&mut c.verbs.warnings);
        Ok(c)
    }

    /// Builds one from dictionaries already read (tests, embedding).
    pub fn new(actors: CameoActors, verbs: VerbDictionary, discards: Vec<Discard>) -> Cameo {
        Cameo {
            open_names: open_names(&actors),
            actors,
            verbs,
            discards,
            files: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Adds the event layer from the user's verb patterns; without any verb block it falls back
/// to the built-in coder.
pub fn code(doc: &mut Document, dct: Option<NaiveDate>, cameo: &Cameo) {
    if cameo.verbs.blocks.is_empty() {
        crate::code(doc, dct);
        return;
    }
    let text = doc.text();
    let layers = doc.layers();
    let story_discarded = cameo
        .discards
        .iter()
        .any(|d| d.story && coder::contains_discard(text, &d.words, d.exact_end));
    let mut events = Vec::new();
    if !story_discarded {
        for &sentence in &layers.sentences {
            let s = &text[sentence.start..sentence.end];
            if cameo
                .discards
                .iter()
                .any(|d| !d.story && coder::contains_discard(s, &d.words, d.exact_end))
            {
                continue;
            }
            // An actor name whose words have modifiers between them ("Ithilen state-run
            // television") is one mention, in place of the shorter names inside it.
            let code_on = |a: usize| {
                cameo.actors.dictionaries().actors[a]
                    .code_on(dct)
                    .map(str::to_string)
            };
            let opened = coder::open_name_mentions(
                &cameo.verbs,
                &cameo.open_names,
                code_on,
                text,
                sentence,
                &layers.mentions,
            );
            let mentions = opened.as_deref().unwrap_or(&layers.mentions);
            let mut found = coder::sentence_events(&cameo.verbs, text, sentence, mentions);
            // Dates, contexts and claims as the built-in coder gives them.
            crate::settle(text, &layers.timexes, sentence, dct, &mut found);
            events.extend(found);
        }
    }
    crate::mark_claims(&layers.quotes, &mut events);
    let _ = doc.set_events(events);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_kb::petrarch::{parse_actors, parse_agents, Dictionaries};
    use dyad_model::Meta;

    // Invented places and verbs, in the dictionaries' own format.
    const ACTORS: &str = "VALDORIA_ [VAL]\n+VALDORIAN_\nKESTRAN_ [KES]\nKESTRAN RADIO [KESRAD]\nKESTRAN_NAVY [KESNAV]\nMOREV_ [MOR]\n+MOREVIAN_\n\
                          TOBIN_ASHE_\n\t[VALGOV 100101-191231]\n\t[VALELI]\n\
                          THE_NORTHERN_MARCHES [NMA/ARV]\nTHE_VA [VAS]\n";
    const AGENTS: &str = "MINISTER [~GOV]\nSOLDIER [~MIL]\nMEDIA {} [~MED]\nRELIEF_WORKER [NGO~]\n\
                          ENVOY [~GOV]\n";
    const VERBS: &str = "&BONDS\n+TRADE\n+CULTURAL\n\n\
        --- MEND [050] ---\n\
        MEND {MENDED}\n\
        +PATCH_UP {+PATCHED_UP}\n\
        - * &BONDS TIES [064]\n\
        - NEVER_* [---]\n\
        \n\
        --- VISIT [042:043] ---\n\
        VISIT\n\
        \n\
        --- SHELL [195] ---\n\
        SHELL {SHELLED}\n\
        - * ^ WITH_MORTARS [194]\n\
        \n\
        --- TALK [040] ---\n\
        TALK\n\
        - % * [040:040]\n\
        \n\
        --- SAY [---] ---\n\
        SAY {SAID}\n\
        \n\
        --- STATE [010] ---\n\
        STATE {STATED}\n\
        \n\
        --- PLEDGE [030] ---\n\
        PLEDGE {PLEDGED}\n\
        \n\
        --- AID [070] ---\n\
        AID\n\
        \n\
        --- EXPEL [174] ---\n\
        EXPEL\n\
        \n\
        --- RECEIVE [---] ---\n\
        RECEIVE\n\
        - * ENVOYS [043:042]\n\
        - * PLEDGES [:030]\n\
        \n\
        --- KILL [190] ---\n\
        KILL\n\
        \n\
        --- SHOT [---] ---\n\
        SHOT\n\
        \n\
        --- SHOT [190] ---\n\
        SHOT\n\
        - + WAS * DEAD IN $ [224]\n\
        \n\
        --- LIFT [---] ---\n\
        LIFT\n\
        - * BAN [0351]\n\
        - * BANS [085]\n\
        \n\
        --- ATTEND [042] ---\n\
        ATTEND\n\
        - * SUMMIT [042:043]\n\
        \n\
        --- WANT [030] ---\n\
        WANT\n\
        - * AID [023]\n\
        \n\
        --- RATIFY [---] ---\n\
        RATIFY {RATIFIES RATIFIED RATIFYING}\n\
        - * TREATY [031:031]\n\
        - * TREATY [057]\n\
        - * PRAISE [013]\n\
        - * SUPPORT [033]\n\
        \n\
        --- MEET [040] ---\n\
        MEET {MEETS MET MEETING}\n\
        \n\
        --- FREE [084] ---\n\
        FREE {FREES FREED FREEING}\n\
        \n\
        --- PRESENT [---] ---\n\
        PRESENT\n\
        - * EVIDENCE [1124]\n\
        \n\
        --- DEMOLISH [1712] ---\n\
        DEMOLISH\n\
        - PROTESTERS * [145]\n\
        \n\
        --- TRY [---] ---\n\
        TRY {TRIES TRIED TRYING}\n\
        \n\
        --- ASSASSINATE [186] ---\n\
        ASSASSINATE\n\
        \n\
        --- HOLD [---] ---\n\
        HOLD {HELD}\n\
        - * {SOLDIER DRILLS} [150]\n\
        \n\
        --- SCOLD [121] ---\n\
        SCOLD {SCOLDED}\n\
        - HARSHLY UNFAIRLY * [123]\n\
        \n\
        --- HOST [042] ---\n\
        HOST {HOSTED}\n\
        - * FAIR ^ + [046]\n\
        \n\
        --- SEND [070] ---\n\
        SEND {SENT}\n\
        - * AID (TO +) [073]\n\
        \n\
        --- RETREAT [080] ---\n\
        RETREAT {RETREATED}\n\
        - SOLDIERS * [0874]\n\
        - * BORDER [0871]\n\
        \n\
        --- REGRET [111] ---\n\
        REGRET {REGRETTED}\n\
        - NOTED + * [115]\n\
        \n\
        ~ a (a b SHELL) STATE = a b 015\n\
        ~ a (b . SHELL) STATE = a b 112\n\
        ~ a (a b Q) STATE = a b Q\n\
        ~ a (_ b ASSASSINATE) TRY = a b 185\n";

    fn cameo(discards: &str) -> Cameo {
        cameo_with(VERBS, discards)
    }

    fn cameo_with(verbs_text: &str, discards: &str) -> Cameo {
        let mut w = Vec::new();
        let actors = CameoActors::new(Dictionaries {
            actors: parse_actors(ACTORS, "a", &mut w),
            agents: parse_agents(AGENTS, "g", &mut w),
            ..Dictionaries::default()
        })
        .unwrap();
        let mut verbs = VerbDictionary::default();
        verbs::parse_verbs(verbs_text, "v", &mut verbs);
        assert!(
            w.is_empty() && verbs.warnings.is_empty(),
            "{w:?} {:?}",
            verbs.warnings
        );
        let discards = verbs::parse_discards(discards, "d", &mut w);
        Cameo::new(actors, verbs, discards)
    }

    /// Each event as `SOURCE TARGET CODE`, sorted.
    fn coded(text: &str, date: &str, discards: &str) -> Vec<String> {
        coded_with(&cameo(discards), text, date)
    }

    fn coded_with(c: &Cameo, text: &str, date: &str) -> Vec<String> {
        let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let mut doc = Document::new(text.to_string(), Meta::default());
        dyad_annotate::annotate_with(&mut doc, day, Some(&c.actors));
        code(&mut doc, day, c);
        let a = |x: &Option<dyad_model::EventActor>| {
            x.as_ref().map_or("---".to_string(), |a| {
                format!(
                    "{}{}",
                    a.code.as_deref().unwrap_or("---"),
                    a.sector.as_deref().unwrap_or("")
                )
            })
        };
        let mut out: Vec<String> = doc
            .layers()
            .events
            .iter()
            .map(|e| format!("{} {} {}", a(&e.source), a(&e.target), e.cameo))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn pattern_synset_and_default_code() {
        assert_eq!(
            coded("Valdoria mended trade ties with Kestran.", "2015-01-01", ""),
            ["VAL KES 064"]
        );
        // No pattern matches: the block's code.
        assert_eq!(
            coded("Valdoria mended fences with Kestran.", "2015-01-01", ""),
            ["VAL KES 050"]
        );
        // A compound verb with its particle.
        assert_eq!(
            coded(
                "Valdoria patched up its quarrel with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 050"]
        );
    }

    #[test]
    fn pairs_compounds_and_agents() {
        // A pair code: the event and its reverse.
        assert_eq!(
            coded(
                "The Valdorian minister will visit Kestran.",
                "2015-01-01",
                ""
            ),
            ["KES VALGOV 043", "VALGOV KES 042"]
        );
        // `%`: the members of a compound towards each other.
        assert_eq!(
            coded("Valdoria and Kestran will talk.", "2015-01-01", ""),
            ["KES VAL 040", "VAL KES 040"]
        );
        // A compound source and an agent taking the country after "from".
        assert_eq!(
            coded(
                "Soldiers from Morev and Kestran shelled Valdoria.",
                "2015-01-01",
                ""
            ),
            ["KESMIL VAL 195", "MORMIL VAL 195"]
        );
        // An agent of a list of countries is each one's; a prefix agent comes first.
        assert_eq!(
            coded(
                "Ministers of Morev and Kestran shelled Valdoria.",
                "2015-01-01",
                ""
            ),
            ["KESGOV VAL 195", "MORGOV VAL 195"]
        );
        assert_eq!(
            coded(
                "Valdorian relief workers shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["NGOVAL KES 195"]
        );
        // `^` skips a phrase; `_` needs the words side by side.
        assert_eq!(
            coded("Valdoria shelled Kestran with mortars.", "2015-01-01", ""),
            ["VAL KES 194"]
        );
    }

    #[test]
    fn verb_interactions() {
        // An intention to aid is an intention of aid; to expel, an expulsion.
        assert_eq!(
            coded("Valdoria pledged to aid Kestran.", "2015-01-01", ""),
            ["VAL KES 033"]
        );
        assert_eq!(
            coded("Valdoria pledged to expel Kestran.", "2015-01-01", ""),
            ["VAL KES 174"]
        );
        // Stating that another attacked is an accusation; that oneself did, a claim.
        assert_eq!(
            coded(
                "Valdoria stated that Kestran shelled Morev.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 112"]
        );
        assert_eq!(
            coded("Valdoria stated it shelled Morev.", "2015-01-01", ""),
            ["VAL MOR 015"]
        );
        // "will" is not a verb of its own.
        assert_eq!(
            coded("Valdoria will shell Morev.", "2015-01-01", ""),
            ["VAL MOR 195"]
        );
    }

    #[test]
    fn transformations_come_from_the_dictionary() {
        // Stating that oneself did anything (`Q`) is that thing.
        assert_eq!(
            coded("Valdoria stated it aided Morev.", "2015-01-01", ""),
            ["VAL MOR 070"]
        );
        // Saying one will not cooperate is a refusal.
        assert_eq!(
            coded(
                "Valdoria stated it would not aid Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 122"]
        );
        // What goes on after "and" is still the reported content, already coded.
        assert_eq!(
            coded(
                "Valdoria stated that Kestran shelled Morev and expelled its envoys.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 112"]
        );
        // A passive inner verb: its "from" actor did it.
        assert_eq!(
            coded(
                "Valdoria stated the town was shelled from Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 112"]
        );
        // A verb with no event of its own that frames one: an attempted assassination.
        assert_eq!(
            coded(
                "Valdoria tried to assassinate Tobin Ashe.",
                "2021-01-01",
                ""
            ),
            ["VAL VALELI 185"]
        );
        // Without the transformation lines, stating is only a statement.
        let mut w = Vec::new();
        let actors = CameoActors::new(Dictionaries {
            actors: parse_actors(ACTORS, "a", &mut w),
            ..Dictionaries::default()
        })
        .unwrap();
        let mut verbs = VerbDictionary::default();
        let plain: String = VERBS
            .lines()
            .filter(|l| !l.starts_with('~'))
            .map(|l| format!("{l}\n"))
            .collect();
        verbs::parse_verbs(&plain, "v", &mut verbs);
        assert!(verbs.transformations.is_empty());
        let c = Cameo::new(actors, verbs, Vec::new());
        let day = NaiveDate::from_ymd_opt(2015, 1, 1);
        let mut doc = Document::new(
            "Valdoria stated that Kestran shelled Morev.".to_string(),
            Meta::default(),
        );
        dyad_annotate::annotate_with(&mut doc, day, Some(&c.actors));
        code(&mut doc, day, &c);
        let codes: Vec<&str> = doc
            .layers()
            .events
            .iter()
            .map(|e| e.cameo.as_str())
            .collect();
        assert_eq!(codes, ["010"]);
    }

    #[test]
    fn pairs_passives_and_specific_patterns() {
        // `A:B`: the event and its reverse, the object doing B to the subject.
        assert_eq!(
            coded("Valdoria received envoys from Kestran.", "2015-01-01", ""),
            ["KESGOV VAL 042", "VAL KESGOV 043"]
        );
        // `:B`: the passive reading only, the "from" actor as its source.
        assert_eq!(
            coded("Valdoria received pledges from Kestran.", "2015-01-01", ""),
            ["KES VAL 030"]
        );
        // An infinitive's subject is not its own: no reverse event.
        assert_eq!(
            coded(
                "Valdoria is to attend a summit in Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 042"]
        );
        // A passive takes its source after "in" when there is no "by", also in "there were
        // ... killed".
        assert_eq!(
            coded(
                "There were ten Valdorian soldiers killed in Kestran on Monday.",
                "2015-01-01",
                ""
            ),
            ["KES VALMIL 190"]
        );
        // The subject before an apposition between commas.
        assert_eq!(
            coded(
                "Valdoria, a nation that fears its neighbours, shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 195"]
        );
        // A passive reads its patterns with the logical object in the subject and the
        // logical subject after "by"; its target may sit inside the subject.
        assert_eq!(
            coded(
                "Evidence against Kestran was presented by Valdoria.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 1124"]
        );
        assert_eq!(
            coded(
                "The Kestran embassy was demolished by Valdorian protesters.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 145"]
        );
        // A participle describing its noun is not the clause's verb.
        assert_eq!(
            coded(
                "The envoys shelled in Kestran were freed by Valdoria.",
                "2015-01-01",
                ""
            ),
            ["VAL ---GOV 084"]
        );
        // Two blocks of the same name are one verb: the pattern of the second applies.
        assert_eq!(
            coded("A Valdorian was shot dead in Kestran.", "2015-01-01", ""),
            ["KES VAL 224"]
        );
        // The pattern written as the text has it wins over an inflected reading.
        assert_eq!(
            coded("Valdoria lifted the bans on Kestran.", "2015-01-01", ""),
            ["VAL KES 085"]
        );
        assert_eq!(
            coded("Valdoria lifted the ban on Kestran.", "2015-01-01", ""),
            ["VAL KES 0351"]
        );
        // "- * AID" names a noun: "wants to aid" is a verb interaction, not that pattern.
        assert_eq!(
            coded("Valdoria wants to aid Kestran.", "2015-01-01", ""),
            ["VAL KES 033"]
        );
        assert_eq!(
            coded("Valdoria wants more aid from Kestran.", "2015-01-01", ""),
            ["VAL KES 023"]
        );
        // Wanting another to act is not acting oneself, and, as in PETRARCH 2, the other's
        // act nested in the wish codes nothing against them either.
        assert!(coded("Valdoria wants Kestran to shell Morev.", "2015-01-01", "").is_empty());
        assert!(coded("Valdoria wants Kestran to meet.", "2015-01-01", "").is_empty());
        // A verb that is no event of the dictionary nests nothing.
        assert_eq!(
            coded("Valdoria wants Kestran to leave.", "2015-01-01", ""),
            ["VAL KES 030"]
        );
    }

    #[test]
    fn ties_between_patterns_phrases_and_partners() {
        // The same pattern twice: the later line, as PETRARCH 2 files them.
        assert_eq!(
            coded(
                "Valdoria ratified the treaty with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 057"]
        );
        // Equally specific patterns: the one whose words start nearest the verb.
        assert_eq!(
            coded(
                "Valdoria ratified its praise for support from Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 013"]
        );
        // A comma between two modifiers does not end the object's phrase; one after the
        // object's phrase does.
        assert_eq!(
            coded(
                "Valdoria ratified a short, vague treaty with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 057"]
        );
        assert_eq!(
            coded(
                "Valdoria ratified the treaty, officials in Kestran said.",
                "2015-01-01",
                ""
            ),
            Vec::<String>::new()
        );
        // Several actors meeting with no one else meet each other.
        assert_eq!(
            coded(
                "Valdoria, Morev and Kestran met on Monday.",
                "2015-01-01",
                ""
            ),
            [
                "KES MOR 040",
                "KES VAL 040",
                "MOR KES 040",
                "MOR VAL 040",
                "VAL KES 040",
                "VAL MOR 040"
            ]
        );
        // An agent takes the country of its noun phrase's prepositional phrase.
        assert_eq!(
            coded(
                "Valdoria freed the envoy of the northern city of Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KESGOV 084"]
        );
    }

    #[test]
    fn a_blank_in_an_actor_name_lets_modifiers_come_between() {
        assert_eq!(
            coded(
                "Valdoria shelled Kestran state-run radio.",
                "2015-01-01",
                ""
            ),
            ["VAL KESRAD 195"]
        );
        assert_eq!(
            coded("Valdoria shelled Kestran radio.", "2015-01-01", ""),
            ["VAL KESRAD 195"]
        );
        // `_` keeps the words consecutive; function words and names do not come between.
        assert_eq!(
            coded("Valdoria shelled Kestran northern navy.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
        assert_eq!(
            coded("Valdoria shelled Kestran and its radio.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
        assert_eq!(
            coded("Valdoria shelled Kestran Morev radio.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
    }

    #[test]
    fn several_actors_under_one_name_and_shared_agents() {
        // `[NMA/ARV]`: one name, two actors, each coded.
        assert_eq!(
            coded("The Northern Marches shelled Kestran.", "2015-01-01", ""),
            ["ARV KES 195", "NMA KES 195"]
        );
        // A short stem is an abbreviation: "THE_VA" is not "the Valdorian".
        assert_eq!(
            coded("The Valdorian minister shelled Kestran.", "2015-01-01", ""),
            ["VALGOV KES 195"]
        );
        // A country before coordinated agents is both agents'; two countries before one
        // agent share it.
        assert_eq!(
            coded(
                "Valdorian media and ministers shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["VALGOV KES 195", "VALMED KES 195"]
        );
        assert_eq!(
            coded(
                "Valdorian and Morevian soldiers shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["MORMIL KES 195", "VALMIL KES 195"]
        );
    }

    #[test]
    fn dates_and_claims_as_the_built_in_coder() {
        let c = cameo("");
        let day = NaiveDate::from_ymd_opt(2015, 1, 7);
        let text = "Valdoria shelled Kestran on Monday. \"Morev shelled Kestran last year,\" \
                    the Valdorian minister said.";
        let mut doc = Document::new(text.to_string(), Meta::default());
        dyad_annotate::annotate_with(&mut doc, day, Some(&c.actors));
        code(&mut doc, day, &c);
        let got: Vec<(String, Option<String>, Option<String>)> = doc
            .layers()
            .events
            .iter()
            .map(|e| (e.cameo.clone(), e.date.clone(), e.modality.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("195".to_string(), Some("2015-01-05".to_string()), None),
                (
                    "195".to_string(),
                    Some("2014".to_string()),
                    Some("claimed".to_string())
                ),
            ]
        );
    }

    #[test]
    fn passives_negation_statements_and_dates() {
        assert_eq!(
            coded("Kestran was shelled by Valdoria.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
        // Negation: no event unless a pattern says what it is; `[---]` codes nothing.
        assert!(coded("Valdoria did not mend ties with Kestran.", "2015-01-01", "").is_empty());
        assert!(coded("Valdoria never mended ties with Kestran.", "2015-01-01", "").is_empty());
        // A statement without a target, and a verb nobody listed, code nothing.
        assert!(coded("Valdoria said nothing.", "2015-01-01", "").is_empty());
        assert!(coded("Valdoria praised Kestran.", "2015-01-01", "").is_empty());
        // The actor's code of the day.
        assert_eq!(
            coded("Tobin Ashe visited Kestran.", "2012-05-01", ""),
            ["KES VALGOV 043", "VALGOV KES 042"]
        );
        assert_eq!(
            coded("Tobin Ashe visited Kestran.", "2021-05-01", ""),
            ["KES VALELI 043", "VALELI KES 042"]
        );
    }

    #[test]
    fn pattern_words_are_not_the_target() {
        // "soldier" is an agent, but the pattern's words name the drills: the target is the
        // next actor.
        assert_eq!(
            coded(
                "Valdoria held soldier drills with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 150"]
        );
        // An actor only partly matched by the pattern is still the target ("received envoys
        // from Kestran", above).
        // The pattern took the agent's words; the country the agent was in is the target.
        assert_eq!(
            coded("Valdoria held soldier drills in Kestran.", "2015-01-01", ""),
            ["VAL KES 150"]
        );
        // Without a pattern, the agent is the target.
        assert_eq!(
            coded("Valdoria held soldiers in Kestran.", "2015-01-01", ""),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_participles_object_is_not_the_verbs_target() {
        // "implicating Morev" qualifies "proof": Morev is not whom it was stated to.
        assert_eq!(
            coded(
                "Valdoria stated it has proof implicating Morev.",
                "2015-01-01",
                ""
            ),
            Vec::<String>::new()
        );
        // A prepositional phrase of the same clause is still read.
        assert_eq!(
            coded(
                "Valdoria stated it has proof against Morev.",
                "2015-01-01",
                ""
            ),
            ["VAL MOR 010"]
        );
        // A noun in -ing before another noun is no participle.
        assert_eq!(
            coded(
                "Valdoria stated its hunting rights over Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 010"]
        );
    }

    #[test]
    fn coordinated_adverbs_do_not_start_a_clause() {
        assert_eq!(
            coded(
                "Valdoria harshly and unfairly scolded Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 123"]
        );
        // "and" before a verb still starts a clause that keeps the subject.
        assert_eq!(
            coded(
                "Morev shelled Kestran and scolded Valdoria.",
                "2015-01-01",
                ""
            ),
            ["MOR KES 195", "MOR VAL 121"]
        );
    }

    #[test]
    fn a_skipped_phrase_takes_its_preposition_with_it() {
        // "^" skips "with Morev" whole; the target is the next actor.
        assert_eq!(
            coded(
                "Valdoria hosted a fair with Morev at Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 046"]
        );
        // Not the preposition alone: with no actor left after the phrase, the pattern
        // does not match and the block's code stands.
        assert_eq!(
            coded("Valdoria hosted a fair in Morev.", "2015-01-01", ""),
            ["VAL MOR 042"]
        );
    }

    #[test]
    fn agents_placed_in_countries_and_lists() {
        // A noun that is also a verb of the dictionary still links an agent to its place;
        // a past form does not.
        assert_eq!(
            coded(
                "Valdoria shelled a minister visit in Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KESGOV 195"]
        );
        assert_eq!(
            coded(
                "Valdoria shelled ministers visited in Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL ---GOV 195"]
        );
        // "southwest of" is one preposition; the noun after an agent may have a capital.
        assert_eq!(
            coded(
                "Valdoria shelled a soldier Camp southwest of Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KESMIL 195"]
        );
        // A comma alone does not make a list: the actor after it is in another phrase.
        assert_eq!(
            coded(
                "Valdoria shelled soldiers southwest of Kestran, the Morevian minister said.",
                "2015-01-01",
                ""
            ),
            ["VAL KESMIL 195"]
        );
        assert_eq!(
            coded(
                "Valdoria shelled Kestran, the Morevian minister said.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 195"]
        );
        // With "and" at its end it is one.
        assert_eq!(
            coded(
                "Valdoria shelled Kestran, Morev and the Northern Marches.",
                "2015-01-01",
                ""
            ),
            ["VAL ARV 195", "VAL KES 195", "VAL MOR 195", "VAL NMA 195"]
        );
    }

    #[test]
    fn subjects_after_quantities_and_in_prepositional_phrases() {
        // A quantity before "of" is not the subject: the actor after it is.
        assert_eq!(
            coded(
                "Hundreds of Valdorian soldiers shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["VALMIL KES 195"]
        );
        assert!(coded("Talks with Valdoria shelled Kestran.", "2015-01-01", "").is_empty());
        // A subject with no actor of its own takes the one of its prepositional phrase...
        assert_eq!(
            coded(
                "A battery hidden in Valdoria shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 195"]
        );
        // ... but not a phrase that opens the sentence with a preposition, nor "near".
        assert!(coded("In Valdoria, a battery shelled Kestran.", "2015-01-01", "").is_empty());
        assert!(coded("A battery near Valdoria shelled Kestran.", "2015-01-01", "").is_empty());
    }

    #[test]
    fn one_noun_phrase_is_one_actor_named_first() {
        // A country's agent and a name right after it that disagrees: the first names the
        // phrase (the minister is Valdorian, but here speaks as Morev's).
        assert_eq!(
            coded(
                "The Morevian minister Tobin Ashe shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["MORGOV KES 195"]
        );
        // Coordinated modifiers after a possessive count once.
        assert_eq!(
            coded(
                "Morev's brave and loyal minister Tobin Ashe shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["MORGOV KES 195"]
        );
        // Alone, the name is its own actor.
        assert_eq!(
            coded("Tobin Ashe shelled Kestran.", "2015-01-01", ""),
            ["VALGOV KES 195"]
        );
        // A head noun between: still one phrase, named by the first actor.
        assert_eq!(
            coded(
                "The Morevian soldier unit Tobin Ashe shelled Kestran.",
                "2015-01-01",
                ""
            ),
            ["MORMIL KES 195"]
        );
        // An agent after a modifier qualifies the country before it.
        assert_eq!(
            coded("Morev brave soldiers shelled Kestran.", "2015-01-01", ""),
            ["MORMIL KES 195"]
        );
        // A verb between (even one the dictionary lacks) ends the first phrase.
        assert_eq!(
            coded("Morev noted Valdoria shelled Kestran.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
    }

    #[test]
    fn a_target_before_the_verb_leaves_the_source_to_the_actor_before_it() {
        // `- NOTED + *`: the target is the subject of "regretted", the source the actor
        // before it.
        assert_eq!(
            coded(
                "The Valdorian minister noted that Kestran regretted the decision.",
                "2015-01-01",
                ""
            ),
            ["VALGOV KES 115"]
        );
        // Without the pattern's word the verb's own subject is the source.
        assert_eq!(
            coded("Kestran regretted the decision of Morev.", "2015-01-01", ""),
            ["KES MOR 111"]
        );
    }

    #[test]
    fn a_conjunct_noun_takes_the_actor_of_its_of_phrase() {
        assert_eq!(
            coded(
                "Kestran's farmers and traders of Morev shelled Valdoria.",
                "2015-01-01",
                ""
            ),
            ["KES VAL 195", "MOR VAL 195"]
        );
        // Not the object of another preposition.
        assert_eq!(
            coded(
                "Kestran's farmers and traders in Morev shelled Valdoria.",
                "2015-01-01",
                ""
            ),
            ["KES VAL 195"]
        );
    }

    #[test]
    fn lists_end_with_their_and_and_actors_do_not_act_on_themselves() {
        // A subject phrase naming its actors after "between".
        assert_eq!(
            coded(
                "Trade between Valdoria and Kestran will aid Morev.",
                "2015-01-01",
                ""
            ),
            ["KES MOR 070", "VAL MOR 070"]
        );
        // After the list's "and", a comma starts another phrase.
        assert_eq!(
            coded(
                "Valdoria shelled Kestran and Morev, the Valdorian minister said.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 195", "VAL MOR 195"]
        );
        // No event from an actor to itself.
        assert_eq!(
            coded("Valdoria shelled Kestran and Valdoria.", "2015-01-01", ""),
            ["VAL KES 195"]
        );
    }

    #[test]
    fn an_actor_inside_an_infinitive_is_not_the_verbs_target() {
        // "take up" codes nothing: Morev is its object, not the pledge's.
        assert_eq!(
            coded(
                "Kestran pledged to take up the matter with Morev.",
                "2015-01-01",
                ""
            ),
            Vec::<String>::new()
        );
        // "to" before a noun is a preposition of the verb's own phrase.
        assert_eq!(
            coded("Kestran pledged to peace with Morev.", "2015-01-01", ""),
            ["KES MOR 030"]
        );
    }

    #[test]
    fn pattern_words_are_read_on_the_verbs_own_phrases() {
        assert_eq!(
            coded(
                "Valdorian soldiers retreated from Kestran.",
                "2015-01-01",
                ""
            ),
            ["VALMIL KES 0874"]
        );
        // After a quantity and "of" the subject's head is the quantity.
        assert_eq!(
            coded(
                "Hundreds of Valdorian soldiers retreated from Kestran.",
                "2015-01-01",
                ""
            ),
            ["VALMIL KES 080"]
        );
        assert_eq!(
            coded(
                "Valdoria retreated from the border with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 0871"]
        );
        // A word after another verb of the clause is in that verb's phrase.
        assert_eq!(
            coded(
                "Valdoria retreated from Kestran as rebels shelled the border.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 080"]
        );
    }

    #[test]
    fn petrarch_2_syntax_reads_bare_words_on_the_verbs_object() {
        // Prepositional phrases in parentheses: PETRARCH 2's syntax.
        let c = cameo_with(
            "--- MAKE [---] ---\nMAKE {MADE}\n- * TRIP [036]\n- * (FOR TALKS) [040]\n\n\
             --- AIM [030] ---\nAIM\n\n--- PUSH [030] ---\nPUSH\n",
            "",
        );
        let day = "2015-01-01";
        assert_eq!(
            coded_with(&c, "The Valdorian minister made a trip to Kestran.", day),
            ["VALGOV KES 036"]
        );
        // A head noun is read on its lemma: its plural matches too.
        assert_eq!(
            coded_with(&c, "The Valdorian minister made trips to Kestran.", day),
            ["VALGOV KES 036"]
        );
        // "trip" is not the head of the verb's object.
        assert_eq!(
            coded_with(
                &c,
                "The Valdorian minister made remarks in Kestran at the start of a trip.",
                day
            ),
            Vec::<String>::new()
        );
        // A participle describing a noun, a gerund after a preposition: no event.
        assert_eq!(
            coded_with(
                &c,
                "The Valdorian minister made remarks at the start of a trip aimed at Kestran.",
                day
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            coded_with(
                &c,
                "The Valdorian minister made remarks on pushing Kestran.",
                day
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_complement_clause_with_a_noun_subject_is_its_own() {
        // "such a plan" is the subject of "aided": Kestran is neither the statement's
        // target nor aided by Valdoria.
        assert_eq!(
            coded(
                "Valdoria stated such a plan aided Kestran.",
                "2015-01-01",
                ""
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            coded("Valdoria stated the plan to Kestran.", "2015-01-01", ""),
            ["VAL KES 010"]
        );
    }

    #[test]
    fn pattern_actors_after_the_verb_stop_at_be() {
        assert_eq!(
            coded("Valdoria sent aid to Kestran.", "2015-01-01", ""),
            ["VAL KES 073"]
        );
        // "to be shared with Kestran" is not "to Kestran": the block's code.
        assert_eq!(
            coded(
                "Valdoria sent aid to be shared with Kestran.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 070"]
        );
    }

    #[test]
    fn discards_and_clauses() {
        let d = "FOOTBALL\n+CHESS OLYMPIAD_\nYEARS AGO\n";
        assert!(coded(
            "Valdoria shelled Kestran at football on Monday.",
            "2015-01-01",
            d
        )
        .is_empty());
        // The last word is a stem: it may go on with letters.
        assert!(coded(
            "Valdoria shelled Kestran's footballers today.",
            "2015-01-01",
            d
        )
        .is_empty());
        assert!(coded("Years ago Valdoria shelled Kestran.", "2015-01-01", d).is_empty());
        // As PETRARCH 2 reads them, discard words are whitespace-separated tokens: a word
        // with punctuation attached is another word.
        assert_eq!(
            coded(
                "Valdoria shelled Kestran, which it had left two years ago, on Monday.",
                "2015-01-01",
                d
            ),
            ["VAL KES 195"]
        );
        assert_eq!(
            coded("Valdoria shelled Kestran at football.", "2015-01-01", d),
            ["VAL KES 195"]
        );
        assert!(coded(
            "At the chess olympiad nothing happened. Valdoria shelled Kestran.",
            "2015-01-01",
            d
        )
        .is_empty());
        // Two clauses, the second with the subject of the first.
        assert_eq!(
            coded(
                "Valdoria shelled Kestran and mended cultural ties with Morev.",
                "2015-01-01",
                ""
            ),
            ["VAL KES 195", "VAL MOR 064"]
        );
    }

    #[test]
    fn a_directory_without_verbs_falls_back_and_junk_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("T.actors.txt"), ACTORS).unwrap();
        let c = Cameo::load(dir.path()).unwrap();
        assert!(c.verbs.blocks.is_empty());
        std::fs::write(
            dir.path().join("T.verbs.txt"),
            format!("{VERBS}\n- * [\n\u{0}garbage\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("T.discards.txt"), "+\nCRICKET\n").unwrap();
        let c = Cameo::load(dir.path()).unwrap();
        assert_eq!(c.verbs.blocks.len(), 29);
        assert_eq!(c.discards.len(), 1);
        assert_eq!(c.warnings.len(), 3, "{:?}", c.warnings);
        assert!(
            c.warnings.iter().all(|w| w.contains("T.")),
            "{:?}",
            c.warnings
        );
    }
}
