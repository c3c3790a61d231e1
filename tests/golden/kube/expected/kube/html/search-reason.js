errcatSearch({"page": "reason", "rows": [
["Status reason ${code}", "A reason this catalog does not list.", "", "No retry"],
["${kind} \"${name}\" not found", "The object does not exist.", "Check the namespace and the name.", "No retry"],
["${kind} \"${name}\" already exists", "An object of that name exists.", "Choose another name, or update the object.", "No retry — change the request"],
["The object has been modified", "The update was made against a stale resourceVersion.", "Read the object again before writing it.", "Retry — change the request"],
["The object is invalid", "The causes in details say which fields.", "Read details.causes.", "No retry — fix the request"],
["Too many requests", "The server is rate limiting the client.", "Honour Retry-After.", "Retry after Retry-After"],
["The server could not complete the request in time", "A server-side timeout; the request may be retried.", "", "Retry after Retry-After"],
["The HTTP version is not supported", "A reason whose derived name would keep the acronym unsplit.", "Speak HTTP/1.1 or HTTP/2.", "No retry — fix the request"],
]});
