errcatSearch({"page": "order", "rows": [
["order--other", "any other", "", "Order error ${code}", "An order error of a newer version of the API.", "", null, "maybe", "Retry may help — change the request", "", [], ""],
["order-new-order-rejected", "-2010", "NEW_ORDER_REJECTED", "New order rejected", "", "", 400, "maybe", "Retry may help — change the request", "", [], ""],
["order-cancel-rejected", "-2011", "CANCEL_REJECTED", "Cancel order rejected", "", "", 400, "never", "No retry — fix the request", "", [], ""],
["order-no-such-order", "-2013", "NO_SUCH_ORDER", "Order ${orderId} does not exist", "", "", 400, "depends", "Depends on the details — poll the status first", "", [], ""],
["order-rejected-mbx-key", "-2015", "REJECTED_MBX_KEY", "Invalid API-key, IP, or permissions for action", "", "", 403, "never", "No retry", "retired", [], ""],
]});
