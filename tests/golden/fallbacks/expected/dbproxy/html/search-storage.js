errcatSearch({"page": "storage", "rows": [
["Storage engine error ${code}", "", "", "Retry after Retry-After"],
]});
