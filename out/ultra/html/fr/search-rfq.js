errcatSearch({"page": "rfq", "rows": [
["rfq-failed-to-land", "-2000", "FAILED_TO_LAND", "Non incluse", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
["rfq-unknown-error", "-2001", "UNKNOWN_ERROR", "Erreur inconnue", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
["rfq-invalid-payload", "-2002", "INVALID_PAYLOAD", "Charge utile invalide", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
["rfq-quote-expired", "-2003", "QUOTE_EXPIRED", "Cotation expirée", "", "L'utilisateur n'a pas répondu à temps ou le fournisseur RFQ n'a pas exécuté à temps", null, "never", "Pas de nouvel essai", "", [], ""],
["rfq-swap-rejected", "-2004", "SWAP_REJECTED", "Échange rejeté", "", "L'utilisateur ou le fournisseur RFQ a rejeté l'échange", null, "never", "Pas de nouvel essai", "", [], ""],
["rfq-internal-error", "-2005", "INTERNAL_ERROR", "Erreur interne", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", null, "maybe", "Réessayer peut aider — contacter le support si cela persiste", "", [], ""],
]});
