errcatSearch({"page": "rfq", "rows": [
["rfq-failed-to-land", "-2000", "FAILED_TO_LAND", "Nie trafiła do sieci", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
["rfq-unknown-error", "-2001", "UNKNOWN_ERROR", "Nieznany błąd", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
["rfq-invalid-payload", "-2002", "INVALID_PAYLOAD", "Nieprawidłowe dane", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
["rfq-quote-expired", "-2003", "QUOTE_EXPIRED", "Wycena wygasła", "", "Użytkownik nie odpowiedział na czas lub dostawca RFQ nie wykonał zlecenia na czas", null, "never", "Bez ponawiania", "", [], ""],
["rfq-swap-rejected", "-2004", "SWAP_REJECTED", "Wymiana odrzucona", "", "Użytkownik lub dostawca RFQ odrzucił wymianę", null, "never", "Bez ponawiania", "", [], ""],
["rfq-internal-error", "-2005", "INTERNAL_ERROR", "Błąd wewnętrzny", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", null, "maybe", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza", "", [], ""],
]});
