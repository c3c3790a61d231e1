errcatSearch({"catalog": "ultra", "pages": [
["order", "order", "Codes de réponse de l'ordre", "order"],
["execute", "execute", "Codes de réponse de l'exécution", "execute"],
["aggregator", "aggregator", "Codes des échanges de type agrégateur", "aggregator"],
["rfq", "rfq", "Codes des échanges de type RFQ", "rfq"],
["program", "program", "Codes liés aux programmes", "program"],
], "statuses": [
["status-200", 200, "Réussi", "", "never", "Pas de nouvel essai"],
["status-400", 400, "Requête incorrecte", "", "never", "Pas de nouvel essai"],
["status-401", 401, "Non autorisé", "", "never", "Pas de nouvel essai"],
["status-404", 404, "Introuvable", "", "never", "Pas de nouvel essai"],
["status-429", 429, "Débit limité", "", "maybe", "Réessayer peut aider"],
["status-500", 500, "Erreur interne du serveur", "", "never", "Pas de nouvel essai"],
["status-502", 502, "Passerelle incorrecte", "", "never", "Pas de nouvel essai"],
["status-503", 503, "Service indisponible", "", "never", "Pas de nouvel essai"],
["status-504", 504, "Délai de la passerelle dépassé", "", "never", "Pas de nouvel essai"],
]});
