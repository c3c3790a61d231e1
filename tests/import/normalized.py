#!/usr/bin/env python3
"""Whether an imported catalog (built with -t json) says what a real file's
normalized.json says (tests/data/real-catalogs/*/normalized.json):

    python3 tests/import/normalized.py FORMAT BUILT.json NORMALIZED.json

compares, in order, every code with its name, message and HTTP status (and,
for mc, its severity). normalized.json keeps each source's own spelling; the
rules below are what the importer is documented to do with it (MIGRATING.md):
  mc     the message has FormatMessage's escapes applied (%0 ends it, %% is
         %) and inserts %N as ${argN}; "class" is the severity, which is the
         UI severity (Informational info, Warning warning, Error the default).
  proto  the message is the first comment paragraph (normalized already
         collapses its whitespace); "http" is the code's status.
Prints each difference; exits 1 on one."""

import json
import re
import sys

SEVERITY = {"Success": "info", "Informational": "info", "Warning": "warning", "Error": "error"}


def from_mc(text):
    """normalized.json's mc text as the importer's message."""
    text = re.sub(r"%0.*", "", text, flags=re.S)
    return re.sub(r"%(%|[1-9][0-9]?)", lambda m: "%" if m.group(1) == "%" else "${arg%s}" % m.group(1),
                  text.replace("$", "$$"))


def main():
    fmt, built, norm = sys.argv[1:4]
    codes = [c for d in json.load(open(built, encoding="utf-8"))["domains"] for c in d["codes"]]
    want = json.load(open(norm, encoding="utf-8"))
    problems = []
    if len(codes) != len(want):
        problems.append(f"{len(codes)} codes imported, {len(want)} in {norm}")
    for c, w in zip(codes, want):
        where = f"code {w['code']} ({w['name']})"
        message = from_mc(w["message"]) if fmt == "mc" else w["message"]
        pairs = [("code", c["code"], w["code"]), ("name", c["name"], w["name"]),
                 ("message", c["message"], message), ("status", c.get("status"), w["http"])]
        if fmt == "mc":
            sev = (c.get("ui") or {}).get("severity", "error")
            pairs.append(("severity", sev, SEVERITY[w["class"]]))
        for key, got, exp in pairs:
            if got != exp:
                problems.append(f"{where}: {key} {got!r}, normalized.json says {exp!r}")
    for p in problems:
        print(p)
    print(f"{fmt}: {len(codes)} codes compared with {norm}: {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
