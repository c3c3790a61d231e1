errcatSearch({"page": "verify", "rows": [
["Verification failed (${code})", "", "", "No retry — contact support if it persists"],
["Max check attempts reached for ${to}", "", "", "Retry — change the request"],
["The verification code expired after ${minutes} minutes", "", "", "Retry — change the request"],
["The phone number ${to} is not a valid mobile number", "", "", "No retry — fix the request"],
]});
