// The search of a built HTML reference in headless Chromium, for `make bench`:
//   node tests/site/latency.mjs DIR     (DIR: an html target's folder, <out>/<id>/html)
// Prints one line of JSON: for the first search, typed while nothing is loaded, the
// milliseconds to its first results ("first": search.js, codes and names) and to its complete
// answer ("cold": every page's texts too); then the slowest of several searches once the index
// is loaded, each the fastest of five runs ("search"; other processes only ever add to a run).
// Serves DIR on 127.0.0.1.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), 'package.json'));
const { chromium } = require('playwright-core');
const root = path.resolve(process.argv[2]);
const server = http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname));
  if (!file.startsWith(root) || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  const [first, cold] = await page.evaluate(() => new Promise((resolve) => {
    const q = document.getElementById('q'), head = document.getElementById('result-head');
    const list = document.getElementById('result-list');
    const t0 = performance.now();
    let first = null;
    q.value = 'expired';
    q.dispatchEvent(new Event('input'));
    (function poll() {
      if (first === null && list.children.length) first = performance.now() - t0;
      if (head.textContent && !head.textContent.startsWith('Loading')) resolve([first === null ? performance.now() - t0 : first, performance.now() - t0]);
      else setTimeout(poll, 5);
    })();
  }));
  const terms = ['expired', 'quota exceeded', 'payment', 'x', '-1', 'session_locked', 'no such thing'];
  const best = terms.map(() => Infinity);
  let rows = 0;
  for (let k = 0; k < 5; k++) {
    const t = await page.evaluate((terms) => terms.map((s) => {
      const q = document.getElementById('q');
      const t0 = performance.now();
      q.value = s;
      q.dispatchEvent(new Event('input'));
      return [performance.now() - t0, document.getElementById('result-list').children.length];
    }), terms);
    t.forEach((x, i) => { best[i] = Math.min(best[i], x[0]); });
    rows = t[0][1];
  }
  console.log(JSON.stringify({ first: first, cold: cold, search: Math.max(...best), results: rows }));
} finally {
  await browser.close();
  server.close();
}
