errcatSearch({"page": "stock", "rows": [
["Erreur d’entrepôt ${code}", "", "", "Pas de nouvel essai"],
["Épuisé", "", "", "Pas de nouvel essai"],
]});
