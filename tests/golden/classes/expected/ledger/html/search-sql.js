errcatSearch({"page": "sql", "rows": [
["Integrity constraint violation (${code}) of ${constraint}", "", "", "No retry"],
["Insufficient resources (${code})", "", "", "Retry"],
["A row with that key exists.", "", "", "No retry"],
["Too many connections.", "", "", "Retry"],
["Internal error.", "", "", "Retry may help"],
]});
