errcatSearch({"page": "execute", "rows": [
["execute-success", "0", "SUCCESS", "Succès", "Utilisez le champ `signature` pour voir la transaction dans un explorateur.", "", null, "never", "Pas de nouvel essai", "", [], ""],
["execute-missing-cached-order", "-1", "MISSING_CACHED_ORDER", "Ordre en cache manquant", "", "`requestId` introuvable dans le cache, probablement expiré ou inexistant", null, "never", "Pas de nouvel essai", "", [], ""],
["execute-invalid-signed-transaction", "-2", "INVALID_SIGNED_TRANSACTION", "Transaction signée invalide", "", "`signedTransaction` est invalide, probablement parce que la transaction a été mal signée", null, "never", "Pas de nouvel essai", "", [], ""],
["execute-invalid-message-bytes", "-3", "INVALID_MESSAGE_BYTES", "Octets de message invalides", "", "`signedTransaction` est invalide, probablement à cause d'un usage incorrect, comme la modification du champ `transaction` de la réponse de l'ordre", null, "never", "Pas de nouvel essai", "", [], ""],
["execute-missing-request-id", "-4", "MISSING_REQUEST_ID", "Identifiant de requête manquant", "", "`requestId` est absent de la requête à `/execute`", null, "never", "Pas de nouvel essai", "", [], ""],
["execute-missing-signed-transaction", "-5", "MISSING_SIGNED_TRANSACTION", "Transaction signée manquante", "", "`signedTransaction` est absent de la requête à `/execute`", null, "never", "Pas de nouvel essai", "", [], ""],
]});
