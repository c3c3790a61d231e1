errcatSearch({"page": "server", "rows": [
["server--other", "any other", "", "Server error ${code}", "", "", null, "depends", "Depends on the details — poll the status first", "", [], ""],
["server-unknown", "-1000", "UNKNOWN", "An unknown error occurred while processing the request", "", "", 503, "depends", "Depends on the details — poll the status first", "", [], ""],
["server-disconnected", "-1001", "DISCONNECTED", "Internal error; unable to process your request", "", "", 503, "always", "Retry", "", [], ""],
["server-too-many-requests", "-1003", "TOO_MANY_REQUESTS", "Too much request weight used; current limit is ${limit} request weight per ${interval}", "", "", 429, "always", "Retry after Retry-After", "", [], ""],
["server-invalid-timestamp", "-1021", "INVALID_TIMESTAMP", "Timestamp for this request is outside of the recvWindow", "", "", 400, "after-action", "Retry — change the request", "", [], ""],
["server-invalid-signature", "-1022", "INVALID_SIGNATURE", "Signature for this request is not valid", "", "", 400, "never", "No retry — check the credentials", "", [], ""],
]});
