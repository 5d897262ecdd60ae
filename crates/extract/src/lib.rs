//! Extract: from a raw page to an article — body, title, authors, publication date, language,
//! outlet and URL.
//!
//! HTML pages go through [`html`]; plain-text dumps of pages through [`text`]. Metadata that came
//! with the input (a JSON Lines record) wins over what the page says where the record is
//! explicit (date, outlet, title, URL).

pub mod body;
pub mod html;
pub mod lexicon;
pub mod meta;
pub mod pubdate;
pub mod text;

use dyad_ingest::{Body, RawItem};
use serde::Serialize;

/// The article found in a page. Unknown fields are `None` / empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// `YYYY-MM-DD` (or coarser when the input record says so).
    pub published: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The body, paragraphs separated by a blank line.
    pub text: String,
}

/// Extraction settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Dates after this day are implausible as publication dates.
    pub today: chrono::NaiveDate,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// Extracts the article of one raw item.
pub fn extract(item: &RawItem, opts: &Options) -> Article {
    let hints = &item.hints;
    let mut art = match &item.body {
        Body::Html(h) => html::extract_html(h, hints.url.as_deref(), opts),
        Body::Text(t) => {
            let found = text::extract_text(t, hints.title.as_deref(), opts.today);
            Article {
                title: found.title,
                outlet: found.outlet,
                authors: found.authors,
                published: found.published.map(|d| d.to_string()),
                text: found.text,
                ..Article::default()
            }
        }
    };
    if hints.title.is_some() {
        art.title.clone_from(&hints.title);
    }
    if hints.date.is_some() {
        art.published.clone_from(&hints.date);
    }
    if hints.outlet.is_some() {
        art.outlet.clone_from(&hints.outlet);
    }
    if art.url.is_none() {
        art.url.clone_from(&hints.url);
    }
    if art.outlet.is_none() {
        art.outlet = art.url.as_deref().and_then(meta::host_of);
    }
    if art.language.is_none() {
        art.language = detect_language(&art.text);
    }
    art
}

/// ISO 639-1 code of the text's language, when the detector is reasonably sure.
pub fn detect_language(text: &str) -> Option<String> {
    // A few thousand characters decide as well as the whole text, and cost far less.
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}

fn iso639_1(l: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match l {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Ukr => "uk",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Pol => "pl",
        Jpn => "ja",
        Kor => "ko",
        Ara => "ar",
        Tur => "tr",
        Pes => "fa",
        Hin => "hi",
        Bel => "be",
        Kat => "ka",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Slv => "sl",
        Ell => "el",
        Heb => "he",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Urd => "ur",
        Ben => "bn",
        Tgl => "tl",
        Aze => "az",
        Uzb => "uz",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_ingest::Hints;

    #[test]
    fn record_metadata_wins_and_language_is_detected() {
        let item = RawItem {
            origin: "wire.jsonl:3".into(),
            body: Body::Text(
                "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in the Kremlin on Wednesday. \
                 The two sides pledged to deepen their strategic coordination, the Russian side said."
                    .into(),
            ),
            hints: Hints {
                url: Some("https://harbour.example/world/wang-putin".into()),
                date: Some("2023-02-22".into()),
                outlet: None,
                title: Some("Wang Yi meets Putin".into()),
            },
            encoding: "UTF-8",
        };
        let a = extract(&item, &Options::default());
        assert_eq!(a.title.as_deref(), Some("Wang Yi meets Putin"));
        assert_eq!(a.published.as_deref(), Some("2023-02-22"));
        assert_eq!(a.outlet.as_deref(), Some("harbour.example"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert!(a.text.starts_with("Chinese Foreign Minister Wang Yi"));
    }

    #[test]
    fn languages_of_the_field() {
        assert_eq!(
            detect_language(
                "Президент России Владимир Путин прибыл в Пекин с государственным визитом."
            )
            .as_deref(),
            Some("ru")
        );
        assert_eq!(
            detect_language("国家主席习近平同俄罗斯总统普京举行会谈，双方签署联合声明。")
                .as_deref(),
            Some("zh")
        );
        assert_eq!(detect_language(""), None);
    }
}
