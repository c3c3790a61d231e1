errcatSearch({"page": "txn", "rows": [
["txn--class-input", "1000–1999", "Input errors", "Input error ${code}", "", "", 400, "never", "No retry", "", [], ""],
["txn--class-backend", "3000–3999", "Backend errors", "Backend error ${code}", "", "The ledger is busy.", 503, "always", "Retry", "", [], ""],
["txn--other", "any other", "", "Transaction error ${code} on account ${account}", "", "", 400, "never", "No retry", "", [], ""],
["txn-amount-negative", "1001", "AMOUNT_NEGATIVE", "The amount must not be negative.", "", "", 400, "never", "No retry", "", ["txn-negative-amount", "txn-bad-amount"], "NEGATIVE_AMOUNT BAD_AMOUNT "],
["txn-currency-unknown", "1002", "CURRENCY_UNKNOWN", "Unknown currency ${currency}.", "", "", 400, "never", "No retry", "", [], ""],
["txn-account-frozen", "2001", "ACCOUNT_FROZEN", "The account is frozen.", "", "", 400, "never", "No retry", "", ["txn-frozen"], "FROZEN "],
["txn-ledger-busy", "3001", "LEDGER_BUSY", "The ledger is busy.", "", "", 503, "always", "Retry", "", [], ""],
]});
