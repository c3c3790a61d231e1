errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Cart errors", "cart", [
["cart--other", "każdy inny", "", 409, "never", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", 404, "never", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", 409, "never", "", [], ""],
]],
["stock", "stock", "Stock errors", "stock", [
["stock--class-warehouse", "2000–2999", "Warehouse errors", 409, "never", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", 409, "never", "", [], ""],
["stock-items-reserved", "1002", "ITEMS_RESERVED", 409, "never", "", [], ""],
]],
], "statuses": [
["status-404", 404, "Not Found", "The resource does not exist.", "never", "Bez ponawiania"],
["status-409", 409, "Conflict", "", "never", "Bez ponawiania"],
]});
