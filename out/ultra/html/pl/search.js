errcatSearch({"catalog": "ultra", "pages": [
["order", "order", "Kody odpowiedzi zlecenia", "order"],
["execute", "execute", "Kody odpowiedzi wykonania", "execute"],
["aggregator", "aggregator", "Kody wymian typu agregator", "aggregator"],
["rfq", "rfq", "Kody wymian typu RFQ", "rfq"],
["program", "program", "Kody związane z programami", "program"],
], "statuses": [
["status-200", 200, "Powodzenie", "", "never", "Bez ponawiania"],
["status-400", 400, "Nieprawidłowe żądanie", "", "never", "Bez ponawiania"],
["status-401", 401, "Brak autoryzacji", "", "never", "Bez ponawiania"],
["status-404", 404, "Nie znaleziono", "", "never", "Bez ponawiania"],
["status-429", 429, "Ograniczenie liczby żądań", "", "maybe", "Ponowienie może pomóc"],
["status-500", 500, "Wewnętrzny błąd serwera", "", "never", "Bez ponawiania"],
["status-502", 502, "Błędna brama", "", "never", "Bez ponawiania"],
["status-503", 503, "Usługa niedostępna", "", "never", "Bez ponawiania"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "", "never", "Bez ponawiania"],
]});
