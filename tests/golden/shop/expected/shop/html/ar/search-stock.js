errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "لا إعادة للمحاولة"],
["Sold out", "", "", "لا إعادة للمحاولة"],
]});
