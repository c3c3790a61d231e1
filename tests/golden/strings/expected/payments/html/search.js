errcatSearch({"catalog": "payments", "pages": [
["card", "card", "Card errors", "card"],
["request", "request", "Invalid requests", "request"],
["idempotency", "idempotency", "Idempotency errors", "idempotency"],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-401", 401, "Unauthorized", "", "never", "No retry — check the credentials"],
["status-402", 402, "Request Failed", "The parameters were valid but the payment failed.", "never", "No retry"],
["status-409", 409, "Conflict", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "always", "Retry — resubmit the same signed request"],
]});
