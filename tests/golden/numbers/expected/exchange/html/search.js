errcatSearch({"catalog": "exchange", "pages": [
["server", "server", "Server and network errors", "server"],
["request", "request", "Request errors", "request"],
["order", "order", "Order errors", "order"],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-403", 403, "Forbidden", "The web application firewall refused the request.", "never", "No retry"],
["status-418", 418, "IP Banned", "The IP kept sending requests after a 429 and is banned for a while.", "always", "Retry after Retry-After"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-503", 503, "Service Unavailable", "", "depends", "Depends on the details — poll the status first"],
]});
