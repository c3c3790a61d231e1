errcatSearch({"page": "execute", "rows": [
["execute-success", "0", "SUCCESS", "Sukces", "Użyj pola `signature`, aby wyświetlić transakcję w eksploratorze.", "", null, "never", "Bez ponawiania", "", [], ""],
["execute-missing-cached-order", "-1", "MISSING_CACHED_ORDER", "Brak zlecenia w pamięci podręcznej", "", "Nie znaleziono `requestId` w pamięci podręcznej; prawdopodobnie wygasł lub nie istnieje", null, "never", "Bez ponawiania", "", [], ""],
["execute-invalid-signed-transaction", "-2", "INVALID_SIGNED_TRANSACTION", "Nieprawidłowa podpisana transakcja", "", "`signedTransaction` jest nieprawidłowa; prawdopodobnie transakcję podpisano niepoprawnie", null, "never", "Bez ponawiania", "", [], ""],
["execute-invalid-message-bytes", "-3", "INVALID_MESSAGE_BYTES", "Nieprawidłowe bajty komunikatu", "", "`signedTransaction` jest nieprawidłowa; prawdopodobnie z powodu błędnego użycia, np. zmiany pola `transaction` w odpowiedzi zlecenia", null, "never", "Bez ponawiania", "", [], ""],
["execute-missing-request-id", "-4", "MISSING_REQUEST_ID", "Brak identyfikatora żądania", "", "Brak `requestId` w żądaniu do `/execute`", null, "never", "Bez ponawiania", "", [], ""],
["execute-missing-signed-transaction", "-5", "MISSING_SIGNED_TRANSACTION", "Brak podpisanej transakcji", "", "Brak `signedTransaction` w żądaniu do `/execute`", null, "never", "Bez ponawiania", "", [], ""],
]});
