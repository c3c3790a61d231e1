errcatSearch({"catalog": "statuscodes", "pages": [
], "statuses": [
["status-200", 200, "OK", "Żądanie powiodło się, a serwer odpowiedział żądanymi danymi. To standardowa odpowiedź na udane żądania HTTP.", "never", "Bez ponawiania"],
["status-400", 400, "Nieprawidłowe żądanie", "Serwer nie mógł zrozumieć żądania z powodu nieprawidłowej składni. Często oznacza to błąd w treści żądania, jego parametrach lub ciągu zapytania.", "never", "Bez ponawiania"],
["status-401", 401, "Brak autoryzacji", "Wymagane jest uwierzytelnienie, którego nie podano lub które się nie powiodło. Klient musi się uwierzytelnić, aby otrzymać żądaną odpowiedź.", "never", "Bez ponawiania"],
["status-403", 403, "Zabronione", "Klient jest uwierzytelniony, ale nie ma uprawnień dostępu do żądanego zasobu. Autoryzacja nie pomoże i żądania nie należy powtarzać.", "never", "Bez ponawiania"],
["status-404", 404, "Nie znaleziono", "Nie znaleziono żądanego zasobu na serwerze. Może się tak zdarzyć, gdy adres URL punktu końcowego jest nieprawidłowy lub zasób nie istnieje.", "never", "Bez ponawiania"],
["status-405", 405, "Niedozwolona metoda", "Metoda podana w żądaniu jest niedozwolona dla tego zasobu. Na przykład użycie POST dla zasobu, który obsługuje tylko GET.", "never", "Bez ponawiania"],
["status-429", 429, "Zbyt wiele żądań", "Użytkownik wysłał zbyt wiele żądań w danym czasie („ograniczanie liczby żądań”). Odpowiedź może zawierać informację, jak długo czekać przed wysłaniem nowego żądania.", "maybe", "Ponowienie może pomóc"],
["status-500", 500, "Wewnętrzny błąd serwera", "Serwer napotkał nieoczekiwany stan. To ogólny komunikat błędu oznaczający, że serwer nie zdołał obsłużyć prawidłowego żądania.", "never", "Bez ponawiania"],
["status-502", 502, "Błędna brama", "Serwer, działając jako brama lub serwer pośredniczący, otrzymał nieprawidłową odpowiedź od serwera nadrzędnego.", "never", "Bez ponawiania"],
["status-503", 503, "Usługa niedostępna", "Serwer nie może obecnie obsłużyć żądania z powodu chwilowego przeciążenia lub zaplanowanej konserwacji.", "never", "Bez ponawiania"],
["status-504", 504, "Przekroczono czas oczekiwania bramy", "Serwer, działając jako brama lub serwer pośredniczący, nie otrzymał na czas odpowiedzi od serwera nadrzędnego.", "never", "Bez ponawiania"],
]});
