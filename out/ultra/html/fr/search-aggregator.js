errcatSearch({"page": "aggregator", "rows": [
["aggregator-failed-to-land", "-1000", "FAILED_TO_LAND", "Non incluse", "", "La transaction n'a pas été incluse dans le réseau", null, "never", "No retry", "", [], ""],
["aggregator-unknown-error", "-1001", "UNKNOWN_ERROR", "Erreur inconnue", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["aggregator-invalid-transaction", "-1002", "INVALID_TRANSACTION", "Transaction invalide", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["aggregator-transaction-not-fully-signed", "-1003", "TRANSACTION_NOT_FULLY_SIGNED", "Transaction incomplètement signée", "", "La transaction n'a pas été correctement signée", null, "never", "No retry", "", [], ""],
["aggregator-invalid-block-height", "-1004", "INVALID_BLOCK_HEIGHT", "Hauteur de bloc invalide", "", "La hauteur de bloc est invalide", null, "never", "No retry", "", [], ""],
["aggregator-expired", "-1005", "EXPIRED", "Expirée", "", "La transaction soumise a été tentée mais a expiré", null, "never", "No retry", "", [], ""],
["aggregator-timed-out", "-1006", "TIMED_OUT", "Délai dépassé", "", "La transaction soumise a été tentée mais son délai a expiré", null, "never", "No retry", "", [], ""],
["aggregator-gasless-unsupported-wallet", "-1007", "GASLESS_UNSUPPORTED_WALLET", "Portefeuille non pris en charge pour le mode sans gaz", "", "Le portefeuille n'est pas pris en charge pour le mode sans gaz", null, "never", "No retry", "", [], ""],
]});
