// dyad's web UI: plain script over the JSON API, hash routes, ECharts for charts.
// Every number links to the records behind it, and every record to its sentence in context.
"use strict";

const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QUAD_COLORS = ["#7fb3d5", "#2e86c1", "#f0b27a", "#c0392b"];
const view = document.getElementById("view");
const charts = [];

// ---- helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "" && v !== false) qs.set(k, v);
  }
  const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: "not JSON (" + r.status + ")" }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) qs.set(k, v);
  location.hash = "#" + path + (qs.toString() ? "?" + qs : "");
}

function docLink(id, label, params) {
  const qs = new URLSearchParams(params || {}).toString();
  return el("a", { href: "#/doc/" + encodeURIComponent(id) + (qs ? "?" + qs : "") }, label);
}

function short(id) { return id ? id.slice(0, 8) : ""; }
function fmt(x) { return x === null || x === undefined ? "–" : (Math.round(x * 10) / 10).toFixed(1); }

function failure(e) {
  return el("p", { class: "error", role: "alert" }, "Error: " + e.message);
}

function clearCharts() {
  while (charts.length) charts.pop().dispose();
}

function chart(node) {
  if (!window.echarts) {
    node.append(el("p", { class: "muted" },
      "Charts need the ECharts library, fetched from npm when dyad is built (Node and npm were missing at build time)."));
    return null;
  }
  const c = window.echarts.init(node);
  charts.push(c);
  return c;
}

function table(columns, rows, onRow) {
  const t = el("table", { class: "records" },
    el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c[0])))));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", onRow ? { class: "clickable", onclick: () => onRow(r) } : {},
      columns.map((c) => el("td", {}, c[1](r))));
    body.append(tr);
  }
  t.append(body);
  return t;
}

function form(fields, values, onSubmit) {
  const f = el("form", { class: "filters" });
  for (const [name, label, placeholder] of fields) {
    f.append(el("label", {}, label + " ",
      el("input", { name, value: values.get(name) || "", placeholder: placeholder || "", size: 10 })));
  }
  f.append(el("button", { type: "submit" }, "Apply"));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    onSubmit(Object.fromEntries(new FormData(f).entries()));
  });
  return f;
}

// ---- timeline ------------------------------------------------------------------------------

async function timelineView(params) {
  const a = (params.get("a") || "CHN").toUpperCase();
  const b = (params.get("b") || "RUS").toUpperCase();
  const by = params.get("by") || "year";
  const context = (params.get("context") || "").trim().toLowerCase();
  view.append(el("h1", {}, `${a} ↔ ${b}` + (context ? ` (${context})` : "")));
  const f = form([["a", "Actor A", "CHN"], ["b", "Actor B", "RUS"], ["context", "Context", "military"]], params,
    (v) => go("/", { a: v.a, b: v.b, by, context: v.context }));
  const sel = el("select", { name: "by", "aria-label": "period" },
    ["week", "month", "year"].map((p) => el("option", { value: p, selected: p === by }, p)));
  sel.addEventListener("change", () => go("/", { a, b, by: sel.value, context }));
  f.insertBefore(el("label", {}, "by ", sel), f.lastChild);
  view.append(f);
  const t = await api("timeline", { a, b, by, context });
  if (context) {
    view.append(el("p", { class: "muted" }, `Only ${context} events; quotes have no context and are not counted.`));
  }
  if (!t.rows.length) {
    view.append(el("p", { class: "muted", id: "timeline-empty" },
      `No ${context ? context + " " : ""}events between ${a} and ${b}.`));
    return;
  }
  const holder = el("div", { id: "timeline-chart", class: "chart" });
  view.append(holder);
  const periods = t.rows.map((r) => r.period);
  const c = chart(holder);
  if (c) {
    const series = [];
    for (const [dir, label, sign] of [["forward", `${a}→${b}`, 1], ["backward", `${b}→${a}`, -1]]) {
      QUADS.forEach((q, i) => series.push({
        name: `${label} ${q}`, type: "bar", stack: dir, color: QUAD_COLORS[i],
        itemStyle: { opacity: dir === "forward" ? 1 : 0.6 },
        data: t.rows.map((r) => sign * r[dir].quad[i]),
        emphasis: { focus: "series" },
      }));
      series.push({
        name: `${label} mean intensity`, type: "line", yAxisIndex: 1, smooth: true, connectNulls: false,
        lineStyle: { type: dir === "forward" ? "solid" : "dashed" }, color: dir === "forward" ? "#1b2631" : "#7d3c98",
        data: t.rows.map((r) => (r[dir].events ? r[dir].intensity_mean : null)),
      });
    }
    c.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
        valueFormatter: (v) => (v === null || v === undefined ? "–" : Math.abs(Math.round(v * 10) / 10)) },
      legend: { type: "scroll", top: 0 },
      grid: { top: 60, left: 50, right: 50, bottom: 70 },
      xAxis: { type: "category", data: periods },
      yAxis: [{ type: "value", name: `events (${b}→${a} below)`, axisLabel: { formatter: (v) => Math.abs(v) } },
        { type: "value", name: "intensity", min: -10, max: 10 }],
      dataZoom: [{ type: "slider", bottom: 10 }, { type: "inside" }],
      series,
    });
    c.on("click", (p) => {
      const forward = !p.seriesName.startsWith(`${b}→`);
      const [from, to] = periodBounds(p.name);
      go("/events", { source: forward ? a : b, target: forward ? b : a, from, to, context });
    });
  }
  view.append(el("h2", {}, "Per period"));
  view.append(table([
    ["period", (r) => r.period],
    [`${a}→${b} events`, (r) => r.forward.events],
    ["quad 1/2/3/4", (r) => r.forward.quad.join("/")],
    ["mean", (r) => (r.forward.events ? fmt(r.forward.intensity_mean) : "–")],
    [`${a} on ${b}: quotes`, (r) => r.forward.quotes],
    [`${b}→${a} events`, (r) => r.backward.events],
    ["quad 1/2/3/4", (r) => r.backward.quad.join("/")],
    ["mean", (r) => (r.backward.events ? fmt(r.backward.intensity_mean) : "–")],
    [`${b} on ${a}: quotes`, (r) => r.backward.quotes],
  ], t.rows, (r) => {
    const [from, to] = periodBounds(r.period);
    go("/events", { source: a, target: b, from, to, context });
  }));
  if (t.too_coarse) view.append(el("p", { class: "muted" }, `${t.too_coarse} events are dated too coarsely for this period.`));
}

// The first and last day of a period label: 2023, 2023-04 or 2023-W16.
function periodBounds(p) {
  if (/^\d{4}$/.test(p)) return [p, p];
  if (/^\d{4}-\d{2}$/.test(p)) return [p, p];
  const m = /^(\d{4})-W(\d{2})$/.exec(p);
  if (m) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
    const sunday = new Date(monday.getTime() + 6 * 864e5);
    return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
  }
  return [p, p];
}

// ---- events --------------------------------------------------------------------------------

function eventColumns() {
  return [
    ["date", (e) => e.date || e.published || ""],
    ["source", (e) => actorCell(e.source, e.source_code)],
    ["type", (e) => el("span", { class: "q" + e.quad }, e.type || "STATEMENT", el("small", {}, " " + e.cameo))],
    ["target", (e) => actorCell(e.target, e.target_code)],
    ["trigger", (e) => e.trigger + (e.negated ? " (negated)" : "") + (e.modality ? ` (${e.modality})` : "")],
    ["context", (e) => (e.context || []).join(", ") + (e.reciprocal ? " (reciprocal)" : "")],
    ["outlet", (e) => e.outlet || ""],
    ["sentence", (e) => el("span", { class: "sentence" }, e.sentence)],
  ];
}

function actorCell(text, code) {
  if (!text && !code) return "";
  return el("span", {}, text || "", code ? el("code", {}, " " + code) : "");
}

async function eventsView(params) {
  view.append(el("h1", {}, "Events"));
  view.append(form([["source", "Source", "CHN"], ["target", "Target", "RUS"], ["type", "Type", "CONSULT"],
    ["context", "Context", "military"], ["from", "From", "2022-01"], ["to", "To", "2023"]], params,
    (v) => go("/events", v)));
  const rows = await api("events", Object.fromEntries(params.entries()));
  view.append(el("p", { class: "muted" }, `${rows.length} events`));
  view.append(table(eventColumns(), rows, (e) => go("/doc/" + e.doc_id, { ev: e.n })));
}

// ---- evidence: a document with its layers marked --------------------------------------------

async function docView(id, params) {
  const { document: d, layers } = await api("documents/" + encodeURIComponent(id));
  view.append(el("h1", {}, d.title || "(untitled)"));
  view.append(el("p", { class: "muted" },
    [d.outlet, d.published && d.published.slice(0, 10), d.authors && d.authors.join(", ")].filter(Boolean).join(" · "),
    " ", d.url ? el("span", { class: "url" }, d.url) : "", " ", el("code", {}, short(d.id))));
  if (d.same_text && d.same_text.length) {
    view.append(el("p", { class: "muted" }, "Same text also in: ",
      d.same_text.map((o) => [docLink(o, short(o)), " "])));
  }
  view.append(el("p", { class: "legend" },
    el("span", { class: "m-PERSON" }, "person"), " ", el("span", { class: "m-AGENT" }, "role or group"), " ",
    el("span", { class: "m-ORG" }, "organisation"), " ", el("span", { class: "m-GPE" }, "place"), " ", el("span", { class: "trigger" }, "event trigger"), " ",
    el("span", { class: "quote" }, "quote")));
  const focus = params.get("ev");
  const sentenceNo = parseInt(params.get("s") || "", 10);
  const sentence = Number.isInteger(sentenceNo) ? d.sentences[sentenceNo - 1] : null;
  const wrap = el("div", { class: "evidence" });
  const text = el("article", { id: "doc-text", class: "doc-text" }, markup(d.body, layers, focus, sentence));
  const side = el("aside", {});
  side.append(el("h2", {}, `Events (${layers.events.length})`));
  side.append(table([
    ["date", (e) => e.date || ""],
    ["event", (e) => el("span", { class: "q" + e.quad }, `${e.source_code || "?"} ${e.type || "STATEMENT"} ${e.target_code || "?"}`)],
    ["context", (e) => (e.context || []).join(", ")],
    ["trigger", (e) => e.trigger + (e.negated ? " (negated)" : "") + (e.modality ? ` (${e.modality})` : "")],
  ], layers.events, (e) => go("/doc/" + d.id, { ev: e.n })));
  side.append(el("h2", {}, `Quotes (${layers.quotes.length})`));
  side.append(table([
    ["speaker", (q) => q.speaker || "?"],
    ["kind", (q) => q.kind + (q.hedged ? ", hedged" : "")],
    ["quote", (q) => d.body.length ? bytesSlice(d.body, q.start, q.end).slice(0, 160) : ""],
  ], layers.quotes));
  side.append(el("h2", {}, "Actors"));
  side.append(table([
    ["name", (a) => a.name], ["kind", (a) => a.kind], ["code", (a) => (a.code || "") + (a.sector || "")],
    ["mentions", (a) => a.mentions],
  ], d.actors));
  wrap.append(text, side);
  view.append(wrap);
  const target = text.querySelector(".focus");
  if (target) target.scrollIntoView({ block: "center" });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesSlice(s, start, end) {
  return decoder.decode(encoder.encode(s).slice(start, end));
}

// The stored spans are byte offsets into the UTF-8 text: cut the text at every boundary and
// give each piece the marks that cover it.
function markup(body, layers, focus, sentence) {
  const bytes = encoder.encode(body);
  const marks = [];
  if (sentence) marks.push({ s: sentence.start, e: sentence.end, kind: "sentence" });
  for (const m of layers.mentions) marks.push({ s: m.start, e: m.end, kind: "mention", m });
  for (const q of layers.quotes) marks.push({ s: q.start, e: q.end, kind: "quote", q });
  for (const ev of layers.events) marks.push({ s: ev.start, e: ev.end, kind: "trigger", ev });
  const cuts = new Set([0, bytes.length]);
  for (const k of marks) { cuts.add(k.s); cuts.add(k.e); }
  const points = [...cuts].filter((x) => x >= 0 && x <= bytes.length).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const piece = decoder.decode(bytes.slice(s, e));
    const on = marks.filter((k) => k.s <= s && k.e >= e && k.s < k.e);
    let node = document.createTextNode(piece);
    for (const k of on.sort((x, y) => (y.e - y.s) - (x.e - x.s)).reverse()) {
      node = wrapMark(k, node, focus);
    }
    out.push(node);
  }
  return out;
}

function wrapMark(k, inner, focus) {
  if (k.kind === "sentence") return el("span", { class: "focus-sentence focus" }, inner);
  if (k.kind === "mention") {
    const m = k.m;
    const title = [m.kind, m.entity, (m.code || "") + (m.sector || "")].filter(Boolean).join(" · ");
    return el("span", { class: "m-" + m.kind, title }, inner);
  }
  if (k.kind === "quote") {
    const q = k.q;
    return el("span", { class: "quote", title: `${q.kind} quote · ${q.speaker || "unknown speaker"}${q.hedged ? " · hedged" : ""}` }, inner);
  }
  const ev = k.ev;
  const title = `${ev.type || "STATEMENT"} (CAMEO ${ev.cameo}) · ${ev.source || "?"} [${ev.source_code || "?"}] → ${ev.target || "?"} [${ev.target_code || "?"}] · date ${ev.date || "?"}` +
    (ev.negated ? " · negated" : "") + (ev.modality ? " · " + ev.modality : "") + (ev.pattern ? " · pattern: " + ev.pattern : "");
  return el("mark", { class: "trigger q" + ev.quad + (String(ev.n) === focus ? " focus" : ""), title, "data-event": ev.n }, inner,
    ev.date ? el("sup", { class: "date" }, ev.date) : "");
}

// ---- quotes --------------------------------------------------------------------------------

async function quotesView(params) {
  view.append(el("h1", {}, "Quotes"));
  view.append(form([["speaker", "Speaker", "Wang Yi"], ["about", "About", "Russia"], ["from", "From", "2022"],
    ["to", "To", "2024"]], params, (v) => go("/quotes", v)));
  const rows = await api("quotes", Object.assign({ limit: 2000 }, Object.fromEntries(params.entries())));
  view.append(el("p", { class: "muted" }, `${rows.length} quotes`));
  const bySpeaker = new Map();
  for (const q of rows) {
    const who = q.speaker_entity || q.speaker;
    if (!who || !q.published) continue;
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push(q);
  }
  const speakers = [...bySpeaker.entries()].sort((x, y) => y[1].length - x[1].length).slice(0, 20).map((x) => x[0]);
  if (speakers.length) {
    const holder = el("div", { id: "quotes-chart", class: "chart short" });
    view.append(holder);
    const c = chart(holder);
    if (c) {
      c.setOption({
        animation: false,
        tooltip: { formatter: (p) => `${p.data.who}<br>${p.data.date}<br>${p.data.content.slice(0, 200).replace(/[<>&]/g, "")}` },
        grid: { left: 180, right: 30, top: 20, bottom: 60 },
        xAxis: { type: "time" },
        yAxis: { type: "category", data: speakers },
        dataZoom: [{ type: "slider", bottom: 10 }, { type: "inside" }],
        series: [{ type: "scatter", symbolSize: 10, data: speakers.flatMap((who) => bySpeaker.get(who).map((q) => ({
          value: [q.published, who], who, date: q.published, content: q.content, doc: q.doc_id,
        }))) }],
      });
      c.on("click", (p) => go("/doc/" + p.data.doc));
    }
  }
  view.append(table([
    ["date", (q) => q.published || ""],
    ["speaker", (q) => q.speaker || "?"],
    ["kind", (q) => q.kind + (q.hedged ? ", hedged" : "")],
    ["quote", (q) => el("span", { class: "sentence" }, q.content)],
    ["via", (q) => (q.chain || []).map((s) => s.text + (s.anonymous ? " (anonymous)" : "")).join(" → ")],
    ["outlet", (q) => q.outlet || ""],
  ], rows, (q) => go("/doc/" + q.doc_id)));
}

// ---- network: actors linked by events, quotes about each other and stated relations --------

const VIA_COLORS = { event: "#2e86c1", quote: "#8e44ad", relation: "#16a085" };

async function networkView(params) {
  view.append(el("h1", {}, "Actor network"));
  const context = params.get("context") || "";
  view.append(form([["actor", "Actor", "Putin"], ["dyad", "Dyad", "CHN,RUS"], ["type", "Type", "CONSULT"],
    ["context", "Context", "military"], ["from", "From", "2022"], ["to", "To", "2024"]], params, (v) => go("/network", v)));
  view.append(el("p", { class: "muted" },
    "Links: events (blue, red when conflictual), quotes in which one actor speaks about another (purple), relations the texts state (green). Width is the number of reports; click a link for its evidence.",
    context ? " With a context, only the events in it: quotes and relations have none." : ""));
  const net = await api("network", Object.assign({ limit: 150 }, Object.fromEntries(params.entries())));
  if (!net.edges.length) {
    view.append(el("p", { class: "muted" }, "No links for these filters."));
    return;
  }
  const holder = el("div", { id: "network-chart", class: "chart tall" });
  const detail = el("div", { id: "network-detail" });
  view.append(holder, detail);
  const c = chart(holder);
  if (c) {
    const maxWeight = Math.max(...net.nodes.map((n) => n.weight), 1);
    c.setOption({
      animation: false,
      tooltip: {},
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        // Laid out at once, not over animation frames: the graph a user sees (and a
        // screenshot) is its final layout.
        force: { repulsion: 320, edgeLength: [70, 190], layoutAnimation: false },
        label: { show: true, formatter: (p) => p.data.label },
        edgeSymbol: ["none", "arrow"],
        data: net.nodes.map((n) => ({ id: n.id, name: n.id, label: n.label, value: n.weight,
          symbolSize: 10 + 30 * Math.sqrt(n.weight / maxWeight),
          tooltip: { formatter: `${n.label} (${n.kind}${n.code ? ", " + n.code : ""}): ${n.weight} reports` } })),
        links: net.edges.map((e, i) => ({ source: e.source, target: e.target, value: e.count, index: i,
          tooltip: { formatter: `${e.source} → ${e.target}: ${e.via} ${e.label}, ${e.count} in ${e.documents} documents` },
          lineStyle: { width: Math.min(1 + e.count, 9), curveness: 0.15,
            color: e.via === "event" && (e.quad === 3 || e.quad === 4) ? "#c0392b" : VIA_COLORS[e.via] || "#999" } })),
      }],
    });
    c.on("click", (p) => {
      if (p.dataType === "edge") showEdge(detail, net.edges[p.data.index]);
      else if (p.dataType === "node") go("/network", { actor: p.data.id, context });
    });
  }
  view.append(el("h2", {}, "Links"));
  view.append(table([
    ["from", (e) => e.source], ["to", (e) => e.target], ["via", (e) => e.via], ["what", (e) => e.label],
    ["count", (e) => e.count], ["documents", (e) => e.documents],
    ["mean intensity", (e) => (e.intensity_mean === null || e.intensity_mean === undefined ? "–" : fmt(e.intensity_mean))],
  ], net.edges, (e) => showEdge(detail, e)));
  if (net.edges_left_out) view.append(el("p", { class: "muted" }, `${net.edges_left_out} weaker links left out.`));
}

function showEdge(node, e) {
  node.replaceChildren(el("h2", {}, `${e.source} → ${e.target}: ${e.via} ${e.label}`),
    el("ul", { class: "evidence-list" }, (e.evidence || []).map((x) =>
      el("li", {}, docLink(x.doc_id, short(x.doc_id)), " ", el("span", { class: "muted" }, x.published || ""), " ", x.text))));
  node.scrollIntoView({ block: "nearest" });
}

// ---- pattern breaks ------------------------------------------------------------------------

function evidenceLink(x) {
  return docLink(x.doc_id, short(x.doc_id), x.sentence_n ? { s: x.sentence_n } : {});
}

async function breaksView(params) {
  const dyad = params.get("dyad") || "CHN,RUS";
  const context = (params.get("context") || "").trim().toLowerCase();
  view.append(el("h1", {}, "Pattern breaks" + (context ? ` (${context})` : "")));
  view.append(form([["dyad", "Dyad", "CHN,RUS"], ["context", "Context", "military"]], params,
    (v) => go("/breaks", v)));
  view.append(el("p", { class: "muted" },
    "Interactions that recur every year at the same time, and the instance that departs from them in form, timing, participants or content." +
    (context ? ` Only the ${context} events make the series.` : "")));
  const found = await api("breaks", { dyad, context });
  if (!found.length) {
    view.append(el("p", { class: "muted", id: "breaks-empty" },
      `No pattern break for ${dyad}${context ? " among " + context + " events" : ""}.`));
    return;
  }
  found.forEach((b, i) => {
    const card = el("section", { class: "card break" });
    card.append(el("h2", {}, `${b.dyad.join("–")}: “${b.terms.join(", ")}” ${b.family}, ${b.period}, usually on ${b.usual_day}`));
    card.append(el("ul", { class: "departures" }, b.departures.map((d) =>
      el("li", {}, el("strong", {}, d.aspect), ": usually ", d.usual, "; found ", d.found))));
    const holder = el("div", { class: "chart short", id: `break-chart-${i}` });
    card.append(holder);
    const rows = [...b.series.map((x) => Object.assign({ isNew: false }, x)), Object.assign({ isNew: true }, b.instance)];
    const c = chart(holder);
    if (c) {
      const offset = (x) => {
        const d = new Date(x.date + "T00:00:00Z");
        const usual = new Date(`${d.getUTCFullYear()}-${b.usual_day}T00:00:00Z`);
        let days = Math.round((d - usual) / 864e5);
        if (days > 180) days -= 365; else if (days < -180) days += 365;
        return days;
      };
      c.setOption({
        animation: false,
        tooltip: { formatter: (p) => `${p.data.date}: ${p.data.forms}<br>${p.data.participants}` },
        grid: { left: 60, right: 20, top: 30, bottom: 40 },
        xAxis: { type: "category", data: rows.map((x) => String(x.season)) },
        yAxis: { type: "value", name: `days from ${b.usual_day}`, minInterval: 1 },
        series: [{ type: "scatter", symbolSize: 16,
          data: rows.map((x) => ({ value: [String(x.season), offset(x)], date: x.date, forms: x.forms.join(", "),
            participants: x.participants.join("; "), symbol: x.isNew ? "diamond" : "circle",
            itemStyle: { color: x.isNew ? "#c0392b" : "#2e86c1" } })) }],
      });
    }
    card.append(tableWithNew(rows));
    view.append(card);
  });
}

function tableWithNew(rows) {
  const t = table([
    ["season", (x) => x.season + (x.isNew ? " (new)" : "")],
    ["date", (x) => x.date],
    ["form", (x) => x.forms.join(", ")],
    ["participants", (x) => x.participants.join("; ")],
    ["evidence", (x) => x.evidence.map((ev) => [evidenceLink(ev), " "])],
  ], rows);
  t.querySelectorAll("tbody tr").forEach((tr, i) => { if (rows[i].isNew) tr.classList.add("new-instance"); });
  return t;
}

// ---- position shifts -----------------------------------------------------------------------

async function shiftsView(params) {
  const speaker = params.get("speaker") || "CHN";
  const about = params.get("about") || "RUS";
  view.append(el("h1", {}, `Position shifts: ${speaker} on ${about}`));
  view.append(form([["speaker", "Speaker", "CHN"], ["about", "About", "RUS"]], params, (v) => go("/shifts", v)));
  const found = await api("shifts", { speaker, about });
  if (!found.length) {
    view.append(el("p", { class: "muted", id: "shifts-empty" }, "No shift in stance found."));
    return;
  }
  for (const sh of found) {
    const side = (label, x) => el("div", { class: "statement" },
      el("h3", {}, `${label}: ${x.date}`), el("p", {}, el("strong", {}, x.speaker || "?"), " — “", x.content, "”"),
      el("p", { class: "muted" }, `${x.stance.label}; ${x.stance.cues.join(", ")}`),
      el("p", {}, evidenceLink(x), " ", x.outlet || ""));
    view.append(el("section", { class: "card shift" },
      el("h2", {}, `${sh.kind} (${sh.theme.join(", ")})`),
      el("div", { class: "pair" }, side("before", sh.before), side("after", sh.after))));
  }
}

// ---- corroboration -------------------------------------------------------------------------

async function corroborationView(params) {
  view.append(el("h1", {}, "Corroboration"));
  view.append(form([["dyad", "Dyad", "CHN,RUS"], ["actor", "Actor", "Putin"], ["type", "Type", "CONSULT"],
    ["from", "From", "2022"], ["to", "To", "2024"]], params, (v) => go("/corroboration", v)));
  const r = await api("corroboration", Object.fromEntries(params.entries()));
  view.append(el("p", { class: "muted" },
    `${r.events} events in ${r.clusters_total} clusters; ${r.multi_document} reported by several documents, ${r.single_source} resting on one independent source.`));
  view.append(table([
    ["date", (c) => c.date || ""],
    ["dyad", (c) => c.dyad.join("–")],
    ["type", (c) => c.type || ""],
    ["reports", (c) => c.reports],
    ["documents", (c) => c.documents],
    ["sources", (c) => el("strong", {}, c.sources)],
    ["flags", (c) => [c.single_source && "single source", c.anonymous && "anonymous", c.hedged_reports && "hedged",
      c.claimed_reports && "claimed"].filter(Boolean).join(", ")],
    ["outlets", (c) => c.outlets.join(", ")],
    ["reports", (c) => c.members.map((m) => [docLink(m.doc_id, short(m.doc_id), { ev: m.n }), " "])],
  ], r.clusters));
}

// ---- actors and search ---------------------------------------------------------------------

async function actorsView() {
  view.append(el("h1", {}, "Actors"));
  const rows = await api("actors", { limit: 200 });
  view.append(table([
    ["actor", (a) => a.example || a.entity || ""],
    ["entity", (a) => a.entity],
    ["code", (a) => (a.code || "") + (a.sector || "")],
    ["documents", (a) => a.documents],
    ["mentions", (a) => a.mentions],
    ["first", (a) => a.first_seen || ""],
    ["last", (a) => a.last_seen || ""],
  ], rows, (a) => a.code && go("/events", { source: (a.code || "") + (a.sector || "") })));
}

async function searchView(params) {
  const q = params.get("q") || "";
  document.getElementById("search-box").value = q;
  view.append(el("h1", {}, `Search: ${q}`));
  const hits = await api("search", { q, limit: 50 });
  const list = el("ol", { id: "search-results", class: "hits" });
  for (const h of hits) {
    list.append(el("li", {}, docLink(h.id, h.title || short(h.id)), " ",
      el("span", { class: "muted" }, [h.outlet, h.published && h.published.slice(0, 10)].filter(Boolean).join(" · ")),
      el("div", { class: "snippet" }, h.snippet.replace(/[\[\]]/g, ""))));
  }
  view.append(hits.length ? list : el("p", { class: "muted" }, "No matches."));
}

// ---- router --------------------------------------------------------------------------------

async function render() {
  clearCharts();
  view.replaceChildren();
  const { parts, params } = route();
  const name = parts[0] || "timeline";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === name);
  view.dataset.view = name;
  view.setAttribute("aria-busy", "true");
  try {
    if (name === "timeline") await timelineView(params);
    else if (name === "events") await eventsView(params);
    else if (name === "doc" && parts[1]) await docView(decodeURIComponent(parts[1]), params);
    else if (name === "quotes") await quotesView(params);
    else if (name === "network") await networkView(params);
    else if (name === "breaks") await breaksView(params);
    else if (name === "shifts") await shiftsView(params);
    else if (name === "corroboration") await corroborationView(params);
    else if (name === "actors") await actorsView(params);
    else if (name === "search") await searchView(params);
    else view.append(el("p", {}, "No such page. ", el("a", { href: "#/" }, "Back to the timeline")));
  } catch (e) {
    view.append(failure(e));
  }
  view.setAttribute("aria-busy", "false");
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-box").value.trim();
  if (q) go("/search", { q });
});
window.addEventListener("hashchange", render);
// Charts follow the window once it has settled. A graph resized while ECharts is still
// setting it up throws inside ECharts (a full-page screenshot resizes the window for a
// moment): that chart keeps its size instead of the page logging an error.
let resizing = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => charts.forEach((c) => {
    try { c.resize(); } catch (e) { /* see above */ }
  }), 150);
});
api("stats").then((s) => {
  document.getElementById("db-stats").textContent = `${s.documents} documents · ${s.events} events · ${s.quotes} quotes`;
}).catch(() => {});
render();
