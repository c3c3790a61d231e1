"""Compares the answers of every binding with expected.jsonl.

    python3 compare.py EXPECTED LANG=ANSWERS...

Each ANSWERS file holds JSON lines {case, client, entry, message, retry,
action, delay_ms}, one per response and header shape. A case of a language
passes when it has answers and every one of them, whatever the client, is
the expected line: so all languages and all shapes answer alike. Prints one
line per failure and closes with "N passed, M failed".
"""

from __future__ import annotations

import json
import sys


def lines(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(expected_path: str, answers: list[str]) -> int:
    expected = {str(line["case"]): line for line in lines(expected_path)}
    passed = failed = 0
    for arg in answers:
        lang, _, path = arg.partition("=")
        try:
            got = lines(path)
        except (OSError, ValueError) as error:
            print(f"FAIL {lang}: no answers ({error})")
            failed += 1
            continue
        for line in got:
            if line.get("case") not in expected:
                print(f"FAIL {lang}: an answer for no case: {json.dumps(line)}")
                failed += 1
        for case, want in expected.items():
            mine = [line for line in got if line.get("case") == case]
            wrong = []
            for line in mine:
                client = line.pop("client", "?")
                if line != want:
                    diff = {k: line.get(k) for k in want if line.get(k) != want[k]}
                    wrong.append(f"{client}: {json.dumps(diff)}")
            if not mine:
                print(f"FAIL {lang} {case}: no answer")
            elif wrong:
                expect = {k: want[k] for k in want if k != "case"}
                print(f"FAIL {lang} {case}: expected {json.dumps(expect)}, got")
                for w in wrong:
                    print(f"     | {w}")
            else:
                passed += 1
                continue
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
