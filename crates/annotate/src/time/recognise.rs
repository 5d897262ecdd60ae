//! Finding temporal expressions: one compiled-once regex whose alternatives are the expression
//! kinds, tried in priority order at each position, so the whole text is scanned in one pass of
//! the lazy DFA; captures are only computed for the (rare) matches.

use super::first::FirstWords;
use regex::Regex;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::{hybrid, meta, Anchored, Input, Match, PatternID};
use regex_syntax::hir::Hir;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

/// Units of calendar arithmetic and durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A relational word in front of a weekday, month or season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// None given: the clause's tense decides.
    Tense,
    /// "last", "past", "this past".
    Last,
    /// "next", "coming", "this coming".
    Next,
    /// "this": the one of the current period.
    This,
}

/// What an expression says, before it is anchored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// Explicit calendar pieces; a missing year is anchored (`wd`: a weekday named with it,
    /// which picks the year).
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
        rel: Rel,
        wd: Option<u32>,
    },
    /// "December", "last November", "October last year" (`year_rel` -1/0/+1).
    Month {
        month: u32,
        rel: Rel,
        year: Option<i32>,
        year_rel: Option<i32>,
    },
    Year(i32),
    /// "the 1990s" → 199.
    Decade(i32),
    /// Two-digit decade ("the '80s"): the century comes from the anchor.
    ShortDecade(i32),
    /// "the 20th century" → 19.
    Century(i32),
    Weekday {
        wd: u32,
        rel: Rel,
        part: Option<&'static str>,
    },
    /// Quarter `n` (None = the quarter under discussion); `year_shift` for "last year's",
    /// "year-earlier"; `current` for "this/current quarter", `latest` for the one just ended;
    /// `period` when the noun was "period", which is a quarter only in a quarterly report.
    Quarter {
        n: Option<u32>,
        year: Option<i32>,
        year_shift: i32,
        current: bool,
        latest: bool,
        period: bool,
    },
    Half {
        n: u32,
        year: Option<i32>,
    },
    Season {
        season: &'static str,
        rel: Rel,
        year: Option<i32>,
    },
    Holiday {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// today (0), yesterday (-1) ... with an optional part of the day (TMO, TNI ...).
    DayRel {
        offset: i64,
        part: Option<&'static str>,
    },
    /// "last week", "this month", "next year": relative to the DCT.
    UnitRel {
        unit: Unit,
        offset: i64,
    },
    /// "the next day", "that year", "the following week": relative to the last date in the text.
    Anaphor {
        unit: Unit,
        offset: i64,
    },
    /// "three years ago" (from the DCT) / "a year earlier" (from the last date in the text).
    Shift {
        n: Option<f64>,
        unit: Unit,
        sign: i64,
        from_ref: bool,
    },
    /// "year-earlier": one year before the period under discussion.
    YearEarlier,
    /// "the weekend", "over the weekend": the past or the coming one, by the clause.
    TheWeekend,
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
    Set(String),
    /// A weekday set ("every Sunday", "on Sundays").
    WeekdaySet(u32),
    Fixed(&'static str),
    /// A clock time; `wd` is a weekday named with it ("3 p.m. Friday").
    Time {
        hour: u32,
        minute: u32,
        wd: Option<u32>,
    },
    /// An ISO 8601 date (or date-time) written out, kept as it is.
    Iso(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

const MON: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const WD: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2})";
const NW: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)";
const ORDW: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)";
const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century|millennia|millennium)";
const DURPRE: &str = r"(?:(?:more|less|fewer)\s+than|at\s+least|at\s+most|no\s+more\s+than|up\s+to|about|around|nearly|almost|roughly|approximately|some|only|just|barely|another|an\s+additional|a\s+further)";
/// Optional modifier that TimeML keeps inside the extent without changing the value.
const MOD: &str = r"(?:(?:the\s+)?(?:early|late|mid|middle)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle|turn|close|rest|remainder)\s+of\s+(?:the\s+)?|(?:earlier|later)\s+(?:in\s+)?)";

/// Years spoken out, as broadcast transcripts write them ("nineteen ninety-six").
const YEARW: &str = r"(?:(?:nineteen|eighteen)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)";

/// The expression kinds, one regex alternative each, in priority order. Repetitions of words
/// are bounded ("the comparable year-ago quarter" has three modifiers, "one hundred and
/// twenty-five" six number words): an unbounded one lets a long list ("the the the ...",
/// "1999 2000 2001 ...") keep every anchored search alive to its end, which is quadratic.
fn rules() -> Vec<String> {
    let num = format!(
        r"(?:[0-9]+(?:[.,][0-9]+){{0,4}}(?:\s+[0-9]/[0-9])?|a\s+couple\s+of|a\s+few|a\s+hundred|a\s+thousand|(?:one|a)\s+and\s+a\s+half|{NW}(?:[\s-]+(?:and\s+)?{NW}){{0,5}}|couple\s+of|a|an|few|several|many|some)"
    );
    let b = r"(?-u:\b)";
    let p = format!(
        r"
          (?P<iso>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?){b}
        | (?P<sl>(?P<slm>[0-9]{{1,2}})/(?P<sld>[0-9]{{1,2}})/(?P<sly>[0-9]{{4}}|[0-9]{{2}})){b}
        | (?P<tm>(?:(?:around|about|approximately)\s+)?(?P<th>[0-9]{{1,2}})(?:[:.](?P<tmi>[0-9]{{2}}))?\s*(?:[ap]\.m\.|[ap]\.m{b}|[ap]m{b})
              (?:\s+(?:[ecmp][sd]t|gmt|utc){b})?(?:,?\s+(?:on\s+)?(?P<twd>{WD}){b})?)
        | (?P<tnoon>noon|midnight|midday){b}(?:,?\s+(?:on\s+)?(?P<tnwd>{WD}){b})?
        | (?P<set>(?:every|each)\s+(?:other\s+)?(?:(?P<setn>{num})\s+)?(?P<setu>{UNIT}|{WD}|{MON}){b}
              | (?P<seta>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|semi-annually|biannually){b}
              | (?:once|twice|(?:three|four|five|six|several|[0-9]+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<setu3>{UNIT}){b}
              | (?P<setwd>{WD})s{b})
        | (?P<wk>(?:(?P<wrel>this\s+past|this\s+coming|last|next|this|coming|past)\s+)?(?P<wd>{WD})(?:'s)?{b}
              (?:\s+(?P<wpart>morning|afternoon|evening|night){b})?
              (?:,?\s+(?P<wmon>{MON})\.?\s+(?P<wday>{DAY}){b}(?:,?\s+(?P<wyear>{YEAR}){b})?)?)
        | (?P<md>(?:(?P<mdrel>last|next|this\s+past|this\s+coming)\s+)?(?P<mdmon>{MON})\.?\s+(?P<mdday>{DAY}){b}(?:,?\s+(?P<mdyear>{YEAR}){b})?)
        | (?P<dm>(?:the\s+)?(?P<dmday>{DAY})(?:\s+of)?\s+(?P<dmmon>{MON})(?:\.|{b})(?:,?\s+(?P<dmyear>{YEAR}){b})?)
        | (?P<cent>(?:the\s+)?(?:(?P<cn>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<cw>{ORDW}))[\s-]+century){b}
        | (?P<dec>(?:the\s+)?'?(?:(?P<dec4>[12][0-9]{{2}})0'?s|(?P<dec2>[0-9])0'?s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))){b}
        | (?P<half>(?:the\s+)?(?P<hn>first|second|last|latter)\s+half{b}(?:\s+of\s+(?:(?:the|this|last|next)\s+year|(?P<hy>{YEAR})){b})?)
        | (?P<q>(?P<qpre>(?:(?:the|its|this|last|next|that|this\s+year's|last\s+year's|next\s+year's|year-earlier|year-ago|comparable|same|corresponding|fiscal|calendar|latest|current|most\s+recent|recent|previous|prior|{YEAR})[\s-]+){{0,4}})
              (?P<qn>first|second|third|fourth|1st|2nd|3rd|4th|final|last)?[\s-]*(?:(?:fiscal|calendar)[\s-]+)?(?P<qnoun>quarter|period){b}
              (?:\s+of\s+(?:fiscal\s+)?(?P<qyear>{YEAR}){b})?
            | (?P<qq>q[1-4]){b}(?:\s+(?P<qqy>{YEAR}){b})?)
        | (?P<mo>(?:(?P<morel>this\s+past|this\s+coming|last|next|this|past|coming)\s+)?(?P<mon>{MON})(?:\.|{b})
              (?:,?\s+(?:of\s+)?(?:(?P<moyear>{YEAR}){b}|(?P<moyw>{YEARW}){b}|(?P<moyrel>last|this|next)\s+year{b}|'(?P<moy2>[0-9]{{2}}){b}))?)
        | (?P<sea>(?:(?P<srel>this\s+past|this\s+coming|last|next|this|past|coming|the)\s+)?(?P<season>spring|summer|fall|autumn|winter){b}(?:\s+(?:of\s+)?(?:(?P<syear>{YEAR})|(?P<syw>{YEARW})){b})?)
        | (?P<hol>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|independence\s+day|valentine's\s+day|halloween|labor\s+day|memorial\s+day){b}(?:\s+(?P<holy>{YEAR}){b})?
        | (?P<dr>(?P<drw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|overnight){b}(?:\s+(?P<drp>morning|afternoon|evening|night){b})?)
        | (?P<pd>(?P<pdrel>this|last)\s+(?P<pdp>morning|afternoon|evening|night)){b}
        | (?P<sh>(?:{DURPRE}\s+)?(?:(?P<shn>{num})[\s-]+)?(?P<shu>{UNIT}){b}(?:\s+or\s+so)?\s+(?P<shd>ago|earlier|later|from\s+now|hence|before|after|back)){b}
        | (?P<ye>year-(?:earlier|ago)){b}
        | (?P<yend>(?:the\s+)?year(?:[\s-]end|'s\s+end)){b}
        | (?P<theyear>the\s+(?P<tyq>full\s+|fiscal\s+|current\s+|latest\s+fiscal\s+)?year){b}(?:(?P<tyend>\s+(?:ended|ending){b})|\s+(?:(?P<tyy>{YEAR})|(?P<tyw>{YEARW})){b})?
        | (?P<term>the\s+(?:near|short)\s+term){b}
        | (?P<ur>(?P<urrel>this\s+past|this\s+coming|this|last|next|past|coming|current|previous|following|that|same|the\s+(?:past|last|next|coming|previous|following|current|same|latest|prior|preceding)|the)
              \s+(?P<uru>weekend|week|month|year|decade|century|fiscal\s+year|day|morning|night|evening|afternoon){b}(?:\s+(?P<urba>before|after){b})?)
        | (?P<du>(?:{DURPRE}\s+)?(?:(?:the|its|their|his|her|this)\s+)?
              (?:(?P<dupre>past\s+several|last\s+several|past|last|next|coming|first|previous|following|final|latest|initial|remaining|additional|recent|same)\s+)?
              (?:(?:over|under|within)\s+)?(?:(?P<dun>{num})[\s-]+)?(?:(?:more|full|straight|consecutive|trading|business|calendar|long|short|additional|extra)\s+)?(?P<duu>{UNIT}){b}(?:\s+or\s+(?:so|more|longer){b})?)
        | (?P<pres>right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|current|the\s+present(?:\s+(?:time|day))?){b}
        | (?P<pastref>more\s+recently|recently|lately|the\s+past){b}
        | (?P<futref>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future){b}
        | (?P<yr>(?:(?P<yfis>fiscal(?:\s+year)?|fy|calendar(?:\s+year)?|the\s+year|model\s+year)[\s-]*)?(?:(?P<year>{YEAR})|(?P<yearw>{YEARW}))){b}"
    );
    p.split("\n        | ").map(str::to_string).collect()
}

/// The recogniser: one multi-pattern regex (one pattern per kind, same semantics as their
/// alternation) finds matches by an anchored lazy-DFA search at each word start that can begin
/// an expression, and says which kind matched; that kind's own regex then gives the captures,
/// over the match only. Capturing with the whole alternation would run the capture engine over
/// its large NFA for every match, which costs more than the scan itself.
struct Recogniser {
    /// All kinds at once, forward only: anchored searches need no reverse automaton.
    all: hybrid::dfa::DFA,
    /// Each kind's own regex, built the first time the kind matches.
    kinds: Vec<(Hir, OnceLock<Kind>)>,
    /// The words a match can begin with: other word starts are not searched.
    first: FirstWords,
}

/// One expression kind: its regex and its named groups, looked up by their names packed in an
/// integer (a dozen short names compare faster than they hash).
struct Kind {
    re: meta::Regex,
    names: Vec<(u64, usize)>,
}

/// A group name as an integer: its first eight bytes and its length (a constant where the
/// name is one).
const fn name_key(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        k |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    k ^ ((b.len() as u64) << 59)
}

impl Kind {
    fn new(h: &Hir) -> Kind {
        let re = meta::Regex::builder()
            .configure(
                meta::Config::new()
                    .auto_prefilter(false)
                    .hybrid(false)
                    .dfa(false)
                    .nfa_size_limit(Some(32 << 20)),
            )
            .build_from_hir(h)
            .expect("time pattern");
        let names: Vec<(u64, usize)> = re
            .group_info()
            .pattern_names(PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, n)| Some((name_key(n?), i)))
            .collect();
        // Names are short and distinct: their keys are too.
        debug_assert!(names
            .iter()
            .enumerate()
            .all(|(i, a)| names[..i].iter().all(|b| a.0 != b.0)));
        Kind { re, names }
    }
}

static RE: LazyLock<Recogniser> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let kinds: Vec<String> = rules()
        .iter()
        .map(|r| format!("(?ix){b}(?P<mod>{MOD})?(?:{r})"))
        .collect();
    // ASCII only: Unicode classes and case folding would multiply the DFA's states. Each
    // pattern is parsed once, for the scan, for its captures and for the prefilter.
    let hirs: Vec<Hir> = kinds
        .iter()
        .map(|k| {
            regex_syntax::ParserBuilder::new()
                .unicode(false)
                .build()
                .parse(k)
                .expect("time pattern")
        })
        .collect();
    // The scan needs no groups; the cache is large enough never to be cleared in practice, and
    // is never given up.
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(64 << 20)),
        )
        .build_many_from_hir(&hirs)
        .expect("time patterns");
    let all = hybrid::dfa::DFA::builder()
        .configure(
            hybrid::dfa::DFA::config()
                .cache_capacity(32 << 20)
                .minimum_cache_clear_count(None),
        )
        .build_from_nfa(nfa)
        .expect("time patterns");
    let first = FirstWords::new(&hirs);
    let kinds = hirs.into_iter().map(|h| (h, OnceLock::new())).collect();
    Recogniser { all, kinds, first }
});

/// Search state, one per thread: the lazy DFA's states stay built from one text to the next.
struct Caches {
    all: hybrid::dfa::Cache,
    kinds: Vec<Option<(meta::Cache, Captures)>>,
    /// The groups of matches seen before, by kind and matched text, relative to the match's
    /// start. A match's groups depend on nothing else: every pattern begins with a word
    /// boundary, which holds at the match's start, and the capture search ends at its end.
    /// News repeats its dates ("Monday", "last year", "2014"), so most matches are found here.
    memo: HashMap<(usize, Box<[u8]>), Groups>,
}

/// The spans of a match's groups, relative to its start.
type Groups = Box<[Option<(usize, usize)>]>;

/// The memo is cleared when it holds this many matches.
const MEMO_MAX: usize = 1 << 14;

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::new(Caches {
        all: RE.all.create_cache(),
        kinds: RE.kinds.iter().map(|_| None).collect(),
        memo: HashMap::new(),
    });
}

/// A match of one part of an expression.
#[derive(Debug, Clone, Copy)]
pub(crate) struct M<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> M<'t> {
    pub(crate) fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
}

/// The groups of one match of a kind.
pub(crate) struct Caps<'t, 'k> {
    text: &'t str,
    kind: &'k Kind,
    /// Where the match starts, and its groups relative to that.
    base: usize,
    groups: &'k [Option<(usize, usize)>],
}

impl<'t> Caps<'t, '_> {
    fn get(&self, i: usize) -> Option<M<'t>> {
        let (start, end) = (*self.groups.get(i)?)?;
        Some(M {
            text: self.text,
            start: self.base + start,
            end: self.base + end,
        })
    }
    #[inline(always)]
    fn name(&self, name: &str) -> Option<M<'t>> {
        let key = name_key(name);
        let &(_, i) = self.kind.names.iter().find(|(n, _)| *n == key)?;
        self.get(i)
    }
}

/// "May 16 and 17": a second day of the same month right after a month-day.
static NEXT_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:and|or|to|through|-|–)\s*([0-9]{1,2})(?:st|nd|rd|th)?(?-u:\b)")
        .expect("next-day pattern")
});

pub(crate) fn scan(text: &str) -> Vec<Hit> {
    CACHES.with_borrow_mut(|c| scan_with(text, c, true))
}

/// [`scan`] without the first-word prefilter: every word start is searched.
#[cfg(test)]
pub(crate) fn scan_every_word(text: &str) -> Vec<Hit> {
    CACHES.with_borrow_mut(|c| scan_with(text, c, false))
}

/// Forgets the groups of the matches seen so far.
#[cfg(test)]
pub(crate) fn clear_memo() {
    CACHES.with_borrow_mut(|c| c.memo.clear());
}

/// Whether a word can begin an expression, by the prefilter.
#[cfg(test)]
pub(crate) fn may_begin(word: &str) -> bool {
    let n = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    RE.first.may_start(word.as_bytes(), 0, n)
}

fn scan_with(text: &str, caches: &mut Caches, prefilter: bool) -> Vec<Hit> {
    let first = prefilter.then_some(&RE.first);
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        // Anchored searches at word starts only: an unanchored search makes the lazy DFA
        // track every partial match at once, and building those states costs more than
        // trying each word.
        let bytes = text.as_bytes();
        let Some(start) = next_candidate(text, pos, first) else {
            break;
        };
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        // The DFA never fails here: its patterns are ASCII (no quit bytes) and it never gives
        // up on its cache.
        let Some(hm) = RE
            .all
            .try_search_fwd(&mut caches.all, &input)
            .ok()
            .flatten()
        else {
            pos = next_word(text, start);
            continue;
        };
        let m = Match::new(hm.pattern(), start..hm.offset());
        let pid = m.pattern().as_usize();
        let c = RE.kinds.get(pid).and_then(|(h, kind)| {
            let k = kind.get_or_init(|| Kind::new(h));
            let key = (pid, Box::from(&bytes[m.start()..m.end()]));
            if !caches.memo.contains_key(&key) {
                let (cache, caps) = caches
                    .kinds
                    .get_mut(pid)?
                    .get_or_insert_with(|| (k.re.create_cache(), k.re.create_captures()));
                let input = Input::new(&text[..m.end()])
                    .span(m.start()..m.end())
                    .anchored(Anchored::Yes);
                k.re.search_captures_with(cache, &input, caps);
                if !caps.is_match() {
                    return None;
                }
                let groups = (0..caps.group_len())
                    .map(|i| {
                        caps.get_group(i)
                            .map(|sp| (sp.start - m.start(), sp.end - m.start()))
                    })
                    .collect();
                if caches.memo.len() >= MEMO_MAX {
                    caches.memo.clear();
                }
                caches.memo.insert(key.clone(), groups);
            }
            Some(Caps {
                text,
                kind: k,
                base: m.start(),
                groups: caches.memo.get(&key)?,
            })
        });
        let Some(expr) = c.as_ref().and_then(|c| interpret(text, c)) else {
            // A rejected reading ("over the weekend" is no duration) may hide another one that
            // starts later inside it: go on from the next word.
            pos = next_word(text, m.start());
            continue;
        };
        let Some(c) = c else { break };
        pos = m.end();
        let mut hit = Hit {
            start: m.start(),
            end: m.end(),
            expr,
        };
        // "two days after the talks": "after" is a preposition, not part of the expression.
        if let (Some(d), Expr::Shift { n, unit, .. }) = (c.name("shd"), &hit.expr) {
            let dw = d.as_str().to_ascii_lowercase();
            if (dw == "before" || dw == "after")
                && text[m.end()..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_alphanumeric())
            {
                let end = c.name("shu").map_or(m.end(), |u| u.end());
                hit.expr = Expr::Duration { n: *n, unit: *unit };
                hit.end = end;
            }
        }
        let second = match (&hit.expr, c.name("md")) {
            (
                Expr::Date {
                    year, month, rel, ..
                },
                Some(_),
            ) if c.name("mdyear").is_none() => NEXT_DAY.captures(&text[hit.end..]).and_then(|n| {
                let g = n.get(1)?;
                let day: u32 = g.as_str().parse().ok()?;
                (1..=31).contains(&day).then(|| Hit {
                    start: hit.end + g.start(),
                    end: hit.end + g.end(),
                    expr: Expr::Date {
                        year: *year,
                        month: *month,
                        day,
                        rel: *rel,
                        wd: None,
                    },
                })
            }),
            _ => None,
        };
        out.push(hit);
        out.extend(second);
    }
    out
}

const ALPHA: u8 = 1;
const ALNUM: u8 = 2;
/// A byte that can begin a word: a letter, a digit or a quote ("'80s").
const START: u8 = 4;
const NON_ASCII: u8 = 8;

/// Byte classes for the word loop.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            ALPHA | ALNUM | START
        } else if b.is_ascii_digit() {
            ALNUM | START
        } else if b == b'\'' {
            START
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The first word start at or after `pos`: a letter, digit or quote that does not follow an
/// ASCII letter or digit or a non-ASCII byte.
fn word_start(bytes: &[u8], pos: usize) -> Option<usize> {
    (pos..bytes.len()).find(|&i| {
        CLASS[usize::from(bytes[i])] & START != 0
            && (i == 0 || CLASS[usize::from(bytes[i - 1])] & (ALNUM | NON_ASCII) == 0)
    })
}

/// The first word start at or after `pos` that can begin a match by `first` (any word start
/// without it). Skipping a word is [`next_word`], done in place for ASCII text.
#[inline]
fn next_candidate(text: &str, pos: usize, first: Option<&FirstWords>) -> Option<usize> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut start = word_start(bytes, pos)?;
    let Some(first) = first else {
        return Some(start);
    };
    loop {
        let mut i = start;
        while i < n && CLASS[usize::from(bytes[i])] & ALPHA != 0 {
            i += 1;
        }
        if first.may_start(bytes, start, i - start) {
            return Some(start);
        }
        while i < n && CLASS[usize::from(bytes[i])] & ALNUM != 0 {
            i += 1;
        }
        while i < n && CLASS[usize::from(bytes[i])] & (ALNUM | NON_ASCII) == 0 {
            i += 1;
        }
        if i == n {
            return None;
        }
        start = if CLASS[usize::from(bytes[i])] & ALNUM != 0 {
            // At least one ASCII non-alphanumeric byte was skipped (a word begins with a
            // letter, digit or quote, and its alphanumerics were skipped before): `i` begins
            // the next word.
            i
        } else {
            word_start(bytes, next_word_chars(text, start))?
        };
    }
}

/// The start of the word after the one at `at` (or the end of the text).
fn next_word(text: &str, at: usize) -> usize {
    next_word_after(text, at, 0)
}

/// [`next_word`], knowing that the word at `at` begins with `skip` ASCII letters.
fn next_word_after(text: &str, at: usize, skip: usize) -> usize {
    // ASCII text, byte by byte; anything else takes the general way.
    let b = text.as_bytes();
    let mut i = at + skip;
    while i < b.len() && CLASS[usize::from(b[i])] & ALNUM != 0 {
        i += 1;
    }
    while i < b.len() && CLASS[usize::from(b[i])] & (ALNUM | NON_ASCII) == 0 {
        i += 1;
    }
    if i == b.len() || CLASS[usize::from(b[i])] & ALNUM != 0 {
        return i.max(at + 1);
    }
    next_word_chars(text, at)
}

fn next_word_chars(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let skip = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let after = &rest[skip..];
    let skip2 = after
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(after.len());
    // Always move forward, even on a match that starts with punctuation.
    (at + skip + skip2).max(at + rest.chars().next().map_or(1, char::len_utf8))
}

fn lower(c: &Caps, name: &str) -> Option<String> {
    c.name(name).map(|m| m.as_str().to_ascii_lowercase())
}

fn num(c: &Caps, name: &str) -> Option<i64> {
    c.name(name)?.as_str().parse().ok()
}

fn year(c: &Caps, name: &str) -> Option<i32> {
    c.name(name)?.as_str().parse().ok()
}

/// A year written out ("nineteen ninety-six", "two thousand and one").
fn spoken_year(s: &str) -> Option<i32> {
    let l = s.to_ascii_lowercase();
    let mut parts = l.splitn(2, |ch: char| ch.is_whitespace() || ch == '-');
    let head = parts.next()?;
    let tail = parts.next().unwrap_or("").trim();
    let y = if head == "two" {
        let rest = tail.trim_start_matches("thousand").trim();
        let rest = rest.trim_start_matches("and").trim();
        2000.0
            + if rest.is_empty() {
                0.0
            } else {
                parse_number(rest)?
            }
    } else {
        let century = parse_number(head)?;
        let rest = if tail == "hundred" {
            0.0
        } else {
            parse_number(tail)?
        };
        century * 100.0 + rest
    };
    Some(y as i32)
}

/// A year group in digits (`name`) or spoken (`spoken`).
fn any_year(c: &Caps, name: &str, spoken: &str) -> Option<i32> {
    year(c, name).or_else(|| spoken_year(c.name(spoken)?.as_str()))
}

/// Months are capitalised in news; lower-case "may", "march" are other words.
fn month_of(c: &Caps, name: &str) -> Option<u32> {
    let m = c.name(name)?.as_str();
    if !m.starts_with(|ch: char| ch.is_ascii_uppercase()) {
        return None;
    }
    let l = m.to_ascii_lowercase();
    let idx = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|p| l.starts_with(p))?;
    Some(idx as u32 + 1)
}

pub(crate) fn weekday_index(w: &str) -> Option<u32> {
    let l = w.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|p| l.starts_with(p))
        .map(|i| i as u32 + 1)
}

fn rel(s: Option<String>) -> Rel {
    match s.as_deref().map(str::trim) {
        None => Rel::Tense,
        Some(r) if r.ends_with("past") || r == "last" => Rel::Last,
        Some(r) if r.ends_with("coming") || r == "next" => Rel::Next,
        Some("this") => Rel::This,
        _ => Rel::Tense,
    }
}

fn unit_of(s: &str) -> Option<Unit> {
    let l = s.to_ascii_lowercase();
    let u = match l.trim_end_matches('s') {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" | "night" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "fortnight" => return Some(Unit::Week),
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        "millennium" | "millennia" => Unit::Millennium,
        _ => return None,
    };
    Some(u)
}

const NUM_WORDS: [(&str, f64); 28] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("a", 1.0),
];

/// The value of a number phrase; `None` for vague ones ("several", "a few").
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    let l = l.trim();
    if l.starts_with(|c: char| c.is_ascii_digit()) {
        let mut parts = l.split_whitespace();
        let whole: f64 = parts.next()?.replace(',', "").parse().ok()?;
        let frac = match parts.next() {
            Some(f) => {
                let (a, b) = f.split_once('/')?;
                let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            None => 0.0,
        };
        return Some(whole + frac);
    }
    match l {
        "a" | "an" => return Some(1.0),
        "a couple of" | "couple of" => return Some(2.0),
        "a hundred" => return Some(100.0),
        "a thousand" => return Some(1000.0),
        "one and a half" | "a and a half" => return Some(1.5),
        "few" | "a few" | "several" | "many" | "some" => return None,
        _ => {}
    }
    // Word numbers: sums of tens and units, times hundreds/thousands.
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false;
    for w in l.split(|c: char| c == '-' || c.is_whitespace()) {
        match w {
            "" | "and" => {}
            "hundred" => cur = if cur == 0.0 { 100.0 } else { cur * 100.0 },
            "thousand" => {
                total += if cur == 0.0 { 1000.0 } else { cur * 1000.0 };
                cur = 0.0;
            }
            _ => cur += NUM_WORDS.iter().find(|(k, _)| *k == w)?.1,
        }
        any = true;
    }
    any.then_some(total + cur)
}

fn ordinal(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let digits: String = l.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let words = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    words.iter().position(|w| *w == l).map(|i| i as u32 + 1)
}

fn preceding_word(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].to_ascii_lowercase()
}

fn part_code(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn interpret(text: &str, c: &Caps) -> Option<Expr> {
    let whole = c.get(0)?;
    let has_mod = c.name("mod").is_some();
    // Common words capitalised inside a sentence are names ("This Week", "VOA Today").
    if [
        "dr", "pd", "ur", "du", "sh", "pres", "pastref", "futref", "tnoon",
    ]
    .iter()
    .any(|g| c.name(g).is_some())
        && looks_like_name(text, whole.start(), whole.as_str())
    {
        return None;
    }
    if let Some(m) = c.name("iso") {
        let s = m.as_str();
        let (y, mo, d) = (
            s[0..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        );
        chrono::NaiveDate::from_ymd_opt(y, mo, d)?;
        return Some(Expr::Iso(s.to_string()));
    }
    if c.name("sl").is_some() {
        let (m, d) = (num(c, "slm")? as u32, num(c, "sld")? as u32);
        let ys = c.name("sly")?.as_str();
        let mut y: i32 = ys.parse().ok()?;
        if ys.len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        return Some(Expr::Date {
            year: Some(y),
            month: m,
            day: d,
            rel: Rel::Tense,
            wd: None,
        });
    }
    if c.name("tm").is_some() {
        let mut hour = num(c, "th")? as u32;
        let minute = num(c, "tmi").unwrap_or(0) as u32;
        let s = whole.as_str().to_ascii_lowercase();
        let pm = s.contains("p.m") || s.contains("pm");
        if !(1..=12).contains(&hour) || minute > 59 {
            return None;
        }
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
        let wd = c.name("twd").and_then(|w| weekday_index(w.as_str()));
        return Some(Expr::Time { hour, minute, wd });
    }
    if let Some(n) = lower(c, "tnoon") {
        let hour = if n == "midnight" { 24 } else { 12 };
        return Some(Expr::Time {
            hour,
            minute: 0,
            wd: c.name("tnwd").and_then(|w| weekday_index(w.as_str())),
        });
    }
    if c.name("set").is_some() {
        if let Some(a) = c.name("seta") {
            // "China Daily", "Weekly Standard": capitalised, these are names.
            if a.as_str().starts_with(|ch: char| ch.is_ascii_uppercase())
                && !sentence_initial(text, a.start())
            {
                return None;
            }
            let v = match a.as_str().to_ascii_lowercase().as_str() {
                "daily" => "P1D",
                "weekly" => "P1W",
                "biweekly" => "P2W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "hourly" => "PT1H",
                "nightly" => "P1D",
                "semiannually" | "semi-annually" | "biannually" => "P6M",
                _ => "P1Y",
            };
            return Some(Expr::Set(v.into()));
        }
        if let Some(w) = c.name("setwd") {
            return Some(Expr::WeekdaySet(weekday_index(w.as_str())?));
        }
        let u = c.name("setu").or_else(|| c.name("setu3"))?;
        if let Some(wd) = weekday_index(u.as_str()).filter(|_| unit_of(u.as_str()).is_none()) {
            if u.as_str().len() > 5 {
                return Some(Expr::WeekdaySet(wd));
            }
        }
        if let Some(m) = month_of(c, "setu") {
            return Some(Expr::Set(format!("XXXX-{m:02}")));
        }
        let unit = unit_of(u.as_str())?;
        let n = match c.name("setn") {
            Some(n) => parse_number(n.as_str())?,
            None if whole.as_str().to_ascii_lowercase().contains("other") => 2.0,
            None => 1.0,
        };
        return Some(Expr::Set(super::normalise::duration_value(Some(n), unit)?));
    }
    if c.name("wk").is_some() {
        let wd = weekday_index(c.name("wd")?.as_str())?;
        if c.name("wmon").is_some() {
            let month = month_of(c, "wmon")?;
            let day = ordinal(c.name("wday")?.as_str())?;
            return Some(Expr::Date {
                year: year(c, "wyear"),
                month,
                day,
                rel: Rel::Tense,
                wd: Some(wd),
            });
        }
        return Some(Expr::Weekday {
            wd,
            rel: rel(lower(c, "wrel")),
            part: c.name("wpart").and_then(|p| part_code(p.as_str())),
        });
    }
    if c.name("md").is_some() {
        return Some(Expr::Date {
            year: year(c, "mdyear"),
            month: month_of(c, "mdmon")?,
            day: ordinal(c.name("mdday")?.as_str())?,
            rel: rel(lower(c, "mdrel")),
            wd: None,
        });
    }
    if c.name("dm").is_some() {
        let mon = c.name("dmmon")?.as_str();
        // A bare number before an abbreviation is rarely a date ("5 Mar" is, "3 may" is not).
        if mon.len() <= 3 && c.name("dmyear").is_none() && !whole.as_str().ends_with('.') {
            return None;
        }
        return Some(Expr::Date {
            year: year(c, "dmyear"),
            month: month_of(c, "dmmon")?,
            day: ordinal(c.name("dmday")?.as_str())?,
            rel: Rel::Tense,
            wd: None,
        });
    }
    if c.name("cent").is_some() {
        let n = match c.name("cn") {
            Some(n) => n.as_str().parse::<i32>().ok()?,
            None => ordinal(c.name("cw")?.as_str())? as i32,
        };
        return (n >= 1).then_some(Expr::Century(n - 1));
    }
    if c.name("dec").is_some() {
        if let Some(d) = c.name("dec4") {
            return Some(Expr::Decade(d.as_str().parse().ok()?));
        }
        if let Some(d) = c.name("dec2") {
            // "80s" without "the" or an apostrophe is as often a temperature or an age.
            let s = whole.as_str();
            if !s.contains('\'') && !s.to_ascii_lowercase().starts_with("the") && !has_mod {
                return None;
            }
            return Some(Expr::ShortDecade(d.as_str().parse().ok()?));
        }
        let w = lower(c, "decw")?;
        let d = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]
        .iter()
        .position(|x| *x == w)? as i32
            + 2;
        return Some(Expr::ShortDecade(d));
    }
    if c.name("half").is_some() {
        let n = if lower(c, "hn")? == "first" { 1 } else { 2 };
        return Some(Expr::Half {
            n,
            year: year(c, "hy"),
        });
    }
    if c.name("q").is_some() {
        if let Some(q) = c.name("qq") {
            return Some(Expr::Quarter {
                n: q.as_str()[1..].parse().ok(),
                year: year(c, "qqy"),
                year_shift: 0,
                current: false,
                latest: false,
                period: false,
            });
        }
        let pre = lower(c, "qpre").unwrap_or_default();
        let qn = lower(c, "qn");
        if pre.trim().is_empty() && qn.is_none() {
            return None;
        }
        // "a quarter-century", "a quarter of a century" are durations, not quarters.
        let rest = text[whole.end()..].to_ascii_lowercase();
        if rest.starts_with("-century") || rest.starts_with(" of a century") {
            return None;
        }
        let n = match qn.as_deref() {
            Some("first" | "1st") => Some(1),
            Some("second" | "2nd") => Some(2),
            Some("third" | "3rd") => Some(3),
            Some("fourth" | "4th") => Some(4),
            // "the final/last quarter": the fourth of a year named, else the last one.
            Some(_) if c.name("qyear").is_some() => Some(4),
            _ => None,
        };
        let explicit_year = year(c, "qyear").or_else(|| {
            pre.split(|ch: char| !ch.is_ascii_digit())
                .find(|t| t.len() == 4)
                .and_then(|t| t.parse().ok())
        });
        let year_shift = if pre.contains("last year's")
            || pre.contains("year-earlier")
            || pre.contains("year-ago")
        {
            -1
        } else if pre.contains("next year's") {
            1
        } else {
            0
        };
        let current = pre.contains("this") || pre.contains("current");
        let latest = pre.contains("latest") || pre.contains("recent");
        let period = lower(c, "qnoun").as_deref() == Some("period");
        if period
            && (qn.is_some()
                || !(explicit_year.is_some()
                    || year_shift != 0
                    || latest
                    || ["comparable", "same", "corresponding"]
                        .iter()
                        .any(|w| pre.contains(w))))
        {
            return None;
        }
        let last = n.is_none()
            && (qn.as_deref() == Some("last") || pre.contains("last") || pre.contains("previous"));
        if last && !pre.contains("year's") {
            return Some(Expr::UnitRel {
                unit: Unit::Quarter,
                offset: -1,
            });
        }
        if pre.contains("next") && n.is_none() && !pre.contains("year's") {
            return Some(Expr::UnitRel {
                unit: Unit::Quarter,
                offset: 1,
            });
        }
        return Some(Expr::Quarter {
            n,
            year: explicit_year,
            year_shift,
            current,
            latest,
            period,
        });
    }
    if c.name("mo").is_some() {
        let month = month_of(c, "mon")?;
        let m = c.name("mon")?.as_str();
        let morel = lower(c, "morel");
        let y = any_year(c, "moyear", "moyw").or_else(|| {
            let y2: i32 = c.name("moy2")?.as_str().parse().ok()?;
            Some(if y2 < 50 { 2000 + y2 } else { 1900 + y2 })
        });
        let yrel = lower(c, "moyrel").map(|r| match r.as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
        let specified = y.is_some() || yrel.is_some() || morel.is_some() || has_mod;
        let long = m.len() > 3 || m.eq_ignore_ascii_case("may");
        if !long && !specified {
            return None;
        }
        if !specified
            && matches!(
                preceding_word(text, whole.start()).as_str(),
                "a" | "an" | "the"
            )
        {
            // "a March for Peace", "the May protests": a name or an attribute, not a date.
            return None;
        }
        if m.eq_ignore_ascii_case("may") && !specified {
            // The modal verb, capitalised at the start of a sentence or in a title.
            let pw = preceding_word(text, whole.start());
            if !matches!(
                pw.as_str(),
                "in" | "of"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "through"
                    | "to"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "and"
                    | "or"
                    | "between"
                    | "before"
                    | "after"
            ) {
                return None;
            }
        }
        return Some(Expr::Month {
            month,
            rel: rel(morel),
            year: y,
            year_rel: yrel,
        });
    }
    if c.name("sea").is_some() {
        let s = c.name("season")?;
        let srel = lower(c, "srel");
        let syear = any_year(c, "syear", "syw");
        if s.as_str().starts_with(|ch: char| ch.is_ascii_uppercase()) && syear.is_none() {
            // "Arab Spring", "Operation Winter ...": names.
            if !sentence_initial(text, s.start()) {
                return None;
            }
        }
        // "fall", "spring" are also verbs and nouns: want a determiner or a year.
        let bare = srel.is_none() && syear.is_none() && !has_mod;
        if bare {
            return None;
        }
        let season = match s.as_str().to_ascii_lowercase().as_str() {
            "spring" => "SP",
            "summer" => "SU",
            "fall" | "autumn" => "FA",
            _ => "WI",
        };
        return Some(Expr::Season {
            season,
            rel: if srel.as_deref() == Some("the") {
                Rel::Tense
            } else {
                rel(srel)
            },
            year: syear,
        });
    }
    if let Some(h) = lower(c, "hol") {
        let (month, day) = if h.starts_with("christmas eve") {
            (12, 24)
        } else if h.starts_with("christmas") {
            (12, 25)
        } else if h.starts_with("new year's eve") {
            (12, 31)
        } else if h.starts_with("new year") {
            (1, 1)
        } else if h.starts_with("independence") {
            (7, 4)
        } else if h.starts_with("valentine") {
            (2, 14)
        } else if h.starts_with("halloween") {
            (10, 31)
        } else if h.starts_with("thanksgiving") {
            (11, 0) // fourth Thursday: computed once the year is known
        } else if h.starts_with("labor") {
            (9, 0)
        } else {
            (5, 0)
        };
        return Some(Expr::Holiday {
            month,
            day,
            year: year(c, "holy"),
        });
    }
    if let Some(w) = lower(c, "drw") {
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        let (offset, mut part) = match w.as_str() {
            "today" => (0, None),
            "tonight" => (0, Some("NI")),
            "overnight" => (0, Some("NI")),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            "the day before yesterday" => (-2, None),
            _ => (2, None),
        };
        if let Some(p) = c.name("drp") {
            part = part_code(p.as_str());
        }
        return Some(Expr::DayRel { offset, part });
    }
    if c.name("pd").is_some() {
        let offset = if lower(c, "pdrel")? == "last" { -1 } else { 0 };
        let part = part_code(c.name("pdp")?.as_str())?;
        if offset == -1 && part != "NI" && part != "EV" {
            return None;
        }
        return Some(Expr::DayRel {
            offset,
            part: Some(part),
        });
    }
    if c.name("sh").is_some() {
        let unit = unit_of(c.name("shu")?.as_str())?;
        let n = match c.name("shn") {
            Some(n) => parse_number(n.as_str()),
            None => {
                // "years ago" needs a plural; "year ago" alone is a fragment.
                if !c.name("shu")?.as_str().ends_with('s') {
                    return None;
                }
                None
            }
        };
        let d = lower(c, "shd")?;
        let sign = if matches!(d.as_str(), "later" | "after" | "hence") || d.ends_with("now") {
            1
        } else {
            -1
        };
        let from_ref = !(d == "ago" || d.ends_with("now") || d == "hence" || d == "back");
        return Some(Expr::Shift {
            n,
            unit,
            sign,
            from_ref,
        });
    }
    if c.name("ye").is_some() {
        return Some(Expr::YearEarlier);
    }
    if c.name("ur").is_some() {
        let r = lower(c, "urrel")?;
        let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
        let u = lower(c, "uru")?;
        let ba = lower(c, "urba");
        if part_code(&u).is_some() {
            // "the next morning", "that night": a part of an anaphoric day.
            let off = match r.as_str() {
                "the next" | "the following" | "next" | "following" => 1,
                "the previous" | "the prior" | "the preceding" => -1,
                "that" | "the same" | "same" => 0,
                _ => return None,
            };
            return Some(Expr::Anaphor {
                unit: Unit::Day,
                offset: off,
            });
        }
        let unit = if u.starts_with("fiscal") {
            Unit::Year
        } else {
            unit_of(&u)?
        };
        let anaphoric = matches!(
            r.as_str(),
            "the next"
                | "the following"
                | "following"
                | "the previous"
                | "the prior"
                | "the preceding"
                | "previous"
                | "that"
                | "the same"
                | "same"
        ) || (unit == Unit::Day && r == "next");
        let offset = match r.as_str() {
            "last" | "past" | "the past" | "the last" | "previous" | "the previous"
            | "the prior" | "the preceding" | "this past" => -1,
            "next" | "coming" | "the next" | "the coming" | "following" | "the following"
            | "this coming" => 1,
            _ => 0,
        };
        if let Some(ba) = ba {
            // "the day before", "the week after": relative to the last date named.
            if r == "the" {
                return Some(Expr::Anaphor {
                    unit,
                    offset: if ba == "before" { -1 } else { 1 },
                });
            }
        }
        if r == "the" || r == "the latest" {
            // "the weekend" is the coming or past one; "the year", "the day" are too vague.
            return match unit {
                Unit::Weekend if r == "the" => Some(Expr::TheWeekend),
                Unit::Weekend => Some(Expr::UnitRel { unit, offset: 0 }),
                Unit::Year | Unit::Month | Unit::Week if has_mod => {
                    Some(Expr::Anaphor { unit, offset: 0 })
                }
                _ => None,
            };
        }
        if unit == Unit::Day && !anaphoric {
            return None;
        }
        return Some(if anaphoric {
            Expr::Anaphor { unit, offset }
        } else {
            Expr::UnitRel { unit, offset }
        });
    }
    if c.name("du").is_some() {
        let u = c.name("duu")?.as_str();
        let unit = unit_of(u)?;
        let pre = lower(c, "dupre");
        // Ages ("a 44-year-old", "37 years old") are not annotated as durations.
        let rest = &text[whole.end()..];
        if rest.starts_with("-old") || rest.starts_with(" old") {
            return None;
        }
        // Rates ("four flights a week", "24 hours a day") are not durations.
        if let Some(n) = lower(c, "dun") {
            if n == "a" || n == "an" {
                let pw = preceding_word(text, whole.start());
                let plural = pw.len() > 3
                    && pw.ends_with('s')
                    && !matches!(
                        pw.as_str(),
                        "does" | "this" | "less" | "thus" | "across" | "perhaps" | "always"
                    );
                if plural
                    || pw.starts_with(|ch: char| ch.is_ascii_digit())
                    || matches!(pw.as_str(), "million" | "billion" | "percent" | "times")
                {
                    return None;
                }
            }
        }
        let n = match c.name("dun") {
            Some(n) => {
                let ns = n.as_str().to_ascii_lowercase();
                // "a second round", "a minute's silence" (the latter still a duration).
                if unit == Unit::Second && (ns == "a" || ns == "one") {
                    return None;
                }
                parse_number(&ns)
            }
            None => {
                if !u.ends_with('s') {
                    return None;
                }
                let pw = preceding_word(text, whole.start());
                match pre.as_deref() {
                    Some(
                        "recent" | "coming" | "past" | "last" | "next" | "past several"
                        | "last several",
                    ) => None,
                    // "for years", "within weeks": an unknown number of units.
                    None if matches!(pw.as_str(), "for" | "within") && whole.as_str() == u => None,
                    _ => return None,
                }
            }
        };
        return Some(Expr::Duration { n, unit });
    }
    if c.name("pres").is_some() {
        let w = whole.as_str().to_ascii_lowercase();
        if w == "current" {
            // "current account", "electric current": not the present.
            let next = text[whole.end()..]
                .trim_start()
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(next.as_str(), "account" | "accounts" | "" | "affairs") {
                return None;
            }
        }
        return Some(Expr::Fixed("PRESENT_REF"));
    }
    if c.name("pastref").is_some() {
        return Some(Expr::Fixed("PAST_REF"));
    }
    if c.name("futref").is_some() {
        // "as soon as" is a conjunction.
        if preceding_word(text, whole.start()) == "as"
            && text[whole.end()..].trim_start().starts_with("as ")
        {
            return None;
        }
        return Some(Expr::Fixed("FUTURE_REF"));
    }
    if c.name("yend").is_some() {
        return Some(Expr::UnitRel {
            unit: Unit::Year,
            offset: 0,
        });
    }
    if c.name("term").is_some() {
        return Some(Expr::Fixed("FUTURE_REF"));
    }
    if c.name("theyear").is_some() {
        // "for the year ended Sept. 30" is a twelve-month period; "for the full year", "in the
        // fiscal year" the current one. A bare "the year" elsewhere is too vague.
        // "the year 1999", "the year two thousand".
        if let Some(y) = any_year(c, "tyy", "tyw") {
            return Some(Expr::Year(y));
        }
        if c.name("tyend").is_some() {
            return Some(Expr::Duration {
                n: Some(1.0),
                unit: Unit::Year,
            });
        }
        let pw = preceding_word(text, whole.start());
        if c.name("tyq").is_none()
            && !matches!(
                pw.as_str(),
                "for" | "of" | "during" | "throughout" | "through"
            )
        {
            return None;
        }
        return Some(Expr::UnitRel {
            unit: Unit::Year,
            offset: 0,
        });
    }
    if let Some(w) = c.name("yearw") {
        let pw = preceding_word(text, whole.start());
        let l = w.as_str().to_ascii_lowercase();
        // "two thousand" is a count unless the context makes it a year.
        if l.starts_with("two") && c.name("yfis").is_none() && pw != "in" {
            return None;
        }
        return Some(Expr::Year(spoken_year(&l)?));
    }
    if c.name("yr").is_some() {
        let y: i32 = c.name("year")?.as_str().parse().ok()?;
        let prefixed = c.name("yfis").is_some() || has_mod;
        let before = text[..whole.start()].chars().next_back();
        let after = text[whole.end()..].chars().next();
        // Money, measures and parts of longer numbers are not years.
        if matches!(before, Some('$' | '#' | '.' | ',' | '/' | '£' | '€'))
            || matches!(after, Some('%' | '/' | ',' | '.'))
                && text[whole.end()..]
                    .chars()
                    .nth(1)
                    .is_some_and(|ch| ch.is_ascii_digit())
        {
            return None;
        }
        if matches!(after, Some('%')) {
            return None;
        }
        if !prefixed && !(1900..=2099).contains(&y) {
            let pw = preceding_word(text, whole.start());
            if !matches!(
                pw.as_str(),
                "in" | "since" | "until" | "by" | "of" | "from" | "year" | "before" | "after"
            ) {
                return None;
            }
        }
        return Some(Expr::Year(y));
    }
    None
}

/// A capitalised word that is not a month or weekday, other than at the start of a sentence.
fn looks_like_name(text: &str, start: usize, s: &str) -> bool {
    s.split(|ch: char| ch.is_whitespace() || ch == '-')
        .enumerate()
        .any(|(i, w)| {
            w.starts_with(|ch: char| ch.is_ascii_uppercase())
                && (i > 0 || !sentence_initial(text, start))
                && weekday_index(w).filter(|_| w.len() > 5).is_none()
        })
}

fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '\n', ':', '`', '\'', '“'])
}
