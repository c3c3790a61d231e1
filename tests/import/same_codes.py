#!/usr/bin/env python3
"""Whether two built catalogs (errcat build -t json) hold the same codes:

    python3 tests/import/same_codes.py WANT.json GOT.json [DOMAIN...]

compares, domain by domain (those named, else all), the codes in order with
their names, aliases and classes, and the classes with their prefixes or
ranges and titles; prints each difference, exits 1 on one."""

import json
import sys


def shape(path, only):
    doms = json.load(open(path, encoding="utf-8"))["domains"]
    out = {}
    for d in doms:
        if only and d["id"] not in only:
            continue
        out[d["id"]] = {
            "classes": [(k["id"], k.get("prefix"), k.get("range"), k.get("title")) for k in d.get("classes", [])],
            "codes": [(c["code"], c["name"], [a["name"] for a in c.get("aliases", [])], c.get("class"))
                      for c in d["codes"]],
        }
    return out


def main():
    want, got = shape(sys.argv[1], sys.argv[3:]), shape(sys.argv[2], sys.argv[3:])
    problems = []
    if sorted(want) != sorted(got):
        problems.append(f"domains: {sorted(want)} and {sorted(got)}")
    for dom in sorted(set(want) & set(got)):
        for what in ("classes", "codes"):
            w, g = want[dom][what], got[dom][what]
            for i in range(max(len(w), len(g))):
                a, b = (w[i] if i < len(w) else None), (g[i] if i < len(g) else None)
                if a != b:
                    problems.append(f"{dom} {what}[{i}]: {a} and {b}")
    for p in problems[:40]:
        print(p)
    n = sum(len(d["codes"]) for d in want.values())
    print(f"{n} codes, {sum(len(d['classes']) for d in want.values())} classes: "
          + (f"{len(problems)} differences" if problems else "the same"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
