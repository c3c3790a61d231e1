"""Round trip: each code that produce writes in the envelope form, classify
reads back as that code, in the conformance vectors given (catalogs whose
envelope puts the code at a path through an array: produce must build the
array that classify's [*] and [N] read)."""

import json
import sys

failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        cases = json.load(f)["produce"]
    for case in cases:
        if "code" not in case or case["form"] != "envelope" or not case["expect"]:
            continue
        got = case["expect"]["classify"]
        if got["match"] != "code" or got["code_str"] != str(case["code"]):
            failed += 1
            print(
                f"{path}: produce {case['domain']} {case['code']} classifies back as "
                f"{got['match']} {got['code_str']}"
            )
sys.exit(1 if failed else 0)
