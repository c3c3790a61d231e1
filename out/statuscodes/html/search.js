errcatSearch({"catalog": "statuscodes", "pages": [
], "statuses": [
["status-200", 200, "OK", "The request was successful, and the server responded with the requested data. This is the standard response for successful HTTP requests.", "never", "No retry"],
["status-400", 400, "Bad Request", "The server could not understand the request due to invalid syntax. This often means there is something wrong with the request body, parameters, or query string.", "never", "No retry"],
["status-401", 401, "Unauthorized", "Authentication is required and has either not been provided or failed. The client must authenticate itself to get the requested response.", "never", "No retry"],
["status-403", 403, "Forbidden", "The client is authenticated but does not have permission to access the requested resource. Authorization will not help, and the request should not be repeated.", "never", "No retry"],
["status-404", 404, "Not Found", "The requested resource could not be found on the server. This can happen if the endpoint URL is incorrect or the resource does not exist.", "never", "No retry"],
["status-405", 405, "Method Not Allowed", "The method specified in the request is not allowed for the resource. For example, trying to use POST on a resource that only supports GET.", "never", "No retry"],
["status-429", 429, "Too Many Requests", "The user has sent too many requests in a given amount of time (\"rate limiting\"). The response may include information about how long to wait before making a new request.", "maybe", "Retry may help"],
["status-500", 500, "Internal Server Error", "An unexpected condition was encountered by the server. This is a generic error message indicating the server failed to fulfill a valid request.", "never", "No retry"],
["status-502", 502, "Bad Gateway", "The server was acting as a gateway or proxy and received an invalid response from the upstream server.", "never", "No retry"],
["status-503", 503, "Service Unavailable", "The server is currently unable to handle the request due to temporary overload or scheduled maintenance.", "never", "No retry"],
["status-504", 504, "Gateway Timeout", "The server was acting as a gateway or proxy and did not receive a timely response from the upstream server.", "never", "No retry"],
]});
