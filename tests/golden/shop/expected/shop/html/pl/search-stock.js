errcatSearch({"page": "stock", "rows": [
["stock--class-warehouse", "2000–2999", "Warehouse errors", "Warehouse error ${code}", "", "", 409, "never", "No retry", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", "Sold out", "", "", 409, "never", "No retry", "", [], ""],
["stock-items-reserved", "1002", "ITEMS_RESERVED", "${n} produktów jest zarezerwowanych", "Other carts hold the items until their checkout ends.", "Retry once the reservation expires, or order fewer items.", 409, "never", "No retry", "", [], ""],
]});
