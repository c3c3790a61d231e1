errcatSearch({"page": "rfq", "rows": [
["Failed to land", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
["Unknown error", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
["Invalid payload", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
["Quote expired", "", "User did not respond in time or RFQ provider did not execute in time", "No retry"],
["Swap rejected", "", "User or RFQ provider rejected the swap", "No retry"],
["Internal error", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
]});
