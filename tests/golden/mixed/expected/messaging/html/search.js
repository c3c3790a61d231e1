errcatSearch({"catalog": "messaging", "pages": [
["verify", "verify", "Verification errors", "verify", [
["verify--other", "any other", "", null, "never", "", [], ""],
["verify-max-attempts-reached", "max-attempts-reached", "MAX_ATTEMPTS_REACHED", 429, "after-action", "", [], ""],
["verify-code-expired", "code-expired", "CODE_EXPIRED", 404, "after-action", "", [], ""],
["verify-invalid-phone-number", "invalid-phone-number", "INVALID_PHONE_NUMBER", 400, "never", "", [], ""],
]],
["delivery", "delivery", "Delivery errors", "delivery", [
["delivery--other", "any other", "", 502, "maybe", "", [], ""],
["delivery-queue-overflow", "30001", "QUEUE_OVERFLOW", 429, "always", "", [], ""],
["delivery-unreachable", "30003", "UNREACHABLE", 502, "maybe", "", [], ""],
["delivery-filtered", "30007", "FILTERED", 502, "never", "deprecated", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-404", 404, "Not Found", "", "never", "No retry — fix the request"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-502", 502, "Carrier Error", "The carrier refused or failed to deliver the message.", "maybe", "Retry may help"],
]});
