errcatSearch({"catalog": "statusenvelope", "pages": [
], "statuses": [
["status-200", 200, "OK", "Żądanie zostało pomyślnie wysłane i przetworzone.", "never", "No retry"],
["status-400", 400, "Nieprawidłowe żądanie", "Przesłany parametr jest nieprawidłowy. Sprawdź treść żądania przed jego wysłaniem.", "never", "No retry"],
["status-401", 401, "Brak autoryzacji", "Dane uwierzytelniające są nieprawidłowe. Nie masz uprawnień dostępu do zasobu. Przykładowy komunikat: \"Invalid token\".", "never", "No retry"],
["status-403", 403, "Zabronione", "Operacja jest niedozwolona i nie można udzielić uprawnień. Przykładowe komunikaty: \"Account is disabled\", \"Insufficient balance\", \"Token is disabled\", \"Insufficient permissions\".", "never", "No retry"],
["status-404", 404, "Nie znaleziono", "Żądane dane nie istnieją lub nie można ich znaleźć.", "never", "No retry"],
["status-405", 405, "Niedozwolona metoda", "Użyta metoda HTTP jest niedozwolona dla tego punktu końcowego.", "never", "No retry"],
["status-410", 410, "Zasób usunięty", "Żądany punkt końcowy został wycofany i nie jest już dostępny.", "never", "No retry"],
["status-429", 429, "Zbyt wiele żądań", "Przekroczono limit żądań. Spróbuj ponownie później. Szczegóły w API Rate Limits.", "maybe", "Retry may help"],
["status-500", 500, "Wewnętrzny błąd serwera", "Wystąpił błąd serwera. Skontaktuj się z pomocą techniczną, jeśli będzie się powtarzał.", "maybe", "Retry may help — contact support if it persists"],
["status-502", 502, "Błędna brama", "Serwer otrzymał nieprawidłową odpowiedź od serwera nadrzędnego.", "never", "No retry"],
["status-503", 503, "Usługa niedostępna", "Serwer jest chwilowo niedostępny, zwykle z powodu konserwacji lub przeciążenia.", "never", "No retry"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "Serwer nie otrzymał na czas odpowiedzi od serwera nadrzędnego.", "never", "No retry"],
]});
