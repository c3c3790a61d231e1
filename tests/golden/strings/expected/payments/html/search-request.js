errcatSearch({"page": "request", "rows": [
["Missing required parameter ${param}", "", "", "No retry — fix the request"],
["No such ${resource} '${id}'", "", "", "No retry — fix the request"],
["The API key has expired", "", "", "No retry — check the credentials"],
["Amount must be at least ${minimum} ${currency}", "", "", "No retry — fix the request"],
]});
