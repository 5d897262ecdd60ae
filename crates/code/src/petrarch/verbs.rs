//! PETRARCH/TABARI verb dictionaries (`*verbs*.txt`, `CAMEO*.txt`) and discard lists
//! (`*discards*.txt`).
//!
//! A verb dictionary holds synonym sets and verb blocks:
//!
//! ```text
//! &TIES_KIND            # a synonym set; members may name other sets
//! +TRADE
//! +CULTURAL
//!
//! --- MEND  [050] ---   # a block and its default code
//! MEND {MENDS MENDED}   # a verb, its irregular forms, optionally its own [code]
//! +PATCH_UP             # a compound: `+` marks the verb word, `_` joins the others
//! - * &TIES_KIND TIES [064]      # a pattern: `*` is the verb
//! - $ * FENCES WITH + [057:057]  # `$` source, `+` target, `A:B` a pair of events
//! ```
//!
//! In patterns a space allows other words in between and `_` does not; `%` is a compound
//! actor (the actors of "A and B" towards each other), `^` skips a phrase, `{...}` and
//! `(...)` group a noun or prepositional phrase (PETRARCH 2). Codes: `[064]`, `[032:033]`
//! (the second for the reverse direction), `[:110]` (passive only), `[---]` (no event).
//! Transformations (`~ a (b . ATTACK) SAY = a b 112`) are read into [`Transformation`]s.
//!
//! Files are often hand-edited: a line that cannot be read is skipped with a warning naming
//! the file and line, never a failure of the whole load.

use std::collections::HashMap;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A word; `exact` when it ended with `_` (otherwise it matches as a stem with an
    /// inflection: "TIE" matches "ties", "tied").
    Word { word: String, exact: bool },
    /// A synonym set by name (without `&`).
    Synset(String),
    /// `$`: the source is here.
    Source,
    /// `+`: the target is here.
    Target,
    /// `%`: a compound actor, source and target of each other.
    Compound,
    /// `^`: one phrase skipped.
    Skip,
}

/// An element and whether it must follow the previous one directly (`_`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub elem: Elem,
    pub adjacent: bool,
    /// Written inside `( )` or `{ }`: part of a prepositional phrase or of a noun phrase
    /// with its modifiers. A word outside them is, in PETRARCH 2's syntax, the head of one
    /// of the verb's own noun phrases.
    pub phrase: bool,
}

/// The code of a pattern or block: the event, and the reverse event of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Code {
    pub active: Option<String>,
    pub passive: Option<String>,
}

impl Code {
    /// `064`, `032:033`, `:110`, `---`; `None` for what is no code at all.
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        let part = |p: &str| -> Option<Option<String>> {
            let p = p.trim();
            if p.is_empty() || p.chars().all(|c| c == '-') {
                return Some(None);
            }
            p.chars()
                .all(|c| c.is_ascii_alphanumeric())
                .then(|| Some(p.to_ascii_uppercase()))
        };
        let (a, b) = match s.split_once(':') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        if s.is_empty() {
            return None;
        }
        Some(Code {
            active: part(a)?,
            passive: match b {
                Some(b) => part(b)?,
                None => None,
            },
        })
    }

    pub fn is_none(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, nearest the verb first.
    pub before: Vec<Step>,
    /// Elements after the verb, in order.
    pub after: Vec<Step>,
    pub code: Code,
    /// `file:line` and the pattern as written, for explanations.
    pub origin: String,
}

impl Pattern {
    /// Literal words and synsets: a pattern with more of them is more specific.
    pub fn weight(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .filter(|s| matches!(s.elem, Elem::Word { .. } | Elem::Synset(_)))
            .count()
    }
}

/// A verb of a block: its word form, the words of a compound around it, its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub block: usize,
    /// Words right before the verb word ("WIRE" in `WIRE_+TAP`).
    pub pre: Vec<String>,
    /// Words right after it ("DOWN" in `+BREAK_DOWN`).
    pub post: Vec<String>,
    /// The verb line's own code, else the block's applies.
    pub code: Option<Code>,
    /// Whether this form is a past participle or past tense (for the passive voice).
    pub past: bool,
    /// Whether this is the verb as written, the form an infinitive takes ("to help").
    pub base: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub name: String,
    pub code: Code,
    /// Most specific first.
    pub patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synonym sets: name -> member phrases (each a list of steps; members may be sets).
    pub synsets: HashMap<String, Vec<Vec<Step>>>,
    pub blocks: Vec<Block>,
    /// Upper-case word form -> the verbs it can be.
    pub forms: HashMap<String, Vec<VerbForm>>,
    /// Verb transformations (`~` lines), in file order.
    pub transformations: Vec<Transformation>,
    pub warnings: Vec<String>,
    /// Written in PETRARCH 2's syntax (prepositional phrases mostly in parentheses).
    pub petrarch2: bool,
}

/// A PETRARCH 2 verb transformation: an event reported inside another verb's complement
/// becomes one event. `~ a (b . ATTACK) SAY = a b 112`: when `a` says that `b` attacked
/// anyone, `a` accuses `b`.
///
/// Letters are actors: the outer verb's subject, the inner event's source and target; `_`
/// as the inner source is no subject of its own (an infinitive: "wants to attack"), `.` is
/// anyone. Verbs are named by a word of the dictionary and stand for its code's family
/// (`SAY` is any `01x` verb); `Q` is any verb, and as the result's code it is the inner
/// event's code. Words joined by `_` before the inner verb must come right before it
/// (`WILL_ATTACK`: "will attack").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub source: String,
    pub inner_source: String,
    pub inner_target: String,
    /// The inner verb's word and the words that must come before it.
    pub inner_verb: String,
    pub inner_before: Vec<String>,
    pub outer_verb: String,
    pub result_source: String,
    pub result_target: String,
    pub result_code: String,
    /// `file:line` and the line, for explanations.
    pub origin: String,
}

/// `a (b . ATTACK) SAY = a b 112` -> its parts; `None` when the line has another shape.
fn parse_transformation(line: &str, origin: &str) -> Option<Transformation> {
    let (left, right) = line.split_once('=')?;
    let left = left.replace('(', " ( ").replace(')', " ) ");
    let l: Vec<&str> = left.split_whitespace().collect();
    let r: Vec<&str> = right.split_whitespace().collect();
    let ["(", inner_source, inner_target, inner, ")", outer] = l.get(1..)? else {
        return None;
    };
    let [result_source, result_target, result_code] = r.as_slice() else {
        return None;
    };
    let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric());
    let mut inner_words: Vec<String> = inner.split('_').map(str::to_uppercase).collect();
    let inner_verb = inner_words.pop()?;
    if !word(l[0])
        || !word(&inner_verb)
        || !inner_words.iter().all(|w| word(w))
        || !word(outer)
        || !word(result_code)
    {
        return None;
    }
    Some(Transformation {
        source: l[0].to_string(),
        inner_source: inner_source.to_string(),
        inner_target: inner_target.to_string(),
        inner_verb,
        inner_before: inner_words,
        outer_verb: outer.to_uppercase(),
        result_source: result_source.to_string(),
        result_target: result_target.to_string(),
        result_code: result_code.to_uppercase(),
        origin: format!("{origin} ~ {}", line.trim()),
    })
}

impl VerbDictionary {
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    pub fn verb_count(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }
}

/// Removes comments: `#` to the end of the line and `<!-- ... -->`, possibly over lines.
fn strip_comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for line in text.lines() {
        let mut kept = String::new();
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(i) => {
                        kept.push_str(&rest[..i]);
                        rest = &rest[i + 4..];
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        let kept = kept.split('#').next().unwrap_or("").trim().to_string();
        out.push(kept);
    }
    out
}

enum State {
    None,
    Synset(String),
    Block(usize),
}

/// Reads one verb dictionary into `dict`; `file` names it in warnings.
pub fn parse_verbs(text: &str, file: &str, dict: &mut VerbDictionary) {
    let mut state = State::None;
    // A dictionary that mostly writes prepositional phrases in parentheses ("- * (FROM
    // BORDER)") is in PETRARCH 2's syntax, where a pattern's other words are the heads of
    // noun phrases: a preposition outside parentheses ("- * FROM +", a TABARI leftover)
    // heads no noun phrase, and PETRARCH 2 never matches such a pattern. TABARI's
    // dictionaries write prepositions bare.
    let lines = strip_comments(text);
    let patterns = || {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix('-'))
            .filter(|l| !l.starts_with("--"))
    };
    let petrarch2 = patterns().filter(|l| l.contains('(')).count()
        > patterns().filter(|l| bare_preposition(l)).count();
    dict.petrarch2 |= petrarch2;
    for (i, line) in strip_comments(text).iter().enumerate() {
        let line = line.as_str();
        let at = || format!("{file}:{}", i + 1);
        if line.is_empty() {
            // A blank line ends a synonym set but not a verb block.
            if matches!(state, State::Synset(_)) {
                state = State::None;
            }
            continue;
        }
        if line.starts_with("---") {
            let inner = line.trim_matches('-').trim();
            let (name, codes) = split_codes(inner);
            let code = codes.first().and_then(|c| Code::parse(c));
            if name.is_empty() || (!codes.is_empty() && code.is_none()) {
                dict.warnings
                    .push(format!("{}: unreadable verb block header", at()));
                state = State::None;
                continue;
            }
            dict.blocks.push(Block {
                name: name.to_uppercase(),
                code: code.unwrap_or_default(),
                patterns: Vec::new(),
            });
            state = State::Block(dict.blocks.len() - 1);
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("");
            let name = name.trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                dict.warnings
                    .push(format!("{}: synonym set without a name", at()));
                state = State::None;
                continue;
            }
            dict.synsets.entry(name.clone()).or_default();
            state = State::Synset(name);
            continue;
        }
        if let Some(t) = line.strip_prefix('~') {
            match parse_transformation(t, &at()) {
                Some(t) => dict.transformations.push(t),
                None => dict
                    .warnings
                    .push(format!("{}: unreadable transformation", at())),
            }
            continue;
        }
        match &state {
            State::Synset(name) => {
                let Some(member) = line.strip_prefix('+') else {
                    dict.warnings
                        .push(format!("{}: synonym set member without `+`", at()));
                    continue;
                };
                match steps(member) {
                    Some(s) if !s.is_empty() => {
                        dict.synsets.entry(name.clone()).or_default().push(s);
                    }
                    _ => dict
                        .warnings
                        .push(format!("{}: unreadable synonym set member", at())),
                }
            }
            State::Block(b) => {
                let b = *b;
                if let Some(p) = line.strip_prefix('-') {
                    if petrarch2 && bare_preposition(p) {
                        continue;
                    }
                    match parse_pattern(p, &at()) {
                        Ok(p) => dict.blocks[b].patterns.push(p),
                        Err(why) => dict.warnings.push(format!("{}: {why}", at())),
                    }
                } else if let Err(why) = add_verb(line, b, dict) {
                    dict.warnings.push(format!("{}: {why}", at()));
                }
            }
            State::None => dict.warnings.push(format!(
                "{}: line outside any verb block or synonym set",
                at()
            )),
        }
    }
    // The most specific pattern first; file order among equals.
    for b in &mut dict.blocks {
        b.patterns.sort_by_key(|p| std::cmp::Reverse(p.weight()));
    }
}

/// Whether a pattern has a preposition outside parentheses and braces (before its code).
fn bare_preposition(p: &str) -> bool {
    let body = p.split('[').next().unwrap_or("");
    let mut depth = 0i32;
    let mut bare = false;
    for chunk in body.split_whitespace() {
        let opens = chunk.starts_with(['(', '{']);
        if opens {
            depth += 1;
        }
        let word: String = chunk.chars().filter(|c| !"{}()".contains(*c)).collect();
        if depth == 0
            && word
                .split('_')
                .any(|w| super::coder::PREPOSITIONS.contains(&w.to_uppercase().as_str()))
        {
            bare = true;
        }
        depth -= chunk.chars().filter(|&c| c == ')' || c == '}').count() as i32;
        depth = depth.max(0);
    }
    bare
}

/// `NAME [A] [B]` -> (`NAME`, [`A`, `B`]).
fn split_codes(s: &str) -> (&str, Vec<&str>) {
    let (name, rest) = match s.find('[') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    // An unclosed bracket is no code.
    let codes = rest
        .split('[')
        .filter_map(|p| p.split_once(']').map(|(c, _)| c))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (name.trim(), codes)
}

/// Splits a compound as written (`WIRE_+TAP`, `+BREAK_DOWN`, `LASH OUT`) into the words
/// before the verb word, the verb word and the words after.
fn compound(s: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let words: Vec<&str> = s
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let marked = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |w: &str| -> Option<String> {
        let w = w.trim_start_matches('+').to_uppercase();
        (!w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || "'-.".contains(c))).then_some(w)
    };
    let verb = clean(words[marked])?;
    let pre = words[..marked]
        .iter()
        .map(|w| clean(w))
        .collect::<Option<Vec<_>>>()?;
    let post = words[marked + 1..]
        .iter()
        .map(|w| clean(w))
        .collect::<Option<Vec<_>>>()?;
    Some((pre, verb, post))
}

/// The regular forms of an English verb (upper case): base, -s, -ed, -ing. The second of
/// each pair says whether it can be a past participle.
pub fn regular_forms(v: &str) -> Vec<(String, bool)> {
    let mut out = vec![(v.to_string(), false)];
    let before_last = v.chars().rev().nth(1);
    let vowel = |c: Option<char>| c.is_some_and(|c| "AEIOU".contains(c));
    if v.ends_with('Y') && !vowel(before_last) {
        let stem = &v[..v.len() - 1];
        out.push((format!("{stem}IES"), false));
        out.push((format!("{stem}IED"), true));
        out.push((format!("{v}ING"), false));
    } else if let Some(stem) = v.strip_suffix('E') {
        out.push((format!("{v}S"), false));
        out.push((format!("{v}D"), true));
        out.push((format!("{stem}ING"), false));
    } else {
        let s = if v.ends_with(['S', 'X', 'Z']) || v.ends_with("CH") || v.ends_with("SH") {
            "ES"
        } else {
            "S"
        };
        out.push((format!("{v}{s}"), false));
        out.push((format!("{v}ED"), true));
        out.push((format!("{v}ING"), false));
    }
    out
}

fn add_verb(line: &str, block: usize, dict: &mut VerbDictionary) -> Result<(), String> {
    let (head, codes) = split_codes(line);
    let code = match codes.first() {
        Some(c) => Some(Code::parse(c).ok_or_else(|| format!("unreadable code [{c}]"))?),
        None => None,
    };
    let (head, irregular) = match head.split_once('{') {
        Some((h, rest)) => {
            let inner = rest.split_once('}').map(|(x, _)| x).ok_or("unclosed `{`")?;
            (h.trim(), Some(inner))
        }
        None => (head, None),
    };
    let (pre, verb, post) = compound(head).ok_or("unreadable verb")?;
    let mut forms: Vec<(String, bool, Vec<String>, Vec<String>)> = regular_forms(&verb)
        .into_iter()
        .map(|(f, past)| (f, past, pre.clone(), post.clone()))
        .collect();
    for form in irregular.unwrap_or("").split_whitespace() {
        if let Some((p, v, q)) = compound(form) {
            // An irregular form is a past form unless it ends like a present or -ing form.
            let past = !(v.ends_with("ING") || v.ends_with('S'));
            forms.push((v, past, p, q));
        }
    }
    for (form, past, pre, post) in forms {
        let base = form == verb;
        let entry = dict.forms.entry(form).or_default();
        let v = VerbForm {
            block,
            pre,
            post,
            code: code.clone(),
            past,
            base,
        };
        if !entry.contains(&v) {
            entry.push(v);
        }
    }
    Ok(())
}

/// The steps of a phrase (pattern side or synset member).
fn steps(s: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for chunk in s.split_whitespace() {
        if chunk.starts_with(['(', '{']) {
            depth += 1;
        }
        let phrase = depth > 0;
        depth = depth.saturating_sub(chunk.chars().filter(|&c| c == ')' || c == '}').count());
        let chunk: String = chunk.chars().filter(|c| !"{}()".contains(*c)).collect();
        let parts: Vec<&str> = chunk.split('_').collect();
        let mut adjacent = false;
        for (k, part) in parts.iter().enumerate() {
            if part.is_empty() {
                // A trailing `_` makes the word before it exact; a leading one joins.
                if k > 0 {
                    if let Some(Step {
                        elem: Elem::Word { exact, .. },
                        ..
                    }) = out.last_mut()
                    {
                        *exact = true;
                    }
                }
                adjacent = true;
                continue;
            }
            let elem = match *part {
                "$" => Elem::Source,
                "+" => Elem::Target,
                "%" => Elem::Compound,
                "^" => Elem::Skip,
                p if p.starts_with('&') => {
                    let n = p[1..].to_uppercase();
                    if n.is_empty() {
                        return None;
                    }
                    Elem::Synset(n)
                }
                p if p
                    .chars()
                    .all(|c| c.is_alphanumeric() || "'-.,*".contains(c)) =>
                {
                    Elem::Word {
                        word: p.to_uppercase(),
                        exact: false,
                    }
                }
                _ => return None,
            };
            out.push(Step {
                elem,
                adjacent: adjacent || k > 0,
                phrase,
            });
            adjacent = false;
        }
    }
    Some(out)
}

fn parse_pattern(p: &str, origin: &str) -> Result<Pattern, String> {
    let (body, codes) = split_codes(p);
    let Some(c) = codes.first() else {
        return Err("pattern without a [code]".into());
    };
    let code = Code::parse(c).ok_or_else(|| format!("unreadable code [{c}]"))?;
    let all = steps(body).ok_or("unreadable pattern")?;
    let star = |s: &Step| matches!(&s.elem, Elem::Word { word, .. } if word == "*");
    let stars = all.iter().filter(|s| star(s)).count();
    if stars != 1 {
        return Err(format!("pattern needs one `*`, has {stars}"));
    }
    let at = all.iter().position(star).unwrap_or(0);
    // Adjacency belongs to the pair: the verb's step says whether it touches what is before.
    let verb_adjacent = all[at].adjacent;
    let mut before: Vec<Step> = Vec::new();
    // Walking back from the verb, a step is adjacent to the one after it (nearer the verb).
    let mut next_adjacent = verb_adjacent;
    for s in all[..at].iter().rev() {
        before.push(Step {
            elem: s.elem.clone(),
            adjacent: next_adjacent,
            phrase: s.phrase,
        });
        next_adjacent = s.adjacent;
    }
    let after = all[at + 1..].to_vec();
    Ok(Pattern {
        before,
        after,
        code,
        origin: format!("{origin} - {}", body.trim()),
    })
}

/// A discard phrase: sentences (or, with `story`, whole texts) containing it are not coded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    pub words: Vec<String>,
    /// The last word must end there (written with a final `_`); otherwise it is a stem.
    pub exact_end: bool,
    pub story: bool,
}

pub fn parse_discards(text: &str, file: &str, warnings: &mut Vec<String>) -> Vec<Discard> {
    let mut out = Vec::new();
    for (i, line) in strip_comments(text).iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        let story = line.starts_with('+');
        let body = line.trim_start_matches('+').trim();
        let exact_end = body.ends_with('_');
        let words: Vec<String> = body
            .split(['_', ' ', '\t'])
            .filter(|w| !w.is_empty())
            .map(str::to_uppercase)
            .collect();
        if words.is_empty() {
            warnings.push(format!("{file}:{}: empty discard phrase", i + 1));
            continue;
        }
        out.push(Discard {
            words,
            exact_end,
            story,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "<!-- a tiny dictionary -->\n\
        &KINDS_\n\
        +TRADE\n\
        +CULTURAL\n\
        +&MORE\n\
        \n\
        &MORE\n\
        +SPORTING LINKS\n\
        \n\
        --- MEND  [050]  ---\n\
        MEND {MENDS MENDED}   # a note\n\
        +PATCH_UP {+PATCHED_UP}\n\
        WIRE_+TAP\n\
        +SMOOTH_OVER [051]\n\
        - * &KINDS TIES [064]\n\
        - $ * FENCES_WITH + [057:057]\n\
        - NOT_* [---]\n\
        - * [broken\n\
        - FENCES [040]\n\
        \n\
        --- SNUB [:110] ---\n\
        SNUB\n\
        - * {OLD FRIENDS} (AT +) [111]\n\
        ~ a (a b SNUB) SAY = a b 015\n";

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        parse_verbs(VERBS, "v.txt", &mut d);
        d
    }

    #[test]
    fn blocks_verbs_forms_and_compounds() {
        let d = dict();
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].code.active.as_deref(), Some("050"));
        assert_eq!(d.blocks[1].code.active, None);
        assert_eq!(d.blocks[1].code.passive.as_deref(), Some("110"));
        for f in ["MEND", "MENDS", "MENDED", "MENDING", "SNUBS", "SMOOTHED"] {
            assert!(d.forms.contains_key(f), "{f}");
        }
        let up = &d.forms["PATCHED"];
        assert!(up.iter().any(|v| v.post == ["UP"] && v.past), "{up:?}");
        let tap = &d.forms["TAPS"];
        assert!(tap.iter().any(|v| v.pre == ["WIRE"]), "{tap:?}");
        let over = &d.forms["SMOOTH"][0];
        assert_eq!(over.post, ["OVER"]);
        assert_eq!(over.code.as_ref().unwrap().active.as_deref(), Some("051"));
    }

    #[test]
    fn synsets_and_patterns() {
        let d = dict();
        assert_eq!(d.synsets["KINDS"].len(), 3);
        assert_eq!(d.synsets["MORE"][0].len(), 2);
        let mend = &d.blocks[0];
        // The broken one and the one without `*` are left out, with warnings.
        assert_eq!(mend.patterns.len(), 3, "{:?}", mend.patterns);
        let fences = mend
            .patterns
            .iter()
            .find(|p| p.code.passive.is_some())
            .unwrap();
        assert_eq!(fences.before[0].elem, Elem::Source);
        assert!(!fences.before[0].adjacent);
        assert!(fences.after[1].adjacent, "{:?}", fences.after);
        assert_eq!(fences.after[2].elem, Elem::Target);
        let not = mend.patterns.iter().find(|p| p.code.is_none()).unwrap();
        assert!(not.before[0].adjacent);
        let snub = &d.blocks[1].patterns[0];
        assert_eq!(snub.after.len(), 4, "{:?}", snub.after);
        assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
        assert!(d.warnings[0].starts_with("v.txt:18:"), "{:?}", d.warnings);
    }

    #[test]
    fn a_bare_preposition_matches_nothing_in_petrarch_2_syntax() {
        let patterns = |text: &str| {
            let mut d = VerbDictionary::default();
            parse_verbs(text, "v.txt", &mut d);
            d.blocks[0]
                .patterns
                .iter()
                .map(|p| p.code.active.clone().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        // Mostly parenthesised phrases: PETRARCH 2's syntax, where "- * FROM +" reads
        // "from" as the head of a noun phrase and never matches.
        let p2 = "--- RETREAT [080] ---\nRETREAT\n- * (FROM BORDER) [0874]\n\
                  - * (FROM {BUFFER ZONE}) [0871]\n- * FROM + [0872]\n- * TROOPS [087]\n";
        let mut got = patterns(p2);
        got.sort();
        assert_eq!(got, ["087", "0871", "0874"]);
        // TABARI's syntax writes prepositions bare: all are read.
        let tabari = "--- RETREAT [080] ---\nRETREAT\n- * FROM + [0872]\n- * AT ^ + [0873]\n";
        assert_eq!(patterns(tabari).len(), 2);
    }

    #[test]
    fn codes() {
        assert_eq!(
            Code::parse("032:033"),
            Some(Code {
                active: Some("032".into()),
                passive: Some("033".into())
            })
        );
        assert!(Code::parse("---").unwrap().is_none());
        assert_eq!(Code::parse("+++"), None);
        assert_eq!(Code::parse(""), None);
    }

    #[test]
    fn discards() {
        let mut w = Vec::new();
        let d = parse_discards(
            "# heads\nBASEBALL\n+WORLD CUP_   # a note\n\n",
            "d.txt",
            &mut w,
        );
        assert_eq!(d.len(), 2);
        assert!(d[1].story && d[1].exact_end);
        assert_eq!(d[1].words, ["WORLD", "CUP"]);
    }

    #[test]
    fn junk_never_panics() {
        let junk = [
            "",
            "---",
            "--- ---",
            "&",
            "+",
            "-",
            "- *",
            "- * [",
            "- [064]",
            "{",
            "}",
            "--- X [",
            "X {",
            "X {}",
            "+_",
            "_+",
            "&_",
            "- *_* [1]",
            "- &",
            "- ^_$_%_+_* [9]",
            "--- é [0ü] ---",
            "ü {ü}",
            "- ü * [01]",
            "<!--",
            "-->",
            "~",
            // Found by the `petrarch` fuzz target: a transformation with nothing before `=`.
            "~ = a b 010",
            "\u{0}",
            "- * (((",
            "+&",
            "[",
            "]",
            "- * [:]",
            "- * [a:b:c]",
        ];
        for a in junk {
            for b in junk {
                let mut d = VerbDictionary::default();
                parse_verbs(
                    &format!("--- V [01] ---\nV\n{a}\n{b}\n&S\n{a}\n{b}\n"),
                    "j",
                    &mut d,
                );
                let mut w = Vec::new();
                parse_discards(&format!("{a}\n{b}"), "j", &mut w);
            }
        }
    }
}
