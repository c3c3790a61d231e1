errcatSearch({"catalog": "tiny", "pages": [
["app", "app", "app", "app"],
], "statuses": [
["status-404", 404, "Not Found", "", "never", "Never retry"],
]});
