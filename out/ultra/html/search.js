errcatSearch({"catalog": "ultra", "pages": [
["order", "order", "Order response codes", "order"],
["execute", "execute", "Execute response codes", "execute"],
["aggregator", "aggregator", "Aggregator swap type codes", "aggregator"],
["rfq", "rfq", "RFQ swap type codes", "rfq"],
["program", "program", "Program related codes", "program"],
], "statuses": [
["status-200", 200, "Good", "", "never", "No retry"],
["status-400", 400, "Bad Request", "", "never", "No retry"],
["status-401", 401, "Unauthorized", "", "never", "No retry"],
["status-404", 404, "Not Found", "", "never", "No retry"],
["status-429", 429, "Rate Limited", "", "maybe", "Retry may help"],
["status-500", 500, "Internal Server Error", "", "never", "No retry"],
["status-502", 502, "Bad Gateway", "", "never", "No retry"],
["status-503", 503, "Service Unavailable", "", "never", "No retry"],
["status-504", 504, "Gateway Timeout", "", "never", "No retry"],
]});
