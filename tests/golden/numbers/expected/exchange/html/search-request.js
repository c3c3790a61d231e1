errcatSearch({"page": "request", "rows": [
["request-illegal-chars", "-1100", "ILLEGAL_CHARS", "Illegal characters found in parameter '${param}'", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["request-mandatory-param-empty-or-malformed", "-1102", "MANDATORY_PARAM_EMPTY_OR_MALFORMED", "Mandatory parameter '${param}' was not sent, was empty/null, or malformed", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["request-bad-symbol", "-1121", "BAD_SYMBOL", "Invalid symbol", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["request-bad-recv-window", "-1131", "BAD_RECV_WINDOW", "recvWindow must be less than ${max}", "", "", 400, "never", "No retry — fix the request", "deprecated", [], ""],
]});
