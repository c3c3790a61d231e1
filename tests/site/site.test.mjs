// Tests of the html and markdown targets: static checks of the generated files, then the
// pages in headless Chromium (search, filters, anchors, copy link, accessibility with axe-core,
// no request leaving the page's own origin, hostile text staying text) and screenshots.
//
//   node tests/site/site.test.mjs        (tests/site/run.sh installs what it needs first)
//
// Environment: ERRCAT (default build/errcat), SITE_OUT (screenshots; default tests/site/out),
// SEEDS (the seed documents; default tests/data/seeds), CHROMIUM
// (default /usr/bin/chromium), VERBOSE=1 to print passing checks too.
// Prints one line per failure and closes with "site: N passed, M failed".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const ERRCAT = path.resolve(ROOT, process.env.ERRCAT || 'build/errcat');
const OUT = path.resolve(ROOT, process.env.SITE_OUT || 'tests/site/out');
const SEEDS = path.resolve(ROOT, process.env.SEEDS || 'tests/data/seeds');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CATALOGS = ['swap', 'ultra', 'statuscodes', 'statusenvelope'];

// ---------------------------------------------------------------------------------------
// A tiny runner: named checks, failures printed with their reason, a closing count.
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    if (process.env.VERBOSE) console.log(`ok   ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}`);
    const msg = err && err.plain ? err.message : (err && err.stack) || String(err);
    for (const line of msg.split('\n').slice(0, 40))
      console.log(`     | ${line}`);
  }
}
function fail(msg) {
  const e = new Error(msg);
  e.plain = true;
  throw e;
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}
function eq(got, want, what) {
  if (got !== want) fail(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

// ---------------------------------------------------------------------------------------
// Build every catalog, and the hostile one, into a fresh folder.
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'errcat-site-'));
const BUILD = path.join(TMP, 'out');
const built = {};
function build(yaml) {
  execFileSync(ERRCAT, ['build', yaml, '-o', BUILD, '-t', 'html,markdown,view'], { cwd: ROOT, stdio: 'pipe' });
}
// The html target writes index.html and a page per domain (domain-<page>.html): 'pages' maps
// each file to its text, 'html' is them all, index.html first.
function loadCatalog(id) {
  const dir = path.join(BUILD, id);
  const files = fs.readdirSync(path.join(dir, 'html')).filter((f) => f.endsWith('.html')).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a < b ? -1 : 1));
  const pages = Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dir, 'html', f), 'utf8')]));
  return {
    id,
    view: JSON.parse(fs.readFileSync(path.join(dir, 'view/view.json'), 'utf8')),
    md: fs.readFileSync(path.join(dir, 'markdown', `${id}.md`), 'utf8'),
    pages,
    html: Object.values(pages).join('\n'),
  };
}
// The page of catalog 'c' that holds the element 'anchor'.
function pageOf(c, anchor) {
  return Object.keys(c.pages).find((f) => c.pages[f].includes(` id="${anchor}"`));
}
// What the search index of a built catalog holds: search.js, with each page's rows (anchor,
// code, name, status, retry, state, aliases, alias names), then every search-<page>.js with
// the texts of those rows (message, description, hint, retry in a few words). 'pages' has each
// page's rows whole: anchor, code, name, message, description, hint, status, retry, retry in a
// few words, state, aliases, alias names.
function searchIndex(dir) {
  const read = (f) => {
    let got = null;
    new Function('errcatSearch', fs.readFileSync(path.join(dir, f), 'utf8'))((d) => { got = d; });
    return got;
  };
  const manifest = read('search.js');
  return {
    manifest,
    pages: manifest.pages.map((p) => {
      const texts = read(`search-${p[0]}.js`);
      eq(texts.rows.length, p[4].length, `search-${p[0]}.js: its rows`);
      return { page: texts.page, rows: p[4].map((k, i) => { const t = texts.rows[i]; return [k[0], k[1], k[2], t[0], t[1], t[2], k[3], k[4], t[3], k[5], k[6], k[7]]; }) };
    }),
  };
}

// Every entry of a catalog with the anchor the templates give it.
function entries(view) {
  const out = [];
  for (const d of view.domains) {
    for (const c of d.codes) out.push({ ...c, anchor: `${c.domain_kebab}-${c.name_kebab}`, domainTitle: d.title || d.id });
    if (d.fallback) out.push({ ...d.fallback, anchor: `${d.fallback.domain_kebab}--other`, domainTitle: d.title || d.id });
  }
  return out;
}
function messageText(entry) {
  return entry.message_parts.map((p) => (p.param ? '${' + p.param + '}' : p.text)).join('');
}

// ---------------------------------------------------------------------------------------
// Markdown helpers.

// The lines of a Markdown file outside fenced code blocks, with their numbers.
function proseLines(md) {
  const out = [];
  let fence = null;
  md.split('\n').forEach((line, i) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = null;
      return;
    }
    if (m) {
      fence = m[1];
      return;
    }
    out.push({ n: i + 1, line });
  });
  if (fence) out.push({ n: -1, line: '(unclosed fence)' });
  return out;
}

// Cell separators of a table row: the | not escaped by a backslash.
function pipes(line) {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

// Every table keeps the column count of its header in every row.
function tableProblems(md) {
  const lines = proseLines(md);
  const problems = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const head = lines[k];
    const sep = lines[k + 1];
    if (!head.line.startsWith('|') || !/^\|(\s*:?-+:?\s*\|)+\s*$/.test(sep.line) || sep.n !== head.n + 1) continue;
    const want = pipes(head.line);
    if (pipes(sep.line) !== want) problems.push(`line ${sep.n}: separator has ${pipes(sep.line)} pipes, header ${want}`);
    let j = k + 2;
    for (; j < lines.length && lines[j].n === lines[j - 1].n + 1 && lines[j].line.startsWith('|'); j++) {
      const got = pipes(lines[j].line);
      if (got !== want) problems.push(`line ${lines[j].n}: ${got} unescaped pipes, header has ${want}: ${lines[j].line.slice(0, 160)}`);
    }
    k = j - 1;
  }
  return problems;
}

// The text a reader sees, folded for comparison: entities decoded, tags and Markdown escapes
// and emphasis removed, everything but letters, digits and $ as one blank, lower case.
function fold(s) {
  return s
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$]+/gu, ' ')
    .trim();
}

// GitHub-flavoured Markdown to HTML, as a code host would show it (without its sanitizer).
async function renderMarkdown(md) {
  const { marked } = await import('marked');
  return marked.parse(md, { gfm: true, async: false });
}
function decode(s) {
  return s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
const mdNotes = new Set();
// Catalog prose (descriptions, hints, advice) is CommonMark inline text: what a reader sees of
// it is the text of errcat's HTML rendering of it ({{%prose x}}), tags dropped. Asked of errcat
// once for all the strings of a catalog.
const proseCache = new Map();
function proseTexts(strings) {
  const todo = [...new Set(strings.filter((s) => s && !proseCache.has(s)))];
  if (todo.length) {
    const data = path.join(TMP, 'prose.json'), tmpl = path.join(TMP, 'prose.mustache');
    fs.writeFileSync(data, JSON.stringify({ items: todo }));
    fs.writeFileSync(tmpl, '{{#items}}{{%prose .}}\u0001{{/items}}');
    const out = execFileSync(ERRCAT, ['render', tmpl, '--data', data, '--escape', 'html'], { encoding: 'utf8' });
    out.split('\u0001').slice(0, todo.length).forEach((h, i) => proseCache.set(todo[i], decode(h.replace(/<[^>]+>/g, ''))));
  }
}
function proseText(s) {
  if (!s) return s;
  proseTexts([s]);
  return proseCache.get(s);
}

// ---------------------------------------------------------------------------------------
// The seed documents: the tables of each, which the reference of its catalog must cover.
// Each seed is named by its opening words, not its file name.
const SEED_CATALOG = [
  { id: 'ultra', match: /dev\.jup\.ag\/portal\/responses/ },
  { id: 'ultra', match: /Response schemas and error codes for Ultra Swap API/ },
  { id: 'swap', match: /All error responses share a consistent JSON shape/ },
  { id: 'statuscodes', match: /permalink: \/status-codes/ },
  { id: 'statusenvelope', match: /Error Response Format/ },
];

// The cells of a seed's tables, each with the most pieces it may be split into: a cell of a
// Markdown table is one piece; a row of a table whose cells the page flattened into one line
// ("410GoneQuote expired (30s TTL)") is as many pieces as the table has columns.
function seedCells(text) {
  const cells = [];
  const lines = text.split('\n');
  const flatHeads = { CodeMeaningWhen: 3, 'codeTypical statusMeaningRetry?': 4, HeaderMeaning: 2 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (/^\|.*\|$/.test(line)) {
      // A Markdown table row; its header row names columns, so only code-like header cells count.
      const next = (lines[i + 1] || '').trim();
      const isHead = /^\|(\s*:?-+:?\s*\|)+$/.test(next);
      if (/^\|(\s*:?-+:?\s*\|)+$/.test(line)) continue;
      for (const cell of line.slice(1, -1).split('|').map((c) => c.trim())) {
        if (isHead && !/^`[^`]+`$/.test(cell)) continue;
        cells.push({ text: cell, pieces: 1 });
      }
    } else if (/^[^|]+( \| [^|]+)+ \|$/.test(line) && !/^Status Code \|/.test(line)) {
      // "400 | Bad Request | The parameter … |": a table without its leading pipe.
      for (const cell of line.split(' | ').map((c) => c.replace(/\s*\|$/, '').trim())) cells.push({ text: cell, pieces: 1 });
    } else if (flatHeads[line]) {
      for (let j = i + 1; j < lines.length && lines[j].trim(); j++) cells.push({ text: lines[j].trim(), pieces: flatHeads[line] });
    }
  }
  // "## 200: OK" sections with **Description:** and **When to expect:** paragraphs.
  const sec = /^## (\d{3}): (.+)$/;
  for (let i = 0; i < lines.length; i++) {
    const m = sec.exec(lines[i]);
    if (!m) continue;
    cells.push({ text: m[1], pieces: 1 }, { text: m[2], pieces: 1 });
    for (let j = i + 1; j < lines.length && !lines[j].startsWith('## '); j++) {
      if (/^\*\*(Description|When to expect):\*\*/.test(lines[j]) && lines[j + 1]) cells.push({ text: lines[j + 1].trim(), pieces: 1 });
    }
  }
  return cells
    .map((c) => ({ ...c, text: c.text.replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 $2') }))
    .filter((c) => fold(c.text) !== '');
}

// The fewest substrings of 'hay' that 'cell' splits into, or Infinity.
function pieces(cell, hay) {
  const s = cell;
  const best = new Array(s.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + 1; j <= s.length; j++) {
      const f = fold(s.slice(i, j));
      if (f && !hay.includes(f)) break;
      best[j] = Math.min(best[j], best[i] + 1);
    }
  }
  return best[s.length];
}

// Cells a catalog does not hold at all (its authors' choice, not the templates'): the
// check reports them as notes instead of failing. Listed here so that a new gap fails.
const SEED_GAPS = new Set([
  // The Best Practices table's "Example Error" column names situations, not codes; the
  // catalog carries their advice as UI hints (6001, INSUFFICIENT_FUNDS, program fallback).
  'ultra: Slippage exceeding threshold',
  'ultra: Non Jupiter Program Errors',
]);

// ---------------------------------------------------------------------------------------
// A static server for the built files on 127.0.0.1, which records every request it gets.
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, hits, origin: `http://127.0.0.1:${server.address().port}` })));
}

async function launch(options = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(TMP, 'chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    timeout: 30000,
    ...options,
  });
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n'));
}

// ---------------------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  await check('build the catalogs with -t html,markdown,view', () => {
    for (const id of CATALOGS) build(`spec/${id}.yaml`);
    build('tests/site/hostile.yaml');
    build('tests/golden/shop/catalog.yaml');
    build('tests/golden/stripe/catalog.yaml');
  });
  for (const id of [...CATALOGS, 'hostile', 'shop', 'stripe']) {
    try {
      built[id] = loadCatalog(id);
    } catch (err) {
      await check(`load ${id}`, () => fail(err.message));
    }
  }
  const all = Object.values(built);

  // --- Static checks of the generated files -------------------------------------------
  for (const c of all) {
    await check(`${c.id}.md: every table row keeps its column count`, () => {
      const p = tableProblems(c.md);
      assert(p.length === 0, p.join('\n'));
    });
    await check(`${c.id}.md: every fence is closed`, () => {
      assert(!proseLines(c.md).some((l) => l.n === -1), 'a fenced block runs to the end of the file');
    });
    await check(`${c.id}: one explicit anchor per code, in Markdown and HTML`, () => {
      const bad = [];
      for (const e of entries(c.view)) {
        const nmd = c.md.split(`<a id="${e.anchor}"></a>`).length - 1;
        const nhtml = c.html.split(` id="${e.anchor}"`).length - 1;
        if (nmd !== 1 || nhtml !== 1) bad.push(`${e.anchor}: ${nmd} in Markdown, ${nhtml} in HTML`);
      }
      assert(bad.length === 0, bad.join('\n'));
    });
    await check(`${c.id}: ids are unique and every #link has its target`, () => {
      const bad = [];
      for (const [what, text, idRe, linkRe] of [
        ['md', c.md, /<a id="([^"]+)"><\/a>/g, /\]\(#([^)\s]+)\)/g],
        ...Object.entries(c.pages).map(([f, t]) => [`html ${f}`, t, /\sid="([^"]+)"/g, /\shref="#([^"]*)"/g]),
      ]) {
        const ids = [...text.matchAll(idRe)].map((m) => m[1]);
        const seen = new Set();
        for (const id of ids) {
          if (seen.has(id)) bad.push(`${what}: id "${id}" twice`);
          seen.add(id);
        }
        for (const m of text.matchAll(linkRe)) {
          const target = what !== 'md' ? m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : m[1];
          const ok = what !== 'md' ? ids.some((id) => id.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&') === target) : seen.has(target);
          if (!ok) bad.push(`${what}: link to #${m[1]} has no target`);
        }
      }
      // Links to the site's other pages reach a page and an id there.
      for (const [f, t] of Object.entries(c.pages)) {
        for (const m of t.matchAll(/\shref="((?:index|domain-[a-z0-9-]+)\.html)(?:#([^"]*))?"/g)) {
          if (!c.pages[m[1]]) bad.push(`html ${f}: link to a missing page ${m[1]}`);
          else if (m[2] && !c.pages[m[1]].includes(` id="${m[2]}"`)) bad.push(`html ${f}: link to ${m[1]}#${m[2]} has no target`);
        }
      }
      assert(bad.length === 0, [...new Set(bad)].join('\n'));
    });
    await check(`${c.id}.html: the script's hash is the one the Content-Security-Policy allows`, () => {
      for (const html of Object.values(c.pages)) {
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
      eq(scripts.length, 1, 'script elements');
      const hash = createHash('sha256').update(scripts[0][1]).digest('base64');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      assert(csp, 'no Content-Security-Policy');
      assert(csp[1].includes(`'sha256-${hash}'`),
        `the script changed: put ${hash} in templates/html/_script_hash.mustache`);
      assert(/default-src 'none'/.test(csp[1]), 'the policy must forbid every fetch (default-src none)');
      }
    });
    await check(`${c.id}.html: no external resource is referenced`, () => {
      const refs = [...c.html.matchAll(/\s(src|href|action|srcset|poster|data)="([^"]*)"/g)]
        .map((m) => m[2]).filter((u) => !u.startsWith('#') && u !== 'data:,' && !/^(\.\.\/)?([a-z]{2,3}(-[A-Za-z0-9]+)*\/)?(index|domain-[a-z0-9-]+)\.html(#|$)/.test(u));
      const docs = c.view.catalog.docs_url;
      const bad = refs.filter((u) => u !== docs);
      assert(bad.length === 0, `references: ${bad.join(', ')}`);
      assert(!/@import|url\(/.test(c.html), 'the stylesheet loads something');
    });
  }

  // The search index file the html target writes (escaped as JSON: a *.json template).
  for (const c of all) {
    await check(`${c.id}: search.json is JSON and agrees with the catalog and the page`, () => {
      const text = fs.readFileSync(path.join(BUILD, c.id, 'html/search.json'), 'utf8');
      const index = JSON.parse(text);
      eq(index.catalog.title, c.view.catalog.title, 'title');
      const got = index.domains.flatMap((d) => [...d.codes, ...(d.fallback ? [d.fallback] : [])]);
      const want = entries(c.view);
      eq(got.length, want.length, 'entries');
      want.forEach((e, i) => {
        const g = got[i];
        eq(g.anchor, e.anchor, 'anchor');
        assert(c.html.includes(` id="${g.anchor}"`), `${g.anchor} is not an anchor of the page`);
        for (const k of ['message', 'description', 'hint']) eq(g[k], e[k], `${e.anchor} ${k}`);
        eq(g.code, e.is_fallback ? null : e.code, `${e.anchor} code`);
        eq(g.retry, e.retry.retry, `${e.anchor} retry`);
        eq(g.ui_hint, e.ui ? e.ui.hint : '', `${e.anchor} UI hint`);
      });
      eq(index.statuses.map((x) => x.status).join(), c.view.statuses.map((x) => x.status).join(), 'statuses');
    });
    await check(`${c.id}: search.js and search-<page>.js hold every code once, on the page that holds it`, () => {
      const { manifest, pages } = searchIndex(path.join(BUILD, c.id, 'html'));
      const rows = new Map();
      pages.forEach((p, i) => {
        eq(p.page, manifest.pages[i][0], 'page name');
        for (const r of p.rows) {
          assert(!rows.has(r[0]), `${r[0]} twice`);
          rows.set(r[0], r);
          eq(pageOf(c, r[0]), `domain-${p.page}.html`, `the page of ${r[0]}`);
        }
      });
      for (const e of entries(c.view)) {
        const r = rows.get(e.anchor);
        assert(r, `${e.anchor} is not in the search index`);
        eq(r[3], messageText(e), `${e.anchor} message`);
        eq(r[4], e.description || '', `${e.anchor} description`);
        eq(r[7], e.retry.retry, `${e.anchor} retry`);
      }
      eq(manifest.statuses.map((x) => x[1]).join(), c.view.statuses.map((x) => x.status).join(), 'statuses');
    });
  }

  // The seed documents' tables appear in the reference of their catalog (Markdown and HTML).
  const seedFiles = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
  await check(`seed documents are in ${SEEDS}`, () => assert(seedFiles.length === 5, `found ${seedFiles.length}`));
  const notes = [];
  for (const f of seedFiles) {
    const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    const seed = SEED_CATALOG.find((s) => s.match.test(text));
    if (!seed || !built[seed.id]) continue;
    const c = built[seed.id];
    for (const [what, doc] of [['md', c.md], ['html', c.html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ' ')]]) {
      await check(`seed ${f}: every table cell is in ${seed.id}.${what}`, () => {
        const hay = ` ${fold(doc)} `;
        const cells = seedCells(text);
        assert(cells.length > 0, 'no table found in the seed');
        const missing = [];
        for (const cell of cells) {
          if (pieces(cell.text, hay) <= cell.pieces) continue;
          const key = `${seed.id}: ${cell.text}`;
          if (SEED_GAPS.has(key)) notes.push(`${f} (${what}): "${cell.text}" is not in the catalog`);
          else missing.push(cell.text);
        }
        assert(missing.length === 0, `missing from ${seed.id}.${what}:\n${missing.join('\n')}`);
      });
    }
  }
  for (const n of new Set(notes)) console.log(`note: seed ${n}`);

  // Prose in Markdown reads back as the same inlines as errcat's HTML of it: a GFM renderer
  // (marked) against gen/inline.c, on CommonMark's tricky cases and what must stay text.
  await check('prose: the Markdown of each text renders as its HTML', async () => {
    const { marked } = await import('marked');
    const cases = [
      '*foo bar*', 'a * foo bar*', 'foo*bar*', '_foo bar_', 'foo_bar_', '*(*foo*)*', '_(bar)_.',
      '**foo bar**', 'foo**bar**', '*foo [bar](/url)*', '*foo**bar**baz*', '***foo** bar*',
      '*foo **bar***', 'foo***bar***baz', '**foo*', '*foo**', '*[bar*](/url)', '*a `*`*',
      'use *a* and **b** now', '`foo`', '`` foo ` bar ``', '`a|b`', '[link](/uri "title")',
      '[link](</my uri>)', '[a](<b)c>)', '[link](foo(and(bar)))', '[link](foo\\)\\:)',
      '[x](javascript:alert(1))', '<script>x</script>', '1. not a list', '# no', 'a\\*b\\*c',
      '[a [b](/c) d](/e)', '[ok](https://e.com/a_b?c=1&d=(2) "t\\" x")', 'hey![x](/y)',
      'x \\![y](/z)', 'a & b &amp; c', 'snake_case_name', '2*3*4', '**a** *b* `c` [d](/e)', 'x*y*',
      '*a*b', 'a*b*', '_a_b', '*a*!', '**bold**.', '(*a*)', '"*q*"', '*a\nb*', 'line\nline',
      '  lead', 'a | b', '~~x~~', '<b>x</b>', '*<b>*', '`<b>`', '[*](#a|b)', '***', 'a ***b*** c',
      '*a **b** c*', '**a *b* c**', '__a__', '_a *b* c_', '[`x`](/y)', '[x](/y "a\nb")',
      '![x](/b.png)', '[x](data:text/html,hi)',
    ];
    const data = path.join(TMP, 'cases.json'), tmpl = path.join(TMP, 'cases.mustache');
    fs.writeFileSync(data, JSON.stringify({ items: cases }));
    fs.writeFileSync(tmpl, '{{#items}}{{%prose .}}\u0001{{/items}}');
    const as = (e) => execFileSync(ERRCAT, ['render', tmpl, '--data', data, '--escape', e], { encoding: 'utf8' }).split('\u0001');
    const html = as('html'), md = as('markdown');
    const bad = [];
    cases.forEach((c, i) => {
      const got = marked.parseInline(md[i], { gfm: true }).replace(/<br>/g, '\n').replace(/&#10;/g, '\n');
      if (got !== html[i]) bad.push(`${JSON.stringify(c)}: Markdown ${JSON.stringify(md[i])} renders ${JSON.stringify(got)}, not ${JSON.stringify(html[i])}`);
    });
    assert(bad.length === 0, bad.join('\n'));
  });

  // Hostile text: Markdown keeps it as text.
  const H = built.hostile;
  if (H) {
    await check('hostile.md: no raw HTML or code span of catalog text outside fences', () => {
      const bad = [];
      for (const { n, line } of proseLines(H.md)) {
        if (/^<!-- Generated by errcat /.test(line)) continue; // the template's own comment
        if (/(^|[^\\])<(script|\/script|img|!--|b>|i>)/i.test(line)) bad.push(`line ${n}: raw tag: ${line.slice(0, 120)}`);
        // Prose makes code spans of its own (`code`); no backtick is left over.
        const ticks = line.replace(/\\./g, '').replace(/(`+)[^`]+?\1(?!`)/g, '');
        if (ticks.includes('`')) bad.push(`line ${n}: unescaped backtick: ${line.slice(0, 120)}`);
      }
      assert(bad.length === 0, bad.join('\n'));
    });
    for (const c of all) {
      await check(`${c.id}.md rendered (GFM): tables, anchors and catalog text as written`, async () => {
        const html = await renderMarkdown(c.md);
        const bad = [];
        // Every table: each row has the header's number of cells.
        for (const t of html.split('<table>').slice(1)) {
          const body = t.split('</table>')[0];
          const rows = body.split('<tr>').slice(1).map((r) => (r.match(/<t[hd][\s>]/g) || []).length);
          if (rows.some((n) => n !== rows[0])) bad.push(`a table with rows of ${[...new Set(rows)].join(', ')} cells`);
        }
        for (const e of entries(c.view)) if (!html.includes(`<a id="${e.anchor}"></a>`)) bad.push(`no anchor ${e.anchor}`);
        // Catalog text reads back as written once tags are dropped (line breaks are <br>).
        const text = decode(html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''));
        for (const e of entries(c.view)) {
          for (const [k, want] of [['message', messageText(e).replace(/\$\$/g, '$')], ['description', proseText(e.description)], ['hint', proseText(e.hint)]]) {
            if (!want || text.includes(want)) continue;
            if (text.includes(decode(want))) mdNotes.add(`${c.id} ${e.anchor} ${k}: "&" is not escaped, so an entity in catalog text shows as its character`);
            else bad.push(`${e.anchor} ${k} is not shown as written: ${JSON.stringify(want)}`);
          }
        }
        if (!text.includes(c.view.catalog.title)) bad.push('the title is not shown as written');
        assert(bad.length === 0, bad.join('\n'));
      });
    }
    await check('hostile.html: catalog text is escaped in the source', () => {
      eq((H.html.match(/<script/gi) || []).length, Object.keys(H.pages).length, '<script occurrences (each page\'s own only)');
      assert(!/<img\s/i.test(H.html), 'an <img> tag from catalog text');
      assert(!/<!-- (a comment|v|not a comment|comment) -->/.test(H.html), 'an HTML comment from catalog text');
    });
  }

  // A real API's catalog: header conditions of policies, a secondary domain, an echoed
  // header and parameters filled from the body, told in both references.
  const S = built.stripe;
  if (S) {
    await check('stripe: the references tell conditions, secondary domains, echoed headers and filled parameters', () => {
      // The text a reader sees: tags, Markdown's bold and backslash escapes dropped.
      const text = (t) => decode(t.replace(/<[^>]+>/g, '').replace(/\*\*/g, '').replace(/\\(.)/g, '$1'));
      const html = text(S.html).toLowerCase(), md = text(S.md).toLowerCase();
      for (const want of [
        'When Stripe-Should-Retry is true: Retry — resubmit the same signed request.',
        'when Stripe-Should-Retry is false: No retry — make the request smaller',
        'also read from error.decline_code',
        'echoes the header Request-Id',
        'filled from error.param in the body',
      ]) {
        assert(html.includes(want.toLowerCase()), `the HTML does not say: ${want}`);
        assert(md.includes(want.toLowerCase()), `the Markdown does not say: ${want}`);
      }
    });
  }

  // --- In the browser -------------------------------------------------------------------
  const site = await serve(BUILD);
  const url = (id, hash = '', file = 'index.html') => `${site.origin}/${id}/html/${file}${hash}`;
  let ctx;
  const requests = [];
  const pageErrors = [];
  try {
    await check('launch chromium', async () => {
      ctx = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
    });
    if (!ctx) throw new Error('no browser');
    ctx.on('request', (r) => requests.push(r.url()));
    const page = ctx.pages()[0] || (await ctx.newPage());
    page.setDefaultTimeout(10000);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });

    // The results once the search index is loaded: 'href' is the anchor part of each link,
    // 'page' the page it names ('' for this page).
    const settled = () => page.waitForFunction(() => document.getElementById('results').hidden ||
      !document.getElementById('result-head').textContent.startsWith('Loading'));
    const results = async () => {
      await settled();
      return page.$$eval('#result-list a', (as) => as.map((a) => {
        const h = a.getAttribute('href');
        return { href: h.slice(h.indexOf('#')), page: h.slice(0, h.indexOf('#')), text: a.textContent };
      }));
    };
    async function searchFor(q) {
      await page.fill('#q', '');
      await page.type('#q', q);
      await page.waitForFunction(() => !document.getElementById('results').hidden);
      return results();
    }
    const landOn = (hash) => page.waitForURL((u) => u.hash === hash);

    // Swap: search, follow a result, the code's retry advice.
    await check('swap: "expired" finds QUOTE_EXPIRED', async () => {
      await page.goto(url('swap'));
      assert(await page.isVisible('#q'), 'the search box is not shown (did the script run?)');
      const r = await searchFor('expired');
      assert(r.some((x) => x.href === '#errors-quote-expired'), `results: ${JSON.stringify(r)}`);
      eq(r[0].href, '#errors-quote-expired', 'the best result');
      eq(r[0].page, 'domain-errors.html', 'the page of the best result');
    });
    await page.screenshot({ path: path.join(OUT, 'swap-search-light.png') });
    await check('swap: following the result lands on the code, retry advice shown', async () => {
      await page.click('#result-list a[href$="#errors-quote-expired"]');
      await landOn('#errors-quote-expired');
      assert(await page.isHidden('#results'), 'the results stay open');
      const art = page.locator('article#errors-quote-expired');
      assert(await art.isVisible(), 'the article is not visible');
      const box = await art.boundingBox();
      const bar = await page.locator('#search').boundingBox();
      assert(box.y >= bar.y + bar.height - 1 && box.y < 900, `the article is at y=${box.y}, under the bar at ${bar.y + bar.height}`);
      const retry = art.locator('.callout.retry');
      assert(await retry.isVisible(), 'no retry callout');
      const t = await retry.textContent();
      assert(t.includes('Retry — re-quote first') && t.includes('Get a new quote, then retry with it.'), `retry callout: ${t}`);
      eq(await art.locator('.badges .retry').textContent(), 'Retry — re-quote first', 'retry badge');
      eq((await art.locator('.badges .status').textContent()).trim(), '410 Gone', 'status badge');
    });
    await page.screenshot({ path: path.join(OUT, 'swap-code-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(OUT, 'swap-code-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    await check('swap: filters by status, retry behaviour and domain', async () => {
      await page.goto(url('swap'));
      await page.selectOption('#f-status', '503');
      let r = await results();
      eq(r.map((x) => x.href).join(' '), '#errors-blockhash-unavailable #errors-service-unavailable #errors-bundle-unavailable #status-503', 'status 503');
      await page.selectOption('#f-retry', 'always');
      r = await results();
      eq(r.map((x) => x.href).join(' '), '#errors-blockhash-unavailable #errors-service-unavailable #status-503', 'status 503, retry always');
      await page.selectOption('#f-status', '');
      await page.selectOption('#f-retry', 'after-action');
      r = await results();
      eq(r.map((x) => x.href).join(' '), '#errors-quote-expired', 'retry after-action');
      await page.fill('#q', 'no such words');
      await page.selectOption('#f-retry', '');
      r = await results();
      eq(r.length, 0, 'results for nonsense');
      eq(await page.textContent('#result-count'), 'No match.', 'the live count');
    });
    await check('swap: copy link puts the code\'s address on the clipboard', async () => {
      await page.goto(url('swap', '', 'domain-errors.html'));
      await page.click('article#errors-rate-limited button.copy');
      await page.waitForFunction(() => document.querySelector('article#errors-rate-limited button.copy').hasAttribute('data-done'));
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      eq(clip, url('swap', '#errors-rate-limited', 'domain-errors.html'), 'clipboard');
      eq(new URL(page.url()).hash, '#errors-rate-limited', 'address bar');
    });
    await check('swap: "/" focuses the search box and Enter opens the best result', async () => {
      await page.goto(url('swap'));
      await page.keyboard.press('/');
      eq(await page.evaluate(() => document.activeElement.id), 'q', 'focused element');
      await page.keyboard.type('rate limited');
      await page.waitForFunction(() => !document.getElementById('results').hidden);
      await page.keyboard.press('Enter');
      await landOn('#errors-rate-limited');
    });

    // Ultra: the RFQ and aggregator codes, a code with a UI hint.
    await check('ultra: "expired" finds RFQ -2003 and aggregator -1005', async () => {
      await page.goto(url('ultra'));
      const r = await searchFor('expired');
      const hrefs = r.map((x) => x.href);
      assert(hrefs.includes('#rfq-quote-expired'), `no -2003: ${hrefs}`);
      assert(hrefs.includes('#aggregator-expired'), `no -1005: ${hrefs}`);
      const t = r.find((x) => x.href === '#rfq-quote-expired').text;
      assert(t.includes('-2003') && t.includes('QUOTE_EXPIRED'), `result text: ${t}`);
    });
    await page.screenshot({ path: path.join(OUT, 'ultra-search-light.png') });
    await check('ultra: following -2003 shows its retry advice', async () => {
      await page.click('#result-list a[href$="#rfq-quote-expired"]');
      await landOn('#rfq-quote-expired');
      const art = page.locator('article#rfq-quote-expired');
      assert(await art.locator('.callout.retry').isVisible(), 'no retry callout');
      assert((await art.locator('.debug').textContent()).includes('User did not respond in time'), 'no debug hint');
    });
    await check('ultra: a code\'s UI hint and retry advice are shown (6001)', async () => {
      const r = await searchFor('slippage');
      assert(r.some((x) => x.href === '#program-slippage-tolerance-exceeded'), `results: ${JSON.stringify(r)}`);
      await page.click('#result-list a[href$="#program-slippage-tolerance-exceeded"]');
      const art = page.locator('article#program-slippage-tolerance-exceeded');
      const ui = art.locator('.callout.ui');
      assert(await ui.isVisible(), 'no UI hint');
      assert((await ui.textContent()).includes('Show the user the current slippage tolerance and the incurred slippage'), 'UI hint text');
      assert(await art.locator('.callout.retry').isVisible(), 'no retry callout');
    });
    await page.screenshot({ path: path.join(OUT, 'ultra-code-light.png') });
    await check('ultra: the domain filter and the fallback', async () => {
      await page.goto(url('ultra'));
      await page.selectOption('#f-domain', 'rfq');
      await page.waitForFunction(() => !document.getElementById('results').hidden);
      const r = await results();
      eq(r.length, 6, 'RFQ codes');
      await page.selectOption('#f-domain', 'program');
      const p = await results();
      assert(p.some((x) => x.href === '#program--other'), `the fallback: ${JSON.stringify(p)}`);
      await page.click('#result-list a[href$="#program--other"]');
      await landOn('#program--other');
      const art = page.locator('article#program--other');
      assert((await art.locator('.callout.ui').textContent()).includes('requote'), 'fallback UI actions');
    });

    // Every page: the script runs under its policy, nothing fails, axe finds nothing (both
    // themes, and with the results open), and the screenshots.
    for (const id of CATALOGS) {
      for (const scheme of ['light', 'dark']) {
        await check(`${id}: axe-core finds no violation (${scheme})`, async () => {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(url(id));
          assert(await page.isVisible('#q'), 'the search box is not shown (did the script run?)');
          const v = await axeViolations(page);
          assert(v.length === 0, v.join('\n'));
          await page.screenshot({ path: path.join(OUT, `${id}-index-${scheme}.png`) });
          for (const f of Object.keys(built[id].pages).filter((x) => x !== 'index.html').slice(0, 2)) {
            await page.goto(url(id, '', f));
            const w = await axeViolations(page);
            assert(w.length === 0, `${f}:\n${w.join('\n')}`);
          }
        });
      }
    }
    await check('statuscodes: the search finds statuses (a catalog without codes)', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url('statuscodes'));
      let r = await searchFor('rate limit');
      eq(r.map((x) => x.href).join(' '), '#status-429', 'results for "rate limit"');
      r = await searchFor('405');
      eq(r[0].href, '#status-405', 'the best result for "405"');
      await page.click('#result-list a[href$="#status-405"]');
      await landOn('#status-405');
      assert(await page.isVisible('tr#status-405'), 'the row is not visible');
    });
    if (S) {
      for (const scheme of ['light', 'dark']) {
        await check(`stripe: axe-core finds no violation on every page (${scheme})`, async () => {
          await page.emulateMedia({ colorScheme: scheme });
          const bad = [];
          for (const f of Object.keys(S.pages)) {
            await page.goto(url('stripe', '', f));
            const v = await axeViolations(page);
            if (v.length) bad.push(`${f}:\n${v.join('\n')}`);
          }
          assert(bad.length === 0, bad.join('\n'));
        });
      }
    }
    if (H) {
      await check('hostile: axe-core finds no violation', async () => {
        await page.goto(url('hostile'));
        const v = await axeViolations(page);
        assert(v.length === 0, v.join('\n'));
      });
    }
    // A catalog that ships translations: a site per locale, with the same anchors, the
    // locale's language and direction, a switcher whose links resolve, axe clean.
    const LOCALES = { fr: 'ltr', ar: 'rtl', pl: 'ltr' };
    const shopDir = path.join(BUILD, 'shop/html');
    const anchorsOf = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort()
      .map((f) => `${f}: ${[...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]).join(' ')}`).join('\n');
    for (const [tag, dir] of Object.entries(LOCALES)) {
      await check(`shop ${tag}: the same pages and anchors as the source, lang and dir`, () => {
        const ld = path.join(shopDir, tag);
        eq(anchorsOf(ld), anchorsOf(shopDir), `${tag}'s pages and anchors`);
        for (const f of fs.readdirSync(ld).filter((x) => x.endsWith('.html'))) {
          const text = fs.readFileSync(path.join(ld, f), 'utf8');
          assert(text.includes(`<html lang="${tag}" dir="${dir}">`), `${tag}/${f}: no <html lang="${tag}" dir="${dir}">`);
          for (const m of text.matchAll(/<nav class="locales"[^]*?<\/nav>/g))
            for (const h of m[0].matchAll(/href="([^"]+)"/g))
              assert(fs.existsSync(path.join(ld, h[1])), `${tag}/${f}: the switcher links to ${h[1]}, which is not there`);
        }
      });
    }
    await check('shop: translated texts in the pages and the Markdown of each locale', () => {
      const fr = fs.readFileSync(path.join(shopDir, 'fr/domain-cart.html'), 'utf8');
      assert(fr.includes('n’est pas au catalogue'), 'the French message is missing');
      assert(fs.readFileSync(path.join(shopDir, 'ar/index.html'), 'utf8').includes('غير موجود'), 'the Arabic status title is missing');
      const md = fs.readFileSync(path.join(BUILD, 'shop/markdown/fr/shop.md'), 'utf8');
      assert(md.includes('Un panier contient au plus'), 'the French Markdown lacks its message');
      assert(md.includes('[en](../shop.md)'), 'the French Markdown does not link the source');
    });
    for (const f of ['index.html', 'fr/domain-stock.html', 'ar/domain-cart.html', 'ar/index.html']) {
      await check(`shop ${f}: axe-core finds no violation; the page reads in its direction`, async () => {
        await page.goto(url('shop', '', f));
        const v = await axeViolations(page);
        assert(v.length === 0, v.join('\n'));
        const want = f.startsWith('ar/') ? 'rtl' : 'ltr';
        eq(await page.evaluate(() => getComputedStyle(document.body).direction), want, 'the direction');
      });
    }
    await page.screenshot({ path: path.join(OUT, 'shop-ar.png') }).catch(() => {});
    await check('ultra: axe-core finds no violation with the results open (dark)', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(url('ultra'));
      await searchFor('expired');
      const v = await axeViolations(page);
      assert(v.length === 0, v.join('\n'));
      await page.screenshot({ path: path.join(OUT, 'ultra-search-dark.png') });
    });
    await page.emulateMedia({ colorScheme: 'light' });

    await check('ultra: readable on a phone (no sideways scrolling)', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(url('ultra'));
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(w <= 390, `the page is ${w}px wide`);
      await page.screenshot({ path: path.join(OUT, 'ultra-phone-light.png') });
      await page.goto(url('ultra', '#program-slippage-tolerance-exceeded'));
      await page.screenshot({ path: path.join(OUT, 'ultra-phone-code-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await searchFor('expired');
      await page.screenshot({ path: path.join(OUT, 'ultra-phone-search-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    await check('swap: the print stylesheet hides the controls', async () => {
      await page.goto(url('swap'));
      await page.emulateMedia({ media: 'print' });
      assert(await page.isHidden('#search'), 'the search bar prints');
      assert(await page.isHidden('.toc'), 'the contents print');
      assert(await page.locator('button.copy').first().isHidden(), 'copy buttons print');
      await page.screenshot({ path: path.join(OUT, 'swap-print.png'), fullPage: false });
      await page.emulateMedia({ media: 'screen' });
    });

    // Hostile text in the page, with the Content-Security-Policy on: it stays text.
    if (H) {
      await check('hostile: every string is shown literally (policy on)', async () => {
        await page.goto(url('hostile'));
        eq(await page.textContent('h1'), H.view.catalog.title, 'title');
        eq(await page.title(), `${H.view.catalog.title} — error reference`, 'document title');
        eq(await page.textContent('#overview .lead'), proseText(H.view.catalog.description), 'description');
        for (const e of entries(H.view)) {
          if (new URL(page.url()).pathname.split('/').pop() !== pageOf(H, e.anchor)) await page.goto(url('hostile', '', pageOf(H, e.anchor)));
          const art = page.locator(`article[id="${e.anchor}"]`);
          eq(await art.locator('.msg').textContent(), messageText(e), `${e.anchor} message`);
          if (e.description) eq(await art.locator('.desc').textContent(), proseText(e.description), `${e.anchor} description`);
          if (e.hint) eq(await art.locator('.debug .s').textContent(), proseText(e.hint), `${e.anchor} hint`);
          if (!e.is_fallback) eq(await art.locator('h3 .code').textContent(), e.code_text, `${e.anchor} code`);
          if (e.retry.advice) assert((await art.locator('.callout.retry').textContent()).includes(proseText(e.retry.advice)), `${e.anchor} advice`);
          if (e.ui && e.ui.hint) eq(await art.locator('.callout.ui p:nth-child(2)').textContent(), e.ui.hint, `${e.anchor} UI hint`);
          for (const ex of e.examples) assert((await art.locator('pre code').allTextContents()).includes(ex.body_json), `${e.anchor} example`);
        }
        await page.goto(url('hostile'));
        const r = await searchFor('pwned');
        assert(r.length >= 2, `searching hostile text: ${JSON.stringify(r)}`);
        assert(r.some((x) => x.text.includes('<script>window.__pwned=1</script>')), 'results show the text literally');
      });
      await page.screenshot({ path: path.join(OUT, 'hostile-light.png') });
    }
    // A catalog of 10,000 codes (tests/bench/gen_catalog.py): split into pages of at most
    // 2 MB, searched within 100 ms once its index is loaded, old links sent to the right page.
    await check('10,000 codes: built as pages of at most 2 MB each', () => {
      execFileSync('python3', [path.join(ROOT, 'tests/bench/gen_catalog.py'), path.join(TMP, 'big'), '10000'], { stdio: 'pipe' });
      execFileSync(ERRCAT, ['build', path.join(TMP, 'big/n10000/bench.yaml'), '-o', BUILD, '-t', 'html'], { cwd: ROOT, stdio: 'pipe' });
      const dir = path.join(BUILD, 'bench/html');
      const sizes = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => [f, fs.statSync(path.join(dir, f)).size]);
      sizes.sort((a, b) => b[1] - a[1]);
      assert(sizes.length > 8, `only ${sizes.length} pages`);
      assert(sizes[0][1] <= 2 * 1024 * 1024, `${sizes[0][0]} is ${sizes[0][1]} bytes`);
      const index = searchIndex(dir);
      const rows = index.pages.reduce((n, p) => n + p.rows.length, 0);
      assert(rows >= 10000, `the search index holds ${rows} rows`);
      console.log(`note: 10,000 codes: ${sizes.length} pages, the largest ${sizes[0][0]} ${(sizes[0][1] / 1048576).toFixed(2)} MiB; the index page ${(fs.statSync(path.join(dir, 'index.html')).size / 1024).toFixed(0)} KiB`);
    });
    await check('10,000 codes: an old link to index.html#<code> lands on the page that holds it', async () => {
      const { pages } = searchIndex(path.join(BUILD, 'bench/html'));
      const later = pages.find((p) => /--[0-9]+$/.test(p.page));
      assert(later, 'no domain of several pages');
      const anchor = later.rows[later.rows.length - 1][0];
      await page.goto(url('bench', `#${anchor}`));
      await page.waitForURL((u) => u.pathname.endsWith(`/domain-${later.page}.html`) && u.hash === `#${anchor}`);
      assert(await page.locator(`article[id="${anchor}"]`).isVisible(), 'the code is not shown');
      const first = pages[0].rows[1][0];
      await page.goto(url('bench', `#${first}`));
      await page.waitForURL((u) => u.pathname.endsWith(`/domain-${pages[0].page}.html`) && u.hash === `#${first}`);
    });
    await check('10,000 codes: the search answers within 100 ms once its index is loaded', async () => {
      await page.goto(url('bench'));
      // The first search: its first results (search.js: codes and names), then its complete answer.
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
      // Each search five times, its fastest kept: the time the search itself takes (other
      // processes on a shared machine, or a garbage collection, only ever add to it).
      const runs = [];
      for (let k = 0; k < 5; k++) {
        runs.push(await page.evaluate(() => ['expired', 'quota exceeded', 'payment', 'x', '-1', 'session_locked', 'no such thing'].map((t) => {
          const q = document.getElementById('q');
          const t0 = performance.now();
          q.value = t;
          q.dispatchEvent(new Event('input'));
          return [t, performance.now() - t0, document.getElementById('result-list').children.length];
        })));
      }
      const times = runs[0].map((x, i) => [x[0], Math.min(...runs.map((r) => r[i][1])), x[2]]);
      const worst = Math.max(...times.map((x) => x[1]));
      console.log(`note: 10,000 codes: search ${worst.toFixed(1)} ms at worst once loaded (fastest of 5: ${times.map((x) => `${x[0]}: ${x[1].toFixed(1)}`).join(', ')}); first search, the index loading: first results ${first.toFixed(0)} ms, complete ${cold.toFixed(0)} ms`);
      assert(times[0][2] > 0, 'no result for "expired"');
      assert(worst < 100, `a search took ${worst.toFixed(1)} ms`);
    });
    await check('10,000 codes: axe-core finds no violation on the index and on a split page', async () => {
      for (const f of ['index.html', `domain-${searchIndex(path.join(BUILD, 'bench/html')).manifest.pages[1][0]}.html`]) {
        await page.goto(url('bench', '', f));
        const v = await axeViolations(page);
        assert(v.length === 0, `${f}:\n${v.join('\n')}`);
      }
    });
    await check('no dialog opened and no script error on any page', () => {
      eq(dialogs.length, 0, `dialogs (${dialogs.join(', ')})`);
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });
    await ctx.close();
    ctx = null;

    // The hostile page once more with the policy bypassed: escaping alone keeps it inert.
    if (H) {
      await check('hostile: no script runs even with the Content-Security-Policy bypassed', async () => {
        const bare = await launch({ bypassCSP: true });
        try {
          bare.on('request', (r) => requests.push(r.url()));
          const p = bare.pages()[0] || (await bare.newPage());
          const seen = [];
          p.on('dialog', (d) => {
            seen.push(d.message());
            d.dismiss().catch(() => {});
          });
          // The Markdown reference, rendered as GitHub-flavoured Markdown without sanitizing.
          await p.setContent(`<!doctype html><meta charset="utf-8"><body>${await renderMarkdown(H.md)}</body>`);
          eq(await p.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned (Markdown)');
          eq(await p.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length), 0, 'embedded elements (Markdown)');
          await p.goto(url('hostile'));
          await p.fill('#q', 'script');
          await p.waitForTimeout(200);
          await p.hover('#result-list a');
          eq(await p.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned');
          eq(seen.length, 0, `dialogs (${seen.join(', ')})`);
          eq(await p.evaluate(() => [...document.scripts].map((x) => x.src ? new URL(x.src).pathname.replace(/^.*\//, '') : 'inline')
            .filter((x) => !/^search(-[a-z0-9-]+)?\.js$/.test(x)).join()), 'inline', 'script elements (the page\'s, and its search index)');
          eq(await p.evaluate(() => document.querySelectorAll('img, iframe, object, embed').length), 0, 'embedded elements');
        } finally {
          await bare.close();
        }
      });
    }
  } catch (err) {
    if (err.message !== 'no browser') await check('browser session', () => fail(err.stack || err.message));
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    await check('no request left 127.0.0.1 (every request recorded)', () => {
      const other = requests.filter((u) => !u.startsWith(site.origin + '/') && !/^(data|about|blob|chrome-error):/.test(u));
      assert(requests.length > 0, 'no request recorded at all');
      assert(other.length === 0, other.join('\n'));
      const stray = site.hits.filter((u) => !/^\/[a-z_0-9]+\/(html\/([a-z]{2,3}(-[A-Za-z0-9]+)*\/)?(index|domain-[a-z0-9-]+)\.html|html\/search(-[a-z0-9-]+)?\.js|markdown\/[a-z_]+\.md)$/.test(u.split('?')[0]));
      assert(stray.length === 0, `the pages asked the server for: ${stray.join(', ')}`);
    });
    site.server.close();
  }
}

try {
  await main();
} catch (err) {
  failed++;
  console.log(`FAIL ${err.stack || err}`);
}
for (const n of mdNotes) console.log(`note: ${n}`);
fs.rmSync(TMP, { recursive: true, force: true });
console.log(`screenshots: ${path.relative(ROOT, OUT) || OUT}`);
console.log(`site: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
