#!/usr/bin/env python3
"""PostgreSQL's SQLSTATEs as an errcat catalog, and the check that a build of
it says what errcodes.txt says.

    python3 tests/real/postgres.py write > tests/golden/postgres/catalog.yaml
    python3 tests/real/postgres.py check BUILT.json

errcodes.txt (tests/data/real-catalogs/postgres-errcodes/, with its source
and license) gives each SQLSTATE a C macro name, and some SQLSTATEs twice:
the first name is the code's, later ones its aliases. Its sections are the
two-character classes. `check` compares the catalog's JSON output (errcat
build -t json) with the file: every code, name, alias and class, both ways.
"""

import json
import re
import sys
from pathlib import Path

ERRCODES = Path(__file__).resolve().parents[1] / "data/real-catalogs/postgres-errcodes/errcodes.txt"

# Classes whose errors a client may retry: a transaction rolled back by a
# serialization failure or a deadlock is retried whole; the others may pass.
RETRY = {"40": "transaction-rollback", "08": "transient", "53": "transient", "57": "transient"}


def parse():
    """(classes, codes): classes as [prefix, title, note] in file order; codes
    as {sqlstate: {kind, name, condition, class, aliases}} in file order."""
    classes, codes, current = [], {}, None
    for line in ERRCODES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section = re.fullmatch(r"Section: Class (\w\w) - (.*?)(?: \((.*)\))?", line)
        if section:
            current = section[1]
            classes.append([section[1], section[2], section[3] or ""])
            continue
        fields = line.split()
        state, kind, name = fields[:3]
        if state in codes:
            codes[state]["aliases"].append(name)
            continue
        codes[state] = {"kind": kind, "name": name, "condition": fields[3] if len(fields) > 3 else None,
                        "class": current, "aliases": []}
    return classes, codes


def class_id(title):
    return "_".join(w.lower() for w in re.findall(r"[A-Za-z0-9]+", title))


def quote(s):
    return json.dumps(s)


def write():
    classes, codes = parse()
    ids = {prefix: class_id(title) for prefix, title, _ in classes}
    out = [
        "# PostgreSQL's SQLSTATEs, made by tests/real/postgres.py from",
        "# tests/data/real-catalogs/postgres-errcodes/errcodes.txt (PostgreSQL License): do not",
        "# edit. Six SQLSTATEs have two names there (aliases), and its sections are classes.",
        "errcat: 1",
        "catalog:",
        "  id: postgres",
        "  title: PostgreSQL SQLSTATEs",
        "  version: \"15\"",
        "  description: >-",
        "    The SQLSTATE codes of PostgreSQL 15 (src/backend/utils/errcodes.txt), as a server that",
        "    passes database errors on sends them: {\"error\": {\"code\", \"message\", \"detail\"}}.",
        "envelope:",
        "  code: error.code",
        "  message: error.message",
        "  details: error.detail",
        "retry_policies:",
        "  transaction-rollback:",
        "    retry: always",
        "    delay: {default_ms: 50, max_ms: 2000, backoff: exponential}",
        "    max_attempts: 4",
        "    advice: Run the whole transaction again.",
        "  transient:",
        "    retry: maybe",
        "    advice: The condition may pass; retry later if the operation allows it.",
        "domains:",
        "  - id: sqlstate",
        "    title: SQLSTATE",
        "    description: Five characters; the first two are the class.",
        "    code_type: string",
        "    classes:",
    ]
    for prefix, title, note in classes:
        out += [f"      - id: {ids[prefix]}",
                f"        prefix: {quote(prefix)}",
                f"        title: {quote(title)}",
                f"        message: {quote(title + ' (SQLSTATE ${code})')}"]
        if note:
            out.append(f"        description: {quote(note[0].upper() + note[1:] + '.')}")
        if prefix in RETRY:
            out.append(f"        retry: {RETRY[prefix]}")
    out += ["    fallback:",
            "      message: \"SQLSTATE ${code}, of a class PostgreSQL 15 does not define\"",
            "    codes:"]
    for state, c in codes.items():
        text = (c["condition"] or c["name"][len("ERRCODE_"):].lower()).replace("_", " ")
        out += [f"      - code: {quote(state)}",
                f"        name: {c['name']}",
                f"        message: {quote(text)}"]
        if c["aliases"]:
            out.append(f"        aliases: [{', '.join(c['aliases'])}]")
        if c["class"] in RETRY:
            out.append(f"        retry: {RETRY[c['class']]}")
    print("\n".join(out))


def check(built):
    classes, codes = parse()
    ids = {prefix: class_id(title) for prefix, title, _ in classes}
    (dom,) = json.loads(Path(built).read_text(encoding="utf-8"))["domains"]
    problems = []

    def same(what, got, want):
        if got != want:
            problems.append(f"{what}: the catalog says {got!r}, errcodes.txt {want!r}")

    same("classes", [(k["prefix"], k["id"], k["title"]) for k in dom["classes"]],
         [(p, ids[p], t) for p, t, _ in classes])
    same("codes", [c["code"] for c in dom["codes"]], list(codes))
    for c in dom["codes"]:
        want = codes.get(c["code"])
        if want:
            same(f"{c['code']} name", c["name"], want["name"])
            same(f"{c['code']} aliases", [a["name"] for a in c.get("aliases", [])], want["aliases"])
            same(f"{c['code']} class", c["class"], ids[want["class"]])
    names = [c["name"] for c in dom["codes"]] + [a["name"] for c in dom["codes"] for a in c.get("aliases", [])]
    lines = [l.split() for l in ERRCODES.read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith(("#", "Section:"))]
    same("names and aliases", sorted(names), sorted(f[2] for f in lines))
    for p in problems:
        print(p)
    print(f"{len(codes)} SQLSTATEs, {len(names) - len(codes)} aliases, {len(classes)} classes: "
          + ("mismatch" if problems else "as errcodes.txt says"))
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"]:
        write()
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 3:
        sys.exit(check(sys.argv[2]))
    else:
        sys.exit(__doc__)
