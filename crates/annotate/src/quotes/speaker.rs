//! Cues, speakers and content inside one stretch of sentences, transcript lines, and the
//! entity, anonymity and hedging of a speaker.

use super::lexicon::{Frames, Verb};
use super::{marks, Ctx, Found, Unit};
use dyad_model::Mention;

/// Words that end a speaker phrase read leftwards from its cue: they open clauses or belong
/// to the verb group, so the subject cannot reach over them.
const BREAK: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "if",
    "when",
    "while",
    "because",
    "as",
    "than",
    "since",
    "after",
    "before",
    "although",
    "though",
    "where",
    "whether",
    "how",
    "why",
    "what",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "also",
    "in",
    "on",
    "at",
    "during",
    "with",
    "by",
    "from",
    "into",
    "about",
    "under",
    "over",
    "until",
    "despite",
    "through",
    "to",
    "then",
    "there",
    "here",
    "yesterday",
    "today",
    "tonight",
    "now",
    "said",
    "says",
    "say",
    "told",
    "it's",
    "do",
    "does",
    "did",
    "once",
    "against",
    "like",
    "unlike",
    "without",
    "amid",
    "among",
    "per",
    "via",
];

/// Words before a verb form that make it a noun ("the report", "a statement", "his claim").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "no", "any", "every", "each", "new", "latest", "first", "another", "such",
];

/// Words that open a speaker phrase without being determiners ("one slide says", "some
/// officials said").
const QUANTIFIERS: &[&str] = &[
    "one", "two", "three", "four", "five", "some", "many", "several", "most", "both", "all",
    "other", "few", "top", "senior", "former", "us", "u.s",
];

/// Nouns of records and measurements that state findings ("polls show", "the data showed"):
/// a `thatverb` after them needs no `that`.
const DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "records",
    "report",
    "reports",
    "data",
    "figures",
    "study",
    "studies",
    "results",
    "documents",
    "numbers",
    "statistics",
    "filings",
    "analysis",
    "footage",
    "video",
    "videos",
    "email",
    "emails",
    "memo",
    "polling",
    "tallies",
    "estimates",
    "projections",
    "transcripts",
    "census",
    "photo",
    "pictures",
    "images",
    "photos",
    "research",
    "review",
    "reviews",
    "audit",
    "audits",
    "assessment",
    "findings",
    "evidence",
    "memos",
    "letter",
    "letters",
];

/// Whether the subject before the verb at token `i` is a record or measurement: a
/// `DOCUMENTS` noun among the few words before it in the same clause ("polls show", "A
/// national poll released Sunday by the Post shows", "campaign finance records show").
fn document_subject(ctx: &Ctx, u: Unit, i: usize) -> bool {
    let mut lo = i.saturating_sub(14).max(u.a);
    let mut k = i;
    let mut asides = 0;
    while k > lo {
        k -= 1;
        if !ctx.is_word(k) {
            if ctx.abbrev_dot(k, lo, i) || ctx.is(k, "/") {
                continue;
            }
            // "A poll, conducted by two universities, shows": a participle aside.
            if ctx.is(k, ",") && k + 1 == i && asides == 0 {
                let c = (k.saturating_sub(14).max(u.a)..k)
                    .rev()
                    .find(|&c| ctx.is(c, ","));
                if let Some(c) = c.filter(|&c| {
                    ctx.is_word(c + 1) && !ctx.cap(c + 1) && ctx.w(c + 1).ends_with("ed")
                }) {
                    asides += 1;
                    k = c;
                    lo = c.saturating_sub(10).max(u.a);
                    continue;
                }
            }
            return false;
        }
        let w = ctx.w(k);
        if is_in(DOCUMENTS, w) {
            return true;
        }
        if matches!(
            w,
            "that" | "which" | "who" | "but" | "if" | "when" | "because" | "while"
        ) || ctx.is_verb_form(k) && !record_participle(ctx, u, k)
        {
            return false;
        }
    }
    false
}

/// "A poll released Sunday shows …", "emails published by the group showed …": a verb of
/// publication right after a record noun is its participle, no verb of its own.
fn record_participle(ctx: &Ctx, u: Unit, i: usize) -> bool {
    i > u.a
        && matches!(
            ctx.w(i),
            "released" | "published" | "posted" | "issued" | "filed" | "aired"
        )
        && ctx.is_word(i - 1)
        && is_in(DOCUMENTS, ctx.w(i - 1))
}

/// "a farmer named Ana Ruiz", "an academic named …": "named" after an indefinite noun
/// phrase of a few words gives a name, not a choice.
fn named_after_indefinite(ctx: &Ctx, u: Unit, i: usize) -> bool {
    ctx.is(i, "named")
        && (i.saturating_sub(6).max(u.a)..i)
            .rev()
            .take_while(|&k| (ctx.is_word(k) && !ctx.cap(k)) || ctx.is(k, "-"))
            .any(|k| matches!(ctx.w(k), "a" | "an"))
}

/// "a phone call", "the roll call", "his recent call for …": "call" after a lower-case word
/// that can be neither its subject nor what stands before a verb is a noun. A plural
/// subject ("critics call"), a pronoun, a quantifier ("what some call"), an auxiliary or
/// modal, "to" and adverbs keep the verb.
fn call_noun(ctx: &Ctx, u: Unit, i: usize) -> bool {
    if !ctx.is(i, "call") || i == u.a || !ctx.is_word(i - 1) || ctx.cap(i - 1) {
        return false;
    }
    let p = ctx.w(i - 1);
    !(p.ends_with('s')
        || p.ends_with("ly")
        || is_in(FINITE, p)
        || is_in(QUANTIFIERS, p)
        || ctx.lx.pronouns.contains(p)
        || ctx.lx.aux.contains(p)
        || matches!(
            p,
            "to" | "not" | "who" | "that" | "which" | "and" | "or" | "percent" | "then"
                // plurals without -s: "Many people call the deal a betrayal"
                | "people" | "police" | "men" | "women" | "children" | "staff" | "media"
        ))
}

/// A cue word read as a noun: its base form after an adjective ("Xi's supposed mental
/// stress"), or its -s form right before a past form of saying ("state media reports noted
/// that …").
fn described_noun(ctx: &Ctx, u: Unit, i: usize) -> bool {
    let w = ctx.w(i);
    let past = matches!(
        w,
        "said"
            | "told"
            | "wrote"
            | "thought"
            | "felt"
            | "knew"
            | "sought"
            | "saw"
            | "spoke"
            | "made"
            | "put"
            | "held"
            | "gave"
            | "took"
            | "heard"
            | "meant"
            | "laid"
            | "shown"
    );
    if past || w.ends_with("ed") || w.ends_with("ing") {
        return false;
    }
    let adjective = i > u.a && ctx.is_word(i - 1) && !ctx.cap(i - 1) && {
        let p = ctx.w(i - 1);
        p.len() > 4
            && p.chars().all(|c| c.is_ascii_lowercase())
            && ["al", "ic", "ive", "ous", "ful", "ary"]
                .iter()
                .any(|e| p.ends_with(e))
    };
    let before_past = w.ends_with('s')
        && i + 1 < u.b
        && ctx.is_word(i + 1)
        && !ctx.cap(i + 1)
        && ctx.lx.verbs.contains_key(ctx.w(i + 1))
        && (ctx.w(i + 1).ends_with("ed") || matches!(ctx.w(i + 1), "said" | "told" | "wrote"));
    // Only the base form after an adjective ("official says", "critic says" are verbs), and
    // not a noun of speech, which reports as a noun too ("his infamous comment about …").
    let speech_noun = matches!(
        w,
        "comment"
            | "remark"
            | "claim"
            | "warning"
            | "plea"
            | "pledge"
            | "promise"
            | "vow"
            | "threat"
            | "demand"
            | "complaint"
            | "charge"
            | "denial"
            | "praise"
            | "criticism"
            | "report"
            | "statement"
            | "call"
            | "appeal"
            | "request"
            | "boast"
            | "admission"
    );
    let third_person = w.ends_with('s') && !w.ends_with("ss");
    adjective && !speech_noun && !third_person || before_past
}

/// A cue word inside an idiom that reports nothing: "the one who calls the shots".
fn idiom(ctx: &Ctx, u: Unit, i: usize) -> bool {
    matches!(ctx.w(i), "call" | "calls" | "called" | "calling")
        && i + 2 < u.b
        && ctx.is(i + 1, "the")
        && ctx.is(i + 2, "shots")
}

/// Words that may head a one-word speaker although they also break phrases.
const RELATIVE_HEADS: &[&str] = &[
    "who", "which", "who's", "who’s", "who'd", "who’d", "who've", "who’ve", "who'll", "who’ll",
];

/// Prepositions that open an adjunct between a cue and its content ("said in a statement,").
const ADJUNCT: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "via",
    "through",
    "after",
    "before",
    "while",
    "from",
    "to",
    "last",
    "this",
    "earlier",
    "late",
    "yesterday",
    "today",
    "tonight",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Stems of cue verbs whose content may be an infinitive ("promised to cut taxes").
const INFINITIVE_CUES: &[&str] = &[
    "promis", "pledg", "vow", "threaten", "urg", "ask", "declin", "refus",
];

/// Refusals, cues only before an infinitive that is not itself a cue ("declined to pursue
/// the case"; "declined to comment" is reported through "comment").
const REFUSALS: &[&str] = &[
    "declined",
    "declines",
    "declining",
    "refused",
    "refuses",
    "refusing",
];

fn refusal_cue(ctx: &Ctx, u: Unit, i: usize) -> bool {
    // "Exports declined to a six-year low": a level, not an infinitive.
    to_before_word(ctx, u, i + 1)
        // A reporting verb reports the refusal itself ("declined to comment"); one with its
        // own complements does not ("refused to speak to reporters", "declined to endorse").
        && ctx.lx.verbs.get(ctx.w(i + 2)).is_none_or(|v| v.frames.is_some())
        && !ctx.w(i + 2).ends_with("est")
}

/// Words that open a sentence with an adverbial clause or phrase ("In a statement, …", "When
/// asked, …", "While the firm grew, …"): a comma after it is no sign of content before the cue.
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "while",
    "when",
    "as",
    "after",
    "before",
    "since",
    "although",
    "though",
    "if",
    "because",
    "with",
    "without",
    "despite",
    "amid",
    "for",
    "from",
    "by",
    "following",
    "unlike",
    "like",
    "whereas",
    "once",
    "until",
    "meanwhile",
    "still",
    "yet",
    "however",
    "instead",
    "later",
    "earlier",
    "now",
    "then",
];

/// Time words besides months and weekdays (`crate::calendar`).
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "again",
    "recently",
    "afterward",
    "afterwards",
    "last",
    "this",
    "next",
];

fn is_time_word(w: &str) -> bool {
    is_in(TIME_WORDS, w) || crate::calendar::is_calendar_word(w)
}

fn is_in(list: &[&str], w: &str) -> bool {
    // The lists are short and the words compared differ in length or first byte at once.
    list.iter().any(|x| x.len() == w.len() && *x == w)
}

impl Ctx<'_> {
    /// A time word at token `k`; "may" only as the month, capitalised ("said he may run").
    fn time_at(&self, k: usize) -> bool {
        let w = self.w(k);
        is_time_word(w) && (w != "may" || self.cap(k))
    }

    /// "Gen." / "U.S." : a dot after a short capitalised word, inside a name.
    fn abbrev_dot(&self, k: usize, lo: usize, hi: usize) -> bool {
        k > lo
            && k + 1 < hi
            && self.is(k, ".")
            && self.cap(k - 1)
            && self.raw(k - 1).len() <= 4
            && self.is_word(k + 1)
    }

    fn is_verb_form(&self, i: usize) -> bool {
        self.lx.verbs.contains_key(self.w(i))
    }

    fn closes_region(&self, i: usize) -> bool {
        self.region_of(i)
            .is_some_and(|r| self.regions[r].end == self.toks[i].e)
    }

    /// The last token of a stretch without trailing punctuation outside quotation marks.
    fn trim_end(&self, a: usize, mut b: usize) -> Option<usize> {
        while b > a && !self.is_word(b - 1) && !self.closes_region(b - 1) {
            b -= 1;
        }
        (b > a).then(|| b - 1)
    }

    fn trim_start(&self, mut a: usize, b: usize) -> Option<usize> {
        while a < b && !self.is_word(a) && self.region_of(a).is_none() {
            a += 1;
        }
        (a < b).then_some(a)
    }

    /// Byte span of tokens `a..b` trimmed of outside punctuation; a region cut by the end
    /// keeps its closing mark.
    fn span_of(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let a = self.trim_start(a, b)?;
        let last = self.trim_end(a, b)?;
        let s = match self.region_of(a) {
            Some(r) => self.regions[r].start.min(self.toks[a].s),
            None => self.toks[a].s,
        };
        let e = match self.region_of(last) {
            Some(r) if self.regions[r].end <= self.toks[last].e + 4 => {
                self.regions[r].end.max(self.toks[last].e)
            }
            _ => self.toks[last].e,
        };
        (s < e).then_some((s, e))
    }

    /// The speaker phrase that ends at token `h`, read leftwards: (first token, byte span).
    fn np_left(&self, h: usize, lo: usize) -> Option<(usize, (usize, usize))> {
        // "42% say they are liberal": a share of a poll's respondents, as "42 percent".
        if self.is(h, "%")
            && h > lo
            && self.is_word(h - 1)
            && self
                .w(h - 1)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.')
            && self.region_of(h).is_none()
        {
            // "His 32% support gives him …": a possessor's share is no one's words.
            let owned = h > lo + 1
                && self.is_word(h - 2)
                && (is_in(DETERMINERS, self.w(h - 2)) || genitive(self.w(h - 2)));
            return (!owned).then(|| (h - 1, (self.toks[h - 1].s, self.toks[h].e)));
        }
        // "James B. Comey Jr., the director …", "The F.B.I. said": a name that ends in an
        // abbreviation's dot.
        if self.is(h, ".")
            && h > lo + 1
            && self.cap(h - 1)
            && (matches!(self.w(h - 1), "jr" | "sr") || self.raw(h - 1).contains('.'))
            && self.region_of(h).is_none()
        {
            let (k, (s, _)) = self.np_left(h - 1, lo)?;
            return Some((k, (s, self.toks[h].e)));
        }
        if !self.is_word(h) || self.region_of(h).is_some() {
            return None;
        }
        // "He's said …", "they've said": a pronoun with its auxiliary contracted.
        if let Some(n) = contracted_pronoun(self.w(h)) {
            return Some((h, (self.toks[h].s, self.toks[h].s + n)));
        }
        // "Pentagon documents leaked last week claimed": the participle describes the head.
        let mut h = h;
        if h > lo
            && !self.cap(h)
            && self.w(h).ends_with("ed")
            && self.is_word(h - 1)
            && (self.cap(h - 1) || self.lx.sources.contains(self.w(h - 1)))
        {
            h -= 1;
        }
        let hw = self.w(h);
        // "another says", "each said": the determiner stands for its noun.
        let alone = matches!(hw, "another" | "each")
            && self.is_word(h + 1)
            && self.lx.verbs.contains_key(self.w(h + 1));
        if is_in(RELATIVE_HEADS, hw) || alone {
            return Some((h, (self.toks[h].s, self.toks[h].e)));
        }
        // "loss of support", "its support": the cue is a noun.
        // "The reports show …": a document noun that is also a verb form heads the phrase.
        // "Ian Read said": a capitalised cue word after a name is a surname.
        let surname = h > lo && self.cap(h) && self.cap(h - 1) && self.is_word(h - 1);
        // "the person familiar with the planning confirmed": after an article the form is a
        // noun.
        let after_article = h > lo && matches!(self.w(h - 1), "the" | "a" | "an");
        // "“…,” Will wrote", "“…,” From said": a capitalised function word right after a
        // quotation is a name.
        let name_after_quote = self.cap(h) && h > lo && self.closes_region(h - 1);
        if is_in(BREAK, hw) && !name_after_quote
            || self.is_verb_form(h) && !is_in(DOCUMENTS, hw) && !surname && !after_article
            || is_time_word(hw)
            || is_in(DETERMINERS, hw)
            || matches!(hw, "of" | "for")
        {
            return None;
        }
        let mut k = h;
        let mut n = 1;
        while k > lo && n < 8 {
            let p = k - 1;
            if self.abbrev_dot(p, lo, h + 1) {
                k = p;
                continue;
            }
            // "people familiar with the matter", "officials close to the talks", "a memo to
            // staff": a preposition inside a source description, when a source or document
            // noun comes before it.
            // "a narrator in the ad", "experts on the region": also after an article or
            // a capitalised noun and one word.
            let inner_prep = matches!(self.w(p), "with" | "to" | "in" | "at" | "on" | "from")
                && ((p.saturating_sub(3).max(lo)..p).any(|t| {
                    self.is_word(t)
                        && (self.lx.sources.contains(self.w(t))
                            || is_in(DOCUMENTS, self.w(t))
                            || is_in(STATEMENTS, self.w(t)))
                }) || p >= lo + 2
                    && self.is_word(p - 1)
                    && !self.cap(p - 1)
                    && !self.is_verb_form(p - 1)
                    && !is_in(BREAK, self.w(p - 1))
                    && self.is_word(p - 2)
                    && matches!(self.w(p - 2), "a" | "an" | "the"));
            if !self.is_word(p)
                || self.region_of(p).is_some()
                || (is_in(BREAK, self.w(p)) && !inner_prep)
                || self.is_verb_form(p)
                || is_time_word(self.w(p))
            {
                break;
            }
            k = p;
            n += 1;
        }
        // A lower-case head must read as a source: a pronoun, a source noun ("officials"),
        // or a phrase with a determiner or a name in it ("the Kremlin's spokesman", "Russian
        // diplomats"). Otherwise the word before a verb form is most often something else
        // ("disparaging remarks", "member states to counter").
        // "more than 4 in 10 said": a share's number heads the phrase.
        let number = hw.bytes().all(|b| b.is_ascii_digit()) && h > lo && self.is(h - 1, "in");
        if !self.cap(h)
            && !self.lx.pronouns.contains(hw)
            && !self.lx.sources.contains(hw)
            && !number
            // "records show": a record speaks for itself.
            && !is_in(DOCUMENTS, hw)
        {
            let ok = (k..h).any(|t| {
                self.cap(t)
                    || is_in(DETERMINERS, self.w(t))
                    || is_in(QUANTIFIERS, self.w(t))
                    || genitive(self.w(t))
            });
            if !ok {
                return None;
            }
        }
        Some((k, (self.toks[k].s, self.toks[h].e)))
    }

    /// A speaker phrase that starts at token `j` and runs to punctuation or the stretch's end
    /// ("…,” said Foreign Minister Wang Yi."): (byte span, first token after it).
    fn np_right(
        &self,
        j: usize,
        hi: usize,
        max: usize,
        loose: bool,
    ) -> Option<((usize, usize), usize)> {
        if j >= hi || !self.is_word(j) || self.region_of(j).is_some() {
            return None;
        }
        let first = self.w(j);
        // "said analyst John Smith", "says political scientist Dossym Satpayev": lower-case
        // role words, the last of them a source noun, then a name.
        let role_before_name = |t: usize| {
            (t..(t + 3).min(hi)).any(|r| {
                self.is_word(r)
                    && !self.cap(r)
                    && self.lx.sources.contains(self.w(r))
                    && (t..r).all(|x| self.is_word(x) && !self.cap(x) && !is_in(BREAK, self.w(x)))
                    && r + 1 < hi
                    && self.is_word(r + 1)
                    && self.cap(r + 1)
                    && self.region_of(r + 1).is_none()
            })
        };
        // "said retired neurosurgeon Ben Carson", "said master of ceremonies Ali Haddad": after
        // a quotation, up to three lower-case words of a description, then a name.
        let words_before_name = |t: usize| {
            loose
                && (t + 1..(t + 4).min(hi)).any(|r| {
                    self.is_word(r)
                        && self.cap(r)
                        && self.region_of(r).is_none()
                        && (t..r).all(|x| {
                            self.is_word(x)
                                && !self.cap(x)
                                && !is_in(BREAK, self.w(x))
                                && !is_in(ADJUNCT, self.w(x))
                                && !is_time_word(self.w(x))
                                && !self.is_verb_form(x)
                        })
                })
        };
        // "said Will Doyle", "said Dana Bash": a capitalised word inside a name is part of
        // it, even when it is also a function word or a cue word.
        let in_name = |t: usize| {
            self.cap(t)
                && self.region_of(t).is_none()
                && (t > j && self.cap(t - 1) && self.is_word(t - 1)
                    || t + 1 < hi && self.cap(t + 1) && self.is_word(t + 1))
        };
        let opens = self.cap(j)
            || self.lx.pronouns.contains(first)
            || is_in(DETERMINERS, first)
            || is_in(QUANTIFIERS, first)
            || role_before_name(j)
            || words_before_name(j);
        if !opens || (is_in(BREAK, first) && first != "the" && !in_name(j)) {
            return None;
        }
        // Words of a name or a source description: "Foreign Minister Wang Yi", "a
        // spokeswoman for the ministry", "one GOP source".
        let fits = |t: usize| {
            let w = self.w(t);
            self.cap(t)
                || is_in(DETERMINERS, w)
                || is_in(QUANTIFIERS, w)
                || self.lx.sources.contains(w)
                || matches!(w, "of" | "for" | "and" | "de" | "van" | "von" | "al" | "bin")
                || genitive(w)
                // A role word before a name: "MSNBC host Chris Matthews".
                || (t + 1 < hi && self.cap(t + 1) && !is_in(BREAK, w))
                // "Russia's foreign minister", "political scientist Dossym Satpayev": a
                // lower-case word before a source noun.
                || (!self.cap(t) && !is_in(BREAK, w) && (t + 1..(t + 3).min(hi)).any(|r| {
                    self.is_word(r) && self.lx.sources.contains(self.w(r))
                }))
        };
        let mut k = j;
        let mut n = 0;
        while k < hi && n < max {
            if self.abbrev_dot(k, j, hi) {
                k += 1;
                continue;
            }
            if !self.is_word(k) || self.region_of(k).is_some() {
                break;
            }
            let w = self.w(k);
            if k > j && in_name(k) && self.cap(k - 1) {
                k += 1;
                n += 1;
                continue;
            }
            if matches!(w, "that" | "who" | "which")
                || (k > j
                    && (is_in(ADJUNCT, w)
                        || (is_in(BREAK, w) && w != "and")
                        || self.is_verb_form(k)
                        || !fits(k)))
            {
                break;
            }
            k += 1;
            n += 1;
        }
        // A phrase does not end in a function word ("Wang and").
        while k > j + 1 && matches!(self.w(k - 1), "of" | "for" | "and" | "the" | "a" | "an") {
            k -= 1;
            n -= 1;
        }
        if k == j || (n == 1 && is_time_word(first)) {
            return None;
        }
        // After a quotation and its cue ("…,” said one Democrat familiar with the talks.",
        // "…,” said Robert Antonacci of the New York delegation."), a description may run
        // on in lower-case words and prepositions to the end of the clause.
        if loose && !self.lx.pronouns.contains(first) && k < hi && self.is_word(k) {
            let mut m = k;
            while m < hi && n < 16 {
                if self.abbrev_dot(m, j, hi) {
                    m += 1;
                    continue;
                }
                if !self.is_word(m) || self.region_of(m).is_some() {
                    break;
                }
                let w = self.w(m);
                if matches!(
                    w,
                    "that" | "who" | "which" | "whose" | "when" | "as" | "after"
                ) || self.is_verb_form(m)
                    // "involved in the planning": after an article a cue form is a noun.
                    && !(m > k && is_in(DETERMINERS, self.w(m - 1)))
                    || is_in(FINITE, w)
                    || self.time_at(m)
                {
                    break;
                }
                m += 1;
                n += 1;
            }
            let closes = m >= hi
                || (!self.is_word(m)
                    && matches!(
                        self.raw(m),
                        "," | "." | ";" | ":" | "!" | "?" | "(" | ")" | "—" | "–"
                    ))
                || (self.is_word(m) && matches!(self.w(m), "who" | "which" | "whose"));
            if closes && m > k {
                while m > k + 1
                    && matches!(self.w(m - 1), "of" | "for" | "and" | "the" | "a" | "an")
                {
                    m -= 1;
                }
                k = m;
            }
        }
        // An inverted speaker closes its clause ("…,” said Wang Yi." / ", said Wang, who …"
        // / "said Lavrov on Tuesday").
        if k < hi && self.is_word(k) {
            let w = self.w(k);
            let relative = matches!(w, "who" | "which");
            let adjunct = (self.time_at(k) || matches!(w, "on" | "in" | "at" | "during")) && n <= 6;
            if !relative && !adjunct {
                return None;
            }
        }
        // After a quotation a party tag may follow the name ("said Sen. Tom Hale (D-Ore.)").
        let closing = |k: usize| {
            matches!(
                self.raw(k),
                "," | "." | ";" | ":" | "!" | "?" | ")" | "—" | "–"
            ) || loose && self.is(k, "(")
        };
        if k < hi && !self.is_word(k) && !closing(k) {
            // "said North Korea's latest “…”" is not an inverted speaker.
            return None;
        }
        if self.lx.pronouns.contains(first) && n > 1 {
            return None;
        }
        Some(((self.toks[j].s, self.toks[k - 1].e), k))
    }
}

/// The subject that opens a clause, for a second verb or a participle that shares it
/// ("Several groups granted an extension, saying …"): up to four words before the first
/// verb-like word, after an opening adverbial ("Meanwhile,", "In 2012,").
fn subject_at(ctx: &Ctx, u: Unit, before: usize) -> Option<(usize, usize)> {
    // "ORLANDO, Fla. (Reuters) - President Obama met …": a dateline before the sentence.
    let u = Unit {
        a: dateline_end(ctx, u, before).unwrap_or(u.a),
        b: u.b,
    };
    let mut a = u.a;
    // "Speaking at a town hall in Salem, which votes next week, Trump went after Bush,
    // calling him …": an opening participle clause, however long, comes before the subject;
    // the subject is the phrase after the first of its commas that a verb follows.
    // "Asked whether he would run, Lee shook her head and said …": so a past participle
    // before a lower-case word.
    let participle = ctx.is_word(u.a)
        && ctx.cap(u.a)
        && ctx.region_of(u.a).is_none()
        && (ctx.w(u.a).ends_with("ing")
            || ctx.w(u.a) == "having"
            || ctx.w(u.a).ends_with("ed")
                && u.a + 1 < before
                && ctx.is_word(u.a + 1)
                && !ctx.cap(u.a + 1))
        && ctx.w(u.a).len() > 4;
    // "Outside the arena in downtown Denver, about 200 protesters gathered, chanting …",
    // "Years after he left office, Obama …", "Hastily leaving the stage, …": an opening
    // phrase or clause before the subject, as the participle's.
    let opening = ctx.is_word(u.a) && ctx.cap(u.a) && ctx.region_of(u.a).is_none() && {
        let w = ctx.w(u.a);
        is_in(OPENERS, w)
            || matches!(
                w,
                "outside"
                    | "inside"
                    | "absent"
                    | "just"
                    | "amid"
                    | "across"
                    | "ahead"
                    | "even"
                    | "shortly"
                    | "soon"
                    | "asked"
                    | "minutes"
                    | "hours"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "moments"
            )
            || w.len() > 4 && w.ends_with("ly")
            || u.a + 1 < before && ctx.is_word(u.a + 1) && is_in(TIME_NOUNS, ctx.w(u.a + 1))
    };
    if participle || opening {
        let lim = before.min(u.a + 40);
        for c in (u.a + 1..lim).filter(|&k| ctx.is(k, ",") && ctx.region_of(k).is_none()) {
            if let Some(span) = subject_from(ctx, c + 1, before) {
                return Some(span);
            }
        }
    }
    // "Meanwhile, …", "In 2012, …", "And a couple of years later, …": an opening adverbial
    // of up to seven tokens before a comma; not a clause with
    // its own verb ("Clinton talked up her plan, saying …").
    if let Some(c) = (u.a..before.min(u.a + 8)).find(|&k| ctx.is(k, ",")) {
        let clause = (u.a + 1..c).any(|k| {
            ctx.is_word(k)
                && !ctx.cap(k)
                && (ctx.is_verb_form(k)
                    || is_in(FINITE, ctx.w(k))
                    || ctx.w(k).ends_with("ed")
                    || is_in(IRREGULAR_PAST, ctx.w(k)))
        })
            // "Republicans, who hold a majority, have blocked …, saying": the subject before
            // its relative clause, or before a participle aside ("House Democrats, looking
            // for a way …, seized the floor and said …").
            || c + 1 < before
                && ctx.is_word(c + 1)
                && (is_in(RELATIVE_HEADS, ctx.w(c + 1))
                    || !ctx.cap(c + 1) && ctx.w(c + 1).ends_with("ing"));
        if !clause {
            a = c + 1;
        }
    }
    // "Then he cut into Bush, calling …": a linking adverb before the subject.
    if a + 1 < before
        && ctx.is_word(a)
        && matches!(
            ctx.w(a),
            "then" | "later" | "but" | "and" | "so" | "yet" | "still" | "instead" | "meanwhile"
        )
        && ctx.is_word(a + 1)
    {
        a += 1;
    }
    // "He cut into Bush, calling him …": a subject pronoun is the subject alone.
    if a < before && ctx.is_word(a) && matches!(ctx.w(a), "he" | "she" | "they" | "we" | "i") {
        return Some((ctx.toks[a].s, ctx.toks[a].e));
    }
    let mut k = a;
    let mut lim = a + 4;
    while k < before && k < lim {
        // "Mr. Obama's eyes welled … and urged": the dot of a title is inside the name.
        if ctx.abbrev_dot(k, a, before) {
            k += 1;
            lim += 1;
            continue;
        }
        if !ctx.is_word(k) || ctx.region_of(k).is_some() {
            break;
        }
        let w = ctx.w(k);
        // "The mayor struck a measured tone": a lower-case word before an article or an
        // object pronoun is the verb, whatever its form.
        let before_object = k > a
            && k + 1 < before
            && !ctx.cap(k)
            && !is_in(DETERMINERS, w)
            && !is_in(QUANTIFIERS, w)
            && !ctx.lx.sources.contains(w)
            && !genitive(w)
            && ctx.is_word(k + 1)
            && matches!(
                ctx.w(k + 1),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "him" | "them"
            );
        let verbish = ctx.is_verb_form(k)
            || (k > a && !ctx.cap(k) && (w.ends_with("ed") || is_in(IRREGULAR_PAST, w)))
            || before_object;
        if is_in(BREAK, w) && w != "the" || is_in(ADJUNCT, w) || verbish {
            break;
        }
        k += 1;
    }
    (k > a && (ctx.cap(a) || is_in(DETERMINERS, ctx.w(a)) || is_in(QUANTIFIERS, ctx.w(a))))
        .then(|| (ctx.toks[a].s, ctx.toks[k - 1].e))
}

/// Common past forms that do not end in -ed, for the verb after a subject ("The mayor cut
/// the ribbon, saying …").
const IRREGULAR_PAST: &[&str] = &[
    "took", "cut", "hit", "put", "set", "made", "gave", "went", "came", "got", "kept", "held",
    "left", "met", "ran", "won", "lost", "spent", "sent", "brought", "found", "led", "began",
    "fought", "struck", "stood", "sought", "drew", "threw", "spoke", "broke", "chose", "rose",
    "fell", "paid", "laid", "heard", "felt", "built", "became", "shook", "sat", "swept", "won",
    "stuck", "dealt", "bore",
];

/// The token after a dateline that opens a unit: capitalised words, abbreviations,
/// commas, a date and an agency in parentheses up to a dash ("BUENA PARK, Calif. -",
/// "WASHINGTON (AP) —", "June 10 (UPI) —").
fn dateline_end(ctx: &Ctx, u: Unit, before: usize) -> Option<usize> {
    let lim = (u.a + 14).min(before);
    let mut paren = false;
    for k in u.a..lim {
        let w = ctx.raw(k);
        if matches!(w, "-" | "—" | "–") {
            return (k > u.a && k + 1 < before).then_some(k + 1);
        }
        match w {
            "(" => paren = true,
            ")" => paren = false,
            "," | "." => {}
            _ if paren => {}
            _ if ctx.is_word(k) && (ctx.cap(k) || w.bytes().all(|b| b.is_ascii_digit())) => {}
            _ => return None,
        }
        if ctx.region_of(k).is_some() {
            return None;
        }
    }
    None
}

/// A subject at token `a` followed by a lower-case word (its verb): a pronoun, a run of
/// capitalised words ("Mr. Trump", "Judge Berman"), or a determiner and up to three words
/// before a verb form ("the president defended").
fn subject_from(ctx: &Ctx, a: usize, before: usize) -> Option<(usize, usize)> {
    let ok = |k: usize| k < before && ctx.is_word(k) && ctx.region_of(k).is_none();
    if !ok(a) {
        return None;
    }
    let w = ctx.w(a);
    let mut k = a + 1;
    if ctx.lx.pronouns.contains(w) && !(ok(a + 1) && ctx.cap(a + 1)) {
        // "he", "they": the pronoun alone.
    } else if ctx.cap(a) && !is_in(DETERMINERS, w) && !is_in(BREAK, w) && !is_time_word(w) {
        while k < before && k < a + 6 && (ok(k) && ctx.cap(k) || ctx.abbrev_dot(k, a, before)) {
            k += 1;
        }
    } else if is_in(DETERMINERS, w) {
        // Up to a verb form within three words, else the determiner and its noun.
        let verb = (a + 2..(a + 4).min(before)).find(|&t| {
            ok(t) && {
                let v = ctx.w(t);
                ctx.is_verb_form(t) || is_in(FINITE, v) || (!ctx.cap(t) && v.ends_with("ed"))
            }
        });
        k = verb.unwrap_or(a + 2);
        if !(a + 1..k).all(ok) {
            return None;
        }
    } else {
        return None;
    }
    let verb_next = ok(k) && !ctx.cap(k) && !is_in(BREAK, ctx.w(k)) && !is_in(ADJUNCT, ctx.w(k));
    (k > a && verb_next).then(|| (ctx.toks[a].s, ctx.toks[k - 1].e))
}

/// Transcript lines: "Qin Gang: …", "SIMONE: …" — a short capitalised name, a colon, and
/// the words said.
pub(crate) fn transcripts(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    let text = ctx.text;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        // A transcript line has a colon: most lines are turned away by one byte search.
        let has_colon = text.as_bytes()[line_start..line_end].contains(&b':');
        if let Some(f) = has_colon
            .then(|| transcript_line(ctx, line_start, line_end))
            .flatten()
        {
            out.push(f);
        }
        line_start = line_end + 1;
    }
    out
}

fn transcript_line(ctx: &Ctx, ls: usize, le: usize) -> Option<Found> {
    let mut a = ctx.tok_at(ls);
    let b = ctx.tok_at(le);
    // A transcript quoted whole: "PENCE: Well, …
    if a < b && !ctx.is_word(a) && matches!(ctx.raw(a), "\"" | "“") {
        a += 1;
    }
    let mut k = a;
    while k < b && k < a + 6 && ctx.is_word(k) && ctx.cap(k) {
        k += 1;
    }
    if k == a || k >= b || !ctx.is(k, ":") {
        return None;
    }
    let name = &ctx.low[ctx.toks[a].s..ctx.toks[k - 1].e];
    // "The Latest: …" and other headline kickers are not speakers.
    if ctx.lx.labels.contains(name) || ctx.lx.labels.contains(ctx.w(a)) || ctx.is(a, "the") {
        return None;
    }
    // A headline after a kicker ("Revealed: More Than 100 Delegates …") is in title case.
    let words: Vec<usize> = (k + 1..b).filter(|&t| ctx.is_word(t)).collect();
    let capitalised = words.iter().filter(|&&t| ctx.cap(t)).count();
    // A title's own first line may be a quote in headline style ("Smith: Tax Plan Is Dead").
    if ls > 0 && words.len() >= 3 && capitalised * 4 >= words.len() * 3 {
        return None;
    }
    if ctx.words_in(k + 1, b) < 2 {
        return None;
    }
    // "Clinton: 2,316." in a delegate count or a results table: a tally, not words.
    if !(k + 1..b).any(|t| ctx.is_word(t) && ctx.w(t).chars().any(char::is_alphabetic)) {
        return None;
    }
    let (s, e) = ctx.span_of(k + 1, ctx.cap_after(k + 1, b))?;
    // In a transcript quoted whole, a paragraph at a time, the words stay on their line and
    // do not reach back to where the quotation opened.
    let content = (s.max(ctx.toks[k + 1].s), e.min(le));
    (content.0 < content.1).then_some(Found {
        content,
        cue: (ctx.toks[k].s, ctx.toks[k].e),
        speaker: Some((ctx.toks[a].s, ctx.toks[k - 1].e)),
    })
}

/// Quotations credited after a dash: “…” ― Maria Lopez (epigraphs, collected reactions).
pub(crate) fn dash_credits(ctx: &Ctx) -> Vec<Found> {
    let mut out = Vec::new();
    for r in &ctx.regions {
        let t = ctx.tok_at(r.end);
        if t + 1 >= ctx.toks.len() || !matches!(ctx.raw(t), "—" | "―" | "–") {
            continue;
        }
        let gap = &ctx.text[r.end..ctx.toks[t].s];
        if gap.contains('\n') {
            continue;
        }
        // A credit is short: look no further than a few hundred bytes for the line's end.
        let mut lim = (r.end + 300).min(ctx.text.len());
        while !ctx.text.is_char_boundary(lim) {
            lim -= 1;
        }
        let line_end = ctx.text[r.end..lim].find('\n').map_or(lim, |i| r.end + i);
        let hi = ctx.tok_at(line_end);
        // The next credited quotation may follow on the same line ("” ― Ann Lee “…").
        let hi = (t + 1..hi)
            .find(|&k| ctx.region_of(k).is_some())
            .unwrap_or(hi);
        let Some((speaker, k)) = ctx.np_right(t + 1, hi, 6, false) else {
            continue;
        };
        // The credit must close the line (a full stop at most), or it is a sentence going on.
        if !(k..hi).all(|k| !ctx.is_word(k)) {
            continue;
        }
        out.push(Found {
            content: (r.start, r.end),
            cue: (ctx.toks[t].s, ctx.toks[t].e),
            speaker: Some(speaker),
        });
    }
    out
}

#[derive(Clone, Copy)]
enum Cue {
    Verb(usize, Verb),
    Phrase(usize, usize),
    /// A stance word as a noun after a possessive: "Clinton's plans to …".
    StanceNoun(usize, Frames),
}

/// The attributions of one stretch of sentences.
pub(crate) fn in_unit(ctx: &Ctx, u: Unit) -> Vec<Found> {
    let cands = ctx.cands_in(u.a, u.b);
    // Most sentences hold no cue word and no quotation mark: nothing to find, unless a
    // finding opens them ("In a new poll, …").
    if cands.is_empty() && !ctx.has_region(u.a, u.b) {
        return in_a_document(ctx, u).into_iter().collect();
    }
    let mut cues = Vec::new();
    let mut next_free = u.a;
    for &i in cands {
        if i < next_free || ctx.region_of(i).is_some() {
            continue;
        }
        let starts = ctx.lx.starts.contains(ctx.w(i));
        if let Some(p) = ctx
            .lx
            .phrases
            .iter()
            .find(|p| starts && p[0] == ctx.w(i) && ctx.seq_at(i, u.b, p))
        {
            cues.push(Cue::Phrase(i, i + p.len()));
            next_free = i + p.len();
            continue;
        }
        // "to, say, single digits": "say" between commas gives an example.
        if ctx.is(i, "say") && i > u.a && ctx.is(i - 1, ",") && ctx.is(i + 1, ",") {
            continue;
        }
        if let Some(&v) = ctx.lx.verbs.get(ctx.w(i)) {
            // "The employee first said …": after a noun, "first" is an adverb ("his first
            // claims" a determiner).
            let adverb_first = i > u.a + 1
                && ctx.is(i - 1, "first")
                && ctx.is_word(i - 2)
                && !is_in(DETERMINERS, ctx.w(i - 2))
                && !genitive(ctx.w(i - 2))
                && !ctx.lx.aux.contains(ctx.w(i - 2));
            // "One says …, while another says …": "another" and "each" stand alone as
            // subjects before a finite form that is no noun.
            let pronoun_det = i > u.a
                && matches!(ctx.w(i - 1), "another" | "each")
                && (matches!(
                    ctx.w(i),
                    "said" | "says" | "told" | "tells" | "wrote" | "writes"
                ) || ctx.w(i).ends_with("ed"));
            let noun = i > u.a
                && !pronoun_det
                && (is_in(DETERMINERS, ctx.w(i - 1)) && !adverb_first || genitive(ctx.w(i - 1)))
                || call_noun(ctx, u, i)
                || described_noun(ctx, u, i)
                || idiom(ctx, u, i)
                || record_participle(ctx, u, i)
                || named_after_indefinite(ctx, u, i)
                // "the most pledged delegates": an adjective.
                || ctx.is(i, "pledged")
                    && i + 1 < u.b
                    && matches!(ctx.w(i + 1), "delegate" | "delegates" | "superdelegates");
            if let Some(st) = v.frames {
                // A stance word after a possessive is a noun with its holder ("Trump's view
                // that …"); after an article it is nobody's ("the plan to build a wall").
                if noun && (v.stance || st.noun) && possessive(ctx, i - 1) {
                    cues.push(Cue::StanceNoun(i, st));
                } else if !noun && !st.noun {
                    cues.push(Cue::Verb(i, v));
                }
                continue;
            }
            // "Records show he backed …", "…, the polls showed.": a document needs no `that`.
            // Looked at only for the verbs that need it: the scan back costs.
            let document = || document_subject(ctx, u, i);
            let refusal = is_in(REFUSALS, ctx.w(i));
            // "“…,” agrees Ana Ruiz": right after a quotation it reports that quotation.
            let after_quote = || {
                i > u.a + 1 && ctx.is(i - 1, ",") && ctx.closes_region(i - 2)
                    || i > u.a && ctx.closes_region(i - 1)
            };
            // "“…,” it read", "“…,” the statement read": a text reads its quotation.
            // "“…?” Hannity pressed": so for the other verbs that need a `that`, when the
            // clause ends with them.
            let closes_clause =
                i + 1 >= u.b || !ctx.is_word(i + 1) && ctx.region_of(i + 1).is_none();
            let text_read = || {
                (matches!(ctx.w(i), "read" | "reads") || closes_clause)
                    && (i.saturating_sub(5).max(u.a + 1)..i).any(|s| {
                        let quote = ctx.closes_region(s - 1)
                            || s > u.a + 1 && ctx.is(s - 1, ",") && ctx.closes_region(s - 2);
                        quote
                            && ctx.is_word(s)
                            && (s + 1 == i && ctx.is(s, "it")
                                || is_in(DETERMINERS, ctx.w(s))
                                || closes_clause
                                    && (ctx.cap(s) || ctx.lx.pronouns.contains(ctx.w(s))))
                            && (s..i).all(|t| ctx.is_word(t) && ctx.region_of(t).is_none())
                    })
            };
            if !noun
                && (!refusal || refusal_cue(ctx, u, i))
                && (!v.that_only
                    || document()
                    || that_follows(ctx, i + 1, u.b, 3).is_some()
                    || after_quote()
                    || text_read())
                && (!v.quote_only
                    || after_quote()
                    || text_read()
                    || (i + 1..(i + 3).min(u.b)).any(|t| ctx.region_of(t).is_some()))
            {
                cues.push(Cue::Verb(i, v));
            }
        }
    }
    let mut out: Vec<(Found, bool)> = Vec::new();
    for c in cues {
        let f = match c {
            Cue::Verb(i, v) => verb_cue(ctx, u, i, v, &out),
            Cue::Phrase(i, j) => phrase_cue(ctx, u, i, j),
            Cue::StanceNoun(i, st) => stance_noun(ctx, u, i, st),
        };
        if let Some(f) = f {
            out.push(f);
        }
    }
    cut_at_next_speaker(ctx, &mut out);
    for (found, after_cue) in out.iter_mut() {
        if *after_cue {
            cut_at_writers_clause(ctx, found);
        }
    }
    let mut found: Vec<Found> = out.into_iter().map(|(f, _)| f).collect();
    found.extend(colon_quotes(ctx, u, &found));
    found.extend(as_put_it(ctx, u, &found));
    found.extend(references(ctx, u, &found));
    if !found
        .iter()
        .any(|f| f.speaker.is_some_and(|s| s.0 < ctx.toks[u.a].s + 3))
    {
        found.extend(in_a_document(ctx, u));
    }
    if found.is_empty() {
        found.extend(hedge_claim(ctx, u));
    }
    found
}

/// The token of `that` introducing a clause within `n` words after `from`.
fn that_follows(ctx: &Ctx, from: usize, hi: usize, n: usize) -> Option<usize> {
    let mut seen = 0;
    for k in from..hi.min(from + 3 * n) {
        if ctx.region_of(k).is_some() {
            return None;
        }
        if !ctx.is_word(k) {
            if ctx.abbrev_dot(k, from, hi) {
                continue;
            }
            return None;
        }
        if ctx.is(k, "that") {
            return Some(k);
        }
        // "said he meets with families in a city that …": a subject pronoun has opened the
        // reported clause, and a later `that` is a relative.
        if matches!(ctx.w(k), "he" | "she" | "they" | "we" | "i") || contracted_finite(ctx.w(k)) {
            return None;
        }
        // "said the talks were useful but that …": a `that` after a conjunction or another
        // verb opens a later clause, and the content starts right after the cue.
        let w = ctx.w(k);
        let verb = k > from
            && ctx.is_verb_form(k)
            && !is_in(DETERMINERS, ctx.w(k - 1))
            && !is_in(ADJUNCT, ctx.w(k - 1));
        // "vowed to veto any bill that …": after an infinitive the `that` is a relative.
        let infinitive = w == "to"
            && k + 1 < hi
            && ctx.is_word(k + 1)
            && !ctx.cap(k + 1)
            && !is_in(DETERMINERS, ctx.w(k + 1))
            && !ctx.lx.sources.contains(ctx.w(k + 1))
            && !ctx.lx.pronouns.contains(ctx.w(k + 1))
            && !matches!(ctx.w(k + 1), "him" | "her" | "them" | "us" | "me");
        if matches!(w, "but" | "and" | "or" | "yet") || verb || infinitive {
            return None;
        }
        seen += 1;
        if seen > n {
            return None;
        }
    }
    None
}

/// Where the content after a cue begins: after an addressee ("told Reuters"), a `that`, an
/// adjunct ("in a statement Tuesday,") or a colon. `None` when nothing follows.
fn content_start(ctx: &Ctx, u: Unit, mut q: usize, v: Option<Verb>) -> Option<usize> {
    if let Some(after_colon) = the_following(ctx, u, q) {
        return after_colon;
    }
    if let Some(t) = aside_then_that(ctx, u, q) {
        return Some(t + 1);
    }
    if let Some(t) = that_follows(ctx, q, u.b, 10) {
        return Some(t + 1);
    }
    if v.is_some_and(|v| v.addressee) {
        q = skip_addressee(ctx, u, q);
        // "told The Post and Courier newspaper that …": the `that` after a long addressee,
        // perhaps past a time ("… newspaper on Saturday that …").
        if let Some(t) = that_follows(ctx, q, u.b, 4) {
            return Some(t + 1);
        }
    }
    if v.is_some_and(|v| particle_object(ctx, u, q, v)) {
        return Some(q + 1);
    }
    if q < u.b && ctx.is_word(q) && is_in(ADJUNCT, ctx.w(q)) {
        // "said in a statement, …" / "said on Twitter: …"
        let lim = (q + 10).min(u.b);
        // Only an adjunct closed by a colon, or by a comma before a quotation, is skipped:
        // "pledged to ban … — …" keeps its infinitive.
        if let Some(p) = (q..lim).find(|&k| !ctx.is_word(k) && !ctx.abbrev_dot(k, q, u.b)) {
            let quote_next = p + 1 < u.b && ctx.region_of(p + 1).is_some();
            if ctx.is(p, ":") && p + 1 == u.b {
                // "said in a statement:" and the words come in the next paragraph.
                return None;
            }
            if ctx.is(p, ":") && p + 1 < u.b || ctx.is(p, ",") && quote_next {
                q = p;
            }
        }
    }
    while q < u.b && (ctx.is(q, ":") || ctx.is(q, ",") || ctx.is(q, "—")) {
        q += 1;
    }
    (q < u.b && ctx.words_in(q, u.b) > 0).then_some(q)
}

/// "complained about the tone", "warned against a deal": a speech act with no frames of its
/// own, then "about" or "against" and the object that is what it was about (not "said about
/// …", whose content comes later).
fn particle_object(ctx: &Ctx, u: Unit, q: usize, v: Verb) -> bool {
    v.frames.is_none()
        && !v.quote_only
        && q > u.a
        && !matches!(ctx.w(q - 1), "say" | "says" | "said" | "saying")
        && q + 1 < u.b
        && matches!(ctx.w(q), "about" | "against")
        && ctx.is_word(q + 1)
        && ctx.region_of(q).is_none()
        && (!is_in(BREAK, ctx.w(q + 1)) || ctx.w(q + 1) == "the")
}

/// "cautioned, as did the campaign itself, that …", "said — on Twitter, as it happens — that
/// …": an aside between commas or dashes right after the cue, then the cue's `that`.
fn aside_then_that(ctx: &Ctx, u: Unit, q: usize) -> Option<usize> {
    // "contended in its letter, written by a vice president, that …": a short adjunct first.
    let q = if q < u.b && ctx.is_word(q) && is_in(ADJUNCT, ctx.w(q)) {
        (q + 1..(q + 8).min(u.b)).find(|&k| !ctx.is_word(k) && !ctx.abbrev_dot(k, q, u.b))?
    } else {
        q
    };
    if q + 3 >= u.b || ctx.region_of(q).is_some() {
        return None;
    }
    let open = ctx.raw(q);
    let dash = matches!(open, "—" | "–");
    if open != "," && !dash {
        return None;
    }
    let close = (q + 2..(q + 16).min(u.b)).find(|&k| {
        let r = ctx.raw(k);
        if dash {
            matches!(r, "—" | "–")
        } else {
            r == ","
        }
    })?;
    (ctx.region_of(close).is_none() && close + 1 < u.b && ctx.is(close + 1, "that"))
        .then_some(close + 1)
}

/// "said the following:", "issued the following statement:": what was said comes after the
/// colon, in the same stretch (`Some(Some(start))`) or in the next paragraph (`Some(None)`,
/// no content here). `None` when the words at `q` are not such a lead-in.
fn the_following(ctx: &Ctx, u: Unit, q: usize) -> Option<Option<usize>> {
    if !(ctx.is(q, "the") && ctx.is(q + 1, "following")) {
        return None;
    }
    let colon = (q + 2..(q + 5).min(u.b)).find(|&k| !ctx.is_word(k))?;
    if !ctx.is(colon, ":") {
        return None;
    }
    Some((colon + 1 < u.b).then_some(colon + 1))
}

/// Words for the kind of outlet after its name ("told the Post and Courier newspaper").
const OUTLET_KINDS: &[&str] = &[
    "newspaper",
    "paper",
    "magazine",
    "network",
    "radio",
    "television",
    "station",
    "channel",
    "website",
    "podcast",
    "show",
    "program",
    "programme",
    "daily",
];

/// Words for a body spoken to, after its name ("told a Senate panel", "told the House
/// committee"); an outlet's kind too ("told the ABC network", [`OUTLET_KINDS`]).
const LISTENER_KINDS: &[&str] = &[
    "panel",
    "committee",
    "subcommittee",
    "hearing",
    "audience",
    "crowd",
    "reporters",
];

/// Past whom something was said to: a name ("told Reuters", "told the Financial Times"),
/// a pronoun or a source noun ("told him", "told reporters").
fn skip_addressee(ctx: &Ctx, u: Unit, q: usize) -> usize {
    if q >= u.b || !ctx.is_word(q) || ctx.region_of(q).is_some() {
        return q;
    }
    let w = ctx.w(q);
    let mut k = q;
    if w == "the" && q + 1 < u.b && ctx.cap(q + 1) {
        k += 1;
    }
    if ctx.cap(k) && !is_in(BREAK, ctx.w(k)) {
        // "The Post and Courier newspaper", "the Financial Times": capitalised words, joined
        // by "and", "&" or "of", and a word for the kind of outlet.
        let joins = |k: usize| {
            matches!(ctx.w(k), "and" | "&" | "of")
                && k + 1 < u.b
                && ctx.cap(k + 1)
                && ctx.region_of(k + 1).is_none()
        };
        while k < u.b && k < q + 10 && (ctx.cap(k) || ctx.abbrev_dot(k, q, u.b) || joins(k)) {
            k += 1;
        }
        while k < u.b && k < q + 12 && ctx.is_word(k) && is_in(OUTLET_KINDS, ctx.w(k)) {
            k += 1;
        }
        return k;
    }
    if opens_clause(ctx, u, q) {
        return q;
    }
    if ctx.lx.pronouns.contains(w)
        || matches!(w, "him" | "her" | "them" | "us" | "me")
        || ctx.lx.sources.contains(w)
    {
        return q + 1;
    }
    q
}

/// A subject pronoun right after a verb of telling opens what was said, not whom it was said
/// to: "warned they could sell", "promised he would", "warn it could harm".
fn opens_clause(ctx: &Ctx, u: Unit, q: usize) -> bool {
    let w = ctx.w(q);
    matches!(w, "he" | "she" | "they" | "we" | "i")
        || contracted_finite(w) && !w.starts_with("you")
        || w == "it" && q + 1 < u.b && ctx.is_word(q + 1) && is_in(FINITE, ctx.w(q + 1))
}

/// The token that ends the stretch before a speaker group, when it is a comma, dash or
/// closing quotation mark: the sign of content before the cue ("…,” he said).
fn pre_boundary(ctx: &Ctx, u: Unit, group_start: usize, closes: bool) -> Option<usize> {
    if group_start <= u.a {
        return None;
    }
    let p = group_start - 1;
    // A quotation before the cue is its content; a short quoted title is not ("On “Fox News
    // Sunday,” Pence said …"), but a short quotation ending a clause the cue closes is
    // ("The bill's failure was “heartbreaking,” she said.").
    let quoted_before = ctx.closes_region(p)
        && ctx.region_of(p).is_some_and(|r| {
            let r = ctx.regions[r];
            r.start <= ctx.toks[u.a].s
                || ctx.words_in(ctx.tok_at(r.start), p) >= 4
                || closes && p > u.a && ctx.is(p - 1, ",")
        });
    let ok = (ctx.region_of(p).is_none() && (ctx.is(p, ",") || ctx.is(p, "—"))) || quoted_before;
    (ok && ctx.words_in(u.a, p) > 0).then_some(p)
}

fn verb_cue(
    ctx: &Ctx,
    u: Unit,
    i: usize,
    v: Verb,
    earlier: &[(Found, bool)],
) -> Option<(Found, bool)> {
    let cue = (ctx.toks[i].s, ctx.toks[i].e);
    let w = ctx.w(i);
    // "a candidate backed by the party": the holder follows, and the phrase is no clause.
    if v.frames.is_some() && i + 1 < u.b && ctx.is(i + 1, "by") {
        return None;
    }
    // "adding to her delegate lead", "added to the confusion": an increase, not a remark.
    // "“…,” Trump added to People": after a quotation and its speaker, "to" names whom.
    let quote_just_before = (i.saturating_sub(5).max(u.a)..i).any(|k| ctx.closes_region(k));
    if matches!(w, "add" | "adds" | "added" | "adding")
        && i + 1 < u.b
        && ctx.is(i + 1, "to")
        && !quote_just_before
    {
        return None;
    }
    if let Some(f) = asked_question(ctx, u, i) {
        return Some((f, true));
    }
    // "He's said to be furious": a contracted "is" before a hedge, no report of his.
    if i > u.a
        && ctx.w(i - 1).ends_with('s')
        && contracted_pronoun(ctx.w(i - 1)).is_some()
        && ctx.is(i + 1, "to")
    {
        return None;
    }
    // Passive with an agent: "as reported by CNN, …" / "was told by officials that …".
    // Without an agent "by" is the means ("“…,” he said by telephone").
    if i + 1 < u.b && ctx.is(i + 1, "by") {
        if let Some((speaker, after)) = ctx.np_right(i + 2, u.b, 8, false) {
            let cs = that_follows(ctx, after, u.b, 3)? + 1;
            let content = ctx.span_of(cs, ctx.cap_after(cs, u.b))?;
            return Some((
                Found {
                    content,
                    cue,
                    speaker: Some(speaker),
                },
                true,
            ));
        }
    }
    // Leftwards over auxiliaries and adverbs ("has also said", "declined to say").
    let mut j = i;
    let mut passive = false;
    let mut skipped_aux = false;
    let mut to_skipped = false;
    let mut governor = i;
    while j > u.a {
        let p = j - 1;
        if let Some(o) = dash_aside(ctx, u, p) {
            // "The senator -- who has clashed with the White House -- said": the aside
            // between dashes stands between the subject and its verb.
            j = o;
            continue;
        }
        if (!ctx.is_word(p) && !ctx.is(p, ")")) || ctx.region_of(p).is_some() {
            break;
        }
        let pw = ctx.w(p);
        if pw == ")" {
            // "Sen. Lindsey Graham (R-S.C.) said": the party and state are not the subject,
            // nor a longer description ("Sen. Tom Hale (a Democrat who …) says").
            let lo = p.saturating_sub(30).max(u.a);
            if let Some(o) = (lo..p).rev().find(|&k| ctx.is(k, "(")) {
                j = o;
                continue;
            }
            break;
        }
        // Auxiliaries, adverbs ("flatly denied") and times ("Wells Fargo last month
        // announced") stand between a subject and its verb.
        let adverb = pw.ends_with("ly") && pw.len() > 4 && !ctx.cap(p);
        let time = is_time_word(pw)
            || matches!(
                pw,
                "week" | "month" | "year" | "night" | "morning" | "evening" | "weekend"
            );
        // "Campaign workers here said": a place adverb after the subject.
        let place = matches!(pw, "here" | "there")
            && p > u.a
            && ctx.is_word(p - 1)
            && !is_in(BREAK, ctx.w(p - 1));
        // "The governor in an interview with CNN said", "Lopez at a rally in Ohio said": where
        // or how it was said, between the subject and its verb.
        if let Some(o) = medium_adjunct(ctx, u, j) {
            j = o;
            skipped_aux = true;
            continue;
        }
        // "Trump at the time said", "Beck, who has in the past described", "the agency two
        // weeks ago said", "a source speaking to Fox News said": a time or an aside between
        // the subject and its verb.
        if let Some(o) = time_adjunct(ctx, u, j) {
            j = o;
            skipped_aux = true;
            continue;
        }
        // "Clinton on Tuesday said", "the ministry late on Friday said": the preposition of a
        // time just passed over.
        let time_prep = matches!(pw, "on" | "in" | "late" | "early" | "earlier")
            && j < i
            && ctx.is_word(j)
            && (is_time_word(ctx.w(j)) || matches!(ctx.w(j), "on"));
        // "Ruiz and Hale have both argued", "The three senators all voted": a quantifier
        // floated after the subject is no speaker of its own.
        let floated = matches!(pw, "both" | "all" | "each")
            && p > u.a
            && (ctx.is(p - 1, ")")
                || dash_aside(ctx, u, p - 1).is_some()
                || ctx.is_word(p - 1)
                    && ctx.region_of(p - 1).is_none()
                    && (!is_in(BREAK, ctx.w(p - 1)) || ctx.lx.aux.contains(ctx.w(p - 1)))
                    && !is_in(DETERMINERS, ctx.w(p - 1))
                    && !matches!(ctx.w(p - 1), "of" | "for" | "above" | "after" | "at"));
        // "“…,” Will wrote": a capitalised word right after a quotation is a name.
        let name = ctx.cap(p) && p > u.a && ctx.closes_region(p - 1);
        if !name && (ctx.lx.aux.contains(pw) || adverb || time || place || time_prep || floated) {
            if matches!(pw, "was" | "is" | "were" | "are" | "been" | "be") {
                passive = true;
            }
            skipped_aux = true;
            j = p;
            continue;
        }
        if pw == "to" && !to_skipped && p > u.a && ctx.is_word(p - 1) && !ctx.cap(p - 1) {
            // "refused to say", "went on to add": the subject is before the governing verb.
            to_skipped = true;
            governor = p - 1;
            j = p - 1;
            continue;
        }
        break;
    }
    let participle = w.ends_with("ed") || matches!(w, "said" | "told" | "written" | "known");
    let ing = w.ends_with("ing");
    let mut speaker = None;
    // A stance participle after its holder ("a PAC backing Rubio spent …"): the object ends
    // before the sentence's own verb.
    let mut holder_participle = false;
    // The comma that closes an opening phrase with a gerund, whose holder comes after it.
    let mut opening_holder: Option<usize> = None;
    let mut group_start = i;
    let mut after = i + 1;
    if j > u.a {
        let h = j - 1;
        let hw = ctx.w(h);
        // A name follows: capitalised words or a quotation ("a group called the Wagner
        // Group"), not "called for a boycott" or "called the deal “a disaster”".
        let name_next = i + 1 < u.b
            && (ctx.region_of(i + 1).is_some()
                || ctx.cap(i + 1)
                || matches!(ctx.w(i + 1), "the" | "a" | "an")
                    && i + 2 < u.b
                    && (ctx.cap(i + 2) || ctx.region_of(i + 2).is_some()));
        let naming = matches!(w, "called" | "named" | "known") && ctx.is_word(h) && name_next;
        if naming && matches!(ctx.w(ctx.np_left(h, u.a).map_or(h, |(k, _)| k)), "a" | "an") {
            // "a group called the Wagner Group": a name, not a report.
            return None;
        }
        // "is worried about the vote", "are pleased that …": after a copula a stance
        // participle with its particle or `that` clause is an adjective, not a passive.
        let adjective = v.stance
            && i + 1 < u.b
            && v.frames.is_some_and(|st| {
                ctx.is(i + 1, "that") && (st.that || st.clause)
                    || ctx.is_word(i + 1) && st.takes_particle(ctx.w(i + 1))
            });
        if passive && participle && !adjective {
            // "It was reported that …": no speaker is named; "she was criticized for …" is
            // not speech of hers.
            if hw != "it" || that_follows(ctx, i + 1, u.b, 3).is_none() {
                return None;
            }
            group_start = h;
        } else if ing && matches!(hw, "by" | "after" | "before" | "in") && ctx.is_word(h) {
            // "He angered them by saying …": the gerund is the sentence subject's report.
            // "One month after announcing his support, Rubio still …", "Yet by calling out
            // Clinton, Axelrod …": in a short opening phrase with no verb, the subject
            // follows the phrase's comma.
            let opening = ctx.words_in(u.a, h) <= 4
                && (u.a..h).all(|t| {
                    !ctx.is_word(t)
                        || !(ctx.is_verb_form(t)
                            || is_in(FINITE, ctx.w(t))
                            || is_in(IRREGULAR_PAST, ctx.w(t))
                            || !ctx.cap(t) && ctx.w(t).ends_with("ed"))
                });
            let comma = opening
                .then(|| {
                    (i + 1..(i + 30).min(u.b))
                        .take_while(|&k| {
                            ctx.is_word(k) || ctx.is(k, ",") || ctx.abbrev_dot(k, i, u.b)
                        })
                        .find(|&k| ctx.is(k, ",") && ctx.region_of(k).is_none())
                })
                .flatten();
            let after_opening = comma.and_then(|c| subject_from(ctx, c + 1, u.b));
            if after_opening.is_some() {
                opening_holder = comma;
            }
            speaker = match after_opening {
                Some(s) => Some(s),
                None => Some(subject_at(ctx, u, h)?),
            };
        } else if ing && !skipped_aux && ctx.is_word(h) && !matches!(hw, "and" | "but") {
            // "with 22 percent saying they …": an absolute clause reports its subject's words;
            // "footage of Trump saying", "tired of telling": a gerund, not a report.
            let (k, span) = ctx.np_left(h, u.a)?;
            // "a super PAC backing Rubio", "voters supporting the measure": a stance
            // participle after a noun is its holder's position.
            let holder =
                v.stance && v.frames.is_some_and(|st| st.obj && !st.to) && !ctx.is(k, "of");
            if !holder && (k == u.a || !ctx.is(k - 1, "with")) {
                return None;
            }
            holder_participle = holder;
            speaker = Some(span);
            group_start = k;
        } else if matches!(hw, "and" | "but") && ctx.is_word(h) {
            // "Weaver, who came out and endorsed Clinton": the second verb of a relative
            // clause is the relative pronoun's, as the first one is.
            let lo = h.saturating_sub(15).max(u.a);
            let relative = (lo..h)
                .rev()
                .take_while(|&t| ctx.is_word(t) && ctx.region_of(t).is_none())
                .find(|&t| matches!(ctx.w(t), "who" | "which"))
                .filter(|&t| t > u.a && !ctx.is_word(t - 1));
            // "Police fired tear gas and said …": the subject of the first verb.
            // "Aides said the governor had promised …, and added that …": after a comma, the
            // report the nested one sits in.
            let comma = h > u.a && ctx.is(h - 1, ",");
            speaker = match relative {
                Some(t) => Some((ctx.toks[t].s, ctx.toks[t].e)),
                // "The crowd cheered when Trump spotted a sign and asked …": the subject of
                // the verb before "and", in whatever clause.
                None => comma
                    .then(|| outer_speaker(earlier, cue.0))
                    .flatten()
                    .or_else(|| clause_subject(ctx, u, h, !comma))
                    .or_else(|| last_speaker(ctx, earlier))
                    .or_else(|| subject_at(ctx, u, i)),
            };
        } else if let Some((k, span)) = ctx.np_left(h, u.a) {
            speaker = Some(span);
            group_start = k;
            // "Officials who spoke with the Post said", "One of the doctors who sent the
            // letter called …": the phrase before a relative clause that ends at the cue.
            let relative = is_in(RELATIVE_HEADS, ctx.w(k));
            if let Some((k, span)) = (!relative).then(|| relative_before(ctx, u, k)).flatten() {
                speaker = Some(span);
                group_start = k;
            }
            // "Khan has mounted a public campaign to condemn …", "Trump has a rare chance to
            // show …": before the infinitive's noun, a verb and its object; the subject is
            // the clause's.
            let verbish = |t: usize| {
                let w = ctx.w(t);
                ctx.is_word(t)
                    && !ctx.cap(t)
                    && (ctx.lx.aux.contains(w)
                        || ctx.is_verb_form(t)
                        || is_in(IRREGULAR_PAST, w)
                        || w.len() > 4 && w.ends_with("ed")
                        || w == "to")
            };
            let object = to_skipped
                && !relative
                && !ctx.lx.pronouns.contains(ctx.w(k))
                && (verbish(k) || k > u.a && verbish(k - 1));
            if let Some(s) = object.then(|| subject_at(ctx, u, k)).flatten() {
                speaker = Some(s);
            }
            // "Trump issued a statement Tuesday saying …".
            if let Some(s) = ing.then(|| issued_statement(ctx, u, k, h)).flatten() {
                speaker = Some(s);
            }
        }
        if speaker.is_none() {
            // "Officials who spoke on condition of anonymity told …": the phrase before the
            // relative clause.
            let lo = h.saturating_sub(12).max(u.a);
            if let Some(who) = (lo..h).rev().find(|&t| {
                ctx.is_word(t) && is_in(RELATIVE_HEADS, ctx.w(t)) && ctx.region_of(t).is_none()
            }) {
                let clean = (who + 1..h).all(|t| ctx.is_word(t) || ctx.abbrev_dot(t, who, h));
                if clean && who > u.a {
                    if let Some((k, span)) = ctx.np_left(who - 1, u.a) {
                        speaker = Some(span);
                        group_start = k;
                    }
                }
            }
        }
    }
    if speaker.is_none() && group_start == i {
        // "…, falsely suggesting that …": adverbs between the comma and the cue.
        // "The company, which employs 4,000 people, has said …": auxiliaries too.
        // "…, declined to comment": the refusing verb and its `to`.
        let adverbs = (j..i).all(|t| {
            ctx.is_word(t)
                && !ctx.cap(t)
                && (ctx.w(t).ends_with("ly")
                    || ctx.lx.aux.contains(ctx.w(t))
                    || to_skipped && (t == governor || t == governor + 1))
        });
        let p = if adverbs { j } else { i };
        let p = (p > u.a).then(|| p - 1);
        let after_punct = p.is_none_or(|p| !ctx.is_word(p));
        if after_punct {
            // Right after a quotation the words past the cue are its speaker, however
            // long the description.
            let after_quote = p.is_some_and(|p| {
                ctx.region_of(p).is_some() || (p > u.a && ctx.closes_region(p - 1))
            });
            // "“…,” Ramos, 58, told AFP": after "told" comes whom it was said to, never an
            // inverted speaker.
            // A participle ("…,” saying …") has no inverted speaker either, nor a verb with
            // frames, which takes its object there ("…, backed Clinton on two fronts").
            let told = v.listener || ing || v.frames.is_some();
            // "Hale's former aide, Ann Lee, said the staff member who …": a name and its
            // appositive with no verb before the comma are the speaker, not a clause said.
            // "Sanders, who had said he would debate, criticized Clinton …": the verbs of a
            // relative aside make no clause.
            let clause_before = after_quote
                || p.is_none_or(|p| {
                    // A clause's verb is near: a bounded look back keeps long paragraphs linear.
                    let lo = p.saturating_sub(40).max(u.a);
                    let aside = (lo..p).find(|&k| {
                        ctx.is(k, ",") && matches!(ctx.w(k + 1), "who" | "which" | "whose")
                    });
                    (lo..aside.unwrap_or(p)).any(|t| {
                        ctx.is_word(t)
                            && !ctx.cap(t)
                            && (is_in(FINITE, ctx.w(t))
                                || is_in(IRREGULAR_PAST, ctx.w(t))
                                || ctx.w(t).ends_with("ed")
                                || ctx.is_verb_form(t)
                                || present_verb(ctx, t)
                                || contracted_finite(ctx.w(t)))
                    }) || ctx.has_region(lo, p)
                });
            let inverted = if told {
                None
            } else {
                ctx.np_right(i + 1, u.b, 10, after_quote)
                    .filter(|&(_, k)| clause_before || k >= u.b || !ctx.is_word(k))
            };
            if let Some((span, k)) = inverted {
                // "…,” said Wang Yi." — the speaker follows the cue.
                speaker = Some(span);
                after = k;
            } else if w.ends_with("ing")
                // "Rubio, speaking in Miami, is criticizing …": a progressive is the verb of
                // the sentence subject before the aside, no participle.
                && !(j..i).any(|t| matches!(ctx.w(t), "is" | "are" | "was" | "were" | "been" | "be"))
                && p.is_some_and(|p| {
                    // "… of “New York values,” saying …": the comma inside the quotation.
                    ctx.is(p, ",") || p > u.a && ctx.closes_region(p) && ctx.is(p - 1, ",")
                })
            {
                // "…, saying …": the speaker of the clause it hangs on.
                // "…, but Wallace pressed him again, asking …": the subject of the nearest
                // clause.
                // "Khan decried Trump's calls for a ban, noting …": a speaker found after the
                // clause's subject, in its object, is not the participle's.
                let subject = subject_at(ctx, u, i);
                let nested = earlier.last().is_some_and(|(f, _)| f.content.0 > f.cue.0);
                let last = last_speaker(ctx, earlier)
                    .filter(|l| !nested || subject.is_none_or(|s| l.0 < s.1));
                speaker = p
                    .and_then(|p| clause_subject(ctx, u, p, false))
                    .or(last)
                    .or(subject);
            } else if let Some(p) = p.filter(|&p| ctx.is(p, ",") || title_before(ctx, u, p)) {
                // "Dmitry Peskov, the Kremlin spokesman, said …": the name before the
                // appositive.
                let lo = p.saturating_sub(30).max(u.a);
                let nearest = (lo..p)
                    .rev()
                    .find(|&q| ctx.is(q, ",") && ctx.region_of(q).is_none());
                // "Sandy Mills, who lost her son in Aurora, Colorado, in 2012, said …",
                // "Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said":
                // an aside with commas of its own; the speaker is the phrase that opens the
                // sentence before it.
                let opening = nearest.and_then(|q| {
                    let c0 =
                        (u.a + 1..q).find(|&c| ctx.is(c, ",") && ctx.region_of(c).is_none())?;
                    // "Sen. Tom Hale, R-Ore., a former judge, said": the party tag belongs to
                    // the name, and the aside follows its comma.
                    let c = party_tag(ctx, c0 + 1)
                        .filter(|&t| t <= q && ctx.is(t, ","))
                        .unwrap_or(c0);
                    let aside = c + 1 < p
                        && ctx.is_word(c + 1)
                        && ctx.region_of(c + 1).is_none()
                        && (matches!(
                            ctx.w(c + 1),
                            "who"
                                | "whose"
                                | "whom"
                                | "which"
                                | "the"
                                | "a"
                                | "an"
                                | "during"
                                | "facing"
                                | "like"
                                | "once"
                                | "now"
                                | "then"
                                | "himself"
                                | "herself"
                                // "Hale, meanwhile, who …, said": a linking adverb first.
                                | "meanwhile"
                                | "however"
                                | "too"
                                | "also"
                                | "though"
                                | "instead"
                        ) || !ctx.cap(c + 1)
                            && (ctx.w(c + 1).ends_with("ing") || ctx.w(c + 1).ends_with("ed"))
                            // "Yin Mya, 60, a teacher, said": an age after the name.
                            || ctx.w(c + 1).bytes().all(|b| b.is_ascii_digit())
                                && ctx.is(c + 2, ","))
                        && p - c <= 45
                        // A quoted term in the aside is part of it ("a strategist for a
                        // pro-Clinton ''super PAC,''"), a quotation is not.
                        && !ctx.long_region_in(c, p);
                    if !aside {
                        return None;
                    }
                    let (k, span) = ctx.np_left(c0 - 1, u.a)?;
                    (k == u.a).then_some((k, span))
                });
                if let Some((k, span)) = opening {
                    speaker = Some(span);
                    group_start = k;
                } else if let Some(q) =
                    // "Sen. Tom Hale (D-Ore.), said …": the party tag alone before the comma.
                    nearest.or_else(|| (p > u.a && ctx.is(p - 1, ")")).then_some(p))
                {
                    // "Sen. Maria Lopez (D-N.M.), one of …, said": past the party tag.
                    let mut n_end = q;
                    if q > u.a && ctx.is(q - 1, ")") {
                        let lo = q.saturating_sub(10).max(u.a);
                        if let Some(o) = (lo..q - 1).rev().find(|&k| ctx.is(k, "(")) {
                            n_end = o;
                        }
                    }
                    if n_end > u.a {
                        if let Some((k, span)) = ctx.np_left(n_end - 1, u.a) {
                            // "China's ambassador to the United States, Qin Gang, said":
                            // a role description and the name of its holder between the
                            // commas; the speaker is the holder, so the phrase runs to the
                            // name's end (its head, for the entity).
                            let end = if role_then_name(ctx, k, q, p) {
                                ctx.toks[p - 1].e
                            } else {
                                span.1
                            };
                            speaker = Some((span.0, end));
                            group_start = k;
                        }
                    }
                }
            }
        }
    }
    // "Having announced that …, Judge Berman proceeded …", "Using a crude phrase to describe
    // …, he said": a cue inside an opening participle clause is the report of the subject
    // after the clause's comma, and its content ends there.
    let opening_participle = (ctx.is_word(u.a)
        && ctx.cap(u.a)
        && ctx.region_of(u.a).is_none()
        && (ctx.w(u.a) == "having" || ctx.w(u.a).len() > 4 && ctx.w(u.a).ends_with("ing"))
        && u.a + 1 < i
        && ctx.is_word(u.a + 1)
        && !ctx.cap(u.a + 1)
        && !is_in(FINITE, ctx.w(u.a + 1))
        && !ctx.is_verb_form(u.a + 1)
        && !ctx.w(u.a + 1).ends_with("ed"))
        || (ctx.is(u.a, "having") && u.a + 1 == i);
    if opening_holder.is_none()
        && opening_participle
        && speaker.is_some_and(|s| s.0 == ctx.toks[u.a].s)
        && (u.a..i).all(|t| !ctx.is_word(t) || !is_in(FINITE, ctx.w(t)))
    {
        let comma = (i + 1..(i + 40).min(u.b))
            .take_while(|&k| ctx.region_of(k).is_none())
            .find(|&k| ctx.is(k, ","));
        if let Some((c, sp)) = comma.and_then(|c| Some((c, subject_from(ctx, c + 1, u.b)?))) {
            speaker = Some(sp);
            opening_holder = Some(c);
        }
    }
    // A stance is reported of a holder named before it, and not of people in general; after
    // another verb ("pledged to support", "is approaching delegates to back") it is that
    // verb's matter.
    if v.frames.is_some()
        && (to_skipped
            || speaker
                .is_none_or(|s| s.1 > cue.0 && opening_holder.is_none() || generic_holder(ctx, s)))
    {
        return None;
    }
    // "a strike that executives said could hurt earnings", "which critics said was unfair":
    // the report sits inside a relative clause, whose pronoun and verb are what was said.
    if let Some(r) = relative_report(ctx, u, group_start, after, speaker, cue) {
        return Some((r, false));
    }
    let is_before = |span: (usize, usize)| span.1 <= cue.0;
    let post = post_kind(ctx, u, after, v);
    // "“…,” Trump told NBC’s “Today” on Monday": after a quotation and its speaker, what
    // follows "told" is whom it was told to and when, even a quoted title or a later `that`.
    // The quotation opens the sentence (not a title: "On “Fox News Sunday,” Pence said").
    let quote_before = group_start > u.a
        && ctx.closes_region(group_start - 1)
        && ctx.region_of(group_start - 1).is_some_and(|r| {
            let r = ctx.regions[r];
            r.start <= ctx.toks[u.a].s && ctx.words_in(ctx.tok_at(r.start), group_start) >= 3
        });
    // "“…,” Ruiz wrote to the senator in an email": so for any cue followed by words.
    let words_after = after < u.b && ctx.is_word(after) && ctx.region_of(after).is_none();
    let post = if (v.listener || words_after)
        && post != Post::Continues
        && speaker.is_some_and(is_before)
        && quote_before
    {
        Post::Nothing
    } else {
        post
    };
    // The cue closes the clause before it, or its speaker follows it ("… “strategic,” said
    // Ann Lee, a professor"): a short quotation before it is content, not a title.
    let closes = post == Post::Nothing || speaker.is_some_and(|s| s.0 > cue.0);
    let pre = if speaker.is_none_or(is_before) {
        pre_boundary(ctx, u, group_start, closes)
    } else {
        pre_boundary(ctx, u, i, closes)
    };
    let content_before = match (pre, post) {
        (Some(_), Post::Nothing | Post::Continues | Post::Adjunct) => true,
        // "…,” he said Friday as he left": after a quotation the cue closes it.
        (Some(p), Post::Clause) => ctx.region_of(p).is_some(),
        _ => false,
    };
    // "On his website, the senator promises to …", "While the firm did not say how, its
    // founder says …": an opening adverbial before the comma is not what was said, unless
    // it holds a quotation.
    // "As the former president campaigns, his admirers wonder about his style": words after
    // the cue that are no reported clause still show that the clause before is no report.
    let words_follow = post == Post::Nothing
        && after < u.b
        && !ctx.is(after, ",")
        && ctx.words_in(after, u.b) >= 2;
    let opener = pre.is_some_and(|p| {
        (ctx.trim_start(u.a, p).is_some_and(|a| {
            ctx.is_word(a) && (is_in(OPENERS, ctx.w(a)) || ctx.cap(a) && ctx.time_at(a))
        })
            // "Most recently, Trump called for …", "Last week, the campaign urged …": a
            // phrase of three words or fewer before the comma is a time or a link, not a
            // clause that was said.
            || ctx.words_in(u.a, p) <= 3)
            && !ctx.has_region(u.a, p + 1)
            // "Though the move was smooth, he said, a second one would not be": the cue
            // interrupts a clause the opener belongs to.
            && (!matches!(post, Post::Nothing | Post::Continues) || words_follow)
    });
    // "In addition, the campaign will open new offices, a spokesman said Monday.": a short
    // opener with its own comma before the clause the cue closes; the opener is left out
    // and the clause after its comma is what was said.
    let opener_end = pre
        .filter(|&p| {
            opener
                && !ing
                && v.frames.is_none()
                && group_start == p + 1
                && speaker
                    .is_some_and(|s| is_before(s) && !is_in(RELATIVE_HEADS, &ctx.low[s.0..s.1]))
        })
        .filter(|_| matches!(post, Post::Nothing | Post::Adjunct))
        .and_then(|p| {
            let c = (u.a + 1..p)
                .take(8)
                .find(|&c| ctx.is(c, ",") && ctx.region_of(c).is_none())?;
            (ctx.words_in(u.a, c) <= 5
                && ctx.words_in(c + 1, p) >= 4
                && ctx.is_word(c + 1)
                && !is_in(BREAK, ctx.w(c + 1))
                && !ctx.has_region(u.a, p + 1))
            .then_some(c)
        });
    // "Asked whether he would run, Hale said, “No.”": an opening participle clause before the
    // speaker is the occasion, not what was said.
    let participle_opener = pre.is_some()
        && group_start > u.a + 1
        && ctx.is(group_start - 1, ",")
        && ctx.is_word(u.a)
        && ctx.cap(u.a)
        && ctx.region_of(u.a).is_none()
        && ctx.w(u.a).len() > 4
        && (ctx.w(u.a).ends_with("ed") || ctx.w(u.a).ends_with("ing"))
        && ctx.is_word(u.a + 1)
        && !ctx.cap(u.a + 1)
        && !ctx.has_region(u.a, group_start);
    let opener = (opener || participle_opener) && opener_end.is_none();
    // "In a 1963 speech, he declared:" closing its paragraph: the words come in the next
    // one (colon quotes), not before the cue.
    let colon_last = after < u.b
        && ctx.is(after, ":")
        && ctx.words_in(after, u.b) == 0
        && !ctx.has_region(after, u.b);
    // Only a verb of belief stands after its content ("The ties, he believes, are stable").
    // "Through a spokesman, he declined to comment.": a refusal reports what follows it.
    let refusal = to_skipped
        && matches!(
            ctx.w(governor),
            "declined" | "declines" | "refused" | "refuses"
        );
    let content_before = content_before
        && !opener
        && !colon_last
        && !refusal
        && v.frames.is_none_or(|st| st.clause || st.that);
    if let Some(p) = pre.filter(|_| content_before) {
        let pre_quoted = ctx.region_of(p).is_some();
        // A split quote ("…,” he said, “…”) or a clause the cue interrupts ("The ties, he
        // said, are stable") is one quote over both parts.
        // "…, said Russia's foreign minister, Sergei Lavrov.": a name after an inverted
        // speaker is its appositive, not the rest of the content.
        let appositive_name = speaker.is_some_and(|s| s.0 > cue.0) && {
            let names: Vec<usize> = (after + 1..u.b)
                .take_while(|&t| ctx.is_word(t) || ctx.abbrev_dot(t, after + 1, u.b))
                .collect();
            let rest_closes = (after + 1 + names.len()..u.b).all(|t| !ctx.is_word(t));
            (1..=5).contains(&names.len())
                && rest_closes
                && names
                    .iter()
                    .all(|&t| !ctx.is_word(t) || ctx.cap(t) && ctx.region_of(t).is_none())
        };
        let continues = post == Post::Continues
            && !appositive_name
            && (ctx.region_of(after + 1).is_some() || !pre_quoted);
        let end = if continues { u.b } else { p + 1 };
        let start = opener_end.map_or(u.a, |c| c + 1);
        let content = ctx.span_of(ctx.cap_before(start, end), end)?;
        return Some((
            Found {
                content,
                cue,
                speaker,
            },
            false,
        ));
    }
    if let Some(st) = v.frames {
        let mut after = after;
        // The words from `cs` to the end of their stretch, as the content.
        let from = |cs: usize| to_the_end(ctx, u, cs, cue, speaker);
        // "Potts echoed: “He speaks his mind …”": a speech act whose words follow a colon.
        if !v.stance && ctx.is(after, ":") && ctx.region_of(after + 1).is_some() {
            return from(after + 1);
        }
        if st.particles != 0 {
            // "talked about the plan", "pointed out that …": the particle first.
            let listed = |w: &str| {
                super::lexicon::PARTICLES
                    .iter()
                    .position(|p| *p == w)
                    .is_some_and(|k| st.particles & (1 << k) != 0)
            };
            if after + 1 >= u.b || !ctx.is_word(after) || !listed(ctx.w(after)) {
                return None;
            }
            after += 1;
            // "lashed out at his critics", "weighed in on the plan": a second particle.
            if after + 1 < u.b && ctx.is_word(after) && listed(ctx.w(after)) {
                after += 1;
            }
        }
        // "issued the following statement:": the words after the colon.
        if let Some(after_colon) = the_following(ctx, u, after) {
            return from(after_colon?);
        }
        // "hoping for a deal" beside "hopes to win": a particle that brings in frames of its
        // own, the word's other frames following it directly.
        let by_particle = (after + 1 < u.b && ctx.is_word(after))
            .then(|| st.after_particle(ctx.w(after)))
            .flatten()
            .and_then(|pf| stance_start(ctx, u, after + 1, pf));
        let (cs, object) = match by_particle {
            Some(x) => x,
            None => stance_start(ctx, u, after, st)?,
        };
        // An object ends with its phrase ("endorsed Trump, providing a boost …"), and so does
        // what a relative clause reports ("Graham, who has endorsed Cruz, said …").
        let relative = speaker.is_some_and(|s| {
            let w = &ctx.low[s.0..s.1];
            w == "who" || w == "which"
        });
        let mut end = ctx.cap_after(cs, opening_holder.map_or(u.b, |c| c.min(u.b)));
        if relative || object {
            end = clause_end(ctx, cs, end);
        }
        if object {
            // "promised a veto and attempted to …", "called for a recount but decided
            // against …": a second verb of the same subject ends the object.
            if let Some(k) = (cs + 1..end.saturating_sub(1)).find(|&k| {
                matches!(ctx.w(k), "and" | "but")
                    && ctx.region_of(k).is_none()
                    && ctx.is_word(k + 1)
                    && !ctx.cap(k + 1)
                    && ctx.region_of(k + 1).is_none()
                    && (ctx.w(k + 1).len() > 4 && ctx.w(k + 1).ends_with("ed")
                        || is_in(IRREGULAR_PAST, ctx.w(k + 1)))
            }) {
                end = k;
            }
        }
        if holder_participle {
            end = (cs + 1..end)
                .find(|&k| {
                    ctx.is_word(k)
                        && !ctx.cap(k)
                        && (is_in(FINITE, ctx.w(k))
                            || ctx.w(k).ends_with("ed")
                            || ctx.is_verb_form(k)
                            || present_verb(ctx, k))
                })
                .unwrap_or(end);
        }
        let content = ctx.span_of(cs, end)?;
        return Some((
            Found {
                content,
                cue,
                speaker,
            },
            true,
        ));
    }
    if v.that_only && !document_subject(ctx, u, i) && that_follows(ctx, after, u.b, 3).is_none() {
        return None;
    }
    if to_skipped && speaker.is_some() {
        // "The ministry declined to comment.": the refusal is what is reported, with what
        // follows the verb in its clause ("declined to comment on the talks", "declined to
        // say whether …").
        let g = governor;
        if matches!(ctx.w(g), "declined" | "declines" | "refused" | "refuses") {
            let end = if post == Post::Nothing {
                i + 1
            } else {
                clause_end(ctx, i, ctx.cap_after(i, u.b))
            };
            let content = ctx.span_of(g + 1, end)?;
            return Some((
                Found {
                    content,
                    cue: (ctx.toks[g].s, ctx.toks[g].e),
                    speaker,
                },
                false,
            ));
        }
    }
    // "Berkman said, there seem to be more …", "He added, that …": with nothing before the
    // speaker, the clause after the cue's comma is what was said.
    let bare_comma = matches!(post, Post::Nothing | Post::Continues)
        && v.frames.is_none()
        && !ing
        && speaker.is_some_and(is_before)
        && ctx.trim_start(u.a, u.b) == Some(group_start)
        && after + 1 < u.b
        && ctx.is(after, ",")
        && ctx.is_word(after + 1)
        && !ctx.cap(after + 1)
        && !ctx.is_verb_form(after + 1)
        && !ctx.w(after + 1).ends_with("ing")
        && ctx.words_in(after + 1, u.b) >= 3;
    if bare_comma {
        let cs = if ctx.is(after + 1, "that") {
            after + 2
        } else {
            after + 1
        };
        return to_the_end(ctx, u, cs, cue, speaker);
    }
    if post == Post::Nothing || (post == Post::Adjunct && ctx.words_in(after, u.b) < 6) {
        return None;
    }
    if speaker.is_some_and(|s| s.0 > cue.0) && post != Post::Explicit && opening_holder.is_none() {
        // "Said Comey, “…”", "Said Ann Lee, who grew up there, “…”": a cue that opens the
        // sentence, its speaker and the quotation after a comma.
        let opens = ctx.trim_start(u.a, i) == Some(i) || i == u.a;
        let quote = (after..u.b)
            .find(|&k| ctx.region_of(k).is_some())
            .filter(|&k| k > u.a && matches!(ctx.raw(k - 1), "," | ":"));
        if let Some(k) = quote.filter(|_| opens && ctx.cap(i)) {
            return to_the_end(ctx, u, k, cue, speaker);
        }
        // "said Tim Hess, a developer in Virginia": after an inverted speaker comes its
        // description, not the content.
        return None;
    }
    // "Asked whether he would run, …" / "when asked what …": a question put to the speaker,
    // whose answer comes in the next clause; the question itself has no speaker.
    let question = w == "asked"
        && (i == u.a || ctx.is(i - 1, "when") || !ctx.is_word(i - 1))
        && i + 1 < u.b
        && matches!(
            ctx.w(i + 1),
            "if" | "whether" | "how" | "what" | "why" | "who" | "about"
        );
    // "Surveys of voters taken as they entered the polls showed that …": a subject too
    // long for the phrase before the verb is the clause's subject.
    if speaker.is_none()
        && group_start == i
        && j > u.a
        && ctx.is_word(j - 1)
        && !ing
        && document_subject(ctx, u, i)
    {
        speaker = subject_at(ctx, u, i).filter(|s| s.1 <= cue.0);
    }
    if speaker.is_none() && group_start == i && !question {
        // Content after a cue with nobody before it ("a group called …", "Asked about …")
        // is rarely a report.
        return None;
    }
    let cs = content_start(ctx, u, after, Some(v))?;
    // "One month after announcing his support, Rubio …": the opening phrase ends the content.
    let end = opening_holder.map_or(u.b, |c| c.min(u.b));
    let content = ctx.span_of(cs, ctx.cap_after(cs, end))?;
    Some((
        Found {
            content,
            cue,
            speaker,
        },
        true,
    ))
}

/// A report whose content runs from token `cs` to the end of its stretch.
fn to_the_end(
    ctx: &Ctx,
    u: Unit,
    cs: usize,
    cue: (usize, usize),
    speaker: Option<(usize, usize)>,
) -> Option<(Found, bool)> {
    let content = ctx.span_of(cs, ctx.cap_after(cs, u.b))?;
    Some((
        Found {
            content,
            cue,
            speaker,
        },
        true,
    ))
}

/// Whether token `p` closes a short quoted title inside a phrase, its comma within the marks
/// ("Ruiz, author of “The Long Road,” said …"): the appositive ends there.
fn title_before(ctx: &Ctx, u: Unit, p: usize) -> bool {
    if p <= u.a + 1 || !ctx.closes_region(p) || !ctx.is(p - 1, ",") {
        return false;
    }
    let Some(r) = ctx.region_of(p) else {
        return false;
    };
    let rs = ctx.tok_at(ctx.regions[r].start);
    rs > u.a + 1
        && ctx.is_word(rs - 1)
        && ctx.region_of(rs - 1).is_none()
        && ctx.words_in(rs, p) <= 6
        && (rs..p)
            .find(|&t| ctx.is_word(t))
            .is_some_and(|t| ctx.cap(t))
}

/// The subject of a clause that "and" or "but" opens before token `p` ("…, and the union
/// sued the city, saying …"), or with `subord` also a subordinator or a comma ("… when
/// Trump spotted a sign and asked …"): the nearest one with a verb after it.
fn clause_subject(ctx: &Ctx, u: Unit, p: usize, subord: bool) -> Option<(usize, usize)> {
    let lo = p.saturating_sub(40).max(u.a);
    (lo..p)
        .rev()
        .filter(|&k| {
            ctx.region_of(k).is_none()
                && k > u.a
                && if ctx.is_word(k) {
                    let w = ctx.w(k);
                    matches!(w, "and" | "but")
                        || subord
                            && matches!(
                                w,
                                "when" | "while" | "because" | "since" | "after" | "where"
                            )
                } else {
                    subord && ctx.is(k, ",")
                }
        })
        .find_map(|k| {
            let s = subject_from(ctx, k + 1, p)?;
            // A verb follows: "and Emanuel fired", not "and the company keep".
            let v = ctx.tok_at(s.1);
            let w = ctx.w(v);
            (v < p
                && ctx.is_word(v)
                && (ctx.is_verb_form(v)
                    || is_in(FINITE, w)
                    || is_in(IRREGULAR_PAST, w)
                    || w.len() > 4 && w.ends_with("ed")))
            .then_some(s)
        })
}

/// The phrase before a relative clause whose last words start at token `k` ("officials who
/// spoke with the Post" before "said"): the clause opens with a verb ("who spoke", "that
/// sued", "who have"), not with a subject of its own ("the man who Trump said …").
fn relative_before(ctx: &Ctx, u: Unit, k: usize) -> Option<(usize, (usize, usize))> {
    let lo = k.saturating_sub(14).max(u.a + 1);
    let t = (lo..k)
        .rev()
        .take_while(|&t| {
            ctx.is_word(t)
                && ctx.region_of(t).is_none()
                && !matches!(
                    ctx.w(t),
                    "when" | "while" | "if" | "because" | "as" | "after" | "before" | "since"
                )
        })
        .find(|&t| matches!(ctx.w(t), "who" | "which" | "that" | "who'd" | "who’d"))?;
    let v = t + 1;
    let w = ctx.w(v);
    // "a poll that shows voters view …": the phrase is the subject of the verb's clause.
    let clause = ctx
        .lx
        .verbs
        .get(w)
        .is_some_and(|vb| vb.that_only || vb.frames.is_none_or(|f| f.clause || f.that));
    if clause && k == v + 1 {
        return None;
    }
    let verb = v <= k
        && !ctx.cap(v)
        && (ctx.is_verb_form(v)
            || ctx.lx.aux.contains(w)
            || is_in(FINITE, w)
            || is_in(IRREGULAR_PAST, w)
            || w.len() > 4 && w.ends_with("ed"));
    if !verb && !ctx.w(t).ends_with('d') {
        return None;
    }
    ctx.np_left(t - 1, u.a)
}

/// Nouns of a written or recorded statement that its issuer's participle follows ("issued
/// a statement Tuesday saying …").
const STATEMENTS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "letters",
    "memo",
    "email",
    "emails",
    "tweet",
    "tweets",
    "post",
    "video",
    "ad",
    "ads",
    "release",
    "message",
    "note",
    "op-ed",
    "editorial",
    "column",
    "petition",
    "complaint",
    "lawsuit",
    "motion",
    "filing",
    "report",
];

/// The subject of the verb that issued the statement noun at token `h`, the phrase
/// `k..=h` read leftwards from it holding that verb or following it ("The governor issued a
/// statement" before "Tuesday saying").
fn issued_statement(ctx: &Ctx, u: Unit, k: usize, h: usize) -> Option<(usize, usize)> {
    if !is_in(STATEMENTS, ctx.w(h)) {
        return None;
    }
    let lo = k.saturating_sub(1).max(u.a).max(h.saturating_sub(5));
    let t = (lo..h).rev().find(|&t| {
        let w = ctx.w(t);
        ctx.is_word(t)
            && !ctx.cap(t)
            && (w.len() > 4 && w.ends_with("ed") || is_in(IRREGULAR_PAST, w) || ctx.is_verb_form(t))
    })?;
    subject_at(ctx, u, t)
}

/// The speaker of the clause a second verb or a participle hangs on: that of the last
/// attribution found in the unit, unless it is a stance inside an earlier report's content
/// ("Demonstrators said they want justice but pledged …", "Perdue said he didn't believe
/// …, arguing …"): the stance is part of that report, and the verb is the reporter's.
fn last_speaker(ctx: &Ctx, earlier: &[(Found, bool)]) -> Option<(usize, usize)> {
    let (last, _) = earlier.last()?;
    let t = ctx.tok_at(last.cue.0);
    let stance = ctx.lx.verbs.get(ctx.w(t)).is_some_and(|v| v.stance);
    if stance {
        let lo = earlier.len().saturating_sub(6);
        let outer = earlier[lo..earlier.len() - 1]
            .iter()
            .rev()
            .map(|(f, _)| f)
            .find(|o| {
                o.speaker.is_some() && o.content.0 <= last.cue.0 && last.cue.1 <= o.content.1
            });
        if let Some(o) = outer {
            return o.speaker;
        }
    }
    last.speaker
}

/// When the last attribution found in the unit sits in the content of an earlier one that
/// runs past `at` ("Aides said the governor had promised …, and added …"), that earlier
/// one's speaker. Looks back over a few attributions only.
fn outer_speaker(earlier: &[(Found, bool)], at: usize) -> Option<(usize, usize)> {
    let (last, _) = earlier.last()?;
    let lo = earlier.len().saturating_sub(6);
    earlier[lo..earlier.len() - 1]
        .iter()
        .rev()
        .map(|(f, _)| f)
        .find(|o| {
            o.speaker.is_some()
                && o.speaker != last.speaker
                && o.content.0 <= last.cue.0
                && last.cue.1 <= o.content.1
                && at < o.content.1
        })
        .and_then(|o| o.speaker)
}

/// Possessive pronouns, the holders of a stance noun ("his plan to …").
const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Whether token `k` is a possessive: a pronoun or a word with "'s".
fn possessive(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    is_in(POSSESSIVES, w) || genitive(w)
}

/// A word with a possessive ending: "Russia's", "Russia’s".
fn genitive(w: &str) -> bool {
    // "he's", "it's", "that's": a contracted "is" or "has", no possessor.
    let contracted = || {
        let stem = w.trim_end_matches("'s").trim_end_matches("’s");
        matches!(
            stem,
            "he" | "she" | "it" | "that" | "there" | "here" | "who" | "what" | "where" | "let"
        )
    };
    (w.ends_with("'s") || w.ends_with("’s")) && !contracted()
}

/// Holders too general to report a stance of: "people want …", "everyone knows …".
const GENERIC_HOLDERS: &[&str] = &[
    "people",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "nobody",
    "someone",
    "somebody",
    "one",
    "you",
    "folks",
];

fn generic_holder(ctx: &Ctx, (s, e): (usize, usize)) -> bool {
    let (a, b) = (ctx.tok_at(s), ctx.tok_at(e));
    b > a && b - a <= 2 && ctx.is_word(b - 1) && is_in(GENERIC_HOLDERS, ctx.w(b - 1))
}

/// Whether token `k` is `to` before a verb: "plans to run".
fn infinitive_at(ctx: &Ctx, u: Unit, k: usize) -> bool {
    to_before_word(ctx, u, k) && !ctx.w(k + 1).ends_with("ing")
}

/// Whether token `k` is `to` before a lower-case word that is no determiner or quantifier:
/// "to run", not "to the", "to a six-year low", "to many".
fn to_before_word(ctx: &Ctx, u: Unit, k: usize) -> bool {
    // "wanted to “go an extra step”": the verb may open a quotation.
    let opens = |t: usize| {
        ctx.region_of(t)
            .is_some_and(|r| ctx.regions[r].start == ctx.toks[t].s)
    };
    let n = if k + 2 < u.b && !ctx.is_word(k + 1) && opens(k + 1) {
        k + 2
    } else {
        k + 1
    };
    n < u.b
        && ctx.is(k, "to")
        && ctx.is_word(n)
        && ctx.raw(n).starts_with(|c: char| c.is_ascii_lowercase())
        && !is_in(DETERMINERS, ctx.w(n))
        && !is_in(QUANTIFIERS, ctx.w(n))
}

/// Words that show a finite verb in a bare clause ("believes the deal will hold").
const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "cannot",
    "won't",
    "won’t",
    "can’t",
    "don’t",
    "doesn’t",
    "didn’t",
    "isn’t",
    "wasn’t",
    "aren’t",
    "isn't",
    "wasn't",
    "can't",
    "didn't",
    "doesn't",
    "don't",
    "aren't",
    "weren't",
    "wouldn't",
    "shouldn't",
    "couldn't",
];

/// The end of a phrase or clause that starts at token `a`: the first comma, semicolon,
/// dash or parenthesis outside quotation marks, within `b`.
fn clause_end(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a + 1..b)
        .find(|&k| {
            !ctx.is_word(k)
                && ctx.region_of(k).is_none()
                && matches!(ctx.raw(k), "," | ";" | "—" | "–" | "(" | ")")
        })
        .unwrap_or(b)
}

/// A lower-case word in -s between two words that reads as a verb in the present: "(believe
/// this) provides (artificial incentive)", not "(believes the) claims (of …)".
/// A pronoun with its verb contracted ("it’s", "they're", "we’ll", "she'd"): a clause opens.
fn contracted_finite(w: &str) -> bool {
    let Some((stem, tail)) = w.split_once(['\'', '’']) else {
        return false;
    };
    matches!(tail, "s" | "re" | "ll" | "d" | "ve" | "m")
        && matches!(
            stem,
            "i" | "he" | "she" | "it" | "we" | "they" | "you" | "that" | "there" | "who"
        )
}

fn present_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    k > 0
        && k + 1 < ctx.toks.len()
        && !ctx.cap(k)
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !genitive(w)
        && ctx.is_word(k - 1)
        && ctx.is_word(k + 1)
        && !ctx.cap(k + 1)
        && !is_in(BREAK, ctx.w(k + 1))
        && !is_in(ADJUNCT, ctx.w(k + 1))
        && !matches!(ctx.w(k + 1), "of" | "for" | "about" | "against")
}

/// Where the content of a stance verb starts, by the complements it takes: a `that` clause,
/// an infinitive ("plans to run", "wants voters to know"), an object ("supports the bill"),
/// or a bare clause ("thinks the deal will hold"), and whether it is an object. `None` when
/// what follows is none of them.
fn stance_start(ctx: &Ctx, u: Unit, after: usize, st: Frames) -> Option<(usize, bool)> {
    let mut q = after;
    // "wants desperately to …", "strongly supports": an adverb before the complement.
    while q < u.b && ctx.is_word(q) && !ctx.cap(q) && ctx.w(q).ends_with("ly") && ctx.w(q).len() > 4
    {
        q += 1;
    }
    if q >= u.b || ctx.words_in(q, u.b) == 0 {
        return None;
    }
    let quoted = ctx.region_of(q).is_some();
    if !ctx.is_word(q) && !quoted {
        return None;
    }
    let w = ctx.w(q);
    if w == "that" {
        return ((st.that || st.clause) && ctx.words_in(q + 1, u.b) >= 2).then_some((q + 1, false));
    }
    if !(st.clause || st.to || st.obj || st.as_obj || st.inf) {
        return None;
    }
    if w == "to" {
        return ((st.to || st.inf) && infinitive_at(ctx, u, q)).then_some((q, false));
    }
    // An indirect question as the object: "spoke about how the plant closed", "described
    // what he saw".
    if st.obj && matches!(w, "how" | "what" | "why" | "whether" | "where") {
        return (ctx.words_in(q + 1, u.b) >= 2).then_some((q, false));
    }
    // Words that cannot open a complement: "backed away", "thought so", "wanted in".
    let closed = is_in(BREAK, w) && w != "the"
        || is_in(ADJUNCT, w) && !is_in(DETERMINERS, w)
        || matches!(
            w,
            "away" | "down" | "off" | "out" | "up" | "so" | "back" | "for" | "of"
        )
        || ctx.is_verb_form(q) && !quoted;
    if closed {
        return None;
    }
    let lim = (q + 12).min(u.b);
    // The clause runs to the first punctuation outside quotation marks.
    let clause_end = (q..lim)
        .find(|&k| !ctx.is_word(k) && ctx.region_of(k).is_none() && !ctx.abbrev_dot(k, q, u.b))
        .unwrap_or(lim);
    if st.to && (q + 1..clause_end.min(q + 7)).any(|k| infinitive_at(ctx, u, k)) {
        // "wants voters to know …", "wants the party to take …".
        return Some((q, false));
    }
    if st.obj {
        return Some((q, true));
    }
    if st.as_obj && (q + 1..clause_end.min(q + 8)).any(|k| ctx.is(k, "as")) {
        // "sees him as a threat", "view golf courses as wasted space".
        return Some((q, false));
    }
    if st.clause {
        // "believes him" / "knew it well": an object, not a clause.
        let object = matches!(w, "him" | "them" | "me" | "us")
            || matches!(w, "her" | "it" | "this" | "what") && ctx.words_in(q, clause_end) <= 3;
        // The clause's verb may come after an aside ("the meeting, requested by Sanders,
        // would be …"): looked for up to the end of the sentence's first twenty tokens.
        let finite = (q + 1..(q + 20).min(u.b))
            .take_while(|&k| {
                ctx.is_word(k)
                    || ctx.abbrev_dot(k, q, u.b)
                    || !matches!(ctx.raw(k), "." | ";" | ":" | "?" | "!")
            })
            .any(|k| {
                ctx.is_word(k)
                    && (is_in(FINITE, ctx.w(k))
                        || !ctx.cap(k) && ctx.w(k).ends_with("ed")
                        || present_verb(ctx, k)
                        || contracted_finite(ctx.w(k)))
            })
            || contracted_finite(w);
        if !object && finite && ctx.words_in(q, clause_end.max(q + 1)) >= 1 {
            return Some((q, false));
        }
    }
    None
}

/// "Clinton's plans to rally …", "his view that …": a stance noun after a possessive, the
/// possessor its holder, the infinitive or `that` clause after it the content.
fn stance_noun(ctx: &Ctx, u: Unit, i: usize, st: Frames) -> Option<(Found, bool)> {
    let p = i - 1;
    let speaker = if is_in(POSSESSIVES, ctx.w(p)) {
        (ctx.toks[p].s, ctx.toks[p].e)
    } else {
        // The name that ends in the possessive: "President Obama's", "Sen. Ted Cruz's".
        let mut k = p;
        let name_word = |t: usize| {
            ctx.cap(t) && !is_in(BREAK, ctx.w(t)) && !is_in(OPENERS, ctx.w(t))
                || ctx.abbrev_dot(t, u.a, p + 1)
        };
        while k > u.a && k + 6 > p && name_word(k - 1) {
            k -= 1;
        }
        if !ctx.cap(k) || ctx.region_of(k).is_some() {
            return None;
        }
        (ctx.toks[k].s, ctx.toks[p].e)
    };
    if generic_holder(ctx, speaker) || i + 2 >= u.b {
        return None;
    }
    let cs = if st.to && infinitive_at(ctx, u, i + 1) {
        i + 1
    } else if (st.that || st.clause) && ctx.is(i + 1, "that") && ctx.words_in(i + 2, u.b) >= 3 {
        i + 2
    } else {
        return None;
    };
    // The noun phrase ends at its clause's punctuation: "Under Kyiv's plan to rebuild the
    // bridge, work starts in May".
    let end = clause_end(ctx, cs, ctx.cap_after(cs, u.b));
    let content = ctx.span_of(cs, end)?;
    Some((
        Found {
            content,
            cue: (ctx.toks[i].s, ctx.toks[i].e),
            speaker: Some(speaker),
        },
        true,
    ))
}

/// "Asked at a briefing Monday about the ruling, the spokesman said …", "when asked which
/// county was his favourite": a question put to someone, past a short adjunct (where, when,
/// through whom), the question its content up to the clause's comma; it has no speaker.
fn asked_question(ctx: &Ctx, u: Unit, i: usize) -> Option<Found> {
    if !ctx.is(i, "asked")
        || !(i == u.a
            || !ctx.is_word(i - 1)
            || matches!(
                ctx.w(i - 1),
                "when" | "whenever" | "after" | "if" | "once" | "before"
            ))
    {
        return None;
    }
    // Only "asked" at the head of its clause: "He asked …" has a speaker and goes the usual way.
    // "Ruth Lee, a columnist for the Post, asked Mook whether …": after an appositive's comma,
    // "asked" with its object is the subject's question.
    if i > u.a + 1
        && ctx.is(i - 1, ",")
        && i + 1 < u.b
        && ctx.is_word(i + 1)
        && ctx.region_of(i + 1).is_none()
        && !is_in(BREAK, ctx.w(i + 1))
        && !is_in(ADJUNCT, ctx.w(i + 1))
        && !matches!(
            ctx.w(i + 1),
            "if" | "whether" | "how" | "what" | "why" | "specifically"
        )
    {
        return None;
    }
    let lim = (i + 10).min(u.b);
    let k = (i + 1..lim).find(|&k| {
        !ctx.is_word(k)
            || ctx.region_of(k).is_some()
            || matches!(
                ctx.w(k),
                "if" | "whether"
                    | "how"
                    | "what"
                    | "why"
                    | "who"
                    | "whom"
                    | "which"
                    | "about"
                    | "where"
            )
    })?;
    // The adjunct before the question: words only ("at a briefing Monday", "on Fox News",
    // "specifically"), not a clause of its own.
    if !ctx.is_word(k) || ctx.region_of(k).is_some() {
        return None;
    }
    // A verb form after a determiner is a noun: "at a briefing".
    let verb = |t: usize| ctx.is_verb_form(t) && !is_in(DETERMINERS, ctx.w(t - 1));
    if (i + 1..k).any(|t| verb(t) || is_in(FINITE, ctx.w(t)) || ctx.is(t, "to")) {
        return None;
    }
    let end = clause_end(ctx, k, ctx.cap_after(k, u.b));
    if ctx.words_in(k, end) < 2 {
        return None;
    }
    let content = ctx.span_of(k, end)?;
    // "Asked by Matt Lauer whether …": the one who asked.
    let speaker = (k > i + 2 && ctx.is(i + 1, "by"))
        .then(|| ctx.span_of(i + 2, k))
        .flatten();
    Some(Found {
        content,
        cue: (ctx.toks[i].s, ctx.toks[i].e),
        speaker,
    })
}

/// A report inside a relative clause: the relative pronoun before the speaker, a verb right
/// after the cue ("which critics said was discriminatory"). The content runs from the
/// pronoun to the clause's end, over the speaker and cue.
fn relative_report(
    ctx: &Ctx,
    u: Unit,
    group_start: usize,
    after: usize,
    speaker: Option<(usize, usize)>,
    cue: (usize, usize),
) -> Option<Found> {
    let s = speaker.filter(|s| s.1 <= cue.0)?;
    if group_start <= u.a || after >= u.b {
        return None;
    }
    let p = group_start - 1;
    if !ctx.is_word(p) || !matches!(ctx.w(p), "which" | "that" | "what" | "who") {
        return None;
    }
    // "a “bottom line”, which he described as the principles of the charter", "what he
    // called “a disaster”": what the pronoun stands for is named after the cue.
    let cue_word = &ctx.low[cue.0..cue.1];
    let named = if ctx.is(after, "as") && cue_word.starts_with("descri") {
        Some(after + 1)
    } else if ctx.is(p, "what") && cue_word.starts_with("call") {
        Some(after)
    } else {
        None
    };
    if let Some(cs) = named.filter(|&cs| cs < u.b && ctx.words_in(cs, u.b) > 0) {
        let end = clause_end(ctx, cs, ctx.cap_after(cs, u.b));
        return Some(Found {
            content: ctx.span_of(cs, end)?,
            cue,
            speaker: Some(s),
        });
    }
    if !ctx.is_word(after) {
        return None;
    }
    let w = ctx.w(after);
    let verb = is_in(FINITE, w) || !ctx.cap(after) && w.ends_with("ed") || present_verb(ctx, after);
    if !verb {
        return None;
    }
    let end = clause_end(ctx, after, ctx.cap_after(after, u.b));
    let content = ctx.span_of(p, end)?;
    Some(Found {
        content,
        cue,
        speaker: Some(s),
    })
}

/// The length of the pronoun in a pronoun with a contracted auxiliary ("he's", "they’ve").
fn contracted_pronoun(w: &str) -> Option<usize> {
    let (p, rest) = w.split_at(w.find(['\'', '’'])?);
    let aux = rest.trim_start_matches(['\'', '’']);
    (matches!(p, "he" | "she" | "they" | "we" | "i" | "you") && matches!(aux, "s" | "ve" | "d"))
        .then_some(p.len())
}

/// The token after a party and state tag at `k` ("R-Ore.", "D-N.Y."), if one is there.
fn party_tag(ctx: &Ctx, k: usize) -> Option<usize> {
    if k >= ctx.toks.len() {
        return None;
    }
    let r = ctx.raw(k).as_bytes();
    let tag = ctx.is_word(k)
        && r.len() >= 3
        && matches!(r[0], b'D' | b'R' | b'I')
        && r[1] == b'-'
        && r[2].is_ascii_uppercase();
    tag.then(|| if ctx.is(k + 1, ".") { k + 2 } else { k + 1 })
}

/// Whether tokens `k..q` are a role description (a lower-case word in it: "China's
/// ambassador to the United States") and tokens `q+1..p` between two commas a short name
/// ("Qin Gang", "Gen. Mark Milley"): the appositive names the role's holder.
fn role_then_name(ctx: &Ctx, k: usize, q: usize, p: usize) -> bool {
    let name = q + 1..p;
    let words = ctx.words_in(q + 1, p);
    (1..=5).contains(&words)
        && name
            .clone()
            .all(|t| (ctx.cap(t) && !is_in(DETERMINERS, ctx.w(t))) || ctx.abbrev_dot(t, q + 1, p))
        && ((k..q).any(|t| ctx.is_word(t) && !ctx.cap(t) && ctx.lx.sources.contains(ctx.w(t)))
            || (ctx.is_word(q - 1) && !ctx.cap(q - 1) && !is_in(BREAK, ctx.w(q - 1))))
}

/// The opening dash of an aside that ends with the dash at token `p` ("-- who … --",
/// "— a former aide —"): the token index of the opening dash, when one is within reach.
fn dash_aside(ctx: &Ctx, u: Unit, p: usize) -> Option<usize> {
    // "--", or a hyphen standing alone between spaces ("Ann Lee - his co-host - told").
    let double = |k: usize| ctx.is(k, "-") && k > u.a && ctx.is(k - 1, "-");
    let spaced = |k: usize| {
        let b = ctx.text.as_bytes();
        ctx.is(k, "-")
            && ctx.toks[k].s > 0
            && b[ctx.toks[k].s - 1] == b' '
            && b.get(ctx.toks[k].e) == Some(&b' ')
    };
    let dash = |k: usize| matches!(ctx.raw(k), "—" | "–") || double(k) || spaced(k);
    if ctx.is_word(p) || !dash(p) || ctx.region_of(p).is_some() {
        return None;
    }
    // The closing dash may be written "--": step over its first half.
    let close = if double(p) { p - 1 } else { p };
    let lo = close.saturating_sub(30).max(u.a);
    let open = (lo + 1..close).rev().find(|&k| dash(k))?;
    let open = if double(open) { open - 1 } else { open };
    // The aside holds words only, and a subject stands before it.
    let clean = (open + 1..close)
        .filter(|&k| !ctx.is_word(k))
        .all(|k| ctx.is(k, ",") || ctx.is(k, "-") || ctx.abbrev_dot(k, open, close));
    (clean && open > u.a && ctx.is_word(open - 1) && ctx.words_in(open, close) >= 2).then_some(open)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Post {
    /// A `that`, a colon or a quotation introduces the content.
    Explicit,
    /// Words that read as the reported clause.
    Clause,
    /// A comma and more: the second part of a split quote, or the rest of an interrupted clause.
    Continues,
    /// The end.
    Nothing,
    /// An adjunct ("on Tuesday", "as he left", "after the vote he would …"): the content if
    /// nothing precedes the cue and it is long enough.
    Adjunct,
}

/// What follows a cue group (the verb, an addressee, an inverted speaker).
fn post_kind(ctx: &Ctx, u: Unit, after: usize, v: Verb) -> Post {
    if after >= u.b || ctx.words_in(after, u.b) == 0 && !ctx.has_region(after, u.b) {
        return Post::Nothing;
    }
    if that_follows(ctx, after, u.b, 10).is_some() || aside_then_that(ctx, u, after).is_some() {
        return Post::Explicit;
    }
    let mut q = after;
    if v.addressee && that_follows(ctx, skip_addressee(ctx, u, after), u.b, 4).is_some() {
        return Post::Explicit;
    }
    if v.addressee {
        // "told CNBC in August." / "told reporters: …": past whom it was said to.
        let mut n = 0;
        while q < u.b
            && n < 4
            && ctx.is_word(q)
            && !opens_clause(ctx, u, q)
            && ctx.region_of(q).is_none()
            && !is_in(BREAK, ctx.w(q))
            && !is_in(ADJUNCT, ctx.w(q))
            // After a name ("told Reuters he …") a pronoun opens the content; "told a Senate
            // panel": an article, a name and the kind of body.
            && (n == 0
                || ctx.cap(q) && ctx.cap(q - 1)
                || ctx.cap(q) && matches!(ctx.w(q - 1), "the" | "a" | "an")
                || ctx.cap(q - 1)
                    && (is_in(LISTENER_KINDS, ctx.w(q))
                        || is_in(OUTLET_KINDS, ctx.w(q)) && !matches!(ctx.w(q), "paper" | "daily")))
        {
            q += 1;
            n += 1;
        }
        if q >= u.b || ctx.words_in(q, u.b) == 0 && !ctx.has_region(q, u.b) {
            return Post::Nothing;
        }
    }
    if ctx.region_of(q).is_some() || ctx.is(q, ":") {
        return Post::Explicit;
    }
    if ctx.is(q, ",") || ctx.is(q, "—") {
        if q + 1 < u.b && ctx.region_of(q + 1).is_some() {
            return Post::Continues;
        }
        // "Democrats, Frank notes, applaud …": a cue word may be the verb resumed, but a
        // participle ("…, he said, adding …") is a remark of its own.
        if q + 1 < u.b
            && ctx.is_word(q + 1)
            && !(ctx.is_verb_form(q + 1) && (ctx.w(q + 1).ends_with("ing") || ctx.cap(q + 1)))
            && (!is_in(BREAK, ctx.w(q + 1)) || is_in(FINITE, ctx.w(q + 1)))
        {
            // "The permit, his campaign said, had been hard to get": the rest of the clause
            // the report interrupts, opened by its verb.
            return Post::Continues;
        }
        return Post::Nothing;
    }
    if !ctx.is_word(q) {
        return Post::Nothing;
    }
    let w = ctx.w(q);
    // "threatened not to show up": a negated infinitive.
    let (w, q) = if w == "not" && ctx.is(q + 1, "to") {
        ("to", q + 1)
    } else {
        (w, q)
    };
    // "asked Rubio which states he could win": after a question verb "which" opens the
    // question too, and so do "when" and "where" after whom it was asked ("asked the mayor
    // when …", not "asked when the harbour closed, then left").
    let asking = ctx.w(after.saturating_sub(1)).starts_with("ask");
    if matches!(w, "if" | "whether" | "how" | "what" | "why" | "who")
        || w == "about" && ctx.w(after.saturating_sub(1)) == "asked"
        || asking && (w == "which" || q > after && matches!(w, "when" | "where"))
    {
        // An indirect question or a condition: "asked whether …", "said if elected he …".
        return Post::Clause;
    }
    // "said there was a commitment …": an expletive subject opens the reported clause, an
    // adverb perhaps before its verb ("said there certainly was …").
    let v1 = if q + 2 < u.b && ctx.is_word(q + 1) && ctx.w(q + 1).ends_with("ly") {
        q + 2
    } else {
        q + 1
    };
    let expletive = matches!(w, "there" | "here")
        && v1 < u.b
        && matches!(
            ctx.w(v1),
            "remains"
                | "remain"
                | "needs"
                | "need"
                | "seems"
                | "seem"
                | "appears"
                | "appear"
                | "exists"
                | "exist"
                | "is"
                | "was"
                | "are"
                | "were"
                | "would"
                | "will"
                | "could"
                | "may"
                | "might"
                | "had"
                | "has"
                | "have"
                | "should"
                | "must"
                | "can"
        );
    if expletive {
        return Post::Clause;
    }
    // "said about half of the ballots were counted": a rough number opens the clause.
    if matches!(w, "about" | "around" | "roughly")
        && q + 1 < u.b
        && ctx.is_word(q + 1)
        && (ctx.w(q + 1).starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                ctx.w(q + 1),
                "half" | "twice" | "one" | "two" | "three" | "a"
            ))
        && (ctx.w(q + 1) != "a"
            || q + 2 < u.b && matches!(ctx.w(q + 2), "third" | "quarter" | "dozen" | "fifth"))
    {
        return Post::Clause;
    }
    // "said it's over", "says there's a deal": a contracted subject and verb open the clause.
    if contracted_finite(w) {
        return Post::Clause;
    }
    // "did not say when", "wouldn't say where": after a negated cue the question left open
    // is what was not said.
    let negated = (after.saturating_sub(3).max(u.a)..after.saturating_sub(1)).any(|k| {
        ctx.is_word(k) && matches!(ctx.w(k), "not" | "never")
            || ctx.w(k).ends_with("n't")
            || ctx.w(k).ends_with("n’t")
    });
    if negated && matches!(w, "when" | "where") {
        return Post::Clause;
    }
    if particle_object(ctx, u, q, v) {
        return Post::Clause;
    }
    // "called on Congress to act": whom it is asked of and what.
    if w == "on"
        && ctx.w(after.saturating_sub(1)).starts_with("call")
        && (q + 2..(q + 6).min(u.b)).any(|k| ctx.is(k, "to") && ctx.is_word(k + 1))
    {
        return Post::Clause;
    }
    if is_in(BREAK, w) && !is_in(ADJUNCT, w) {
        // "said when she resigned", "said as he left": not what was said.
        return Post::Nothing;
    }
    // "vowed to cut taxes", "urged Congress to act": the infinitive is what was promised or
    // asked for, not an adjunct.
    let cue_word = ctx.w(after.saturating_sub(1));
    // "urging them to “give him time”": the infinitive may open a quotation.
    let v1 = if q + 2 < u.b && !ctx.is_word(q + 1) && ctx.region_of(q + 1).is_some() {
        q + 2
    } else {
        q + 1
    };
    if w == "to"
        && v1 < u.b
        && ctx.is_word(v1)
        && !ctx.cap(v1)
        && !is_in(DETERMINERS, ctx.w(v1))
        && INFINITIVE_CUES.iter().any(|c| cue_word.starts_with(c))
    {
        return Post::Clause;
    }
    if is_in(ADJUNCT, w) || is_time_word(w) || w.ends_with("ing") {
        // An adjunct may still end in a colon before a quotation ("said on Twitter: …").
        let lim = (q + 10).min(u.b);
        if let Some(k) = (q..lim).find(|&k| !ctx.is_word(k) && !ctx.abbrev_dot(k, q, u.b)) {
            if ctx.is(k, ":") || (ctx.is(k, ",") && k + 1 < u.b && ctx.region_of(k + 1).is_some()) {
                return Post::Explicit;
            }
        }
        return Post::Adjunct;
    }
    Post::Clause
}

/// "according to X, …" and "…, according to X".
fn phrase_cue(ctx: &Ctx, u: Unit, i: usize, j: usize) -> Option<(Found, bool)> {
    let cue = (ctx.toks[i].s, ctx.toks[j - 1].e);
    let mut k = j;
    let mut n = 0;
    while k < u.b && n < 14 {
        if ctx.abbrev_dot(k, j, u.b) {
            k += 1;
            continue;
        }
        if !ctx.is_word(k)
            || ctx.region_of(k).is_some()
            || matches!(ctx.w(k), "that" | "which" | "who")
        {
            break;
        }
        k += 1;
        n += 1;
    }
    if k == j {
        return None;
    }
    let speaker = Some((ctx.toks[j].s, ctx.toks[k - 1].e));
    let before = ctx.words_in(u.a, i);
    // "In addition, according to …, X": a short opener before the comma; "It has not gone
    // unnoticed: according to …, X": a clause closed by a colon. The content follows.
    // "Nine million workers, according to the department, will be protected": the phrase
    // interrupts the clause before its verb, and the content runs on.
    let resumes = i > u.a
        && ctx.is(i - 1, ",")
        && k + 1 < u.b
        && ctx.is(k, ",")
        && ctx.is_word(k + 1)
        && !ctx.cap(k + 1)
        && is_in(FINITE, ctx.w(k + 1));
    let opener = i > u.a
        && !resumes
        && (ctx.is(i - 1, ":") || ctx.is(i - 1, ",") && before <= 3 && !ctx.has_region(u.a, i));
    if before >= 2 && !opener {
        let end = if resumes { u.b } else { i };
        let content = ctx.span_of(ctx.cap_before(u.a, end), end)?;
        return Some((
            Found {
                content,
                cue,
                speaker,
            },
            false,
        ));
    }
    let cs = content_start(ctx, u, k, None)?;
    to_the_end(ctx, u, cs, cue, speaker)
}

/// "Lavrov said the talks were useful, but Blinken said …": content after a cue ends where
/// the next speaker's clause begins.
fn cut_at_next_speaker(ctx: &Ctx, out: &mut [(Found, bool)]) {
    let mut starts: Vec<usize> = out
        .iter()
        .map(|(f, _)| f.speaker.map_or(f.cue.0, |s| s.0.min(f.cue.0)))
        .collect();
    // "…, and added that …" with the speaker of an earlier clause: the second report starts
    // at its verb.
    starts.extend(out.iter().filter_map(|(f, _)| {
        let t = ctx.tok_at(f.cue.0);
        // A stance there stays inside the report ("said …, and wants …").
        let speech = ctx.lx.verbs.get(ctx.w(t)).is_some_and(|v| !v.stance);
        // "called it a gamble and said …": so without the comma.
        (speech && t > 1 && ctx.is_word(t - 1) && matches!(ctx.w(t - 1), "and" | "but"))
            .then_some(f.cue.0)
    }));
    // "Ruiz, who calls him a fraud, said …": the verb after the relative clause is its
    // subject's, and the clause's own content ends at the comma before it. (cue start,
    // speaker end) of the reports whose verb follows a comma.
    let mains: Vec<(usize, usize)> = out
        .iter()
        .filter_map(|(f, _)| {
            let s = f.speaker?;
            let mut k = ctx.tok_at(f.cue.0);
            while k > 1 && ctx.is_word(k - 1) && ctx.lx.aux.contains(ctx.w(k - 1)) {
                k -= 1;
            }
            (k > 1 && s.1 < ctx.toks[k].s && ctx.is(k - 1, ",")).then(|| (ctx.toks[k - 1].s, s.1))
        })
        .collect();
    starts.sort_unstable();
    for (found, after_cue) in out.iter_mut() {
        if !*after_cue {
            continue;
        }
        let (cs, ce) = found.content;
        let mut cut = None;
        let first = starts.partition_point(|&g| g <= cs);
        for &g in starts[first..].iter().take_while(|&&g| g < ce) {
            let t = ctx.tok_at(g);
            if t == 0 || ctx.region_of(t).is_some() {
                continue;
            }
            let mut p = t - 1;
            if ctx.is_word(p) && matches!(ctx.w(p), "and" | "but" | "while" | "whereas") && p > 0 {
                p -= 1;
            }
            // "Putin said they should “… exercises.” according to AFP": a source phrase
            // right after a closing quotation mark names who relayed the report, not more of it.
            let relayed = ctx.region_of(p).is_some()
                && (p + 1..t).all(|k| ctx.region_of(k).is_none())
                && ctx.lx.phrases.iter().any(|ph| {
                    ph.iter()
                        .enumerate()
                        .all(|(k, w)| t + k < ctx.toks.len() && ctx.w(t + k) == w)
                });
            let mark =
                (ctx.is(p, ",") || ctx.is(p, ";") || ctx.is(p, "—")) && ctx.region_of(p).is_none();
            // "… and said …", "… but Blinken said …": a second report joined without a
            // comma ends the first one at its conjunction.
            let joined = !mark
                && !relayed
                && ctx.lx.verbs.get(ctx.w(t)).is_some_and(|v| !v.stance)
                && p + 1 < t
                && ctx.region_of(p + 1).is_none()
                && matches!(ctx.w(p + 1), "and" | "but");
            if relayed || mark || joined {
                let at = if relayed {
                    ctx.toks[p].e
                } else {
                    ctx.toks[if mark { p } else { p + 1 }].s
                };
                if at > cs {
                    cut = Some(cut.map_or(at, |c: usize| c.min(at)));
                }
            }
        }
        let relative = found
            .speaker
            .filter(|s| matches!(ctx.text.get(s.0..s.1), Some("who" | "which")));
        if let Some(rs) = relative {
            let main = mains
                .iter()
                .find(|&&(g, se)| g > cs && g < ce && se <= rs.0);
            if let Some(&(g, _)) = main {
                cut = Some(cut.map_or(g, |c: usize| c.min(g)));
            }
        }
        if let Some(c) = cut {
            let a = ctx.tok_at(cs);
            let b = ctx.tok_at(c);
            if let Some(sp) = ctx.span_of(a, b) {
                found.content = sp;
            }
        }
    }
}

/// Whether a new clause with its own subject and finite verb starts at token `k`: a subject
/// pronoun, one to four capitalised words ("Mr. Obama", "U.S. officials" too), or a
/// determiner and up to four words ("the Republicans who control Congress"), then perhaps an
/// adverb in -ly, then a finite verb ("was", "refused", "says").
fn clause_opens(ctx: &Ctx, k: usize, hi: usize) -> bool {
    let word = |t: usize| t < hi && ctx.is_word(t) && ctx.region_of(t).is_none();
    let finite = |t: usize| {
        let t = if word(t) && !ctx.cap(t) && ctx.w(t).ends_with("ly") {
            t + 1
        } else {
            t
        };
        if !word(t) || ctx.cap(t) {
            return false;
        }
        let w = ctx.w(t);
        is_in(FINITE, w)
            || w.len() > 4 && w.ends_with("ed")
            || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !genitive(w)
    };
    if !word(k) {
        return false;
    }
    let w = ctx.w(k);
    if matches!(w, "he" | "she" | "they" | "it" | "we" | "i") {
        return finite(k + 1);
    }
    if is_in(
        &[
            "the", "a", "an", "his", "her", "their", "its", "some", "many", "most", "other",
            "another", "those", "these", "this",
        ],
        w,
    ) {
        return (k + 2..(k + 6).min(hi)).any(|t| (k + 1..t).all(word) && finite(t));
    }
    let mut t = k;
    while t < hi && t < k + 4 && (word(t) && ctx.cap(t) || t > k && ctx.abbrev_dot(t, k, hi)) {
        t += 1;
    }
    t > k && finite(t)
}

/// "Cook said Carter had stopped the practice, but Cook did not say when", "said he backed
/// the plan, and the market rose": a clause after "but", or after a comma and "and",
/// "although", "though" or "because", with its own subject and finite verb is the writer's
/// again, and the content after a cue ends before it. "said the talks were useful but that
/// …" goes on (no subject of its own), and so does anything inside quotation marks.
fn cut_at_writers_clause(ctx: &Ctx, found: &mut Found) {
    let (cs, ce) = found.content;
    let a = ctx.tok_at(cs);
    let b = ctx.tok_at(ce);
    for k in a + 1..b {
        if !ctx.is_word(k) || ctx.region_of(k).is_some() {
            continue;
        }
        // "pleaded guilty to fraud; the FBI had recorded him …": a semicolon outside
        // quotation marks ends the report.
        if ctx.is(k - 1, ";") && ctx.region_of(k - 1).is_none() && k - 1 > a {
            if let Some(sp) = ctx.span_of(a, k - 1) {
                found.content = sp;
            }
            return;
        }
        // "called him a “moderate,” a subtle dig at …": after a quotation closed by its
        // comma, unquoted words that neither continue the quote's speaker ("…,” he said) nor
        // add a participle are the writer's.
        if ctx.closes_region(k - 1) && !ctx.cap(k) {
            let mut m = k - 1;
            while m > a && ctx.region_of(m).is_some() && matches!(ctx.w(m), "”" | "\"" | "'" | "’")
            {
                m -= 1;
            }
            let w = ctx.w(k);
            if m < k - 1
                && ctx.is(m, ",")
                && ctx.region_of(m).is_some()
                && !w.ends_with("ing")
                && !matches!(w, "he" | "she" | "they" | "it" | "i" | "we")
            {
                if let Some(sp) = ctx.span_of(a, k) {
                    found.content = sp;
                }
                return;
            }
        }
        let comma = ctx.is(k - 1, ",") && ctx.region_of(k - 1).is_none();
        let conj = match ctx.w(k) {
            "but" => true,
            "and" | "although" | "though" | "because" | "after" => comma,
            // "Most said they …, while 9 percent found …": a second share of the same poll.
            "while" | "whereas" => comma || share_clause(ctx, k + 1, b),
            _ => false,
        };
        // "denied it, and later called …", "…, with aides saying …", "…, even as he …": the
        // subject's next act, an absolute clause or a contrast ends the report.
        let aside = comma
            && match ctx.w(k) {
                "and" => next_act(ctx, k + 1, b),
                "with" => absolute_clause(ctx, k + 1, b),
                "even" => ctx.is(k + 1, "as"),
                // "…, which amounts to 5 percent of revenue", "…, who backed the bill": a
                // relative clause that closes the content describes what was reported; one
                // set off between commas may be part of it.
                // Not one in which the speaker goes on ("a “bottom line”, which he described
                // as the principles of the charter"): that is still the speaker's statement.
                "which" | "who" | "where" | "when" => {
                    (k + 1..b).all(|t| {
                        !(ctx.is(t, ",") || ctx.is(t, ";") || ctx.is(t, "—"))
                            || ctx.region_of(t).is_some()
                    }) && !(k + 2..b).any(|t| {
                        ctx.is_verb_form(t)
                            && matches!(ctx.w(t - 1), "he" | "she" | "they" | "we" | "i")
                    })
                }
                _ => false,
            };
        // "praised the plan and offered …": after a content with no clause of its own (a
        // noun phrase or an infinitive), a verb after "and" or "but" is the subject's again.
        let aside = aside
            || !comma
                && matches!(ctx.w(k), "and" | "but")
                && next_act(ctx, k + 1, b)
                && !(a..k).any(|t| {
                    ctx.is_word(t)
                        && (is_in(FINITE, ctx.w(t))
                            || is_in(IRREGULAR_PAST, ctx.w(t))
                            || ctx.w(t).len() > 4 && ctx.w(t).ends_with("ed")
                            || matches!(ctx.w(t), "he" | "she" | "they" | "it" | "we" | "i"))
                });
        let opens = clause_opens(ctx, k + 1, b) || share_clause(ctx, k + 1, b);
        if !aside && (!conj || !opens) {
            continue;
        }
        let end = if comma { k - 1 } else { k };
        if end > a {
            if let Some(sp) = ctx.span_of(a, end) {
                found.content = sp;
            }
        }
        return;
    }
}

/// Whether a verb of the subject's own starts at token `k`, after at most two auxiliaries or
/// adverbs ("and has since called", "and ordered that …"): a past form in -ed or an
/// irregular one.
fn next_act(ctx: &Ctx, k: usize, hi: usize) -> bool {
    let word = |t: usize| t < hi && ctx.is_word(t) && ctx.region_of(t).is_none() && !ctx.cap(t);
    let mut t = k;
    // "and was employed by …" goes on with the reported clause's own subject: no copula.
    let aux = |w: &str| ctx.lx.aux.contains(w) && (!is_in(FINITE, w) || w.starts_with("ha"));
    while t < k + 2 && word(t) && aux(ctx.w(t)) {
        t += 1;
    }
    word(t) && {
        let w = ctx.w(t);
        w.len() > 4 && w.ends_with("ed") || is_in(IRREGULAR_PAST, w)
    }
}

/// Whether a clause about a share of people starts at token `k`: a number or "half", perhaps
/// after "about" or "nearly", up to four more words, then a finite verb ("9 percent found",
/// "about 6 in 10 men backed", "half said").
fn share_clause(ctx: &Ctx, k: usize, hi: usize) -> bool {
    let word = |t: usize| t < hi && ctx.is_word(t) && ctx.region_of(t).is_none();
    let mut t = k;
    if word(t)
        && matches!(
            ctx.w(t),
            "about" | "nearly" | "almost" | "roughly" | "only" | "just"
        )
    {
        t += 1;
    }
    let share =
        word(t) && (ctx.w(t).starts_with(|c: char| c.is_ascii_digit()) || ctx.is(t, "half"));
    share
        && (t + 1..(t + 6).min(hi)).any(|v| {
            (t..=v).all(word) && !ctx.cap(v) && {
                let w = ctx.w(v);
                is_in(FINITE, w)
                    || w.len() > 4 && w.ends_with("ed")
                    || is_in(IRREGULAR_PAST, w)
                    || matches!(w, "said" | "say" | "says" | "want" | "wants" | "think")
            }
        })
}

/// Whether an absolute clause starts at token `k` after "with": a noun phrase of up to five
/// words, then a participle in -ing ("with aides saying", "with Senator Cole now pressing").
fn absolute_clause(ctx: &Ctx, k: usize, hi: usize) -> bool {
    let word = |t: usize| t < hi && ctx.is_word(t) && ctx.region_of(t).is_none();
    (k + 1..(k + 6).min(hi)).any(|t| {
        (k..=t).all(word)
            && ctx.w(t).ends_with("ing")
            && !ctx.cap(t)
            && !matches!(ctx.w(t - 1), "of" | "in" | "for" | "to" | "about" | "by")
    })
}

/// "In a survey released Monday, most voters backed the plan.": a sentence opened by a
/// record or measurement (`DOCUMENTS`) reports its finding; the source is the phrase after
/// "In", the content the clause after its comma.
/// Records that state findings of their own ("In a new poll, most voters …").
const FINDINGS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "data",
    "figures",
    "results",
    "numbers",
    "statistics",
    "polling",
    "tallies",
    "estimates",
    "projections",
    "census",
    "research",
];

fn in_a_document(ctx: &Ctx, u: Unit) -> Option<Found> {
    let a = ctx.trim_start(u.a, u.b)?;
    if !ctx.is_word(a) || !ctx.is(a, "in") || a + 2 >= u.b {
        return None;
    }
    let lim = (a + 16).min(u.b);
    // "In an ABC News/Washington Post poll released Sunday, …": a slash joins the sponsors.
    let comma =
        (a + 1..lim).find(|&k| !ctx.is_word(k) && !ctx.abbrev_dot(k, a, u.b) && !ctx.is(k, "/"))?;
    // "In May's Post-ABC poll, …": a possessive opens the phrase as a determiner does.
    if !ctx.is(comma, ",") || !(is_in(DETERMINERS, ctx.w(a + 1)) || genitive(ctx.w(a + 1))) {
        return None;
    }
    // Only measurements speak for themselves here: "In an email, Mr. Lee said …" has its own
    // speaker.
    if !(a + 2..comma).any(|k| is_in(FINDINGS, ctx.w(k))) || ctx.has_region(a, comma) {
        return None;
    }
    if ctx.words_in(comma + 1, u.b) < 4 {
        return None;
    }
    let content = ctx.span_of(comma + 1, ctx.cap_after(comma + 1, u.b))?;
    Some(Found {
        content,
        cue: (ctx.toks[a].s, ctx.toks[a].e),
        speaker: Some((ctx.toks[a + 1].s, ctx.toks[comma - 1].e)),
    })
}

/// Participles after a comma that name what a speaker's words were about: "…,” she said,
/// referring to the governor" / "…, citing rising costs".
const REFERENCES: &[(&str, Option<&str>)] = &[
    ("referring", Some("to")),
    ("citing", None),
    ("pointing", Some("to")),
    ("alluding", Some("to")),
];

/// "…,” he said, referring to the new law.": what the speaker referred to is a report of its
/// own, by the same speaker, its content running to the end of the stretch.
fn references(ctx: &Ctx, u: Unit, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let Some(first) = found.iter().map(|f| f.cue.1).min() else {
        return out;
    };
    let mut k = ctx.tok_at(first);
    while k + 2 < u.b {
        let comma = ctx.is(k, ",") && ctx.region_of(k).is_none();
        let Some(&(_, prep)) = REFERENCES
            .iter()
            .find(|(v, _)| comma && ctx.is_word(k + 1) && ctx.w(k + 1) == *v)
        else {
            k += 1;
            continue;
        };
        let mut c = k + 2;
        if let Some(p) = prep {
            if !ctx.is(c, p) {
                k += 1;
                continue;
            }
            c += 1;
        }
        let at = ctx.toks[k].s;
        // The speaker of the nearest report before the participle.
        let speaker = found
            .iter()
            .filter(|f| f.cue.1 <= at)
            .max_by_key(|f| f.cue.1)
            .and_then(|f| f.speaker);
        if let (Some(speaker), Some(content)) = (speaker, ctx.span_of(c, ctx.cap_after(c, u.b))) {
            let last = c - 1;
            out.push(Found {
                content,
                cue: (ctx.toks[k + 1].s, ctx.toks[last].e),
                speaker: Some(speaker),
            });
        }
        k = c;
    }
    out
}

/// Nouns of the occasion or medium of a statement ("in a statement", "at a rally", "on
/// Twitter").
const MEDIA: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "rally",
    "debate",
    "speech",
    "letter",
    "post",
    "tweet",
    "tweets",
    "twitter",
    "facebook",
    "instagram",
    "television",
    "radio",
    "conference",
    "briefing",
    "hearing",
    "memo",
    "email",
    "op-ed",
    "video",
    "appearance",
    "remarks",
    "address",
    "podcast",
    "broadcast",
    "testimony",
];

/// The start of a prepositional phrase of occasion or medium that ends just before token
/// `j` ("in a statement", "at a rally in Ohio", "in an interview with CNN"), after the
/// subject's last word.
fn medium_adjunct(ctx: &Ctx, u: Unit, j: usize) -> Option<usize> {
    let lo = j.saturating_sub(9).max(u.a + 1);
    let mut best = None;
    let mut medium = false;
    for p in (lo..j).rev() {
        let w = ctx.w(p);
        let prep = matches!(
            w,
            "in" | "at" | "on" | "during" | "with" | "of" | "for" | "from"
        );
        // "when he suggested", "and defended": a clause of its own, not an adjunct.
        if !ctx.is_word(p)
            || ctx.region_of(p).is_some()
            || ctx.is_verb_form(p)
            || is_in(BREAK, w) && !prep
            || ctx.lx.pronouns.contains(w)
        {
            break;
        }
        medium |= is_in(MEDIA, w);
        // The subject ends in a name or a source noun ("The governor", "Ms. Okafor").
        let subject_end = ctx.is_word(p - 1)
            && !is_in(BREAK, ctx.w(p - 1))
            && (ctx.cap(p - 1) || ctx.lx.sources.contains(ctx.w(p - 1)));
        if medium && matches!(w, "in" | "at" | "on" | "during") && subject_end {
            best = Some(p);
        }
    }
    best
}

/// Nouns that end a phrase of time ("in the past", "at the time", "for years").
const TIME_NOUNS: &[&str] = &[
    "past",
    "time",
    "times",
    "point",
    "moment",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "end",
    "meantime",
    "interim",
    "start",
    "beginning",
    "decade",
    "decades",
    "hours",
];

/// Words of a span of time before "ago" ("less than two weeks ago", "a few days ago").
fn ago_word(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    is_in(TIME_NOUNS, w)
        || w.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            w,
            "a" | "an"
                | "few"
                | "several"
                | "couple"
                | "of"
                | "just"
                | "only"
                | "about"
                | "nearly"
                | "almost"
                | "less"
                | "more"
                | "than"
                | "some"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "hour"
                | "minutes"
        )
}

/// The start of a phrase of time or a participle aside that ends just before token `j`,
/// between a subject and its verb: "at the time", "earlier in the day", "in recent weeks",
/// "two weeks ago", "speaking to Fox News".
fn time_adjunct(ctx: &Ctx, u: Unit, j: usize) -> Option<usize> {
    let word = |k: usize| ctx.is_word(k) && ctx.region_of(k).is_none();
    let p = j.checked_sub(1).filter(|&p| p > u.a && word(p))?;
    if ctx.is(p, "ago") {
        let mut k = p;
        while k > u.a + 1 && word(k - 1) && !ctx.cap(k - 1) && ago_word(ctx, k - 1) {
            k -= 1;
        }
        return (k < p && (k..p).any(|t| is_in(TIME_NOUNS, ctx.w(t)))).then_some(k);
    }
    // "who in 2010 said", "the board in late March voted": a year or a month after "in".
    let w = ctx.w(p);
    let year = w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit());
    if year || ctx.cap(p) && crate::calendar::is_calendar_word(w) {
        let mut k = p - 1;
        if k > u.a + 1 && matches!(ctx.w(k), "early" | "late" | "mid") {
            k -= 1;
        }
        let prep =
            k > u.a && word(k) && matches!(ctx.w(k), "in" | "since" | "during") && word(k - 1);
        return prep.then_some(k);
    }
    let lo = p.saturating_sub(5).max(u.a + 1);
    if is_in(TIME_NOUNS, ctx.w(p)) && !ctx.cap(p) {
        // A preposition, then up to three lower-case words that are no verbs.
        let prep = (lo..p).rev().find(|&k| {
            !word(k)
                || matches!(
                    ctx.w(k),
                    "in" | "at" | "for" | "over" | "during" | "throughout" | "within"
                )
                || ctx.cap(k)
                || ctx.is_verb_form(k)
                || is_in(BREAK, ctx.w(k))
        })?;
        let ok = word(prep)
            && matches!(
                ctx.w(prep),
                "in" | "at" | "for" | "over" | "during" | "throughout" | "within"
            )
            && p - prep <= 4
            && word(prep - 1);
        return ok.then_some(prep);
    }
    // "speaking to reporters", "writing in the Post": a participle aside after the subject's
    // last word (a name or a source noun).
    let s = (lo.saturating_sub(3).max(u.a + 1)..p).rev().find(|&k| {
        let w = ctx.w(k);
        word(k) && !ctx.cap(k) && w.len() > 5 && w.ends_with("ing")
    })?;
    let aside = (s + 1..=p).all(|k| word(k) && !matches!(ctx.w(k), "that" | "who" | "which"))
        && word(s + 1)
        && matches!(
            ctx.w(s + 1),
            "to" | "with" | "on" | "in" | "at" | "from" | "through" | "outside" | "near" | "for"
        )
        && word(s - 1)
        && (ctx.cap(s - 1) || ctx.lx.sources.contains(ctx.w(s - 1)));
    aside.then_some(s)
}

/// "As one analyst put it, “…”", "as Professor Lee put it: …": the words after the aside are
/// its speaker's. The aside opens the sentence or follows a comma.
fn as_put_it(ctx: &Ctx, u: Unit, found: &[Found]) -> Option<Found> {
    let k = (u.a + 2..u.b.saturating_sub(3))
        .find(|&k| ctx.is_word(k) && matches!(ctx.w(k), "put" | "puts") && ctx.is(k + 1, "it"))?;
    // "as" a few words back, with no sentence punctuation or quotation between.
    let j = (k.saturating_sub(16).max(u.a)..k - 1)
        .rev()
        .take_while(|&j| {
            (ctx.is_word(j)
                || matches!(ctx.raw(j), "," | ".") && ctx.abbrev_dot(j, u.a, k)
                || ctx.is(j, ","))
                && ctx.region_of(j).is_none()
        })
        .find(|&j| ctx.is(j, "as"))?;
    let opens_clause = ctx.trim_start(u.a, u.b) == Some(j) || j > u.a && ctx.is(j - 1, ",");
    let first = ctx.w(j + 1);
    let np = ctx.cap(j + 1)
        || is_in(DETERMINERS, first)
        || is_in(QUANTIFIERS, first)
        || ctx.lx.pronouns.contains(first);
    if !opens_clause || !np {
        return None;
    }
    let last = ctx.trim_end(j + 1, k)?;
    // "put it bluntly", "put it in a memo", not "put it back on the truck".
    let next = k + 2;
    let adjunct = ctx.is_word(next)
        && (is_in(ADJUNCT, ctx.w(next))
            || is_time_word(ctx.w(next))
            || ctx.w(next).ends_with("ly"));
    if !(adjunct || ctx.is(next, ",") || ctx.is(next, ":")) {
        return None;
    }
    // What was said follows the comma or colon that closes the aside ("put it in a memo, …").
    let c = (k + 2..(k + 12).min(u.b))
        .take_while(|&t| ctx.is_word(t) || ctx.is(t, ",") || ctx.is(t, ":"))
        .find(|&t| !ctx.is_word(t))?;
    if c + 1 >= u.b || ctx.words_in(c + 1, u.b) < 2 {
        return None;
    }
    let content = ctx.span_of(c + 1, ctx.cap_after(c + 1, u.b))?;
    if found
        .iter()
        .any(|f| f.content.0 < content.1 && content.0 < f.content.1)
    {
        return None;
    }
    Some(Found {
        content,
        cue: (ctx.toks[k].s, ctx.toks[k + 1].e),
        speaker: Some((ctx.toks[j + 1].s, ctx.toks[last].e)),
    })
}

/// "Rubio fired back: “…”": a quotation after a colon, in a clause whose subject opens the
/// sentence, with a verb the lexicon does not know. The colon is the cue.
fn colon_quotes(ctx: &Ctx, u: Unit, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let first = ctx.regions.partition_point(|r| r.end <= ctx.toks[u.a].s);
    let end = ctx.toks[u.b - 1].e;
    for r in ctx.regions[first..].iter().take_while(|r| r.start < end) {
        let t = ctx.tok_at(r.start);
        if t <= u.a + 1 || !ctx.is(t - 1, ":") || ctx.words_in(t, ctx.tok_at(r.end)) < 4 {
            continue;
        }
        if found.iter().any(|f| {
            f.content.0 <= r.start && r.end <= f.content.1
                || f.cue.0 < r.start && f.cue.1 > ctx.toks[t - 1].s
        }) {
            continue;
        }
        // Only a short clause: "Peskov told reporters on Friday: “…”".
        if t - 1 - u.a > 12 || (u.a..t - 1).any(|k| ctx.region_of(k).is_some()) {
            continue;
        }
        let Some(speaker) = subject_at(ctx, u, t - 1) else {
            continue;
        };
        if found
            .iter()
            .any(|f| f.content.0 <= r.start && r.end <= f.content.1)
        {
            continue;
        }
        out.push(Found {
            content: (r.start, r.end),
            cue: (ctx.toks[t - 1].s, ctx.toks[t - 1].e),
            speaker: Some(speaker),
        });
    }
    out
}

/// A hedged claim with no named source ("China has reportedly agreed to …").
fn hedge_claim(ctx: &Ctx, u: Unit) -> Option<Found> {
    for &i in ctx.cands_in(u.a, u.b) {
        if !ctx.lx.starts.contains(ctx.w(i)) || ctx.region_of(i).is_some() {
            continue;
        }
        let w = ctx.w(i);
        for h in ctx.lx.hedges.iter().filter(|h| h[0] == w) {
            let adverb = h.len() == 1 && h[0].ends_with("ly");
            let phrase = h.len() >= 2 && h[h.len() - 1] == "to";
            if (adverb || phrase) && ctx.seq_at(i, u.b, h) {
                let content = ctx.span_of(u.a, ctx.cap_after(u.a, u.b))?;
                return Some(Found {
                    content,
                    cue: (ctx.toks[i].s, ctx.toks[i + h.len() - 1].e),
                    speaker: None,
                });
            }
        }
        // "The deal seems fragile", "the team appeared paralyzed": an impression with no
        // named holder, as "seems to" is; not "appeared on television" or "appeared Monday".
        if is_in(SEEM_VERBS, w)
            && i > u.a
            && i + 1 < u.b
            && ctx.is_word(i + 1)
            && !ctx.cap(i + 1)
            && !is_in(ADJUNCT, ctx.w(i + 1))
            && !is_in(NOT_IMPRESSIONS, ctx.w(i + 1))
            && !is_time_word(ctx.w(i + 1))
        {
            let content = ctx.span_of(u.a, ctx.cap_after(u.a, u.b))?;
            return Some(Found {
                content,
                cue: (ctx.toks[i].s, ctx.toks[i].e),
                speaker: experiencer(ctx, i + 2, u.b),
            });
        }
    }
    None
}

/// Whom something seems so to, a few words after the verb: "seems clear to me", "seemed
/// far away to many voters" (not an infinitive: "seems ready to join").
fn experiencer(ctx: &Ctx, from: usize, hi: usize) -> Option<(usize, usize)> {
    let k = (from..(from + 4).min(hi))
        .take_while(|&k| ctx.is_word(k))
        .find(|&k| ctx.is(k, "to"))?;
    let t = k + 1;
    if t >= hi || !ctx.is_word(t) {
        return None;
    }
    if matches!(ctx.w(t), "me" | "him" | "her" | "us" | "them" | "you") {
        return Some((ctx.toks[t].s, ctx.toks[t].e));
    }
    let opens = ctx.cap(t) || is_in(DETERMINERS, ctx.w(t)) || is_in(QUANTIFIERS, ctx.w(t));
    if !opens {
        return None;
    }
    if let Some((sp, _)) = ctx.np_right(t, hi, 6, false) {
        return Some(sp);
    }
    // "to many farmers in the valley": the words up to a preposition or a break.
    let e = (t..(t + 4).min(hi))
        .take_while(|&x| ctx.is_word(x) && (x == t || !is_in(ADJUNCT, ctx.w(x))))
        .filter(|&x| !is_in(BREAK, ctx.w(x)) && !matches!(ctx.w(x), "of" | "for" | "with"))
        .last()?;
    (e > t).then(|| (ctx.toks[t].s, ctx.toks[e].e))
}

/// Verbs of impression whose subject is no source: "seems fragile", "appeared paralyzed".
const SEEM_VERBS: &[&str] = &["seems", "seemed", "appears", "appeared"];

/// Words after "appeared" that make it a verb of showing up, not of seeming.
const NOT_IMPRESSIONS: &[&str] = &[
    "with",
    "alongside",
    "together",
    "as",
    "onstage",
    "there",
    "here",
    "and",
    "by",
    "inside",
    "outside",
    "live",
    "briefly",
    "again",
    "first",
    "onto",
    "for",
    "twice",
    "once",
    "alone",
    "online",
    "under",
    "behind",
    "next",
    "out",
];

/// Whether the words around an attribution hedge it.
pub(crate) fn hedged(ctx: &Ctx, f: &Found) -> bool {
    let lo = f
        .speaker
        .map_or(f.cue.0, |s| s.0)
        .min(f.cue.0)
        .min(f.content.0);
    // A hedge sits by the cue or early in the claim; looking further costs time for nothing.
    let a = ctx.tok_at(lo);
    let b = ctx.tok_at(f.content.1).min(a + 60);
    ctx.cands_in(a, b).iter().any(|&i| {
        let w = ctx.w(i);
        ctx.lx
            .hedges
            .iter()
            .any(|h| h[0] == w && ctx.seq_at(i, b, h))
    })
}

/// Whether a source is anonymous: its own words, or a clause after it, say so ("officials
/// who spoke on condition of anonymity", "people familiar with the matter").
pub(crate) fn anonymous(ctx: &Ctx, s: (usize, usize), cue: (usize, usize)) -> bool {
    let a = ctx.tok_at(s.0);
    let mut b = ctx.tok_at(s.1);
    if cue.0 >= s.1 {
        b = ctx.tok_at(cue.0);
    } else {
        // The clause after a speaker that follows its cue.
        while b < ctx.toks.len() && b < a + 30 && !ctx.is(b, ".") {
            b += 1;
        }
    }
    let b = b.min(a + 40);
    ctx.cands_in(a, b).iter().any(|&i| {
        let w = ctx.w(i);
        ctx.lx.anon.iter().any(|h| h[0] == w && ctx.seq_at(i, b, h))
    })
}

/// The start of the paragraph before the one holding `pos` (a bounded look back).
fn previous_paragraph_start(text: &str, pos: usize) -> usize {
    let floor = pos.saturating_sub(4000);
    let bytes = text.as_bytes();
    let mut breaks = 0;
    let mut i = pos;
    while i > floor {
        i -= 1;
        if bytes[i] == b'\n' {
            // A run of line breaks is one paragraph break.
            while i > floor && bytes[i - 1] == b'\n' {
                i -= 1;
            }
            breaks += 1;
            if breaks == 2 {
                return i + 1;
            }
        }
    }
    floor
}

/// The entity of a speaker: the mention it overlaps, or for a pronoun the person (he, she,
/// I) or organisation (it, they, we) named last before it in this or the previous paragraph.
pub(crate) fn entity(ctx: &Ctx, s: (usize, usize), mentions: &[&Mention]) -> Option<String> {
    // `mentions` is sorted by start; nested mentions may overlap, so look back a little.
    // The mention must hold the phrase's head, its last word ("the New York businessman" is
    // not New York), or the role before a place it is sent to or stationed in: "Russia's
    // envoy to Ukraine" is not Ukraine.
    let (a, b) = (ctx.tok_at(s.0), ctx.tok_at(s.1));
    let head = role_head(ctx, a, b, mentions).unwrap_or(b.saturating_sub(1));
    let (head_start, head_end) = ctx
        .toks
        .get(head)
        .map_or((s.0, s.1), |t| (t.s.max(s.0), t.e.min(s.1)));
    let idx = mentions.partition_point(|m| m.span.start < head_end);
    let holding = || {
        mentions[..idx]
            .iter()
            .rev()
            .take_while(|m| m.span.start + 300 > s.0)
            .filter(|m| m.span.end > head_start)
    };
    let own = holding().filter(|m| m.entity.is_some()).max_by_key(|m| {
        (
            m.kind == "PERSON",
            m.span.end.min(s.1) - m.span.start.max(s.0),
        )
    });
    if let Some(m) = own {
        return m.entity.clone();
    }
    // A role without a known holder ("the Chinese ambassador"): the person the text named
    // in apposition to the same role earlier.
    if let Some(m) = holding().find(|m| m.kind == "AGENT") {
        return role_holder(ctx, m, mentions);
    }
    let word = ctx.text.get(s.0..s.1)?.to_lowercase();
    let kinds: &[&str] = match word.as_str() {
        "he" | "she" | "i" | "who" => &["PERSON", "AGENT"],
        "it" | "they" | "we" | "which" => &["ORG", "GPE"],
        _ => return None,
    };
    let floor = previous_paragraph_start(ctx.text, s.0);
    mentions[..idx]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= floor)
        .filter(|m| m.span.end <= s.0)
        .find(|m| m.entity.is_some() && kinds.contains(&m.kind.as_str()))
        .and_then(|m| m.entity.clone())
}

/// The role word that heads a speaker phrase before a place it is sent to or stationed in
/// ("ambassador to the United States", "envoy in Kyiv"): the token before the preposition,
/// when a role mention holds it and no person is named after it.
fn role_head(ctx: &Ctx, a: usize, b: usize, mentions: &[&Mention]) -> Option<usize> {
    let p = (a + 1..b).find(|&t| ctx.is_word(t) && matches!(ctx.w(t), "to" | "in" | "at"))?;
    let (ps, pe, end) = (ctx.toks[p - 1].s, ctx.toks[p - 1].e, ctx.toks[b - 1].e);
    let lo = mentions.partition_point(|m| m.span.end + 300 < ps);
    let near = || mentions[lo..].iter().take_while(|m| m.span.start < end);
    let role = near().any(|m| m.kind == "AGENT" && m.span.start < pe && m.span.end >= pe);
    let person_after = near().any(|m| m.kind == "PERSON" && m.span.start > pe);
    (role && !person_after).then_some(p - 1)
}

/// The holder of a role mention without an entity: the person named right next to an earlier
/// mention of the same role (same country or organisation code, same last word), as in
/// "China's ambassador to the United States, Qin Gang" or "Qin Gang, China's ambassador".
fn role_holder(ctx: &Ctx, role: &Mention, mentions: &[&Mention]) -> Option<String> {
    let code = role.actor.as_ref()?.code.as_deref()?;
    let last = |m: &Mention| {
        ctx.text
            .get(m.span.start..m.span.end)
            .and_then(|t| t.rsplit(' ').next())
            .map(str::to_lowercase)
    };
    let word = last(role)?;
    let before = mentions.partition_point(|m| m.span.start < role.span.start);
    // A bounded look back: roles are named within an article, and a long text stays linear.
    let from = before.saturating_sub(400);
    for (i, m) in mentions[from..before].iter().enumerate().rev() {
        let i = i + from;
        let same = m.kind == "AGENT"
            && m.actor.as_ref().and_then(|a| a.code.as_deref()) == Some(code)
            && last(m).as_deref() == Some(word.as_str());
        if !same {
            continue;
        }
        // The nearest person after (within the role's phrase and a comma) or before it.
        let lo = i.saturating_sub(4);
        let hi = (i + 8).min(before);
        let person = mentions[lo..hi]
            .iter()
            .filter(|p| p.kind == "PERSON" && p.entity.is_some())
            .filter(|p| {
                let gap = if p.span.start >= m.span.end {
                    ctx.text.get(m.span.end..p.span.start)
                } else if p.span.end <= m.span.start {
                    ctx.text.get(p.span.end..m.span.start)
                } else {
                    None
                };
                // Only words of the role's phrase, a comma or "'s" between them.
                gap.is_some_and(|g| {
                    g.len() <= 60
                        && !g.contains([';', '\n', '('])
                        && !g.contains(". ")
                        && (g.trim().is_empty() || g.contains(','))
                })
            })
            .min_by_key(|p| p.span.start.abs_diff(m.span.start));
        if let Some(p) = person {
            return p.entity.clone();
        }
    }
    None
}

/// A unit that is only a quotation, continuing the direct quote `prev` of the unit before it
/// in the same paragraph: the new end of `prev`'s content.
pub(crate) fn follow_on(ctx: &Ctx, u: Unit, prev: &Found) -> Option<usize> {
    let first = ctx.trim_start(u.a, u.b)?;
    let r = ctx.region_of(first)?;
    let region = ctx.regions[r];
    let last = ctx.trim_end(first, u.b)?;
    if ctx.region_of(last) != Some(r) || ctx.words_in(u.a, u.b) < 3 {
        return None;
    }
    let (ps, pe) = prev.content;
    // The previous quote was itself quoted, and nothing but its cue separates them.
    marks::containing(&ctx.regions, pe.saturating_sub(1))?;
    if ps >= region.start || ctx.text[pe..region.start].contains('\n') {
        return None;
    }
    Some(region.end)
}
