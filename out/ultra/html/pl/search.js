errcatSearch({"catalog": "ultra", "pages": [
["order", "order", "Kody odpowiedzi zlecenia", "order"],
["execute", "execute", "Kody odpowiedzi wykonania", "execute"],
["aggregator", "aggregator", "Kody wymian typu agregator", "aggregator"],
["rfq", "rfq", "Kody wymian typu RFQ", "rfq"],
["program", "program", "Kody związane z programami", "program"],
], "statuses": [
["status-200", 200, "Powodzenie", "", "never", "No retry"],
["status-400", 400, "Nieprawidłowe żądanie", "", "never", "No retry"],
["status-401", 401, "Brak autoryzacji", "", "never", "No retry"],
["status-404", 404, "Nie znaleziono", "", "never", "No retry"],
["status-429", 429, "Ograniczenie liczby żądań", "", "maybe", "Retry may help"],
["status-500", 500, "Wewnętrzny błąd serwera", "", "never", "No retry"],
["status-502", 502, "Błędna brama", "", "never", "No retry"],
["status-503", 503, "Usługa niedostępna", "", "never", "No retry"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "", "never", "No retry"],
]});
