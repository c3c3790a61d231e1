/**
 * The errors of Tiny API: a module of our own design.
 *
 * @module
 */

/** No delay exceeds this many milliseconds (2^31 - 1, about 24.8 days). */
export const MAX_DELAY_MS = 2147483647;

/**
 * Whether repeating a failed request can succeed: `never` (it fails again),
 * `always` (after the delay), `maybe` (the caller or the user decides),
 * `depends` (read the details first) or `after-action` (once the action is
 * done).
 */
export type Retry = "never" | "always" | "maybe" | "depends" | "after-action";

/** What to do before (or instead of) repeating a request. */
export type Action =
  | "none"
  | "fix-request"
  | "check-credentials"
  | "requote"
  | "resubmit-same"
  | "poll-status"
  | "reduce-size"
  | "adjust-request"
  | "contact-support";

/** How the delay grows with the attempt number. */
export type Backoff = "none" | "linear" | "exponential";

/**
 * How a delay header's value reads: delay-seconds or an HTTP-date
 * (`Retry-After` allows both), the time to retry at in seconds since 1970, or
 * as an HTTP-date.
 */
export type DelayType = "seconds" | "epoch-seconds" | "http-date";

/** How loudly a user interface should show an error. */
export type Severity = "info" | "warning" | "error" | "critical";

/** Who should read an error. */
export type Audience = "user" | "developer" | "operator";

/**
 * What an entry is: a code of a domain, what a domain's codes that the
 * catalog does not list mean, or an HTTP status.
 */
export type Kind = "code" | "fallback" | "status";

/** A retry policy: `decide()` applies it. */
export interface Policy {
  /** The policy's name in the catalog; null for one written inline. */
  readonly name: string | null;
  readonly retry: Retry;
  readonly action: Action;
  /** A response header whose delay overrides the policy's. */
  readonly delayHeader: string | null;
  /** How `delayHeader` reads. */
  readonly delayType: DelayType;
  /** The delay before the first retry, in milliseconds. */
  readonly defaultMs: number;
  /** The cap on any delay; 0 for none. */
  readonly maxMs: number;
  readonly backoff: Backoff;
  /** Repeating the same request is safe: the server deduplicates it. */
  readonly idempotent: boolean;
  /** Attempts in all, the first included; 0 for no limit. */
  readonly maxAttempts: number;
  /** One sentence for humans. */
  readonly advice: string;
  /**
   * Conditions on the response: the first that holds hands the decision to
   * its policy (`classify()` reads them).
   */
  readonly when?: readonly Condition[];
}

/**
 * A condition of a policy: it holds when the response carries `header`
 * (test `present`), when its value is the text `equals` (`equals`), or when
 * it is a whole number at most or at least `bound` (`at_most`, `at_least`).
 */
export interface Condition {
  readonly header: string;
  readonly test: "present" | "equals" | "at_most" | "at_least";
  /** The text of an `equals` test; "" for another test. */
  readonly equals: string;
  /** The number of an `at_most` or `at_least` test; 0 for another test. */
  readonly bound: number;
  /** The policy that decides when the condition holds. */
  readonly then: Policy;
}

/** How a user interface should present an error. */
export interface UiHint {
  readonly severity: Severity;
  readonly audience: Audience;
  /** The best practice for a user interface. */
  readonly hint: string;
  /** The actions to offer, such as "retry" or "top-up". */
  readonly actions: readonly string[];
}

/** One code of a domain, a domain's fallback, or an HTTP status. */
export interface Entry {
  readonly kind: Kind;
  /** The id of the code's domain; null for an HTTP status. */
  readonly domain: string | null;
  /** The code, or the number of an HTTP status; null for a fallback. */
  readonly code: number | string | null;
  /** The code as it is sent ("QUOTE_EXPIRED", "-1005", "429"). */
  readonly codeStr: string | null;
  /** The symbolic name; null for a fallback. */
  readonly name: string | null;
  /** The typical HTTP status, when known. */
  readonly status: number | null;
  /** The message, which may hold `${name}` placeholders: see `formatMessage()`. */
  readonly message: string;
  readonly description: string;
  /** How to debug or fix it. */
  readonly hint: string;
  readonly retry: Policy;
  /** The names of the message's placeholders, in argument order. */
  readonly params: readonly string[];
  readonly ui: UiHint | null;
  /** Still sent, but do not rely on it. */
  readonly deprecated: boolean;
  /**
   * No longer sent: `lookup()`, `lookupName()` and `isCode()` skip it, but
   * `classify()` still recognises it, so that old responses still classify.
   */
  readonly retired: boolean;
  /**
   * The placeholders that `classify()` reads from a body, with their paths
   * (`{ param: "error.param" }`), when the body has no message of its own.
   */
  readonly paramFrom?: Readonly<Record<string, string>>;
}

/**
 * Where the parts of an error body sit: paths (`error.code`, `errors[0].code`,
 * `errors[*].code`), null when unset.
 */
export interface Envelope {
  readonly code: string | null;
  readonly message: string | null;
  readonly details: string | null;
  /** The request fields that the body echoes. */
  readonly echo: readonly string[];
  /** The response headers that `classify()` echoes after them. */
  readonly echoHeaders?: readonly string[];
  /** Where `produce()` puts the HTTP status, and the status text. */
  readonly status?: string;
  readonly title?: string;
}

/** A code space of the catalog. */
export interface Domain {
  /** Its codes, by name. */
  readonly codes: Readonly<Record<string, Entry>>;
  /** What its codes that the catalog does not list mean, if anything. */
  readonly fallback: Entry | null;
  readonly stringCodes: boolean;
  /** The lowest and the highest code of a numeric domain, or []. */
  readonly range: readonly number[];
  readonly envelope: Envelope;
  /**
   * Its codes come beside another domain's (a decline code beside the error
   * code): `classify()` lists them in `also`, never as the entry.
   */
  readonly secondary?: boolean;
}

/** The answer of `decide()`. */
export interface Decision {
  readonly retry: boolean;
  /** Wait this long before retrying; 0 when not retrying. */
  readonly delayMs: number;
  /** What to do before (or instead of) retrying. */
  readonly action: Action;
}

/** What `classify()` made of an error response. */
export interface Classification {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The code, fallback or status the response matched, if any. */
  readonly entry: Entry | undefined;
  /** The code as the body spelled it, for a code or a fallback. */
  readonly code: string | undefined;
  /** The body's message, else the entry's. */
  readonly message: string;
  /** The value at the envelope's details path, or null. */
  readonly details: unknown;
  /**
   * The echoed request fields that the body holds, by path, then the echoed
   * response headers that the response carries, by name.
   */
  readonly echo: Readonly<Record<string, unknown>>;
  /** Whether and when to retry. */
  readonly decision: Decision;
  /** What every other domain read in the body, in catalog order. */
  readonly also: readonly Also[];
}

/**
 * A code of another domain in a classified body (a decline code beside the
 * error code): its domain, the code as the body spelled it, and its entry
 * (the code's, a class's or the domain's fallback: `entry.kind` tells).
 */
export interface Also {
  readonly domain: string;
  readonly code: string;
  readonly entry: Entry;
}

/**
 * What `classify()` needs of a fetch `Headers` object: `get()`, which compares
 * names without case and joins a repeated header's values with ", ". The
 * module names no DOM type, and a `Headers` is not iterable under `lib:
 * ["DOM"]` without `"DOM.Iterable"`.
 */
export interface HeaderGetter {
  get(name: string): string | null;
}

/**
 * Response headers: a fetch `Headers` object, a `Map` or any iterable of name
 * and value pairs, or a plain object such as Node's `IncomingHttpHeaders`
 * (whose values may be arrays: the first value counts).
 */
export type HeadersLike =
  | HeaderGetter
  | Iterable<readonly [string, unknown]>
  | Readonly<Record<string, unknown>>;

/** A value for a placeholder of `formatMessage()`. */
export type FormatArg = string | number | bigint | boolean | null | undefined;

// The catalog's tables, each kept from the formatter as errcat writes them.
// prettier-ignore
const POLICIES = [
  {
    name: "default",
    retry: "never",
    action: "none",
    delayHeader: null,
    delayType: "seconds",
    defaultMs: 0,
    maxMs: 0,
    backoff: "none",
    idempotent: false,
    maxAttempts: 0,
    advice: "",
  },
] as const satisfies readonly Policy[];

/**
 * The codes of domain "app", by name.
 *
 * Retired codes (`retired: true`) stay here, as the catalog's record:
 * `lookup()`, `lookupName()` and `isCode()` skip them, `classify()` still
 * recognises them.
 */
// prettier-ignore
export const APP_CODES = {
  GONE_FISHING: {
    kind: "code",
    domain: "app",
    code: 7,
    codeStr: "7",
    name: "GONE_FISHING",
    status: 404,
    message: "Gone ${where}",
    description: "",
    hint: "",
    retry: POLICIES[0],
    params: ["where"],
    ui: null,
    deprecated: false,
    retired: false,
  },
} as const satisfies Readonly<Record<string, Entry>>;

/** The HTTP statuses that the API returns, as it words them, by name. */
// prettier-ignore
export const STATUSES = {
  NOT_FOUND: {
    kind: "status",
    domain: null,
    code: 404,
    codeStr: "404",
    name: "NOT_FOUND",
    status: 404,
    message: "Not Found",
    description: "",
    hint: "",
    retry: POLICIES[0],
    params: [],
    ui: null,
    deprecated: false,
    retired: false,
  },
} as const satisfies Readonly<Record<string, Entry>>;

/** The catalog's domains, by id. */
// prettier-ignore
export const DOMAINS = {
  app: {
    codes: APP_CODES,
    fallback: null,
    stringCodes: false,
    range: [],
    envelope: {
      code: null,
      message: null,
      details: null,
      echo: [],
    },
  },
} as const satisfies Readonly<Record<string, Domain>>;

/** Where the parts of an error body sit when no domain's code is found. */
// prettier-ignore
const ENVELOPE: Envelope = {
  code: null,
  message: null,
  details: null,
  echo: [],
};

/** The id of a domain of the catalog. */
export type DomainId = keyof typeof DOMAINS;

type CodeEntry<D extends DomainId> =
  (typeof DOMAINS)[D]["codes"][keyof (typeof DOMAINS)[D]["codes"]];

/** The codes of domain `D`, as a union of literal types. */
export type Code<D extends DomainId> =
  CodeEntry<D> extends { readonly code: infer C } ? C : never;

/** The names of the codes of domain `D`, as a union of literal types. */
export type Name<D extends DomainId> =
  CodeEntry<D> extends { readonly name: infer N } ? N : never;

/** The HTTP statuses that the catalog lists, as a union of literal types. */
export type Status = (typeof STATUSES)[keyof typeof STATUSES]["status"];

/** The placeholder values that `formatMessage()` takes for entry `E`. */
export type FormatArgs<E extends Entry> = Readonly<
  Partial<Record<E["params"][number], FormatArg>>
>;

interface Index {
  readonly domain: Domain;
  /** Every code, retired ones included: what `classify()` reads. */
  readonly byCode: ReadonlyMap<Entry["code"], Entry>;
  /** The codes by name, retired ones left out. */
  readonly byName: ReadonlyMap<Entry["name"], Entry>;
}

const domains: Readonly<Record<string, Domain>> = DOMAINS;
const statuses: Readonly<Record<string, Entry>> = STATUSES;

const INDEX: ReadonlyMap<string, Index> = new Map(
  Object.entries(domains).map(([id, domain]) => {
    const entries = Object.values(domain.codes);
    const byCode = new Map(entries.map((entry) => [entry.code, entry]));
    const byName = new Map(
      entries
        .filter((entry) => !entry.retired)
        .map((entry) => [entry.name, entry]),
    );
    return [id, { domain, byCode, byName }];
  }),
);

const BY_STATUS: ReadonlyMap<Entry["status"], Entry> = new Map(
  Object.values(statuses).map((entry) => [entry.status, entry]),
);

/**
 * The entry of `code` in `domain`, retired or not: what `classify()` reads,
 * so that old responses still classify.
 */
function lookupAny(domain: string, code: number | string): Entry | undefined {
  return INDEX.get(domain)?.byCode.get(code);
}

/**
 * Returns the entry of `code` in `domain`, or undefined when the domain does
 * not list it or the code is retired (no longer sent: `classify()` still
 * recognises it). Codes are numbers in a numeric domain, strings in a
 * symbolic one.
 */
export function lookup(
  domain: DomainId,
  code: number | string,
): Entry | undefined {
  const entry = lookupAny(domain, code);
  return entry?.retired === true ? undefined : entry;
}

/**
 * Returns the entry named `name` in `domain`, or undefined when there is none
 * or its code is retired (`classify()` still recognises it).
 */
export function lookupName(domain: DomainId, name: string): Entry | undefined {
  return INDEX.get(domain)?.byName.get(name);
}

/**
 * Returns the entry of HTTP status `status`, or undefined when the catalog
 * does not list it.
 */
export function lookupStatus(status: number): Entry | undefined {
  return BY_STATUS.get(status);
}

/**
 * Returns what the codes of `domain` that it does not list mean, or
 * undefined.
 */
export function fallback(domain: DomainId): Entry | undefined {
  return INDEX.get(domain)?.domain.fallback ?? undefined;
}

/**
 * Whether `value` is a code that `domain` lists and that is not retired, as
 * `lookup()` finds it.
 */
export function isCode<D extends DomainId>(
  domain: D,
  value: unknown,
): value is Code<D> {
  return (
    (typeof value === "number" || typeof value === "string") &&
    lookup(domain, value) !== undefined
  );
}

/** Whether `value` is an HTTP status that the catalog lists. */
export function isStatus(value: unknown): value is Status {
  return typeof value === "number" && BY_STATUS.has(value);
}

/**
 * A code as a response sent it, listed by the catalog or not: what `decode()`
 * returns, so that a code newer than this module reads rather than throws.
 * `known` tells the two apart.
 */
export type Decoded =
  | {
      readonly known: true;
      /** The id of the domain the code was read in. */
      readonly domain: string;
      /** The code as given to `decode()`. */
      readonly raw: number | string;
      /** The code's entry (a retired code's too: old responses still read). */
      readonly entry: Entry;
    }
  | {
      readonly known: false;
      readonly domain: string;
      readonly raw: number | string;
      /**
       * What the catalog says of such a code: its class's entry, else the
       * domain's fallback when its range holds the code, else undefined.
       */
      readonly entry: Entry | undefined;
    };

/**
 * Reads `code` as a response sent it in `domain`: a string in a symbolic
 * domain; a number, or a string of a decimal integer, in a numeric one. It
 * never throws: a code (or domain) this module does not know gives
 * `known: false`, the raw code, and the meaning the catalog gives such codes,
 * if any.
 */
export function decode(domain: string, code: number | string): Decoded {
  const index = INDEX.get(domain);
  const read = index?.domain.stringCodes
    ? typeof code === "string"
      ? { key: code, text: code }
      : undefined
    : asInt(code);
  if (index === undefined || read === undefined) {
    return { known: false, domain, raw: code, entry: undefined };
  }
  const entry = index.byCode.get(read.key);
  if (entry !== undefined) {
    return { known: true, domain, raw: code, entry };
  }
  const other = holds(index.domain, read) ? index.domain.fallback : null;
  return { known: false, domain, raw: code, entry: other ?? undefined };
}

/**
 * Decides whether to retry after attempt number `attempt` (1 for the first
 * request; less counts as 1) failed with `entry`.
 *
 * `retryAfter` is the delay in seconds that the policy's delay header asks
 * for, or null when the response did not carry it. Only `always` and
 * `after-action` retry, and only while attempts remain. The delay is the
 * header's (at most a day), else
 * `defaultMs` grown by the backoff (times the attempt for `linear`, doubled
 * from one attempt to the next for `exponential`), capped at `maxMs` and at
 * `MAX_DELAY_MS`. No entry never retries.
 */
export function decide(
  entry: Entry | undefined,
  attempt = 1,
  retryAfter: number | null = null,
): Decision {
  if (entry === undefined) {
    return { retry: false, delayMs: 0, action: "none" };
  }
  const policy = entry.retry;
  const n = Math.max(attempt, 1);
  if (
    (policy.retry !== "always" && policy.retry !== "after-action") ||
    (policy.maxAttempts > 0 && n >= policy.maxAttempts)
  ) {
    return { retry: false, delayMs: 0, action: policy.action };
  }
  let delay: number;
  if (policy.delayHeader !== null && retryAfter !== null && retryAfter >= 0) {
    delay = Math.min(retryAfter, MAX_HEADER_DELAY_S) * 1000;
  } else if (policy.backoff === "linear") {
    delay = policy.defaultMs * n;
  } else if (policy.backoff === "exponential") {
    delay = policy.defaultMs * 2 ** Math.min(n - 1, 31);
  } else {
    delay = policy.defaultMs;
  }
  delay = Math.min(delay, MAX_DELAY_MS);
  if (policy.maxMs > 0) {
    delay = Math.min(delay, policy.maxMs);
  }
  return { retry: true, delayMs: delay, action: policy.action };
}

const PLACEHOLDER = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)\})/g;

/**
 * Returns the entry's message with its `${name}` placeholders filled from
 * `args`, by placeholder name: `formatMessage(entry, { solAmount: 0.5 })`.
 * Values are written with `String()`. A placeholder without a value (or whose
 * value is null or undefined) stays as written, and `$$` is a literal `$`.
 */
export function formatMessage<E extends Entry>(
  entry: E,
  args?: FormatArgs<E>,
): string {
  const values: Readonly<Record<string, FormatArg>> = args ?? {};
  return entry.message.replace(
    PLACEHOLDER,
    (match: string, name: string | undefined) => {
      if (name === undefined) {
        return "$";
      }
      const value =
        entry.params.includes(name) && hasOwn(values, name)
          ? values[name]
          : undefined;
      return value === undefined || value === null ? match : String(value);
    },
  );
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

const MISSING = Symbol("missing");

const SEGMENT = /^([^.[\]]+)((?:\[(?:[0-9]+|\*)\])*)$/;
const BRACKET = /\[([0-9]+|\*)\]/g;

/**
 * The value at a path of `body` ("status.message", "errors[0].code",
 * "errors[*].code": `[*]` takes the first element that holds the rest of the
 * path), or MISSING.
 */
function at(body: unknown, path: string | null): unknown {
  const parts = pathParts(path);
  return parts === null ? MISSING : read(body, parts);
}

/**
 * The steps of a path: member names, indexes, null for [*]; null for no
 * path.
 */
function pathParts(path: string | null): (string | number | null)[] | null {
  if (path === null) {
    return null;
  }
  const parts: (string | number | null)[] = [];
  for (const segment of path.split(".")) {
    const match = SEGMENT.exec(segment);
    if (match === null) {
      return null;
    }
    parts.push(match[1] ?? "");
    for (const [, index] of (match[2] ?? "").matchAll(BRACKET)) {
      parts.push(index === "*" ? null : Number(index));
    }
  }
  return parts;
}

/** The value at `parts` (member names, indexes, null for [*]) of `value`. */
function read(
  value: unknown,
  parts: readonly (string | number | null)[],
): unknown {
  for (const [i, part] of parts.entries()) {
    if (part === null) {
      if (!Array.isArray(value)) {
        return MISSING;
      }
      for (const item of value as readonly unknown[]) {
        const found = read(item, parts.slice(i + 1));
        if (found !== MISSING) {
          return found;
        }
      }
      return MISSING;
    }
    if (typeof part === "number") {
      if (!Array.isArray(value) || part >= value.length) {
        return MISSING;
      }
      value = (value as readonly unknown[])[part];
    } else if (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      hasOwn(value, part)
    ) {
      value = (value as Readonly<Record<string, unknown>>)[part];
    } else {
      return MISSING;
    }
  }
  return value;
}

interface ReadCode {
  /** The key of the code in a domain's index. */
  readonly key: number | string;
  /** The code as classify() reports it. */
  readonly text: string;
}

const DECIMAL = /^-?[0-9]+$/;

/**
 * The largest magnitude of a code spelled as a string that `classify()`
 * reads: the reference reads digits into a signed 64-bit integer and gives up
 * when the next digit could overflow it.
 */
const CODE_LIMIT = 9223372036854775799n;

/** A numeric code in a body: a JSON integer, or a string of a decimal integer. */
function asInt(value: unknown): ReadCode | undefined {
  let n: bigint;
  if (typeof value === "number" && Number.isInteger(value)) {
    n = BigInt(value);
  } else if (typeof value === "string" && DECIMAL.test(value)) {
    n = BigInt(value);
    if (n > CODE_LIMIT || -n > CODE_LIMIT) {
      return undefined;
    }
  } else {
    return undefined;
  }
  return { key: Number(n), text: n.toString() };
}

function holds(domain: Domain, code: ReadCode): boolean {
  const [low, high] = domain.range;
  return (
    typeof code.key === "string" ||
    low === undefined ||
    high === undefined ||
    (code.key >= low && code.key <= high)
  );
}

/** What one domain read in a body. */
interface Reading extends Also {
  readonly info: Domain;
}

/**
 * Each domain's reading of `body`, in catalog order: the entry of its listed
 * code, else its class's, else its fallback when its range holds the code.
 */
function readings(body: unknown): Reading[] {
  const found: Reading[] = [];
  for (const [id, { domain }] of INDEX) {
    const value = at(body, domain.envelope.code);
    const code = domain.stringCodes
      ? typeof value === "string"
        ? { key: value, text: value }
        : undefined
      : asInt(value);
    if (code === undefined) {
      continue;
    }
    // Unfiltered: a retired code still classifies, unlike in lookup().
    const entry =
      lookupAny(id, code.key) ??
      (domain.fallback !== null && holds(domain, code)
        ? domain.fallback
        : undefined);
    if (entry !== undefined) {
      found.push({ domain: id, code: code.text, entry, info: domain });
    }
  }
  return found;
}

/**
 * The primary reading of `body`: the first listed code of a domain that is
 * not secondary, else the first class entry or fallback of one; and what
 * every other domain read (`also`).
 */
function findCode(body: unknown): {
  readonly primary: Reading | undefined;
  readonly also: readonly Also[];
} {
  const all = readings(body);
  const mayLead = all.filter(({ info }) => info.secondary !== true);
  const primary =
    mayLead.find(({ entry }) => entry.kind === "code") ?? mayLead[0];
  const also = all
    .filter((reading) => reading !== primary)
    .map(({ domain, code, entry }) => ({ domain, code, entry }));
  return { primary, also };
}

const WHOLE_NUMBER = /^-?[0-9]{1,18}$/;

/** Whether `condition` holds for its header's text (undefined when absent). */
function conditionHolds(
  condition: Condition,
  value: string | undefined,
): boolean {
  if (value === undefined) {
    return false;
  }
  if (condition.test === "present") {
    return true;
  }
  const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, "");
  if (condition.test === "equals") {
    return trimmed === condition.equals;
  }
  if (!WHOLE_NUMBER.test(trimmed)) {
    return false;
  }
  // 18 digits are past 2^53: compared exactly.
  const n = BigInt(trimmed);
  const bound = BigInt(condition.bound);
  return condition.test === "at_most" ? n <= bound : n >= bound;
}

/**
 * The policy that decides for a response: that of the first of `policy`'s
 * conditions that holds for `headers`, else `policy`.
 */
function policyFor(policy: Policy, headers: HeadersLike): Policy {
  const holding = policy.when?.find((condition) =>
    conditionHolds(condition, headerText(headers, condition.header)),
  );
  return holding === undefined ? policy : holding.then;
}

/**
 * The text of a value read from a body or a header: a string as is, an
 * integer in decimal, a boolean as `true` or `false` (`booleans`), else
 * undefined.
 */
function text(value: unknown, booleans: boolean): string | undefined {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" && Number.isInteger(value)) {
    return BigInt(value).toString();
  }
  return booleans && typeof value === "boolean" ? String(value) : undefined;
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** A delay read from a header is at most a day (the largest `maxMs`). */
const MAX_HEADER_DELAY_S = 86400;
const WHOLE = /^[ \t]*([0-9]+)[ \t]*$/;
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const MON = `(${MONTHS.join("|")})`;
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const CLOCK = "([0-9]{2}):([0-9]{2}):([0-9]{2})";
const IMF_FIXDATE = new RegExp(
  `^${DAY}, ([0-9]{2}) ${MON} ([0-9]{4}) ${CLOCK} GMT$`,
);
const RFC850_DATE = new RegExp(
  "^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), " +
    `([0-9]{2})-${MON}-([0-9]{2}) ${CLOCK} GMT$`,
);
const ASCTIME_DATE = new RegExp(
  `^${DAY} ${MON} ([ 0-9][0-9]) ${CLOCK} ([0-9]{4})$`,
);

/**
 * The first value of header `name` (compared without ASCII case), or
 * undefined. Pairs (a `Map`, a `Headers` where it iterates) and plain objects
 * are searched, since their names keep their case; an object that has `get()`
 * and does not iterate is asked.
 */
function header(headers: HeadersLike, name: string): unknown {
  if (!isIterable(headers) && isGetter(headers)) {
    return headers.get(name) ?? undefined;
  }
  const wanted = asciiLower(name);
  const pairs = isIterable(headers) ? headers : Object.entries(headers);
  for (const [key, value] of pairs) {
    if (asciiLower(key) === wanted) {
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

/** The value of header `name` as text (an integer in decimal), or undefined. */
function headerText(headers: HeadersLike, name: string): string | undefined {
  return text(header(headers, name), false);
}

function isGetter(headers: HeadersLike): headers is HeaderGetter {
  return "get" in headers && typeof headers.get === "function";
}

function isIterable(
  headers: HeadersLike,
): headers is Iterable<readonly [string, unknown]> {
  return Symbol.iterator in headers;
}

/**
 * Days from 1970-01-01 to the Gregorian date, written out (H. Hinnant's
 * days_from_civil): `Date.UTC` reads years below 100 as 19xx.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100);
  return era * 146097 + doe + doy + day - 1 - 719468;
}

/**
 * The time an HTTP-date means (IMF-fixdate, RFC 850 or asctime; blanks
 * around allowed) in seconds since 1970, or null. `refMs` places RFC 850's
 * two-digit year: in the year ending in those digits that is at most 50
 * years after the reference year and fewer than 50 before.
 */
function httpDate(text: string, refMs: number): number | null {
  const value = text.replace(/^[ \t]+|[ \t]+$/g, "");
  // Every group of the date patterns takes part in a match.
  const num = (m: RegExpExecArray, i: number): number => Number(m[i]);
  let day: number, month: string | undefined, year: number, clock: number;
  let m = IMF_FIXDATE.exec(value);
  if (m !== null) {
    [day, month, year, clock] = [num(m, 1), m[2], num(m, 3), 4];
  } else if ((m = ASCTIME_DATE.exec(value)) !== null) {
    [month, day, clock, year] = [m[1], num(m, 2), 3, num(m, 6)];
  } else if ((m = RFC850_DATE.exec(value)) !== null) {
    [day, month, year, clock] = [num(m, 1), m[2], num(m, 3), 4];
    const refYear = new Date(refMs).getUTCFullYear();
    year += refYear - (refYear % 100);
    if (year > refYear + 50) {
      year -= 100;
    } else if (year <= refYear - 50) {
      year += 100;
    }
  } else {
    return null;
  }
  const mon = MONTHS.indexOf(month ?? "") + 1;
  const hour = num(m, clock);
  const minute = num(m, clock + 1);
  const second = num(m, clock + 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day < 1 || day > (days[mon - 1] ?? 0) || hour > 23 || minute > 59) {
    return null;
  }
  if (second > 60) {
    return null; // 60 is a leap second
  }
  const date = daysFromCivil(year, mon, day);
  return date * 86400 + hour * 3600 + minute * 60 + second;
}

/**
 * The delay in whole seconds that `value`, the value of a delay header of
 * type `type`, asks for; null when it is not a value of the type. A time to
 * retry at counts from the Date header (`date`) when it is an HTTP-date,
 * else from `nowMs`; a past one is 0, a fraction of a second rounds up.
 */
function delaySeconds(
  value: unknown,
  type: DelayType,
  date: unknown,
  nowMs: number,
): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string") {
    return null;
  }
  const whole = WHOLE.exec(text);
  // Past 2^53 a number is not exact, but every delay that long is capped.
  const number = whole === null ? null : Number(whole[1]);
  if (type === "seconds" && number !== null) {
    return number;
  }
  const sent = typeof date === "string" ? httpDate(date, nowMs) : null;
  const refMs = sent === null ? nowMs : sent * 1000;
  const at = type === "epoch-seconds" ? number : httpDate(text, refMs);
  if (at === null) {
    return null;
  }
  return Math.max(Math.ceil((at * 1000 - refMs) / 1000), 0);
}

/**
 * The message of a response whose body has none: the entry's (`${code}` of a
 * fallback or a class, and the parameters read from `body`, filled; other
 * placeholders as written), a status's title, or "".
 */
function messageOf(
  entry: Entry | undefined,
  code: string | undefined,
  body: unknown,
): string {
  if (entry === undefined) {
    return "";
  }
  if (entry.kind === "status") {
    return entry.message;
  }
  const args: Record<string, FormatArg> = {};
  for (const [name, path] of Object.entries(entry.paramFrom ?? {})) {
    args[name] = text(at(body, path), true);
  }
  if (entry.kind === "fallback") {
    args["code"] = code;
  }
  return formatMessage(entry, args);
}

/**
 * Reads an error response: its HTTP status, its headers (names compare
 * without ASCII case) and its body parsed from JSON (null for none), after
 * attempt number `attempt` failed.
 *
 * Each domain reads the code at its envelope's code path. The entry is the
 * first listed code, in catalog order, of a domain that is not secondary,
 * else the first class entry or fallback of one, else that of the HTTP
 * status; `also` lists what every other domain read. The message is the
 * body's, else the entry's (`${code}` of a fallback or a class, and the
 * parameters read from the body, filled), else "". `echo` holds the echoed
 * body fields, then the echoed response headers. The policy is the entry's,
 * or that of the first of its conditions on `headers` that holds. The
 * decision reads that policy's delay header from `headers` by its type: a
 * time to retry at counts from the response's Date header, else from `now`
 * (milliseconds since 1970, or a Date; the clock by default).
 */
export function classify(
  status: number,
  headers: HeadersLike,
  body: unknown,
  attempt = 1,
  now: number | Date = Date.now(),
): Classification {
  const { primary, also } = findCode(body);
  const entry = primary ? primary.entry : lookupStatus(status);
  const envelope = primary ? primary.info.envelope : ENVELOPE;
  const message = at(body, envelope.message);
  const details = at(body, envelope.details);
  const echo: [string, unknown][] = envelope.echo
    .map((path) => [path, at(body, path)] as [string, unknown])
    .filter(([, value]) => value !== MISSING);
  for (const name of envelope.echoHeaders ?? []) {
    const value = headerText(headers, name);
    if (value !== undefined) {
      echo.push([name, value]);
    }
  }
  // A condition that holds hands the decision to its policy.
  const deciding =
    entry?.retry.when === undefined
      ? entry
      : { ...entry, retry: policyFor(entry.retry, headers) };
  const name = deciding?.retry.delayHeader ?? null;
  const retryAfter =
    deciding && name !== null
      ? delaySeconds(
          header(headers, name),
          deciding.retry.delayType,
          header(headers, "Date"),
          Math.floor(typeof now === "number" ? now : now.getTime()),
        )
      : null;
  return {
    status,
    entry,
    code: primary?.code,
    message:
      typeof message === "string"
        ? message
        : messageOf(entry, primary?.code, body),
    details: details === MISSING ? null : details,
    echo: Object.fromEntries(echo),
    decision: decide(deciding, attempt, retryAfter),
    also,
  };
}

/** The body of a produced error response. */
export type Form =
  /** The catalog's own envelope (application/json). */
  | "envelope"
  /** RFC 9457 problem details (application/problem+json). */
  | "problem"
  /** A google.rpc.Status in its JSON form (application/json). */
  | "rpc";

/** The gRPC status codes (google.rpc.Code), by number. */
export const GRPC_CODES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

/** A gRPC status code's name. */
export type GrpcCode = (typeof GRPC_CODES)[number];

// prettier-ignore
const GRPC_HTTP = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401] as const;

/** The HTTP status of a gRPC code, as google.rpc's code.proto maps it. */
export function httpStatusOf(code: GrpcCode): number {
  return GRPC_HTTP[GRPC_CODES.indexOf(code)] ?? 500;
}

/** A value of a decimal placeholder: a number, or its JSON text. */
export type Decimal = number | string;

/** The values of the placeholders of each code, by `<domain>.<name>`. */
// prettier-ignore
export interface ProduceParams {
  "app.GONE_FISHING": {
    readonly where: string;
  };
}

/** A value of a placeholder whose type is not known where it is given. */
export type ParamValue = string | number | bigint | boolean;

/**
 * The placeholder values that `produce()` takes for entry `E`: those of its
 * code when `E` is a code of the catalog's tables, typed; none for a code
 * without placeholders or a status; any otherwise (checked when produced).
 */
export type ProduceArgs<E extends Entry> = E extends {
  readonly domain: infer D extends string;
  readonly name: infer N extends string;
}
  ? string extends D | N
    ? Readonly<Record<string, ParamValue>>
    : `${D}.${N}` extends keyof ProduceParams
      ? ProduceParams[`${D}.${N}`]
      : Readonly<Record<string, never>>
  : E extends { readonly kind: "status" }
    ? Readonly<Record<string, never>>
    : Readonly<Record<string, ParamValue>>;

/** The options of `produce()`. */
export interface ProduceOptions {
  /** The body: the envelope (the default), problem details or a google.rpc.Status. */
  readonly form?: Form;
  /** The problem's instance (form "problem"). */
  readonly instance?: string;
  /** What the envelope's details path holds (form "envelope"). */
  readonly details?: unknown;
  /**
   * Values of the envelope's echo fields, keyed as `classify()` keys them: a
   * request field (any JSON value) goes at its path (form "envelope"), an
   * echoed header (a string) is sent in every form.
   */
  readonly echo?: Readonly<Record<string, unknown>>;
  /** Where a point in time counts from: milliseconds since 1970 or a Date. */
  readonly now?: number | Date;
}

/** An error response for a server to send: what `produce()` makes. */
export interface ErrorResponse {
  readonly status: number;
  /** The status text ("Too Many Requests"). */
  readonly statusText: string;
  /** Content-Type first, then the delay header when the status carries it. */
  readonly headers: [string, string][];
  /** The JSON body. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The formatted message. */
  readonly message: string;
}

/** Thrown by `produce()` for an entry it cannot send, or values that do not fit. */
export class ProduceError extends TypeError {
  override readonly name = "ProduceError";
}

interface Making {
  /** The type of each placeholder, in the order of `Entry.params`. */
  readonly types: readonly string[];
  /** The problem's title; the status text of a status. */
  readonly title: string;
  readonly problemType: string;
  readonly grpc: number;
  /** The status carries the policy's delay header: `produce()` sends it. */
  readonly sendsDelay: boolean;
  /** ErrorInfo's reason and domain. */
  readonly reason: string;
  readonly domain: string;
  readonly helpUrl: string | null;
}

function makingKey(
  domain: string | null,
  code: number | string | null,
): string {
  return JSON.stringify([domain, code]);
}

// prettier-ignore
const MAKING: ReadonlyMap<string, Making> = new Map([
  [makingKey("app", 7), { types: ["string", ], title: "Gone {where}", problemType: "tag:errcat.invalid,2026:tiny#app-gone-fishing", grpc: 5, sendsDelay: false, reason: "GONE_FISHING", domain: "tiny.app", helpUrl: null }],
  [makingKey(null, 404), { types: [], title: "Not Found", problemType: "about:blank", grpc: 5, sendsDelay: false, reason: "NOT_FOUND", domain: "tiny", helpUrl: null }],
]);

/**
 * The gRPC status of a code or a status: the catalog's `grpc`, else the one
 * google.rpc's code.proto maps its HTTP status to.
 */
export function grpcCode(entry: Entry): GrpcCode {
  const making = MAKING.get(makingKey(entry.domain, entry.code));
  const code = making ? GRPC_CODES[making.grpc] : undefined;
  if (code === undefined) {
    throw new ProduceError(
      `no gRPC status for ${entry.codeStr ?? "a fallback"}`,
    );
  }
  return code;
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** A placeholder's value as JSON holds it, and as the message writes it. */
function paramValue(
  name: string,
  type: string,
  value: unknown,
): [unknown, string] {
  if (type === "string" && typeof value === "string") {
    return [value, value];
  }
  if (
    type === "integer" &&
    (typeof value === "bigint" ||
      (typeof value === "number" && Number.isSafeInteger(value)))
  ) {
    return [typeof value === "bigint" ? Number(value) : value, String(value)];
  }
  if (type === "boolean" && typeof value === "boolean") {
    return [value, String(value)];
  }
  if (
    type === "decimal" &&
    (typeof value === "number" || typeof value === "string")
  ) {
    const text = String(value);
    if (NUMBER.test(text)) {
      return [text, text];
    }
  }
  throw new ProduceError(
    `placeholder ${name} takes a ${type}, not ${String(value)}`,
  );
}

/**
 * Puts `value` at `path` of `body`: a member name makes an object, `[N]` an
 * array of at least N + 1 elements (null until written), `[*]` element 0
 * (where classify's `[*]` reads first). A path that meets a value already
 * there (but a null element) or a member of another shape is left out (the
 * first part of the envelope wins), as is one with an index above 63.
 * `made` holds the objects and arrays that paths made (the body among
 * them): a value written at a path, the caller's details say, is never
 * written into.
 */
function put(
  body: Record<string, unknown>,
  path: string | null | undefined,
  value: unknown,
  made: Set<unknown>,
): void {
  const steps = (pathParts(path ?? null) ?? []).map((step) => step ?? 0);
  if (steps.some((step) => typeof step === "number" && step >= 64)) {
    return;
  }
  let node: unknown = body;
  for (const [i, step] of steps.entries()) {
    if (!made.has(node)) {
      return;
    }
    const after = steps[i + 1];
    const fresh: unknown =
      after === undefined ? value : typeof after === "string" ? {} : [];
    if (
      typeof step === "string" &&
      typeof node === "object" &&
      node !== null &&
      !Array.isArray(node)
    ) {
      const members = node as Record<string, unknown>;
      if (!hasOwn(members, step)) {
        members[step] = fresh;
      }
      if (after !== undefined && members[step] === fresh) {
        made.add(fresh);
      }
      node = members[step];
    } else if (typeof step === "number" && Array.isArray(node)) {
      const items = node as unknown[];
      while (items.length <= step) {
        items.push(null);
      }
      if (items[step] === null) {
        items[step] = fresh;
      }
      if (after !== undefined && items[step] === fresh) {
        made.add(fresh);
      }
      node = items[step];
    } else {
      return;
    }
  }
}

/** A google.protobuf.Duration in JSON, from milliseconds. */
function duration(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const rest = ms % 1000;
  return rest ? `${whole}.${String(rest).padStart(3, "0")}s` : `${whole}s`;
}

/**
 * Makes the error response of a code or a status: its HTTP status (a code's,
 * else 500), its headers (Content-Type, and the delay of a first retry in the
 * policy's delay header when the status carries it: a point in time counts
 * from `now`, else the clock) and its body in `form`: the catalog's envelope
 * (`details`, when given, at its details path), RFC 9457 problem details
 * (`instance` when given; the code and each placeholder as extension
 * members) or a google.rpc.Status (ErrorInfo, RetryInfo, Help). `params`
 * holds a value for each placeholder of the message, of its type (typed for
 * the catalog's codes: `ProduceParams`); throws `ProduceError` when one lacks
 * or does not fit, or a name is no placeholder. Send it with fetch's
 * standard API: `new Response(JSON.stringify(r.body), r)`.
 */
export function produce<E extends Entry>(
  entry: E,
  params: ProduceArgs<E>,
  options: ProduceOptions = {},
): ErrorResponse {
  const making = MAKING.get(makingKey(entry.domain, entry.code));
  if (making === undefined || entry.kind === "fallback" || entry.retired) {
    throw new ProduceError(
      `cannot produce ${entry.codeStr ?? "a fallback"}: not a code or status`,
    );
  }
  const domains: Readonly<Record<string, Domain>> = DOMAINS;
  const envelope =
    (entry.domain !== null ? domains[entry.domain]?.envelope : null) ??
    ENVELOPE;
  const echo = options.echo ?? {};
  for (const [name, value] of Object.entries(echo)) {
    const header = (envelope.echoHeaders ?? []).includes(name);
    if (!header && !envelope.echo.includes(name)) {
      throw new ProduceError(
        `${name} is no echo field of ${entry.codeStr ?? ""}`,
      );
    }
    if (header && (typeof value !== "string" || /[\r\n]/.test(value))) {
      throw new ProduceError(`echoed header ${name} takes a line of text`);
    }
  }
  const values: Readonly<Record<string, unknown>> = params;
  for (const name of Object.keys(values)) {
    if (!entry.params.includes(name)) {
      throw new ProduceError(
        `${entry.codeStr ?? ""} has no placeholder ${name}`,
      );
    }
  }
  const typed: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  entry.params.forEach((name, i) => {
    if (!hasOwn(values, name)) {
      throw new ProduceError(
        `${entry.codeStr ?? ""} needs a value for ${name}`,
      );
    }
    [typed[name], texts[name]] = paramValue(
      name,
      making.types[i] ?? "string",
      values[name],
    );
  });
  const form = options.form ?? "envelope";
  const status = entry.status ?? 500;
  const message =
    entry.kind === "status"
      ? entry.message
      : formatMessage<Entry>(entry, texts);
  const statusText = lookupStatus(status)?.message ?? "";
  const headers: [string, string][] = [
    [
      "Content-Type",
      form === "problem" ? "application/problem+json" : "application/json",
    ],
  ];
  const policy = entry.retry;
  const decision = decide(entry);
  if (decision.retry && making.sendsDelay && policy.delayHeader !== null) {
    const seconds = Math.ceil(decision.delayMs / 1000);
    const now = options.now ?? Date.now();
    const at =
      Math.floor((typeof now === "number" ? now : now.getTime()) / 1000) +
      seconds;
    const value =
      policy.delayType === "http-date"
        ? new Date(at * 1000).toUTCString()
        : String(policy.delayType === "epoch-seconds" ? at : seconds);
    headers.push([policy.delayHeader, value]);
  }
  for (const name of envelope.echoHeaders ?? []) {
    const value = echo[name];
    if (typeof value === "string") {
      headers.push([name, value]);
    }
  }
  let body: Record<string, unknown> = {};
  if (form === "envelope") {
    const made = new Set<unknown>([body]);
    if (entry.kind === "code") {
      put(body, envelope.code, entry.code, made);
    }
    put(body, envelope.status, status, made);
    put(body, envelope.title, statusText, made);
    put(body, envelope.message, message, made);
    if (options.details !== undefined && options.details !== null) {
      put(body, envelope.details, options.details, made);
    }
    for (const [name, path] of Object.entries(entry.paramFrom ?? {})) {
      put(body, path, typed[name], made);
    }
    for (const path of envelope.echo) {
      if (hasOwn(echo, path)) {
        put(body, path, echo[path], made);
      }
    }
  } else if (form === "problem") {
    body = {
      type: making.problemType,
      title: making.title,
      status,
      detail: message,
    };
    if (options.instance !== undefined) {
      body["instance"] = options.instance;
    }
    if (entry.kind === "code") {
      body["code"] = entry.code;
    }
    for (const [name, value] of Object.entries(typed)) {
      if (!hasOwn(body, name)) {
        body[name] = value;
      }
    }
  } else {
    const details: unknown[] = [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: making.reason,
        domain: making.domain,
        metadata: texts,
      },
    ];
    if (decision.retry) {
      details.push({
        "@type": "type.googleapis.com/google.rpc.RetryInfo",
        retryDelay: duration(decision.delayMs),
      });
    }
    if (making.helpUrl !== null) {
      details.push({
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [{ description: making.title, url: making.helpUrl }],
      });
    }
    body = { code: making.grpc, message, details };
  }
  return { status, statusText, headers, body, message };
}

/**
 * An error response of the Tiny API, as `classify()` read it:
 * `throw new TinyError(classify(status, headers, body))`. Its
 * properties are those of the classification, which it keeps too.
 */
export class TinyError extends Error {
  override readonly name = "TinyError";
  readonly classification: Classification;
  readonly status: number;
  readonly entry: Entry | undefined;
  readonly code: string | undefined;
  readonly details: unknown;
  readonly echo: Readonly<Record<string, unknown>>;
  readonly decision: Decision;
  readonly also: readonly Also[];

  constructor(classification: Classification) {
    super(classification.message);
    this.classification = classification;
    this.status = classification.status;
    this.entry = classification.entry;
    this.code = classification.code;
    this.details = classification.details;
    this.echo = classification.echo;
    this.decision = classification.decision;
    this.also = classification.also;
  }
}
