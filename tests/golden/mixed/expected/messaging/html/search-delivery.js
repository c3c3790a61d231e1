errcatSearch({"page": "delivery", "rows": [
["Delivery failed with carrier code ${code}", "", "", "Retry may help"],
["The account's send queue is full", "", "", "Retry after Retry-After"],
["Unreachable destination handset", "", "", "Retry may help"],
["Message filtered as spam by ${carrier}", "", "", "No retry — change the request"],
]});
