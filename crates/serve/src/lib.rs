//! Serve: the HTTP API and web UI over the store.
//!
//! An empty stage for now; `dyad serve` arrives with the analyst's view.
