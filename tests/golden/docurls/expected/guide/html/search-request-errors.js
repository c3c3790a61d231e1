errcatSearch({"page": "request-errors", "rows": [
["Request error ${code}", "", "", "No retry"],
["The input is not valid.", "", "", "No retry"],
["The quota is exhausted.", "", "", "No retry"],
]});
