errcatSearch({"page": "program", "rows": [
["program--other", "każdy inny", "", "niestandardowy błąd programu: #${code}", "Błąd programu innej giełdy DEX na trasie, którego Jupiter nie odczytuje.", "Jeśli potrzebujesz pomocy w rozpoznaniu kodów programów innych giełd DEX, skontaktuj się z nami na Discordzie.", null, "after-action", "Ponów — najpierw pobierz nową wycenę", "", [], ""],
["program-slippage-tolerance-exceeded", "6001", "SLIPPAGE_TOLERANCE_EXCEEDED", "Przekroczono tolerancję poślizgu", "", "", null, "never", "Bez ponawiania", "", [], ""],
]});
