errcatSearch({"catalog": "statusenvelope", "pages": [
], "statuses": [
["status-200", 200, "OK", "The request has been successfully sent and processed.", "never", "No retry"],
["status-400", 400, "Bad Request", "The parameter you submitted is not valid. Please recheck request body before submitting the request.", "never", "No retry"],
["status-401", 401, "Unauthorized", "The credentials are not valid. You don't have authorization to access the resource. Example messages include \"Invalid token\".", "never", "No retry"],
["status-403", 403, "Forbidden", "The operation is not allowed, permission can't be given. Example messages include \"Account is disabled\", \"Insufficient balance\", \"Token is disabled\", \"Insufficient permissions\".", "never", "No retry"],
["status-404", 404, "Not Found", "The data you requested does not exist or cannot be found.", "never", "No retry"],
["status-405", 405, "Method Not Allowed", "The HTTP method used is not allowed for this endpoint.", "never", "No retry"],
["status-410", 410, "Gone", "The requested endpoint has been deprecated and is no longer available.", "never", "No retry"],
["status-429", 429, "Too Many Requests", "The request limit has been exceeded. Try again later. See API Rate Limits for details.", "maybe", "Retry may help"],
["status-500", 500, "Internal Server Error", "There is an error on the server. Contact support if this keeps happening.", "maybe", "Retry may help — contact support if it persists"],
["status-502", 502, "Bad Gateway", "The server received an invalid response from an upstream server.", "never", "No retry"],
["status-503", 503, "Service Unavailable", "The server is temporarily unavailable, usually due to maintenance or overload.", "never", "No retry"],
["status-504", 504, "Gateway Timeout", "The server did not receive a timely response from an upstream server.", "never", "No retry"],
]});
