errcatSearch({"page": "os", "rows": [
["System error ${code} on ${host}", "", "", "Retry may help — contact support if it persists"],
]});
