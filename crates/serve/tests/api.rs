//! The HTTP API on a small database: answers, filters, errors as JSON, and the write guard.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use std::path::Path;
use tower::ServiceExt;

const WIRE: &str = r#"{"url": "https://www.example.org/2023/03/21/xi-putin-talks", "outlet": "Harbour Daily", "date": "2023-03-22", "title": "Xi and Putin hold talks in Moscow", "text": "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Tuesday, the second day of a state visit.\n\nThe two leaders signed a joint statement on deepening their partnership, the Kremlin said.\n\n\"Relations between Russia and China are at their highest point,\" Putin told reporters after the meeting."}
{"url": "https://www.example.org/2023/04/17/li-shangfu-moscow", "outlet": "Pacific Courier", "date": "2023-04-17", "title": "Chinese defence minister meets Putin", "text": "Chinese Defense Minister Li Shangfu met Russian President Vladimir Putin in Moscow on Sunday.\n\nPutin praised military cooperation between the two countries, according to the Kremlin."}
"#;

fn database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("t.db");
    let mut store = dyad_store::Store::open(&db).unwrap();
    let items = dyad_ingest::jsonl_items(
        "test",
        std::io::Cursor::new(WIRE.as_bytes().to_vec()),
        dyad_ingest::Options::default(),
    );
    let r = dyad_pipeline::ingest_items(
        items,
        &mut store,
        &dyad_pipeline::Options::default(),
        |_| {},
        |_| {},
    )
    .unwrap();
    assert_eq!(r.stored.inserted, 2);
    db
}

fn app(db: &Path, token: Option<&str>, max_body: usize) -> axum::Router {
    let mut cfg = dyad_serve::Config::new(db.to_path_buf(), "127.0.0.1:0".parse().unwrap());
    cfg.token = token.map(String::from);
    cfg.max_body = max_body;
    dyad_serve::app(&cfg).unwrap()
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, v)
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    call(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn queries_answer_with_the_stored_records() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&database(dir.path()), None, 1 << 20);

    let (s, stats) = get(&app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(stats["documents"], 2);
    assert!(stats["events"].as_u64().unwrap() >= 2, "{stats}");

    let (s, t) = get(&app, "/api/timeline?a=CHN&b=RUS&by=month").await;
    assert_eq!(s, StatusCode::OK);
    let periods: Vec<&str> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert!(periods.contains(&"2023-03"), "{t}");
    assert!(periods.contains(&"2023-04"), "{t}");

    // The Sunday meeting of the second text is dated to the day, with its evidence.
    let (s, events) = get(&app, "/api/events?source=CHN&target=RUS&type=CONSULT").await;
    assert_eq!(s, StatusCode::OK);
    let met = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["trigger"] == "met")
        .unwrap_or_else(|| panic!("{events}"));
    assert_eq!(met["date"], "2023-04-16");
    assert!(met["sentence"].as_str().unwrap().contains("Li Shangfu"));
    // A meeting is diplomatic by its code; a defence minister's, military by his sector.
    let context: Vec<&str> = met["context"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(context.contains(&"diplomatic"), "{met}");
    let (s, military) = get(&app, "/api/events?context=military&type=CONSULT").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        military
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["trigger"] == "met"),
        "{military}"
    );

    // The document with its layers: the trigger's byte span points at the word.
    let id = met["doc_id"].as_str().unwrap();
    let (s, doc) = get(&app, &format!("/api/documents/{}", &id[..8])).await;
    assert_eq!(s, StatusCode::OK);
    let body = doc["document"]["body"].as_str().unwrap();
    let ev = doc["layers"]["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["n"] == met["n"])
        .unwrap();
    let (a, b) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[a..b], "met");
    assert!(doc["layers"]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["entity"] == "li-shangfu"));

    let (s, hits) = get(&app, "/api/search?q=defence%20minister").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(hits.as_array().unwrap().len(), 1);

    let (s, quotes) = get(&app, "/api/quotes?speaker=Putin").await;
    assert_eq!(s, StatusCode::OK);
    assert!(quotes
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["content"].as_str().unwrap().contains("highest point")));

    // The analyses answer on the same data (the two Moscow meetings make no series).
    let (s, b) = get(&app, "/api/breaks?dyad=CHN,RUS").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(b, serde_json::json!([]));
    let (s, net) = get(&app, "/api/network?actor=Putin").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        net["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["via"] == "event"),
        "{net}"
    );
    // A context: the military timeline has the defence minister's meeting, not the March
    // talks, and no quotes (they have no context); the network has event links only.
    let total = |t: &Value, what: &str| -> u64 {
        t["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["forward"][what].as_u64().unwrap() + r["backward"][what].as_u64().unwrap())
            .sum()
    };
    let (s, mt) = get(&app, "/api/timeline?a=CHN&b=RUS&by=month&context=military").await;
    assert_eq!(s, StatusCode::OK, "{mt}");
    let periods: Vec<&str> = mt["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2023-04"], "{mt}");
    assert!(total(&mt, "events") >= 1 && total(&mt, "events") < total(&t, "events"));
    assert_eq!(total(&mt, "quotes"), 0, "{mt}");
    let (s, mnet) = get(&app, "/api/network?actor=Putin&context=military").await;
    assert_eq!(s, StatusCode::OK, "{mnet}");
    let edges = mnet["edges"].as_array().unwrap();
    assert!(!edges.is_empty(), "{mnet}");
    assert!(edges.iter().all(|e| e["via"] == "event"), "{mnet}");
    let (s, c) = get(&app, "/api/corroboration?dyad=CHN,RUS&all=true").await;
    assert_eq!(s, StatusCode::OK);
    assert!(c["clusters"].as_array().unwrap().len() >= 2, "{c}");
    let (s, sh) = get(&app, "/api/shifts?speaker=RUS&about=CHN").await;
    assert_eq!(s, StatusCode::OK);
    assert!(sh.is_array());
    // Timelines count what each side says about the other.
    let said: u64 = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["backward"]["quotes"].as_u64().unwrap())
        .sum();
    assert!(
        said >= 1,
        "Putin's words about the relations with China: {t}"
    );

    let (s, page) = get(&app, "/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.as_str().unwrap().contains("<main id=\"view\""));
}

#[tokio::test]
async fn bad_requests_get_json_errors() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&database(dir.path()), None, 1 << 20);
    for (uri, status, says) in [
        (
            "/api/events?source=CH1",
            StatusCode::BAD_REQUEST,
            "actor code",
        ),
        (
            "/api/events?from=yesterday",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/events?to=2023-13",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/events?context=mil%25",
            StatusCode::BAD_REQUEST,
            "PLOVER context",
        ),
        (
            "/api/events?context=militar",
            StatusCode::BAD_REQUEST,
            "\"militar\" is not a PLOVER context",
        ),
        (
            "/api/timeline?a=CHN&b=RUS&context=militar",
            StatusCode::BAD_REQUEST,
            "\"militar\" is not a PLOVER context",
        ),
        (
            "/api/network?context=mil%25",
            StatusCode::BAD_REQUEST,
            "\"mil%\" is not a PLOVER context",
        ),
        (
            "/api/corroboration?context=military",
            StatusCode::BAD_REQUEST,
            "corroboration takes no context",
        ),
        ("/api/events?limit=0", StatusCode::BAD_REQUEST, "limit"),
        ("/api/events?limit=many", StatusCode::BAD_REQUEST, "limit"),
        (
            "/api/events?limit=100000",
            StatusCode::BAD_REQUEST,
            "at most",
        ),
        (
            "/api/timeline?a=CHN",
            StatusCode::BAD_REQUEST,
            "two actor codes",
        ),
        (
            "/api/timeline?a=CHN&b=RUS&by=decade",
            StatusCode::BAD_REQUEST,
            "week, month or year",
        ),
        ("/api/search?q=", StatusCode::BAD_REQUEST, "words"),
        (
            "/api/documents/../../etc/passwd",
            StatusCode::NOT_FOUND,
            "no such endpoint",
        ),
        (
            "/api/documents/..%2F..%2Fetc",
            StatusCode::BAD_REQUEST,
            "letters and digits",
        ),
        (
            "/api/documents/ffffffffff",
            StatusCode::NOT_FOUND,
            "no document",
        ),
        ("/api/nothing", StatusCode::NOT_FOUND, "no such endpoint"),
        ("/api/breaks?dyad=CHN", StatusCode::BAD_REQUEST, "two sides"),
        (
            "/api/breaks?dyad=CHN,RUS&min_series=1",
            StatusCode::BAD_REQUEST,
            "min_series",
        ),
        (
            "/api/breaks?dyad=CHN,RUS&context=militar",
            StatusCode::BAD_REQUEST,
            "context",
        ),
        (
            "/api/shifts?speaker=CHN",
            StatusCode::BAD_REQUEST,
            "give both",
        ),
        (
            "/api/shifts?speaker=%3Cscript%3E&about=RUS",
            StatusCode::BAD_REQUEST,
            "not an actor",
        ),
        (
            "/api/network?from=2023-02-30x",
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "/api/corroboration?type=CONSULT1",
            StatusCode::BAD_REQUEST,
            "actor code",
        ),
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, status, "{uri}: {v}");
        let msg = v["error"].as_str().unwrap_or_else(|| panic!("{uri}: {v}"));
        assert!(msg.contains(says), "{uri}: {msg}");
    }
    let (s, v) = call(
        &app,
        Request::delete("/api/stats").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(v["error"].is_string());
}

#[tokio::test]
async fn ingest_needs_the_token_and_respects_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let record = r#"{"url": "https://www.example.org/2024/05/16/putin-beijing", "outlet": "Atlas Times", "date": "2024-05-17", "title": "Putin arrives in Beijing", "text": "Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit, his first trip abroad since his inauguration."}"#;
    let post = |token: Option<&str>, body: String| {
        let mut r = Request::post("/api/ingest");
        if let Some(t) = token {
            r = r.header("authorization", format!("Bearer {t}"));
        }
        r.body(Body::from(body)).unwrap()
    };

    // Read-only unless started with a token.
    let ro = app(&db, None, 1 << 20);
    let (s, v) = call(&ro, post(Some("x"), record.into())).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");

    let rw = app(&db, Some("s3cret"), 4096);
    let (s, _) = call(&rw, post(None, record.into())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = call(&rw, post(Some("s3cres"), record.into())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, v) = call(&rw, post(Some("s3cret"), "x".repeat(5000))).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(v["error"].is_string(), "{v}");

    // A good record and a bad line: the record is stored, the line reported.
    let (s, v) = call(&rw, post(Some("s3cret"), format!("{record}\nnot json\n"))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], 1, "{v}");
    assert_eq!(v["errors"].as_array().unwrap().len(), 1, "{v}");
    // Sent again, nothing is stored twice.
    let (_, v) = call(&rw, post(Some("s3cret"), record.into())).await;
    assert_eq!(v["stored"], 0, "{v}");
    assert_eq!(v["already_stored"], 1, "{v}");
    let (_, stats) = get(&rw, "/api/stats").await;
    assert_eq!(stats["documents"], 3);
}

#[test]
fn a_missing_database_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dyad_serve::Config::new(dir.path().join("none.db"), "127.0.0.1:0".parse().unwrap());
    let err = dyad_serve::app(&cfg).unwrap_err().to_string();
    assert!(err.contains("none.db"), "{err}");
}
