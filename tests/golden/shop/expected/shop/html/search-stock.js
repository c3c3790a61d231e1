errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "No retry"],
["Sold out", "", "", "No retry"],
["${n} items are reserved", "Other carts hold the items until their checkout ends.", "Retry once the reservation expires, or order fewer items.", "No retry"],
]});
