errcatSearch({"page": "stock", "rows": [
["Erreur d’entrepôt ${code}", "", "", "No retry"],
["Épuisé", "", "", "No retry"],
]});
