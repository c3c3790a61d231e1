errcatSearch({"catalog": "messaging", "pages": [
["verify", "verify", "Verification errors", "verify"],
["delivery", "delivery", "Delivery errors", "delivery"],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-404", 404, "Not Found", "", "never", "No retry — fix the request"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-502", 502, "Carrier Error", "The carrier refused or failed to deliver the message.", "maybe", "Retry may help"],
]});
