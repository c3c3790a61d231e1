errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "Bez ponawiania"],
["Sold out", "", "", "Bez ponawiania"],
]});
