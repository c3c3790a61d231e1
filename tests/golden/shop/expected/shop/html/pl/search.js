errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Cart errors", "cart"],
["stock", "stock", "Stock errors", "stock"],
], "statuses": [
["status-404", 404, "Not Found", "The resource does not exist.", "never", "Bez ponawiania"],
["status-409", 409, "Conflict", "", "never", "Bez ponawiania"],
]});
