// The TypeScript module of the hostile catalog (compiled by tsc) gives back
// every string of every entry byte for byte as the JSON target has it, and
// every code and status under the identifier the view spells for it.
// Usage: node check.mjs MODULE.js EXPECT.json
// Prints what differs and "typescript: N checks, M failed".
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, expectPath] = process.argv.slice(2);
const mod = await import(pathToFileURL(modulePath).href);
const x = JSON.parse(readFileSync(expectPath, "utf8"));

let checks = 0;
let failures = 0;
const show = (v) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 150)} ... ${s.slice(-100)} (${s.length} chars)` : s;
};
function check(ok, where, got, want) {
  checks++;
  if (ok) return;
  failures++;
  if (failures <= 25) {
    console.log(`FAIL typescript: ${where}`);
    if (got !== undefined || want !== undefined) {
      console.log(`       got  ${show(got)}\n       want ${show(want)}`);
    }
  }
}
// Byte for byte: the UTF-8 of both sides.
const same = (a, b) =>
  typeof a === "string" && typeof b === "string"
    ? Buffer.from(a, "utf8").equals(Buffer.from(b, "utf8"))
    : JSON.stringify(a) === JSON.stringify(b);
const label = (e) =>
  e.kind === "status"
    ? `status ${e.code}`
    : e.kind === "fallback"
      ? `fallback of ${e.domain}`
      : `${e.domain} code ${show(e.code)}`;

for (const e of x.entries) {
  const got =
    e.kind === "status"
      ? mod.lookupStatus(e.code)
      : e.kind === "fallback"
        ? mod.fallback(e.domain)
        : mod.lookup(e.domain, e.code);
  check(got !== undefined, `${label(e)}: no entry`);
  if (got === undefined) continue;
  for (const [field, want] of Object.entries(e.fields)) {
    let have;
    switch (field) {
      case "code_str": have = got.codeStr; break;
      case "policy": have = got.retry.name; break;
      case "advice": have = got.retry.advice; break;
      case "delay_header": have = got.retry.delayHeader; break;
      case "params": have = [...got.params]; break;
      case "ui_hint": have = got.ui ? got.ui.hint : null; break;
      case "ui_actions": have = got.ui ? [...got.ui.actions] : null; break;
      case "deprecated":
      case "retired":
        check(got[field] === (want !== null), `${label(e)}: ${field} differs`, got[field], want);
        continue;
      default: have = got[field];
    }
    check(same(have, want), `${label(e)}: ${field} differs`, have, want);
  }
  if (e.kind === "code") {
    check(mod.lookupName(e.domain, e.fields.name) === got, `${label(e)}: lookupName`);
    const byIdent = mod.DOMAINS[e.domain]?.codes[e.name_upper];
    check(byIdent === got, `${label(e)}: DOMAINS.${e.domain}.codes.${e.name_upper}`);
    check(mod.isCode(e.domain, e.code), `${label(e)}: isCode`);
  } else if (e.kind === "fallback") {
    check(mod.DOMAINS[e.domain]?.fallback === got, `${label(e)}: DOMAINS.${e.domain}.fallback`);
  } else {
    check(mod.STATUSES[e.name_upper] === got, `${label(e)}: STATUSES.${e.name_upper}`);
  }
}
// The envelopes: paths reach classify() as written.
const env = (d) => d.envelope;
for (const d of x.domains) {
  const have = mod.DOMAINS[d.id]?.envelope;
  for (const key of ["code", "message", "details", "echo"]) {
    check(have !== undefined && same(have[key], env(d)[key]),
      `domain ${d.id}: envelope ${key} differs`, have?.[key], env(d)[key]);
  }
}
console.log(`typescript: ${checks} checks, ${failures} failed`);
process.exit(failures ? 1 : 0);
