//! The near-duplicate index: the MinHash band keys of every stored document, in two levels.
//!
//! Each document has 16 band keys, random by design. Written straight into one B-tree, each
//! key lands on its own leaf, so once the index outgrows the page cache every document dirties
//! 16 pages (written to the WAL, then again by the checkpoint) and reads most of them back: the
//! cost per document grows with the store. Instead, a new document's keys go to
//! `minhash_pending`, one row per document appended at the end of a table keyed by the
//! document's rowid, and to a sorted copy of that table kept in memory, which lookups search.
//! When the pending keys reach [`PENDING_MAX`], they are merged into `minhash_index` in key
//! order, so each of its leaves is written once per merge instead of once per document.
//!
//! A pending row is written in the same transaction as its document, so an interrupted batch
//! leaves both levels consistent; the memory copy is rebuilt from the table whenever the table
//! is not what this process last saw (another process wrote to the store, a batch failed).
//!
//! Keys of deleted documents stay in `minhash_index` (dyad itself never deletes): a candidate
//! whose document is gone is skipped, and one whose rowid was reused is compared like any other.

use crate::Result;
use dyad_ingest::fingerprint::{band_keys, BANDS, SIGNATURE_LEN};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

/// Pending band keys merged into the index at once: 65,536 documents' worth, 16 MB in memory.
/// Larger means fewer passes over the index (each rewrites most of its leaves once the store is
/// large) and more memory.
#[cfg(not(test))]
pub(crate) const PENDING_MAX: usize = 1 << 20;
/// Small in tests, so that they merge: four documents' worth.
#[cfg(test)]
pub(crate) const PENDING_MAX: usize = 64;

/// Documents sharing a single band with a new one that are compared with it: those whose shared
/// key is rarest.
const SINGLE_BAND_CANDIDATES: usize = 4;

/// Hits read from the index per band key; a key shared by more documents than this is a
/// template's, not a near-duplicate's.
const HITS_PER_KEY: usize = 50;

// The band number goes in the top bits of a key.
const _: () = assert!(BANDS <= 16);

/// The band keys of a signature as stored: each the band in the 4 bits below the sign and the
/// key's top 59 bits below (migration 9 computes the same from the old table).
pub(crate) fn stored_keys(sig: &[u32; SIGNATURE_LEN]) -> [i64; BANDS] {
    let keys = band_keys(sig);
    std::array::from_fn(|band| ((band as i64) << 59) | (keys[band] >> 4) as i64)
}

/// The keys of a document as stored in `minhash_pending`.
fn keys_to_blob(keys: &[i64; BANDS]) -> Vec<u8> {
    keys.iter().flat_map(|k| k.to_le_bytes()).collect()
}

fn keys_from_blob(blob: &[u8]) -> impl Iterator<Item = i64> + '_ {
    blob.chunks_exact(8)
        .map(|c| i64::from_le_bytes(c.try_into().expect("chunks of 8")))
}

/// Migration 9: the band index keyed by one integer and the document's rowid (a third of the
/// size of `(band, key, doc_id)` rows), and the pending level.
pub(crate) const MIGRATION: &str = r#"
CREATE TABLE minhash_index (
    bk  INTEGER NOT NULL,
    doc INTEGER NOT NULL,
    PRIMARY KEY (bk, doc)
) WITHOUT ROWID;
CREATE TABLE minhash_pending (
    doc  INTEGER PRIMARY KEY,
    keys BLOB NOT NULL
);
INSERT INTO minhash_index (bk, doc)
    SELECT (b.band << 59) | (b.key >> 4), d.rowid
    FROM minhash_bands b JOIN documents d ON d.id = b.doc_id
    ORDER BY 1, 2;
DROP TABLE minhash_bands;
CREATE TRIGGER documents_bands_ad AFTER DELETE ON documents BEGIN
    DELETE FROM minhash_pending WHERE doc = old.rowid;
END;
"#;

/// The pending level in memory: `(key, doc)` sorted, and the first and last document of the
/// table it was read from.
#[derive(Default)]
pub(crate) struct Pending {
    entries: Vec<(i64, i64)>,
    docs: Option<(i64, i64)>,
}

/// The band index during one batch: the pending level and what the batch added.
pub(crate) struct Batch<'a> {
    pending: &'a mut Pending,
    added: HashMap<i64, Vec<i64>>,
}

impl Pending {
    /// Brings the memory copy up to date with the table and starts a batch.
    pub(crate) fn begin<'a>(this: &'a mut Option<Pending>, tx: &Transaction) -> Result<Batch<'a>> {
        let docs: Option<(i64, i64)> =
            tx.query_row("SELECT min(doc), max(doc) FROM minhash_pending", [], |r| {
                Ok(r.get::<_, Option<i64>>(0)?.zip(r.get::<_, Option<i64>>(1)?))
            })?;
        if this.as_ref().is_none_or(|p| p.docs != docs) {
            let mut entries = Vec::new();
            let mut rows = tx.prepare("SELECT doc, keys FROM minhash_pending")?;
            let mut rows = rows.query([])?;
            while let Some(row) = rows.next()? {
                let doc: i64 = row.get(0)?;
                let blob: Vec<u8> = row.get(1)?;
                entries.extend(keys_from_blob(&blob).map(|k| (k, doc)));
            }
            entries.sort_unstable();
            *this = Some(Pending { entries, docs });
        }
        Ok(Batch {
            pending: this.as_mut().expect("set above"),
            added: HashMap::new(),
        })
    }
}

impl Batch<'_> {
    /// The stored documents most likely to be near-duplicates of one with `keys`, to compare
    /// with it. A document at the similarity threshold (0.7) shares a band with probability
    /// 0.7^4 = 0.24, so two or more of the 16 bands with probability 0.93; a text made from the
    /// same template or quoting the same boilerplate shares one by chance, often under a key
    /// that many documents have. So: up to `limit` of those sharing two or more bands, most
    /// shared first, and of those sharing one, the [`SINGLE_BAND_CANDIDATES`] whose key is the
    /// rarest.
    pub(crate) fn candidates(
        &self,
        tx: &Transaction,
        keys: &[i64; BANDS],
        limit: usize,
    ) -> Result<Vec<i64>> {
        let mut hits = tx.prepare_cached("SELECT doc FROM minhash_index WHERE bk = ?1 LIMIT ?2")?;
        // Per document: bands shared, the rarity of its keys (the sum of 1 / documents under
        // each), and the order first met.
        let mut shared: HashMap<i64, (usize, f64, usize)> = HashMap::new();
        let mut under_key = Vec::new();
        for &key in keys {
            under_key.clear();
            let mut rows = hits.query(params![key, HITS_PER_KEY as i64])?;
            while let Some(row) = rows.next()? {
                under_key.push(row.get(0)?);
            }
            let entries = &self.pending.entries;
            let first = entries.partition_point(|e| e.0 < key);
            let pending = entries[first..].iter().take_while(|e| e.0 == key);
            under_key.extend(pending.take(HITS_PER_KEY).map(|&(_, doc)| doc));
            under_key.extend(self.added.get(&key).into_iter().flatten());
            let rarity = 1.0 / under_key.len() as f64;
            for &doc in &under_key {
                let seen = shared.len();
                let e = shared.entry(doc).or_insert((0, 0.0, seen));
                e.0 += 1;
                e.1 += rarity;
            }
        }
        let mut ranked: Vec<(i64, (usize, f64, usize))> = shared.into_iter().collect();
        ranked.sort_by(|a, b| {
            let ((n, r, first), (m, s, other)) = (a.1, b.1);
            m.cmp(&n).then(s.total_cmp(&r)).then(first.cmp(&other))
        });
        let several = ranked.iter().take_while(|c| c.1 .0 > 1).count().min(limit);
        let single = ranked.iter().skip_while(|c| c.1 .0 > 1);
        let chosen = ranked[..several]
            .iter()
            .chain(single.take(SINGLE_BAND_CANDIDATES));
        Ok(chosen.map(|(doc, _)| *doc).collect())
    }

    /// Records the keys of a newly stored document.
    pub(crate) fn add(&mut self, tx: &Transaction, doc: i64, keys: &[i64; BANDS]) -> Result<()> {
        tx.prepare_cached("INSERT INTO minhash_pending (doc, keys) VALUES (?1, ?2)")?
            .execute(params![doc, keys_to_blob(keys)])?;
        for &key in keys {
            self.added.entry(key).or_default().push(doc);
        }
        Ok(())
    }

    /// Ends the batch (before its commit): the added keys join the pending level, which is
    /// merged into the index once it is full.
    pub(crate) fn finish(self, tx: &Transaction) -> Result<()> {
        let p = self.pending;
        let mut docs = p.docs;
        let mut new = Vec::with_capacity(self.added.len());
        for (key, ds) in self.added {
            for doc in ds {
                new.push((key, doc));
                docs = Some(docs.map_or((doc, doc), |(lo, hi)| (lo.min(doc), hi.max(doc))));
            }
        }
        new.sort_unstable();
        merge_into(&mut p.entries, &new);
        p.docs = docs;
        if p.entries.len() >= PENDING_MAX {
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO minhash_index (bk, doc) VALUES (?1, ?2)")?;
            for &(key, doc) in &p.entries {
                insert.execute(params![key, doc])?;
            }
            tx.execute("DELETE FROM minhash_pending", [])?;
            // The room stays for the next round.
            p.entries.clear();
            p.docs = None;
        }
        Ok(())
    }
}

/// Merges the sorted `new` into the sorted `entries` in place, from the back: no second copy
/// of the pending keys is made (they are up to 16 MB), and no room beyond what they need once
/// `entries` holds a round's worth.
fn merge_into(entries: &mut Vec<(i64, i64)>, new: &[(i64, i64)]) {
    let old = entries.len();
    if entries.capacity() < old + new.len() {
        entries.reserve_exact((old + new.len()).max(PENDING_MAX + 4096) - old);
    }
    entries.resize(old + new.len(), (0, 0));
    let (mut i, mut j) = (old, new.len());
    for w in (0..old + new.len()).rev() {
        if j == 0 {
            break;
        }
        if i > 0 && entries[i - 1] > new[j - 1] {
            entries[w] = entries[i - 1];
            i -= 1;
        } else {
            entries[w] = new[j - 1];
            j -= 1;
        }
    }
}

/// The text id and signature bytes of the document with rowid `doc`, if it is still stored.
pub(crate) fn signature(tx: &Transaction, doc: i64) -> Result<Option<(String, Vec<u8>)>> {
    Ok(tx
        .prepare_cached("SELECT text_id, minhash FROM documents WHERE rowid = ?1")?
        .query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_the_keys_sorted_with_nothing_lost() {
        let mut entries = vec![(1, 1), (4, 2), (4, 5), (9, 3)];
        merge_into(&mut entries, &[(0, 7), (4, 3), (10, 1), (10, 2)]);
        assert_eq!(
            entries,
            [
                (0, 7),
                (1, 1),
                (4, 2),
                (4, 3),
                (4, 5),
                (9, 3),
                (10, 1),
                (10, 2)
            ]
        );
        let mut empty = Vec::new();
        merge_into(&mut empty, &[(2, 1), (3, 1)]);
        assert_eq!(empty, [(2, 1), (3, 1)]);
        merge_into(&mut empty, &[]);
        assert_eq!(empty, [(2, 1), (3, 1)]);
    }
}
