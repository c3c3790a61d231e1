errcatSearch({"page": "delivery", "rows": [
["delivery--other", "any other", "", "Delivery failed with carrier code ${code}", "", "", 502, "maybe", "Retry may help", "", [], ""],
["delivery-queue-overflow", "30001", "QUEUE_OVERFLOW", "The account's send queue is full", "", "", 429, "always", "Retry after Retry-After", "", [], ""],
["delivery-unreachable", "30003", "UNREACHABLE", "Unreachable destination handset", "", "", 502, "maybe", "Retry may help", "", [], ""],
["delivery-filtered", "30007", "FILTERED", "Message filtered as spam by ${carrier}", "", "", 502, "never", "No retry — change the request", "deprecated", [], ""],
]});
