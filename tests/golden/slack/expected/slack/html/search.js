errcatSearch({"catalog": "slack", "pages": [
["web", "web", "Web API errors", "web", [
["web--other", "any other", "", 200, "never", "", [], ""],
["web-channel-not-found", "channel_not_found", "CHANNEL_NOT_FOUND", 200, "never", "", [], ""],
["web-not-authed", "not_authed", "NOT_AUTHED", 200, "never", "", [], ""],
["web-invalid-auth", "invalid_auth", "INVALID_AUTH", 200, "never", "", [], ""],
["web-missing-scope", "missing_scope", "MISSING_SCOPE", 200, "never", "", [], ""],
["web-msg-too-long", "msg_too_long", "MSG_TOO_LONG", 200, "never", "", ["web-message-too-long"], "MESSAGE_TOO_LONG "],
["web-ratelimited", "ratelimited", "RATELIMITED", 429, "always", "", [], ""],
]],
], "statuses": [
["status-200", 200, "OK", "Most errors: the body says {\"ok\": false} and the error.", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "maybe", "Retry may help"],
]});
