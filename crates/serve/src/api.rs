//! The JSON endpoints. Each query runs on a blocking thread with a pooled read-only
//! connection, under the server's time limit.

use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use dyad_store::Store;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Arc;

type Shared = Arc<AppState>;

/// The most rows one request may ask for.
const MAX_LIMIT: usize = 10_000;

pub(crate) fn routes(max_body: usize) -> Router<Shared> {
    Router::new()
        .route("/stats", get(stats))
        .route("/documents", get(documents))
        .route("/documents/{id}", get(document))
        .route("/search", get(search))
        .route("/events", get(events))
        .route("/quotes", get(quotes))
        .route("/actors", get(actors))
        .route("/actors/learned", get(learned))
        .route("/timeline", get(timeline))
        .route("/breaks", get(breaks))
        .route("/shifts", get(shifts))
        .route("/corroboration", get(corroboration))
        .route("/network", get(network))
        .route("/ingest", post(ingest))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such endpoint") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed on this endpoint",
            )
        })
        .layer(DefaultBodyLimit::max(max_body))
}

/// An error as the client sees it: a status and `{"error": "..."}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

/// Query parameters whose errors are JSON like every other error.
pub(crate) struct Q<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Q(v)),
            Err(e) => Err(ApiError::bad(e.body_text())),
        }
    }
}

/// Runs `f` with a read-only connection on a blocking thread; past the time limit the query is
/// interrupted inside SQLite and the client gets a 503.
async fn query<T: Serialize + Send + 'static>(
    st: &Shared,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<Json<T>, ApiError> {
    blocking(st, f).await.map(Json)
}

async fn blocking<T: Send + 'static>(
    st: &Shared,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = st.pool.take().map_err(internal)?;
    let interrupt = store.interrupt_handle();
    let shared = st.clone();
    // A connection whose query was given up on is not pooled again: the interrupt must not
    // reach the next request that would use it.
    let abandoned = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let given_up = abandoned.clone();
    let task = tokio::task::spawn_blocking(move || {
        let out = f(&store);
        if !given_up.load(std::sync::atomic::Ordering::SeqCst) {
            shared.pool.give_back(store);
        }
        out
    });
    match tokio::time::timeout(st.timeout, task).await {
        Ok(Ok(out)) => out,
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error while answering (please report it)",
        )),
        Err(_) => {
            abandoned.store(true, std::sync::atomic::Ordering::SeqCst);
            interrupt.interrupt();
            Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query took longer than {} s; narrow it down",
                    st.timeout.as_secs_f64()
                ),
            ))
        }
    }
}

/// Like [`query`], for answers that are costly to compute and asked for again and again (a
/// dashboard's timeline): the JSON is kept, keyed by the request and the store's version, so
/// that it is computed once per change of the data.
async fn cached<T: Serialize + Send + 'static>(
    st: &Shared,
    key: String,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let shared = st.clone();
    let bytes = blocking(st, move |s| {
        let version = s.version().map_err(internal)?;
        if let Some(hit) = shared.cache.get(&key, version) {
            return Ok(hit);
        }
        let value = f(s)?;
        let bytes = Bytes::from(serde_json::to_vec(&value).map_err(internal)?);
        shared.cache.put(key, version, bytes.clone());
        Ok(bytes)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes).into_response())
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

fn limit(asked: Option<usize>, default: usize) -> Result<usize, ApiError> {
    match asked {
        None => Ok(default),
        Some(0) => Err(ApiError::bad("limit must be at least 1")),
        Some(n) if n > MAX_LIMIT => Err(ApiError::bad(format!("limit is at most {MAX_LIMIT}"))),
        Some(n) => Ok(n),
    }
}

/// A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date(v: &Option<String>, name: &str) -> Result<(), ApiError> {
    let Some(v) = v else { return Ok(()) };
    let num = |r: std::ops::Range<usize>, lo: u32, hi: u32| {
        v.get(r)
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
            .is_some_and(|n| (lo..=hi).contains(&n))
    };
    let ok = matches!(v.len(), 4 | 7 | 10)
        && num(0..4, 0, 9999)
        && (v.len() < 7 || (&v[4..5] == "-" && num(5..7, 1, 12)))
        && (v.len() < 10 || (&v[7..8] == "-" && num(8..10, 1, 31)));
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad(format!(
            "{name}: {v:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )))
    }
}

/// An actor code prefix: letters only.
fn code(v: &Option<String>, name: &str) -> Result<(), ApiError> {
    match v {
        Some(c) if c.is_empty() || c.len() > 32 || !c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Err(ApiError::bad(format!(
                "{name}: {c:?} is not an actor code (letters, e.g. CHN or CHNGOV)"
            )))
        }
        _ => Ok(()),
    }
}

#[derive(Deserialize)]
struct Limit {
    limit: Option<usize>,
}

async fn stats(State(st): State<Shared>) -> Result<impl IntoResponse, ApiError> {
    query(&st, |s| s.stats().map_err(internal)).await
}

async fn documents(
    State(st): State<Shared>,
    Q(p): Q<Limit>,
) -> Result<impl IntoResponse, ApiError> {
    let n = limit(p.limit, 50)?;
    query(&st, move |s| s.list(n).map_err(internal)).await
}

async fn document(
    State(st): State<Shared>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    if id.len() < 4 || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::bad(
            "a document id is 4 to 64 letters and digits (a prefix of the full id works)",
        ));
    }
    query(&st, move |s| {
        let doc = s
            .get(&id)
            .map_err(internal)?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no document {id}")))?;
        let layers = s.layers(&doc.id).map_err(internal)?;
        Ok(json!({ "document": doc, "layers": layers }))
    })
    .await
}

#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(st): State<Shared>,
    Q(p): Q<SearchParams>,
) -> Result<impl IntoResponse, ApiError> {
    let n = limit(p.limit, 20)?;
    let q = p.q.unwrap_or_default();
    if q.trim().is_empty() {
        return Err(ApiError::bad("q: give the words to search for"));
    }
    if q.len() > 1000 {
        return Err(ApiError::bad("q: at most 1000 characters"));
    }
    query(&st, move |s| {
        s.search(&q, n)
            .map_err(|e| ApiError::bad(format!("q: {e}")))
    })
    .await
}

#[derive(Deserialize)]
struct EventParams {
    source: Option<String>,
    target: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// PLOVER context ("military").
    context: Option<String>,
    #[serde(default)]
    all: bool,
    limit: Option<usize>,
}

async fn events(
    State(st): State<Shared>,
    Q(p): Q<EventParams>,
) -> Result<impl IntoResponse, ApiError> {
    code(&p.source, "source")?;
    code(&p.target, "target")?;
    code(&p.kind, "type")?;
    date(&p.from, "from")?;
    date(&p.to, "to")?;
    let q = dyad_store::EventQuery {
        source: p.source,
        target: p.target,
        kind: p.kind,
        from: p.from,
        to: p.to,
        context: context(p.context)?,
        all: p.all,
        limit: limit(p.limit, 200)?,
    };
    query(&st, move |s| s.events(&q).map_err(internal)).await
}

/// `context=`: one of the built-in PLOVER contexts, in lower case (a misspelt name would
/// silently match nothing).
fn context(v: Option<String>) -> Result<Option<String>, ApiError> {
    v.map(|c| {
        dyad_code::topics::context_name(&c).map_err(|e| ApiError::bad(format!("context: {e}")))
    })
    .transpose()
}

#[derive(Deserialize)]
struct QuoteParams {
    speaker: Option<String>,
    about: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    /// `stance=true` also lists stance attributions.
    stance: Option<bool>,
}

async fn quotes(
    State(st): State<Shared>,
    Q(p): Q<QuoteParams>,
) -> Result<impl IntoResponse, ApiError> {
    date(&p.from, "from")?;
    date(&p.to, "to")?;
    let q = dyad_store::QuoteQuery {
        speaker: p.speaker,
        about: p.about,
        from: p.from,
        to: p.to,
        limit: limit(p.limit, 200)?,
        stance: p.stance.unwrap_or(false),
    };
    query(&st, move |s| s.quotes(&q).map_err(internal)).await
}

async fn actors(State(st): State<Shared>, Q(p): Q<Limit>) -> Result<impl IntoResponse, ApiError> {
    let n = limit(p.limit, 100)?;
    query(&st, move |s| s.actors(n).map_err(internal)).await
}

async fn learned(State(st): State<Shared>, Q(p): Q<Limit>) -> Result<impl IntoResponse, ApiError> {
    let n = limit(p.limit, 100)?;
    query(&st, move |s| s.learned(n).map_err(internal)).await
}

#[derive(Deserialize)]
struct TimelineParams {
    a: Option<String>,
    b: Option<String>,
    by: Option<String>,
    #[serde(default)]
    all: bool,
    /// PLOVER context ("military").
    context: Option<String>,
}

async fn timeline(
    State(st): State<Shared>,
    Q(p): Q<TimelineParams>,
) -> Result<impl IntoResponse, ApiError> {
    let (Some(a), Some(b)) = (p.a, p.b) else {
        return Err(ApiError::bad(
            "a and b: give the two actor codes (a=CHN&b=RUS)",
        ));
    };
    code(&Some(a.clone()), "a")?;
    code(&Some(b.clone()), "b")?;
    let by: dyad_analyze::Period =
        p.by.as_deref()
            .unwrap_or("month")
            .parse()
            .map_err(|e: String| ApiError::bad(format!("by: {e}")))?;
    let ctx = context(p.context)?;
    let key = format!("timeline {a} {b} {by:?} {} {ctx:?}", p.all);
    cached(&st, key, move |s| {
        dyad_analyze::dyad_timeline(s, &a, &b, by, p.all, ctx.as_deref()).map_err(internal)
    })
    .await
}

/// An actor as the analyses take it: a code prefix, an entity id (`vladimir-putin`,
/// `place:usa:new-york`) or words of a name.
fn actor(v: &str, name: &str) -> Result<String, ApiError> {
    let v = v.trim();
    let ok = !v.is_empty()
        && v.len() <= 100
        && v.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | ':' | '.' | '\'' | '_'));
    if ok {
        Ok(v.to_string())
    } else {
        Err(ApiError::bad(format!(
            "{name}: {v:?} is not an actor (a code such as CHN, an entity id or a name)"
        )))
    }
}

/// `A,B`: two sides.
fn dyad(v: &Option<String>) -> Result<Option<(String, String)>, ApiError> {
    let Some(v) = v else { return Ok(None) };
    match v.split_once(',') {
        Some((a, b)) => Ok(Some((actor(a, "dyad")?, actor(b, "dyad")?))),
        None => Err(ApiError::bad(format!(
            "dyad: {v:?} is not two sides separated by a comma (CHN,RUS)"
        ))),
    }
}

#[derive(Deserialize)]
struct BreakParams {
    dyad: Option<String>,
    min_series: Option<usize>,
    /// PLOVER context ("military").
    context: Option<String>,
}

async fn breaks(
    State(st): State<Shared>,
    Q(p): Q<BreakParams>,
) -> Result<impl IntoResponse, ApiError> {
    let mut q = dyad_analyze::BreakQuery {
        dyad: dyad(&p.dyad)?,
        context: context(p.context)?,
        ..Default::default()
    };
    if let Some(n) = p.min_series {
        if !(3..=50).contains(&n) {
            return Err(ApiError::bad("min_series: from 3 to 50"));
        }
        q.min_series = n;
    }
    let key = format!("breaks {:?} {} {:?}", q.dyad, q.min_series, q.context);
    cached(&st, key, move |s| {
        dyad_analyze::breaks(s, &q).map_err(internal)
    })
    .await
}

#[derive(Deserialize)]
struct ShiftParams {
    speaker: Option<String>,
    about: Option<String>,
}

async fn shifts(
    State(st): State<Shared>,
    Q(p): Q<ShiftParams>,
) -> Result<impl IntoResponse, ApiError> {
    let (Some(speaker), Some(about)) = (p.speaker, p.about) else {
        return Err(ApiError::bad(
            "speaker and about: give both (speaker=CHN&about=RUS)",
        ));
    };
    let q = dyad_analyze::ShiftQuery {
        speaker: actor(&speaker, "speaker")?,
        about: actor(&about, "about")?,
    };
    let key = format!("shifts {} {}", q.speaker, q.about);
    cached(&st, key, move |s| {
        dyad_analyze::shifts(s, &q).map_err(internal)
    })
    .await
}

#[derive(Deserialize)]
struct AnalysisParams {
    dyad: Option<String>,
    actor: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    all: bool,
    #[serde(default)]
    single_source: bool,
    /// PLOVER context: the network takes it, corroboration does not.
    context: Option<String>,
    limit: Option<usize>,
}

impl AnalysisParams {
    fn query(self, default_limit: usize) -> Result<dyad_analyze::Query, ApiError> {
        code(&self.kind, "type")?;
        date(&self.from, "from")?;
        date(&self.to, "to")?;
        Ok(dyad_analyze::Query {
            dyad: dyad(&self.dyad)?,
            actor: self.actor.map(|a| actor(&a, "actor")).transpose()?,
            kind: self.kind,
            context: context(self.context)?,
            from: self.from,
            to: self.to,
            all: self.all,
            single_source: self.single_source,
            limit: limit(self.limit, default_limit)?,
        })
    }
}

/// An analysis over the shared filters, cached: `name` keys the cache, `default_limit` bounds
/// the answer when the request does not.
async fn analysis<T: Serialize + Send + 'static>(
    st: Shared,
    p: AnalysisParams,
    name: &str,
    default_limit: usize,
    run: fn(&Store, &dyad_analyze::Query) -> dyad_store::Result<T>,
) -> Result<Response, ApiError> {
    let q = p.query(default_limit)?;
    let key = format!("{name} {q:?}");
    cached(&st, key, move |s| run(s, &q).map_err(internal)).await
}

async fn corroboration(
    State(st): State<Shared>,
    Q(p): Q<AnalysisParams>,
) -> Result<Response, ApiError> {
    if p.context.is_some() {
        return Err(ApiError::bad(
            "context: corroboration takes no context (the network and timeline do)",
        ));
    }
    analysis(st, p, "corroboration", 100, dyad_analyze::corroboration).await
}

async fn network(State(st): State<Shared>, Q(p): Q<AnalysisParams>) -> Result<Response, ApiError> {
    analysis(st, p, "network", 200, dyad_analyze::network).await
}

/// `POST /api/ingest`: a body of JSON Lines records (`{"url", "html" | "text", "date",
/// "outlet", "title"}`), stored like `dyad ingest` stores them. Needs the server's token.
async fn ingest(
    State(st): State<Shared>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Some(token) = &st.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only; start it with --token to allow ingest",
        ));
    };
    let given = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "ingest needs the server's token (Authorization: Bearer TOKEN)",
        ));
    }
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let _writer = st.writer.lock().await;
    let db = st.pool.db.clone();
    let task = tokio::task::spawn_blocking(move || -> Result<serde_json::Value, ApiError> {
        let mut store = Store::open(&db).map_err(internal)?;
        let items = dyad_ingest::jsonl_items(
            "request",
            std::io::Cursor::new(body),
            dyad_ingest::Options::default(),
        );
        let r = dyad_pipeline::ingest_items(
            items,
            &mut store,
            &dyad_pipeline::Options::default(),
            |_| {},
            |_| {},
        )
        .map_err(internal)?;
        Ok(json!({
            "read": r.read,
            "stored": r.stored.inserted,
            "near_duplicates": r.stored.near_duplicates,
            "already_stored": r.stored.already_stored,
            "no_text": r.no_text,
            "errors": r.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        }))
    });
    // Ingest is not interrupted half-way (each chunk is one transaction anyway), so it runs
    // without the query time limit; the body size bounds it.
    match task.await {
        Ok(out) => out.map(Json),
        Err(_) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error while ingesting (please report it)",
        )),
    }
}

/// Compares two secrets in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
