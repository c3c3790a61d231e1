errcatSearch({"page": "stock", "rows": [
["stock--class-warehouse", "2000–2999", "Erreurs d’entrepôt", "Erreur d’entrepôt ${code}", "", "", 409, "never", "No retry", "", [], ""],
["stock-sold-out", "1001", "SOLD_OUT", "Épuisé", "", "", 409, "never", "No retry", "", [], ""],
["stock-items-reserved", "1002", "ITEMS_RESERVED", "${n} articles sont réservés", "D’autres paniers retiennent les articles jusqu’à la fin de leur commande.", "Réessayez quand la réservation expire, ou commandez moins d’articles.", 409, "never", "No retry", "", [], ""],
]});
