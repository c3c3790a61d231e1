errcatSearch({"catalog": "objects", "pages": [
], "statuses": [
["status-400", 400, "Bad Request", "The request is malformed or a parameter is invalid.", "never", "No retry — fix the request"],
["status-401", 401, "Unauthorized", "", "never", "No retry — check the credentials"],
["status-404", 404, "Not Found", "The bucket or the object does not exist.", "never", "No retry"],
["status-409", 409, "Conflict", "The bucket is not empty, or is being created by another request.", "maybe", "Retry may help"],
["status-412", 412, "Precondition Failed", "The object changed since the ETag of If-Match was read.", "after-action", "Retry — change the request"],
["status-429", 429, "Too Many Requests", "", "always", "Retry after Retry-After"],
["status-500", 500, "Internal Server Error", "", "always", "Retry"],
["status-503", 503, "Service Unavailable", "The storage node is overloaded or in maintenance.", "always", "Retry after Retry-After"],
]});
