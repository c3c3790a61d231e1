#!/usr/bin/env python3
"""Whether a catalog imported from errcat's own openapi target gives the
catalog back (both built with -t json):

    python3 tests/import/openapi_roundtrip.py ORIGINAL.json IMPORTED.json

compares the statuses (number and title) and, domain by domain, the codes
(code, name, status, aliases, deprecated, retired). Prints each
difference; exits 1 on one."""

import json
import sys


def shape(path):
    cat = json.load(open(path, encoding="utf-8"))
    statuses = {s["status"]: s["title"] for s in cat["statuses"]}
    domains = {}
    for d in cat["domains"]:
        domains[d["id"]] = [
            (c["code"], c["name"], c.get("status"), sorted(a["name"] for a in c.get("aliases", [])),
             bool(c.get("deprecated")), bool(c.get("retired")))
            for c in d["codes"]
        ]
    return statuses, domains


def main():
    (ws, wd), (gs, gd) = shape(sys.argv[1]), shape(sys.argv[2])
    problems = []
    if ws != gs:
        problems.append(f"statuses: {sorted(ws.items())} became {sorted(gs.items())}")
    for dom in sorted(set(wd) | set(gd)):
        want, got = wd.get(dom), gd.get(dom)
        if want is None or got is None:
            problems.append(f"domain {dom}: only in the {'imported' if want is None else 'original'} catalog")
        elif sorted(want, key=repr) != sorted(got, key=repr):
            for c in sorted(set(map(repr, want)) ^ set(map(repr, got))):
                side = "original" if c in map(repr, want) else "imported"
                problems.append(f"domain {dom}: only in the {side}: {c}")
    for p in problems:
        print(p)
    n = sum(len(v) for v in wd.values())
    print(f"openapi round trip: {len(ws)} statuses, {n} codes: {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
