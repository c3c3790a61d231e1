/**
 * Runs every catalog's conformance vectors against its generated TypeScript
 * module, compiled to JavaScript by run.sh.
 *
 * Each root named by ERRCAT_OUT (colon-separated; default: out) holds
 * <id>/vectors/vectors.json; ERRCAT_TS_JS names the folder of the compiled
 * modules (<id>_errors.js). Every vector is one test.
 */
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";

/** What a module gives, as loosely as the vectors need. */
interface Entry {
  readonly kind: string;
  readonly domain: string | null;
  readonly code: number | string | null;
  readonly codeStr: string | null;
  readonly name: string | null;
  readonly status: number | null;
  readonly message: string;
  readonly params: readonly string[];
  readonly retry: { readonly retry: string; readonly action: string };
  readonly ui: unknown;
  readonly retired: boolean;
  readonly classId?: string;
}

interface Decision {
  readonly retry: boolean;
  readonly delayMs: number;
  readonly action: string;
}

interface Classification {
  readonly status: number;
  readonly entry: Entry | undefined;
  readonly code: string | undefined;
  readonly message: string;
  readonly details: unknown;
  readonly echo: Readonly<Record<string, unknown>>;
  readonly decision: Decision;
  readonly also: readonly {
    readonly domain: string;
    readonly code: string;
    readonly entry: Entry;
  }[];
}

interface Binding {
  readonly DOMAINS: Readonly<
    Record<string, { readonly codes: Readonly<Record<string, Entry>> }>
  >;
  readonly STATUSES: Readonly<Record<string, Entry>>;
  lookup(domain: string, code: number | string): Entry | undefined;
  lookupName(domain: string, name: string): Entry | undefined;
  lookupStatus(status: number): Entry | undefined;
  fallback(domain: string): Entry | undefined;
  lookupClass?(domain: string, code: number | string): Entry | undefined;
  isCode(domain: string, value: unknown): boolean;
  decode(
    domain: string,
    code: number | string,
  ): {
    readonly known: boolean;
    readonly domain: string;
    readonly raw: number | string;
    readonly entry: Entry | undefined;
  };
  isStatus(value: unknown): boolean;
  decide(
    entry: Entry | undefined,
    attempt?: number,
    retryAfter?: number | null,
  ): Decision;
  formatMessage(
    entry: Entry,
    args?: Readonly<Record<string, string>>,
    locale?: string,
  ): string;
  classify(
    status: number,
    headers: Readonly<Record<string, unknown>>,
    body: unknown,
    attempt?: number,
    now?: number | Date,
    locale?: string,
  ): Classification & { readonly locale?: string | null };
  negotiate?(accept: string, available?: string[], fallback?: string): string;
  localize?(entry: Entry, locale?: string, field?: string): Localized;
  readonly [name: string]: unknown;
}

interface Localized {
  readonly text: string;
  readonly locale: string;
}

/** The localization vectors of a catalog with locales. */
interface L10n {
  readonly source: string;
  readonly locales: string[];
  readonly negotiate: readonly {
    accept: string;
    available: string[];
    default: string;
    expect: string;
  }[];
  readonly texts: readonly (Subject & {
    locale: string;
    args: string[];
    expect: {
      message: string;
      locale: string;
      description: Localized;
      hint: Localized;
      ui_hint: Localized | null;
    };
  })[];
  readonly classify: readonly {
    status: number;
    headers: Record<string, unknown>;
    body: unknown;
    attempt: number;
    locale: string;
    expect: { message: string; locale: string | null };
  }[];
}

interface Subject {
  readonly domain?: string;
  readonly code?: number | string;
  readonly status?: number;
  readonly fallback?: boolean;
  readonly class?: number | string;
}

interface EntryExpect {
  readonly kind: string;
  readonly code_str: string | null;
  readonly name: string | null;
  readonly status: number;
  readonly message: string;
  readonly retry: string;
  readonly action: string;
  readonly class?: string | null;
}

interface Vectors {
  /** The reference time of the classify cases, in seconds since 1970. */
  readonly now: number;
  readonly lookups: readonly (Subject & { expect: EntryExpect | null })[];
  readonly statuses: readonly (Subject & { expect: EntryExpect | null })[];
  readonly fallbacks: readonly (Subject & { expect: EntryExpect | null })[];
  readonly classes?: readonly (Subject & { expect: EntryExpect | null })[];
  readonly decode: readonly {
    domain: string;
    code: number | string;
    expect: { known: boolean; entry: EntryExpect | null };
  }[];
  readonly domains: readonly string[];
  readonly names: readonly {
    domain: string;
    name: string;
    expect: string | null;
  }[];
  readonly decisions: readonly (Subject & {
    attempt: number;
    retry_after: number | null;
    expect: unknown;
  })[];
  readonly formats: readonly (Subject & { args: string[]; expect: string })[];
  readonly classify: readonly {
    status: number;
    headers: Record<string, unknown>;
    body: unknown;
    attempt: number;
    expect: unknown;
  }[];
  readonly produce?: readonly (Subject & {
    form: string;
    params: Readonly<Record<string, string | number | boolean>>;
    instance: string | null;
    details: unknown;
    echo?: Readonly<Record<string, unknown>>;
    locale?: string;
    expect: {
      status: number;
      headers: [string, string][];
      body: unknown;
      classify: Record<string, unknown>;
    } | null;
  })[];
  readonly l10n?: L10n;
}

const roots = (process.env["ERRCAT_OUT"] ?? "out").split(":");
const modules = resolve(process.env["ERRCAT_TS_JS"] ?? ".");

/**
 * A classification as the vectors spell it: the keys `class` and `also` only
 * where the expected answer has them (catalogs with classes, with a
 * secondary domain).
 */
function classified(
  c: Classification,
  expect: unknown,
): Record<string, unknown> {
  const has = (key: string): boolean =>
    expect !== null && typeof expect === "object" && key in expect;
  const { entry } = c;
  return {
    match: entry?.kind ?? "none",
    domain: entry?.domain ?? null,
    code_str: c.code ?? null,
    name: entry?.kind === "code" ? entry.name : null,
    status: entry?.status ?? 0,
    message: c.message,
    details: c.details,
    echo: c.echo,
    ...(has("class") ? { class: entry?.classId ?? null } : {}),
    ...(has("also")
      ? {
          also: c.also.map((a) => ({
            domain: a.domain,
            code_str: a.code,
            name: a.entry.kind === "code" ? a.entry.name : null,
            match: a.entry.kind,
          })),
        }
      : {}),
    decision: decision(c.decision),
  };
}

/** The class entry of a code, from a module that has classes. */
function lookupClass(
  mod: Binding,
  domain: string,
  code: number | string,
): Entry | undefined {
  assert.ok(mod.lookupClass, "the module has no lookupClass()");
  return mod.lookupClass(domain, code);
}

/** The entry a vector names: by status, as a fallback, by class or by code. */
function subject(mod: Binding, q: Subject): Entry | undefined {
  if (q.status !== undefined) {
    return mod.lookupStatus(q.status);
  }
  const domain = q.domain ?? "";
  if (q.fallback) {
    return mod.fallback(domain);
  }
  if (q.class !== undefined) {
    return lookupClass(mod, domain, q.class);
  }
  return mod.lookup(domain, q.code ?? "");
}

/** An entry as a lookup vector spells it (the name only where it has one). */
function spelled(
  entry: Entry | undefined,
  expect: EntryExpect | null,
): EntryExpect | null {
  if (entry === undefined) {
    return null;
  }
  return {
    kind: entry.kind,
    code_str: entry.codeStr,
    name: expect?.name === null ? null : entry.name,
    status: entry.status ?? 0,
    message: entry.message,
    retry: entry.retry.retry,
    action: entry.retry.action,
    ...(expect !== null && "class" in expect
      ? { class: entry.classId ?? null }
      : {}),
  };
}

function decision(d: Decision): unknown {
  return { retry: d.retry, delay_ms: d.delayMs, action: d.action };
}

for (const root of roots) {
  for (const id of readdirSync(root).sort()) {
    const file = join(root, id, "vectors", "vectors.json");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const v = JSON.parse(text) as Vectors;
    const url = pathToFileURL(join(modules, `${id}_errors.js`)).href;
    const mod = (await import(url)) as Binding;

    describe(`${id}: lookups`, () => {
      for (const [i, q] of v.lookups.entries()) {
        it(`${id} lookups #${i}`, () => {
          assert.deepEqual(spelled(subject(mod, q), q.expect), q.expect);
          assert.equal(mod.isCode(q.domain ?? "", q.code), q.expect !== null);
        });
      }
    });
    describe(`${id}: statuses`, () => {
      for (const [i, q] of v.statuses.entries()) {
        it(`${id} statuses #${i}`, () => {
          assert.deepEqual(spelled(subject(mod, q), q.expect), q.expect);
          assert.equal(mod.isStatus(q.status), q.expect !== null);
        });
      }
    });
    describe(`${id}: fallbacks`, () => {
      for (const [i, q] of v.fallbacks.entries()) {
        it(`${id} fallbacks #${i}`, () => {
          const entry = mod.fallback(q.domain ?? "");
          assert.deepEqual(spelled(entry, q.expect), q.expect);
        });
      }
    });
    describe(`${id}: classes`, () => {
      for (const [i, q] of (v.classes ?? []).entries()) {
        it(`${id} classes #${i}`, () => {
          const entry = lookupClass(mod, q.domain ?? "", q.code ?? "");
          assert.deepEqual(spelled(entry, q.expect), q.expect);
        });
      }
    });
    describe(`${id}: decode`, () => {
      // Codes a newer server may send read, never throw.
      for (const [i, q] of v.decode.entries()) {
        it(`${id} decode #${i}`, () => {
          const got = mod.decode(q.domain, q.code);
          assert.deepEqual(
            { domain: got.domain, raw: got.raw, known: got.known },
            { domain: q.domain, raw: q.code, known: q.expect.known },
          );
          assert.deepEqual(spelled(got.entry, q.expect.entry), q.expect.entry);
        });
      }
      it(`${id} decode of an unknown domain or a code of the wrong kind`, () => {
        for (const domain of [...v.domains, "no_such_domain"]) {
          for (const code of [1.5, "", -(2 ** 70), Number.NaN]) {
            const got = mod.decode(domain, code);
            assert.deepEqual([got.raw, got.known], [code, false]);
          }
        }
      });
    });
    describe(`${id}: names`, () => {
      for (const [i, q] of v.names.entries()) {
        it(`${id} names #${i}`, () => {
          const entry = mod.lookupName(q.domain, q.name);
          assert.equal(entry?.codeStr ?? null, q.expect);
        });
      }
    });
    describe(`${id}: decisions`, () => {
      for (const [i, q] of v.decisions.entries()) {
        it(`${id} decisions #${i}`, () => {
          const d = mod.decide(subject(mod, q), q.attempt, q.retry_after);
          assert.deepEqual(decision(d), q.expect, JSON.stringify(q));
        });
      }
    });
    describe(`${id}: formats`, () => {
      for (const [i, q] of v.formats.entries()) {
        it(`${id} formats #${i}`, () => {
          const entry = subject(mod, q);
          assert.ok(entry);
          const args = Object.fromEntries(
            q.args.map((arg, n) => [entry.params[n], arg]),
          );
          assert.equal(mod.formatMessage(entry, args), q.expect);
        });
      }
    });
    describe(`${id}: classify`, () => {
      for (const [i, q] of v.classify.entries()) {
        it(`${id} classify #${i}`, () => {
          const c = mod.classify(
            q.status,
            q.headers,
            q.body,
            q.attempt,
            v.now * 1000,
          );
          const got = classified(c, q.expect);
          assert.deepEqual(got, q.expect, JSON.stringify(q));
          assert.equal(c.status, q.status);
        });
      }
    });
    describe(`${id}: produce`, () => {
      const produce = mod["produce"] as (
        entry: Entry,
        params: unknown,
        options: unknown,
      ) => {
        status: number;
        headers: [string, string][];
        body: unknown;
        message: string;
      };
      for (const [i, q] of (v.produce ?? []).entries()) {
        it(`${id} produce #${i}`, () => {
          const entry = subject(mod, q);
          assert.ok(entry);
          const options = {
            form: q.form,
            ...(q.instance !== null ? { instance: q.instance } : {}),
            details: q.details,
            ...(q.echo !== undefined ? { echo: q.echo } : {}),
            ...(q.locale !== undefined ? { locale: q.locale } : {}),
            now: v.now * 1000,
          };
          if (q.expect === null) {
            assert.throws(() => produce(entry, q.params, options), {
              name: "ProduceError",
            });
            return;
          }
          const given = JSON.stringify(q.details);
          const r = produce(entry, q.params, options);
          // The caller's details are written as given, never into.
          assert.equal(JSON.stringify(q.details), given);
          assert.equal(r.status, q.expect.status);
          assert.deepEqual(r.headers, q.expect.headers);
          assert.deepEqual(r.body, q.expect.body);
          assert.deepEqual(JSON.parse(JSON.stringify(r.body)), q.expect.body);
          // What classify makes of it, as the reference does.
          const c = mod.classify(
            r.status,
            Object.fromEntries(r.headers),
            r.body,
            1,
            v.now * 1000,
          );
          const x = q.expect.classify;
          assert.deepEqual(classified(c, x), x);
        });
      }
    });
    describe(`${id}: localization`, () => {
      const l10n = v.l10n;
      if (l10n === undefined) {
        it(`${id} has no localization`, () => {
          assert.equal(mod.negotiate, undefined);
          assert.equal(mod.localize, undefined);
        });
        return;
      }
      const { negotiate, localize } = mod;
      assert.ok(negotiate && localize, "the module has no negotiate()");
      it(`${id} locales`, () => {
        assert.deepEqual(mod["LOCALES"], l10n.locales);
        assert.equal(mod["SOURCE_LOCALE"], l10n.source);
      });
      for (const [i, q] of l10n.negotiate.entries()) {
        it(`${id} negotiate #${i}`, () => {
          const got = negotiate(q.accept, q.available, q.default);
          assert.equal(got, q.expect, JSON.stringify(q));
        });
      }
      for (const [i, q] of l10n.texts.entries()) {
        it(`${id} localized texts #${i}`, () => {
          const entry = subject(mod, q);
          assert.ok(entry);
          const args = Object.fromEntries(
            q.args.map((arg, n) => [entry.params[n], arg]),
          );
          const x = q.expect;
          assert.equal(mod.formatMessage(entry, args, q.locale), x.message);
          assert.equal(localize(entry, q.locale).locale, x.locale);
          assert.deepEqual(
            localize(entry, q.locale, "description"),
            x.description,
          );
          assert.deepEqual(localize(entry, q.locale, "hint"), x.hint);
          assert.deepEqual(
            localize(entry, q.locale, "uiHint"),
            x.ui_hint ?? { text: "", locale: l10n.source },
          );
          if (x.ui_hint === null) {
            assert.equal(entry.ui, null);
          }
        });
      }
      for (const [i, q] of l10n.classify.entries()) {
        it(`${id} localized classify #${i}`, () => {
          const c = mod.classify(
            q.status,
            q.headers,
            q.body,
            q.attempt,
            v.now * 1000,
            q.locale,
          );
          assert.deepEqual({ message: c.message, locale: c.locale }, q.expect);
        });
      }
    });
    describe(`${id}: tables`, () => {
      it("every code lies in its domain's table, every status in STATUSES", () => {
        for (const [domain, table] of Object.entries(mod.DOMAINS)) {
          for (const entry of Object.values(table.codes)) {
            assert.equal(entry.domain, domain);
            // A retired code stays in the table, but lookups skip it.
            const found = entry.retired ? undefined : entry;
            assert.equal(mod.lookup(domain, entry.code ?? ""), found);
            assert.equal(mod.lookupName(domain, entry.name ?? ""), found);
            assert.equal(mod.isCode(domain, entry.code), !entry.retired);
          }
        }
        for (const entry of Object.values(mod.STATUSES)) {
          assert.equal(mod.lookupStatus(entry.status ?? 0), entry);
        }
      });
      it("the error class carries the classification", () => {
        const name = Object.keys(mod).find(
          (key) => key.endsWith("Error") && key !== "ProduceError",
        );
        assert.ok(name);
        const ErrorClass = mod[name] as new (
          c: Classification,
        ) => Error & Classification & { classification: Classification };
        for (const q of v.classify) {
          const c = mod.classify(
            q.status,
            q.headers,
            q.body,
            q.attempt,
            v.now * 1000,
          );
          const error = new ErrorClass(c);
          assert.ok(error instanceof Error);
          assert.equal(error.name, name);
          assert.equal(error.message, c.message);
          assert.equal(error.classification, c);
          for (const key of [
            "status",
            "entry",
            "code",
            "details",
            "echo",
            "also",
          ]) {
            assert.equal(
              (error as unknown as Record<string, unknown>)[key],
              (c as unknown as Record<string, unknown>)[key],
            );
          }
          assert.equal(error.decision, c.decision);
        }
      });
    });
  }
}
