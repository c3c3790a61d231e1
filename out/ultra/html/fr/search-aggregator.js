errcatSearch({"page": "aggregator", "rows": [
["Non incluse", "", "La transaction n'a pas été incluse dans le réseau", "Pas de nouvel essai"],
["Erreur inconnue", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
["Transaction invalide", "", "Réessayez ; si le problème persiste, contactez-nous sur Discord", "Réessayer peut aider — contacter le support si cela persiste"],
["Transaction incomplètement signée", "", "La transaction n'a pas été correctement signée", "Pas de nouvel essai"],
["Hauteur de bloc invalide", "", "La hauteur de bloc est invalide", "Pas de nouvel essai"],
["Expirée", "", "La transaction soumise a été tentée mais a expiré", "Pas de nouvel essai"],
["Délai dépassé", "", "La transaction soumise a été tentée mais son délai a expiré", "Pas de nouvel essai"],
["Portefeuille non pris en charge pour le mode sans gaz", "", "Le portefeuille n'est pas pris en charge pour le mode sans gaz", "Pas de nouvel essai"],
]});
