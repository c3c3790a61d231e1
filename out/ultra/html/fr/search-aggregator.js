errcatSearch({"page": "aggregator", "rows": [
["aggregator-failed-to-land", "-1000", "FAILED_TO_LAND", "Non incluse", "", "La transaction n'a pas été incluse dans le réseau", null, "never", "Pas de nouvel essai", "", [], ""],
["aggregator-unknown-error", "-1001", "UNKNOWN_ERROR", "Erreur inconnue", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
["aggregator-invalid-transaction", "-1002", "INVALID_TRANSACTION", "Transaction invalide", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
["aggregator-transaction-not-fully-signed", "-1003", "TRANSACTION_NOT_FULLY_SIGNED", "Transaction incomplètement signée", "", "La transaction n'a pas été correctement signée", null, "never", "Pas de nouvel essai", "", [], ""],
["aggregator-invalid-block-height", "-1004", "INVALID_BLOCK_HEIGHT", "Hauteur de bloc invalide", "", "La hauteur de bloc est invalide", null, "never", "Pas de nouvel essai", "", [], ""],
["aggregator-expired", "-1005", "EXPIRED", "Expirée", "", "La transaction soumise a été tentée mais a expiré", null, "never", "Pas de nouvel essai", "", [], ""],
["aggregator-timed-out", "-1006", "TIMED_OUT", "Délai dépassé", "", "La transaction soumise a été tentée mais son délai a expiré", null, "never", "Pas de nouvel essai", "", [], ""],
["aggregator-gasless-unsupported-wallet", "-1007", "GASLESS_UNSUPPORTED_WALLET", "Portefeuille non pris en charge pour le mode sans gaz", "", "Le portefeuille n'est pas pris en charge pour le mode sans gaz", null, "never", "Pas de nouvel essai", "", [], ""],
]});
