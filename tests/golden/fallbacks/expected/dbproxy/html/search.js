errcatSearch({"catalog": "dbproxy", "pages": [
["sqlstate", "sqlstate", "PostgreSQL SQLSTATE codes", "sqlstate"],
["storage", "storage", "Storage engine errors", "storage"],
["os", "os", "Operating system errors", "os"],
], "statuses": [
]});
