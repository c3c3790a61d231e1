errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "Error codes", "errors"],
], "statuses": [
["status-200", 200, "Success", "Successful submits return 200 with \"status\": \"submitted\".", "never", "No retry"],
["status-202", 202, "Accepted", "Reserved and not currently emitted: successful submits return 200 with \"status\": \"submitted\".", "never", "No retry"],
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-401", 401, "Unauthorized", "", "never", "No retry"],
["status-404", 404, "Not Found", "", "never", "No retry"],
["status-410", 410, "Gone", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "never", "No retry"],
["status-502", 502, "Bad Gateway", "", "depends", "Depends on the details"],
["status-503", 503, "Service Unavailable", "", "always", "Retry after Retry-After"],
["status-504", 504, "Gateway Timeout", "", "always", "Retry after Retry-After"],
]});
