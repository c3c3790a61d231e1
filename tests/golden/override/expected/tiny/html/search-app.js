errcatSearch({"page": "app", "rows": [
["Gone ${where}", "", "", "Never retry"],
]});
