errcatSearch({"page": "execute", "rows": [
["execute-success", "0", "SUCCESS", "Success", "Use the `signature` field to view the transaction in an explorer.", "", null, "never", "No retry", "", [], ""],
["execute-missing-cached-order", "-1", "MISSING_CACHED_ORDER", "Missing cached order", "", "`requestId` not found in cache, likely expired or not found", null, "never", "No retry", "", [], ""],
["execute-invalid-signed-transaction", "-2", "INVALID_SIGNED_TRANSACTION", "Invalid signed transaction", "", "`signedTransaction` is invalid, likely failed to sign the transaction correctly", null, "never", "No retry", "", [], ""],
["execute-invalid-message-bytes", "-3", "INVALID_MESSAGE_BYTES", "Invalid message bytes", "", "`signedTransaction` is invalid, likely due to incorrect usage like modification of `transaction` field in the order response", null, "never", "No retry", "", [], ""],
["execute-missing-request-id", "-4", "MISSING_REQUEST_ID", "Missing request id", "", "`requestId` is not found in the request to `/execute`", null, "never", "No retry", "", [], ""],
["execute-missing-signed-transaction", "-5", "MISSING_SIGNED_TRANSACTION", "Missing signed transaction", "", "`signedTransaction` is not found in the request to `/execute`", null, "never", "No retry", "", [], ""],
]});
