/**
 * Reading rules that the vectors leave out, and the literal types, on the
 * module of tests/bindings/python/edge.yaml; expectations worked out by hand
 * from spec/FORMAT.md (the Python tests check the same).
 */
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as edge from "./edge_errors.js";

/** What classify() makes of a body: kind, domain, code, message, retry, delay. */
function read(
  body: unknown,
  headers: edge.HeadersLike = {},
  status = 500,
  attempt = 1,
): readonly unknown[] {
  const c = edge.classify(status, headers, body, attempt);
  const d = c.decision;
  const kind = c.entry?.kind ?? "none";
  return [
    kind,
    c.entry?.domain ?? null,
    c.code ?? null,
    c.message,
    d.retry,
    d.delayMs,
  ];
}

describe("edge: types", () => {
  it("narrows codes, names, statuses and domains to literal types", () => {
    const code: edge.Code<"numbers"> = -100;
    // @ts-expect-error 5 is not a code of domain "numbers"
    const notCode: edge.Code<"numbers"> = 5;
    const name: edge.Name<"class"> = "QUOTED";
    // @ts-expect-error QUOTED_ is not a name
    const notName: edge.Name<"class"> = "QUOTED_";
    const status: edge.Status = 418;
    // @ts-expect-error 200 is not listed
    const notStatus: edge.Status = 200;
    const domain: edge.DomainId = "empty";
    // @ts-expect-error no such domain
    const notDomain: edge.DomainId = "nowhere";
    const empty: edge.Code<"empty">[] = [];
    assert.deepEqual(
      [
        code,
        notCode,
        name,
        notName,
        status,
        notStatus,
        domain,
        notDomain,
        empty,
      ],
      [-100, 5, "QUOTED", "QUOTED_", 418, 200, "empty", "nowhere", []],
    );
    const value: unknown = -100;
    if (edge.isCode("numbers", value)) {
      const narrowed: -100 | 0 | 100 = value;
      assert.equal(narrowed, -100);
    }
    assert.equal(edge.isCode("numbers", "-100"), false);
    assert.equal(edge.isCode("class", "none"), true);
    assert.equal(edge.isStatus(402), true);
    assert.equal(edge.isStatus("402"), false);
    const quoted = edge.DOMAINS.class.codes.QUOTED;
    assert.equal(
      edge.formatMessage(quoted, { word: "w", amount: 1n }),
      'Say "w" for $1 \\ ok',
    );
    // @ts-expect-error not a placeholder of QUOTED
    const wrong: edge.FormatArgs<typeof quoted> = { nope: "x" };
    assert.equal(
      edge.formatMessage(quoted, wrong),
      'Say "${word}" for $${amount} \\ ok',
    );
  });
});

describe("edge: numeric codes", () => {
  const unlisted = [
    "fallback",
    "numbers",
    "7",
    "Unlisted number 7",
    true,
    1000,
  ];
  const nothing = ["none", null, null, "", false, 0];
  const cases: [unknown, readonly unknown[]][] = [
    [{ code: 7 }, unlisted],
    [{ code: "007" }, unlisted],
    [
      { code: "-0" },
      [
        "code",
        "numbers",
        "0",
        "Zero ${code} is not a placeholder here",
        false,
        0,
      ],
    ],
    [{ code: 500 }, ["fallback", "empty", "500", "Anything: 500", false, 0]],
    [
      { code: "9223372036854775799" },
      [
        "fallback",
        "empty",
        "9223372036854775799",
        "Anything: 9223372036854775799",
        false,
        0,
      ],
    ],
    [
      { code: "-9223372036854775799" },
      [
        "fallback",
        "empty",
        "-9223372036854775799",
        "Anything: -9223372036854775799",
        false,
        0,
      ],
    ],
  ];
  const bad = [
    true,
    7.5,
    "+5",
    " 5",
    "5 ",
    "",
    "-",
    "1_0",
    "\u0665",
    "9223372036854775800",
    "-9223372036854775800",
    [7],
    { x: 7 },
    null,
    "9".repeat(5000),
  ];
  for (const code of bad) {
    cases.push([{ code }, nothing]);
  }
  for (const [body, want] of cases) {
    it(JSON.stringify(body).slice(0, 60), () => {
      assert.deepEqual(read(body), want);
    });
  }
});

describe("edge: order and paths", () => {
  it("takes a later domain's code over an earlier domain's fallback", () => {
    const body = { error: { code: "zzz" }, code: 0, message: 5 };
    assert.deepEqual(read(body).slice(0, 4), [
      "code",
      "numbers",
      "0",
      "Zero ${code} is not a placeholder here",
    ]);
    assert.deepEqual(read({ error: { code: "zzz" } }).slice(0, 4), [
      "fallback",
      "class",
      "zzz",
      "Unknown symbolic code zzz",
    ]);
    assert.equal(read({ error: "async" })[0], "none");
    assert.equal(read({ error: { code: 5 } })[0], "none");
  });
  it("reads message, details and echo through the envelope", () => {
    const body = {
      error: { code: "async", message: 5, details: { a: [1] } },
      request: { id: null },
      'we"ird': "w",
      trace: "t",
    };
    let c = edge.classify(418, {}, body, 0);
    assert.deepEqual(
      [c.code, c.message, c.details],
      ["async", "Keyword code", { a: [1] }],
    );
    assert.deepEqual(c.echo, { "request.id": null, 'we"ird': "w" });
    assert.deepEqual([c.decision.retry, c.decision.delayMs], [true, 250]);
    c = edge.classify(
      418,
      {},
      { code: 1, message: "From the body", details: null, trace: [1] },
      1,
    );
    assert.deepEqual(
      [c.code, c.message, c.details, c.echo],
      ["1", "From the body", null, { trace: [1] }],
    );
    c = edge.classify(418, {}, [1, 2], 1);
    assert.deepEqual([c.entry?.kind, c.message], ["status", 'I\'m a "teapot"']);
    c = edge.classify(402, {}, { constructor: 1, __proto__: { code: 1 } }, 1);
    assert.deepEqual(
      [c.entry?.kind, c.message],
      ["status", "Costs $$5, or ${price}"],
    );
    c = edge.classify(
      500,
      {},
      JSON.parse('{"__proto__": {"code": "async"}, "code": "x"}'),
      1,
    );
    assert.deepEqual(c.echo, {});
  });
});

describe("edge: headers", () => {
  const delay = (
    headers: edge.HeadersLike,
    body: unknown = null,
    status = 429,
  ): unknown => read(body, headers, status)[5];
  const day = 86_400_000;
  it("reads whole seconds, names without ASCII case", () => {
    assert.equal(delay({ "RETRY-AFTER": 3 }), 3000);
    assert.equal(delay({ "retry-after": "\t5 " }), 5000);
    assert.equal(delay(new Map([["Retry-After", "0"]])), 0);
    // A header's delay is at most a day.
    assert.equal(delay({ "Retry-After": 86_399 }), day - 1000);
    assert.equal(delay([["retry-after", "9".repeat(30)]]), day);
    assert.equal(delay({ "Retry-After": 2_147_484 }), day);
    assert.equal(delay({ "Retry-After": "x", "retry-after": "5" }), day);
    assert.equal(delay({ "X-BACKOFF": "9" }, { code: 7 }, 500), 9000);
    assert.equal(delay({ "x-bac\u212aoff": "9" }, { code: 7 }, 500), 1000);
    assert.equal(read({ code: 7 }, {}, 500, 3)[5], 3000);
  });
  it("reads the first of several values (Node's headersDistinct)", () => {
    assert.equal(delay({ "retry-after": ["5", "7"] }), 5000);
    assert.equal(delay(new Map([["Retry-After", ["6"]]])), 6000);
  });
  it("asks an object that only has get(), such as a DOM Headers", () => {
    const asked: string[] = [];
    const headers: edge.HeaderGetter = {
      get: (name) => (asked.push(name), name === "Retry-After" ? "4" : null),
    };
    assert.equal(delay(headers), 4000);
    assert.deepEqual(asked, ["Retry-After", "Date"]); // Date: a time to retry at counts from it
    assert.equal(delay({ get: () => null }), day);
  });
  it("searches a Map, whose get() keeps case, without case", () => {
    assert.equal(delay(new Map([["RETRY-after", "8"]])), 8000);
  });
  it("reads a date against the Date header, else now, else the clock", () => {
    const date = { "Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT" };
    const sent = 784_111_777_000; // that date, in milliseconds
    const delayAt = (now: number | Date, headers = date): number =>
      edge.classify(429, headers, null, 1, now).decision.delayMs;
    assert.equal(delayAt(sent - 90_000), 90_000);
    assert.equal(delayAt(sent - 89_001), 90_000); // a fraction rounds up
    assert.equal(delayAt(new Date(sent - 90_000)), 90_000);
    const dated = { ...date, date: "Sun, 06 Nov 1994 08:49:00 GMT" };
    assert.equal(delayAt(sent - 90_000, dated), 37_000);
    assert.equal(delay(date), 0); // 1994 is past
  });
  for (const absent of [
    -1,
    true,
    5.5,
    "5s",
    "-5",
    "",
    " ",
    "\u0665",
    [],
    [["5"]],
    [null, "5"],
    null,
    undefined,
  ]) {
    it(`treats ${JSON.stringify(absent)} as absent`, () => {
      assert.equal(delay({ "Retry-After": absent }), day);
    });
  }
});

describe("edge: decide", () => {
  const cases: [
    edge.Entry | undefined,
    number,
    number | null,
    readonly unknown[],
  ][] = [
    [edge.lookupStatus(418), 1, null, [true, 250]],
    [edge.lookupStatus(418), 4, null, [true, 2000]],
    [edge.lookupStatus(418), 5, null, [false, 0]],
    [edge.lookupStatus(418), 3, 1, [true, 1000]],
    [edge.lookupStatus(429), 40, null, [true, edge.MAX_DELAY_MS]],
    [edge.lookupStatus(429), 1e9, null, [true, edge.MAX_DELAY_MS]],
    [edge.lookupStatus(429), 1, -1, [true, 86_400_000]],
    [edge.lookupStatus(503), 1, 7, [true, 5000]],
    [edge.fallback("numbers"), 3, null, [true, 3000]],
    [undefined, 1, 5, [false, 0]],
  ];
  for (const [i, [entry, attempt, after, want]] of cases.entries()) {
    it(`#${i}`, () => {
      const d = edge.decide(entry, attempt, after);
      assert.deepEqual([d.retry, d.delayMs], want);
    });
  }
  it("takes undefined for a missing header", () => {
    assert.equal(
      edge.decide(edge.lookupStatus(503), 1, undefined).delayMs,
      1500,
    );
  });
});

describe("edge: formatMessage", () => {
  it("fills placeholders by name", () => {
    const quoted = edge.DOMAINS.class.codes.QUOTED;
    assert.equal(
      edge.formatMessage(quoted, { word: true, amount: 1.5 }),
      'Say "true" for $1.5 \\ ok',
    );
    assert.equal(
      edge.formatMessage(quoted, { word: "w", amount: null }),
      'Say "w" for $${amount} \\ ok',
    );
    assert.equal(
      edge.formatMessage(quoted),
      'Say "${word}" for $${amount} \\ ok',
    );
    const zero = edge.NUMBERS_CODES.ZERO;
    assert.equal(
      edge.formatMessage(zero, { code: false }),
      "Zero false is not a placeholder here",
    );
    const none = edge.CLASS__CODES.NONE_;
    assert.equal(
      edge.formatMessage(none, { a: 0, b: false, c: "" }),
      "0false and ${a}",
    );
    const inherited = {
      ...none,
      params: ["toString", "a"],
      message: "${toString}${a}",
    };
    assert.equal(edge.formatMessage(inherited, {}), "${toString}${a}");
    assert.equal(
      edge.formatMessage(edge.CLASS__FALLBACK, { code: "X" }),
      "Unknown symbolic code X",
    );
  });
});

describe("edge: data", () => {
  it("keeps every string as the catalog wrote it", () => {
    const quoted = edge.lookupName("class", "QUOTED");
    assert.equal(quoted, edge.CLASS__CODES.QUOTED);
    assert.deepEqual(quoted?.params, ["word", "amount"]);
    assert.deepEqual(quoted?.ui, {
      severity: "warning",
      audience: "developer",
      hint: 'Hint "quoted"',
      actions: ["retry"],
    });
    assert.deepEqual([quoted?.deprecated, quoted?.retired], [true, false]);
    assert.equal(edge.CLASS__CODES.ASYNC_.retired, true);
    // Retired: lookups skip it, classify() still recognises it.
    assert.equal(edge.lookup("class", "async"), undefined);
    assert.equal(edge.lookupName("class", "ASYNC"), undefined);
    assert.equal(edge.isCode("class", "async"), false);
    const old = edge.classify(503, {}, { error: { code: "async" } });
    assert.equal(old.entry, edge.CLASS__CODES.ASYNC_);
    assert.equal(old.code, "async");
    assert.deepEqual(edge.CLASS__CODES.NONE_.ui.actions, [
      "top-up",
      "retry",
      "contact-support",
    ]);
    assert.equal(edge.CLASS__CODES.DEJA_VU.code, "d\u00e9j\u00e0-vu");
    assert.equal(
      edge.CLASS__CODES.DEJA_VU.message,
      "Unicode \u2713 \u2028 in a message",
    );
    const teapot = edge.lookupStatus(418);
    assert.equal(
      teapot?.description,
      "Line one\nline two\ttabbed\r\n\u2028 separator \u2029 end",
    );
    assert.equal(teapot?.hint, "Ends with a backslash \\");
    assert.equal(teapot?.retry.maxAttempts, 5);
    assert.deepEqual(edge.DOMAINS.empty.codes, {});
    assert.equal(edge.lookup("empty", 0), undefined);
    assert.equal(edge.lookup("nowhere" as edge.DomainId, 0), undefined);
    assert.equal(
      edge.lookupName("nowhere" as edge.DomainId, "ZERO"),
      undefined,
    );
    assert.equal(edge.fallback("nowhere" as edge.DomainId), undefined);
    assert.equal(edge.lookup("numbers", true as unknown as number), undefined);
    const policy = edge.fallback("numbers")?.retry;
    assert.deepEqual(
      [policy?.name, policy?.delayHeader, policy?.idempotent],
      ["linear-header", "X-Backoff", true],
    );
  });
});

describe("edge: produce", () => {
  it("types each code's placeholder values", () => {
    const none = edge.CLASS__CODES.NONE_;
    const r = edge.produce(
      none,
      { a: 1, b: true, c: "x" },
      { form: "problem" },
    );
    assert.equal(r.body["detail"], "1truex and ${a}");
    assert.throws(
      // @ts-expect-error b is missing
      () => edge.produce(none, { a: 1, c: "x" }),
      edge.ProduceError,
    );
    // @ts-expect-error a is an integer, not a string
    assert.throws(() => edge.produce(none, { a: "1", b: true, c: "x" }));
    assert.throws(
      // @ts-expect-error d is no placeholder of NONE
      () => edge.produce(none, { a: 1, b: true, c: "x", d: 1 }),
      edge.ProduceError,
    );
    // A status has no placeholders.
    // @ts-expect-error a status takes no values
    assert.throws(() => edge.produce(edge.STATUSES.I_M_A_TEAPOT, { a: 1 }));
    assert.equal(edge.produce(edge.STATUSES.I_M_A_TEAPOT, {}).status, 418);
    assert.throws(() => edge.produce(none, { a: 1.5, b: true, c: "x" }));
  });
  it("maps gRPC codes both ways", () => {
    assert.equal(edge.grpcCode(edge.CLASS__CODES.NONE_), "INTERNAL");
    assert.equal(edge.httpStatusOf("NOT_FOUND"), 404);
    assert.equal(edge.httpStatusOf("FAILED_PRECONDITION"), 400);
  });
});
