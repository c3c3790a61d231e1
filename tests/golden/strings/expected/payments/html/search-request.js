errcatSearch({"page": "request", "rows": [
["request-parameter-missing", "parameter_missing", "PARAMETER_MISSING", "Missing required parameter ${param}", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["request-resource-missing", "resource_missing", "RESOURCE_MISSING", "No such ${resource} '${id}'", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["request-api-key-expired", "api_key_expired", "API_KEY_EXPIRED", "The API key has expired", "", "", 401, "never", "No retry — check the credentials", "", [], ""],
["request-amount-too-small", "amount_too_small", "AMOUNT_TOO_SMALL", "Amount must be at least ${minimum} ${currency}", "", "", 400, "never", "No retry — fix the request", "deprecated", [], ""],
]});
