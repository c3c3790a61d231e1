errcatSearch({"page": "billing", "rows": [
["Card error ${code}", "", "", "No retry"],
["The amount is too large.", "", "", "No retry"],
["The card was declined.", "", "", "No retry"],
]});
