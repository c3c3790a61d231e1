errcatSearch({"page": "cart", "rows": [
["cart--other", "any other", "", "Erreur de panier ${code}", "", "", 409, "never", "No retry", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", "L’article ${sku} n’est pas au catalogue", "", "Vérifiez la référence dans la liste des produits.", 404, "never", "No retry", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", "Un panier contient au plus ${limit} articles", "Le panier a atteint sa taille maximale.", "", 409, "never", "No retry", "", [], ""],
]});
