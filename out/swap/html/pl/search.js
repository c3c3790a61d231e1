errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "Kody błędów", "errors"],
], "statuses": [
["status-200", 200, "Sukces", "Udane przesłanie zwraca 200 z \"status\": \"submitted\".", "never", "Bez ponawiania"],
["status-202", 202, "Przyjęte", "Zarezerwowany i obecnie niezwracany: udane przesłanie zwraca 200 z \"status\": \"submitted\".", "never", "Bez ponawiania"],
["status-400", 400, "Nieprawidłowe żądanie", "", "never", "Bez ponawiania"],
["status-401", 401, "Brak autoryzacji", "", "never", "Bez ponawiania"],
["status-404", 404, "Nie znaleziono", "", "never", "Bez ponawiania"],
["status-410", 410, "Zasób usunięty", "", "never", "Bez ponawiania"],
["status-429", 429, "Zbyt wiele żądań", "", "always", "Ponów po Retry-After"],
["status-500", 500, "Wewnętrzny błąd serwera", "", "never", "Bez ponawiania"],
["status-502", 502, "Błędna brama", "", "depends", "Zależy od szczegółów"],
["status-503", 503, "Usługa niedostępna", "", "always", "Ponów po Retry-After"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "", "always", "Ponów po Retry-After"],
]});
