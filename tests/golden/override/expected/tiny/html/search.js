errcatSearch({"catalog": "tiny", "pages": [
["app", "app", "app", "app", [
["app-gone-fishing", "7", "GONE_FISHING", 404, "never", "", [], ""],
]],
], "statuses": [
["status-404", 404, "Not Found", "", "never", "Never retry"],
]});
