errcatSearch({"page": "stock", "rows": [
["Erreur d’entrepôt ${code}", "", "", "Pas de nouvel essai"],
["Épuisé", "", "", "Pas de nouvel essai"],
["${n} articles sont réservés", "D’autres paniers retiennent les articles jusqu’à la fin de leur commande.", "Réessayez quand la réservation expire, ou commandez moins d’articles.", "Pas de nouvel essai"],
]});
