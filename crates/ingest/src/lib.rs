//! Ingest: everything between a path on disk and a decoded document.
//!
//! [`Reader`] streams [`RawItem`]s from files, directories, JSON Lines, WARC and standard input;
//! [`decode`] turns bytes into text; [`fingerprint`] gives texts their identity.

pub mod decode;
pub mod fingerprint;
mod source;

pub use source::{jsonl_items, warc_items, Body, Hints, IngestError, Options, RawItem, Reader};
