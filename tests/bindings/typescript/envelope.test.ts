/**
 * Envelope paths, parameters read from the body, echoed headers, `also` and
 * header conditions where the vectors leave cases out, on the modules of the
 * golden cases tests/golden/github and tests/golden/stripe; expectations
 * worked out by hand from spec/FORMAT.md ("Reading a response", "Conditions
 * on the response").
 */
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as github from "./github_errors.js";
import * as stripe from "./stripe_errors.js";

const NOW = 1765000000 * 1000;

/** What classify() makes of a response: kind, domain, code, message. */
function read(
  mod: typeof github | typeof stripe,
  status: number,
  headers: github.HeadersLike,
  body: unknown,
): readonly unknown[] {
  const c = mod.classify(status, headers, body, 1, NOW);
  return [
    c.entry?.kind ?? "none",
    c.entry?.domain ?? null,
    c.code ?? null,
    c.message,
  ];
}

/** The decision for a response without a body, as [retry, delayMs, action]. */
function decided(
  mod: typeof github | typeof stripe,
  status: number,
  headers: github.HeadersLike,
): readonly unknown[] {
  const d = mod.classify(status, headers, null, 1, NOW).decision;
  return [d.retry, d.delayMs, d.action];
}

/** What classify() lists in `also`: domain, code, kind and name. */
function also(body: unknown, status = 400): readonly unknown[] {
  return stripe
    .classify(status, {}, body, 1, NOW)
    .also.map((a) => [a.domain, a.code, a.entry.kind, a.entry.name]);
}

describe("envelope: paths", () => {
  it("reads each [*] on its own, the first element that has the rest", () => {
    const body = {
      errors: [
        { resource: "Issue" },
        { code: "missing_field", field: "title" },
      ],
    };
    assert.deepEqual(read(github, 422, {}, body), [
      "code",
      "validation",
      "missing_field",
      "Required field title of Issue is missing",
    ]);
  });
  it("counts null as found, and finds nothing in what is not a list", () => {
    const nullFirst = { errors: [{ code: "missing", resource: null }] };
    assert.equal(
      read(github, 422, {}, nullFirst)[3],
      "${resource} does not exist",
    );
    const notList = { errors: { code: "missing" } };
    assert.deepEqual(read(github, 422, {}, notList), [
      "status",
      null,
      null,
      "Unprocessable Entity",
    ]);
  });
  it("fills a string, an integer or a boolean, and leaves anything else", () => {
    const message = (resource: unknown): unknown =>
      read(github, 422, {}, { errors: [{ code: "missing", resource }] })[3];
    assert.deepEqual(["Repo", 7, true, 1.5, [1], { a: 1 }].map(message), [
      "Repo does not exist",
      "7 does not exist",
      "true does not exist",
      "${resource} does not exist",
      "${resource} does not exist",
      "${resource} does not exist",
    ]);
  });
});

describe("envelope: also", () => {
  it("lists a secondary domain's code beside the primary entry", () => {
    const body = {
      error: { type: "card_error", decline_code: "insufficient_funds" },
    };
    assert.deepEqual(read(stripe, 402, {}, body).slice(0, 3), [
      "code",
      "type",
      "card_error",
    ]);
    assert.deepEqual(also(body, 402), [
      ["decline", "insufficient_funds", "code", "INSUFFICIENT_FUNDS"],
    ]);
  });
  it("never makes a secondary domain's code the entry", () => {
    const body = { error: { decline_code: "lost_card" } };
    assert.deepEqual(read(stripe, 402, {}, body), [
      "status",
      null,
      null,
      "Request Failed",
    ]);
    assert.deepEqual(also(body, 402), [
      ["decline", "lost_card", "code", "LOST_CARD"],
    ]);
  });
  it("prefers a later domain's listed code to an earlier fallback", () => {
    const body = { error: { code: "new_code", type: "api_error" } };
    assert.deepEqual(read(stripe, 500, {}, body).slice(0, 3), [
      "code",
      "type",
      "api_error",
    ]);
    assert.deepEqual(also(body), [["code", "new_code", "fallback", null]]);
  });
  it("lists a secondary domain's fallback", () => {
    const body = { error: { code: "no_such_code", decline_code: "weird" } };
    assert.deepEqual(read(stripe, 400, {}, body), [
      "fallback",
      "code",
      "no_such_code",
      "Error no_such_code",
    ]);
    assert.deepEqual(also(body), [["decline", "weird", "fallback", null]]);
  });
});

describe("envelope: conditions and echoed headers", () => {
  it("reads whole numbers with blanks around and a sign, of 18 digits at most", () => {
    const forbidden = (remaining: string): readonly unknown[] =>
      decided(github, 403, { "X-RateLimit-Remaining": remaining });
    assert.deepEqual([" -0 ", "\t0\t", "-123456789012345678"].map(forbidden), [
      [true, 60000, "none"],
      [true, 60000, "none"],
      [true, 60000, "none"],
    ]);
    assert.deepEqual(["0x", "1234567890123456789", ""].map(forbidden), [
      [false, 0, "check-credentials"],
      [false, 0, "check-credentials"],
      [false, 0, "check-credentials"],
    ]);
  });
  it("holds a test of presence for an empty value; the first that holds decides", () => {
    assert.deepEqual(decided(github, 403, { "retry-after": "" }), [
      true,
      60000,
      "none",
    ]);
    const both = { "retry-after": "30", "x-ratelimit-remaining": "0" };
    assert.deepEqual(decided(github, 403, both), [true, 30000, "none"]);
  });
  it("compares equals with case", () => {
    const retryAfter = { "Retry-After": "3" };
    assert.deepEqual(
      decided(stripe, 429, { ...retryAfter, "Stripe-Should-Retry": "false" }),
      [false, 0, "reduce-size"],
    );
    assert.deepEqual(
      decided(stripe, 429, { ...retryAfter, "Stripe-Should-Retry": "False" }),
      [true, 3000, "resubmit-same"],
    );
  });
  it("asks an object that only has get() for conditions and echoed headers", () => {
    const values: Readonly<Record<string, string>> = {
      "stripe-should-retry": "true",
      "request-id": "req_1",
    };
    const headers = {
      get: (name: string): string | null => values[name.toLowerCase()] ?? null,
    };
    const c = stripe.classify(
      500,
      headers,
      { error: { type: "api_error" } },
      1,
      NOW,
    );
    assert.deepEqual(c.echo, { "Request-Id": "req_1" });
    assert.deepEqual(c.decision, {
      retry: true,
      delayMs: 500,
      action: "resubmit-same",
    });
  });
});
