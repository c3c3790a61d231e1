errcatSearch({"page": "order", "rows": [
["Order error ${code}", "An order error of a newer version of the API.", "", "Retry may help — change the request"],
["New order rejected", "", "", "Retry may help — change the request"],
["Cancel order rejected", "", "", "No retry — fix the request"],
["Order ${orderId} does not exist", "", "", "Depends on the details — poll the status first"],
["Invalid API-key, IP, or permissions for action", "", "", "No retry"],
]});
