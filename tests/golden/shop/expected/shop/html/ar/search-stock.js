errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "لا إعادة للمحاولة"],
["Sold out", "", "", "لا إعادة للمحاولة"],
["${n} عنصر محجوز", "Other carts hold the items until their checkout ends.", "Retry once the reservation expires, or order fewer items.", "لا إعادة للمحاولة"],
]});
