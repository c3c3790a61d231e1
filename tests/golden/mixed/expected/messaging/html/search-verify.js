errcatSearch({"page": "verify", "rows": [
["verify--other", "any other", "", "Verification failed (${code})", "", "", null, "never", "No retry — contact support if it persists", "", [], ""],
["verify-max-attempts-reached", "max-attempts-reached", "MAX_ATTEMPTS_REACHED", "Max check attempts reached for ${to}", "", "", 429, "after-action", "Retry — change the request", "", [], ""],
["verify-code-expired", "code-expired", "CODE_EXPIRED", "The verification code expired after ${minutes} minutes", "", "", 404, "after-action", "Retry — change the request", "", [], ""],
["verify-invalid-phone-number", "invalid-phone-number", "INVALID_PHONE_NUMBER", "The phone number ${to} is not a valid mobile number", "", "", 400, "never", "No retry — fix the request", "", [], ""],
]});
