errcatSearch({"catalog": "statuscodes", "pages": [
], "statuses": [
["status-200", 200, "OK", "La requête a réussi et le serveur a répondu avec les données demandées. C'est la réponse standard aux requêtes HTTP réussies.", "never", "Pas de nouvel essai"],
["status-400", 400, "Requête incorrecte", "Le serveur n'a pas pu comprendre la requête à cause d'une syntaxe invalide. Cela signifie souvent que le corps de la requête, ses paramètres ou sa chaîne de requête contiennent une erreur.", "never", "Pas de nouvel essai"],
["status-401", 401, "Non autorisé", "Une authentification est nécessaire et elle n'a pas été fournie ou a échoué. Le client doit s'authentifier pour obtenir la réponse demandée.", "never", "Pas de nouvel essai"],
["status-403", 403, "Interdit", "Le client est authentifié mais n'a pas la permission d'accéder à la ressource demandée. S'authentifier n'y changera rien, et la requête ne doit pas être répétée.", "never", "Pas de nouvel essai"],
["status-404", 404, "Introuvable", "La ressource demandée est introuvable sur le serveur. Cela peut arriver si l'URL du point d'accès est incorrecte ou si la ressource n'existe pas.", "never", "Pas de nouvel essai"],
["status-405", 405, "Méthode non autorisée", "La méthode indiquée dans la requête n'est pas autorisée pour cette ressource. Par exemple, utiliser POST sur une ressource qui n'accepte que GET.", "never", "Pas de nouvel essai"],
["status-429", 429, "Trop de requêtes", "L'utilisateur a envoyé trop de requêtes en un temps donné (« limitation de débit »). La réponse peut indiquer combien de temps attendre avant une nouvelle requête.", "maybe", "Réessayer peut aider"],
["status-500", 500, "Erreur interne du serveur", "Le serveur a rencontré une condition inattendue. C'est un message d'erreur générique qui indique que le serveur n'a pas pu traiter une requête valide.", "never", "Pas de nouvel essai"],
["status-502", 502, "Passerelle incorrecte", "Le serveur, agissant comme passerelle ou proxy, a reçu une réponse invalide du serveur en amont.", "never", "Pas de nouvel essai"],
["status-503", 503, "Service indisponible", "Le serveur ne peut pas traiter la requête pour le moment, à cause d'une surcharge temporaire ou d'une maintenance programmée.", "never", "Pas de nouvel essai"],
["status-504", 504, "Délai de la passerelle dépassé", "Le serveur, agissant comme passerelle ou proxy, n'a pas reçu à temps de réponse du serveur en amont.", "never", "Pas de nouvel essai"],
]});
