errcatSearch({"page": "program", "rows": [
["custom program error: #${code}", "A program error of another DEX on the route, which Jupiter does not parse.", "If you need help identifying the other DEX program codes, please reach out in Discord.", "Retry — re-quote first"],
["Slippage tolerance exceeded", "", "", "No retry"],
]});
