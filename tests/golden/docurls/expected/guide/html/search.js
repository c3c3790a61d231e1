errcatSearch({"catalog": "guide", "pages": [
["request-errors", "request_errors", "Request errors", "request-errors", [
["request-errors--other", "any other", "", 400, "never", "", [], ""],
["request-errors-bad-input", "bad_input", "BAD_INPUT", 400, "never", "", [], ""],
["request-errors-quota-exceeded", "quota/exceeded", "QUOTA_EXCEEDED", 429, "never", "", [], ""],
]],
["billing", "billing", "Billing", "billing", [
["billing--class-card", "200–299", "Card errors", 400, "never", "", [], ""],
["billing-amount-too-large", "101", "AmountTooLarge", 400, "never", "", [], ""],
["billing-card-declined", "201", "CARD_DECLINED", 400, "never", "", [], ""],
]],
], "statuses": [
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-429", 429, "Too Many Requests", "", "never", "No retry"],
]});
