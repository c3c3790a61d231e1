"""Round trip: each code that produce writes in the envelope form, classify
reads back as that code (a secondary domain's code among the others it
lists, in 'also'), in every conformance vectors file given. A catalog with
no envelope writes an empty body, which carries no code: those cases are
counted apart, and at least one file must have cases that carry one."""

import json
import sys

failed = carried = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["produce"]
    for case in cases:
        if "code" not in case or case["form"] != "envelope" or not case["expect"]:
            continue
        if not case["expect"]["body"]:
            continue
        carried += 1
        got = case["expect"]["classify"]
        code = str(case["code"])
        found = got["match"] == "code" and got["code_str"] == code
        found = found or any(
            a["domain"] == case["domain"] and a["code_str"] == code
            for a in got.get("also", [])
        )
        if not found:
            failed += 1
            print(
                f"{path}: produce {case['domain']} {code} classifies back as "
                f"{got['match']} {got['code_str']}"
            )
if not carried:
    print("no produce case carries a code in its body")
sys.exit(1 if failed or not carried else 0)
