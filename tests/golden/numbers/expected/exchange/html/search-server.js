errcatSearch({"page": "server", "rows": [
["Server error ${code}", "", "", "Depends on the details — poll the status first"],
["An unknown error occurred while processing the request", "", "", "Depends on the details — poll the status first"],
["Internal error; unable to process your request", "", "", "Retry"],
["Too much request weight used; current limit is ${limit} request weight per ${interval}", "", "", "Retry after Retry-After"],
["Timestamp for this request is outside of the recvWindow", "", "", "Retry — change the request"],
["Signature for this request is not valid", "", "", "No retry — check the credentials"],
]});
