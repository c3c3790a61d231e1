errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "No retry"],
["Sold out", "", "", "No retry"],
]});
