errcatSearch({"page": "cart", "rows": [
["cart--other", "tout autre", "", "Erreur de panier ${code}", "", "", 409, "never", "Pas de nouvel essai", "", [], ""],
["cart-item-missing", "item-missing", "ITEM_MISSING", "L’article ${sku} n’est pas au catalogue", "", "Vérifiez la référence dans la liste des produits.", 404, "never", "Pas de nouvel essai", "", [], ""],
["cart-cart-full", "cart-full", "CART_FULL", "Un panier contient au plus ${limit} articles", "Le panier a atteint sa taille maximale.", "", 409, "never", "Pas de nouvel essai", "", [], ""],
]});
