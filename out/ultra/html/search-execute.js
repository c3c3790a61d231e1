errcatSearch({"page": "execute", "rows": [
["Success", "Use the `signature` field to view the transaction in an explorer.", "", "No retry"],
["Missing cached order", "", "`requestId` not found in cache, likely expired or not found", "No retry"],
["Invalid signed transaction", "", "`signedTransaction` is invalid, likely failed to sign the transaction correctly", "No retry"],
["Invalid message bytes", "", "`signedTransaction` is invalid, likely due to incorrect usage like modification of `transaction` field in the order response", "No retry"],
["Missing request id", "", "`requestId` is not found in the request to `/execute`", "No retry"],
["Missing signed transaction", "", "`signedTransaction` is not found in the request to `/execute`", "No retry"],
]});
