errcatSearch({"page": "os", "rows": [
["os--other", "any other", "", "System error ${code} on ${host}", "", "", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
]});
