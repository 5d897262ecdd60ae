// Browser test of the web UI against a running `dyad serve` on the demo database: the timeline
// chart draws the dyad, an event opens its evidence with the trigger marked, a search finds a
// document, the context selector narrows the timeline and the network. Screenshots go to OUT_DIR. Usage: node ui.test.mjs http://127.0.0.1:PORT OUT_DIR
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node ui.test.mjs BASE_URL OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const errors = [];
page.on("pageerror", (e) => errors.push(`${e.stack || e.message} (at ${page.url()})`));
page.on("console", (m) => {
  if (m.type() === "error") errors.push(`console: ${m.text()} ${JSON.stringify(m.location())} (at ${page.url()})`);
});

async function check(name, f) {
  try {
    await f();
    console.log("ok   " + name);
  } catch (e) {
    failed += 1;
    // The whole message: a script error's stack says where it came from.
    console.log("FAIL " + name + ": " + e.message.split("\n").join("\n       "));
    await page.screenshot({ path: `${out}/failed-${name.replace(/\W+/g, "-")}.png`, fullPage: true }).catch(() => {});
  }
}

function expect(cond, what) {
  if (!cond) throw new Error(what);
}

await check("timeline", async () => {
  await page.goto(`${base}/#/?a=CHN&b=RUS&by=year`);
  await page.waitForSelector("#timeline-chart canvas", { timeout: 15000 });
  const rows = await page.locator("table.records tbody tr").count();
  expect(rows >= 3, `expected at least 3 years in the table, got ${rows}`);
  const heading = await page.locator("h1").textContent();
  expect(heading.includes("CHN") && heading.includes("RUS"), `heading ${heading}`);
  // The chart holds data: ECharts exposes its option on the instance.
  const bars = await page.evaluate(() => {
    const c = window.echarts.getInstanceByDom(document.getElementById("timeline-chart"));
    return c.getOption().series.filter((s) => s.type === "bar")
      .reduce((n, s) => n + s.data.reduce((a, v) => a + Math.abs(v), 0), 0);
  });
  expect(bars > 5, `the chart holds ${bars} events`);
  await page.screenshot({ path: `${out}/timeline.png`, fullPage: true });
});

await check("evidence", async () => {
  // From the event table to the document, with the event's trigger marked and in focus.
  await page.goto(`${base}/#/events?source=CHN&target=RUS`);
  await page.waitForSelector("table.records tbody tr");
  const trigger = (await page.locator("table.records tbody tr").first().locator("td").nth(4).textContent()).trim();
  // Each event shows its PLOVER contexts.
  const contexts = (await page.locator("table.records tbody tr").first().locator("td").nth(5).textContent()).trim();
  expect(contexts.includes("diplomatic"), `the first CHN->RUS event's contexts: ${contexts}`);
  await page.locator("table.records tbody tr").first().click();
  await page.waitForSelector("#doc-text mark.trigger.focus");
  const marked = (await page.locator("#doc-text mark.trigger.focus").first().textContent()).trim();
  expect(trigger.startsWith(marked.replace(/\d{4}(-\S+)?$/, "").trim()), `trigger ${trigger} vs marked ${marked}`);
  const people = await page.locator("#doc-text .m-PERSON").count();
  expect(people >= 1, "no person marked in the text");
  await page.screenshot({ path: `${out}/evidence.png`, fullPage: true });
});

await check("search", async () => {
  await page.goto(`${base}/#/`);
  await page.fill("#search-box", "Power of Siberia");
  await page.press("#search-box", "Enter");
  await page.waitForSelector("#search-results li");
  const first = await page.locator("#search-results li a").first().textContent();
  expect(/gas|Siberia|pipeline/i.test(first), `first hit: ${first}`);
  await page.screenshot({ path: `${out}/search.png`, fullPage: true });
  await page.locator("#search-results li a").first().click();
  await page.waitForSelector("#doc-text");
});

await check("quotes and network", async () => {
  await page.goto(`${base}/#/quotes`);
  await page.waitForSelector("table.records tbody tr");
  await page.screenshot({ path: `${out}/quotes.png`, fullPage: true });
  await page.goto(`${base}/#/network`);
  await page.waitForSelector("#network-chart canvas");
  await page.screenshot({ path: `${out}/network.png`, fullPage: true });
});

await check("context selector", async () => {
  // The timeline and the network take a PLOVER context from their forms, and pass it on.
  await page.goto(`${base}/#/?a=CHN&b=RUS&by=year`);
  await page.waitForSelector("#timeline-chart canvas", { timeout: 15000 });
  const all = await page.locator("table.records tbody tr").count();
  await page.fill("form.filters input[name=context]", "military");
  await page.press("form.filters input[name=context]", "Enter");
  await page.waitForFunction(() => location.hash.includes("context=military"));
  // The old table stays until the view is drawn again: wait for the new heading, not a row.
  await page.waitForFunction(
    () => (document.querySelector("h1")?.textContent || "").includes("(military)"),
    null,
    { timeout: 15000 },
  ).catch(() => {});
  await page.waitForSelector("table.records tbody tr, #timeline-empty");
  const heading = await page.locator("h1").textContent();
  expect(heading.includes("(military)"), `heading ${heading}`);
  const years = await page.locator("table.records tbody tr").count();
  expect(years <= all, `${years} military years, ${all} in all`);
  await page.screenshot({ path: `${out}/timeline-military.png`, fullPage: true });
  await page.goto(`${base}/#/network?context=economic`);
  await page.waitForSelector("#network-chart canvas");
  expect(await page.inputValue("form.filters input[name=context]") === "economic", "the network form keeps the context");
  const vias = await page.locator("table.records tbody tr td:nth-child(3)").allTextContents();
  expect(vias.length > 0 && vias.every((v) => v === "event"), `links via ${[...new Set(vias)]}`);
});

await check("pattern break", async () => {
  // The demo's New Year exchanges: the 2020 call breaks the pattern of Dec 31 messages.
  await page.goto(`${base}/#/breaks?dyad=CHN,RUS`);
  await page.waitForSelector("section.break");
  const text = await page.locator("section.break").first().textContent();
  expect(/form/i.test(text) && /timing/i.test(text), `break card: ${text.slice(0, 200)}`);
  expect(await page.locator("section.break tr.new-instance").count() === 1, "the new instance is marked");
  await page.screenshot({ path: `${out}/breaks.png`, fullPage: true });
  // Its evidence opens the document with the sentence in focus.
  await page.locator("section.break tr.new-instance a").first().click();
  await page.waitForSelector("#doc-text .focus-sentence");
  // The New Year exchanges are diplomatic: among military events alone there is no series.
  await page.goto(`${base}/#/breaks?dyad=CHN,RUS&context=military`);
  await page.waitForSelector("#breaks-empty");
  const empty = await page.locator("#breaks-empty").textContent();
  expect(/military/.test(empty), `empty military breaks: ${empty}`);
});

await check("position shift", async () => {
  await page.goto(`${base}/#/shifts?speaker=CHN&about=RUS`);
  await page.waitForSelector("section.shift");
  const text = await page.locator("section.shift").first().textContent();
  expect(/no limits/i.test(text) && /bottom line/i.test(text), `shift card: ${text.slice(0, 200)}`);
  await page.screenshot({ path: `${out}/shifts.png`, fullPage: true });
});

await check("corroboration", async () => {
  await page.goto(`${base}/#/corroboration?dyad=CHN,RUS`);
  await page.waitForSelector("table.records tbody tr");
  await page.screenshot({ path: `${out}/corroboration.png`, fullPage: true });
});

await check("no script errors", async () => {
  expect(errors.length === 0, errors.join("; "));
});

await browser.close();
console.log(failed ? `${failed} UI checks failed` : "all UI checks passed");
process.exit(failed ? 1 : 0);
