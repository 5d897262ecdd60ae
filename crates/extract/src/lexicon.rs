//! The boilerplate lexicon (`data/extract/boilerplate.txt`), parsed once.

use std::collections::HashSet;
use std::sync::LazyLock;

const SOURCE: &str = include_str!("../../../data/extract/boilerplate.txt");

#[derive(Debug, Default)]
pub struct Lexicon {
    pub line: HashSet<String>,
    pub contains: Vec<String>,
    pub list: HashSet<String>,
    pub agency: HashSet<String>,
    pub tail: HashSet<String>,
}

/// Parses the lexicon format; an error names the line and the reason.
pub fn parse(src: &str) -> Result<Lexicon, String> {
    let mut lex = Lexicon::default();
    let mut seen = HashSet::new();
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (cat, phrase) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: expected CATEGORY<TAB>phrase", i + 1))?;
        let phrase = phrase.trim();
        if phrase.is_empty() || phrase != phrase.to_lowercase() {
            return Err(format!(
                "line {}: phrase must be non-empty and lower-case",
                i + 1
            ));
        }
        if !seen.insert((cat.to_string(), phrase.to_string())) {
            return Err(format!("line {}: duplicate entry {cat}/{phrase}", i + 1));
        }
        let p = phrase.to_string();
        match cat {
            "line" => {
                lex.line.insert(p);
            }
            "contains" => lex.contains.push(p),
            "list" => {
                lex.list.insert(p);
            }
            "agency" => {
                lex.agency.insert(p);
            }
            "tail" => {
                lex.tail.insert(p);
            }
            other => return Err(format!("line {}: unknown category {other:?}", i + 1)),
        }
    }
    Ok(lex)
}

/// The built-in lexicon. The file is checked by the tests (and by `dyad check-data`), so this
/// cannot fail at run time for a build that passed them.
pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| parse(SOURCE).unwrap_or_else(|_| Lexicon::default()));

/// Checks the built-in lexicon, returning the number of entries.
pub fn check_builtin() -> Result<usize, String> {
    let l = parse(SOURCE)?;
    Ok(l.line.len() + l.contains.len() + l.list.len() + l.agency.len() + l.tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_is_valid() {
        let n = check_builtin().expect("data/extract/boilerplate.txt must parse");
        assert!(n > 100);
        assert!(LEXICON.agency.contains("afp"));
        assert!(LEXICON.list.contains("also read"));
    }

    #[test]
    fn malformed_lexicons_are_rejected() {
        assert!(parse("line share").unwrap_err().contains("line 1"));
        assert!(parse("line\tShare").unwrap_err().contains("lower-case"));
        assert!(parse("bogus\tx").unwrap_err().contains("unknown category"));
        assert!(parse("line\tx\nline\tx").unwrap_err().contains("duplicate"));
    }
}
