errcatSearch({"catalog": "ledger", "pages": [
["txn", "txn", "Transactions", "txn"],
["sql", "sql", "Storage", "sql"],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-503", 503, "Service Unavailable", "", "always", "Retry"],
]});
