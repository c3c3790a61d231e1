errcatSearch({"catalog": "dbproxy", "pages": [
["sqlstate", "sqlstate", "PostgreSQL SQLSTATE codes", "sqlstate", [
["sqlstate--other", "any other", "", null, "depends", "", [], ""],
]],
["storage", "storage", "Storage engine errors", "storage", [
["storage--other", "any other", "", null, "always", "", [], ""],
]],
["os", "os", "Operating system errors", "os", [
["os--other", "any other", "", null, "maybe", "", [], ""],
]],
], "statuses": [
]});
