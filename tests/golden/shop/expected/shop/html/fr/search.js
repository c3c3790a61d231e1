errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Erreurs du panier", "cart", [
["cart--other", "tout autre", "", 409, "never", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", 404, "never", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", 409, "never", "", [], ""],
]],
["stock", "stock", "Stock errors", "stock", [
["stock--class-warehouse", "2000–2999", "Erreurs d’entrepôt", 409, "never", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", 409, "never", "", [], ""],
["stock-items-reserved", "1002", "ITEMS_RESERVED", 409, "never", "", [], ""],
]],
], "statuses": [
["status-404", 404, "Introuvable", "La ressource n’existe pas.", "never", "Pas de nouvel essai"],
["status-409", 409, "Conflit", "", "never", "Pas de nouvel essai"],
]});
