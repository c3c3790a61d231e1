errcatSearch({"page": "cart", "rows": [
["Erreur de panier ${code}", "", "", "No retry"],
["L’article ${sku} n’est pas au catalogue", "", "Vérifiez la référence dans la liste des produits.", "No retry"],
["Un panier contient au plus ${limit} articles", "Le panier a atteint sa taille maximale.", "", "No retry"],
]});
