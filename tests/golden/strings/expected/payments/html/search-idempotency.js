errcatSearch({"page": "idempotency", "rows": [
["idempotency-idempotency-key-in-use", "idempotency_key_in_use", "IDEMPOTENCY_KEY_IN_USE", "Another request with this idempotency key is in progress", "", "", 409, "always", "Retry — resubmit the same signed request", "", [], ""],
["idempotency-idempotency-params-mismatch", "idempotency_params_mismatch", "IDEMPOTENCY_PARAMS_MISMATCH", "Keys for idempotent requests can only be used with the same parameters", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["idempotency-rate-limit", "rate_limit", "RATE_LIMIT", "Too many requests hit the API too quickly", "", "", 429, "always", "Retry after Retry-After", "retired", [], ""],
]});
