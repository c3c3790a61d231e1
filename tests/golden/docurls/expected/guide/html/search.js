errcatSearch({"catalog": "guide", "pages": [
["request-errors", "request_errors", "Request errors", "request-errors"],
["billing", "billing", "Billing", "billing"],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "never", "No retry"],
]});
