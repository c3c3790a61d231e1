errcatSearch({"page": "program", "rows": [
["erreur de programme personnalisée : #${code}", "Une erreur de programme d'un autre DEX sur la route, que Jupiter n'analyse pas.", "Si vous avez besoin d'aide pour identifier les codes des programmes des autres DEX, contactez-nous sur Discord.", "Réessayer — redemander d'abord une cotation"],
["Tolérance de glissement dépassée", "", "", "Pas de nouvel essai"],
]});
