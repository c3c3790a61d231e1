errcatSearch({"page": "request-errors", "rows": [
["request-errors--other", "any other", "", "Request error ${code}", "", "", 400, "never", "No retry", "", [], ""],
["request-errors-bad-input", "bad_input", "BAD_INPUT", "The input is not valid.", "", "", 400, "never", "No retry", "", [], ""],
["request-errors-quota-exceeded", "quota/exceeded", "QUOTA_EXCEEDED", "The quota is exhausted.", "", "", 429, "never", "No retry", "", [], ""],
]});
