errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "Kody błędów", "errors"],
], "statuses": [
["status-200", 200, "Sukces", "Udane przesłanie zwraca 200 z \"status\": \"submitted\".", "never", "No retry"],
["status-202", 202, "Przyjęte", "Zarezerwowany i obecnie niezwracany: udane przesłanie zwraca 200 z \"status\": \"submitted\".", "never", "No retry"],
["status-400", 400, "Nieprawidłowe żądanie", "", "never", "No retry"],
["status-401", 401, "Brak autoryzacji", "", "never", "No retry"],
["status-404", 404, "Nie znaleziono", "", "never", "No retry"],
["status-410", 410, "Zasób usunięty", "", "never", "No retry"],
["status-429", 429, "Zbyt wiele żądań", "", "always", "Retry after Retry-After"],
["status-500", 500, "Wewnętrzny błąd serwera", "", "never", "No retry"],
["status-502", 502, "Błędna brama", "", "depends", "Depends on the details"],
["status-503", 503, "Usługa niedostępna", "", "always", "Retry after Retry-After"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "", "always", "Retry after Retry-After"],
]});
