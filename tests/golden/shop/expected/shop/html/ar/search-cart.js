errcatSearch({"page": "cart", "rows": [
["cart--other", "أي رمز آخر", "", "Cart error ${code}", "", "", 409, "never", "لا إعادة للمحاولة", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", "المنتج ${sku} غير موجود في الكتالوج", "", "Check the SKU against the product list.", 404, "never", "لا إعادة للمحاولة", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", "A cart holds at most ${limit} items", "The cart reached its size limit.", "", 409, "never", "لا إعادة للمحاولة", "", [], ""],
]});
