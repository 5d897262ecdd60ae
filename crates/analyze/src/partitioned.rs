//! Parquet export: the events in Hive-style month partitions (`DIR/month=2023-04/part-0.parquet`),
//! so that DuckDB, Spark or Trino read a whole collection as one table and skip the months a
//! query does not need. Rows are buffered per month and written as row groups; the buffers are
//! bounded, so memory stays flat whatever the number of events.

use dyad_store::EventRow;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file schema: the CSV export's columns, typed. The month is the partition, not a column.
const SCHEMA: &str = "message event {
    OPTIONAL BYTE_ARRAY date (UTF8);
    OPTIONAL BYTE_ARRAY type (UTF8);
    OPTIONAL BYTE_ARRAY mode (UTF8);
    REQUIRED BYTE_ARRAY cameo (UTF8);
    REQUIRED INT32 quad;
    REQUIRED DOUBLE intensity;
    OPTIONAL BYTE_ARRAY source (UTF8);
    OPTIONAL BYTE_ARRAY source_code (UTF8);
    OPTIONAL BYTE_ARRAY target (UTF8);
    OPTIONAL BYTE_ARRAY target_code (UTF8);
    REQUIRED BYTE_ARRAY trigger (UTF8);
    REQUIRED BOOLEAN negated;
    OPTIONAL BYTE_ARRAY modality (UTF8);
    REQUIRED DOUBLE confidence;
    OPTIONAL BYTE_ARRAY outlet (UTF8);
    OPTIONAL BYTE_ARRAY published (UTF8);
    OPTIONAL BYTE_ARRAY url (UTF8);
    REQUIRED BYTE_ARRAY doc_id (UTF8);
    REQUIRED INT64 event_n;
    REQUIRED BYTE_ARRAY sentence (UTF8);
}";

/// Rows per row group, and the most rows held in all buffers together.
const GROUP_ROWS: usize = 8192;
const HELD_ROWS: usize = 32_768;

#[derive(Debug, thiserror::Error)]
pub enum ParquetError {
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub rows: u64,
    /// Partition directory names (`month=2023-04`) and their rows, in order.
    pub partitions: Vec<(String, u64)>,
}

struct Partition {
    writer: SerializedFileWriter<BufWriter<File>>,
    rows: Vec<EventRow>,
    written: u64,
}

/// Writes events into month partitions under a directory.
pub struct Writer {
    dir: PathBuf,
    open: BTreeMap<String, Partition>,
    held: usize,
    schema: Arc<parquet::schema::types::Type>,
    props: Arc<WriterProperties>,
}

/// The partition of an event: the month of its date, or `none` when the date gives no month
/// (a year alone, or no date). Week dates (`2023-W16`) go to the month of their Thursday.
pub fn month_of(e: &EventRow) -> String {
    e.date
        .as_deref()
        .and_then(|d| crate::period_of(d, crate::Period::Month).or_else(|| week_month(d)))
        .unwrap_or_else(|| "none".into())
}

fn week_month(d: &str) -> Option<String> {
    let year: i32 = d.get(..4)?.parse().ok()?;
    let week: u32 = d
        .get(6..8)
        .filter(|_| d.get(4..6) == Some("-W"))?
        .parse()
        .ok()?;
    let thursday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Thu)?;
    Some(thursday.format("%Y-%m").to_string())
}

impl Writer {
    /// Creates `dir` if needed. A directory that already holds partitions is refused, so that
    /// an export never mixes with an older one.
    pub fn create(dir: &Path) -> Result<Writer, ParquetError> {
        let io = |e: std::io::Error| ParquetError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let taken = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().starts_with("month="));
        if taken {
            return Err(ParquetError::Io {
                path: dir.display().to_string(),
                reason: "already holds month= partitions; export into an empty directory".into(),
            });
        }
        Ok(Writer {
            dir: dir.to_path_buf(),
            open: BTreeMap::new(),
            held: 0,
            schema: Arc::new(parse_message_type(SCHEMA)?),
            props: Arc::new(
                WriterProperties::builder()
                    .set_compression(Compression::SNAPPY)
                    .set_created_by("dyad".into())
                    .build(),
            ),
        })
    }

    pub fn push(&mut self, e: EventRow) -> Result<(), ParquetError> {
        let month = month_of(&e);
        if !self.open.contains_key(&month) {
            let sub = self.dir.join(format!("month={month}"));
            let path = sub.join("part-0.parquet");
            let io = |e: std::io::Error| ParquetError::Io {
                path: path.display().to_string(),
                reason: e.to_string(),
            };
            std::fs::create_dir_all(&sub).map_err(io)?;
            let file = File::create(&path).map_err(io)?;
            let writer = SerializedFileWriter::new(
                BufWriter::new(file),
                self.schema.clone(),
                self.props.clone(),
            )?;
            self.open.insert(
                month.clone(),
                Partition {
                    writer,
                    rows: Vec::new(),
                    written: 0,
                },
            );
        }
        let p = self.open.get_mut(&month).expect("inserted above");
        p.rows.push(e);
        self.held += 1;
        if p.rows.len() >= GROUP_ROWS {
            self.held -= p.rows.len();
            flush(p)?;
        }
        if self.held >= HELD_ROWS {
            for p in self.open.values_mut() {
                flush(p)?;
            }
            self.held = 0;
        }
        Ok(())
    }

    /// Writes what is buffered and closes every file.
    pub fn finish(self) -> Result<Written, ParquetError> {
        let mut out = Written::default();
        for (month, mut p) in self.open {
            flush(&mut p)?;
            p.writer.close()?;
            out.rows += p.written;
            out.partitions.push((format!("month={month}"), p.written));
        }
        Ok(out)
    }
}

fn flush(p: &mut Partition) -> Result<(), ParquetError> {
    if p.rows.is_empty() {
        return Ok(());
    }
    let rows = std::mem::take(&mut p.rows);
    let mut group = p.writer.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = group.next_column()? {
        match i {
            0 => opt_str(&mut col, &rows, |e| e.date.as_deref())?,
            1 => opt_str(&mut col, &rows, |e| e.kind.as_deref())?,
            2 => opt_str(&mut col, &rows, |e| e.mode.as_deref())?,
            3 => req_str(&mut col, &rows, |e| &e.cameo)?,
            4 => {
                let v: Vec<i32> = rows.iter().map(|e| i32::from(e.quad)).collect();
                col.typed::<Int32Type>().write_batch(&v, None, None)?;
            }
            5 => {
                let v: Vec<f64> = rows.iter().map(|e| e.intensity).collect();
                col.typed::<DoubleType>().write_batch(&v, None, None)?;
            }
            6 => opt_str(&mut col, &rows, |e| e.source.as_deref())?,
            7 => opt_str(&mut col, &rows, |e| e.source_code.as_deref())?,
            8 => opt_str(&mut col, &rows, |e| e.target.as_deref())?,
            9 => opt_str(&mut col, &rows, |e| e.target_code.as_deref())?,
            10 => req_str(&mut col, &rows, |e| &e.trigger)?,
            11 => {
                let v: Vec<bool> = rows.iter().map(|e| e.negated).collect();
                col.typed::<BoolType>().write_batch(&v, None, None)?;
            }
            12 => opt_str(&mut col, &rows, |e| e.modality.as_deref())?,
            13 => {
                let v: Vec<f64> = rows.iter().map(|e| e.confidence).collect();
                col.typed::<DoubleType>().write_batch(&v, None, None)?;
            }
            14 => opt_str(&mut col, &rows, |e| e.outlet.as_deref())?,
            15 => opt_str(&mut col, &rows, |e| e.published.as_deref())?,
            16 => opt_str(&mut col, &rows, |e| e.url.as_deref())?,
            17 => req_str(&mut col, &rows, |e| &e.doc_id)?,
            18 => {
                let v: Vec<i64> = rows.iter().map(|e| e.n).collect();
                col.typed::<Int64Type>().write_batch(&v, None, None)?;
            }
            19 => req_str(&mut col, &rows, |e| &e.sentence)?,
            _ => unreachable!("the schema has 20 columns"),
        }
        col.close()?;
        i += 1;
    }
    group.close()?;
    p.written += rows.len() as u64;
    Ok(())
}

type Col<'a> = parquet::file::writer::SerializedColumnWriter<'a>;

fn opt_str(
    col: &mut Col<'_>,
    rows: &[EventRow],
    f: impl Fn(&EventRow) -> Option<&str>,
) -> Result<(), ParquetError> {
    let mut values = Vec::with_capacity(rows.len());
    let mut defined = Vec::with_capacity(rows.len());
    for e in rows {
        match f(e) {
            Some(s) => {
                values.push(ByteArray::from(s));
                defined.push(1);
            }
            None => defined.push(0),
        }
    }
    col.typed::<ByteArrayType>()
        .write_batch(&values, Some(&defined), None)?;
    Ok(())
}

fn req_str(
    col: &mut Col<'_>,
    rows: &[EventRow],
    f: impl Fn(&EventRow) -> &str,
) -> Result<(), ParquetError> {
    let values: Vec<ByteArray> = rows.iter().map(|e| ByteArray::from(f(e))).collect();
    col.typed::<ByteArrayType>()
        .write_batch(&values, None, None)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn event(date: Option<&str>, n: i64) -> EventRow {
        EventRow {
            doc_id: "d1".into(),
            n,
            url: None,
            outlet: Some("Harbour Daily".into()),
            published: Some("2023-04-18".into()),
            kind: Some("CONSULT".into()),
            mode: None,
            cameo: "040".into(),
            quad: 1,
            intensity: 1.0,
            source: Some("Li Shangfu".into()),
            source_code: Some("CHNMIL".into()),
            target: Some("Putin".into()),
            target_code: Some("RUSGOV".into()),
            trigger: "met".into(),
            date: date.map(String::from),
            negated: false,
            modality: None,
            confidence: 0.9,
            pattern: None,
            context: Vec::new(),
            reciprocal: false,
            sentence: "Li Shangfu met Putin on Sunday.".into(),
        }
    }

    #[test]
    fn months_become_partitions_that_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::create(dir.path()).unwrap();
        let dates = [
            Some("2023-04-16"),
            Some("2023-W16"),
            Some("2023"),
            None,
            Some("2023-05"),
        ];
        // More rows than a row group, so that one partition gets several.
        for i in 0..(GROUP_ROWS as i64 + 10) {
            w.push(event(dates[i as usize % dates.len()], i)).unwrap();
        }
        let out = w.finish().unwrap();
        assert_eq!(out.rows, GROUP_ROWS as u64 + 10);
        let names: Vec<&str> = out.partitions.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["month=2023-04", "month=2023-05", "month=none"]);
        let mut read = 0;
        for (name, rows) in &out.partitions {
            let file = File::open(dir.path().join(name).join("part-0.parquet")).unwrap();
            let r = SerializedFileReader::new(file).unwrap();
            let n = r.metadata().file_metadata().num_rows();
            assert_eq!(n as u64, *rows);
            read += n;
            let first = r.get_row_iter(None).unwrap().next().unwrap().unwrap();
            assert!(
                first.to_string().contains("Li Shangfu met Putin"),
                "{first}"
            );
        }
        assert_eq!(read as u64, out.rows);
        // The week of 2023-04-16 (ISO week 15 ends that Sunday; week 16 is 17-23 April).
        assert_eq!(month_of(&event(Some("2023-W16"), 0)), "2023-04");
        assert_eq!(month_of(&event(Some("2022-W52"), 0)), "2022-12");
        // An export never mixes with an older one.
        assert!(Writer::create(dir.path()).is_err());
    }
}
