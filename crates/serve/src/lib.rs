//! Serve: the HTTP API and web UI over the store.
//!
//! Read-only by default: every query opens the database read-only (`query_only`), and the one
//! endpoint that writes (`POST /api/ingest`) exists only when a token is given at start and
//! wants it as `Authorization: Bearer TOKEN`. Requests are bounded in size and time (a query
//! that runs too long is interrupted inside SQLite), nothing from a request is ever used as a
//! file path, and every error is a JSON object `{"error": "..."}` with a fitting status.

mod api;
mod ui;

use axum::Router;
use dyad_store::{Store, StoreError};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// The token that unlocks `POST /api/ingest`; without one the server never writes.
    pub token: Option<String>,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// The longest a request may take.
    pub timeout: Duration,
}

impl Config {
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config {
            db,
            addr,
            token: None,
            max_body: 16 << 20,
            timeout: Duration::from_secs(10),
        }
    }
}

/// Read-only connections kept open between requests (opening one costs a file open and a
/// schema check).
struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    fn take(&self) -> Result<Store, StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(s) => Ok(s),
            None => Store::open_read_only(&self.db),
        }
    }

    fn give_back(&self, s: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < 16 {
            idle.push(s);
        }
    }
}

/// Computed answers by request, each with the store version it was computed on. Small and
/// simple: when full, it starts again empty.
#[derive(Default)]
pub(crate) struct Cache {
    entries: Mutex<std::collections::HashMap<String, (i64, axum::body::Bytes)>>,
}

impl Cache {
    const MAX: usize = 512;

    pub(crate) fn get(&self, key: &str, version: i64) -> Option<axum::body::Bytes> {
        let map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key)
            .filter(|(v, _)| *v == version)
            .map(|(_, b)| b.clone())
    }

    pub(crate) fn put(&self, key: String, version: i64, bytes: axum::body::Bytes) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= Self::MAX {
            map.clear();
        }
        map.insert(key, (version, bytes));
    }
}

pub(crate) struct AppState {
    pool: Pool,
    token: Option<String>,
    timeout: Duration,
    cache: Cache,
    /// One writer at a time.
    writer: tokio::sync::Mutex<()>,
}

/// The application: API routes under `/api`, the UI at `/`.
pub fn app(cfg: &Config) -> anyhow::Result<Router> {
    // Fail at start, with the path, rather than on the first request.
    let first = Store::open_read_only(&cfg.db)
        .map_err(|e| anyhow::anyhow!("cannot serve {}: {e}", cfg.db.display()))?;
    let state = Arc::new(AppState {
        pool: Pool {
            db: cfg.db.clone(),
            idle: Mutex::new(vec![first]),
        },
        token: cfg.token.clone().filter(|t| !t.is_empty()),
        timeout: cfg.timeout,
        cache: Cache::default(),
        writer: tokio::sync::Mutex::new(()),
    });
    Ok(Router::new()
        .nest("/api", api::routes(cfg.max_body))
        .merge(ui::routes())
        .with_state(state))
}

/// Serves until Ctrl-C. `ready` is called with the bound address once the server listens.
pub fn run(cfg: Config, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let app = app(&cfg)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(cfg.addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", cfg.addr))?;
        ready(listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
