//! The actor knowledge base: countries, people with dated roles, organisations and generic
//! agents, read from our TSV files under `data/kb/` (format: `docs/kb.md`).
//!
//! Every record is checked when it is read; an error names the file, the line and the reason.

pub mod petrarch;

use chrono::NaiveDate;
use std::path::Path;

/// The sectors a code may carry (CAMEO/PLOVER style).
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "JUD", "LEG", "COP", "SPY", "PTY", "OPP", "REB", "BUS", "MED", "EDU", "CVL",
    "REL", "IGO", "NGO",
];
/// Organisation types.
pub const ORG_TYPES: &[&str] = &[
    "IGO", "NGO", "PTY", "MIL", "GOV", "SPY", "COP", "JUD", "LEG", "BUS", "MED", "EDU", "REL",
];
/// Mention types an agent may have.
pub const AGENT_TYPES: &[&str] = &["PERSON", "ORG", "NORP"];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct KbError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub metonyms: Vec<String>,
}

impl Country {
    /// Entity id: the lower-cased code.
    pub fn id(&self) -> String {
        self.code.to_ascii_lowercase()
    }
}

/// A date as precise as the source knows it, with the range of days it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str| p.parse::<u32>().ok();
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let y = num(y)? as i32;
                Some(PartialDate {
                    first: NaiveDate::from_ymd_opt(y, 1, 1)?,
                    last: NaiveDate::from_ymd_opt(y, 12, 31)?,
                })
            }
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let (y, m) = (num(y)? as i32, num(m)?);
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                Some(PartialDate {
                    first,
                    last: next.pred_opt()?,
                })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)?;
                Some(PartialDate {
                    first: day,
                    last: day,
                })
            }
            _ => None,
        }
    }
}

/// A role held over a time: `CHN GOV president 2013-03-14..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub sector: String,
    pub title: String,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Role {
    /// Whether the role may have been held on `day` (partial dates count generously).
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f.first <= day) && self.to.is_none_or(|t| day <= t.last)
    }

    /// Whether the role has an end date (it is over, as far as the file knows).
    pub fn ended(&self) -> bool {
        self.to.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub names: Vec<String>,
    pub short: Vec<String>,
    pub roles: Vec<Role>,
}

impl Person {
    /// The role that gives a mention its code on `day`: one held that day (the first listed
    /// wins), else, without a day, the current role or the latest one.
    pub fn role_on(&self, day: Option<NaiveDate>) -> Option<&Role> {
        match day {
            Some(d) => self.roles.iter().find(|r| r.held_on(d)),
            None => self
                .roles
                .iter()
                .find(|r| !r.ended())
                .or_else(|| self.roles.iter().max_by_key(|r| r.to.map(|t| t.last))),
        }
    }

    /// The person's country: that of the first role.
    pub fn country(&self) -> Option<&str> {
        self.roles.first().map(|r| r.code.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub id: String,
    pub kind: String,
    pub code: String,
    pub sector: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub sector: String,
    pub kind: String,
    pub phrases: Vec<String>,
}

/// The whole knowledge base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kb {
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub orgs: Vec<Org>,
    pub agents: Vec<Agent>,
    pub places: Vec<Place>,
}

/// Kinds of place: the first three are political units (GPE), the others geography (LOC).
pub const PLACE_KINDS: &[&str] = &["city", "state", "nation", "region", "feature"];

/// A place that is not a country: a city, a state or province, a region, a sea.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The country it is in; `None` for places spanning countries ("Middle East").
    pub code: Option<String>,
    pub kind: String,
    pub names: Vec<String>,
}

impl Place {
    /// Entity id: `place:` and the country code and canonical name (`place:usa:new-york`).
    pub fn id(&self) -> String {
        let slug = slug(&self.names[0]);
        match &self.code {
            Some(c) => format!("place:{}:{slug}", c.to_ascii_lowercase()),
            None => format!("place:{slug}"),
        }
    }

    /// Whether it is a political unit (typed GPE) rather than geography (LOC).
    pub fn political(&self) -> bool {
        matches!(self.kind.as_str(), "city" | "state" | "nation")
    }
}

/// Lower-case letters and digits, runs of anything else as one hyphen: "New York" is
/// `new-york`, "Phoenix, Arizona" `phoenix-arizona`.
pub fn slug(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    mapped
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The optional file of places, read after [`FILES`].
pub const PLACES_FILE: &str = "places.tsv";
const BUILTIN_PLACES: &str = include_str!("../../../data/kb/places.tsv");

/// The files of the knowledge base, in load order.
pub const FILES: [&str; 4] = ["countries.tsv", "people.tsv", "orgs.tsv", "agents.tsv"];

const BUILTIN: [&str; 4] = [
    include_str!("../../../data/kb/countries.tsv"),
    include_str!("../../../data/kb/people.tsv"),
    include_str!("../../../data/kb/orgs.tsv"),
    include_str!("../../../data/kb/agents.tsv"),
];

impl Kb {
    /// The knowledge base built into the binary (`data/kb/` at build time).
    pub fn builtin() -> Result<Kb, KbError> {
        Kb::parse(BUILTIN)?.with_places(BUILTIN_PLACES)
    }

    /// Adds the places of a `places.tsv` text. A place may share a name with a country
    /// ("Georgia", the US state): the recogniser then chooses by context. Two places may not.
    pub fn with_places(mut self, text: &str) -> Result<Kb, KbError> {
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (row, line) in rows(PLACES_FILE, text, 3)? {
            let err = |reason: String| KbError {
                file: PLACES_FILE.into(),
                line,
                reason,
            };
            let code = match row[0] {
                "-" => None,
                c if is_code(c) && self.country(c).is_some() => Some(c.to_string()),
                c => return Err(err(format!("{c:?} is not a country code of countries.tsv"))),
            };
            if !PLACE_KINDS.contains(&row[1]) {
                return Err(err(format!("unknown place kind {:?}", row[1])));
            }
            let names = alternatives(row[2]).map_err(err)?;
            for n in &names {
                if !seen.insert(n.clone()) {
                    return Err(err(format!("{n:?} names another place too")));
                }
            }
            self.places.push(Place {
                code,
                kind: row[1].to_string(),
                names,
            });
        }
        Ok(self)
    }

    /// Reads the four files from a directory.
    pub fn load_dir(dir: &Path) -> Result<Kb, KbError> {
        let mut texts: Vec<String> = Vec::new();
        for f in FILES {
            let p = dir.join(f);
            texts.push(std::fs::read_to_string(&p).map_err(|e| KbError {
                file: p.display().to_string(),
                line: 0,
                reason: e.to_string(),
            })?);
        }
        let kb = Kb::parse([&texts[0], &texts[1], &texts[2], &texts[3]])?;
        let places = dir.join(PLACES_FILE);
        if !places.exists() {
            return Ok(kb);
        }
        let text = std::fs::read_to_string(&places).map_err(|e| KbError {
            file: places.display().to_string(),
            line: 0,
            reason: e.to_string(),
        })?;
        kb.with_places(&text)
    }

    /// Parses the four files' contents (in the order of [`FILES`]).
    pub fn parse(texts: [&str; 4]) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        for (row, line) in rows(FILES[0], texts[0], 4)? {
            let err = |reason: String| KbError {
                file: FILES[0].into(),
                line,
                reason,
            };
            let code = row[0].to_string();
            if !is_code(&code) {
                return Err(err(format!("{code:?} is not a 3-letter upper-case code")));
            }
            kb.countries.push(Country {
                code,
                names: alternatives(row[1]).map_err(err)?,
                adjectives: optional_alternatives(row[2]),
                metonyms: optional_alternatives(row[3]),
            });
        }
        for (row, line) in rows(FILES[1], texts[1], 4)? {
            let err = |reason: String| KbError {
                file: FILES[1].into(),
                line,
                reason,
            };
            check_id(row[0]).map_err(err)?;
            let roles = row[3]
                .split(';')
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(parse_role)
                .collect::<Result<Vec<_>, _>>()
                .map_err(err)?;
            kb.people.push(Person {
                id: row[0].to_string(),
                names: alternatives(row[1]).map_err(err)?,
                short: optional_alternatives(row[2]),
                roles,
            });
        }
        for (row, line) in rows(FILES[2], texts[2], 5)? {
            let err = |reason: String| KbError {
                file: FILES[2].into(),
                line,
                reason,
            };
            check_id(row[0]).map_err(err)?;
            if !ORG_TYPES.contains(&row[1]) {
                return Err(err(format!("unknown organisation type {:?}", row[1])));
            }
            if !is_code(row[2]) {
                return Err(err(format!(
                    "{:?} is not a 3-letter upper-case code",
                    row[2]
                )));
            }
            if !SECTORS.contains(&row[3]) {
                return Err(err(format!("unknown sector {:?}", row[3])));
            }
            kb.orgs.push(Org {
                id: row[0].to_string(),
                kind: row[1].to_string(),
                code: row[2].to_string(),
                sector: row[3].to_string(),
                names: alternatives(row[4]).map_err(err)?,
            });
        }
        for (row, line) in rows(FILES[3], texts[3], 3)? {
            let err = |reason: String| KbError {
                file: FILES[3].into(),
                line,
                reason,
            };
            if !SECTORS.contains(&row[0]) {
                return Err(err(format!("unknown sector {:?}", row[0])));
            }
            if !AGENT_TYPES.contains(&row[1]) {
                return Err(err(format!("unknown agent type {:?}", row[1])));
            }
            let phrases = alternatives(row[2]).map_err(err)?;
            if let Some(p) = phrases.iter().find(|p| **p != p.to_lowercase()) {
                return Err(err(format!("agent phrase {p:?} must be lower case")));
            }
            kb.agents.push(Agent {
                sector: row[0].to_string(),
                kind: row[1].to_string(),
                phrases,
            });
        }
        kb.check_unique(&texts)?;
        Ok(kb)
    }

    /// Every id once. The error names the line of the second record with the id.
    fn check_unique(&self, texts: &[&str; 4]) -> Result<(), KbError> {
        let mut seen = std::collections::HashSet::new();
        let dup = |file: usize, what: &str| {
            let line = texts[file]
                .lines()
                .enumerate()
                .filter(|(_, l)| l.split('\t').next() == Some(what))
                .nth(1)
                .map_or(0, |(i, _)| i + 1);
            KbError {
                file: FILES[file].into(),
                line,
                reason: format!("duplicate id {what:?}"),
            }
        };
        for c in &self.countries {
            if !seen.insert(format!("country:{}", c.code)) {
                return Err(dup(0, &c.code));
            }
        }
        for p in &self.people {
            if !seen.insert(format!("id:{}", p.id)) {
                return Err(dup(1, &p.id));
            }
        }
        for o in &self.orgs {
            if !seen.insert(format!("id:{}", o.id)) {
                return Err(dup(2, &o.id));
            }
        }
        Ok(())
    }

    /// A country by code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// One line per file with its record count.
    pub fn summary(&self) -> String {
        let roles: usize = self.people.iter().map(|p| p.roles.len()).sum();
        let phrases: usize = self.agents.iter().map(|a| a.phrases.len()).sum();
        format!(
            "{} countries, {} people with {} dated roles, {} organisations, {} agent phrases, {} places",
            self.countries.len(),
            self.people.len(),
            roles,
            self.orgs.len(),
            phrases,
            self.places.len()
        )
    }
}

fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "id {id:?} must be lower-case letters, digits and hyphens"
        ))
    }
}

/// The non-comment lines of a file with exactly `fields` tab-separated fields.
fn rows<'a>(
    file: &str,
    text: &'a str,
    fields: usize,
) -> Result<Vec<(Vec<&'a str>, usize)>, KbError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let row: Vec<&str> = line.split('\t').map(str::trim).collect();
        if row.len() != fields {
            return Err(KbError {
                file: file.into(),
                line: i + 1,
                reason: format!(
                    "expected {fields} tab-separated fields, found {}",
                    row.len()
                ),
            });
        }
        out.push((row, i + 1));
    }
    Ok(out)
}

fn optional_alternatives(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn alternatives(field: &str) -> Result<Vec<String>, String> {
    let v = optional_alternatives(field);
    if v.is_empty() {
        Err("no names".into())
    } else {
        Ok(v)
    }
}

fn parse_role(s: &str) -> Result<Role, String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 4 {
        return Err(format!("role {s:?}: expected CODE SECTOR title FROM..TO"));
    }
    let (code, sector, range) = (words[0], words[1], words[words.len() - 1]);
    if !is_code(code) {
        return Err(format!("role {s:?}: {code:?} is not a code"));
    }
    if !SECTORS.contains(&sector) {
        return Err(format!("role {s:?}: unknown sector {sector:?}"));
    }
    let (from, to) = range
        .split_once("..")
        .ok_or_else(|| format!("role {s:?}: the last word must be a date range FROM..TO"))?;
    let date = |d: &str| -> Result<Option<PartialDate>, String> {
        if d.is_empty() {
            Ok(None)
        } else {
            PartialDate::parse(d)
                .map(Some)
                .ok_or_else(|| format!("role {s:?}: {d:?} is not a date"))
        }
    };
    let (from, to) = (date(from)?, date(to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if f.first > t.last {
            return Err(format!("role {s:?}: ends before it starts"));
        }
    }
    Ok(Role {
        code: code.into(),
        sector: sector.into(),
        title: words[2..words.len() - 1].join(" "),
        from,
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "# test\nCHN\tChina|PRC|中国\tChinese\tBeijing|Zhongnanhai\nRUS\tRussia\tRussian|Russians\tMoscow|the Kremlin\n";
    const PEOPLE: &str = "putin\tVladimir Putin|Putin\t\tRUS GOV president 2000-05-07..2008-05-07; RUS GOV prime minister 2008-05-08..2012-05-07; RUS GOV president 2012-05-07..\n\
                          li-shangfu\tLi Shangfu\tLi\tCHN MIL defence minister 2023-03-12..2023-10-24; CHN MIL head of the equipment department 2017..2022\n";
    const ORGS: &str = "tass\tMED\tRUS\tMED\tTASS|ТАСС\n";
    const AGENTS: &str = "MIL\tORG\ttroops|army\n";

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn dated_roles_give_the_code_of_the_day() {
        let kb = Kb::parse([COUNTRIES, PEOPLE, ORGS, AGENTS]).unwrap();
        let putin = &kb.people[0];
        assert_eq!(
            putin.role_on(day("2010-01-01")).unwrap().title,
            "prime minister"
        );
        assert_eq!(putin.role_on(day("2024-05-16")).unwrap().title, "president");
        assert_eq!(putin.role_on(None).unwrap().title, "president");
        let li = &kb.people[1];
        assert_eq!(li.role_on(day("2023-04-16")).unwrap().sector, "MIL");
        assert_eq!(
            li.role_on(day("2018-09-20")).unwrap().title,
            "head of the equipment department"
        );
        assert!(li.role_on(day("2024-01-01")).is_none());
        assert_eq!(li.role_on(None).unwrap().title, "defence minister");
        assert_eq!(
            kb.country("RUS").unwrap().metonyms,
            ["Moscow", "the Kremlin"]
        );
        assert!(kb
            .summary()
            .starts_with("2 countries, 2 people with 5 dated roles"));
    }

    #[test]
    fn errors_name_the_file_line_and_reason() {
        let bad_code = Kb::parse(["Chn\tChina\t\t\n", "", "", ""]).unwrap_err();
        assert_eq!(
            (bad_code.file.as_str(), bad_code.line),
            ("countries.tsv", 1)
        );
        let bad_role =
            Kb::parse(["", "x\tX\t\tRUS GOV president 2012-13-01..\n", "", ""]).unwrap_err();
        assert!(bad_role.reason.contains("not a date"), "{bad_role}");
        let backwards =
            Kb::parse(["", "x\tX\t\tRUS GOV president 2012..2010\n", "", ""]).unwrap_err();
        assert!(backwards.reason.contains("ends before"));
        let fields = Kb::parse(["", "", "tass\tMED\tRUS\tTASS\n", ""]).unwrap_err();
        assert!(fields.reason.contains("expected 5"));
        let dup = Kb::parse(["", "a\tA\t\t\na\tB\t\t\n", "", ""]).unwrap_err();
        assert!(dup.reason.contains("duplicate"));
        // The line of the second record with the id, after comments.
        let dup = Kb::parse([
            "",
            "",
            "# orgs\ntass\tMED\tRUS\tMED\tTASS\ntass\tMED\tRUS\tMED\tTass\n",
            "",
        ])
        .unwrap_err();
        assert_eq!((dup.file.as_str(), dup.line), ("orgs.tsv", 3), "{dup}");
        let upper = Kb::parse(["", "", "", "MIL\tORG\tTroops\n"]).unwrap_err();
        assert!(upper.reason.contains("lower case"));
    }

    #[test]
    fn partial_dates_cover_their_span() {
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!(
            (m.first.to_string(), m.last.to_string()),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert!(PartialDate::parse("24-02").is_none());
        assert!(PartialDate::parse("2024-02-30").is_none());
    }

    #[test]
    fn the_builtin_knowledge_base_is_valid() {
        let kb = Kb::builtin().unwrap_or_else(|e| panic!("data/kb: {e}"));
        assert!(kb.countries.len() >= 240, "{}", kb.summary());
        assert!(kb
            .country("UKR")
            .is_some_and(|c| c.metonyms.iter().any(|m| m == "Kyiv")));
        let xi = kb
            .people
            .iter()
            .find(|p| p.id == "xi-jinping")
            .expect("Xi Jinping");
        assert_eq!(
            xi.role_on(day("2024-05-16")).map(|r| r.code.as_str()),
            Some("CHN")
        );
        assert!(kb.orgs.iter().any(|o| o.id == "nato"));
        assert!(kb.agents.iter().any(|a| a.sector == "MIL"));
        let kharkiv = kb
            .places
            .iter()
            .find(|p| p.names.iter().any(|n| n == "Kharkiv"))
            .expect("Kharkiv");
        assert_eq!(kharkiv.code.as_deref(), Some("UKR"));
        assert!(kharkiv.political());
    }

    #[test]
    fn places_are_checked() {
        let kb = || Kb::parse([COUNTRIES, "", "", ""]).unwrap();
        let ok = kb()
            .with_places(
                "RUS	city	Novosibirsk|Новосибирск
-	region	Middle East|Mideast
",
            )
            .unwrap();
        assert_eq!(ok.places[0].id(), "place:rus:novosibirsk");
        assert_eq!(ok.places[1].id(), "place:middle-east");
        assert!(!ok.places[1].political());
        let unknown = kb()
            .with_places(
                "XYZ	city	Nowhere
",
            )
            .unwrap_err();
        assert!(unknown.reason.contains("not a country code"), "{unknown}");
        let kind = kb()
            .with_places(
                "RUS	village	X
",
            )
            .unwrap_err();
        assert!(kind.reason.contains("unknown place kind"));
        let twice = kb()
            .with_places(
                "RUS	city	Kirov
RUS	state	Kirov
",
            )
            .unwrap_err();
        assert_eq!((twice.line, twice.file.as_str()), (2, PLACES_FILE));
    }
}
