//! Quotes: who said what, and through whom we know it.
//!
//! Rules over words, quotation marks and the mention layer, no model:
//! - direct quotes are quotation-mark regions ([`marks`]) tied to a reporting cue next to them
//!   ("…,” said Wang Yi; Qin Gang said: “…”), split quotes are one quote;
//! - reported speech is the clause a reporting verb or phrase governs ("X said (that) …",
//!   "…, X said", "according to X, …"), with the lexicon of `data/quotes/cues.txt`;
//! - transcript lines ("Qin Gang: …") have the colon as their cue;
//! - the speaker is the noun phrase next to the cue; a pronoun speaker keeps its own span and
//!   takes the entity of the person or organisation named last before it;
//! - a quote nested in another one's content gets the chain of sources it passed through
//!   ("documents claimed …, according to the Post"), with hedges and anonymous sources flagged.

pub mod lexicon;
pub mod marks;
mod speaker;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bounds;
#[cfg(test)]
mod tests_lexicon;
#[cfg(test)]
mod tests_lexicon2;
#[cfg(test)]
mod tests_particles;
#[cfg(test)]
mod tests_speakers;
#[cfg(test)]
mod tests_split;
#[cfg(test)]
mod tests_subjects;

use dyad_model::{CueClass, Mention, Quote, QuoteKind, Source, Span};
use lexicon::{Lexicon, LEXICON};
use marks::Region;

/// A word or a single punctuation character, with its byte span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub word: bool,
}

/// Words (letters and digits, with inner apostrophes, hyphens, dots and ampersands) and
/// single punctuation characters. ASCII is read byte by byte; other characters are decoded.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast paths: the rest of an ASCII word, and ASCII spaces between tokens.
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        }
        if start.is_none() && matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let alnum = if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        let inner = !alnum
            && start.is_some()
            && matches!(c, '\'' | '’' | '-' | '.' | '&')
            && text[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if alnum || inner {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Tok {
                    s,
                    e: i,
                    word: true,
                });
            }
            if !c.is_whitespace() {
                out.push(Tok {
                    s: i,
                    e: i + len,
                    word: false,
                });
            }
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Tok {
            s,
            e: text.len(),
            word: true,
        });
    }
    out
}

/// The shared view of one document.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    /// ASCII-lower-cased copy: the same byte offsets as `text`.
    pub low: String,
    pub toks: Vec<Tok>,
    pub regions: Vec<Region>,
    pub lx: &'a Lexicon,
    /// Words before each token: counts over a stretch in constant time.
    wpre: Vec<u32>,
    /// The words that may be cues or start a phrase, hedge or anonymity marker, found in one
    /// pass; everything else looks only at these.
    pub cands: Vec<usize>,
}

/// The longest content a quote may have, in bytes: a paragraph of a megabyte with no
/// sentence break must not make every cue's content the whole of it.
pub(crate) const MAX_CONTENT: usize = 5000;

impl<'a> Ctx<'a> {
    fn new(text: &'a str, lx: &'a Lexicon) -> Self {
        let toks = tokenize(text);
        let mut wpre = Vec::with_capacity(toks.len() + 1);
        let mut n = 0u32;
        wpre.push(0);
        for t in &toks {
            n += u32::from(t.word);
            wpre.push(n);
        }
        let low = text.to_ascii_lowercase();
        let cands = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.word && {
                    let w = &low[t.s..t.e];
                    lx.may_be_cue(w) && (lx.verbs.contains_key(w) || lx.starts.contains(w))
                }
            })
            .map(|(i, _)| i)
            .collect();
        Ctx {
            text,
            low,
            toks,
            regions: marks::regions(text),
            lx,
            wpre,
            cands,
        }
    }

    /// The candidate words among tokens `a..b`.
    pub fn cands_in(&self, a: usize, b: usize) -> &[usize] {
        let i = self.cands.partition_point(|&c| c < a);
        let j = self.cands.partition_point(|&c| c < b);
        &self.cands[i..j.max(i)]
    }

    /// How many words tokens `a..b` hold.
    pub fn words_in(&self, a: usize, b: usize) -> usize {
        if a >= b {
            return 0;
        }
        (self.wpre[b.min(self.toks.len())] - self.wpre[a.min(self.toks.len())]) as usize
    }

    /// Whether a quotation region of more than four words starts or ends inside tokens
    /// `a..b`.
    pub fn long_region_in(&self, a: usize, b: usize) -> bool {
        if a >= b || b > self.toks.len() {
            return false;
        }
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        let i = self.regions.partition_point(|r| r.end <= s);
        self.regions[i..]
            .iter()
            .take_while(|r| r.start < e)
            .any(|r| self.words_in(self.tok_at(r.start), self.tok_at(r.end)) > 4)
    }

    /// Whether a quotation region starts or ends inside tokens `a..b`.
    pub fn has_region(&self, a: usize, b: usize) -> bool {
        if a >= b || b > self.toks.len() {
            return false;
        }
        let (s, e) = (self.toks[a].s, self.toks[b - 1].e);
        let i = self.regions.partition_point(|r| r.end <= s);
        i < self.regions.len() && self.regions[i].start < e
    }

    /// The token end of a content that starts at token `a`, within `b` and [`MAX_CONTENT`].
    pub fn cap_after(&self, a: usize, b: usize) -> usize {
        if a >= b {
            return b;
        }
        self.tok_at(self.toks[a].s + MAX_CONTENT).min(b)
    }

    /// The token start of a content that ends before token `b`, within `a` and [`MAX_CONTENT`].
    pub fn cap_before(&self, a: usize, b: usize) -> usize {
        if a >= b || b == 0 {
            return a;
        }
        self.tok_at(self.toks[b - 1].e.saturating_sub(MAX_CONTENT))
            .max(a)
    }

    /// The lower-cased text of token `i`.
    pub fn w(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.low[t.s..t.e]
    }

    pub fn raw(&self, i: usize) -> &str {
        let t = self.toks[i];
        &self.text[t.s..t.e]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].word
    }

    /// Whether token `i` is the word or sign `s`; false past the last token.
    pub fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.w(i) == s
    }

    pub fn cap(&self, i: usize) -> bool {
        self.toks[i].word && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn region_of(&self, i: usize) -> Option<usize> {
        marks::containing(&self.regions, self.toks[i].s)
    }

    /// The first token whose start is at or after byte `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.s < pos)
    }

    /// Whether the lower-cased word sequence `seq` starts at token `i` (words only).
    pub fn seq_at(&self, i: usize, end: usize, seq: &[String]) -> bool {
        i + seq.len() <= end
            && seq
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(i + k) && self.w(i + k) == w)
    }
}

/// A stretch of sentences that no quotation region crosses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// Token range.
    pub a: usize,
    pub b: usize,
}

fn units(ctx: &Ctx, sentences: &[Span]) -> Vec<Unit> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let base: Vec<(usize, usize)> = if sentences.is_empty() {
        vec![(0, ctx.text.len())]
    } else {
        sentences.iter().map(|s| (s.start, s.end)).collect()
    };
    for (s, e) in base {
        if let Some(last) = spans.last_mut() {
            // A sentence break inside a quotation: "We will win. We always do," he said.
            if marks::containing(&ctx.regions, last.1.saturating_sub(1))
                .is_some_and(|r| ctx.regions[r].end > last.1)
            {
                last.1 = e.max(last.1);
                continue;
            }
        }
        spans.push((s, e));
    }
    spans
        .into_iter()
        .map(|(s, e)| Unit {
            a: ctx.tok_at(s),
            b: ctx.tok_at(e),
        })
        .filter(|u| u.a < u.b)
        .collect()
}

/// One found attribution, before entities and chains.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub content: (usize, usize),
    pub cue: (usize, usize),
    pub speaker: Option<(usize, usize)>,
}

/// Finds the quotes of a text, given its sentences and mentions.
pub fn find_quotes(text: &str, sentences: &[Span], mentions: &[Mention]) -> Vec<Quote> {
    find_with(text, sentences, mentions, &LEXICON)
}

pub fn find_with(text: &str, sentences: &[Span], mentions: &[Mention], lx: &Lexicon) -> Vec<Quote> {
    if lx.verbs.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx::new(text, lx);
    let mut found: Vec<Found> = speaker::transcripts(&ctx);
    found.extend(speaker::dash_credits(&ctx));
    let us = units(&ctx, sentences);
    // The index in `found` of the last quote of the previous unit.
    let mut last: Option<usize> = None;
    // The previous unit when it ended in a colon and found nothing: "… said in a
    // statement:" with the quotation in the next paragraph.
    let mut colon_before: Option<Unit> = None;
    // The previous unit when it found nothing and ended in a closing quotation mark: the
    // sentence split after "?”" in "“Can we win?” Mr. Lopez asked." leaves the cue alone.
    let mut quote_before: Option<Unit> = None;
    for u in us {
        let mut here = speaker::in_unit(&ctx, u);
        if here.is_empty() {
            if let Some(p) = colon_before.filter(|_| ctx.region_of(u.a).is_some()) {
                let joined = Unit { a: p.a, b: u.b };
                here = speaker::in_unit(&ctx, joined);
                let start = ctx.toks[u.a].s;
                here.retain(|f| f.content.0 >= start && f.cue.1 <= start);
            }
        }
        if here.is_empty() && ctx.words_in(u.a, u.b) <= 12 {
            if let Some(p) = quote_before {
                let joined = Unit { a: p.a, b: u.b };
                here = speaker::in_unit(&ctx, joined);
                let start = ctx.toks[u.a].s;
                here.retain(|f| f.content.1 <= start && f.cue.0 >= start && !is_stance(&ctx, f));
            }
        }
        quote_before = (here.is_empty() && u.b > u.a + 1 && {
            let t = ctx.toks[u.b - 1];
            ctx.region_of(u.b - 1).is_some_and(|r| {
                ctx.regions[r].end == t.e && ctx.regions[r].start <= ctx.toks[u.a].s
            }) && {
                // The sign before the closing mark ('' is two tokens).
                let mut k = u.b - 1;
                while k > u.a && matches!(ctx.w(k), "'" | "\"" | "”" | "’" | "»") {
                    k -= 1;
                }
                ctx.is(k, "?") || ctx.is(k, "!")
            }
        })
        .then_some(u);
        colon_before = (here.is_empty() && u.b > u.a && ctx.is(u.b - 1, ":")).then_some(u);
        if here.is_empty() {
            // A quotation that is a sentence of its own, right after a quoted sentence with
            // its cue in the same paragraph, continues that quote ("…,” he said. “…”).
            if let Some(end) = last.and_then(|i| speaker::follow_on(&ctx, u, &found[i])) {
                if let Some(i) = last {
                    found[i].content.1 = end;
                }
                continue;
            }
        }
        last = (!here.is_empty()).then(|| found.len() + here.len() - 1);
        found.extend(here);
    }
    found.retain(|f| {
        f.content.0 < f.content.1
            && text.is_char_boundary(f.content.0)
            && text.is_char_boundary(f.content.1)
    });
    found.sort_by_key(|f| (f.content.0, f.content.1));
    found.dedup_by(|b, a| a.content == b.content && a.speaker == b.speaker);
    drop_nested_stances(&ctx, &mut found);
    finish(&ctx, &found, mentions)
}

/// Whether a found attribution's cue is a word of stance ("believes", "plans", "Trump's
/// view").
fn is_stance(ctx: &Ctx, f: &Found) -> bool {
    ctx.low
        .get(f.cue.0..f.cue.1)
        .and_then(|w| ctx.lx.verbs.get(w))
        .is_some_and(|v| v.stance)
}

/// A stance whose cue lies inside another attribution's content is part of that
/// report ("Kelly said she wanted to …" reports what Kelly said): it is left out. `found` is
/// sorted by content start.
fn drop_nested_stances(ctx: &Ctx, found: &mut Vec<Found>) {
    let nested: Vec<bool> = (0..found.len())
        .map(|j| {
            let f = &found[j];
            if !is_stance(ctx, f) {
                return false;
            }
            // The cue decides, not the holder: in "Sanders has pledged to support Clinton"
            // the holder stands before the pledge's content, the stance inside it.
            let at = f.cue.0;
            // Contents that start before the cue: the ones sorted before it, in a window
            // that keeps long texts linear.
            let lo = j.saturating_sub(40);
            found[lo..found.len().min(j + 40)]
                .iter()
                .enumerate()
                .any(|(k, o)| k + lo != j && o.content.0 <= at && f.cue.1 <= o.content.1)
        })
        .collect();
    if nested.iter().any(|&n| n) {
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !nested[k - 1]
        });
    }
}

fn sp((s, e): (usize, usize)) -> Span {
    Span::new(s, e)
}

/// Kind by the quotation marks inside the content: all of it quoted, part of it, or none.
fn kind(ctx: &Ctx, (s, e): (usize, usize)) -> QuoteKind {
    let first = ctx.regions.partition_point(|r| r.end <= s);
    let mut quoted = 0;
    for r in ctx.regions[first..].iter().take_while(|r| r.start < e) {
        quoted += r.end.min(e) - r.start.max(s);
    }
    if quoted == 0 {
        return QuoteKind::Indirect;
    }
    // Unquoted letters left over, counted in the gaps between regions (the speaker inside
    // a split quote does not count).
    let mut letters_outside = 0;
    let mut at = s;
    for r in ctx.regions[first..].iter().take_while(|r| r.start < e) {
        if r.start > at {
            letters_outside += ctx.text[at..r.start]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count();
        }
        at = at.max(r.end);
    }
    if at < e {
        letters_outside += ctx.text[at..e]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count();
    }
    let starts_quoted = marks::containing(&ctx.regions, s).is_some();
    let ends_quoted = marks::containing(&ctx.regions, e - 1).is_some();
    if letters_outside == 0 || (starts_quoted && ends_quoted && letters_outside < 40) {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

fn finish(ctx: &Ctx, found: &[Found], mentions: &[Mention]) -> Vec<Quote> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.span.start, m.span.end));
    let mut entities: Vec<Option<String>> = found
        .iter()
        .map(|f| f.speaker.and_then(|s| speaker::entity(ctx, s, &sorted)))
        .collect();
    continue_speakers(ctx, found, &sorted, &mut entities);
    let mut out = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        // Provenance: the quotes whose content holds this one's speaker and cue relay it.
        let mut chain: Vec<Source> = Vec::new();
        if let Some(s) = f.speaker {
            chain.push(source(ctx, s, f.cue));
            let mut cur = i;
            // Two reports may hold each other's cue when a content runs long ("Putin said …”
            // according to AFP": each content then holds the other's cue); a source is never
            // passed through twice.
            let mut seen = vec![i];
            for _ in 0..4 {
                let inner = &found[cur];
                let lo = inner.speaker.map_or(inner.cue.0, |s| s.0.min(inner.cue.0));
                let hi = inner.speaker.map_or(inner.cue.1, |s| s.1.max(inner.cue.1));
                // Nested quotes sit near each other in content order; a window keeps long
                // texts linear.
                let lo_i = cur.saturating_sub(40);
                let outer = found[lo_i..found.len().min(cur + 40)]
                    .iter()
                    .enumerate()
                    .map(|(k, o)| (k + lo_i, o))
                    .filter(|&(j, o)| {
                        !seen.contains(&j)
                            && o.speaker.is_some()
                            && o.speaker != inner.speaker
                            && o.content.0 <= lo
                            && hi <= o.content.1
                    })
                    .min_by_key(|(_, o)| o.content.1 - o.content.0);
                let Some((j, o)) = outer else { break };
                if let Some(s) = o.speaker {
                    chain.push(source(ctx, s, o.cue));
                }
                seen.push(j);
                cur = j;
            }
        }
        let keep_chain = chain.len() > 1 || chain.iter().any(|c| c.anonymous);
        out.push(Quote {
            content: sp(f.content),
            cue: Some(sp(f.cue)),
            speaker: f.speaker.map(sp),
            speaker_entity: entities[i].clone(),
            kind: kind(ctx, f.content),
            chain: if keep_chain { chain } else { Vec::new() },
            hedged: speaker::hedged(ctx, f),
            cue_class: if is_stance(ctx, f) {
                CueClass::Stance
            } else {
                CueClass::Speech
            },
        });
    }
    out
}

/// "Ward told Insider that Li's visit signals … . “…,” he said.": "he" goes on with the
/// person who spoke just before (a quote a sentence or two earlier whose speaker phrase ends
/// in a person's name), not with the last name in what that person said ("Li's visit"). The
/// earlier speaker may be unknown to the knowledge base; then so is "he".
fn continue_speakers(
    ctx: &Ctx,
    found: &[Found],
    mentions: &[&Mention],
    entities: &mut [Option<String>],
) {
    let person_at = |s: (usize, usize)| {
        let i = mentions.partition_point(|m| m.span.start < s.0);
        mentions[i.saturating_sub(4)..]
            .iter()
            .take_while(|m| m.span.start < s.1)
            .any(|m| m.kind == "PERSON" && m.span.start >= s.0 && m.span.end == s.1)
    };
    for i in 0..found.len() {
        let Some(s) = found[i].speaker else { continue };
        let pronoun = ctx
            .text
            .get(s.0..s.1)
            .is_some_and(|w| matches!(w, "he" | "He" | "she" | "She"));
        if !pronoun {
            continue;
        }
        // The closest earlier report within a few hundred bytes that is not itself relayed
        // inside another one's content ("Ward told Insider that Li's visit signals …").
        let nested = |g: &Found| {
            g.speaker.is_some_and(|gs| {
                found
                    .iter()
                    .any(|o| o.content.0 <= gs.0 && gs.1 <= o.content.1 && o.speaker != g.speaker)
            })
        };
        let earlier = found[..i]
            .iter()
            .enumerate()
            .rev()
            .take(6)
            .filter(|(_, g)| g.speaker.is_some_and(|gs| gs.1 <= s.0 && s.0 - gs.1 < 400))
            .find(|(_, g)| !nested(g));
        let Some((j, g)) = earlier else { continue };
        let Some(gs) = g.speaker else { continue };
        let named = ctx
            .text
            .get(gs.0..gs.1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && w != "He" && w != "She");
        // A person named between, outside what the earlier speaker said, is the likelier
        // antecedent ("Xi said …. In contrast, Putin's message was reserved. He …").
        let between = mentions[mentions.partition_point(|m| m.span.start < gs.1)..]
            .iter()
            .take_while(|m| m.span.end <= s.0)
            .any(|m| {
                m.kind == "PERSON" && !(g.content.0 <= m.span.start && m.span.end <= g.content.1)
            });
        if named && person_at(gs) && !between {
            entities[i] = entities[j].clone();
        }
    }
}

fn source(ctx: &Ctx, s: (usize, usize), cue: (usize, usize)) -> Source {
    Source {
        span: sp(s),
        anonymous: speaker::anonymous(ctx, s, cue),
    }
}
