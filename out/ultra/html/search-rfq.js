errcatSearch({"page": "rfq", "rows": [
["rfq-failed-to-land", "-2000", "FAILED_TO_LAND", "Failed to land", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-unknown-error", "-2001", "UNKNOWN_ERROR", "Unknown error", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-invalid-payload", "-2002", "INVALID_PAYLOAD", "Invalid payload", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-quote-expired", "-2003", "QUOTE_EXPIRED", "Quote expired", "", "User did not respond in time or RFQ provider did not execute in time", null, "never", "No retry", "", [], ""],
["rfq-swap-rejected", "-2004", "SWAP_REJECTED", "Swap rejected", "", "User or RFQ provider rejected the swap", null, "never", "No retry", "", [], ""],
["rfq-internal-error", "-2005", "INTERNAL_ERROR", "Internal error", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
]});
