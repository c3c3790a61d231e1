errcatSearch({"page": "cart", "rows": [
["Cart error ${code}", "", "", "No retry"],
["Produktu ${sku} nie ma w katalogu", "", "Check the SKU against the product list.", "No retry"],
["A cart holds at most ${limit} items", "The cart reached its size limit.", "", "No retry"],
]});
