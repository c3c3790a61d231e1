#!/usr/bin/env python3
"""Synthetic error catalogs for `make bench`, and the same codes for the
other tools, so that every tool gets the same work.

    gen_catalog.py OUTDIR N...

For each N writes OUTDIR/nN/:

  bench.yaml            the root catalog: metadata, an include of
                        spec/common/http.yaml (the IANA registry), headers,
                        named retry policies, statuses, and one include per
                        domain (a domain cannot be split across files, and
                        errcat reads at most 64 MiB per file)
  domains/<id>.yaml     the codes of one domain
  files.txt             every YAML file errcat reads (for the floor program)
  bench.et              every code in one com_err table (compile_et's input)
  et/eNNN.et            the same codes in tables of 256: com_err can only
                        look up 256 codes per table (error_message() splits a
                        code into table base and 8-bit offset)
  et_tables.c           the table list of et/, for the lookup benchmark
  names.gperf           gperf keywords: every name with its code and message
  codes.gperf           gperf keywords: every code as sent (decimal or string)
  bench.proto           one proto2 enum per domain, the message as an option
  keys_num.txt          "domain code et_table et_offset" for every numeric
                        code, in random order
  keys_str.txt          "domain code" for every string code, random order
  keys_name.txt         "domain name" for every code, random order (retired
                        codes, which no lookup finds, are left out of the keys)
  domains.txt           "index id kind count" per domain

The mix per catalog: eight domains (dense numeric from 1, dense negative
with holes, sparse numeric with a range and a fallback, numeric codes with
gaps and a fallback, two of SCREAMING string codes, kebab-case string
codes whose names are derived, camel-case string codes with explicit
names); messages with ${placeholders} and typed params in about a quarter
of the codes (some with a literal $$); named
(35%) and inline (10%) retry policies, the rest inheriting their status's;
UI hints (30%), a few examples, deprecated and retired codes.

Deterministic: the random generator is seeded from N alone.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HTTP_YAML = os.path.join(ROOT, "spec", "common", "http.yaml")

WORDS = """account amount asset balance batch block bundle cache channel client
config credit deadline deposit device document fee file gateway grant hash
identity index instrument invoice key ledger limit lock mandate market merchant
method mint nonce order owner partner payload payment permit pool price profile
quota quote rate receipt record region request reserve resource route scope
session signature slot stake storage stream subscription swap tenant ticket
token trade transaction transfer upload user vault version wallet webhook""".split()

PROBLEMS = """not_found expired invalid missing locked exceeded rejected
unavailable conflict timeout duplicate unsupported forbidden malformed
too_large too_small frozen revoked pending closed mismatch overflow
unverified suspended throttled stale incomplete corrupt""".split()

# Message shapes: (template, params). {W} and {P} are words; ${x} are
# placeholders with their types.
SHAPES = [
    ("{W} {P}", []),
    ("The {W} is {P}", []),
    ("{W} {P}: check the request", []),
    ("{W} {P} for ${id}", [("id", "string")]),
    ("Insufficient ${asset} balance: need ${amount}", [("asset", "string"), ("amount", "decimal")]),
    ("{W} ${id} is {P} since ${since}", [("id", "string"), ("since", "integer")]),
    ("{W} limit of ${limit} reached; retry in ${seconds}s", [("limit", "integer"),
                                                             ("seconds", "integer")]),
    ("Top up ${solAmount} SOL for {W}", [("solAmount", "decimal")]),
    ("{W} {P} (enabled: ${enabled})", [("enabled", "boolean")]),
    ("Cost is 100$$ per {W}; {P}", []),
]

DESCRIPTIONS = [
    "Returned when the {W} named in the request is {P}.",
    "The server found the {W} {P} while processing the request; no state changed.",
    "A {W} check failed: the {W} is {P}. See the details field for the offending value.",
    "Sent by the {W} service when an upstream {W} is {P}.",
]
HINTS = [
    "Check the {W} in the request body.",
    "Fetch a fresh {W} and try again.",
    "Log the request id and the response headers; support can trace them.",
    "Lower the {W} size or split the request.",
]
UI_HINTS = [
    "Show the {W} field in error and keep the form filled.",
    "Offer the user a button to refresh the {W}.",
    "Disable the submit button until the {W} is fixed.",
]
ACTIONS = ["retry", "requote", "top-up", "sign-in", "contact-support", "refresh"]

STATUSES = [  # status, retry policy or None, headers
    (400, "fix-request", []),
    (401, "check-credentials", []),
    (403, None, []),
    (404, "no-retry", []),
    (409, "requote", []),
    (410, "requote", []),
    (413, None, []),
    (422, "fix-request", []),
    (429, "after-retry-after", ["Retry-After", "X-RateLimit-Remaining", "X-RateLimit-Reset"]),
    (500, "maybe-then-support", []),
    (502, "resubmit-same", []),
    (503, "after-retry-after", ["Retry-After"]),
    (504, "backoff", []),
]
CODE_STATUSES = [s for s, _, _ in STATUSES]

POLICIES = """\
retry_policies:
  fix-request: {retry: never, action: fix-request, advice: "Fix the request; repeating it unchanged fails again."}
  check-credentials: {retry: never, action: check-credentials, advice: Check the API key.}
  no-retry: {retry: never, advice: Repeating the request does not help.}
  requote: {retry: after-action, action: requote, advice: "Get a new quote, then retry with it."}
  after-retry-after:
    retry: always
    delay: {header: Retry-After, default_ms: 2000, max_ms: 60000}
    advice: Wait for the Retry-After delay, then retry.
  backoff:
    retry: always
    delay: {default_ms: 250, max_ms: 8000, backoff: exponential}
    max_attempts: 5
    advice: Retry with exponential backoff.
  resubmit-same: {retry: always, action: resubmit-same, idempotent: true, delay: {default_ms: 500}}
  poll: {retry: always, action: poll-status, delay: {default_ms: 1000, backoff: linear, max_ms: 10000}}
  maybe-then-support: {retry: maybe, action: contact-support, advice: "Try again; if it persists contact support."}
"""
NAMED = ["fix-request", "no-retry", "requote", "after-retry-after", "backoff", "resubmit-same",
         "poll", "maybe-then-support", "check-credentials"]
INLINE = [
    "{retry: never, action: fix-request, advice: Correct the field named in details.}",
    "{retry: always, delay: {default_ms: 300, backoff: linear, max_ms: 3000}, max_attempts: 3}",
    "{retry: maybe, action: adjust-request}",
    "{retry: after-action, action: requote, advice: Requote and retry.}",
    "{retry: depends, advice: Read the details before deciding.}",
    "{retry: always, action: poll-status, idempotent: true, delay: {default_ms: 1000}}",
]

# Domains: id, kind, share of the codes.
DOMAINS = [
    ("order", "dense", 0.15),
    ("execute", "dense_neg", 0.15),
    ("aggregator", "sparse", 0.15),
    ("program", "gappy", 0.10),
    ("api", "str_upper", 0.15),
    ("auth", "str_kebab", 0.10),
    ("billing", "str_camel", 0.15),
    ("quota", "str_upper", 0.05),
]


def q(s):
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(s, ensure_ascii=False)


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Code:
    __slots__ = ("domain", "di", "kind", "code", "code_text", "name", "message", "status", "retired")


def counts(n):
    sizes = [int(n * share) for _, _, share in DOMAINS]
    sizes[0] += n - sum(sizes)
    return sizes


def make_codes(rng, n):
    """The codes of every domain, in catalog order."""
    out = []
    serial = 0
    for di, ((dom, kind, _), k) in enumerate(zip(DOMAINS, counts(n))):
        if kind == "dense":
            nums = list(range(1, k + 1))
        elif kind == "dense_neg":  # -1, -2, ... with one hole in ten
            nums = [-(i + i // 9 + 1) for i in range(k)]
        elif kind == "sparse":  # anywhere in [-2e9, -1e6]
            nums = sorted(rng.sample(range(-2_000_000_000, -1_000_000), k), reverse=True)
        elif kind == "gappy":  # 10,000,000 + about every third number
            nums = sorted(rng.sample(range(10_000_000, 10_000_000 + 3 * k + 1), k))
        else:
            nums = [None] * k
        for num in nums:
            c = Code()
            c.domain, c.di, c.kind = dom, di, kind
            w1, w2 = rng.choice(WORDS), rng.choice(PROBLEMS)
            base = f"{w1}_{w2}_{serial:x}"
            serial += 1
            if kind == "str_upper":
                c.code = c.code_text = base.upper()
                c.name = c.code
            elif kind == "str_kebab":
                c.code = c.code_text = base.replace("_", "-")
                c.name = base.upper()  # what errcat derives
            elif kind == "str_camel":
                parts = base.split("_")
                c.code = c.code_text = parts[0] + "".join(p.capitalize() for p in parts[1:])
                c.name = "E_" + base.upper()
            else:
                c.code = num
                c.code_text = str(num)
                c.name = base.upper()
            out.append(c)
    return out


def words(rng, text):
    return text.replace("{W}", rng.choice(WORDS)).replace("{P}", rng.choice(PROBLEMS).replace("_", " "))


def write_domain(f, rng, dom, kind, codes):
    w = f.write
    w("errcat: 1\n\ndomains:\n")
    w(f"  - id: {dom}\n")
    w(f"    title: {dom.capitalize()} codes\n")
    w(f"    description: Codes of the {dom} service, generated for errcat's benchmark.\n")
    w(f"    code_type: {'string' if kind.startswith('str') else 'int'}\n")
    if kind == "sparse":
        w("    range: [-2000000000, -1000000]\n")
    if kind == "dense_neg":
        w("    envelope: {code: errorCode, message: errorMessage}\n")
    w("    codes:\n")
    for c in codes:
        shape, params = SHAPES[rng.randrange(len(SHAPES))] if rng.random() < 0.6 else \
            (SHAPES[rng.randrange(3)][0], [])
        if params and rng.random() < 0.35:
            shape, params = SHAPES[rng.randrange(3)]
        msg = words(rng, shape)
        msg = msg[0].upper() + msg[1:]
        c.message = msg
        c.status = rng.choice(CODE_STATUSES) if rng.random() < 0.85 else 0
        if kind.startswith("str"):
            w(f"      - code: {q(c.code)}\n")
            if kind != "str_kebab":
                w(f"        name: {c.name}\n")
        else:
            w(f"      - code: {c.code}\n")
            w(f"        name: {c.name}\n")
        if c.status:
            w(f"        status: {c.status}\n")
        w(f"        message: {q(msg)}\n")
        if rng.random() < 0.8:
            w(f"        description: {q(words(rng, rng.choice(DESCRIPTIONS)))}\n")
        if rng.random() < 0.5:
            w(f"        hint: {q(words(rng, rng.choice(HINTS)))}\n")
        if params:
            w("        params:\n")
            for p, t in params:
                w(f"          {p}: {{type: {t}, description: {q('The ' + p + ' of the ' + rng.choice(WORDS))}}}\n")
        r = rng.random()
        # A 429 or 503 retried automatically needs a delay: no requote there.
        overload = c.status in (429, 503)
        if r < 0.35:
            pol = rng.choice(NAMED)
            w(f"        retry: {'backoff' if overload and pol == 'requote' else pol}\n")
        elif r < 0.45:
            pol = rng.choice(INLINE)
            w(f"        retry: {INLINE[1] if overload and pol == INLINE[3] else pol}\n")
        if rng.random() < 0.3:
            w("        ui:\n")
            w(f"          severity: {rng.choice(['info', 'warning', 'error', 'critical'])}\n")
            if rng.random() < 0.3:
                w(f"          audience: {rng.choice(['user', 'developer', 'operator'])}\n")
            w(f"          hint: {q(words(rng, rng.choice(UI_HINTS)))}\n")
            if rng.random() < 0.6:
                w(f"          actions: [{', '.join(rng.sample(ACTIONS, rng.randint(1, 3)))}]\n")
        if rng.random() < 0.01:
            w("        examples:\n")
            w(f"          - title: {q('A ' + c.name + ' response')}\n")
            w("            body:\n")
            w(f"              code: {q(c.code) if kind.startswith('str') else c.code}\n")
            w(f"              error: {q(msg)}\n")
            w("              details: {field: amount, got: \"12.5\"}\n")
        r = rng.random()
        if r < 0.02:
            w(f"        deprecated: {q('Use ' + rng.choice(WORDS) + ' codes instead')}\n")
        elif r < 0.03:
            w("        retired: true\n")
            c.retired = True
    if kind in ("sparse", "gappy"):
        w("    fallback:\n")
        w("      message: \"Unlisted " + dom + " error #${code}\"\n")
        w("      description: A code this catalog does not list.\n")
        w("      retry: {retry: maybe, action: contact-support}\n")
        w("      ui: {severity: warning, hint: Show the code to the user., actions: [contact-support]}\n")


def write_root(f, n, domain_files):
    w = f.write
    w("# Generated by tests/bench/gen_catalog.py: a synthetic catalog for errcat's benchmark.\n")
    w("errcat: 1\n")
    w(f"catalog:\n  id: bench\n  title: Benchmark API ({n} codes)\n  version: 1.0.0\n")
    w("  description: A synthetic catalog with the mix of a large real API.\n")
    w("  docs_url: https://docs.example.invalid/errors\n")
    incl = [os.path.relpath(HTTP_YAML, os.path.dirname(f.name))] + domain_files
    w("include:\n" + "".join(f"  - {p}\n" for p in incl))
    w("envelope: {code: code, message: error, details: details, echo: [requestId]}\n")
    w("headers:\n")
    w("  Retry-After: {type: seconds, description: Seconds to wait before retrying.}\n")
    w("  X-RateLimit-Remaining: {type: integer, description: Requests left in the window.}\n")
    w("  X-RateLimit-Reset: {type: epoch-seconds, description: When the window resets.}\n")
    w(POLICIES)
    w("statuses:\n")
    for s, pol, hdrs in STATUSES:
        w(f"  - status: {s}\n    description: {q('Returned by the benchmark API as ' + str(s))}\n")
        if pol:
            w(f"    retry: {pol}\n")
        if hdrs:
            w(f"    headers: [{', '.join(hdrs)}]\n")


def et_table_name(t):
    """A com_err table name for table number t: 'e' and three characters."""
    cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "e" + cs[t // 3844 % 62] + cs[t // 62 % 62] + cs[t % 62]


def write_et(path, table, codes):
    with open(path, "w") as f:
        f.write(f"error_table {table}\n\n")
        for c in codes:
            f.write(f"error_code {c.name},\t{c_str(c.message)}\n")
        f.write("\nend\n")


def generate(outdir, n):
    rng = random.Random(f"errcat-bench-{n}")
    d = os.path.join(outdir, f"n{n}")
    os.makedirs(os.path.join(d, "domains"), exist_ok=True)
    os.makedirs(os.path.join(d, "et"), exist_ok=True)
    codes = make_codes(rng, n)
    by_dom = [[c for c in codes if c.di == i] for i in range(len(DOMAINS))]
    domain_files = []
    for (dom, kind, _), cs in zip(DOMAINS, by_dom):
        rel = f"domains/{dom}.yaml"
        with open(os.path.join(d, rel), "w") as f:
            write_domain(f, rng, dom, kind, cs)
        domain_files.append(rel)
    with open(os.path.join(d, "bench.yaml"), "w") as f:
        write_root(f, n, domain_files)
    with open(os.path.join(d, "files.txt"), "w") as f:
        for p in [os.path.join(d, "bench.yaml"), HTTP_YAML] + [os.path.join(d, p) for p in domain_files]:
            f.write(os.path.abspath(p) + "\n")
    with open(os.path.join(d, "domains.txt"), "w") as f:
        for i, ((dom, kind, _), cs) in enumerate(zip(DOMAINS, by_dom)):
            f.write(f"{i} {dom} {kind} {len(cs)}\n")

    # com_err: one table of everything (compile_et's input), and tables of 256.
    write_et(os.path.join(d, "bench.et"), "bnch", codes)
    et_of = {}
    tables = []
    for t in range(0, len(codes), 256):
        name = et_table_name(t // 256)
        tables.append(name)
        write_et(os.path.join(d, "et", name + ".et"), name, codes[t:t + 256])
        for off, c in enumerate(codes[t:t + 256]):
            et_of[id(c)] = (t // 256, off)
    with open(os.path.join(d, "et_tables.c"), "w") as f:
        f.write("/* Generated by tests/bench/gen_catalog.py. */\n")
        f.write("struct error_table { char const *const *msgs; long base; int n_msgs; };\n")
        for name in tables:
            f.write(f"extern const struct error_table et_{name}_error_table;\n")
            f.write(f"void initialize_{name}_error_table(void);\n")
        f.write("const struct error_table *const bench_et_tables[] = {\n")
        f.write("".join(f"    &et_{name}_error_table,\n" for name in tables))
        f.write("};\nconst unsigned bench_et_ntables = %d;\n" % len(tables))
        f.write("void bench_et_init(void);\nvoid bench_et_init(void)\n{\n")
        f.write("".join(f"    initialize_{name}_error_table();\n" for name in tables))
        f.write("}\n")

    # gperf: keyed by name (the tool's run) and by the code as sent (lookups).
    head = ("%{\n#include <string.h>\n%}\n"
            "struct bench_kw { const char *name; int domain; long long code; const char *message; };\n"
            "%%\n")
    with open(os.path.join(d, "names.gperf"), "w") as f:
        f.write(head)
        for c in codes:
            f.write(f"{c.name}, {c.di}, {c.code if isinstance(c.code, int) else 0}LL, {c_str(c.message)}\n")
        f.write("%%\n")
    with open(os.path.join(d, "codes.gperf"), "w") as f:
        f.write(head)
        for c in codes:
            f.write(f"{c.code_text}, {c.di}, {c.code if isinstance(c.code, int) else 0}LL, {c_str(c.message)}\n")
        f.write("%%\n")

    # protobuf: one enum per domain; symbolic codes take their position.
    with open(os.path.join(d, "bench.proto"), "w") as f:
        f.write("// Generated by tests/bench/gen_catalog.py.\nsyntax = \"proto2\";\npackage bench;\n")
        f.write("import \"google/protobuf/descriptor.proto\";\n")
        f.write("extend google.protobuf.EnumValueOptions {\n  optional string message = 50001;\n"
                "  optional int32 http_status = 50002;\n}\n")
        for (dom, kind, _), cs in zip(DOMAINS, by_dom):
            f.write(f"\nenum {dom.capitalize()}Code {{\n")
            for i, c in enumerate(cs):
                v = c.code if isinstance(c.code, int) else i
                opts = f"(message) = {c_str(c.message)}"
                if c.status:
                    opts += f", (http_status) = {c.status}"
                f.write(f"  {c.name} = {v} [{opts}];\n")
            f.write("}\n")

    # Keys, in random order.
    order = list(range(len(codes)))
    rng.shuffle(order)
    with open(os.path.join(d, "keys_num.txt"), "w") as fn, \
            open(os.path.join(d, "keys_str.txt"), "w") as fs, \
            open(os.path.join(d, "keys_name.txt"), "w") as fm:
        for i in order:
            c = codes[i]
            if getattr(c, "retired", False):
                continue  # no lookup finds a retired code: it is never raised again
            if isinstance(c.code, int):
                t, off = et_of[id(c)]
                fn.write(f"{c.di} {c.code} {t} {off}\n")
            else:
                fs.write(f"{c.di} {c.code}\n")
            fm.write(f"{c.di} {c.name}\n")


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: gen_catalog.py OUTDIR N...")
    for n in argv[2:]:
        generate(argv[1], int(n))


if __name__ == "__main__":
    main(sys.argv)
