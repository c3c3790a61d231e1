errcatSearch({"page": "cart", "rows": [
["Cart error ${code}", "", "", "Bez ponawiania"],
["Produktu ${sku} nie ma w katalogu", "", "Check the SKU against the product list.", "Bez ponawiania"],
["A cart holds at most ${limit} items", "The cart reached its size limit.", "", "Bez ponawiania"],
]});
