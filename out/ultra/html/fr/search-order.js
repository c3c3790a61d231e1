errcatSearch({"page": "order", "rows": [
["Fonds insuffisants", "Le montant disponible pour l'échange est insuffisant", "", "Pas de nouvel essai"],
["Rechargez ${solAmount} SOL pour les frais de gaz", "Pas assez de SOL pour les frais de gaz", "", "Pas de nouvel essai"],
["Minimum de ${swapAmount} pour le mode sans gaz", "Montant d'échange insuffisant pour bénéficier du mode sans gaz", "", "Pas de nouvel essai"],
]});
