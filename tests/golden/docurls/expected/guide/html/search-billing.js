errcatSearch({"page": "billing", "rows": [
["billing--class-card", "200–299", "Card errors", "Card error ${code}", "", "", 400, "never", "No retry", "", [], ""],
["billing-amount-too-large", "101", "AmountTooLarge", "The amount is too large.", "", "", 400, "never", "No retry", "", [], ""],
["billing-card-declined", "201", "CARD_DECLINED", "The card was declined.", "", "", 400, "never", "No retry", "", [], ""],
]});
