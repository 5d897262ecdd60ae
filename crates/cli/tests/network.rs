//! Corroboration and the actor network end to end: a small set of news items ingested, then
//! `dyad corroboration`, `dyad network` and `dyad events` on it.

use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

const WIRE: &str = "BEIJING (Eastern Wire Service) - Russian President Vladimir Putin held talks with Chinese President Xi Jinping in Beijing on Thursday, the first day of a two-day state visit. The two leaders signed a joint statement on deepening their partnership and discussed the war in Ukraine. Dmitry Medvedev, a close ally of Putin, said on Telegram that the visit showed Russia was not isolated. Sweden, which joined NATO in March, summoned the Chinese ambassador over an unrelated matter.";

/// One wire story in two papers (the second adds a line), the same meeting in a third
/// paper's own words, and an anonymously sourced claim.
fn news() -> String {
    let rec = |url: &str, outlet: &str, date: &str, text: &str| {
        serde_json::json!({"url": url, "outlet": outlet, "date": date, "text": text}).to_string()
    };
    [
        rec("https://harbour.example/a", "Harbour Daily", "2024-05-17", WIRE),
        rec(
            "https://ledger.example/b",
            "Baltic Ledger",
            "2024-05-17",
            &format!("{WIRE} The ruble rose slightly against the dollar in Moscow trading."),
        ),
        rec(
            "https://atlas.example/c",
            "Atlas Times",
            "2024-05-17",
            "Chinese President Xi Jinping welcomed Russian President Vladimir Putin at the Great Hall of the People on Thursday, and the two men held talks that lasted several hours. Xi told Putin that ties between China and Russia were conducive to peace.",
        ),
        rec(
            "https://capital.example/d",
            "Capital Dispatch",
            "2024-05-20",
            "China is considering supplying drones to Russia, according to officials who asked not to be named. Beijing has denied sending weapons to either side in the war.",
        ),
    ]
    .join("\n")
}

#[test]
fn corroboration_counts_wire_copies_once_and_the_network_keeps_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    std::fs::write(&input, news()).unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let out = dyad(&["ingest", input.to_str().unwrap(), "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The meeting: three reports in three papers, but two of them are one wire story.
    let c = json(&dyad(&[
        "corroboration",
        "--db",
        db,
        "--dyad",
        "RUS,CHN",
        "--type",
        "CONSULT",
        "--json",
    ]));
    let clusters = c["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1, "{c}");
    let k = &clusters[0];
    assert_eq!(k["dyad"], serde_json::json!(["CHN", "RUS"]));
    assert_eq!(
        (&k["documents"], &k["sources"], &k["single_source"]),
        (&3.into(), &2.into(), &false.into()),
        "{k}"
    );
    assert_eq!(k["date"], "2024-05-16");

    // The drone claim rests on one unnamed source.
    let c = json(&dyad(&[
        "corroboration",
        "--db",
        db,
        "--dyad",
        "CHN,RUS",
        "--type",
        "AID",
        "--all",
        "--single-source",
        "--json",
    ]));
    let aid = c["clusters"].as_array().unwrap();
    assert_eq!(aid.len(), 1, "{c}");
    assert_eq!(aid[0]["anonymous"], true);
    assert_eq!(aid[0]["members"][0]["doc_id"].as_str().unwrap().len(), 16);

    // Every listed event names its cluster.
    let out = dyad(&[
        "events", "--db", db, "--source", "RUS", "--target", "CHN", "--json",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["cluster"]["sources"], 2, "{first}");

    // The network: the stated relations with their sentence, wire copies as one text.
    let n = json(&dyad(&["network", "--db", db, "--json", "--limit", "100"]));
    let edges = n["edges"].as_array().unwrap();
    let ally = edges
        .iter()
        .find(|e| e["via"] == "relation" && e["label"] == "ally")
        .expect("the ally relation");
    assert_eq!(
        (&ally["source"], &ally["target"]),
        (&"dmitry-medvedev".into(), &"vladimir-putin".into())
    );
    assert_eq!((&ally["documents"], &ally["texts"]), (&2.into(), &1.into()));
    assert!(ally["evidence"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Dmitry Medvedev, a close ally of Putin"));
    assert!(edges
        .iter()
        .any(|e| e["via"] == "relation" && e["label"] == "member" && e["target"] == "nato"));
    let nodes = n["nodes"].as_array().unwrap();
    let xi = nodes.iter().find(|x| x["id"] == "xi-jinping").unwrap();
    assert_eq!(xi["label"], "Xi Jinping");

    // An actor's own links only.
    let n = json(&dyad(&[
        "network", "--db", db, "--actor", "Medvedev", "--json",
    ]));
    let edges = n["edges"].as_array().unwrap();
    assert!(edges.len() >= 2, "{n}");
    assert!(edges
        .iter()
        .all(|e| e["source"] == "dmitry-medvedev" || e["target"] == "dmitry-medvedev"));

    let bad = dyad(&["corroboration", "--db", db, "--dyad", "CHN"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected two actor codes"));
}
