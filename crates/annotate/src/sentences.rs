//! Sentence splitter for English news text.
//!
//! [`split_sentences`] returns the byte spans of the sentences of a text. It is a
//! hand-written, rule-based scanner tuned for news copy (wire stories, scraped
//! article bodies, transcripts, headlines). It depends on nothing but `std`,
//! never panics and runs in linear time: every look-behind and look-ahead is
//! bounded by a small constant, and the main cursor never moves backwards.
//!
//! # Rules
//!
//! * Every line break (`\n`, `\r`, `\r\n`, VT, FF, NEL, U+2028, U+2029) ends a
//!   sentence; news bodies have one paragraph per line and headlines or list
//!   items have no final punctuation. Blank lines therefore yield nothing.
//! * Inside a line, a sentence may end at a run of `.` `!` `?` `…` `‼` `⁇` `⁈`
//!   `⁉` (so `?!`, `!!!`, `...` are one terminator), followed by any closing
//!   quotes or brackets (`" ' ’ ” ) ] } » ›` and CJK closers), which stay with
//!   the sentence that ends.
//! * CJK terminators `。！？` always end a sentence.
//! * Otherwise the terminator must be followed by whitespace and then a
//!   character that can start a sentence: an upper-case or uncased letter, a
//!   digit, an opening quote or bracket, or a currency sign. A lower-case
//!   continuation (`e.g. the`, `approx. five`, `"Why?" asked Wang`) never
//!   splits.
//! * `!`/`?` (and an ellipsis followed by a closing quote) followed by a
//!   closing quote and a speech attribution (`"Why now?" Li asked.`) do not
//!   split. After `."` the attribution must end the clause
//!   (`"It is over." Li said.`).
//! * An ellipsis inside an open quotation that is not immediately closed does
//!   not split (`"We will wait... The decision is theirs," he said.`).
//! * A single `.` is examined against the token before it:
//!   * titles (`Mr.`, `Dr.`, `Gen.`, `Lt.`, `Sen.`, `Gov.`, `Rev.`, ...) and
//!     sentence-internal Latin/measure abbreviations (`vs.`, `e.g.`, `i.e.`,
//!     `approx.`, `est.`, `cf.`, `v.`, ...) never end a sentence;
//!   * `No.`, `Art.`, `Vol.`, `Fig.`, ... do not split before a digit;
//!   * months (`Jan.`, `Sept.`, ...), company and name suffixes (`Co.`,
//!     `Corp.`, `Inc.`, `Ltd.`, `Bros.`, `Jr.`, `Sr.`, `St.`, `etc.`,
//!     `et al.`, ...), initialisms (`U.S.`, `U.K.`, `D.C.`, `a.m.`, `p.m.`,
//!     `Ph.D.`) and single-letter initials (`John F. Kennedy`) end a sentence
//!     only before a common sentence starter such as `The`, `He`, `It`,
//!     `But`, `However`, ... (`sanctions on the U.S. The move` splits,
//!     `the U.S. State Department` and `10 a.m. Tuesday` do not);
//!   * a list marker at the start of a line or sentence (`1.`, `a.`, `iv.`)
//!     is not a sentence of its own;
//!   * any other word ends a sentence.
//! * Missing space after a full stop (scraped text): `Kremlin.Russian` splits
//!   when at least three lower-case letters precede the dot, the next word is
//!   capitalised and followed by a lower-case letter, the left token is not an
//!   abbreviation, URL, e-mail or domain, and the right word is not a
//!   top-level domain (`Yahoo.Com`).
//! * Decimals (`3.5`, `$117.5 billion`), domains (`tass.ru`) and other
//!   glued dots never split.
//!
//! Spans are trimmed of whitespace (Unicode `White_Space` plus BOM and
//! zero-width space), non-empty, ordered, non-overlapping and on UTF-8 char
//! boundaries.

/// Longest token (bytes) examined when looking back for an abbreviation.
const MAX_TOKEN_BYTES: usize = 64;
/// Longest word (bytes) examined when looking ahead.
const MAX_WORD_BYTES: usize = 40;
/// How far back (chars) to look for letters or digits in the current sentence.
const MAX_CONTENT_LOOKBACK: usize = 64;
/// How far ahead (bytes) to look for a speech attribution such as `Li said`.
const MAX_ATTRIBUTION_BYTES: usize = 120;

/// Byte spans `[start, end)` of the sentences of `text`, in order, non-overlapping, each trimmed
/// of surrounding whitespace, always on UTF-8 char boundaries. Text that is only whitespace
/// yields no sentence.
///
/// For example `"Mr. Wang arrived in the U.S. on Dec. 28. He met officials.\nNext headline"`
/// yields the spans of `Mr. Wang arrived in the U.S. on Dec. 28.`, `He met officials.` and
/// `Next headline` (see the `doc_example` test).
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut splitter = Splitter {
        text,
        out: Vec::new(),
        seg_start: 0,
        in_quote: false,
    };
    splitter.run();
    splitter.out
}

/// The longest sentence the later stages see, in bytes. News sentences stay well under 1 KB;
/// a text without sentence ends (a 100 MB line, a transcript without punctuation) would
/// otherwise make one sentence whose every trigger looks at every mention in it.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Cuts the spans longer than [`MAX_SENTENCE_BYTES`] into pieces, each cut after the last
/// `;`, then `,`, then space in the final quarter of a piece, else at a char boundary; pieces
/// are trimmed of whitespace like sentences.
pub fn bounded(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if spans.iter().all(|&(s, e)| e - s <= MAX_SENTENCE_BYTES) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for (mut s, e) in spans {
        while e - s > MAX_SENTENCE_BYTES {
            let mut limit = s + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            // The final quarter starts on a char boundary too (a multi-byte script).
            let mut base = s + MAX_SENTENCE_BYTES * 3 / 4;
            while !text.is_char_boundary(base) {
                base += 1;
            }
            let window = &text[base..limit];
            let cut = [b';', b',', b' ']
                .iter()
                .find_map(|&b| window.bytes().rposition(|x| x == b).map(|i| base + i + 1))
                .unwrap_or(limit);
            push_trimmed(text, s, cut, &mut out);
            s = cut;
        }
        push_trimmed(text, s, e, &mut out);
    }
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let start = s + (piece.len() - piece.trim_start().len());
    let end = e - (piece.len() - piece.trim_end().len());
    if start < end {
        out.push((start, end));
    }
}

/// Bytes at which the main scan has to stop: ASCII terminators, line breaks,
/// the double quote, and lead bytes of the multi-byte characters we care about.
static CANDIDATE: [bool; 256] = build_candidates();

const fn build_candidates() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true; // vertical tab
    t[0x0C] = true; // form feed
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[0xC2] = true; // NEL, « »
    t[0xE2] = true; // … “ ” ‼ ⁇ ⁈ ⁉ U+2028 U+2029
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？
    t
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum EndKind {
    /// A single `.`.
    Period,
    /// `...`, `..`, `…`.
    Ellipsis,
    /// Contains `!` or `?`.
    Strong,
    /// Contains `。` `！` or `？`.
    Cjk,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbrev {
    /// Not an abbreviation.
    None,
    /// Never ends a sentence (`Mr.`, `vs.`, `e.g.`).
    Never,
    /// Does not end a sentence before a digit (`No. 2`).
    NumberPrefix,
    /// Ends a sentence only before a common sentence starter (`Inc.`, `U.S.`, `Dec.`, `F.`).
    BeforeStarter,
}

struct Splitter<'a> {
    text: &'a str,
    out: Vec<(usize, usize)>,
    /// Start of the current (untrimmed) sentence.
    seg_start: usize,
    /// Whether a double quotation is open on the current line.
    in_quote: bool,
}

impl Splitter<'_> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            match bytes[i..].iter().position(|&b| CANDIDATE[b as usize]) {
                Some(off) => i += off,
                None => break,
            }
            i = match bytes[i] {
                b'\n' | b'\r' | 0x0B | 0x0C => {
                    self.line_break(i, i + 1);
                    i + 1
                }
                b'"' => {
                    self.in_quote = !self.in_quote;
                    i + 1
                }
                b'.' | b'!' | b'?' => self.terminator(i),
                _ => match next_char(self.text, i) {
                    // Unreachable for valid UTF-8: candidate bytes are lead bytes.
                    None => i + 1,
                    Some(c) => {
                        let len = c.len_utf8();
                        match c {
                            '\u{85}' | '\u{2028}' | '\u{2029}' => {
                                self.line_break(i, i + len);
                                i + len
                            }
                            '“' | '«' => {
                                self.in_quote = true;
                                i + len
                            }
                            '”' | '»' => {
                                self.in_quote = false;
                                i + len
                            }
                            _ if is_terminator(c) => self.terminator(i),
                            _ => i + len,
                        }
                    }
                },
            };
        }
        self.push(self.seg_start, n);
    }

    /// Ends the current sentence at a line break occupying `[at, after)`.
    fn line_break(&mut self, at: usize, after: usize) {
        self.push(self.seg_start, at);
        self.seg_start = after;
        self.in_quote = false;
    }

    /// Emits `[start, end)` trimmed, if anything remains.
    fn push(&mut self, start: usize, end: usize) {
        let Some(slice) = self.text.get(start..end) else {
            return;
        };
        let left = slice.trim_start_matches(is_space);
        let s = start + (slice.len() - left.len());
        let body = left.trim_end_matches(is_space);
        if !body.is_empty() {
            self.out.push((s, s + body.len()));
        }
    }

    /// Handles a terminator run starting at `i`; returns where scanning resumes.
    fn terminator(&mut self, i: usize) -> usize {
        let text = self.text;
        let first = next_char(text, i).unwrap_or('.');
        let (mut dots, mut count) = (0usize, 0usize);
        let (mut strong, mut ellipsis, mut cjk) = (false, false, false);
        let mut j = i;
        while let Some(c) = next_char(text, j) {
            match c {
                '.' => dots += 1,
                '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' => strong = true,
                '…' => ellipsis = true,
                '。' | '！' | '？' => cjk = true,
                _ => break,
            }
            count += 1;
            j += c.len_utf8();
        }

        let was_in_quote = self.in_quote;
        let mut k = j;
        let mut closers = 0usize;
        let mut ambiguous_closer = false;
        let mut quote_closer = false;
        while let Some(c) = next_char(text, k) {
            if !is_closer(c) {
                break;
            }
            if matches!(c, '"' | '\'' | '’') {
                ambiguous_closer = true;
                quote_closer = c == '"';
            }
            if matches!(c, '"' | '”' | '»') {
                self.in_quote = false;
            }
            closers += 1;
            k += c.len_utf8();
        }

        let kind = if cjk {
            EndKind::Cjk
        } else if strong {
            EndKind::Strong
        } else if ellipsis || dots > 1 {
            EndKind::Ellipsis
        } else {
            EndKind::Period
        };

        // First non-space character after the terminator on this line.
        let mut m = k;
        let next = loop {
            match next_char(text, m) {
                None => return k,
                Some(c) if is_line_break(c) => return k,
                Some(c) if is_space(c) => m += c.len_utf8(),
                Some(c) => break c,
            }
        };

        let split = if !self.has_content_before(i) {
            false
        } else if kind == EndKind::Cjk {
            true
        } else if m == k {
            // An ambiguous `"` is accepted only if it closes an open quotation.
            let closing_ok = !ambiguous_closer || (was_in_quote && closers == 1 && quote_closer);
            count == 1 && matches!(first, '.' | '?') && closing_ok && self.glued_split(i, k)
        } else if !is_valid_start(next) {
            false
        } else {
            match kind {
                EndKind::Strong => !(closers > 0 && attribution_follows(text, m, false)),
                EndKind::Ellipsis => {
                    if was_in_quote && closers == 0 {
                        false
                    } else {
                        !(closers > 0 && attribution_follows(text, m, false))
                    }
                }
                _ => self.period_split(i, m, next, closers),
            }
        };
        if split {
            self.push(self.seg_start, k);
            self.seg_start = k;
        }
        k
    }

    /// Whether the current sentence has a letter or digit shortly before `i`.
    fn has_content_before(&self, i: usize) -> bool {
        let Some(before) = self.text.get(self.seg_start..i) else {
            return false;
        };
        for (seen, c) in before.chars().rev().enumerate() {
            if c.is_alphanumeric() {
                return true;
            }
            if seen >= MAX_CONTENT_LOOKBACK {
                return true;
            }
        }
        false
    }

    /// Decision for a single `.` at `i` followed by whitespace, then `next` at `m`.
    fn period_split(&self, i: usize, m: usize, next: char, closers: usize) -> bool {
        let text = self.text;
        if closers > 0 && !self.only_brackets(i + 1, m) {
            return !attribution_follows(text, m, true);
        }
        let Some(tstart) = token_start(text, i) else {
            return true; // very long token: an ordinary word, URL, ...
        };
        let token = text[tstart..i].trim_start_matches(is_opener);
        if token.is_empty() {
            return true;
        }
        if is_list_marker(token) && self.at_sentence_start(tstart) {
            return false;
        }
        match classify(token) {
            Abbrev::None => true,
            Abbrev::Never => false,
            Abbrev::NumberPrefix => !next.is_ascii_digit(),
            Abbrev::BeforeStarter => starter_follows(text, m),
        }
    }

    /// Whether `[from, to)` holds only closing brackets and whitespace.
    fn only_brackets(&self, from: usize, to: usize) -> bool {
        self.text.get(from..to).is_some_and(|s| {
            s.chars()
                .all(|c| is_space(c) || matches!(c, ')' | ']' | '）'))
        })
    }

    /// Whether only whitespace and bullets precede `pos` in the current sentence
    /// (in particular at the start of a line).
    fn at_sentence_start(&self, pos: usize) -> bool {
        let Some(before) = self.text.get(self.seg_start..pos) else {
            return false;
        };
        before
            .chars()
            .rev()
            .all(|c| is_space(c) || matches!(c, '-' | '*' | '•' | '·' | '▪' | '–' | '—'))
    }

    /// Missing space after a terminator: `...the Kremlin.Russian news agency...`.
    fn glued_split(&self, i: usize, k: usize) -> bool {
        let text = self.text;
        let mut left = text[..i].chars().rev();
        for _ in 0..3 {
            match left.next() {
                Some(c) if c.is_lowercase() => {}
                _ => return false,
            }
        }
        let Some(tstart) = token_start(text, i) else {
            return false;
        };
        let token = text[tstart..i].trim_start_matches(is_opener);
        if token.contains(['/', '@', '.', ':', '\\', '_', '='])
            || token.starts_with("www")
            || token.starts_with("http")
            || classify(token) != Abbrev::None
        {
            return false;
        }
        let mut right = text[k..].chars();
        match (right.next(), right.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {}
            _ => return false,
        }
        let end = word_end(text, k, |c| c.is_alphabetic());
        let Some(end) = end else {
            return true; // a very long capitalised word is no TLD
        };
        let word = &text[k..end];
        if TLDS.iter().any(|t| t.eq_ignore_ascii_case(word)) {
            return false;
        }
        let mut after = text[end..].chars();
        match after.next() {
            Some('@' | '/' | '_' | '\\') => false,
            Some('.') => !after.next().is_some_and(char::is_alphanumeric),
            _ => true,
        }
    }
}

/// The char starting at byte `i`, or `None` at the end or off a char boundary.
#[inline]
fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

#[inline]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '’'
            | '”'
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '］'
            | '｝'
    )
}

#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '‘'
            | '“'
            | '„'
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '〈'
            | '〔'
            | '［'
            | '｛'
    )
}

/// Characters a sentence may start with after a terminator and whitespace.
#[inline]
fn is_valid_start(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || is_opener(c)
        || matches!(c, '$' | '£' | '€' | '¥' | '₽' | '₹' | '¡' | '¿')
}

/// Start of the whitespace-delimited token ending at `i`, or `None` if it is
/// longer than [`MAX_TOKEN_BYTES`].
fn token_start(text: &str, i: usize) -> Option<usize> {
    let before = text.get(..i)?;
    let mut p = i;
    for c in before.chars().rev() {
        if is_space(c) {
            return Some(p);
        }
        p -= c.len_utf8();
        if i - p > MAX_TOKEN_BYTES {
            return None;
        }
    }
    Some(p)
}

/// End of the run of chars satisfying `pred` starting at `start`, or `None` if
/// the run is longer than [`MAX_WORD_BYTES`].
fn word_end(text: &str, start: usize, pred: impl Fn(char) -> bool) -> Option<usize> {
    let mut p = start;
    for c in text.get(start..)?.chars() {
        if !pred(c) {
            break;
        }
        p += c.len_utf8();
        if p - start > MAX_WORD_BYTES {
            return None;
        }
    }
    Some(p)
}

/// Titles and other abbreviations that are followed by a name or number and
/// never end a sentence (matched capitalised or all-caps).
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Gens", "Lt",
    "Lieut", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Pfc", "Spc", "Adm", "Brig", "Cmdr", "Cdr",
    "Comdr", "Cmdt", "Ens", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Revd", "Hon",
    "Pres", "Atty", "Supt", "Det", "Insp", "Amb", "Msgr", "Fr", "Sec", "Secy", "Rt", "Mt", "Ft",
    "Pte", "Ald",
];

/// Abbreviations that are never sentence-final in news, matched lower-case or
/// with a capitalised first letter.
const NEVER: &[&str] = &[
    "vs", "e.g", "i.e", "eg", "ie", "cf", "viz", "approx", "appr", "apprx", "est", "incl", "esp",
    "ca", "aka", "a.k.a", "fmr", "resp", "excl", "ret",
];

/// Abbreviations that do not end a sentence before a digit (matched
/// capitalised or all-caps).
const NUMBER_PREFIXES: &[&str] = &[
    "No", "Nos", "Nr", "Art", "Arts", "Vol", "Vols", "Fig", "Figs", "Ch", "Chap", "Para", "Pt",
    "Sect", "Ref", "Rs", "Tel",
];

/// Abbreviations that end a sentence only before a common sentence starter
/// (matched capitalised or all-caps).
const BEFORE_STARTER: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co",
    "Cos", "Corp", "Inc", "Ltd", "Bros", "Plc", "Llc", "Pty", "Jr", "Sr", "St", "Esq", "Dept",
    "Univ", "Assn", "Inst", "Ave", "Blvd", "Rd", "Hwy", "Sq", "Mfg", "Intl", "Natl", "Govt",
    // AP-style U.S. state abbreviations (two-letter ones like `N.Y.` are initialisms).
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Lower-case abbreviations that end a sentence only before a sentence starter.
const BEFORE_STARTER_LOWER: &[&str] = &["etc", "al", "ibid", "seq"];

/// Words that commonly start a news sentence. After an ambiguous abbreviation
/// (`U.S.`, `Inc.`, `Dec.`, `F.`) only these start a new sentence.
const STARTERS: &[&str] = &[
    "A",
    "According",
    "Additionally",
    "After",
    "Afterwards",
    "Against",
    "All",
    "Also",
    "Although",
    "Amid",
    "Among",
    "An",
    "Analysts",
    "Another",
    "Any",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Besides",
    "Both",
    "But",
    "By",
    "Consequently",
    "Currently",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Finally",
    "First",
    "Following",
    "Furthermore",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "My",
    "Neither",
    "Nevertheless",
    "Next",
    "No",
    "Nonetheless",
    "Not",
    "Now",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Other",
    "Our",
    "Overall",
    "Previously",
    "Recently",
    "Separately",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "Today",
    "Tomorrow",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs of a speech attribution after a quotation (`"Why?" Li asked.`).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "replied",
    "replies",
    "answered",
    "noted",
    "notes",
    "explained",
    "insisted",
    "warned",
    "continued",
    "recalled",
    "tweeted",
    "posted",
    "declared",
    "responded",
    "shouted",
    "exclaimed",
    "cried",
    "remarked",
    "stressed",
    "emphasized",
    "emphasised",
    "argued",
    "acknowledged",
    "admitted",
    "commented",
    "quipped",
    "joked",
    "concluded",
    "urged",
    "demanded",
    "wondered",
    "snapped",
    "agreed",
    "countered",
    "observed",
    "stated",
];

/// Top-level domains: `Yahoo.Com` is a domain, not two sentences.
/// Domains that are also English words (`It`, `In`, `No`, `Me`) are left out
/// on purpose: `on Monday.It was` must split.
const TLDS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "mil", "info", "biz", "io", "uk", "ru", "cn", "de", "fr",
    "jp", "kr", "nl", "eu", "ua", "kz", "tv",
];

/// `word` equals `entry` (given capitalised) or its all-caps form.
fn cap_match(word: &str, entry: &str) -> bool {
    word == entry
        || (word.len() == entry.len()
            && word.bytes().all(|b| !b.is_ascii_lowercase())
            && word.eq_ignore_ascii_case(entry))
}

/// `word` equals `entry` (given lower-case) or `entry` with its first letter capitalised.
fn lower_match(word: &str, entry: &str) -> bool {
    if word == entry {
        return true;
    }
    let (w, e) = (word.as_bytes(), entry.as_bytes());
    w.len() == e.len() && !w.is_empty() && w[0] == e[0].to_ascii_uppercase() && w[1..] == e[1..]
}

/// `U.S`, `a.m`, `Ph.D`, `D.C` (the final dot excluded): at least two
/// dot-separated groups of one or two ASCII letters.
fn is_initialism(token: &str) -> bool {
    let mut groups = 0;
    for part in token.split('.') {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// `1`, `12`, `a`, `B`, `iv`: the body of a list marker like `1.`.
fn is_list_marker(token: &str) -> bool {
    const ROMAN: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    let b = token.as_bytes();
    (!b.is_empty() && b.len() <= 3 && b.iter().all(u8::is_ascii_digit))
        || (b.len() == 1 && b[0].is_ascii_alphabetic())
        || ROMAN
            .iter()
            .any(|r| *r == token || r.eq_ignore_ascii_case(token) && !b[0].is_ascii_lowercase())
}

/// Classifies the token before a single `.` (the dot excluded, leading
/// opening quotes/brackets removed).
fn classify(token: &str) -> Abbrev {
    if token == "v" || NEVER.iter().any(|e| lower_match(token, e)) {
        return Abbrev::Never;
    }
    if is_initialism(token) {
        return Abbrev::BeforeStarter;
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_alphabetic() {
            Abbrev::BeforeStarter
        } else {
            Abbrev::None
        };
    }
    // Last group of ASCII letters: `Gen` in `Lt.Gen`, `Sen` in `ex-Sen`.
    let tail_len = token
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let tail = &token[token.len() - tail_len..];
    if tail.is_empty() {
        return Abbrev::None;
    }
    if TITLES.iter().any(|e| cap_match(tail, e)) {
        Abbrev::Never
    } else if NUMBER_PREFIXES.iter().any(|e| cap_match(tail, e)) {
        Abbrev::NumberPrefix
    } else if BEFORE_STARTER.iter().any(|e| cap_match(tail, e))
        || BEFORE_STARTER_LOWER.contains(&tail)
    {
        Abbrev::BeforeStarter
    } else {
        Abbrev::None
    }
}

/// Whether the word at `m` is a common sentence starter (and not an initial
/// like the first `A.` of `A. A. Milne`).
fn starter_follows(text: &str, m: usize) -> bool {
    let Some(end) = word_end(text, m, |c| c.is_ascii_alphabetic()) else {
        return false;
    };
    let word = &text[m..end];
    if word.len() == 1 && next_char(text, end) == Some('.') {
        return false;
    }
    STARTERS.contains(&word)
}

/// Whether the text at `m` is a speech attribution: one to four capitalised
/// words followed by a speech verb (`Li asked`, `Foreign Minister Wang Yi
/// said`). With `require_terminal`, the verb must end the clause (`Li said.`).
fn attribution_follows(text: &str, m: usize, require_terminal: bool) -> bool {
    let is_word_char = |c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’');
    let limit = m + MAX_ATTRIBUTION_BYTES;
    let mut pos = m;
    let mut names = 0;
    while pos <= limit {
        let Some(end) = word_end(text, pos, is_word_char) else {
            return false;
        };
        let word = &text[pos..end];
        if names > 0 && SPEECH_VERBS.contains(&word) {
            return !require_terminal
                || next_char(text, end)
                    .is_none_or(|c| is_line_break(c) || matches!(c, '.' | ',' | ';' | ':'));
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        names += 1;
        if names > 4 {
            return false;
        }
        let mut p = end;
        let mut spaces = 0;
        while let Some(c) = next_char(text, p) {
            if spaces >= 4 || !is_space(c) || is_line_break(c) {
                break;
            }
            p += c.len_utf8();
            spaces += 1;
        }
        if spaces == 0 {
            return false;
        }
        pos = p;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn assert_split(text: &str, expected: &[&str]) {
        assert_eq!(sents(text), expected, "input: {text:?}");
    }

    fn assert_one(text: &str) {
        assert_split(text, &[text.trim()]);
    }

    /// Invariants every output must satisfy.
    fn check_invariants(text: &str) {
        let spans = split_sentences(text);
        let mut prev_end = 0;
        for &(s, e) in &spans {
            assert!(s < e, "empty span {s}..{e} in {text:?}");
            assert!(s >= prev_end, "overlap/out of order in {text:?}");
            assert!(e <= text.len(), "span out of bounds in {text:?}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            let body = &text[s..e];
            assert!(!body.starts_with(is_space), "untrimmed start {body:?}");
            assert!(!body.ends_with(is_space), "untrimmed end {body:?}");
            assert!(!body.contains(is_line_break), "line break in {body:?}");
            assert!(
                text[prev_end..s].chars().all(is_space),
                "non-space text dropped between sentences in {text:?}"
            );
            prev_end = e;
        }
        assert!(
            text[prev_end..].chars().all(is_space),
            "tail dropped in {text:?}"
        );
    }

    // ---------------------------------------------------------------- basics

    #[test]
    fn empty_and_whitespace_only() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   \n\n\t \r\n \u{00A0}\u{3000}\u{FEFF}").is_empty());
    }

    #[test]
    fn simple_sentences() {
        assert_split(
            "Russian President Vladimir Putin held talks with Chinese leader Xi Jinping on \
             Monday. The two sides signed 14 agreements! Was trade on the agenda? It was.",
            &[
                "Russian President Vladimir Putin held talks with Chinese leader Xi Jinping on \
                 Monday.",
                "The two sides signed 14 agreements!",
                "Was trade on the agenda?",
                "It was.",
            ],
        );
    }

    #[test]
    fn doc_example() {
        let text = "Mr. Wang arrived in the U.S. on Dec. 28. He met officials.\nNext headline";
        let spans = split_sentences(text);
        let sentences: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            sentences,
            [
                "Mr. Wang arrived in the U.S. on Dec. 28.",
                "He met officials.",
                "Next headline"
            ]
        );
    }

    #[test]
    fn spans_are_trimmed_byte_offsets() {
        let text = "  The envoy landed in Ankara.   Talks begin today.  ";
        assert_eq!(split_sentences(text), vec![(2, 29), (32, 50)]);
    }

    #[test]
    fn single_sentence_without_final_punctuation() {
        assert_one("Blinken to visit Beijing next week");
    }

    // ----------------------------------------------------------- line breaks

    #[test]
    fn paragraphs_and_headlines() {
        assert_split(
            "Lavrov Arrives in Pyongyang for Talks\n\nRussian Foreign Minister Sergei Lavrov \
             arrived on Tuesday. He will meet Kim Jong Un.\n\nThe visit is his first since 2019",
            &[
                "Lavrov Arrives in Pyongyang for Talks",
                "Russian Foreign Minister Sergei Lavrov arrived on Tuesday.",
                "He will meet Kim Jong Un.",
                "The visit is his first since 2019",
            ],
        );
    }

    #[test]
    fn single_newline_always_breaks() {
        assert_split(
            "The ministers agreed to\nresume the dialogue next month",
            &["The ministers agreed to", "resume the dialogue next month"],
        );
        // Even right after an abbreviation that never ends a sentence.
        assert_split(
            "Talks with Sen.\nMenendez ended",
            &["Talks with Sen.", "Menendez ended"],
        );
    }

    #[test]
    fn crlf_and_other_line_breaks() {
        assert_split(
            "EU Extends Sanctions\r\nThe bloc extended the measures.\r\n\r\nMoscow condemned it.",
            &[
                "EU Extends Sanctions",
                "The bloc extended the measures.",
                "Moscow condemned it.",
            ],
        );
        assert_split("One line\rAnother line", &["One line", "Another line"]);
        assert_split(
            "First part\u{2028}Second part\u{2029}Third\u{85}Fourth",
            &["First part", "Second part", "Third", "Fourth"],
        );
    }

    #[test]
    fn list_items_without_punctuation() {
        assert_split(
            "Key points of the joint statement:\n- energy cooperation\n- visa-free travel\n",
            &[
                "Key points of the joint statement:",
                "- energy cooperation",
                "- visa-free travel",
            ],
        );
    }

    // ------------------------------------------------------ end punctuation

    #[test]
    fn question_exclamation_sequences() {
        assert_split(
            "Is this the end of the ceasefire?! The minister would not say. Really?? Yes!!!",
            &[
                "Is this the end of the ceasefire?!",
                "The minister would not say.",
                "Really??",
                "Yes!!!",
            ],
        );
        assert_split(
            "Who approved the deal⁉ Nobody knows.",
            &["Who approved the deal⁉", "Nobody knows."],
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_sentence() {
        assert_split(
            "He said: \"It is over.\" Then he left the room.",
            &["He said: \"It is over.\"", "Then he left the room."],
        );
        assert_split(
            "Erdogan called the vote \u{201C}a disgrace.\u{201D} Ankara recalled its envoy.",
            &[
                "Erdogan called the vote \u{201C}a disgrace.\u{201D}",
                "Ankara recalled its envoy.",
            ],
        );
        assert_split(
            "(The talks ended after midnight.) The ministers then flew home.",
            &[
                "(The talks ended after midnight.)",
                "The ministers then flew home.",
            ],
        );
        assert_split(
            "She called it 'a new chapter.' Then the delegation left.",
            &[
                "She called it 'a new chapter.'",
                "Then the delegation left.",
            ],
        );
        assert_split(
            "Le Monde called it \u{AB}historic.\u{BB} Paris welcomed the deal.",
            &[
                "Le Monde called it \u{AB}historic.\u{BB}",
                "Paris welcomed the deal.",
            ],
        );
    }

    #[test]
    fn quote_with_comma_attribution_is_one_sentence() {
        assert_one("\"They are very stable,\" Li said.");
        assert_one("\"The sanctions will not reach the upper limit,\" said Wang.");
        assert_one("\u{201C}We are ready to talk,\u{201D} the spokesman told reporters.");
    }

    #[test]
    fn question_or_exclamation_before_attribution() {
        assert_one("\"Why now?\" Li asked.");
        assert_one("\"Enough!\" Blinken told reporters after the call.");
        assert_one("\"Is this diplomacy?\" Foreign Minister Wang Yi asked on Friday.");
        assert_one("\"Why now?\" asked Li.");
        assert_split(
            "\"Why now?\" The question hung over the summit.",
            &["\"Why now?\"", "The question hung over the summit."],
        );
    }

    #[test]
    fn period_inside_quote_before_attribution() {
        // A full stop inside the quote followed by a bare attribution stays together.
        assert_one("\"It is over.\" Zakharova said.");
        // Followed by a full clause it is a new sentence.
        assert_split(
            "\"It is over.\" Zakharova said the talks would not resume.",
            &[
                "\"It is over.\"",
                "Zakharova said the talks would not resume.",
            ],
        );
    }

    #[test]
    fn next_sentence_must_start_properly() {
        assert_one("The delegation met with e.g. the trade minister and others.");
        assert_one("Exports fell by approx. five percent.");
        assert_one("The summit ended. and then nothing happened.");
        assert_one("The talks ended. - Reuters");
    }

    #[test]
    fn valid_starts_digit_quote_bracket_currency() {
        assert_split(
            "The attack happened in 2023. 15 people died.",
            &["The attack happened in 2023.", "15 people died."],
        );
        assert_split(
            "Exports rose 5%. $10 billion was invested.",
            &["Exports rose 5%.", "$10 billion was invested."],
        );
        assert_split(
            "He left. \"We will return,\" he said.",
            &["He left.", "\"We will return,\" he said."],
        );
        assert_split(
            "The talks failed. (Both sides blamed each other.)",
            &["The talks failed.", "(Both sides blamed each other.)"],
        );
    }

    // --------------------------------------------------------- abbreviations

    #[test]
    fn titles_never_split() {
        assert_one(
            "Mr. Blinken met Gen. Mark Milley, Lt. Col. Alexander Vindman and Dr. Li Wei in \
             Washington.",
        );
        assert_one(
            "Sen. Menendez, Rep. Pelosi, Gov. Newsom and Rev. Sharpton attended with \
             Mrs. Biden and Ms. Harris.",
        );
        assert_one(
            "Prof. Ivanov briefed Maj. Gen. Kuznetsov, Capt. Smith, Sgt. Jones, Adm. Nakashima \
             and Cmdr. Park.",
        );
        assert_one("Amb. Nuland and Pres. Zelensky spoke with Atty. Gen. Garland.");
        assert_one("Supt. Brown, Det. Sgt. Ali and Insp. Kowalski reviewed the case.");
        assert_one("MR. PUTIN MET GEN. GERASIMOV.");
        assert_one("The former Sen. Lieberman, ex-Gov. Cuomo and Lt.Gen. Smith attended.");
    }

    #[test]
    fn saint_and_name_suffixes() {
        assert_one("The envoy flew to St. Petersburg on Monday.");
        assert_one("Martin Luther King Jr. Day was marked in Atlanta.");
        assert_one("George Bush Sr. Was Not Invited");
        assert_split(
            "The award went to Robert F. Kennedy Jr. The ceremony was brief.",
            &[
                "The award went to Robert F. Kennedy Jr.",
                "The ceremony was brief.",
            ],
        );
    }

    #[test]
    fn us_state_abbreviations() {
        assert_one("Rep. Adam Schiff (D-Calif.) said the report was damning.");
        assert_one("The rally in Fresno, Calif. Tuesday drew thousands.");
        assert_split(
            "The summit took place in Seattle, Wash. It lasted two days.",
            &[
                "The summit took place in Seattle, Wash.",
                "It lasted two days.",
            ],
        );
    }

    #[test]
    fn abbreviations_before_closing_bracket() {
        assert_one("Lt. Gen. (ret.) Ben Hodges said the offensive was slow.");
        assert_split(
            "The funds went to firms in the U.S.) The rest stayed in Europe.",
            &[
                "The funds went to firms in the U.S.)",
                "The rest stayed in Europe.",
            ],
        );
        assert_split(
            "The delegation left early (the talks had failed.) Officials were silent.",
            &[
                "The delegation left early (the talks had failed.)",
                "Officials were silent.",
            ],
        );
    }

    #[test]
    fn months() {
        assert_one("The two leaders spoke by phone on Dec. 28 and agreed to meet.");
        assert_one("The sanctions took effect on Sept. 11 and Oct. 3, officials said.");
        assert_one("Talks resumed in Feb. Putin and Xi met in Mar. Lavrov also attended.");
        assert_split(
            "The summit was postponed until Jan. The delay angered Tokyo.",
            &[
                "The summit was postponed until Jan.",
                "The delay angered Tokyo.",
            ],
        );
    }

    #[test]
    fn number_prefix_abbreviations() {
        assert_one("He is the No. 2 official at the embassy.");
        assert_one("The ruling cites Art. 51 of the UN Charter and Vol. 3 of the report.");
        assert_split(
            "The answer was No. The talks collapsed.",
            &["The answer was No.", "The talks collapsed."],
        );
        assert_split(
            "Kyiv said no. 15 minutes later the call ended.",
            &["Kyiv said no.", "15 minutes later the call ended."],
        );
    }

    #[test]
    fn latin_and_measure_abbreviations() {
        assert_one("The case Ukraine vs. Russia opens in The Hague.");
        assert_one("Several ministers, e.g. Baerbock, attended.");
        assert_one("The largest buyer, i.e. China, did not comment.");
        assert_one("Losses reached approx. 200 million euros.");
        assert_one("The company (est. 1998) was sanctioned.");
        assert_one("Roe v. Wade was cited in the debate.");
        assert_one("The ruling, cf. Smith, is binding.");
    }

    #[test]
    fn company_suffixes_and_etc() {
        assert_one("Apple Inc. said the sanctions would hurt sales.");
        assert_one("Huawei Technologies Co. Ltd. signed the deal with Gazprom.");
        assert_one("Shares of Toyota Motor Corp. Fell sharply.");
        assert_split(
            "The contract went to Gazprom Neft Co. The company declined to comment.",
            &[
                "The contract went to Gazprom Neft Co.",
                "The company declined to comment.",
            ],
        );
        assert_split(
            "The deal was signed with Rosneft Ltd. But analysts were skeptical.",
            &[
                "The deal was signed with Rosneft Ltd.",
                "But analysts were skeptical.",
            ],
        );
        assert_split(
            "The ban covers oil, gas, coal, etc. However, wheat is exempt.",
            &[
                "The ban covers oil, gas, coal, etc.",
                "However, wheat is exempt.",
            ],
        );
        assert_one("The ban covers oil, gas, etc. China is not affected.");
        assert_split(
            "The report by Smith et al. The authors disagree.",
            &["The report by Smith et al.", "The authors disagree."],
        );
        assert_split(
            "The suit was filed against Microsoft Corp.\nIt seeks damages.",
            &[
                "The suit was filed against Microsoft Corp.",
                "It seeks damages.",
            ],
        );
    }

    #[test]
    fn initialisms() {
        assert_split(
            "Beijing imposed sanctions on the U.S. The move came after the arms sale.",
            &[
                "Beijing imposed sanctions on the U.S.",
                "The move came after the arms sale.",
            ],
        );
        assert_one("A spokesman for the U.S. State Department declined to comment.");
        assert_one("U.K. Prime Minister Rishi Sunak spoke with U.N. Secretary-General Guterres.");
        assert_one("Several E.U. member states opposed the plan.");
        assert_split(
            "The delegation stayed in Washington, D.C. It returned on Friday.",
            &[
                "The delegation stayed in Washington, D.C.",
                "It returned on Friday.",
            ],
        );
        assert_one("She holds a Ph.D. from Moscow State University.");
        assert_one("The U.S.-China talks resumed.");
        assert_one("The U.S. 2024 election worried European capitals.");
    }

    #[test]
    fn single_letter_initials() {
        assert_one("The library is named after John F. Kennedy.");
        assert_one("The novels of J. R. R. Tolkien were translated into Russian.");
        assert_one("George W. Bush and A. A. Milne were mentioned.");
        assert_one("Roosevelt (Franklin D. Roosevelt) met Stalin.");
        assert_split(
            "They have a Plan B. The details were not disclosed.",
            &["They have a Plan B.", "The details were not disclosed."],
        );
    }

    #[test]
    fn times() {
        assert_one("The call took place at 10 a.m. Tuesday, the Kremlin said.");
        assert_one("The vote is set for 3 p.m. Moscow time.");
        assert_split(
            "Xi landed at 10 a.m. The motorcade went straight to the Kremlin.",
            &[
                "Xi landed at 10 a.m.",
                "The motorcade went straight to the Kremlin.",
            ],
        );
        assert_one("The meeting ended at 10.30 local time.");
    }

    #[test]
    fn numbers_and_money() {
        assert_one("The package is worth $117.5 billion, up 3.5 percent from 2022.");
        assert_one("Version 2.0.1 of the app was released.");
        assert_one("Growth slowed to 4.9% in Q3.");
    }

    #[test]
    fn ellipses() {
        assert_one("\"...upper limit,\" said Wang.");
        assert_one("\"We will wait... The decision is theirs,\" the envoy said.");
        assert_one("\u{201C}We will wait\u{2026} The decision is theirs,\u{201D} he said.");
        assert_one("The minister paused... and then continued.");
        assert_split(
            "The talks stalled... The envoys went home.",
            &["The talks stalled...", "The envoys went home."],
        );
        assert_split(
            "He said: \"We will see...\" Then he hung up.",
            &["He said: \"We will see...\"", "Then he hung up."],
        );
        assert_one("... And the deal was done.");
    }

    #[test]
    fn urls_and_domains() {
        assert_one("The statement was published on tass.ru on Friday.");
        assert_one("Details are at www.example.com and mid.ru, officials said.");
        assert_one("Readers of Yahoo.Com saw the report.");
        assert_one("Write to Press.Office@Example.Com for comment.");
        assert_split(
            "The text was posted on tass.ru. The agency gave no details.",
            &[
                "The text was posted on tass.ru.",
                "The agency gave no details.",
            ],
        );
    }

    #[test]
    fn numbered_list_at_line_start() {
        assert_split(
            "The statement lists three points:\n1. Different styles of governance\n2. Common \
             goals in trade\n  10. Visa-free travel. It starts in May.",
            &[
                "The statement lists three points:",
                "1. Different styles of governance",
                "2. Common goals in trade",
                "10. Visa-free travel.",
                "It starts in May.",
            ],
        );
        assert_split(
            "a. The first option\nII. The Second Chapter\n- 3. Third bullet",
            &[
                "a. The first option",
                "II. The Second Chapter",
                "- 3. Third bullet",
            ],
        );
        // At the start of a sentence inside a line.
        assert_split(
            "The agreement has two parts. 1. Trade. 2. Energy.",
            &["The agreement has two parts.", "1. Trade.", "2. Energy."],
        );
        assert_split(
            "Q. Will the sanctions be lifted? A. Not soon.",
            &["Q. Will the sanctions be lifted?", "A. Not soon."],
        );
        // Not at line start: an ordinary number ending a sentence.
        assert_split(
            "The vote was 5 to 2. The motion passed.",
            &["The vote was 5 to 2.", "The motion passed."],
        );
    }

    #[test]
    fn transcript_speaker_labels() {
        assert_split(
            "Qin Gang: The cooperation is not restricted. It is open to all.\nReporter: Will \
             you visit Moscow?\nLavrov: Yes.",
            &[
                "Qin Gang: The cooperation is not restricted.",
                "It is open to all.",
                "Reporter: Will you visit Moscow?",
                "Lavrov: Yes.",
            ],
        );
    }

    #[test]
    fn missing_space_after_full_stop() {
        assert_split(
            "Xi ended his three-day trip to the Kremlin.Russian news agency TASS reported.",
            &[
                "Xi ended his three-day trip to the Kremlin.",
                "Russian news agency TASS reported.",
            ],
        );
        assert_split(
            "Was the trip a success?The Kremlin says so.",
            &["Was the trip a success?", "The Kremlin says so."],
        );
        assert_split(
            "The call lasted an hour.\u{201D}Both sides were satisfied.",
            &[
                "The call lasted an hour.\u{201D}",
                "Both sides were satisfied.",
            ],
        );
        assert_one("The U.S.Embassy in Moscow issued a warning.");
        assert_one("Mr.Putin and Prof.Ivanov spoke at the forum.");
        assert_one("The term went to Nov.With that, talks ended.");
        assert_one("He said.AB was not mentioned.");
        assert_one("The ship.X marks the spot.");
        assert_one("The text is in file report.Final.docx today.");
        assert_one("He said.\"The talks are over.\"");
        assert_split(
            "Li Qiang arrived in Berlin on Monday.It was his first trip abroad.",
            &[
                "Li Qiang arrived in Berlin on Monday.",
                "It was his first trip abroad.",
            ],
        );
        assert_split(
            "Borrell said the bloc was \"united.\"Putin is isolated, he added.",
            &[
                "Borrell said the bloc was \"united.\"",
                "Putin is isolated, he added.",
            ],
        );
    }

    // ------------------------------------------------------------------ CJK

    #[test]
    fn cjk_terminators() {
        assert_split(
            "中国外交部发言人表示。双方同意加强合作！你同意吗？是的",
            &[
                "中国外交部发言人表示。",
                "双方同意加强合作！",
                "你同意吗？",
                "是的",
            ],
        );
        assert_split(
            "他说：“我们欢迎。”然后离开了。",
            &["他说：“我们欢迎。”", "然后离开了。"],
        );
        assert_split(
            "東京で会談が行われた。「成功だ。」と首相は述べた。",
            &["東京で会談が行われた。", "「成功だ。」", "と首相は述べた。"],
        );
        assert_split(
            "The envoy said: 我们欢迎。 Then he left.",
            &["The envoy said: 我们欢迎。", "Then he left."],
        );
    }

    #[test]
    fn emoji_and_multibyte() {
        assert_split(
            "Leaders shook hands 🤝. Crowds cheered 🎉! Müller und Ševčenko waved. Émigrés \
             returned.",
            &[
                "Leaders shook hands 🤝.",
                "Crowds cheered 🎉!",
                "Müller und Ševčenko waved.",
                "Émigrés returned.",
            ],
        );
        assert_split(
            "The talks ended. Ωmega Corp. responded. Сергей Лавров прибыл.",
            &[
                "The talks ended.",
                "Ωmega Corp. responded.",
                "Сергей Лавров прибыл.",
            ],
        );
        assert_split(
            "The ministers met.\u{00A0}\u{00A0}They agreed.\u{3000}",
            &["The ministers met.", "They agreed."],
        );
    }

    #[test]
    fn lone_punctuation_is_not_a_sentence() {
        assert_one("?! The delegation arrived.");
        assert_one("\"...\" The delegation arrived.");
        assert_split(
            ". . . The delegation arrived.",
            &[". . . The delegation arrived."],
        );
    }

    // ------------------------------------------------------------ robustness

    #[test]
    fn pathological_inputs_are_linear() {
        // A quadratic implementation would take hours on these.
        let quotes = "\"".repeat(1_000_000);
        check_invariants(&quotes);
        assert_eq!(split_sentences(&quotes).len(), 1);

        let quoted_dots = ".\"".repeat(500_000);
        check_invariants(&quoted_dots);

        let mixed = format!("He said.{} The talks ended.", "\u{201D}".repeat(300_000));
        assert_eq!(split_sentences(&mixed).len(), 2);

        let dots = "a.".repeat(1_000_000);
        assert_eq!(split_sentences(&dots).len(), 1);

        let spaced = ". ".repeat(1_000_000);
        assert_eq!(split_sentences(&spaced).len(), 1);

        let initials = "U. ".repeat(500_000);
        assert_eq!(split_sentences(&initials).len(), 1);

        let newlines = "\n".repeat(1_000_000);
        assert!(split_sentences(&newlines).is_empty());

        let long_word = "x".repeat(5_000_000) + ". The end.";
        assert_eq!(split_sentences(&long_word).len(), 2);

        let long_spaces = format!("The end.{}The start.", " ".repeat(5_000_000));
        assert_eq!(split_sentences(&long_spaces).len(), 2);

        let bullets = format!("{}1. Item", "- ".repeat(1_000_000));
        assert_eq!(split_sentences(&bullets).len(), 1);

        // 10 MB on a single line.
        let unit = "Mr. Wang met the U.S. envoy on Dec. 28 in St. Petersburg. They spoke. ";
        let big = unit.repeat(10_000_000 / unit.len());
        let spans = split_sentences(&big);
        assert_eq!(spans.len(), 2 * (10_000_000 / unit.len()));
    }

    #[test]
    fn overlong_sentences_are_cut_at_clause_breaks() {
        let clause = "Xi met Putin in Moscow on Monday and the two sides agreed to expand trade; ";
        let text = format!("Short one. {}End", clause.repeat(300));
        let spans = bounded(&text, split_sentences(&text));
        assert_eq!(&text[spans[0].0..spans[0].1], "Short one.");
        assert!(spans.len() > 5, "{}", spans.len());
        for &(s, e) in &spans {
            assert!(e - s <= MAX_SENTENCE_BYTES);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        // Cut after a semicolon, so every piece but the last ends a clause.
        for &(s, e) in &spans[1..spans.len() - 1] {
            assert!(text[s..e].ends_with(';'), "{}", &text[e - 20..e]);
        }
        // Covered in full: nothing but whitespace between the pieces.
        for w in spans.windows(2) {
            assert!(text[w[0].1..w[1].0].trim().is_empty());
        }
        // No break at all: cut at a char boundary.
        let cyrillic = "Ж".repeat(10_000);
        let spans = bounded(&cyrillic, split_sentences(&cyrillic));
        assert_eq!(spans.len(), 5);
        assert_eq!(spans.iter().map(|(s, e)| e - s).sum::<usize>(), 20_000);
        // Found by the span property test: three-byte characters after a one-byte one put
        // the start of the final quarter inside a character.
        let chinese = format!("A{}", "习".repeat(3_000));
        let spans = bounded(&chinese, split_sentences(&chinese));
        assert_eq!(spans, [(0, 4096), (4096, 8191), (8191, 9001)]);
    }

    /// Small deterministic PRNG (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn property_random_strings() {
        const ALPHABET: &[&str] = &[
            "a", "b", "B", "The", "Mr", "U", "S", "e", "g", "1", "12", " ", " ", "  ", "\t", "\n",
            "\n\n", "\r\n", "\r", ".", ".", "!", "?", "…", "...", "\"", "'", "’", "“", "”", "(",
            ")", "[", "»", "«", ":", ",", "-", "/", "@", "。", "！", "？", "」", "é", "中", "😀",
            "🤝", "Ω", "\u{00A0}", "\u{2028}", "\u{FEFF}", "\u{200B}", "\u{3000}", "\u{85}",
            "said", "Li", "Inc", "Dec", "No", "www", "com", "Com", "a.m", "‼", "\u{301}",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // `SENTSPLIT_PROP_ITERS=2000000 cargo test --release property` for a longer run.
        let iters = std::env::var("SENTSPLIT_PROP_ITERS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20_000);
        for _ in 0..iters {
            let len = rng.below(40);
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(ALPHABET[rng.below(ALPHABET.len())]);
            }
            check_invariants(&s);
        }
    }

    #[test]
    fn property_random_bytes_never_panic() {
        let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..5_000 {
            let len = rng.below(64);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    // Bias toward interesting bytes.
                    const HOT: &[u8] = b".!? \n\r\"'ab.A1\xE2\x80\xA6\xE3\xEF\xC2";
                    if rng.below(2) == 0 {
                        HOT[rng.below(HOT.len())]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            let s = String::from_utf8_lossy(&bytes);
            check_invariants(&s);
        }
    }

    #[test]
    fn realistic_article() {
        let text = "Blinken, Wang Hold \"Candid\" Talks in Beijing\n\
\n\
BEIJING, June 19 (Reuters) - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister \
Qin Gang on Sunday. The two spoke for more than five hours.\u{A0}\"The talks were candid, \
substantive and constructive,\" the State Department said.\n\
\n\
Mr. Blinken, the most senior U.S. official to visit China since Jan. 2021, also met Wang Yi. \
He is due to leave at 4 p.m. Monday. \"Is this a breakthrough?\" one reporter asked. The \
answer was unclear.\n\
\n\
China's Xinhua news agency said relations were at their lowest point since 1979.Beijing \
blamed Washington.";
        assert_eq!(
            sents(text),
            [
                "Blinken, Wang Hold \"Candid\" Talks in Beijing",
                "BEIJING, June 19 (Reuters) - U.S. Secretary of State Antony Blinken met Chinese \
                 Foreign Minister Qin Gang on Sunday.",
                "The two spoke for more than five hours.",
                "\"The talks were candid, substantive and constructive,\" the State Department \
                 said.",
                "Mr. Blinken, the most senior U.S. official to visit China since Jan. 2021, also \
                 met Wang Yi.",
                "He is due to leave at 4 p.m. Monday.",
                "\"Is this a breakthrough?\" one reporter asked.",
                "The answer was unclear.",
                "China's Xinhua news agency said relations were at their lowest point since \
                 1979.Beijing blamed Washington.",
            ]
        );
        check_invariants(text);
    }

    /// Throughput check: `cargo test --release -- --ignored --nocapture throughput`.
    #[test]
    #[ignore]
    fn throughput() {
        const PARAGRAPHS: &[&str] = &[
            "Russian President Vladimir Putin and Chinese leader Xi Jinping held a phone call on \
             Dec. 28, the Kremlin said. The two sides discussed trade and energy. \"Relations \
             are at their best,\" Putin said.",
            "Mr. Blinken met Gen. Milley at 10 a.m. Tuesday in Washington, D.C. The U.S. State \
             Department declined to comment. Sanctions on Gazprom Neft Co. Ltd. remain.",
            "The E.U. extended sanctions for six months... Officials said the decision was \
             unanimous! Was it expected? Analysts say yes. Exports fell 3.5% to $117.5 billion.",
            "中国外交部发言人表示。双方同意加强合作！ Müller und Ševčenko waved 🤝. \
             1. Different styles of governance",
            "Qin Gang: The cooperation is not restricted.Russian news agency TASS reported it \
             on tass.ru, e.g. in a statement.",
        ];
        let mut rng = Rng(42);
        let mut text = String::with_capacity(21_000_000);
        while text.len() < 20_000_000 {
            text.push_str(PARAGRAPHS[rng.below(PARAGRAPHS.len())]);
            text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
        }
        let mut best = f64::MAX;
        let mut count = 0;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            count = split_sentences(&text).len();
            best = best.min(t.elapsed().as_secs_f64());
        }
        let mb = text.len() as f64 / 1e6;
        println!(
            "{mb:.1} MB, {count} sentences, best of 5: {best:.3} s = {:.0} MB/s",
            mb / best
        );
    }
}
