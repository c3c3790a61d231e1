errcatSearch({"page": "stock", "rows": [
["Warehouse error ${code}", "", "", "Bez ponawiania"],
["Sold out", "", "", "Bez ponawiania"],
["${n} produktów jest zarezerwowanych", "Other carts hold the items until their checkout ends.", "Retry once the reservation expires, or order fewer items.", "Bez ponawiania"],
]});
