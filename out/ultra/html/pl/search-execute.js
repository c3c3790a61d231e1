errcatSearch({"page": "execute", "rows": [
["Sukces", "Użyj pola `signature`, aby wyświetlić transakcję w eksploratorze.", "", "Bez ponawiania"],
["Brak zlecenia w pamięci podręcznej", "", "Nie znaleziono `requestId` w pamięci podręcznej; prawdopodobnie wygasł lub nie istnieje", "Bez ponawiania"],
["Nieprawidłowa podpisana transakcja", "", "`signedTransaction` jest nieprawidłowa; prawdopodobnie transakcję podpisano niepoprawnie", "Bez ponawiania"],
["Nieprawidłowe bajty komunikatu", "", "`signedTransaction` jest nieprawidłowa; prawdopodobnie z powodu błędnego użycia, np. zmiany pola `transaction` w odpowiedzi zlecenia", "Bez ponawiania"],
["Brak identyfikatora żądania", "", "Brak `requestId` w żądaniu do `/execute`", "Bez ponawiania"],
["Brak podpisanej transakcji", "", "Brak `signedTransaction` w żądaniu do `/execute`", "Bez ponawiania"],
]});
