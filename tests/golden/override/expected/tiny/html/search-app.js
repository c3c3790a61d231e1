errcatSearch({"page": "app", "rows": [
["app-gone-fishing", "7", "GONE_FISHING", "Gone ${where}", "", "", 404, "never", "Never retry", "", [], ""],
]});
