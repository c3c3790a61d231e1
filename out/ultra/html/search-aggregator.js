errcatSearch({"page": "aggregator", "rows": [
["aggregator-failed-to-land", "-1000", "FAILED_TO_LAND", "Failed to land", "", "Transaction failed to land on the network", null, "never", "No retry", "", [], ""],
["aggregator-unknown-error", "-1001", "UNKNOWN_ERROR", "Unknown error", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["aggregator-invalid-transaction", "-1002", "INVALID_TRANSACTION", "Invalid transaction", "", "Please try again, if it persists please reach out in Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["aggregator-transaction-not-fully-signed", "-1003", "TRANSACTION_NOT_FULLY_SIGNED", "Transaction not fully signed", "", "Failed to sign the transaction correctly", null, "never", "No retry", "", [], ""],
["aggregator-invalid-block-height", "-1004", "INVALID_BLOCK_HEIGHT", "Invalid block height", "", "The block height is invalid", null, "never", "No retry", "", [], ""],
["aggregator-expired", "-1005", "EXPIRED", "Expired", "", "The submitted transaction has been attempted but has expired", null, "never", "No retry", "", [], ""],
["aggregator-timed-out", "-1006", "TIMED_OUT", "Timed out", "", "The submitted transaction has been attempted but has timed out", null, "never", "No retry", "", [], ""],
["aggregator-gasless-unsupported-wallet", "-1007", "GASLESS_UNSUPPORTED_WALLET", "Gasless unsupported wallet", "", "The wallet is not supported for gasless", null, "never", "No retry", "", [], ""],
]});
