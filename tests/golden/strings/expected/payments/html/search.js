errcatSearch({"catalog": "payments", "pages": [
["card", "card", "Card errors", "card", [
["card-card-declined", "card_declined", "CARD_DECLINED", 402, "maybe", "", [], ""],
["card-expired-card", "expired_card", "EXPIRED_CARD", 402, "never", "", [], ""],
["card-incorrect-cvc", "incorrect_cvc", "INCORRECT_CVC", 402, "never", "", [], ""],
["card-insufficient-funds", "insufficient_funds", "INSUFFICIENT_FUNDS", 402, "never", "", [], ""],
["card-processing-error", "processing_error", "PROCESSING_ERROR", 500, "always", "", [], ""],
]],
["request", "request", "Invalid requests", "request", [
["request-parameter-missing", "parameter_missing", "PARAMETER_MISSING", 400, "never", "", [], ""],
["request-resource-missing", "resource_missing", "RESOURCE_MISSING", 400, "never", "", [], ""],
["request-api-key-expired", "api_key_expired", "API_KEY_EXPIRED", 401, "never", "", [], ""],
["request-amount-too-small", "amount_too_small", "AMOUNT_TOO_SMALL", 400, "never", "deprecated", [], ""],
]],
["idempotency", "idempotency", "Idempotency errors", "idempotency", [
["idempotency-idempotency-key-in-use", "idempotency_key_in_use", "IDEMPOTENCY_KEY_IN_USE", 409, "always", "", [], ""],
["idempotency-idempotency-params-mismatch", "idempotency_params_mismatch", "IDEMPOTENCY_PARAMS_MISMATCH", 400, "never", "", [], ""],
["idempotency-rate-limit", "rate_limit", "RATE_LIMIT", 429, "always", "retired", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-401", 401, "Unauthorized", "", "never", "No retry — check the credentials"],
["status-402", 402, "Request Failed", "The parameters were valid but the payment failed.", "never", "No retry"],
["status-409", 409, "Conflict", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "always", "Retry — resubmit the same signed request"],
]});
