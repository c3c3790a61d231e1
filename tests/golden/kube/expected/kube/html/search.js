errcatSearch({"catalog": "kube", "pages": [
["reason", "reason", "Status reasons", "reason", [
["reason--other", "any other", "", null, "never", "", [], ""],
["reason-not-found", "NotFound", "NOT_FOUND", 404, "never", "", [], ""],
["reason-already-exists", "AlreadyExists", "ALREADY_EXISTS", 409, "never", "", [], ""],
["reason-conflict", "Conflict", "CONFLICT", 409, "after-action", "", [], ""],
["reason-invalid", "Invalid", "INVALID", 422, "never", "", [], ""],
["reason-too-many-requests", "TooManyRequests", "TOO_MANY_REQUESTS", 429, "always", "", [], ""],
["reason-server-timeout", "ServerTimeout", "SERVER_TIMEOUT", 500, "always", "", [], ""],
["reason-http-version-not-supported", "HTTPVersionNotSupported", "HTTP_VERSION_NOT_SUPPORTED", 400, "never", "", [], ""],
]],
["cause", "cause", "Cause types", "cause", [
["cause--other", "any other", "", null, "never", "", [], ""],
["cause-field-value-required", "FieldValueRequired", "FIELD_VALUE_REQUIRED", 422, "never", "", [], ""],
["cause-field-value-invalid", "FieldValueInvalid", "FIELD_VALUE_INVALID", 422, "never", "", [], ""],
["cause-field-value-duplicate", "FieldValueDuplicate", "FIELD_VALUE_DUPLICATE", 422, "never", "", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-404", 404, "Not Found", "", "never", "No retry"],
["status-409", 409, "Conflict", "", "after-action", "Retry — change the request"],
["status-422", 422, "Unprocessable Entity", "", "never", "No retry — fix the request"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "always", "Retry after Retry-After"],
]});
