errcatSearch({"page": "request", "rows": [
["Illegal characters found in parameter '${param}'", "", "", "No retry — fix the request"],
["Mandatory parameter '${param}' was not sent, was empty/null, or malformed", "", "", "No retry — fix the request"],
["Invalid symbol", "", "", "No retry — fix the request"],
["recvWindow must be less than ${max}", "", "", "No retry — fix the request"],
]});
