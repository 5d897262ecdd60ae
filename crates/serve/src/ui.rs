//! The web UI: one page with hash routes, its script and style, and the chart library fetched
//! at build time (see build.rs), all compiled into the binary.

use crate::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

const INDEX: &str = include_str!("../ui/index.html");
const APP: &str = include_str!("../ui/app.js");
const STYLE: &str = include_str!("../ui/style.css");
const ECHARTS: &str = include_str!(concat!(env!("OUT_DIR"), "/echarts.min.js"));

fn asset(kind: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
}

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(
            "/",
            get(|| async {
                (
                    [(
                        header::CONTENT_SECURITY_POLICY,
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
                    )],
                    asset("text/html; charset=utf-8", INDEX),
                )
            }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP) }),
        )
        .route(
            "/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE) }),
        )
        .route(
            "/vendor/echarts.min.js",
            get(|| async { asset("text/javascript; charset=utf-8", ECHARTS) }),
        )
}
