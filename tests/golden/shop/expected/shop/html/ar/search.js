errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Cart errors", "cart", [
["cart--other", "أي رمز آخر", "", 409, "never", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", 404, "never", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", 409, "never", "", [], ""],
]],
["stock", "stock", "Stock errors", "stock", [
["stock--class-warehouse", "2000–2999", "Warehouse errors", 409, "never", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", 409, "never", "", [], ""],
["stock-items-reserved", "1002", "ITEMS_RESERVED", 409, "never", "", [], ""],
]],
], "statuses": [
["status-404", 404, "غير موجود", "The resource does not exist.", "never", "لا إعادة للمحاولة"],
["status-409", 409, "Conflict", "", "never", "لا إعادة للمحاولة"],
]});
