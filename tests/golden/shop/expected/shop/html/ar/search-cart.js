errcatSearch({"page": "cart", "rows": [
["Cart error ${code}", "", "", "لا إعادة للمحاولة"],
["المنتج ${sku} غير موجود في الكتالوج", "", "Check the SKU against the product list.", "لا إعادة للمحاولة"],
["A cart holds at most ${limit} items", "The cart reached its size limit.", "", "لا إعادة للمحاولة"],
]});
