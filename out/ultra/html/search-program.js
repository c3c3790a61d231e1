errcatSearch({"page": "program", "rows": [
["program--other", "any other", "", "custom program error: #${code}", "A program error of another DEX on the route, which Jupiter does not parse.", "If you need help identifying the other DEX program codes, please reach out in Discord.", null, "after-action", "Retry — re-quote first", "", [], ""],
["program-slippage-tolerance-exceeded", "6001", "SLIPPAGE_TOLERANCE_EXCEEDED", "Slippage tolerance exceeded", "", "", null, "never", "No retry", "", [], ""],
]});
