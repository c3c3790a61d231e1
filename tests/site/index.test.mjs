// The index of all catalogs (out/index.html, `errcat index`): every link
// reaches an existing page and anchor, nothing is requested from anywhere,
// and axe-core finds no violation. Prints "index: N passed, M failed".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'out');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
let passed = 0;
let failed = 0;
function check(what, ok, detail = '') {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL index: ${what}${detail ? `: ${detail}` : ''}`);
  }
}

const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    ids.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return ids.get(file);
};
const links = [...html.matchAll(/href="([^"#:]+)(?:#([^"]*))?"/g)];
check('links to every catalog page', links.length > 0);
let broken = [];
for (const [, file, anchor] of links) {
  const target = path.join(OUT, file);
  if (!fs.existsSync(target)) broken.push(file);
  else if (anchor && !idsOf(target).has(anchor)) broken.push(`${file}#${anchor}`);
}
check(`all ${links.length} links reach a page and an anchor`, broken.length === 0, broken.slice(0, 5).join(' '));
for (const dir of fs.readdirSync(OUT).filter((d) => fs.existsSync(path.join(OUT, d, 'json')))) {
  const cat = JSON.parse(fs.readFileSync(path.join(OUT, dir, 'json', `${dir}.json`), 'utf8'));
  const codes = cat.domains.reduce((n, d) => n + d.codes.length, 0);
  const listed = links.filter(([, f, a]) => f.startsWith(`${dir}/html/domain-`) && a && !a.endsWith('--other')).length; // a code is on its domain's page
  check(`${dir}: every code linked`, listed === codes, `${listed} of ${codes}`);
}

const { chromium } = await import('playwright-core');
const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'chromium-index-'));
const ctx = await chromium.launchPersistentContext(dataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  const page = ctx.pages()[0] || (await ctx.newPage());
  const url = pathToFileURL(path.join(OUT, 'index.html')).href;
  await page.goto(url);
  check('no request but the page itself', requests.every((r) => r === url), requests.join(' '));
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  check('axe-core: no violation', r.violations.length === 0, r.violations.map((v) => v.id).join(' '));
  const shots = process.env.SITE_OUT || path.join(ROOT, 'tests/site/out');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'catalogs-index.png'), fullPage: false });
} finally {
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`index: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
