errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "Codes d'erreur", "errors"],
], "statuses": [
["status-200", 200, "Succès", "Une soumission réussie renvoie 200 avec \"status\": \"submitted\".", "never", "Pas de nouvel essai"],
["status-202", 202, "Acceptée", "Réservé et non émis actuellement : une soumission réussie renvoie 200 avec \"status\": \"submitted\".", "never", "Pas de nouvel essai"],
["status-400", 400, "Requête incorrecte", "", "never", "Pas de nouvel essai"],
["status-401", 401, "Non autorisé", "", "never", "Pas de nouvel essai"],
["status-404", 404, "Introuvable", "", "never", "Pas de nouvel essai"],
["status-410", 410, "Supprimé", "", "never", "Pas de nouvel essai"],
["status-429", 429, "Trop de requêtes", "", "always", "Réessayer après Retry-After"],
["status-500", 500, "Erreur interne du serveur", "", "never", "Pas de nouvel essai"],
["status-502", 502, "Passerelle incorrecte", "", "depends", "Selon les détails"],
["status-503", 503, "Service indisponible", "", "always", "Réessayer après Retry-After"],
["status-504", 504, "Délai de la passerelle dépassé", "", "always", "Réessayer après Retry-After"],
]});
