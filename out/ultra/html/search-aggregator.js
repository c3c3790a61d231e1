errcatSearch({"page": "aggregator", "rows": [
["Failed to land", "", "Transaction failed to land on the network", "No retry"],
["Unknown error", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
["Invalid transaction", "", "Please try again, if it persists please reach out in Discord", "Retry may help — contact support if it persists"],
["Transaction not fully signed", "", "Failed to sign the transaction correctly", "No retry"],
["Invalid block height", "", "The block height is invalid", "No retry"],
["Expired", "", "The submitted transaction has been attempted but has expired", "No retry"],
["Timed out", "", "The submitted transaction has been attempted but has timed out", "No retry"],
["Gasless unsupported wallet", "", "The wallet is not supported for gasless", "No retry"],
]});
