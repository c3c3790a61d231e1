// Checks the openapi target's files of every catalog built into DIR:
//   node check.mjs DIR        (errcat build CATALOG -t openapi,json,view -o DIR)
// For each catalog, one line "ok   <what>" or "FAIL <what>" per check:
//  - <id>.openapi.json is JSON and a valid OpenAPI 3.1 document
//    (@apidevtools/swagger-parser: the official schema, every $ref resolves);
//  - every schema of components.schemas compiles as JSON Schema 2020-12
//    (ajv, strict), and every example of every response validates against
//    its media type's schema;
//  - it has a response per status (Status<N>), per code (<domain>.<NAME>)
//    per class (<domain>.class-<id>) and per fallback (<domain>.other-code)
//    of the catalog's JSON, and each
//    code's problem example has the code's type, status and code;
//  - <id>.problem-types.json is JSON and lists every code of the catalog's
//    JSON (in order, with its status, name and title: the message with
//    {name} placeholders, and its aliases and class where the catalog has
//    them), every class, every fallback, then
//    about:blank; types are unique absolute URIs, docs_url#<anchor> with a
//    docs_url, tag:errcat.invalid,2026:<id>#<anchor> without, where anchor
//    is the html and markdown targets' (<domain>-<name>, <domain>--other),
//    and openapi.json gives each code the same type.
// Exits 1 when a check failed.
import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const dir = process.argv[2];
let failed = 0;
const report = (ok, what, why) => {
    if (ok) {
        console.log(`ok   openapi ${what}`);
    } else {
        failed++;
        console.log(`FAIL openapi ${what}`);
        for (const line of String(why).split('\n').slice(0, 20)) console.log(`     | ${line}`);
    }
};
// Runs one check: fn returns nothing, or throws (or returns) the reason.
const check = async (what, fn) => {
    try {
        const why = await fn();
        report(!why, what, why);
    } catch (e) {
        report(false, what, e.stack || e);
    }
};

const readJSON = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
// A problem title: the message with "$$" a "$" and "${name}" written "{name}".
const title = (msg) => msg.replace(/\$(\$|\{([^}]*)\})/g, (m, a, name) => (a === '$' ? '$' : `{${name}}`));

function newAjv() {
    // strictTuples off: an envelope path's [N] reads element N of an array
    // of any length, an open prefixItems, not a tuple of fixed length.
    const ajv = new Ajv2020.default({ strict: true, strictTypes: false, strictTuples: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addKeyword('x-errcat-envelope');
    return ajv;
}

for (const id of fs.readdirSync(dir).filter((d) => !d.startsWith('.')).sort()) {
    const oa = path.join(dir, id, 'openapi', `${id}.openapi.json`);
    const pt = path.join(dir, id, 'openapi', `${id}.problem-types.json`);
    const cat = readJSON(path.join(dir, id, 'json', `${id}.json`));
    const view = readJSON(path.join(dir, id, 'view', 'view.json'));
    let doc, table;

    await check(`${id}: openapi.json is JSON`, () => { doc = readJSON(oa); });
    await check(`${id}: problem-types.json is JSON`, () => { table = readJSON(pt); });
    if (!doc || !table) continue;

    await check(`${id}: OpenAPI 3.1 valid (swagger-parser)`, async () => {
        await SwaggerParser.validate(structuredClone(doc));
    });

    let deref;
    await check(`${id}: every schema compiles, every example matches its schema`, async () => {
        deref = await SwaggerParser.dereference(structuredClone(doc));
        const ajv = newAjv();
        const errors = [];
        for (const [name, schema] of Object.entries(deref.components.schemas)) {
            try { ajv.compile(schema); } catch (e) { errors.push(`schema ${name}: ${e.message}`); }
        }
        let n = 0;
        for (const [name, resp] of Object.entries(deref.components.responses)) {
            for (const [type, media] of Object.entries(resp.content || {})) {
                const validate = ajv.compile(media.schema);
                const values = Object.entries(media.examples || {}).map(([k, x]) => [k, x.value]);
                if ('example' in media) values.push(['example', media.example]);
                for (const [k, value] of values) {
                    n++;
                    if (!validate(value))
                        errors.push(`${name} ${type} ${k}: ${ajv.errorsText(validate.errors)}`);
                }
            }
        }
        // At least: every example of the catalog, and a problem per code and fallback.
        const entries = cat.domains.flatMap((d) => [...d.codes, ...(d.classes ?? []), ...(d.fallback ? [d.fallback] : [])]);
        const least = [...cat.statuses, ...entries].reduce((k, e) => k + e.examples.length, 0) + entries.length;
        if (n < least) errors.push(`${n} examples checked, expected at least ${least}`);
        return errors.join('\n');
    });

    await check(`${id}: a response per status, code and fallback`, () => {
        const r = doc.components.responses;
        const errors = [];
        for (const s of cat.statuses)
            if (!r[`Status${s.status}`]) errors.push(`no response Status${s.status}`);
        for (const d of cat.domains) {
            for (const c of d.codes) {
                const resp = r[`${d.id}.${c.name}`];
                if (!resp) { errors.push(`no response ${d.id}.${c.name}`); continue; }
                const ex = resp.content['application/problem+json'].example;
                if (ex.code !== c.code) errors.push(`${d.id}.${c.name}: code ${ex.code}`);
                if ((ex.status ?? null) !== (c.status ?? null)) errors.push(`${d.id}.${c.name}: status ${ex.status}`);
                if (resp['x-errcat'].type !== ex.type) errors.push(`${d.id}.${c.name}: x-errcat.type`);
            }
            for (const cl of d.classes ?? []) {
                const resp = r[`${d.id}.class-${cl.id}`];
                if (!resp) errors.push(`no response ${d.id}.class-${cl.id}`);
                else if (resp['x-errcat'].class !== cl.id) errors.push(`${d.id}.class-${cl.id}: x-errcat.class`);
            }
            if (d.fallback && !r[`${d.id}.other-code`]) errors.push(`no response ${d.id}.other-code`);
        }
        const want = cat.statuses.length + cat.domains.reduce((n, d) => n + d.codes.length + (d.classes ?? []).length + (d.fallback ? 1 : 0), 0) + 1;
        if (Object.keys(r).length !== want) errors.push(`${Object.keys(r).length} responses, expected ${want}`);
        return errors.join('\n');
    });

    await check(`${id}: every envelope path is a property of its Error schema`, () => {
        // A path's members are properties of objects; its [N] an array's
        // prefixItems[N] (past them: open, or items), its [*] the items and
        // every prefixItems entry (2020-12's items leaves those alone), as
        // FORMAT.md reads a path ("envelope"). A schema true is open.
        const errors = [];
        const walk = (s, steps) => {
            if (!steps.length || s === true) return '';
            const [step, ...rest] = steps;
            if (s?.type !== (step.startsWith('[') ? 'array' : 'object'))
                return `'${step}' needs ${step.startsWith('[') ? 'an array' : 'an object'}, the schema has type ${JSON.stringify(s?.type)}`;
            let next;
            if (step === '[*]') {
                for (const e of s.prefixItems ?? []) {
                    const why = walk(e, rest);
                    if (why) return why;
                }
                next = s.items;
            } else if (step.startsWith('[')) {
                const n = Number(step.slice(1, -1));
                next = n < (s.prefixItems ?? []).length ? s.prefixItems[n] : s.items;
                if (!next && n >= 64) return ''; // left open (view.c, ENV_MAX_PREFIX)
            } else {
                next = s.properties?.[step];
            }
            return next === undefined ? `no schema at '${step}'` : walk(next, rest);
        };
        const schemas = [['Error', view.envelope], ...view.domains.map((d) => [`${d.id}.Error`, d.envelope])];
        for (const [name, env] of schemas) {
            const paths = ['code', 'message', 'details', 'status', 'title'].map((f) => env[f]).concat(env.echo);
            for (const p of paths.filter((x) => x)) {
                const why = walk(doc.components.schemas[name], p.match(/[^.[\]]+|\[[^\]]*\]/g));
                if (why) errors.push(`${name}: ${p}: ${why}`);
            }
        }
        return errors.join('\n');
    });

    await check(`${id}: problem-types.json lists every code, fallback and about:blank`, () => {
        const errors = [];
        const rows = table.problem_types;
        if (table.catalog !== cat.catalog.id) errors.push(`catalog ${table.catalog}`);
        const want = [];
        for (const d of cat.domains) {
            for (const c of d.codes) want.push({ domain: d.id, code: c.code, name: c.name, status: c.status ?? null, fallback: false });
            for (const cl of d.classes ?? []) want.push({ domain: d.id, code: null, name: null, status: cl.status ?? null, fallback: true });
            if (d.fallback) want.push({ domain: d.id, code: null, name: null, status: d.fallback.status ?? null, fallback: true });
        }
        want.push({ domain: null, code: null, name: null, status: null, fallback: false });
        const got = rows.map((r) => ({ domain: r.domain, code: r.code, name: r.name, status: r.status, fallback: r.fallback }));
        if (JSON.stringify(got) !== JSON.stringify(want))
            errors.push(`rows differ from the catalog:\n got  ${JSON.stringify(got).slice(0, 600)}\n want ${JSON.stringify(want).slice(0, 600)}`);
        const keys = 'type title status domain code name description fallback deprecated retired';
        // The members a row adds: a code's aliases, if it has some; the
        // class, in a domain with classes (a class's row included).
        const extra = [];
        for (const d of cat.domains) {
            const cls = d.classes ? ' class' : '';
            for (const c of d.codes) extra.push({ more: (c.aliases ? ' aliases' : '') + cls, aliases: c.aliases, class: c.class });
            for (const cl of d.classes ?? []) extra.push({ more: cls, class: cl.id });
            if (d.fallback) extra.push({ more: '' });
        }
        extra.push({ more: '' });
        const types = new Set();
        // The anchors of the html and markdown targets, from the view.
        const base = cat.catalog.docs_url ? `${cat.catalog.docs_url}#` : `tag:errcat.invalid,2026:${cat.catalog.id}#`;
        const anchors = [];
        for (const d of view.domains) {
            // A code's own page (docs_url_template), else its anchor.
            for (const c of d.codes) anchors.push(c.doc_url ?? `${base}${c.anchor}`);
            for (const cl of d.classes ?? []) anchors.push(`${base}${cl.anchor}`);
            if (d.fallback) anchors.push(`${base}${d.fallback.anchor}`);
        }
        anchors.push('about:blank');
        rows.forEach((r, i) => {
            const x = extra[i] ?? { more: '' };
            if (Object.keys(r).join(' ') !== keys + x.more) errors.push(`row ${i}: members ${Object.keys(r)}`);
            const names = (x.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.name));
            if (x.aliases && JSON.stringify(r.aliases) !== JSON.stringify(names)) errors.push(`row ${i}: aliases ${r.aliases}`);
            if (x.more.includes('class') && r.class !== (x.class ?? null)) errors.push(`row ${i}: class ${r.class}`);
            if (types.has(r.type)) errors.push(`row ${i}: type ${r.type} twice`);
            types.add(r.type);
            try { new URL(r.type); } catch { errors.push(`row ${i}: type ${r.type} is not a URI`); }
            if (r.type !== anchors[i]) errors.push(`row ${i}: type ${r.type}, expected ${anchors[i]}`);
        });
        // The openapi document and the table agree on every code's type.
        for (const r of rows.slice(0, -1)) {
            const key = r.fallback ? (r.class ? `${r.domain}.class-${r.class}` : `${r.domain}.other-code`) : `${r.domain}.${r.name}`;
            const t = doc.components.responses[key]?.['x-errcat']?.type;
            if (t !== r.type) errors.push(`${key}: type ${t} in openapi.json, ${r.type} in problem-types.json`);
        }
        return errors.join('\n');
    });
}
process.exit(failed ? 1 : 0);
