errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Erreurs du panier", "cart"],
["stock", "stock", "Stock errors", "stock"],
], "statuses": [
["status-404", 404, "Introuvable", "La ressource n’existe pas.", "never", "Pas de nouvel essai"],
["status-409", 409, "Conflit", "", "never", "Pas de nouvel essai"],
]});
