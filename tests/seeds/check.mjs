// Checks that every status, code, header and best-practice hint of the five
// seed documents appears in the compiled catalogs (out/<id>/json/<id>.json)
// with its message, HTTP status, retry semantics and hints. The seeds are
// parsed here independently of spec/, so a code left out of a catalog, or a
// message or status typed wrong, fails.
//   node tests/seeds/check.mjs SEEDS_DIR
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const seeds = process.argv[2] ?? "tests/data/seeds";
const seed = (prefix) =>
  readFileSync(join(seeds, readdirSync(seeds).find((f) => f.startsWith(prefix))), "utf8");
const catalog = (id) => JSON.parse(readFileSync(`out/${id}/json/${id}.json`, "utf8"));

let passed = 0;
let failed = 0;
function expect(what, cond, detail = "") {
  if (cond) passed++;
  else {
    failed++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ""}`);
  }
}
const norm = (s) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();
const status = (cat, n) => cat.statuses.find((s) => s.status === n);
const code = (cat, domain, c) =>
  cat.domains.find((d) => d.id === domain)?.codes.find((e) => e.code === c);
const rows = (text) =>
  text
    .split("\n")
    .filter((l) => /^\|/.test(l) && !/^\|\s*:?-/.test(l))
    .map((l) => l.split("|").slice(1, -1).map((c) => norm(c)));

// Seed 000: the portal's common codes (title and debug hint), in `ultra`.
const ultra = catalog("ultra");
for (const [num, title, debug] of rows(seed("000")).slice(1)) {
  const s = status(ultra, Number(num));
  expect(`ultra status ${num}`, s && s.title === title, s ? s.title : "missing");
  const words = debug.replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1 $2").split(/\W+/).filter(Boolean);
  expect(`ultra status ${num} debug hint`, s && words.every((w) => s.hint.includes(w)), s?.hint);
}

// Seed 001: order, execute, aggregator, RFQ codes; the program code of the
// example; the best-practice table as UI hints.
const t001 = seed("001");
const section = (title) => t001.split(title)[1];
const domains = [
  ["### Order Response Codes", "order"],
  ["### Execute Response Codes", "execute"],
  ["### Aggregator Swap Type Codes", "aggregator"],
  ["### RFQ Swap Type Codes", "rfq"],
];
for (const [title, domain] of domains) {
  const table = rows(section(title).split("\n\n").find((p) => p.includes("|")));
  for (const [num, message, debug] of table.slice(1)) {
    const e = code(ultra, domain, Number(num));
    expect(`ultra ${domain} ${num}`, e && norm(e.message) === message, e ? e.message : "missing");
    if (domain === "order")
      expect(`ultra ${domain} ${num} description`, e && norm(e.description) === debug, e?.description);
    else if (debug !== "-")
      expect(`ultra ${domain} ${num} debugging`, e && norm(e.hint).includes(debug), e?.hint);
  }
}
const slippage = code(ultra, "program", 6001);
expect("ultra program 6001", slippage && slippage.message === "Slippage tolerance exceeded");
const program = ultra.domains.find((d) => d.id === "program");
expect("ultra program fallback", program?.fallback?.message === "custom program error: #${code}");
const practices = rows(section("## Best Practices")).slice(1);
const hints = [
  ...ultra.domains.flatMap((d) => [...d.codes, ...(d.fallback ? [d.fallback] : [])]),
].map((e) => e.ui?.hint ?? "");
for (const [, practice] of practices)
  expect(`ultra best practice "${practice}"`, hints.some((h) => norm(h).includes(practice)));

// Seed 002: statuses, every string code with its typical status and retry
// answer, the rate-limit headers.
const swap = catalog("swap");
const t002 = seed("002");
const lines = t002.split("\n");
for (const l of lines) {
  const m = /^([A-Z_]+)(\d{3})(.+?)(Yes|No|Maybe|Depends)(.*)$/.exec(l);
  if (!m) continue;
  const [, name, st, meaning, answer, rest] = m;
  const e = code(swap, "errors", name);
  expect(`swap ${name}`, e && e.status === Number(st), e ? String(e.status) : "missing");
  expect(`swap ${name} meaning`, e && norm(e.description) === norm(meaning), e?.description);
  const said = norm(answer + rest);
  expect(`swap ${name} retry answer`, e && norm(e.hint + " " + e.retry.advice).includes(said), said);
  const retries = e && ["always", "after-action"].includes(e.retry.retry);
  expect(`swap ${name} retry semantics`, e && (answer === "Yes") === retries, e?.retry.retry);
}
for (const l of lines) {
  const m = /^(\d{3})\*?([A-Z].*)$/.exec(l); // "429Too Many RequestsRate limit exceeded ..."
  if (!m) continue;
  const s = status(swap, Number(m[1]));
  expect(`swap status ${m[1]}`, s && m[2].startsWith(s.title), s ? s.title : "missing");
}
for (const h of ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"])
  expect(`swap header ${h}`, swap.headers.some((x) => x.name === h));

// Seed 003: every "## NNN: Title" with its description.
const sc = catalog("statuscodes");
for (const m of seed("003").matchAll(/^## (\d{3}): (.+)$/gm)) {
  const s = status(sc, Number(m[1]));
  expect(`statuscodes ${m[1]}`, s && s.title === m[2] && s.description && s.when, s?.title);
}

// Seed 004: "NNN | Text | Description |" rows.
const se = catalog("statusenvelope");
for (const m of seed("004").matchAll(/^(\d{3}) \| ([^|]+) \| ([^|]+) \|$/gm)) {
  const s = status(se, Number(m[1]));
  expect(`statusenvelope ${m[1]}`, s && s.title === norm(m[2]), s?.title);
  expect(`statusenvelope ${m[1]} description`, s && norm(s.description) === norm(m[3]), s?.description);
}
expect("statusenvelope envelope", se.envelope.message === "status.message");

console.log(`seeds: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
