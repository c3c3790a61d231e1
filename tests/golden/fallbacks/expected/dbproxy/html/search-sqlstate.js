errcatSearch({"page": "sqlstate", "rows": [
["sqlstate--other", "any other", "", "Database error ${code}: ${reason}", "A SQLSTATE that the proxy does not interpret; read its class, the first two characters.", "Look the code up in the PostgreSQL manual, appendix A.", null, "depends", "Depends on the details", "", [], ""],
]});
