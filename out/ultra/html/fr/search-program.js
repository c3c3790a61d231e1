errcatSearch({"page": "program", "rows": [
["program--other", "tout autre", "", "erreur de programme personnalisée : #${code}", "Une erreur de programme d'un autre DEX sur la route, que Jupiter n'analyse pas.", "Si vous avez besoin d'aide pour identifier les codes des programmes des autres DEX, contactez-nous sur Discord.", null, "after-action", "Réessayer — redemander d'abord une cotation", "", [], ""],
["program-slippage-tolerance-exceeded", "6001", "SLIPPAGE_TOLERANCE_EXCEEDED", "Tolérance de glissement dépassée", "", "", null, "never", "Pas de nouvel essai", "", [], ""],
]});
