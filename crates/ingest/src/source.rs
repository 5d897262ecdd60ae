//! Streams raw items from paths: files, directories, JSON Lines, WARC and standard input.
//!
//! Nothing is held beyond the item being produced: directories are walked lazily, JSON Lines and
//! WARC files are read record by record. Each failure is an [`IngestError`] naming the input and
//! the reason, and the stream goes on with the next input.

use crate::decode::{self, DecodeError};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The body of a raw item, already decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Html(String),
    Text(String),
}

impl Body {
    pub fn as_str(&self) -> &str {
        match self {
            Body::Html(s) | Body::Text(s) => s,
        }
    }
}

/// Metadata that came with the input (a JSON Lines record, a WARC header), as opposed to what
/// extraction finds in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub url: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// One document as read, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawItem {
    /// Where it came from: a path, `path:LINE` for JSON Lines, `path#N` for the N-th WARC record,
    /// `-` for standard input.
    pub origin: String,
    pub body: Body,
    pub hints: Hints,
    /// Name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
}

/// An input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct IngestError {
    pub origin: String,
    pub reason: String,
}

impl IngestError {
    fn new(origin: impl Into<String>, reason: impl ToString) -> Self {
        IngestError {
            origin: origin.into(),
            reason: reason.to_string(),
        }
    }
}

/// Reading limits.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Largest document accepted, in bytes after decompression.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 64 << 20,
        }
    }
}

type ItemIter = Box<dyn Iterator<Item = Result<RawItem, IngestError>> + Send>;

/// The stream of items from a list of inputs, in order. A path of `-` is standard input.
pub struct Reader {
    pending: VecDeque<PathBuf>,
    current: Option<ItemIter>,
    opts: Options,
}

impl Reader {
    pub fn new(paths: impl IntoIterator<Item = PathBuf>, opts: Options) -> Self {
        Reader {
            pending: paths.into_iter().collect(),
            current: None,
            opts,
        }
    }
}

impl Iterator for Reader {
    type Item = Result<RawItem, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(it) = self.current.as_mut() {
                if let Some(item) = it.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let path = self.pending.pop_front()?;
            self.current = Some(open(&path, self.opts));
        }
    }
}

/// What a file holds, judged by its name (after removing `.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Text,
    JsonLines,
    Warc,
    Unknown,
}

fn kind_of(path: &Path) -> Kind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
        "txt" | "text" | "md" => Kind::Text,
        "jsonl" | "ndjson" => Kind::JsonLines,
        "warc" => Kind::Warc,
        _ => Kind::Unknown,
    }
}

fn one(item: Result<RawItem, IngestError>) -> ItemIter {
    Box::new(std::iter::once(item))
}

fn open(path: &Path, opts: Options) -> ItemIter {
    let origin = path.display().to_string();
    if origin == "-" {
        return read_stdin(opts);
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return one(Err(IngestError::new(origin, io_reason(&e)))),
    };
    if meta.is_dir() {
        return walk_dir(path, opts);
    }
    match kind_of(path) {
        Kind::JsonLines => read_jsonl_file(path, opts),
        Kind::Warc => read_warc_file(path, opts),
        kind => {
            if meta.len() > opts.max_bytes as u64 {
                return one(Err(IngestError::new(
                    origin,
                    DecodeError::TooLarge {
                        limit_mb: opts.max_bytes >> 20,
                    },
                )));
            }
            one(read_document_file(path, kind, opts))
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn walk_dir(dir: &Path, opts: Options) -> ItemIter {
    let dir = dir.to_path_buf();
    let walk = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    Box::new(walk.flat_map(move |entry| -> ItemIter {
        match entry {
            Ok(e) if e.file_type().is_dir() => Box::new(std::iter::empty()),
            Ok(e) => open(e.path(), opts),
            Err(e) => {
                let origin = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                let reason = e.io_error().map(io_reason).unwrap_or_else(|| e.to_string());
                one(Err(IngestError::new(origin, reason)))
            }
        }
    }))
}

/// Reads at most `limit + 1` bytes, so that "too large" can be told without reading it all.
fn read_limited(r: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

fn read_document_file(path: &Path, kind: Kind, opts: Options) -> Result<RawItem, IngestError> {
    let origin = path.display().to_string();
    let bytes = File::open(path)
        .and_then(|f| read_limited(f, opts.max_bytes))
        .map_err(|e| IngestError::new(&origin, io_reason(&e)))?;
    document_from_bytes(origin, bytes, kind, Hints::default(), opts, None)
}

fn document_from_bytes(
    origin: String,
    bytes: Vec<u8>,
    kind: Kind,
    hints: Hints,
    opts: Options,
    transport: Option<&'static encoding_rs::Encoding>,
) -> Result<RawItem, IngestError> {
    let err = |e: DecodeError| IngestError::new(&origin, e);
    let bytes = if decode::is_gzip(&bytes) {
        decode::gunzip(&bytes, opts.max_bytes).map_err(err)?
    } else if bytes.len() > opts.max_bytes {
        return Err(err(DecodeError::TooLarge {
            limit_mb: opts.max_bytes >> 20,
        }));
    } else {
        bytes
    };
    decode::check_not_binary(&bytes).map_err(err)?;
    let kind = match kind {
        Kind::Unknown if looks_like_html(&bytes) => Kind::Html,
        Kind::Unknown => Kind::Text,
        k => k,
    };
    let (body, encoding) = if kind == Kind::Html {
        let d = decode::decode_html(&bytes, transport);
        (Body::Html(d.text), d.encoding)
    } else {
        let d = decode::decode_text(&bytes);
        (Body::Text(d.text), d.encoding)
    };
    if body.as_str().trim().is_empty() {
        return Err(err(DecodeError::Empty));
    }
    Ok(RawItem {
        origin,
        body,
        hints,
        encoding,
    })
}

/// HTML when the first non-blank byte opens a tag and a structural tag appears early.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let starts_with_tag =
        start.is_some_and(|i| head[i] == b'<') || head.starts_with(b"\xef\xbb\xbf<");
    let lower = head.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    starts_with_tag && (has(b"<html") || has(b"<!doctype") || has(b"<body") || has(b"<head"))
        || has(b"<p>") && has(b"</p>")
}

fn read_stdin(opts: Options) -> ItemIter {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    // Peek at the first non-blank byte: `{` means JSON Lines, streamed record by record.
    let first = loop {
        match lock.fill_buf() {
            Ok([]) => break None,
            Ok(buf) => {
                if let Some(i) = buf.iter().position(|b| !b.is_ascii_whitespace()) {
                    break Some(buf[i]);
                }
                let n = buf.len();
                lock.consume(n);
            }
            Err(e) => return one(Err(IngestError::new("-", io_reason(&e)))),
        }
    };
    match first {
        None => one(Err(IngestError::new("-", DecodeError::Empty))),
        Some(b'{') => jsonl_records(
            "-".to_string(),
            Box::new(BufReader::new(std::io::stdin())),
            opts,
        ),
        Some(_) => one(read_limited(&mut lock, opts.max_bytes)
            .map_err(|e| IngestError::new("-", io_reason(&e)))
            .and_then(|b| {
                document_from_bytes("-".into(), b, Kind::Unknown, Hints::default(), opts, None)
            })),
    }
}

fn open_maybe_gz(path: &Path) -> std::io::Result<Box<dyn BufRead + Send>> {
    let mut f = BufReader::new(File::open(path)?);
    let gz = decode::is_gzip(f.fill_buf()?);
    Ok(if gz {
        Box::new(BufReader::new(GzErrors(flate2::read::MultiGzDecoder::new(
            f,
        ))))
    } else {
        Box::new(f)
    })
}

/// A gzip stream whose decoding errors say so ("truncated or corrupt gzip data: unexpected
/// end of file"), as those of a gzip document do.
struct GzErrors<R>(R);

impl<R: Read> Read for GzErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::io::ErrorKind::{InvalidData, InvalidInput, UnexpectedEof};
        self.0.read(buf).map_err(|e| match e.kind() {
            k @ (InvalidData | InvalidInput | UnexpectedEof) => {
                std::io::Error::new(k, DecodeError::Gzip(e.to_string()))
            }
            _ => e,
        })
    }
}

fn read_jsonl_file(path: &Path, opts: Options) -> ItemIter {
    let origin = path.display().to_string();
    match open_maybe_gz(path) {
        Ok(r) => jsonl_records(origin, r, opts),
        Err(e) => one(Err(IngestError::new(origin, io_reason(&e)))),
    }
}

/// The records of JSON Lines read from memory or any reader (the server's ingest endpoint):
/// `origin` names the source in errors, with the line number after it.
pub fn jsonl_items(
    origin: impl Into<String>,
    r: impl BufRead + Send + 'static,
    opts: Options,
) -> impl Iterator<Item = Result<RawItem, IngestError>> + Send {
    jsonl_records(origin.into(), Box::new(r), opts)
}

/// Streams the records of a JSON Lines source: `{"url", "html" | "text", "date", "outlet",
/// "title"}` per line. A malformed line is an error for that line only.
fn jsonl_records(origin: String, mut r: Box<dyn BufRead + Send>, opts: Options) -> ItemIter {
    let mut line_no = 0usize;
    let mut done = false;
    Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        line_no += 1;
        let here = format!("{origin}:{line_no}");
        let mut buf = Vec::new();
        // Cap a line at the document limit: a giant line is reported, then skipped.
        match (&mut r)
            .take(opts.max_bytes as u64 + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                done = true;
                return Some(Err(IngestError::new(here, io_reason(&e))));
            }
        }
        if buf.len() > opts.max_bytes && !buf.ends_with(b"\n") {
            // Skip the rest of the oversized line, without holding it.
            if let Err(e) = skip_line(&mut r) {
                done = true;
                return Some(Err(IngestError::new(here, io_reason(&e))));
            }
            return Some(Err(IngestError::new(
                here,
                DecodeError::TooLarge {
                    limit_mb: opts.max_bytes >> 20,
                },
            )));
        }
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        return Some(jsonl_record(here, line.trim(), opts));
    }))
}

/// Reads past the next line break (or to the end), a buffer at a time: a gzip bomb of one
/// endless line must not end up in memory.
fn skip_line(r: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    }
}

fn jsonl_record(origin: String, line: &str, opts: Options) -> Result<RawItem, IngestError> {
    let v: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| IngestError::new(&origin, format!("malformed JSON: {e}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| IngestError::new(&origin, "a JSON Lines record must be an object"))?;
    let field = |k: &str| {
        obj.get(k)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let hints = Hints {
        url: field("url"),
        date: field("date"),
        outlet: field("outlet"),
        title: field("title"),
    };
    let (body, kind) = match (field("html"), field("text")) {
        (Some(h), _) => (h, Kind::Html),
        (None, Some(t)) => (t, Kind::Text),
        (None, None) => {
            return Err(IngestError::new(
                origin,
                "record has neither an \"html\" nor a \"text\" field",
            ))
        }
    };
    if body.len() > opts.max_bytes {
        return Err(IngestError::new(
            origin,
            DecodeError::TooLarge {
                limit_mb: opts.max_bytes >> 20,
            },
        ));
    }
    let body = if kind == Kind::Html {
        Body::Html(body)
    } else {
        Body::Text(body)
    };
    Ok(RawItem {
        origin,
        body,
        hints,
        encoding: "UTF-8",
    })
}

fn read_warc_file(path: &Path, opts: Options) -> ItemIter {
    let origin = path.display().to_string();
    let reader = match open_maybe_gz(path) {
        Ok(r) => r,
        Err(e) => return one(Err(IngestError::new(origin, io_reason(&e)))),
    };
    warc_records(origin, reader, opts)
}

/// The items of a WARC source read from memory or any reader (uncompressed): `origin` names
/// the source in errors, with the record number after it. Records that are not HTML pages or
/// text resources are skipped; a malformed record ends the stream with an error.
pub fn warc_items(
    origin: impl Into<String>,
    r: impl BufRead + Send + 'static,
    opts: Options,
) -> impl Iterator<Item = Result<RawItem, IngestError>> + Send {
    warc_records(origin.into(), Box::new(r), opts)
}

fn warc_records(origin: String, mut reader: Box<dyn BufRead + Send>, opts: Options) -> ItemIter {
    let mut n = 0usize;
    let mut failed = false;
    Box::new(std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        n += 1;
        let here = format!("{origin}#{n}");
        // After a malformed record the stream position is unknown: stop this file.
        let stop = |failed: &mut bool, reason: String| {
            *failed = true;
            Some(Err(IngestError::new(&here, reason)))
        };
        let bytes = match next_warc_record(&mut reader, opts) {
            Ok(None) => return None,
            Ok(Some(Framed::Record(b))) => b,
            Ok(Some(Framed::TooLarge)) => {
                return Some(Err(IngestError::new(
                    here,
                    DecodeError::TooLarge {
                        limit_mb: opts.max_bytes >> 20,
                    },
                )))
            }
            Ok(Some(Framed::Malformed(why))) => {
                return stop(&mut failed, format!("malformed WARC record: {why}"))
            }
            Err(e) => return stop(&mut failed, io_reason(&e)),
        };
        let rec = warc::WarcReader::new(&bytes[..]).iter_records().next();
        match rec {
            None => return None,
            Some(Err(warc::Error::ReadData(e))) => return stop(&mut failed, io_reason(&e)),
            Some(Err(e)) => return stop(&mut failed, format!("malformed WARC record: {e}")),
            Some(Ok(rec)) => {
                if let Some(item) = warc_item(here, rec, opts) {
                    return Some(item);
                }
            }
        }
    }))
}

/// One WARC record cut from the stream.
enum Framed {
    /// Its header and block as read, for the `warc` crate to parse.
    Record(Vec<u8>),
    /// A block longer than a document may be, skipped without holding it.
    TooLarge,
    Malformed(&'static str),
}

/// Cuts the next record from a WARC stream: header lines up to the blank line, then the
/// `Content-Length` bytes of its block and the blank lines after them. The `warc` crate
/// reads whatever a record claims into memory (a small `.warc.gz` can inflate to gigabytes),
/// so the framing is ours, and a record is held only when it fits the document limit (with
/// room for an HTTP head).
fn next_warc_record(r: &mut dyn BufRead, opts: Options) -> std::io::Result<Option<Framed>> {
    const MAX_HEAD: u64 = 64 << 10;
    let mut head = Vec::new();
    loop {
        let room = MAX_HEAD.saturating_sub(head.len() as u64);
        let line = head.len();
        let got = (&mut *r).take(room).read_until(b'\n', &mut head)?;
        if got == 0 {
            if head.len() as u64 >= MAX_HEAD {
                return Ok(Some(Framed::Malformed("header too long")));
            }
            return Ok(if head.is_empty() {
                None
            } else {
                Some(Framed::Malformed("truncated header"))
            });
        }
        // The header ends with an empty line, as the `warc` crate reads it.
        if &head[line..] == b"\r\n" {
            break;
        }
    }
    let length = head
        .split(|&b| b == b'\n')
        .filter_map(|line| {
            let line = std::str::from_utf8(line).ok()?;
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<u64>().ok())
        })
        .next()
        .flatten()
        .unwrap_or(0);
    // The block and the two line breaks that close the record.
    let rest = length.saturating_add(4);
    if length > opts.max_bytes as u64 + MAX_HEAD {
        std::io::copy(&mut (&mut *r).take(rest), &mut std::io::sink())?;
        return Ok(Some(Framed::TooLarge));
    }
    (&mut *r).take(rest).read_to_end(&mut head)?;
    Ok(Some(Framed::Record(head)))
}

/// A WARC `response` (HTTP response with an HTML body) or `resource` record, as an item.
/// Other records (requests, metadata, non-HTML responses) are skipped silently.
fn warc_item(
    origin: String,
    rec: warc::Record<warc::BufferedBody>,
    opts: Options,
) -> Option<Result<RawItem, IngestError>> {
    let kind = rec.warc_type().clone();
    // Header values are read as raw bytes: `Record::header` panics on a value that is not
    // UTF-8, which a damaged or hostile file can hold.
    let (head, body) = rec.into_raw_parts();
    let header = |h: warc::WarcHeader| {
        head.headers
            .get(&h)
            .map(|v| String::from_utf8_lossy(v).trim().to_string())
    };
    let hints = Hints {
        url: header(warc::WarcHeader::TargetURI),
        ..Hints::default()
    };
    match kind {
        warc::RecordType::Response => {
            let resp = match parse_http_response(&body, opts) {
                Ok(Some(r)) => r,
                Ok(None) => return None,
                Err(reason) => return Some(Err(IngestError::new(origin, reason))),
            };
            Some(document_from_bytes(
                origin,
                resp.body,
                Kind::Html,
                hints,
                opts,
                resp.charset,
            ))
        }
        warc::RecordType::Resource => {
            let ct = header(warc::WarcHeader::ContentType)
                .map(|c| c.to_ascii_lowercase())
                .unwrap_or_default();
            if !ct.contains("html") {
                return None;
            }
            Some(document_from_bytes(
                origin,
                body,
                Kind::Html,
                hints,
                opts,
                None,
            ))
        }
        _ => None,
    }
}

struct HttpResponse {
    body: Vec<u8>,
    charset: Option<&'static encoding_rs::Encoding>,
}

/// Splits an HTTP response into head and body; `None` for non-HTML or non-200 responses.
fn parse_http_response(data: &[u8], opts: Options) -> Result<Option<HttpResponse>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    let head_len = match resp.parse(data) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP response head".into()),
        Err(e) => return Err(format!("malformed HTTP response: {e}")),
    };
    if resp.code.is_some_and(|c| !(200..300).contains(&c)) {
        return Ok(None);
    }
    let get = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_string())
    };
    let content_type = get("content-type").unwrap_or_default();
    if !content_type.is_empty() && !content_type.to_ascii_lowercase().contains("html") {
        return Ok(None);
    }
    let mut body = data[head_len..].to_vec();
    if get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    if get("content-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("gzip"))
        && decode::is_gzip(&body)
    {
        body = decode::gunzip(&body, opts.max_bytes).map_err(|e| e.to_string())?;
    }
    Ok(Some(HttpResponse {
        body,
        charset: decode::charset_of_content_type(&content_type),
    }))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_str = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        if data.len() < size {
            // A truncated last chunk: keep what there is.
            out.extend_from_slice(data);
            return Some(out);
        }
        out.extend_from_slice(&data[..size]);
        data = data.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn items(paths: &[PathBuf]) -> Vec<Result<RawItem, IngestError>> {
        Reader::new(paths.to_vec(), Options::default()).collect()
    }

    const PAGE: &str = "<!DOCTYPE html><html><head><title>Putin visits Beijing</title></head>\
        <body><p>Russian President Vladimir Putin arrived in Beijing on Thursday.</p></body></html>";

    #[test]
    fn directories_are_walked_in_sorted_order_and_bad_files_do_not_stop_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("b")).unwrap();
        std::fs::write(d.join("b/2.html"), PAGE).unwrap();
        std::fs::write(d.join("a.txt"), "Xi and Putin spoke by phone on Monday.").unwrap();
        std::fs::write(d.join("c.bin"), b"\x00\x01\x02binary").unwrap();
        std::fs::write(d.join("d.txt"), "").unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(PAGE.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        std::fs::write(d.join("e.html.gz"), &gz).unwrap();
        std::fs::write(d.join("f.html.gz"), &gz[..gz.len() - 12]).unwrap();

        let got = items(&[d.to_path_buf()]);
        let names: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(i) => i.origin.clone(),
                Err(e) => e.origin.clone(),
            })
            .map(|o| o.rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "a.txt",
                "2.html",
                "c.bin",
                "d.txt",
                "e.html.gz",
                "f.html.gz"
            ]
        );
        assert!(
            matches!(&got[0].as_ref().unwrap().body, Body::Text(t) if t.contains("spoke by phone"))
        );
        assert!(matches!(&got[1].as_ref().unwrap().body, Body::Html(_)));
        assert!(got[2]
            .as_ref()
            .unwrap_err()
            .reason
            .starts_with("binary data"));
        assert_eq!(got[3].as_ref().unwrap_err().reason, "empty input");
        assert!(matches!(&got[4].as_ref().unwrap().body, Body::Html(h) if h.contains("Beijing")));
        assert!(got[5].as_ref().unwrap_err().reason.contains("gzip"));
    }

    #[test]
    fn missing_paths_are_named() {
        let got = items(&[PathBuf::from("/no/such/page.html")]);
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "/no/such/page.html: no such file or directory"
        );
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.html");
        std::fs::write(&p, vec![b'x'; 3 << 20]).unwrap();
        let got: Vec<_> = Reader::new([p], Options { max_bytes: 1 << 20 }).collect();
        assert!(got[0].as_ref().unwrap_err().reason.starts_with("too large"));
    }

    #[test]
    fn jsonl_records_keep_their_hints_and_bad_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("wire.jsonl");
        let lines = [
            r#"{"url": "https://harbour.example/a", "text": "Wang Yi met Sergei Lavrov in Moscow.", "date": "2023-02-22", "outlet": "Harbour Daily", "title": "Wang in Moscow"}"#,
            r#"{"url": "https://ledger.example/b", "html": "<p>Kuleba flew to Guangzhou.</p>"}"#,
            "",
            r#"{"url": "https://broken.example/c", "text": "unterminated"#,
            r#"{"url": "https://empty.example/d"}"#,
            r#"["not", "an", "object"]"#,
        ];
        std::fs::write(&p, lines.join("\n")).unwrap();
        let got = items(&[p]);
        assert_eq!(got.len(), 5);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.hints.outlet.as_deref(), Some("Harbour Daily"));
        assert_eq!(a.hints.date.as_deref(), Some("2023-02-22"));
        assert!(a.origin.ends_with("wire.jsonl:1"));
        assert!(matches!(got[1].as_ref().unwrap().body, Body::Html(_)));
        let e = got[2].as_ref().unwrap_err();
        assert!(e.origin.ends_with(":4") && e.reason.starts_with("malformed JSON"));
        assert!(got[3].as_ref().unwrap_err().reason.contains("neither"));
        assert!(got[4].as_ref().unwrap_err().reason.contains("object"));
    }

    fn warc_record(kind: &str, uri: &str, content_type: &str, payload: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2024-05-17T08:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            payload.len() * 7 + uri.len(),
            payload.len()
        )
        .into_bytes();
        r.extend_from_slice(payload);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn warc_from_memory_with_a_non_utf8_header_value_is_read_not_a_panic() {
        // Found by the `warc` fuzz target: a byte that is not UTF-8 in WARC-Target-URI made
        // the warc crate's header accessor panic.
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\
                     <html><body><p>Putin met Xi in Moscow on Sunday.</p></body></html>";
        let mut warc = warc_record(
            "response",
            "https://news.example/a",
            "application/http",
            page,
        );
        let at = warc.windows(4).position(|w| w == b"http").unwrap() + 3;
        warc[at] = 0xec;
        let got: Vec<_> =
            warc_items("mem.warc", std::io::Cursor::new(warc), Options::default()).collect();
        assert_eq!(got.len(), 1);
        let item = got[0].as_ref().unwrap();
        assert_eq!(item.origin, "mem.warc#1");
        assert_eq!(
            item.hints.url.as_deref(),
            Some("htt\u{fffd}s://news.example/a")
        );
        assert!(item.body.as_str().contains("Putin met Xi"));
    }

    #[test]
    fn warc_responses_with_html_become_items() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("crawl.warc.gz");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Путин прибыл в Пекин.</p>");
        let mut http1 =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n".to_vec();
        http1.extend_from_slice(&cp1251);
        let http2 =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\
            10\r\n<p>Xi met Putin \r\nb\r\nin Beijing.\r\n0\r\n\r\n";
        let http3 = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....";
        let mut warc = Vec::new();
        warc.extend(warc_record(
            "request",
            "https://a.example/ru",
            "application/http; msgtype=request",
            b"GET /ru HTTP/1.1\r\n\r\n",
        ));
        warc.extend(warc_record(
            "response",
            "https://a.example/ru",
            "application/http; msgtype=response",
            &http1,
        ));
        warc.extend(warc_record(
            "response",
            "https://a.example/en",
            "application/http; msgtype=response",
            http2,
        ));
        warc.extend(warc_record(
            "response",
            "https://a.example/logo.png",
            "application/http; msgtype=response",
            http3,
        ));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&warc).unwrap();
        std::fs::write(&p, gz.finish().unwrap()).unwrap();

        let got = items(&[p]);
        assert_eq!(got.len(), 2, "{got:?}");
        let ru = got[0].as_ref().unwrap();
        assert_eq!(ru.hints.url.as_deref(), Some("https://a.example/ru"));
        assert_eq!(ru.encoding, "windows-1251");
        assert!(ru.body.as_str().contains("Путин прибыл в Пекин"));
        let en = got[1].as_ref().unwrap();
        assert_eq!(en.body.as_str(), "<p>Xi met Putin in Beijing.");
        assert!(en.origin.ends_with("crawl.warc.gz#3"));
    }

    #[test]
    fn unknown_extensions_are_sniffed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("page");
        std::fs::write(&p, PAGE).unwrap();
        let q = dir.path().join("notes.log");
        std::fs::write(&q, "Putin <said> the talks were useful.").unwrap();
        let got = items(&[p, q]);
        assert!(matches!(got[0].as_ref().unwrap().body, Body::Html(_)));
        assert!(matches!(got[1].as_ref().unwrap().body, Body::Text(_)));
    }
}
