//! The `dyad` binary end to end: bad inputs in a batch, idempotent ingest, the store commands.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Putin arrives in Beijing for state visit | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily">
<meta property="article:published_time" content="2024-05-16T08:10:00+08:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Putin arrives in Beijing for state visit</h1>
<p>Russian President Vladimir Putin arrived in Beijing early on Thursday for a two-day state visit, his first trip abroad since starting a new term in office earlier this month.</p>
<p>Chinese President Xi Jinping welcomed him at a ceremony outside the Great Hall of the People before the two leaders held talks on trade, energy and the war in Ukraine.</p>
<p>The two sides were expected to sign a joint statement on deepening their partnership, officials in both capitals said.</p>
</article><footer>Copyright 2024 Harbour Daily. All rights reserved.</footer></body></html>"#;

fn write_bad_inputs(dir: &Path) {
    std::fs::write(dir.join("a-good.html"), PAGE).unwrap();
    std::fs::write(
        dir.join("b-binary.html"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00",
    )
    .unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("d-truncated.html.gz"), &gz[..gz.len() / 2]).unwrap();
    // Invalid UTF-8 in a text dump is decoded (sniffed), not refused.
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Der chinesische Außenminister Wang Yi traf am Mittwoch in München seinen russischen \
         Amtskollegen. Beide Seiten würdigten die Gespräche als äußerst nützlich und kündigten \
         weitere Treffen für das kommende Frühjahr an, hieß es in einer Erklärung.",
    );
    std::fs::write(dir.join("e-latin1.txt"), &latin1).unwrap();
    std::fs::write(
        dir.join("f-wire.jsonl"),
        "{\"url\": \"https://ledger.example/a\", \"text\": \"Ukrainian Foreign Minister Dmytro Kuleba met Chinese Foreign Minister Wang Yi in Guangzhou on Wednesday.\", \"outlet\": \"Baltic Ledger\", \"date\": \"2024-07-24\"}\n{not json}\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("no-such-target"), dir.join("g-dangling.html")).unwrap();
    std::fs::write(dir.join("h-deep.html"), "<div>".repeat(50_000)).unwrap();
}

#[test]
fn extract_reports_each_bad_input_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write_bad_inputs(dir.path());
    let out = dyad(&["extract", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed input makes the exit status 1"
    );
    let objs = lines(&out);
    let by_name = |name: &str| {
        objs.iter()
            .find(|o| o["path"].as_str().unwrap().contains(name))
            .unwrap_or_else(|| panic!("no output for {name}: {objs:?}"))
    };
    let good = by_name("a-good.html");
    assert_eq!(good["title"], "Putin arrives in Beijing for state visit");
    assert_eq!(good["published"], "2024-05-16");
    assert_eq!(good["outlet"], "Harbour Daily");
    assert_eq!(good["language"], "en");
    assert!(good["text"]
        .as_str()
        .unwrap()
        .contains("Great Hall of the People"));
    assert!(!good["text"]
        .as_str()
        .unwrap()
        .contains("All rights reserved"));
    assert!(by_name("b-binary")["error"]
        .as_str()
        .unwrap()
        .contains("binary"));
    assert!(by_name("c-empty")["error"]
        .as_str()
        .unwrap()
        .contains("empty"));
    assert!(by_name("d-truncated")["error"]
        .as_str()
        .unwrap()
        .contains("gzip"));
    assert!(by_name("e-latin1")["text"]
        .as_str()
        .unwrap()
        .contains("Außenminister Wang Yi traf am Mittwoch in München"));
    assert_eq!(by_name("f-wire.jsonl:1")["outlet"], "Baltic Ledger");
    assert!(by_name("f-wire.jsonl:2")["error"]
        .as_str()
        .unwrap()
        .contains("malformed JSON"));
    #[cfg(unix)]
    assert!(by_name("g-dangling")["error"].as_str().is_some());
    // Hostile nesting is flattened, not refused: it costs no more than a normal page.
    assert!(by_name("h-deep")["error"].is_null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr
        .lines()
        .any(|l| l.contains("b-binary.html") && l.contains("binary")));
}

#[test]
fn oversized_inputs_are_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.html");
    let mut f = std::fs::File::create(&big).unwrap();
    let para = "<p>Xi Jinping and Vladimir Putin met again to discuss trade and security.</p>\n";
    for _ in 0..(3 << 20) / para.len() {
        f.write_all(para.as_bytes()).unwrap();
    }
    drop(f);
    let out = dyad(&["--max-mb", "1", "extract", "--json", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(lines(&out)[0]["error"]
        .as_str()
        .unwrap()
        .contains("too large"));
}

#[test]
fn ingest_is_idempotent_and_the_store_answers() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_bad_inputs(&inputs);
    let db = dir.path().join("t.db");
    let db_s = db.to_str().unwrap();
    let first = dyad(&["ingest", inputs.to_str().unwrap(), "--db", db_s]);
    assert_eq!(first.status.code(), Some(1));
    let stats = |db: &str| -> serde_json::Value {
        serde_json::from_slice(&dyad(&["stats", "--db", db, "--json"]).stdout).unwrap()
    };
    let s1 = stats(db_s);
    assert_eq!(
        s1["documents"], 3,
        "good page, latin-1 dump, JSONL record: {s1}"
    );
    let again = dyad(&["ingest", inputs.to_str().unwrap(), "--db", db_s]);
    let msg = String::from_utf8_lossy(&again.stderr);
    assert!(
        msg.contains("0 stored") && msg.contains("3 already in"),
        "{msg}"
    );
    assert_eq!(stats(db_s), s1, "nothing duplicated, nothing lost");

    let hits = lines(&dyad(&["search", "Great Hall", "--db", db_s, "--json"]));
    assert_eq!(hits.len(), 1);
    let id = hits[0]["id"].as_str().unwrap();
    let shown: serde_json::Value =
        serde_json::from_slice(&dyad(&["show", &id[..6], "--db", db_s, "--json"]).stdout).unwrap();
    assert_eq!(shown["outlet"], "Harbour Daily");
    assert!(shown["sentences"].as_array().unwrap().len() >= 3);

    let missing = dyad(&[
        "stats",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such database"));
}

#[test]
fn annotate_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["annotate", "--input", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "{\"id\": \"x1\", \"text\": \"Mr. Xi met Mr. Putin on Dec. 28. They spoke by phone.\", \"date\": \"2020-12-31\"}\n"
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let objs = lines(&out);
    assert_eq!(objs[0]["id"], "x1");
    assert_eq!(objs[0]["sentences"].as_array().unwrap().len(), 2);
    // "Mr. Xi" and "Mr. Putin" are the leaders, coded for the date of the record.
    let mentions = objs[0]["mentions"].as_array().unwrap();
    let xi = mentions
        .iter()
        .find(|m| m["text"] == "Xi")
        .expect("Xi is recognised");
    assert_eq!(xi["entity"], "xi-jinping");
    assert_eq!(xi["actor"]["code"], "CHN");
    assert!(mentions
        .iter()
        .any(|m| m["text"] == "Putin" && m["actor"]["sector"] == "GOV"));
    // The time layer anchors "Dec. 28" on the record's date.
    let timexes = objs[0]["timexes"].as_array().unwrap();
    assert_eq!(timexes.len(), 1);
    assert_eq!(timexes[0]["text"], "Dec. 28");
    assert_eq!(timexes[0]["value"], "2020-12-28");
    assert!(objs[0]["quotes"].as_array().is_some_and(|a| a.is_empty()));
    // "Xi met Putin on Dec. 28": a consultation between the two, dated by its clause.
    let events = objs[0]["events"].as_array().unwrap();
    let meeting = &events[0];
    assert_eq!(meeting["type"], "CONSULT");
    assert_eq!(meeting["source"]["code"], "CHN");
    assert_eq!(meeting["target"]["code"], "RUS");
    assert_eq!(meeting["date"], "2020-12-28");
    assert_eq!(meeting["negated"], false);
}

#[test]
fn annotate_codes_actors_with_the_users_cameo_dictionaries() {
    let dir = tempfile::tempdir().unwrap();
    let dicts = dir.path().join("dicts");
    std::fs::create_dir(&dicts).unwrap();
    std::fs::write(
        dicts.join("Mine.actors.txt"),
        "# our project's codes\nRUSSIA_ [RUS]\n+RUSSIAN\nVLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSELI 991231-000507]\n\t[RUSGOVPRE 000507-]\n",
    )
    .unwrap();
    std::fs::write(dicts.join("Mine.agents.txt"), "TROOPS {} [~MIL]\n").unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"r1\", \"text\": \"Putin said Russian troops would stay.\", \"date\": \"2014-03-02\"}\n",
    )
    .unwrap();
    let out = dyad(&[
        "annotate",
        "--input",
        input.to_str().unwrap(),
        "--cameo-dictionaries",
        dicts.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let objs = lines(&out);
    let coded: Vec<(String, String)> = objs[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["actor"].is_object())
        .map(|m| {
            let a = &m["actor"];
            (
                m["text"].as_str().unwrap().to_string(),
                format!(
                    "{}{}",
                    a["code"].as_str().unwrap_or("---"),
                    a["sector"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    assert_eq!(
        coded,
        [
            ("Putin".to_string(), "RUSGOVPRE".to_string()),
            ("Russian troops".to_string(), "RUSMIL".to_string()),
        ]
    );
    // A folder without dictionaries is a clear error.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dyad(&[
        "annotate",
        "--input",
        input.to_str().unwrap(),
        "--cameo-dictionaries",
        empty.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actor"));
}

#[test]
fn actors_learned_from_descriptions_are_listed_with_their_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("analyst.txt");
    std::fs::write(
        &page,
        "Moscow and Beijing sign grain deal\n\n\
         Russia and China signed a grain supply agreement on Tuesday, officials in both capitals said.\n\n\
         Irina Volkova, a senior analyst at the Moscow-based Centre for Trade Studies, said the deal \
         would take years to change trade flows. Volkova added that prices were the main obstacle.\n",
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let out = dyad(&[
        "ingest",
        page.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dyad(&[
        "actors",
        "--db",
        db.to_str().unwrap(),
        "--learned",
        "--json",
    ]);
    let rows = lines(&out);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["name"], "Irina Volkova");
    assert_eq!(rows[0]["sector"], "EDU");
    // The Moscow-based centre puts the analyst in Russia.
    assert_eq!(rows[0]["code"], "RUS");
    assert!(rows[0]["evidence"]
        .as_str()
        .unwrap()
        .starts_with("a senior analyst at the Moscow-based"));
}

#[test]
fn events_are_stored_listed_by_dyad_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("visit.txt");
    std::fs::write(
        &page,
        "Putin visits Beijing\n\nPublished 2024-05-17\n\n\
         Russian President Vladimir Putin held talks with Chinese President Xi Jinping in Beijing on Thursday. \
         The United States imposed sanctions on two Chinese banks last month.\n\n\
         \"Our cooperation is not aimed at any third country,\" Xi said after the talks.\n",
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let out = dyad(&[
        "ingest",
        page.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = db.to_str().unwrap();
    let rows = lines(&dyad(&[
        "events", "--db", db, "--source", "RUS", "--target", "CHN", "--json",
    ]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["type"], "CONSULT");
    assert_eq!(rows[0]["date"], "2024-05-16");
    assert!(rows[0]["sentence"]
        .as_str()
        .unwrap()
        .starts_with("Russian President"));
    let sanctions = lines(&dyad(&[
        "events", "--db", db, "--type", "sanction", "--json",
    ]));
    assert_eq!(sanctions.len(), 1, "{sanctions:?}");
    assert_eq!(sanctions[0]["source_code"], "USA");
    let t = lines(&dyad(&[
        "timeline", "RUS", "CHN", "--by", "month", "--db", db, "--json",
    ]));
    let may = &t[0]["rows"][0];
    assert_eq!(may["period"], "2024-05");
    assert_eq!(may["forward"]["by_type"]["CONSULT"], 1);
    // Talks are diplomatic by their code; nothing here is military.
    let diplomatic = lines(&dyad(&[
        "timeline",
        "RUS",
        "CHN",
        "--db",
        db,
        "--context",
        "diplomatic",
        "--json",
    ]));
    assert_eq!(diplomatic[0]["rows"][0]["forward"]["by_type"]["CONSULT"], 1);
    let military = lines(&dyad(&[
        "timeline",
        "RUS",
        "CHN",
        "--db",
        db,
        "--context",
        "military",
        "--json",
    ]));
    assert_eq!(military[0]["rows"], serde_json::json!([]));
    // The sanctions are economic; the network then has event links only.
    let net = lines(&dyad(&[
        "network",
        "--db",
        db,
        "--context",
        "economic",
        "--json",
    ]));
    let edges = net[0]["edges"].as_array().unwrap();
    assert!(edges.iter().any(|e| e["label"] == "SANCTION"), "{edges:?}");
    assert!(edges.iter().all(|e| e["via"] == "event"), "{edges:?}");
    // A misspelt context is named in a one-line error, not answered with nothing.
    for cmd in [
        &["timeline", "RUS", "CHN", "--db", db, "--context", "militar"][..],
        &["network", "--db", db, "--context", "militar"],
        &["events", "--db", db, "--context", "militar"],
    ] {
        let out = dyad(cmd);
        assert!(!out.status.success(), "{cmd:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--context \"militar\" is not a PLOVER context")
                && err.lines().count() == 1,
            "{cmd:?}: {err}"
        );
    }
    let gdelt =
        String::from_utf8(dyad(&["export", "--db", db, "--format", "gdelt"]).stdout).unwrap();
    // The talks, the sanctions, and what Xi said of the cooperation (a claim).
    assert_eq!(gdelt.lines().count(), 3);
    assert!(
        gdelt.lines().all(|l| l.split('\t').count() == 61),
        "{gdelt}"
    );
    let csv = String::from_utf8(
        dyad(&["export", "--db", db, "--format", "csv", "--type", "CONSULT"]).stdout,
    )
    .unwrap();
    assert!(csv.starts_with("date,type,mode,cameo"));
    assert_eq!(csv.lines().count(), 2);
    let quotes = lines(&dyad(&[
        "quotes",
        "--db",
        db,
        "--speaker",
        "xi-jinping",
        "--json",
    ]));
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["kind"], "direct");
    assert_eq!(quotes[0]["cue_class"], "speech");
    // --stance adds stance attributions to the reports of speech, never takes any away.
    let with_stance = lines(&dyad(&[
        "quotes",
        "--db",
        db,
        "--speaker",
        "xi-jinping",
        "--stance",
        "--json",
    ]));
    assert!(with_stance.len() >= quotes.len(), "{with_stance:?}");
    assert!(quotes[0]["content"]
        .as_str()
        .unwrap()
        .contains("not aimed at any third country"));
    // The body's first sentence is the talks.
    let id = rows[0]["doc_id"].as_str().unwrap();
    let text = String::from_utf8(dyad(&["explain", id, "1", "--db", db]).stdout).unwrap();
    assert!(text.contains("CONSULT"), "{text}");
    assert!(text.contains("why: data/events/triggers.tsv:"), "{text}");
    let bad = dyad(&["explain", id, "999", "--db", db]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no sentence 999"));
}

#[test]
fn breaks_and_shifts_are_found_in_stored_reports() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    let weekday = ["Saturday", "Sunday", "Monday", "Tuesday"];
    for (i, y) in (2016..=2019).enumerate() {
        let text = format!(
            "Chinese President Xi Jinping and Russian President Vladimir Putin exchanged New Year messages on {}, looking back on a year of cooperation.\n\n\
             Chinese Premier Li Keqiang and Russian Prime Minister Dmitry Medvedev also exchanged New Year messages on {}.",
            weekday[i], weekday[i]
        );
        let rec = serde_json::json!({"url": format!("https://courier.example/{y}/new-year"), "text": text,
            "date": format!("{}-01-01", y + 1), "outlet": "Courier", "title": "New Year messages"});
        writeln!(f, "{rec}").unwrap();
    }
    let call = serde_json::json!({"url": "https://courier.example/2020/call", "date": "2020-12-29", "outlet": "Courier",
        "title": "Xi and Putin speak before New Year",
        "text": "Chinese President Xi Jinping and Russian President Vladimir Putin held a phone call on Monday to exchange New Year greetings."});
    writeln!(f, "{call}").unwrap();
    let statements = [
        ("2022-02-05", "Chinese President Xi Jinping said the friendship between China and Russia had \"no limits\"."),
        ("2022-03-21", "Chinese Foreign Minister Wang Yi said cooperation between China and Russia had no limits, but there was a bottom line."),
    ];
    for (date, text) in statements {
        let rec = serde_json::json!({"url": format!("https://courier.example/{date}"), "text": text,
            "date": date, "outlet": "Courier", "title": "China and Russia"});
        writeln!(f, "{rec}").unwrap();
    }
    drop(f);
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let out = dyad(&["ingest", input.to_str().unwrap(), "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let breaks = lines(&dyad(&[
        "breaks", "--db", db, "--dyad", "CHN,RUS", "--json",
    ]));
    assert_eq!(breaks.len(), 1, "{breaks:?}");
    let b = &breaks[0];
    let aspects: Vec<&str> = b["departures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["aspect"].as_str().unwrap())
        .collect();
    assert_eq!(aspects, ["form", "timing", "participants"], "{b}");
    assert_eq!(b["series"].as_array().unwrap().len(), 4);
    assert_eq!(b["instance"]["date"], "2020-12-28");
    assert!(b["instance"]["evidence"][0]["sentence"]
        .as_str()
        .unwrap()
        .contains("phone call"));
    let shifts = lines(&dyad(&[
        "shifts",
        "--db",
        db,
        "--speaker",
        "CHN",
        "--about",
        "RUS",
        "--json",
    ]));
    assert_eq!(shifts.len(), 1, "{shifts:?}");
    assert_eq!(shifts[0]["kind"], "qualified");
    assert_eq!(shifts[0]["before"]["date"], "2022-02-05");
    let bad = dyad(&["breaks", "--db", db, "--dyad", "CHN"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("two sides") && err.lines().count() == 1,
        "{err}"
    );
}
