errcatSearch({"page": "rfq", "rows": [
["rfq-failed-to-land", "-2000", "FAILED_TO_LAND", "Nie trafiła do sieci", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-unknown-error", "-2001", "UNKNOWN_ERROR", "Nieznany błąd", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-invalid-payload", "-2002", "INVALID_PAYLOAD", "Nieprawidłowe dane", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-quote-expired", "-2003", "QUOTE_EXPIRED", "Wycena wygasła", "", "Użytkownik nie odpowiedział na czas lub dostawca RFQ nie wykonał zlecenia na czas", null, "never", "No retry", "", [], ""],
["rfq-swap-rejected", "-2004", "SWAP_REJECTED", "Wymiana odrzucona", "", "Użytkownik lub dostawca RFQ odrzucił wymianę", null, "never", "No retry", "", [], ""],
["rfq-internal-error", "-2005", "INTERNAL_ERROR", "Błąd wewnętrzny", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
]});
