errcatSearch({"page": "cart", "rows": [
["cart--other", "każdy inny", "", "Cart error ${code}", "", "", 409, "never", "Bez ponawiania", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", "Produktu ${sku} nie ma w katalogu", "", "Check the SKU against the product list.", 404, "never", "Bez ponawiania", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", "A cart holds at most ${limit} items", "The cart reached its size limit.", "", 409, "never", "Bez ponawiania", "", [], ""],
]});
