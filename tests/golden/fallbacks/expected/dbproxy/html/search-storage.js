errcatSearch({"page": "storage", "rows": [
["storage--other", "any other", "", "Storage engine error ${code}", "", "", null, "always", "Retry after Retry-After", "", [], ""],
]});
