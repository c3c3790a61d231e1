errcatSearch({"page": "program", "rows": [
["program--other", "any other", "", "niestandardowy błąd programu: #${code}", "Błąd programu innej giełdy DEX na trasie, którego Jupiter nie odczytuje.", "Jeśli potrzebujesz pomocy w rozpoznaniu kodów programów innych giełd DEX, skontaktuj się z nami na Discordzie.", null, "after-action", "Retry — re-quote first", "", [], ""],
["program-slippage-tolerance-exceeded", "6001", "SLIPPAGE_TOLERANCE_EXCEEDED", "Przekroczono tolerancję poślizgu", "", "", null, "never", "No retry", "", [], ""],
]});
