errcatSearch({"page": "execute", "rows": [
["Succès", "Utilisez le champ `signature` pour voir la transaction dans un explorateur.", "", "Pas de nouvel essai"],
["Ordre en cache manquant", "", "`requestId` introuvable dans le cache, probablement expiré ou inexistant", "Pas de nouvel essai"],
["Transaction signée invalide", "", "`signedTransaction` est invalide, probablement parce que la transaction a été mal signée", "Pas de nouvel essai"],
["Octets de message invalides", "", "`signedTransaction` est invalide, probablement à cause d'un usage incorrect, comme la modification du champ `transaction` de la réponse de l'ordre", "Pas de nouvel essai"],
["Identifiant de requête manquant", "", "`requestId` est absent de la requête à `/execute`", "Pas de nouvel essai"],
["Transaction signée manquante", "", "`signedTransaction` est absent de la requête à `/execute`", "Pas de nouvel essai"],
]});
