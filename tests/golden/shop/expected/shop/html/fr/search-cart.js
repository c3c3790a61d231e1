errcatSearch({"page": "cart", "rows": [
["Erreur de panier ${code}", "", "", "Pas de nouvel essai"],
["L’article ${sku} n’est pas au catalogue", "", "Vérifiez la référence dans la liste des produits.", "Pas de nouvel essai"],
["Un panier contient au plus ${limit} articles", "Le panier a atteint sa taille maximale.", "", "Pas de nouvel essai"],
]});
