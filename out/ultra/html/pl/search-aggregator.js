errcatSearch({"page": "aggregator", "rows": [
["Nie trafiła do sieci", "", "Transakcja nie trafiła do sieci", "Bez ponawiania"],
["Nieznany błąd", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["Nieprawidłowa transakcja", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["Transakcja nie jest w pełni podpisana", "", "Nie udało się poprawnie podpisać transakcji", "Bez ponawiania"],
["Nieprawidłowa wysokość bloku", "", "Wysokość bloku jest nieprawidłowa", "Bez ponawiania"],
["Wygasła", "", "Podjęto próbę wykonania przesłanej transakcji, ale wygasła", "Bez ponawiania"],
["Przekroczono czas", "", "Podjęto próbę wykonania przesłanej transakcji, ale przekroczono czas", "Bez ponawiania"],
["Portfel nieobsługiwany w trybie bez gazu", "", "Portfel nie jest obsługiwany w trybie bez gazu", "Bez ponawiania"],
]});
