errcatSearch({"catalog": "shop", "pages": [
["cart", "cart", "Cart errors", "cart"],
["stock", "stock", "Stock errors", "stock"],
], "statuses": [
["status-404", 404, "غير موجود", "The resource does not exist.", "never", "لا إعادة للمحاولة"],
["status-409", 409, "Conflict", "", "never", "لا إعادة للمحاولة"],
]});
