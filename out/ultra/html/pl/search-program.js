errcatSearch({"page": "program", "rows": [
["niestandardowy błąd programu: #${code}", "Błąd programu innej giełdy DEX na trasie, którego Jupiter nie odczytuje.", "Jeśli potrzebujesz pomocy w rozpoznaniu kodów programów innych giełd DEX, skontaktuj się z nami na Discordzie.", "Ponów — najpierw pobierz nową wycenę"],
["Przekroczono tolerancję poślizgu", "", "", "Bez ponawiania"],
]});
