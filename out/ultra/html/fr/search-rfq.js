errcatSearch({"page": "rfq", "rows": [
["Non incluse", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
["Erreur inconnue", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
["Charge utile invalide", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
["Cotation expirée", "", "L'utilisateur n'a pas répondu à temps ou le fournisseur RFQ n'a pas exécuté à temps", "Pas de nouvel essai"],
["Échange rejeté", "", "L'utilisateur ou le fournisseur RFQ a rejeté l'échange", "Pas de nouvel essai"],
["Erreur interne", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
]});
