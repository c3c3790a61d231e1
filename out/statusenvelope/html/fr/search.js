errcatSearch({"catalog": "statusenvelope", "pages": [
], "statuses": [
["status-200", 200, "OK", "La requête a bien été envoyée et traitée.", "never", "Pas de nouvel essai"],
["status-400", 400, "Requête incorrecte", "Le paramètre envoyé n'est pas valide. Vérifiez le corps de la requête avant de la soumettre.", "never", "Pas de nouvel essai"],
["status-401", 401, "Non autorisé", "Les identifiants ne sont pas valides. Vous n'êtes pas autorisé à accéder à la ressource. Exemple de message : \"Invalid token\".", "never", "Pas de nouvel essai"],
["status-403", 403, "Interdit", "L'opération n'est pas autorisée et la permission ne peut pas être accordée. Exemples de messages : \"Account is disabled\", \"Insufficient balance\", \"Token is disabled\", \"Insufficient permissions\".", "never", "Pas de nouvel essai"],
["status-404", 404, "Introuvable", "Les données demandées n'existent pas ou sont introuvables.", "never", "Pas de nouvel essai"],
["status-405", 405, "Méthode non autorisée", "La méthode HTTP utilisée n'est pas autorisée pour ce point d'accès.", "never", "Pas de nouvel essai"],
["status-410", 410, "Supprimé", "Le point d'accès demandé est obsolète et n'est plus disponible.", "never", "Pas de nouvel essai"],
["status-429", 429, "Trop de requêtes", "La limite de requêtes est dépassée. Réessayez plus tard. Voir API Rate Limits pour les détails.", "maybe", "Réessayer peut aider"],
["status-500", 500, "Erreur interne du serveur", "Une erreur s'est produite sur le serveur. Contactez le support si elle persiste.", "maybe", "Réessayer peut aider — contacter le support si cela persiste"],
["status-502", 502, "Passerelle incorrecte", "Le serveur a reçu une réponse invalide d'un serveur en amont.", "never", "Pas de nouvel essai"],
["status-503", 503, "Service indisponible", "Le serveur est temporairement indisponible, généralement pour maintenance ou surcharge.", "never", "Pas de nouvel essai"],
["status-504", 504, "Délai de la passerelle dépassé", "Le serveur n'a pas reçu à temps de réponse d'un serveur en amont.", "never", "Pas de nouvel essai"],
]});
