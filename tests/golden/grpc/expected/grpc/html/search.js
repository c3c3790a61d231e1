errcatSearch({"catalog": "grpc", "pages": [
["code", "code", "Code", "code"],
], "statuses": [
["status-200", 200, "OK", "", "never", "No retry"],
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-401", 401, "Unauthorized", "", "never", "No retry"],
["status-403", 403, "Forbidden", "", "never", "No retry"],
["status-404", 404, "Not Found", "", "never", "No retry"],
["status-409", 409, "Conflict", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "never", "No retry"],
["status-499", 499, "Client Closed Request", "", "never", "No retry"],
["status-500", 500, "Internal Server Error", "", "never", "No retry"],
["status-501", 501, "Not Implemented", "", "never", "No retry"],
["status-503", 503, "Service Unavailable", "", "never", "No retry"],
["status-504", 504, "Gateway Timeout", "", "never", "No retry"],
]});
