errcatSearch({"page": "stock", "rows": [
["stock--class-warehouse", "2000–2999", "Erreurs d’entrepôt", "Erreur d’entrepôt ${code}", "", "", 409, "never", "Pas de nouvel essai", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", "Épuisé", "", "", 409, "never", "Pas de nouvel essai", "", [], ""],
]});
