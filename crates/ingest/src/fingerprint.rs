//! Identity and near-identity of texts.
//!
//! The content hash identifies a text exactly (after whitespace normalisation). The MinHash
//! signature estimates how much two texts share (Jaccard similarity of their word 3-shingles),
//! so that a wire story reprinted by several outlets with small edits is recognised as one text.
//! Signatures are banded for locality-sensitive lookup: two texts whose similarity is high share
//! at least one band value with high probability.

/// Number of MinHash values in a signature.
pub const SIGNATURE_LEN: usize = 64;
/// Bands for locality-sensitive lookup; `SIGNATURE_LEN / BANDS` rows each.
pub const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Estimated Jaccard similarity at or above which two texts count as the same text.
pub const NEAR_DUPLICATE: f64 = 0.7;
const SHINGLE: usize = 3;

/// Hex BLAKE3 hash of the text with runs of whitespace collapsed and ends trimmed.
pub fn content_hash(text: &str) -> String {
    let mut h = blake3::Hasher::new();
    let mut first = true;
    for w in text.split_whitespace() {
        if !first {
            h.update(b" ");
        }
        h.update(w.as_bytes());
        first = false;
    }
    h.finalize().to_hex().to_string()
}

/// A stable document id: the same text from the same outlet (or the same source, when the
/// outlet is unknown) always gets the same id; the same text from two outlets gets two.
pub fn document_id(content_hash: &str, outlet_key: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(outlet_key.trim().to_lowercase().as_bytes());
    h.update(b"\n");
    h.update(content_hash.as_bytes());
    h.finalize().to_hex()[..16].to_string()
}

/// MinHash signature over lower-cased word 3-shingles. Texts of fewer than three words use
/// their words as shingles; an empty text has all values at `u32::MAX`.
pub fn minhash(text: &str) -> [u32; SIGNATURE_LEN] {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a(w.chars().flat_map(char::to_lowercase)))
        .collect();
    let mut sig = [u32::MAX; SIGNATURE_LEN];
    let mut add = |h: u64| {
        for (i, slot) in sig.iter_mut().enumerate() {
            // One cheap mix per permutation: xor with a per-slot constant, then finalise.
            let v = (splitmix(h ^ SEEDS[i]) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    };
    if words.len() < SHINGLE {
        words.iter().for_each(|&w| add(w));
    } else {
        for win in words.windows(SHINGLE) {
            add(win
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |acc, &w| splitmix(acc ^ w)));
        }
    }
    sig
}

/// Estimated Jaccard similarity of the texts behind two signatures.
pub fn similarity(a: &[u32; SIGNATURE_LEN], b: &[u32; SIGNATURE_LEN]) -> f64 {
    let same = a
        .iter()
        .zip(b.iter())
        .filter(|(x, y)| x == y && **x != u32::MAX)
        .count();
    same as f64 / SIGNATURE_LEN as f64
}

/// One 64-bit key per band: texts that share a band key are near-duplicate candidates.
pub fn band_keys(sig: &[u32; SIGNATURE_LEN]) -> [u64; BANDS] {
    let mut keys = [0u64; BANDS];
    for (b, key) in keys.iter_mut().enumerate() {
        let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ b as u64;
        for &v in &sig[b * ROWS..(b + 1) * ROWS] {
            h = splitmix(h ^ u64::from(v));
        }
        // SQLite integers are signed 64-bit; keep keys positive so they sort plainly.
        *key = h >> 1;
    }
    keys
}

/// Serialises a signature as little-endian bytes (for storage).
pub fn signature_to_bytes(sig: &[u32; SIGNATURE_LEN]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Reads a signature written by [`signature_to_bytes`].
pub fn signature_from_bytes(bytes: &[u8]) -> Option<[u32; SIGNATURE_LEN]> {
    if bytes.len() != SIGNATURE_LEN * 4 {
        return None;
    }
    let mut sig = [0u32; SIGNATURE_LEN];
    for (i, c) in bytes.chunks_exact(4).enumerate() {
        sig[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    Some(sig)
}

fn fnv1a(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in chars {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

const fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SEEDS: [u64; SIGNATURE_LEN] = {
    let mut s = [0u64; SIGNATURE_LEN];
    let mut i = 0;
    while i < SIGNATURE_LEN {
        s[i] = splitmix(0x5eed_0000_0000_0000 + i as u64);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Chinese Defence Minister Li Shangfu met President Vladimir Putin in Moscow on \
        Sunday, the first visit by a Chinese defence chief since the war in Ukraine began. The two \
        discussed military cooperation and joint exercises, the Kremlin said in a statement. Li told \
        Putin that relations between the two armed forces were developing steadily. Russian Defence \
        Minister Sergei Shoigu also took part in the talks, which lasted more than an hour. Western \
        governments have warned Beijing against supplying weapons to Moscow.";

    #[test]
    fn whitespace_does_not_change_identity() {
        let a = content_hash("Xi met Putin.\n\nThey talked.");
        let b = content_hash("  Xi met  Putin. They\ttalked. ");
        assert_eq!(a, b);
        assert_ne!(a, content_hash("Xi met Biden. They talked."));
    }

    #[test]
    fn same_text_two_outlets_two_ids() {
        let h = content_hash(WIRE);
        assert_ne!(
            document_id(&h, "Harbour Daily"),
            document_id(&h, "Baltic Ledger")
        );
        assert_eq!(
            document_id(&h, "Harbour Daily"),
            document_id(&h, "harbour daily ")
        );
        assert_eq!(document_id(&h, "x").len(), 16);
    }

    #[test]
    fn reprints_with_small_edits_are_near_duplicates() {
        let trimmed = WIRE.replace(
            " Russian Defence Minister Sergei Shoigu also took part in the talks, which lasted more than an hour.",
            "",
        );
        let extended = format!("{WIRE} Additional reporting by the Moscow bureau.");
        let a = minhash(WIRE);
        let b = minhash(&trimmed);
        let c = minhash(&extended);
        assert!(
            similarity(&a, &b) >= NEAR_DUPLICATE,
            "{}",
            similarity(&a, &b)
        );
        assert!(
            similarity(&a, &c) >= NEAR_DUPLICATE,
            "{}",
            similarity(&a, &c)
        );
        let shared = |x: &[u64; BANDS], y: &[u64; BANDS]| x.iter().zip(y).any(|(p, q)| p == q);
        assert!(shared(&band_keys(&a), &band_keys(&b)));
    }

    #[test]
    fn different_stories_are_not() {
        let other = "The United States imposed sanctions on a dozen Chinese companies on Friday, \
            accusing them of helping Russia's military obtain drone engines and microelectronics. \
            The Treasury said the firms had shipped the parts through Hong Kong. China's foreign \
            ministry called the measures illegal unilateral sanctions and vowed to respond.";
        let s = similarity(&minhash(WIRE), &minhash(other));
        assert!(s < 0.2, "{s}");
        assert_eq!(similarity(&minhash(""), &minhash("")), 0.0);
    }

    #[test]
    fn signatures_round_trip() {
        let sig = minhash(WIRE);
        assert_eq!(signature_from_bytes(&signature_to_bytes(&sig)), Some(sig));
        assert_eq!(signature_from_bytes(&[1, 2, 3]), None);
    }
}
