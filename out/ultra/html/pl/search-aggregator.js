errcatSearch({"page": "aggregator", "rows": [
["aggregator-failed-to-land", "-1000", "FAILED_TO_LAND", "Nie trafiła do sieci", "", "Transakcja nie trafiła do sieci", null, "never", "Bez ponawiania", "", [], ""],
["aggregator-unknown-error", "-1001", "UNKNOWN_ERROR", "Nieznany błąd", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
["aggregator-invalid-transaction", "-1002", "INVALID_TRANSACTION", "Nieprawidłowa transakcja", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
["aggregator-transaction-not-fully-signed", "-1003", "TRANSACTION_NOT_FULLY_SIGNED", "Transakcja nie jest w pełni podpisana", "", "Nie udało się poprawnie podpisać transakcji", null, "never", "Bez ponawiania", "", [], ""],
["aggregator-invalid-block-height", "-1004", "INVALID_BLOCK_HEIGHT", "Nieprawidłowa wysokość bloku", "", "Wysokość bloku jest nieprawidłowa", null, "never", "Bez ponawiania", "", [], ""],
["aggregator-expired", "-1005", "EXPIRED", "Wygasła", "", "Podjęto próbę wykonania przesłanej transakcji, ale wygasła", null, "never", "Bez ponawiania", "", [], ""],
["aggregator-timed-out", "-1006", "TIMED_OUT", "Przekroczono czas", "", "Podjęto próbę wykonania przesłanej transakcji, ale przekroczono czas", null, "never", "Bez ponawiania", "", [], ""],
["aggregator-gasless-unsupported-wallet", "-1007", "GASLESS_UNSUPPORTED_WALLET", "Portfel nieobsługiwany w trybie bez gazu", "", "Portfel nie jest obsługiwany w trybie bez gazu", null, "never", "Bez ponawiania", "", [], ""],
]});
