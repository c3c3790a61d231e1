errcatSearch({"page": "txn", "rows": [
["Input error ${code}", "", "", "No retry"],
["Backend error ${code}", "", "The ledger is busy.", "Retry"],
["Transaction error ${code} on account ${account}", "", "", "No retry"],
["The amount must not be negative.", "", "", "No retry"],
["Unknown currency ${currency}.", "", "", "No retry"],
["The account is frozen.", "", "", "No retry"],
["The ledger is busy.", "", "", "Retry"],
]});
