errcatSearch({"page": "rfq", "rows": [
["Nie trafiła do sieci", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["Nieznany błąd", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["Nieprawidłowe dane", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
["Wycena wygasła", "", "Użytkownik nie odpowiedział na czas lub dostawca RFQ nie wykonał zlecenia na czas", "Bez ponawiania"],
["Wymiana odrzucona", "", "Użytkownik lub dostawca RFQ odrzucił wymianę", "Bez ponawiania"],
["Błąd wewnętrzny", "", "Spróbuj ponownie; jeśli problem się powtarza, skontaktuj się z nami na Discordzie", "Ponowienie może pomóc — skontaktuj się z pomocą techniczną, jeśli problem się powtarza"],
]});
