//! Bytes to text: gzip, encodings, binary detection.

use encoding_rs::{Encoding, UTF_8};
use flate2::read::MultiGzDecoder;
use regex::bytes::Regex;
use std::io::Read;
use std::sync::LazyLock;

/// Why a byte buffer could not become text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty input")]
    Empty,
    #[error("binary data, not HTML or text ({0})")]
    Binary(&'static str),
    #[error("truncated or corrupt gzip data: {0}")]
    Gzip(String),
    #[error("too large: more than {limit_mb} MB (raise --max-mb to read it)")]
    TooLarge { limit_mb: usize },
}

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.len() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
}

/// Decompresses gzip data (all members), refusing to produce more than `limit` bytes so that a
/// small bomb cannot exhaust memory.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    let mut dec = MultiGzDecoder::new(bytes).take(limit as u64 + 1);
    dec.read_to_end(&mut out)
        .map_err(|e| DecodeError::Gzip(e.to_string()))?;
    if out.len() > limit {
        return Err(DecodeError::TooLarge {
            limit_mb: limit >> 20,
        });
    }
    Ok(out)
}

/// Rejects data that is clearly not text: NUL bytes or many control characters near the start.
/// UTF-16 with a BOM is text and passes.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if Encoding::for_bom(bytes).is_some() {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > head.len() {
        return Err(DecodeError::Binary("too many control characters"));
    }
    if head.starts_with(b"%PDF")
        || head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"\x89PNG")
        || head.starts_with(b"\xff\xd8\xff")
        || head.starts_with(b"GIF8")
    {
        return Err(DecodeError::Binary("a PDF, ZIP or image file"));
    }
    Ok(())
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})"#).unwrap()
});

/// The charset an HTML document declares in its first 4 KB (`<meta charset>` or
/// `http-equiv="Content-Type"`), as the HTML standard's prescan would find it.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let caps = META_CHARSET.captures(head)?;
    let label = caps.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // The standard maps a declared UTF-16 to UTF-8: a page that can declare itself in ASCII
    // is not UTF-16.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// The charset of a `Content-Type` header value (`text/html; charset=windows-1251`).
pub fn charset_of_content_type(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let idx = lower.find("charset=")?;
    let label = lower[idx + 8..]
        .trim_start_matches(['"', '\''])
        .split(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .next()?;
    Encoding::for_label(label.as_bytes())
}

/// Text decoded from bytes, and the encoding that was used.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes an HTML page: BOM, then the transport's charset, then the page's own declaration,
/// then content sniffing. A page declared as a legacy single-byte encoding whose bytes are
/// valid UTF-8 with non-ASCII characters is taken as UTF-8 (a common misdeclaration).
pub fn decode_html(bytes: &[u8], transport: Option<&'static Encoding>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..]);
    }
    let declared = transport.or_else(|| declared_charset(bytes));
    let enc = match declared {
        // Browsers keep a declared UTF-8 even when a few bytes are broken.
        Some(enc) if enc == UTF_8 => UTF_8,
        Some(_) if looks_like_utf8(bytes) => UTF_8,
        Some(enc) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => sniff(bytes),
    };
    finish(enc, bytes)
}

/// Decodes a plain-text file: BOM, valid UTF-8, else content sniffing.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..]);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(UTF_8, bytes);
    }
    finish(sniff(bytes), bytes)
}

/// Valid UTF-8 that contains at least one multi-byte sequence.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The detector needs no more than a good sample; long pages cost time for nothing.
    det.feed(&bytes[..bytes.len().min(1 << 20)], bytes.len() <= 1 << 20);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_decides_for_cyrillic_pages() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("Путин встретился с Си Цзиньпином");
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
        page.extend_from_slice(&body);
        page.extend_from_slice(b"</p></body></html>");
        let d = decode_html(&page, None);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Путин встретился"));
    }

    #[test]
    fn http_equiv_gbk_is_honoured() {
        let (body, _, _) = encoding_rs::GBK.encode("习近平与普京通电话");
        let mut page = br#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>"#.to_vec();
        page.extend_from_slice(&body);
        let d = decode_html(&page, None);
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains("习近平与普京通电话"));
    }

    #[test]
    fn undeclared_legacy_pages_are_sniffed() {
        let (body, _, _) = encoding_rs::WINDOWS_1251
            .encode("<p>Министр обороны Китая Ли Шанфу прибыл в Москву с визитом. Переговоры прошли в Кремле.</p>");
        let d = decode_html(&body, None);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Кремле"));
    }

    #[test]
    fn utf8_bytes_win_over_a_wrong_latin1_declaration() {
        let page =
            "<meta charset=\"iso-8859-1\"><p>Außenminister Wang Yi traf Lawrow in Peking.</p>";
        let d = decode_html(page.as_bytes(), None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Außenminister"));
    }

    #[test]
    fn bom_beats_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes
            .extend_from_slice("<meta charset=\"windows-1252\"><p>Zelenskyy — Kyiv</p>".as_bytes());
        let d = decode_html(&bytes, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn content_type_charset_is_parsed() {
        assert_eq!(
            charset_of_content_type("text/html; charset=\"Shift_JIS\"").map(|e| e.name()),
            Some("Shift_JIS")
        );
        assert_eq!(charset_of_content_type("text/html"), None);
    }

    #[test]
    fn binary_and_empty_inputs_are_refused() {
        assert_eq!(check_not_binary(b""), Err(DecodeError::Empty));
        assert!(matches!(
            check_not_binary(b"\x7fELF\x02\x01\x01\x00\x00\x00"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            check_not_binary(b"%PDF-1.7 some text"),
            Err(DecodeError::Binary(_))
        ));
        assert!(check_not_binary("Xi met Putin.".as_bytes()).is_ok());
    }

    #[test]
    fn gzip_bombs_and_truncation_are_caught() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(&vec![b'a'; 5 << 20]).unwrap();
        let gz = enc.finish().unwrap();
        assert!(matches!(
            gunzip(&gz, 1 << 20),
            Err(DecodeError::TooLarge { limit_mb: 1 })
        ));
        assert_eq!(gunzip(&gz, 8 << 20).unwrap().len(), 5 << 20);
        assert!(matches!(
            gunzip(&gz[..gz.len() / 2], 8 << 20),
            Err(DecodeError::Gzip(_))
        ));
    }
}
