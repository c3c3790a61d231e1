errcatSearch({"catalog": "statusenvelope", "pages": [
], "statuses": [
["status-200", 200, "OK", "Żądanie zostało pomyślnie wysłane i przetworzone.", "never", "Bez ponawiania"],
["status-400", 400, "Nieprawidłowe żądanie", "Przesłany parametr jest nieprawidłowy. Sprawdź treść żądania przed jego wysłaniem.", "never", "Bez ponawiania"],
["status-401", 401, "Brak autoryzacji", "Dane uwierzytelniające są nieprawidłowe. Nie masz uprawnień dostępu do zasobu. Przykładowy komunikat: \"Invalid token\".", "never", "Bez ponawiania"],
["status-403", 403, "Zabronione", "Operacja jest niedozwolona i nie można udzielić uprawnień. Przykładowe komunikaty: \"Account is disabled\", \"Insufficient balance\", \"Token is disabled\", \"Insufficient permissions\".", "never", "Bez ponawiania"],
["status-404", 404, "Nie znaleziono", "Żądane dane nie istnieją lub nie można ich znaleźć.", "never", "Bez ponawiania"],
["status-405", 405, "Niedozwolona metoda", "Użyta metoda HTTP jest niedozwolona dla tego punktu końcowego.", "never", "Bez ponawiania"],
["status-410", 410, "Zasób usunięty", "Żądany punkt końcowy został wycofany i nie jest już dostępny.", "never", "Bez ponawiania"],
["status-429", 429, "Zbyt wiele żądań", "Przekroczono limit żądań. Spróbuj ponownie później. Szczegóły w API Rate Limits.", "maybe", "Ponowienie może pomóc"],
["status-500", 500, "Wewnętrzny błąd serwera", "Wystąpił błąd serwera. Skontaktuj się z pomocą techniczną, jeśli będzie się powtarzał.", "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["status-502", 502, "Błędna brama", "Serwer otrzymał nieprawidłową odpowiedź od serwera nadrzędnego.", "never", "Bez ponawiania"],
["status-503", 503, "Usługa niedostępna", "Serwer jest chwilowo niedostępny, zwykle z powodu konserwacji lub przeciążenia.", "never", "Bez ponawiania"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "Serwer nie otrzymał na czas odpowiedzi od serwera nadrzędnego.", "never", "Bez ponawiania"],
]});
