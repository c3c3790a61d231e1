errcatSearch({"page": "idempotency", "rows": [
["Another request with this idempotency key is in progress", "", "", "Retry — resubmit the same signed request"],
["Keys for idempotent requests can only be used with the same parameters", "", "", "No retry — fix the request"],
["Too many requests hit the API too quickly", "", "", "Retry after Retry-After"],
]});
