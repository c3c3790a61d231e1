errcatSearch({"catalog": "ledger", "pages": [
["txn", "txn", "Transactions", "txn", [
["txn--class-input", "1000–1999", "Input errors", 400, "never", "", [], ""],
["txn--class-backend", "3000–3999", "Backend errors", 503, "always", "", [], ""],
["txn--other", "any other", "", 400, "never", "", [], ""],
["txn-amount-negative", "1001", "AMOUNT_NEGATIVE", 400, "never", "", ["txn-negative-amount", "txn-bad-amount"], "NEGATIVE_AMOUNT BAD_AMOUNT "],
["txn-currency-unknown", "1002", "CURRENCY_UNKNOWN", 400, "never", "", [], ""],
["txn-account-frozen", "2001", "ACCOUNT_FROZEN", 400, "never", "", ["txn-frozen"], "FROZEN "],
["txn-ledger-busy", "3001", "LEDGER_BUSY", 503, "always", "", [], ""],
]],
["sql", "sql", "Storage", "sql", [
["sql--class-integrity", "23…", "Integrity constraint violation", 400, "never", "", [], ""],
["sql--class-resources", "53…", "Insufficient resources", 503, "always", "", [], ""],
["sql-unique-violation", "23505", "UNIQUE_VIOLATION", 400, "never", "", ["sql-duplicate-key"], "DUPLICATE_KEY "],
["sql-too-many-connections", "53300", "TOO_MANY_CONNECTIONS", 503, "always", "", [], ""],
["sql-internal-error", "XX000", "INTERNAL_ERROR", null, "maybe", "", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-503", 503, "Service Unavailable", "", "always", "Retry"],
]});
