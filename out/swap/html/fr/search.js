errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "Codes d'erreur", "errors"],
], "statuses": [
["status-200", 200, "Succès", "Une soumission réussie renvoie 200 avec \"status\": \"submitted\".", "never", "No retry"],
["status-202", 202, "Acceptée", "Réservé et non émis actuellement : une soumission réussie renvoie 200 avec \"status\": \"submitted\".", "never", "No retry"],
["status-400", 400, "Requête incorrecte", "", "never", "No retry"],
["status-401", 401, "Non autorisé", "", "never", "No retry"],
["status-404", 404, "Introuvable", "", "never", "No retry"],
["status-410", 410, "Supprimé", "", "never", "No retry"],
["status-429", 429, "Trop de requêtes", "", "always", "Retry after Retry-After"],
["status-500", 500, "Erreur interne du serveur", "", "never", "No retry"],
["status-502", 502, "Passerelle incorrecte", "", "depends", "Depends on the details"],
["status-503", 503, "Service indisponible", "", "always", "Retry after Retry-After"],
["status-504", 504, "Délai de la passerelle dépassé", "", "always", "Retry after Retry-After"],
]});
