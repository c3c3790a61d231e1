errcatSearch({"catalog": "exchange", "pages": [
["server", "server", "Server and network errors", "server", [
["server--other", "any other", "", null, "depends", "", [], ""],
["server-unknown", "-1000", "UNKNOWN", 503, "depends", "", [], ""],
["server-disconnected", "-1001", "DISCONNECTED", 503, "always", "", [], ""],
["server-too-many-requests", "-1003", "TOO_MANY_REQUESTS", 429, "always", "", [], ""],
["server-invalid-timestamp", "-1021", "INVALID_TIMESTAMP", 400, "after-action", "", [], ""],
["server-invalid-signature", "-1022", "INVALID_SIGNATURE", 400, "never", "", [], ""],
]],
["request", "request", "Request errors", "request", [
["request-illegal-chars", "-1100", "ILLEGAL_CHARS", 400, "never", "", [], ""],
["request-mandatory-param-empty-or-malformed", "-1102", "MANDATORY_PARAM_EMPTY_OR_MALFORMED", 400, "never", "", [], ""],
["request-bad-symbol", "-1121", "BAD_SYMBOL", 400, "never", "", [], ""],
["request-bad-recv-window", "-1131", "BAD_RECV_WINDOW", 400, "never", "deprecated", [], ""],
]],
["order", "order", "Order errors", "order", [
["order--other", "any other", "", null, "maybe", "", [], ""],
["order-new-order-rejected", "-2010", "NEW_ORDER_REJECTED", 400, "maybe", "", [], ""],
["order-cancel-rejected", "-2011", "CANCEL_REJECTED", 400, "never", "", [], ""],
["order-no-such-order", "-2013", "NO_SUCH_ORDER", 400, "depends", "", [], ""],
["order-rejected-mbx-key", "-2015", "REJECTED_MBX_KEY", 403, "never", "retired", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry — fix the request"],
["status-403", 403, "Forbidden", "The web application firewall refused the request.", "never", "No retry"],
["status-418", 418, "IP Banned", "The IP kept sending requests after a 429 and is banned for a while.", "always", "Retry after Retry-After"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-503", 503, "Service Unavailable", "", "depends", "Depends on the details — poll the status first"],
]});
