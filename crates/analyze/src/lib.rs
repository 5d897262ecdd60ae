//! Analyze: the course of each dyad — timelines, pattern breaks, position shifts,
//! corroboration — computed from the store.
//!
//! An empty stage for now: it needs the event and quote layers, which later stages fill.
