//! Exports of the stored events: JSON Lines, CSV, PLOVER JSON records and GDELT 2.0's event
//! table (61 tab-separated columns in GDELT's order, with our values where we have them and
//! empty fields elsewhere), one event at a time.

use dyad_store::EventRow;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Plover,
    Gdelt,
    /// Month partitions of Parquet files in a directory (see [`crate::partitioned`]).
    Parquet,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "plover" => Ok(Format::Plover),
            "gdelt" => Ok(Format::Gdelt),
            "parquet" => Ok(Format::Parquet),
            other => Err(format!(
                "{other:?}: the format is jsonl, csv, plover, gdelt or parquet"
            )),
        }
    }
}

const CSV_HEADER: &[&str] = &[
    "date",
    "type",
    "mode",
    "cameo",
    "quad",
    "intensity",
    "source",
    "source_code",
    "target",
    "target_code",
    "trigger",
    "negated",
    "modality",
    "confidence",
    "outlet",
    "published",
    "url",
    "doc_id",
    "sentence",
];

/// Writes the header line a format needs (CSV only).
pub fn header(out: &mut impl Write, format: Format) -> std::io::Result<()> {
    if format == Format::Csv {
        writeln!(out, "{}", CSV_HEADER.join(","))?;
    }
    Ok(())
}

/// Writes one event; `n` numbers the events of the export (GDELT's GLOBALEVENTID).
pub fn write(out: &mut impl Write, format: Format, n: u64, e: &EventRow) -> std::io::Result<()> {
    match format {
        Format::Jsonl => writeln!(
            out,
            "{}",
            serde_json::to_string(e).map_err(std::io::Error::other)?
        ),
        Format::Csv => writeln!(out, "{}", csv_row(e).join(",")),
        Format::Plover => writeln!(out, "{}", plover(n, e)),
        Format::Gdelt => writeln!(out, "{}", gdelt(n, e).join("\t")),
        Format::Parquet => Err(std::io::Error::other(
            "Parquet is written to a directory with partitioned::Writer",
        )),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(e: &EventRow) -> Vec<String> {
    let o = |v: &Option<String>| v.as_deref().map(csv_field).unwrap_or_default();
    vec![
        o(&e.date),
        o(&e.kind),
        o(&e.mode),
        e.cameo.clone(),
        e.quad.to_string(),
        format!("{:.1}", e.intensity),
        o(&e.source),
        o(&e.source_code),
        o(&e.target),
        o(&e.target_code),
        csv_field(&e.trigger),
        e.negated.to_string(),
        o(&e.modality),
        format!("{:.2}", e.confidence),
        o(&e.outlet),
        o(&e.published),
        o(&e.url),
        e.doc_id.clone(),
        csv_field(&e.sentence),
    ]
}

/// A PLOVER-style event record.
fn plover(n: u64, e: &EventRow) -> serde_json::Value {
    let actor = |text: &Option<String>, code: &Option<String>| {
        text.as_ref().map(|t| {
            let code = code.as_deref().unwrap_or("");
            serde_json::json!({
                "text": t,
                "code": code.get(..3).filter(|c| !c.is_empty()),
                "sector": code.get(3..).filter(|s| !s.is_empty()),
            })
        })
    };
    let mut source: Vec<_> = actor(&e.source, &e.source_code).into_iter().collect();
    let mut target: Vec<_> = actor(&e.target, &e.target_code).into_iter().collect();
    // CAMEO's 043 has the host as source; PLOVER's visit has the visitor as actor and the
    // host as recipient.
    if e.cameo.starts_with("043") {
        std::mem::swap(&mut source, &mut target);
    }
    // PLOVER lists the sides of a reciprocal event ("held talks") all as actors.
    if e.reciprocal {
        source.append(&mut target);
    }
    serde_json::json!({
        "id": format!("{}-{n}", e.doc_id),
        "date": e.date.as_deref().or(e.published.as_deref()),
        "event": e.kind,
        "mode": e.mode,
        "cameo": e.cameo,
        "negated": e.negated,
        "modality": e.modality,
        "context": e.context,
        "source": source,
        "target": target,
        "eventText": e.trigger,
        "text": e.sentence,
        "publisher": e.outlet,
        "url": e.url,
    })
}

/// GDELT 2.0's 61 event columns.
fn gdelt(n: u64, e: &EventRow) -> Vec<String> {
    let day = e
        .date
        .as_deref()
        .filter(|d| d.len() >= 10 && d.as_bytes()[4] == b'-')
        .or(e.published.as_deref())
        .unwrap_or("");
    let digits: String = day.chars().filter(char::is_ascii_digit).take(8).collect();
    let (year, month) = (digits.get(..4).unwrap_or(""), digits.get(..6).unwrap_or(""));
    let fraction = match (
        year.parse::<f64>(),
        digits.get(4..6).and_then(|m| m.parse::<f64>().ok()),
    ) {
        (Ok(y), Some(m)) => format!("{:.4}", y + (m - 1.0) / 12.0),
        _ => String::new(),
    };
    let actor = |text: &Option<String>, code: &Option<String>| {
        let code = code.clone().unwrap_or_default();
        let country = code.get(..3).unwrap_or("").to_string();
        let kind = code.get(3..6).unwrap_or("").to_string();
        vec![
            code,
            text.clone().unwrap_or_default().to_uppercase(),
            country,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            kind,
            String::new(),
            String::new(),
        ]
    };
    let mut row = vec![
        n.to_string(),
        digits.clone(),
        month.to_string(),
        year.to_string(),
        fraction,
    ];
    row.extend(actor(&e.source, &e.source_code));
    row.extend(actor(&e.target, &e.target_code));
    row.extend([
        "1".to_string(),
        e.cameo.clone(),
        e.cameo.get(..3).unwrap_or(&e.cameo).to_string(),
        e.cameo.get(..2).unwrap_or(&e.cameo).to_string(),
        e.quad.to_string(),
        format!("{:.1}", e.intensity),
        "1".to_string(),
        "1".to_string(),
        "1".to_string(),
        String::new(),
    ]);
    // Actor1, Actor2 and action geography: 8 columns each, not coded yet.
    row.extend(std::iter::repeat_n(String::new(), 24));
    row.push(
        e.published
            .as_deref()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
    );
    row.push(e.url.clone().unwrap_or_default());
    // Tabs and newlines would break the table.
    row.iter()
        .map(|f| f.replace(['\t', '\n', '\r'], " "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> EventRow {
        EventRow {
            doc_id: "d1".into(),
            n: 0,
            url: Some("https://example.org/a".into()),
            outlet: Some("Harbour Daily".into()),
            published: Some("2024-05-17".into()),
            kind: Some("CONSULT".into()),
            mode: Some("visit".into()),
            cameo: "042".into(),
            quad: 1,
            intensity: 1.9,
            source: Some("Putin".into()),
            source_code: Some("RUSGOV".into()),
            target: Some("China".into()),
            target_code: Some("CHN".into()),
            trigger: "visit".into(),
            date: Some("2024-05-16".into()),
            negated: false,
            modality: None,
            confidence: 0.9,
            pattern: None,
            context: Vec::new(),
            reciprocal: false,
            sentence: "Putin's visit to China, his first \"abroad\", began.".into(),
        }
    }

    #[test]
    fn gdelt_rows_have_61_columns_in_order() {
        let row = gdelt(7, &event());
        assert_eq!(row.len(), 61);
        assert_eq!(&row[..5], ["7", "20240516", "202405", "2024", "2024.3333"]);
        assert_eq!(row[5], "RUSGOV");
        assert_eq!(row[7], "RUS");
        assert_eq!(row[12], "GOV");
        assert_eq!(row[15], "CHN");
        assert_eq!(row[26], "042");
        assert_eq!(row[28], "04");
        assert_eq!(row[29], "1");
        assert_eq!(row[59], "20240517");
        assert_eq!(row[60], "https://example.org/a");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_plover_splits_codes() {
        let row = csv_row(&event());
        assert_eq!(row.len(), CSV_HEADER.len());
        assert_eq!(
            row.last().unwrap(),
            "\"Putin's visit to China, his first \"\"abroad\"\", began.\""
        );
        let mut e = event();
        e.context = vec!["diplomatic".into()];
        let p = plover(1, &e);
        assert_eq!(p["context"][0], "diplomatic");
        // A hosting is the guest's visit in PLOVER.
        let mut h = event();
        h.cameo = "043".into();
        let v = plover(1, &h);
        assert_eq!(v["source"][0]["code"], p["target"][0]["code"]);
        // A reciprocal event has both sides as actors and no recipient.
        e.reciprocal = true;
        let r = plover(1, &e);
        assert_eq!(r["source"].as_array().unwrap().len(), 2);
        assert!(r["target"].as_array().unwrap().is_empty());
        assert_eq!(p["source"][0]["code"], "RUS");
        assert_eq!(p["source"][0]["sector"], "GOV");
        assert_eq!(p["target"][0]["sector"], serde_json::Value::Null);
        assert_eq!(p["event"], "CONSULT");
    }
}
