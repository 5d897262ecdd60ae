//! The `dyad` command line: parses arguments, calls the library crates, prints.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use dyad_pipeline::Options;
use dyad_store::Store;
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turns raw news pages into a sourced, dated record of actors, events and quotes",
    long_about = None
)]
struct Cli {
    /// Worker threads (default: all cores).
    #[arg(long, global = true)]
    threads: Option<usize>,
    /// Largest input document accepted, in MB (after decompression).
    #[arg(long, global = true, default_value_t = 64)]
    max_mb: usize,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract the article (body, title, authors, date, language, outlet, URL) of each input.
    Extract {
        /// One JSON object per input on standard output (the contract's format).
        #[arg(long)]
        json: bool,
        /// HTML (.html, .htm, .gz), text, JSON Lines or WARC files, directories, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Annotate JSON Lines records {"id","text","date"} with sentences and the other layers.
    Annotate {
        /// Input file of JSON Lines, or `-` for standard input.
        #[arg(long)]
        input: PathBuf,
        /// Code with CAMEO/PETRARCH-format dictionaries from DIR (actors, agents, verbs).
        #[arg(long, value_name = "DIR")]
        cameo_dictionaries: Option<PathBuf>,
    },
    /// Read, extract, annotate and store the inputs in the database.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
    },
    /// Counts over the database.
    Stats {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over stored titles and bodies.
    Search {
        /// Words to find (all required); "quoted phrases", OR, NOT and prefix* work.
        query: String,
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Show a stored document (by id or a unique prefix of it) with its metadata.
    Show {
        id: String,
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Run the whole job on the demo corpus and print what was found.
    Demo {
        /// Database to create or update.
        #[arg(long, default_value = "dyad-demo.db")]
        db: PathBuf,
        /// The demo corpus (default: demo/corpus of this source tree).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Stop after the summary instead of serving the web UI on the demo database.
        #[arg(long)]
        no_serve: bool,
        /// Where the web UI listens.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Serve the HTTP API and the web UI over a database (read-only unless a token is given).
    Serve {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Allow `POST /api/ingest` to clients that send `Authorization: Bearer TOKEN` (also
        /// read from the environment variable DYAD_TOKEN).
        #[arg(long)]
        token: Option<String>,
        /// Largest request body, in MB.
        #[arg(long, default_value_t = 16)]
        max_body_mb: usize,
        /// Longest a query may run, in seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    /// Check dyad's data files (lexicons, knowledge base) and report what they hold.
    CheckData,
    /// The actor knowledge base.
    Kb {
        #[command(subcommand)]
        cmd: KbCmd,
    },
    /// Events in the store, with the sentence that reports each: who did what to whom and when.
    Events {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[command(flatten)]
        filter: EventFilter,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Who said what: stored quotes and reported speech with speaker, date, outlet and the chain
    /// of sources.
    Quotes {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Also list stance attributions: what a speaker is reported to believe, want, plan
        /// or back ("X plans to …", "X believes …"), besides reports of speech.
        #[arg(long)]
        stance: bool,
        /// Speaker: an entity id (wang-yi) or words of the name.
        #[arg(long)]
        speaker: Option<String>,
        /// Words the quote contains (a country, a person).
        #[arg(long)]
        about: Option<String>,
        /// Publication date from (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Publication date to (inclusive).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value = "50")]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Writes the stored events as JSON Lines, CSV, PLOVER records or GDELT 2.0 event rows
    /// (61 tab-separated columns), to standard output or a file.
    Export {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// jsonl, csv, plover, gdelt or parquet.
        #[arg(long, default_value = "jsonl")]
        format: dyad_analyze::export::Format,
        #[command(flatten)]
        filter: EventFilter,
        /// Write to this file instead of standard output (for parquet: the directory that
        /// receives the month=YYYY-MM partitions; required).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The course of a dyad: events per period in each direction, by quad class and type, with
    /// summed and mean intensity.
    Timeline {
        /// First actor: a code or prefix (CHN, CHNGOV).
        a: String,
        /// Second actor.
        b: String,
        /// week, month or year.
        #[arg(long, default_value = "month")]
        by: dyad_analyze::Period,
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Also negated and hypothetical events.
        #[arg(long)]
        all: bool,
        /// Only events in this PLOVER context (military, economic, ...); quotes are then not
        /// counted, as they have no context.
        #[arg(long)]
        context: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Pattern breaks: interactions of a dyad that recur every year at the same time (New Year
    /// messages, annual summits, exercises), and the instances that depart from the pattern in
    /// form, timing, participants or content, with the evidence of each.
    Breaks {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// The two sides, codes or prefixes or entity ids: CHN,RUS (default: every pair of
        /// countries).
        #[arg(long, value_name = "A,B")]
        dyad: Option<String>,
        /// Earlier instances a series needs before a departure counts (at least 3).
        #[arg(long, default_value_t = 3)]
        min_series: usize,
        /// Only events in this PLOVER context (military, economic, ...): the series are
        /// built from them alone.
        #[arg(long)]
        context: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Position shifts: what a speaker (a code prefix or an entity id) said about a
    /// counterpart over time, and where the stance changes (qualified, warmer, cooler).
    Shifts {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        /// Speaker: a code or prefix (CHN, CHNGOV) or an entity id (qin-gang).
        #[arg(long)]
        speaker: String,
        /// Counterpart the statements name: a code or prefix (RUS) or an entity id.
        #[arg(long)]
        about: String,
        /// Also list every statement, grouped by theme and in time order, with its stance.
        #[arg(long)]
        statements: bool,
        #[arg(long)]
        json: bool,
    },
    /// One sentence of a stored document with its actors, time expressions and events marked,
    /// and the lexicon lines that coded them.
    Explain {
        /// Document id (or a unique prefix of at least 4 characters).
        id: String,
        /// Sentence number, from 1.
        sentence: usize,
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
    },
    /// The reports of one real-world event across documents: clusters of events with the same
    /// dyad and type, compatible dates and close wording, and the independent sources behind
    /// each (wire copies and one outlet's articles count once), flagging single-source and
    /// anonymous claims.
    Corroboration {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[command(flatten)]
        filter: AnalysisFilter,
        /// Also events that only one document reports.
        #[arg(long)]
        all: bool,
        /// Only clusters that rest on a single independent source.
        #[arg(long)]
        single_source: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// The actor network: actors linked by events (per type, with count and mean intensity),
    /// by quotes that speak of another actor, and by relations the texts state ("X, a close
    /// ally of Y"), each edge with its evidence.
    Network {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[command(flatten)]
        filter: AnalysisFilter,
        /// Only events in this PLOVER context (military, economic, ...): event links only, as
        /// quotes and stated relations have no context.
        #[arg(long)]
        context: Option<String>,
        /// Most edges shown (the heaviest).
        #[arg(long, default_value_t = 40)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Actors found in the stored documents, by number of mentions.
    Actors {
        #[arg(long, default_value = "dyad.db")]
        db: PathBuf,
        #[arg(long, default_value_t = 30)]
        limit: usize,
        #[arg(long)]
        json: bool,
        /// List the actors learned from descriptions in the texts (people the knowledge base
        /// lacks), with the description that gave each its code.
        #[arg(long)]
        learned: bool,
    },
}

/// Which stored events a command takes.
#[derive(Args)]
struct EventFilter {
    /// Source actor code or prefix (CHN, CHNGOV).
    #[arg(long)]
    source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long)]
    target: Option<String>,
    /// PLOVER type (CONSULT, SANCTION, ...).
    #[arg(long = "type")]
    kind: Option<String>,
    /// Event date from (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Event date to (inclusive; YYYY covers the whole year).
    #[arg(long)]
    to: Option<String>,
    /// PLOVER context (military, economic, legal, cyber, ...).
    #[arg(long)]
    context: Option<String>,
    /// Also negated and hypothetical events ("would not", "plans to").
    #[arg(long)]
    all: bool,
}

impl EventFilter {
    fn query(self, limit: usize) -> Result<dyad_store::EventQuery> {
        Ok(dyad_store::EventQuery {
            source: self.source,
            target: self.target,
            kind: self.kind,
            from: self.from,
            to: self.to,
            context: context_arg(self.context)?,
            all: self.all,
            limit,
        })
    }
}

/// `--context`, checked against the built-in contexts: a misspelt name would match nothing.
fn context_arg(c: Option<String>) -> Result<Option<String>> {
    c.map(|c| dyad_code::topics::context_name(&c).map_err(|e| anyhow::anyhow!("--context {e}")))
        .transpose()
}

/// Which events, quotes and relations an analysis takes.
#[derive(Args)]
struct AnalysisFilter {
    /// Two actor codes or prefixes, either order: CHN,RUS or CHNGOV,USA.
    #[arg(long, value_name = "A,B")]
    dyad: Option<String>,
    /// An actor: entity id (vladimir-putin), name as written (Putin) or code prefix (RUSMIL).
    #[arg(long)]
    actor: Option<String>,
    /// PLOVER type (CONSULT, ACCUSE, ...).
    #[arg(long = "type")]
    kind: Option<String>,
    /// Event date from (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Event date to (inclusive).
    #[arg(long)]
    to: Option<String>,
}

impl AnalysisFilter {
    fn query(self, limit: usize) -> Result<dyad_analyze::Query> {
        let dyad = match self.dyad {
            Some(d) => match d.split_once(',') {
                Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                    Some((a.trim().to_string(), b.trim().to_string()))
                }
                _ => bail!("--dyad {d:?}: expected two actor codes like CHN,RUS"),
            },
            None => None,
        };
        Ok(dyad_analyze::Query {
            dyad,
            actor: self.actor,
            kind: self.kind,
            from: self.from,
            to: self.to,
            limit,
            ..Default::default()
        })
    }
}

#[derive(Subcommand)]
enum KbCmd {
    /// Validate the knowledge base (the built-in one, or the files in DIR).
    Check {
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // Only fails when a pool already exists, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let opts = Options {
        read: dyad_ingest::Options {
            max_bytes: cli.max_mb.max(1) << 20,
        },
        ..Options::default()
    };
    match run(cli.cmd, &opts) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cmd: Cmd, opts: &Options) -> Result<ExitCode> {
    match cmd {
        Cmd::Extract { json, paths } => extract(paths, json, opts),
        Cmd::Annotate {
            input,
            cameo_dictionaries,
        } => annotate(&input, cameo_dictionaries.as_deref()),
        Cmd::Ingest { paths, db } => ingest(paths, &db, opts),
        Cmd::Stats { db, json } => stats(&open_existing(&db)?, json),
        Cmd::Search {
            query,
            db,
            limit,
            json,
        } => search(&open_existing(&db)?, &query, limit, json),
        Cmd::Show { id, db, json } => show(&open_existing(&db)?, &id, json),
        Cmd::Demo {
            db,
            corpus,
            no_serve,
            addr,
        } => {
            let code = demo(&db, corpus, opts)?;
            if no_serve {
                println!("\nthe web UI: dyad serve --db {}", db.display());
                return Ok(code);
            }
            serve(dyad_serve::Config::new(db, addr)).map_err(|e| {
                anyhow::anyhow!("{e} (serve elsewhere with --addr HOST:PORT, or stop after the summary with --no-serve)")
            })
        }
        Cmd::Serve {
            db,
            addr,
            token,
            max_body_mb,
            timeout,
        } => {
            open_existing(&db)?;
            let mut cfg = dyad_serve::Config::new(db, addr);
            cfg.token = token.or_else(|| std::env::var("DYAD_TOKEN").ok());
            cfg.max_body = max_body_mb << 20;
            cfg.timeout = std::time::Duration::from_secs(timeout.max(1));
            serve(cfg)
        }
        Cmd::CheckData => check_data(),
        Cmd::Kb {
            cmd: KbCmd::Check { dir },
        } => kb_check(dir.as_deref()),
        Cmd::Events {
            db,
            filter,
            limit,
            json,
        } => events(&open_existing(&db)?, &filter.query(limit)?, json),
        Cmd::Quotes {
            db,
            stance,
            speaker,
            about,
            from,
            to,
            limit,
            json,
        } => quotes(
            &open_existing(&db)?,
            &dyad_store::QuoteQuery {
                speaker,
                about,
                from,
                to,
                limit,
                stance,
            },
            json,
        ),
        Cmd::Export {
            db,
            format,
            filter,
            out,
        } => export(
            &open_existing(&db)?,
            format,
            &filter.query(usize::MAX >> 1)?,
            out.as_deref(),
        ),
        Cmd::Timeline {
            a,
            b,
            by,
            db,
            all,
            context,
            json,
        } => {
            let context = context_arg(context)?;
            timeline(
                &open_existing(&db)?,
                &a,
                &b,
                by,
                all,
                context.as_deref(),
                json,
            )
        }
        Cmd::Explain { id, sentence, db } => explain(&open_existing(&db)?, &id, sentence),
        Cmd::Breaks {
            db,
            dyad,
            min_series,
            context,
            json,
        } => {
            let dyad = match dyad.as_deref() {
                None => None,
                Some(d) => match d.split_once(',') {
                    Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                        Some((a.trim().to_string(), b.trim().to_string()))
                    }
                    _ => bail!("--dyad {d:?}: give two sides separated by a comma, e.g. CHN,RUS"),
                },
            };
            let q = dyad_analyze::BreakQuery {
                dyad,
                min_series,
                context: context_arg(context)?,
            };
            breaks(&open_existing(&db)?, &q, json)
        }
        Cmd::Shifts {
            db,
            speaker,
            about,
            statements,
            json,
        } => {
            if speaker.trim().is_empty() || about.trim().is_empty() {
                bail!("--speaker and --about need a code (CHN) or an entity id (qin-gang)");
            }
            let q = dyad_analyze::ShiftQuery {
                speaker: speaker.trim().to_string(),
                about: about.trim().to_string(),
            };
            shifts(&open_existing(&db)?, &q, statements, json)
        }
        Cmd::Corroboration {
            db,
            filter,
            all,
            single_source,
            limit,
            json,
        } => {
            let q = dyad_analyze::Query {
                all,
                single_source,
                ..filter.query(limit)?
            };
            corroboration(&open_existing(&db)?, &q, json)
        }
        Cmd::Network {
            db,
            filter,
            context,
            limit,
            json,
        } => {
            let q = dyad_analyze::Query {
                context: context_arg(context)?,
                ..filter.query(limit)?
            };
            network(&open_existing(&db)?, &q, json)
        }
        Cmd::Actors {
            db,
            limit,
            json,
            learned,
        } => {
            let store = open_existing(&db)?;
            if learned {
                learned_actors(&store, limit, json)
            } else {
                actors(&store, limit, json)
            }
        }
    }
}

fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "{}: no such database (create one with `dyad ingest PATH... --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

/// Writes one JSON line; a closed pipe (`dyad ... | head`) ends the program quietly.
fn emit(out: &mut impl Write, v: &serde_json::Value) {
    if writeln!(out, "{v}").is_err() {
        std::process::exit(0);
    }
}

fn extract(paths: Vec<PathBuf>, as_json: bool, opts: &Options) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    dyad_pipeline::extract_each(paths, opts, |r| match r {
        Ok((path, a)) => {
            if as_json {
                emit(
                    &mut out,
                    &json!({"path": path, "title": a.title, "authors": a.authors,
                            "published": a.published, "language": a.language, "outlet": a.outlet,
                            "url": a.url, "text": a.text}),
                );
            } else {
                let line = |k: &str, v: Option<&str>| format!("{k:<10}{}\n", v.unwrap_or("-"));
                let s = format!(
                    "== {path}\n{}{}{}{}{}{}\n{}\n\n",
                    line("title", a.title.as_deref()),
                    line(
                        "authors",
                        Some(&a.authors.join("; "))
                            .filter(|s| !s.is_empty())
                            .map(|s| s.as_str())
                    ),
                    line("published", a.published.as_deref()),
                    line("language", a.language.as_deref()),
                    line("outlet", a.outlet.as_deref()),
                    line("url", a.url.as_deref()),
                    a.text
                );
                if out.write_all(s.as_bytes()).is_err() {
                    std::process::exit(0);
                }
            }
        }
        Err(e) => {
            failed += 1;
            eprintln!("dyad: {e}");
            if as_json {
                emit(&mut out, &json!({"path": e.origin, "error": e.reason}));
            }
        }
    });
    out.flush().ok();
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn annotate(input: &Path, cameo: Option<&Path>) -> Result<ExitCode> {
    let cameo = match cameo {
        Some(dir) => {
            if !dir.is_dir() {
                bail!(
                    "{}: --cameo-dictionaries must be a directory",
                    dir.display()
                );
            }
            let c = dyad_code::petrarch::Cameo::load(dir).map_err(anyhow::Error::msg)?;
            let d = c.actors.dictionaries();
            let verbs = if c.verbs.blocks.is_empty() {
                "no verb dictionary, so events come from the built-in lexicon".to_string()
            } else {
                format!(
                    "{} verb blocks, {} verb forms and {} patterns code the events",
                    c.verbs.blocks.len(),
                    c.verbs.verb_count(),
                    c.verbs.pattern_count()
                )
            };
            eprintln!(
                "dyad: {}: {} actors and {} agents ({} unreadable lines skipped) code the actors; {verbs}; {} discard phrases ({} unreadable lines skipped)",
                dir.display(),
                d.actors.len(),
                d.agents.len(),
                d.warnings.len(),
                c.discards.len(),
                c.warnings.len()
            );
            for w in d.warnings.iter().chain(&c.warnings).take(5) {
                eprintln!("dyad: warning: {w}");
            }
            Some(c)
        }
        None => None,
    };
    let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(input).with_context(|| format!("{}", input.display()))?,
        ))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    dyad_pipeline::annotate_lines(
        cameo.as_ref(),
        reader.lines().map(|l| {
            // A line that is not UTF-8 is one bad record, not the end of the input.
            l.or_else(|e| match e.kind() {
                std::io::ErrorKind::InvalidData => Ok("\u{0}".to_string()),
                _ => Err(e),
            })
        }),
        |v| {
            if let Some(e) = v.get("error").and_then(|e| e.as_str()) {
                failed += 1;
                eprintln!("dyad: {}: {e}", input.display());
            }
            emit(&mut out, &v);
        },
    )
    .with_context(|| format!("{}", input.display()))?;
    out.flush().ok();
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar() -> indicatif::ProgressBar {
    // Hidden automatically when standard error is not a terminal.
    let pb =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    pb.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} inputs read, {msg} [{elapsed}, {per_sec}]",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    pb
}

fn ingest_into(
    paths: Vec<PathBuf>,
    store: &mut Store,
    opts: &Options,
) -> Result<dyad_pipeline::IngestReport> {
    let pb = progress_bar();
    let report = dyad_pipeline::ingest(
        paths,
        store,
        opts,
        |p| {
            pb.set_position(p.done as u64);
            pb.set_message(format!("{} failed", p.failed));
        },
        |e| pb.suspend(|| eprintln!("dyad: {e}")),
    )?;
    pb.finish_and_clear();
    Ok(report)
}

fn ingest(paths: Vec<PathBuf>, db: &Path, opts: &Options) -> Result<ExitCode> {
    let mut store = Store::open(db)?;
    let r = ingest_into(paths, &mut store, opts)?;
    for origin in &r.no_text {
        eprintln!("dyad: {origin}: no article text found; not stored");
    }
    eprintln!(
        "{} inputs read: {} stored ({} with a text already known), {} already in {}, {} without text, {} failed",
        r.read,
        r.stored.inserted,
        r.stored.near_duplicates,
        r.stored.already_stored,
        db.display(),
        r.no_text.len(),
        r.errors.len()
    );
    Ok(if r.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn stats(store: &Store, as_json: bool) -> Result<ExitCode> {
    let s = store.stats()?;
    if as_json {
        println!("{}", serde_json::to_string(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("documents       {}", s.documents);
    println!("distinct texts  {}", s.distinct_texts);
    println!("outlets         {}", s.outlets);
    println!("sentences       {}", s.sentences);
    println!("mentions        {}", s.mentions);
    println!("events          {}", s.events);
    println!("quotes          {}", s.quotes);
    println!(
        "published       {} .. {}",
        s.first_published.as_deref().unwrap_or("?"),
        s.last_published.as_deref().unwrap_or("?")
    );
    let list = |v: &[(String, u64)]| {
        v.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("languages       {}", list(&s.languages));
    println!("top outlets     {}", list(&s.top_outlets));
    Ok(ExitCode::SUCCESS)
}

fn search(store: &Store, query: &str, limit: usize, as_json: bool) -> Result<ExitCode> {
    let hits = store.search(query, limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for h in &hits {
        if as_json {
            emit(&mut out, &serde_json::to_value(h)?);
        } else {
            let s = format!(
                "{}  {}  {}  {}\n    {}\n",
                h.id,
                h.published.as_deref().unwrap_or("----------"),
                h.outlet.as_deref().unwrap_or("?"),
                h.title.as_deref().unwrap_or("(no title)"),
                h.snippet.replace('\n', " ")
            );
            if out.write_all(s.as_bytes()).is_err() {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    if hits.is_empty() {
        eprintln!("no document matches {query:?}");
    }
    Ok(ExitCode::SUCCESS)
}

/// An event as listed: the stored row and the cluster of reports it belongs to.
#[derive(serde::Serialize)]
struct ListedEvent {
    #[serde(flatten)]
    event: dyad_store::EventRow,
    cluster: Option<dyad_analyze::ClusterRef>,
}

fn events(store: &Store, q: &dyad_store::EventQuery, as_json: bool) -> Result<ExitCode> {
    let rows = store.events(q)?;
    // Clusters are per unordered dyad and type, so a query by source and target, or by type,
    // needs only those events' clusters; dates bound the work too (a report just outside
    // the range is then not counted in a cluster).
    let mut clusters = if rows.is_empty() {
        Default::default()
    } else {
        dyad_analyze::event_clusters(
            store,
            &dyad_analyze::Query {
                dyad: q.source.clone().zip(q.target.clone()),
                kind: q.kind.clone(),
                from: q.from.clone(),
                to: q.to.clone(),
                ..Default::default()
            },
        )?
    };
    let rows: Vec<ListedEvent> = rows
        .into_iter()
        .map(|event| ListedEvent {
            cluster: clusters.remove(&(event.doc_id.clone(), event.n)),
            event,
        })
        .collect();
    list(&rows, as_json, "no events match", |l| {
        let e = &l.event;
        let cluster = match &l.cluster {
            Some(c) if c.reports > 1 => format!(
                " | cluster {} ({} reports, {} source{})",
                c.id,
                c.reports,
                c.sources,
                if c.sources == 1 { "" } else { "s" }
            ),
            _ => String::new(),
        };
        let when = e.date.as_deref().unwrap_or("?");
        let actor = |t: &Option<String>, c: &Option<String>| match (t, c) {
            (Some(t), Some(c)) => format!("{t} [{c}]"),
            (Some(t), None) => format!("{t} [---]"),
            _ => "-".to_string(),
        };
        let mut flags = String::new();
        if e.negated {
            flags.push_str(" NOT");
        }
        if let Some(m) = &e.modality {
            flags.push_str(&format!(" ({m})"));
        }
        if !e.context.is_empty() {
            flags.push_str(&format!(" [{}]", e.context.join(", ")));
        }
        // "<->": a reciprocal event ("held talks"), both sides its actors.
        let arrow = if e.reciprocal { "<->" } else { "->" };
        let s = format!(
            "{when:<10} {:<9} {:<4} {} {arrow} {}  \"{}\"{flags}\n    {} | {} {} {}{cluster}\n",
            e.kind.as_deref().unwrap_or("STATEMENT"),
            e.cameo,
            actor(&e.source, &e.source_code),
            actor(&e.target, &e.target_code),
            e.trigger,
            e.sentence.replace('\n', " "),
            e.outlet.as_deref().unwrap_or("?"),
            e.published.as_deref().unwrap_or("?"),
            short_id(&e.doc_id),
        );
        s
    })
}

fn corroboration(store: &Store, q: &dyad_analyze::Query, as_json: bool) -> Result<ExitCode> {
    let c = dyad_analyze::corroboration(store, q)?;
    if as_json {
        println!("{}", serde_json::to_string(&c)?);
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for k in &c.clusters {
        let mut flags = String::new();
        if k.single_source {
            flags.push_str("  SINGLE SOURCE");
        }
        if k.anonymous {
            flags.push_str("  ANONYMOUS");
        } else if k.anonymous_reports > 0 {
            flags.push_str(&format!("  {} anonymous", k.anonymous_reports));
        }
        if k.hedged_reports > 0 {
            flags.push_str(&format!("  {} hedged", k.hedged_reports));
        }
        if k.claimed_reports > 0 {
            flags.push_str(&format!("  {} claimed", k.claimed_reports));
        }
        let mut s = format!(
            "{:<10} {:<9} {}-{}  {} reports in {} documents, {} source{}{flags}  [{}]\n",
            k.date.as_deref().unwrap_or("?"),
            k.kind,
            k.dyad[0],
            k.dyad[1],
            k.reports,
            k.documents,
            k.sources,
            if k.sources == 1 { "" } else { "s" },
            k.id
        );
        let mut shown: Vec<(&str, &str)> = Vec::new();
        for m in &k.members {
            let who = |t: &Option<String>, c: &Option<String>| {
                format!(
                    "{} [{}]",
                    t.as_deref().unwrap_or("-"),
                    c.as_deref().unwrap_or("---")
                )
            };
            s.push_str(&format!(
                "    {} {} {}  {} -> {}  \"{}\"\n",
                m.outlet.as_deref().unwrap_or("?"),
                m.published.as_deref().unwrap_or("?"),
                short_id(&m.doc_id),
                who(&m.source, &m.source_code),
                who(&m.target, &m.target_code),
                m.trigger
            ));
            // A copy of a sentence already shown says so instead of repeating it.
            match shown.iter().find(|(_, t)| *t == m.sentence) {
                Some((d, _)) => {
                    s.push_str(&format!("        (same sentence as {})\n", short_id(d)))
                }
                None => {
                    s.push_str(&format!("        {}\n", m.sentence.replace('\n', " ")));
                    shown.push((&m.doc_id, &m.sentence));
                }
            }
        }
        if k.members.len() < k.reports {
            s.push_str(&format!(
                "    ... and {} more\n",
                k.reports - k.members.len()
            ));
        }
        if out.write_all(s.as_bytes()).is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    eprintln!(
        "{} events in {} clusters: {} reported by several documents, {} resting on a single source{}",
        c.events,
        c.clusters_total,
        c.multi_document,
        c.single_source,
        if c.clusters.is_empty() {
            "; none listed (--all lists events one document reports)"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn network(store: &Store, q: &dyad_analyze::Query, as_json: bool) -> Result<ExitCode> {
    let n = dyad_analyze::network(store, q)?;
    if as_json {
        println!("{}", serde_json::to_string(&n)?);
        return Ok(ExitCode::SUCCESS);
    }
    if n.edges.is_empty() {
        eprintln!("no links match");
        return Ok(ExitCode::SUCCESS);
    }
    let label: std::collections::HashMap<&str, &str> = n
        .nodes
        .iter()
        .map(|x| (x.id.as_str(), x.label.as_str()))
        .collect();
    let mut s = format!("{} actors\n", n.nodes.len());
    for x in &n.nodes {
        s.push_str(&format!(
            "  {:<28} {:<24} {:<6} {:<8} {} links, weight {}\n",
            x.id,
            x.label,
            x.kind,
            x.code.as_deref().unwrap_or("-"),
            x.degree,
            x.weight
        ));
    }
    s.push_str(&format!("{} links, heaviest first\n", n.edges.len()));
    for e in &n.edges {
        let what = match (e.via.as_str(), e.quad, e.intensity_mean) {
            ("event", Some(q), Some(i)) => format!("{} (quad {q}, mean {i:+.1})", e.label),
            ("quote", ..) => "speaks about".to_string(),
            _ => e.label.clone(),
        };
        s.push_str(&format!(
            "  {} -> {}  {} {what}  x{} in {} documents ({} texts)\n",
            label.get(e.source.as_str()).unwrap_or(&e.source.as_str()),
            label.get(e.target.as_str()).unwrap_or(&e.target.as_str()),
            e.via,
            e.count,
            e.documents,
            e.texts
        ));
        for ev in &e.evidence {
            s.push_str(&format!(
                "      {} {}  {}\n",
                short_id(&ev.doc_id),
                ev.published.as_deref().unwrap_or("?"),
                ev.text.replace('\n', " ")
            ));
        }
    }
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
    if n.edges_left_out > 0 {
        eprintln!(
            "({} lighter links left out; --limit N shows more)",
            n.edges_left_out
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn quotes(store: &Store, q: &dyad_store::QuoteQuery, as_json: bool) -> Result<ExitCode> {
    let rows = store.quotes(q)?;
    list(&rows, as_json, "no quotes match", |r| {
        let who = match (&r.speaker, &r.speaker_entity) {
            (Some(s), Some(e)) if !e.starts_with("local:") => format!("{s} [{e}]"),
            (Some(s), _) => s.clone(),
            _ => "(unnamed)".into(),
        };
        let chain = r
            .chain
            .as_ref()
            .and_then(|c| c.as_array())
            .map(|links| {
                let names: Vec<String> = links
                    .iter()
                    .map(|l| {
                        let t = l["text"].as_str().unwrap_or("?");
                        if l["anonymous"] == true {
                            format!("{t} (anonymous)")
                        } else {
                            t.to_string()
                        }
                    })
                    .collect();
                format!("\n    via {}", names.join(" -> "))
            })
            .unwrap_or_default();
        // With --stance, a stance is marked as such: "indirect stance".
        let kind = if r.cue_class == "stance" {
            format!("{} stance", r.kind)
        } else {
            r.kind.clone()
        };
        let s = format!(
            "{} {:<8} {who}{}: {:?}{chain}\n    {} {}\n",
            r.published.as_deref().unwrap_or("?"),
            kind,
            if r.hedged { " (hedged)" } else { "" },
            r.content,
            r.outlet.as_deref().unwrap_or("?"),
            short_id(&r.doc_id)
        );
        s
    })
}

fn export(
    store: &Store,
    format: dyad_analyze::export::Format,
    q: &dyad_store::EventQuery,
    out: Option<&Path>,
) -> Result<ExitCode> {
    if format == dyad_analyze::export::Format::Parquet {
        let Some(dir) = out else {
            anyhow::bail!(
                "--format parquet writes a directory of month partitions: give --out DIR"
            );
        };
        let mut w = dyad_analyze::partitioned::Writer::create(dir)?;
        let mut failed = None;
        store.each_event(q, |e| match w.push(e) {
            Ok(()) => true,
            Err(err) => {
                failed = Some(err);
                false
            }
        })?;
        if let Some(e) = failed {
            return Err(e.into());
        }
        let written = w.finish()?;
        eprintln!(
            "{} events exported to {} in {} month partitions",
            written.rows,
            dir.display(),
            written.partitions.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut w: Box<dyn Write> = match out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("{}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    dyad_analyze::export::header(&mut w, format)?;
    let mut n = 0u64;
    let mut failed: Option<std::io::Error> = None;
    store.each_event(q, |e| {
        n += 1;
        match dyad_analyze::export::write(&mut w, format, n, &e) {
            Ok(()) => true,
            Err(err) => {
                failed = Some(err);
                false
            }
        }
    })?;
    match failed {
        // A closed pipe (`dyad export | head`) ends the export quietly.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(e) => return Err(e.into()),
        None => {}
    }
    w.flush()?;
    eprintln!("{n} events exported");
    Ok(ExitCode::SUCCESS)
}

fn timeline(
    store: &Store,
    a: &str,
    b: &str,
    by: dyad_analyze::Period,
    all: bool,
    context: Option<&str>,
    as_json: bool,
) -> Result<ExitCode> {
    let t = dyad_analyze::dyad_timeline(store, a, b, by, all, context)?;
    if as_json {
        println!("{}", serde_json::to_string(&t)?);
        return Ok(ExitCode::SUCCESS);
    }
    let (a, b) = (a.to_uppercase(), b.to_uppercase());
    println!(
        "{:<9} {:>28}  {:>28}",
        "period",
        format!("{a} -> {b}"),
        format!("{b} -> {a}")
    );
    println!(
        "{:<9} {:>6} {:>11} {:>4} {:>4}  {:>6} {:>11} {:>4} {:>4}",
        "", "events", "quad 1/2/3/4", "mean", "said", "events", "quad 1/2/3/4", "mean", "said"
    );
    let cell = |c: &dyad_analyze::Cell| {
        let q = format!("{}/{}/{}/{}", c.quad[0], c.quad[1], c.quad[2], c.quad[3]);
        let mean = if c.events > 0 {
            format!("{:+.1}", c.intensity_mean)
        } else {
            "-".into()
        };
        format!("{:>6} {:>11} {:>4} {:>4}", c.events, q, mean, c.quotes)
    };
    for r in &t.rows {
        println!(
            "{:<9} {}  {}",
            r.period,
            cell(&r.forward),
            cell(&r.backward)
        );
    }
    if t.rows.is_empty() {
        match context {
            Some(c) => eprintln!("no {c} events between {a} and {b}"),
            None => eprintln!("no events between {a} and {b}"),
        }
    }
    if context.is_some() && !t.rows.is_empty() {
        eprintln!("(quotes have no context, so \"said\" is not counted with --context)");
    }
    if t.too_coarse > 0 {
        eprintln!(
            "({} events dated too coarsely for this period are left out; try --by year)",
            t.too_coarse
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A sentence reference as `dyad explain` takes it: "66639cb2 3".
fn sentence_ref(doc_id: &str, n: Option<u32>) -> String {
    match n {
        Some(n) => format!("{} {n}", short_id(doc_id)),
        None => short_id(doc_id).to_string(),
    }
}

fn breaks(store: &Store, q: &dyad_analyze::BreakQuery, as_json: bool) -> Result<ExitCode> {
    let found = dyad_analyze::breaks(store, q)?;
    if as_json {
        let mut out = std::io::stdout().lock();
        for b in &found {
            writeln!(out, "{}", serde_json::to_string(b)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        eprintln!(
            "no pattern breaks found (a series needs {} earlier yearly instances)",
            q.min_series.max(3)
        );
    }
    for b in &found {
        println!(
            "{} {}  {} \"{}\" {}, usually on {}: {} in {}",
            b.dyad[0],
            b.dyad[1],
            b.period,
            b.terms.join(", "),
            b.family,
            dyad_analyze::breaks::month_day_label(&b.usual_day),
            if b.departures.len() == 1 {
                "a break"
            } else {
                "breaks"
            },
            b.instance.season,
        );
        for d in &b.departures {
            println!("  {:<12} usual: {}; found: {}", d.aspect, d.usual, d.found);
        }
        println!("  series:");
        for i in &b.series {
            println!(
                "    {} {:<16} {}",
                i.date,
                i.forms.join("/"),
                i.participants.join("; ")
            );
            for e in &i.evidence {
                println!(
                    "      {} \"{}\" ({})",
                    e.outlet.as_deref().unwrap_or("-"),
                    e.trigger,
                    sentence_ref(&e.doc_id, e.sentence_n)
                );
            }
        }
        println!(
            "  new: {} {} {}",
            b.instance.date,
            b.instance.forms.join("/"),
            b.instance.participants.join("; ")
        );
        for e in &b.instance.evidence {
            println!(
                "    {}: \"{}\" ({}, {})",
                e.sentence,
                e.trigger,
                e.outlet.as_deref().unwrap_or("-"),
                sentence_ref(&e.doc_id, e.sentence_n)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn shifts(
    store: &Store,
    q: &dyad_analyze::ShiftQuery,
    statements: bool,
    as_json: bool,
) -> Result<ExitCode> {
    if statements {
        let themes = dyad_analyze::shifts::themes(store, q)?;
        if as_json {
            let mut out = std::io::stdout().lock();
            for t in &themes {
                writeln!(out, "{}", serde_json::to_string(t)?)?;
            }
        } else {
            for t in &themes {
                println!("theme: {}", t.terms.join(", "));
                for st in &t.statements {
                    println!(
                        "  {} {:<22} {}: \"{}\" ({})",
                        st.date.as_deref().unwrap_or("----------"),
                        format!("{} {:+}", st.stance.label, st.stance.warmth),
                        st.speaker.as_deref().unwrap_or("(unnamed)"),
                        st.content,
                        sentence_ref(&st.doc_id, st.sentence_n)
                    );
                }
            }
            if !themes.is_empty() {
                println!();
            }
        }
        if as_json {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let found = dyad_analyze::shifts(store, q)?;
    if as_json {
        let mut out = std::io::stdout().lock();
        for s in &found {
            writeln!(out, "{}", serde_json::to_string(s)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        eprintln!(
            "no position shifts found in what {} said about {}",
            q.speaker, q.about
        );
    }
    for s in &found {
        println!("{} on {}: {}", s.kind, s.theme.join(", "), {
            let (a, b) = (&s.before.stance, &s.after.stance);
            format!(
                "{} (warmth {:+}) -> {} (warmth {:+})",
                a.label, a.warmth, b.label, b.warmth
            )
        });
        for (tag, st) in [("before", &s.before), ("after ", &s.after)] {
            println!(
                "  {tag} {} {} {}: \"{}\"",
                st.date.as_deref().unwrap_or("----------"),
                st.kind,
                st.speaker.as_deref().unwrap_or("(unnamed)"),
                st.content
            );
            println!(
                "         {} | {} ({})",
                st.stance.cues.join(", "),
                st.outlet.as_deref().unwrap_or("-"),
                sentence_ref(&st.doc_id, st.sentence_n)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(store: &Store, id: &str, n: usize) -> Result<ExitCode> {
    let Some(d) = store.get(id)? else {
        bail!("no document with id {id:?} (give the id, or a unique prefix of at least 4 characters, as `dyad search` prints it)");
    };
    let Some(&sentence) = n.checked_sub(1).and_then(|i| d.sentences.get(i)) else {
        bail!(
            "{}: no sentence {n} (the document has {} sentences, numbered from 1)",
            short_id(&d.id),
            d.sentences.len()
        );
    };
    // The stored text, annotated and coded again: the layers are reproducible, and this way
    // every detail (spans, patterns, dates) is at hand.
    let date = d
        .published
        .as_deref()
        .and_then(|p| chrono::NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok());
    let mut doc = dyad_model::Document::new(d.body.clone(), dyad_model::Meta::default());
    dyad_annotate::annotate(&mut doc, date);
    dyad_code::code(&mut doc, date);
    let text = doc.text();
    let inside = |s: dyad_model::Span| s.start >= sentence.start && s.end <= sentence.end;
    println!(
        "{} sentence {n} (published {})",
        short_id(&d.id),
        d.published.as_deref().unwrap_or("?")
    );
    println!("  {}", &text[sentence.start..sentence.end]);
    println!("actors");
    for m in doc.layers().mentions.iter().filter(|m| inside(m.span)) {
        let a = m.actor.as_ref();
        println!(
            "  {:<28} {:<7} {:<28} {}{}",
            format!("{:?}", doc.span_text(m.span)),
            m.kind,
            m.entity.as_deref().unwrap_or("-"),
            a.and_then(|a| a.code.as_deref()).unwrap_or("---"),
            a.and_then(|a| a.sector.as_deref()).unwrap_or("")
        );
    }
    println!("time");
    for t in doc.layers().timexes.iter().filter(|t| inside(t.span)) {
        println!(
            "  {:<28} {:<8} {}",
            format!("{:?}", doc.span_text(t.span)),
            t.kind,
            t.value
        );
    }
    println!("events");
    for e in doc.layers().events.iter().filter(|e| inside(e.trigger)) {
        let who = |a: &Option<dyad_model::EventActor>| {
            a.as_ref().map_or("-".to_string(), |a| {
                format!(
                    "{:?} [{}{}]",
                    doc.span_text(a.span),
                    a.code.as_deref().unwrap_or("---"),
                    a.sector.as_deref().unwrap_or("")
                )
            })
        };
        println!(
            "  {} {} ({}) {} -> {} on {}{}{}",
            e.kind.as_deref().unwrap_or("STATEMENT"),
            e.cameo,
            doc.span_text(e.trigger),
            who(&e.source),
            who(&e.target),
            e.date.as_deref().unwrap_or("?"),
            if e.negated { ", negated" } else { "" },
            e.modality
                .as_deref()
                .map(|m| format!(", {m}"))
                .unwrap_or_default(),
        );
        println!(
            "    why: {}; confidence {:.2}",
            e.pattern.as_deref().unwrap_or("-"),
            e.confidence
        );
        if !e.context.is_empty() {
            println!("    context: {}", e.context.join(", "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show(store: &Store, id: &str, as_json: bool) -> Result<ExitCode> {
    let Some(d) = store.get(id)? else {
        bail!("no document with id {id:?} (give the id, or a unique prefix of at least 4 characters, as `dyad search` prints it)");
    };
    if as_json {
        println!("{}", serde_json::to_string(&d)?);
        return Ok(ExitCode::SUCCESS);
    }
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    println!("id         {}", d.id);
    println!("title      {}", opt(&d.title));
    println!("outlet     {}", opt(&d.outlet));
    println!("published  {}", opt(&d.published));
    println!(
        "authors    {}",
        if d.authors.is_empty() {
            "-".into()
        } else {
            d.authors.join("; ")
        }
    );
    println!("language   {}", opt(&d.language));
    println!("url        {}", opt(&d.url));
    println!(
        "source     {} ({})",
        d.origin,
        d.encoding.as_deref().unwrap_or("?")
    );
    println!("sentences  {}", d.sentences.len());
    if !d.same_text.is_empty() {
        println!("same text  {}", d.same_text.join(", "));
    }
    if !d.actors.is_empty() {
        let shown: Vec<String> = d
            .actors
            .iter()
            .take(12)
            .map(|a| {
                let code = format!(
                    "{}{}",
                    a.code.as_deref().unwrap_or(""),
                    a.sector.as_deref().unwrap_or("")
                );
                if code.is_empty() {
                    format!("{} ×{}", a.name, a.mentions)
                } else {
                    format!("{} [{code}] ×{}", a.name, a.mentions)
                }
            })
            .collect();
        println!("actors     {}", shown.join(", "));
    }
    println!("\n{}", d.body);
    Ok(ExitCode::SUCCESS)
}

fn demo(db: &Path, corpus: Option<PathBuf>, opts: &Options) -> Result<ExitCode> {
    let corpus =
        corpus.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/corpus"));
    if !corpus.is_dir() {
        bail!(
            "{}: demo corpus not found (run from the dyad source tree, or pass --corpus DIR)",
            corpus.display()
        );
    }
    let corpus = corpus.canonicalize().unwrap_or(corpus);
    let mut store = Store::open(db)?;
    // The corpus README describes the corpus; it is not news.
    let inputs: Vec<PathBuf> = std::fs::read_dir(&corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    println!(
        "dyad demo: {} inputs from {}",
        inputs.len(),
        corpus.display()
    );
    let r = ingest_into(inputs, &mut store, opts)?;
    println!(
        "read {} documents: {} newly stored, {} already in {}, {} failed",
        r.read,
        r.stored.inserted,
        r.stored.already_stored,
        db.display(),
        r.errors.len()
    );
    let s = store.stats()?;
    println!(
        "\nthe store holds {} documents ({} distinct texts) from {} outlets, {} sentences, published {} .. {}",
        s.documents,
        s.distinct_texts,
        s.outlets,
        s.sentences,
        s.first_published.as_deref().unwrap_or("?"),
        s.last_published.as_deref().unwrap_or("?")
    );
    let langs: Vec<String> = s
        .languages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    println!("languages: {}", langs.join(", "));
    println!("\ndocuments by publication date:");
    for h in store.list(40)? {
        let title: String = h
            .title
            .as_deref()
            .unwrap_or("(no title)")
            .chars()
            .take(72)
            .collect();
        let outlet: String = h
            .outlet
            .as_deref()
            .unwrap_or("?")
            .chars()
            .take(20)
            .collect();
        println!(
            "  {}  {}  {outlet:<20} {title}",
            &h.id[..8],
            h.published.as_deref().unwrap_or("----------"),
        );
    }
    let groups = store.same_text_groups()?;
    if !groups.is_empty() {
        println!("\none text, several outlets (near-duplicates):");
        for g in &groups {
            let members: Vec<String> = g
                .iter()
                .map(|(id, o)| format!("{} ({})", &id[..8], o.as_deref().unwrap_or("?")))
                .collect();
            println!("  {}", members.join(" = "));
        }
    }
    let actors = store.actors(12)?;
    if !actors.is_empty() {
        println!("\nactors most mentioned:");
        for a in &actors {
            let code = format!(
                "{}{}",
                a.code.as_deref().unwrap_or("---"),
                a.sector.as_deref().unwrap_or("")
            );
            println!(
                "  {:<22} {:<7} {:<7} {:>4} mentions in {:>2} documents",
                a.entity, a.kind, code, a.mentions, a.documents
            );
        }
    }
    let between = |s: &str, t: &str| dyad_store::EventQuery {
        source: Some(s.into()),
        target: Some(t.into()),
        limit: 4,
        ..Default::default()
    };
    let mut dyad_events = store.events(&between("CHN", "RUS"))?;
    dyad_events.extend(store.events(&between("RUS", "CHN"))?);
    dyad_events.sort_by(|a, b| a.date.cmp(&b.date));
    if !dyad_events.is_empty() {
        println!(
            "
events between China and Russia (first of them):"
        );
        for e in dyad_events.iter().take(6) {
            println!(
                "  {:<10} {:<9} {} -> {}  \"{}\"  ({})",
                e.date.as_deref().unwrap_or("?"),
                e.kind.as_deref().unwrap_or("STATEMENT"),
                e.source.as_deref().unwrap_or("-"),
                e.target.as_deref().unwrap_or("-"),
                e.trigger,
                short_id(&e.doc_id)
            );
        }
    }
    let q = dyad_analyze::BreakQuery {
        dyad: Some(("CHN".into(), "RUS".into())),
        ..Default::default()
    };
    for b in dyad_analyze::breaks(&store, &q)? {
        let how: Vec<String> = b
            .departures
            .iter()
            .map(|d| format!("{} ({})", d.aspect, d.found))
            .collect();
        println!(
            "\npattern break: China-Russia \"{}\" {}, usually on {} in {} years before: {} breaks it in {}",
            b.terms.join(", "),
            b.family,
            dyad_analyze::breaks::month_day_label(&b.usual_day),
            b.series.len(),
            b.instance.date,
            how.join("; ")
        );
    }
    let q = dyad_analyze::ShiftQuery {
        speaker: "CHN".into(),
        about: "RUS".into(),
    };
    for s in dyad_analyze::shifts(&store, &q)? {
        println!(
            "\nposition shift ({}, on {}): China on Russia, {} {} -> {} {}",
            s.kind,
            s.theme.join(", "),
            s.before.date.as_deref().unwrap_or("?"),
            s.before.stance.label,
            s.after.date.as_deref().unwrap_or("?"),
            s.after.stance.label
        );
    }
    let hits = store.search("Power of Siberia", 3)?;
    println!("\nsearch \"Power of Siberia\": {} hits", hits.len());
    for h in &hits {
        println!(
            "  {}  {}  {}",
            &h.id[..8],
            h.published.as_deref().unwrap_or("----------"),
            h.title.as_deref().unwrap_or("(no title)")
        );
    }
    println!(
        "\nnext: dyad stats --db {0} | dyad search \"Li Shangfu\" --db {0} | dyad show ID --db {0}\n      dyad events --db {0} --source CHN --target RUS | dyad explain ID SENTENCE --db {0}\n      dyad breaks --dyad CHN,RUS --db {0} | dyad shifts --speaker CHN --about RUS --db {0}\n      dyad corroboration --db {0} --dyad CHN,RUS | dyad network --db {0} --actor Putin",
        db.display()
    );
    Ok(if r.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn serve(cfg: dyad_serve::Config) -> Result<ExitCode> {
    let db = cfg.db.display().to_string();
    let writable = cfg.token.is_some();
    dyad_serve::run(cfg, |addr| {
        println!(
            "\nthe web UI on {db}: http://{addr}/  (JSON API under /api/; {}; Ctrl-C to stop)",
            if writable {
                "POST /api/ingest with the token"
            } else {
                "read-only"
            }
        );
    })?;
    Ok(ExitCode::SUCCESS)
}

fn check_data() -> Result<ExitCode> {
    let n = dyad_extract::lexicon::check_builtin()
        .map_err(|e| anyhow::anyhow!("data/extract/boilerplate.txt: {e}"))?;
    println!("data/extract/boilerplate.txt: ok, {n} entries");
    let n = dyad_annotate::names::check_builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("data/ner/cues.txt, data/ner/given_names.txt: ok, {n} words");
    let lex = dyad_code::lexicon::Lexicon::builtin().map_err(anyhow::Error::msg)?;
    println!(
        "data/events/cameo.tsv, data/events/triggers.tsv: ok, {} codes, {} triggers",
        lex.codes.len(),
        lex.triggers.len()
    );
    let n = dyad_code::topics::check_builtin().map_err(anyhow::Error::msg)?;
    println!("data/events/contexts.tsv: ok, {n} entries");
    let n = dyad_annotate::quotes::lexicon::check_builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("data/quotes/cues.txt: ok, {n} entries");
    let n = dyad_analyze::breaks::check_builtin().map_err(anyhow::Error::msg)?;
    println!("data/analysis/forms.tsv: ok, {n} forms");
    let n = dyad_analyze::shifts::check_builtin().map_err(anyhow::Error::msg)?;
    println!("data/analysis/stance.tsv: ok, {n} phrases");
    let n = dyad_annotate::relations::check_builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("data/relations/relations.txt: ok, {n} cue words");
    kb_check(None)
}

fn kb_check(dir: Option<&Path>) -> Result<ExitCode> {
    let (kb, shown) = match dir {
        Some(d) => (dyad_kb::Kb::load_dir(d), d.display().to_string()),
        None => (dyad_kb::Kb::builtin(), "data/kb (built in)".to_string()),
    };
    match kb {
        Ok(kb) => {
            println!("{shown}: ok, {}", kb.summary());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("dyad: {shown}: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Prints rows as JSON Lines or as the text `line` gives; a closed pipe (`| head`) ends the
/// listing quietly, and an empty one says so on standard error.
fn list<T: serde::Serialize>(
    rows: &[T],
    as_json: bool,
    none: &str,
    line: impl Fn(&T) -> String,
) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for r in rows {
        if as_json {
            emit(&mut out, &serde_json::to_value(r)?);
        } else if out.write_all(line(r).as_bytes()).is_err() {
            break;
        }
    }
    if rows.is_empty() {
        eprintln!("{none}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The first 8 characters of a document id, enough for `dyad show`.
fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

fn learned_actors(store: &Store, limit: usize, as_json: bool) -> Result<ExitCode> {
    let rows = store.learned(limit)?;
    list(&rows, as_json, "no learned actors stored yet", |a| {
        let code = format!(
            "{}{}",
            a.code.as_deref().unwrap_or("---"),
            a.sector.as_deref().unwrap_or("")
        );
        let s = format!(
            "{:<24} {:<8} {:>3} documents  {}\n    {:?} ({})\n",
            a.name,
            code,
            a.documents,
            a.affiliation.as_deref().unwrap_or(""),
            a.evidence,
            short_id(&a.doc_id),
        );
        s
    })
}

/// The knowledge base's roles of a person that overlap the days the documents span, as
/// `RUS GOV president 2012-05-07..`.
fn roles_between(
    kb: Option<&dyad_kb::Kb>,
    entity: &str,
    first: Option<&str>,
    last: Option<&str>,
) -> Vec<String> {
    let day =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(kb), Some(first), Some(last)) = (kb, day(first), day(last)) else {
        return Vec::new();
    };
    let Some(p) = kb.people.iter().find(|p| p.id == entity) else {
        return Vec::new();
    };
    let show = |d: Option<dyad_kb::PartialDate>| d.map(|d| d.first.to_string()).unwrap_or_default();
    p.roles
        .iter()
        .filter(|r| r.from.is_none_or(|f| f.first <= last) && r.to.is_none_or(|t| t.last >= first))
        .map(|r| {
            format!(
                "{} {} {} {}..{}",
                r.code,
                r.sector,
                r.title,
                show(r.from),
                show(r.to)
            )
        })
        .collect()
}

fn actors(store: &Store, limit: usize, as_json: bool) -> Result<ExitCode> {
    let rows = store.actors(limit)?;
    let kb = dyad_kb::Kb::builtin().ok();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &rows {
        let roles = roles_between(
            kb.as_ref(),
            &a.entity,
            a.first_seen.as_deref(),
            a.last_seen.as_deref(),
        );
        if as_json {
            let mut v = serde_json::to_value(a)?;
            v["roles"] = serde_json::json!(roles);
            emit(&mut out, &v);
        } else {
            let code = format!(
                "{}{}",
                a.code.as_deref().unwrap_or("---"),
                a.sector.as_deref().unwrap_or("")
            );
            let mut s = format!(
                "{:<24} {:<7} {:<8} {:>5} mentions in {:>3} documents  e.g. {:?}\n",
                a.entity, a.kind, code, a.mentions, a.documents, a.example
            );
            if let (Some(f), Some(l)) = (&a.first_seen, &a.last_seen) {
                let ids: Vec<&str> = a.document_ids.iter().map(|d| short_id(d)).collect();
                s.push_str(&format!("    {f}..{l}, latest: {}\n", ids.join(" ")));
            }
            for r in &roles {
                s.push_str(&format!("    role: {r}\n"));
            }
            if out.write_all(s.as_bytes()).is_err() {
                break;
            }
        }
    }
    if rows.is_empty() {
        eprintln!("no actors stored yet");
    }
    Ok(ExitCode::SUCCESS)
}
