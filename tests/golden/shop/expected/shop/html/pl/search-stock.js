errcatSearch({"page": "stock", "rows": [
["stock--class-warehouse", "2000–2999", "Warehouse errors", "Warehouse error ${code}", "", "", 409, "never", "Bez ponawiania", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", "Sold out", "", "", 409, "never", "Bez ponawiania", "", [], ""],
]});
