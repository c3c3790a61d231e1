errcatSearch({"page": "order", "rows": [
["order-insufficient-funds", "1", "INSUFFICIENT_FUNDS", "Fonds insuffisants", "Le montant disponible pour l'échange est insuffisant", "", null, "never", "Pas de nouvel essai", "", [], ""],
["order-top-up-sol-for-gas", "2", "TOP_UP_SOL_FOR_GAS", "Rechargez ${solAmount} SOL pour les frais de gaz", "Pas assez de SOL pour les frais de gaz", "", null, "never", "Pas de nouvel essai", "", [], ""],
["order-minimum-for-gasless", "3", "MINIMUM_FOR_GASLESS", "Minimum de ${swapAmount} pour le mode sans gaz", "Montant d'échange insuffisant pour bénéficier du mode sans gaz", "", null, "never", "Pas de nouvel essai", "", [], ""],
]});
