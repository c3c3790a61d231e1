errcatSearch({"page": "sqlstate", "rows": [
["Database error ${code}: ${reason}", "A SQLSTATE that the proxy does not interpret; read its class, the first two characters.", "Look the code up in the PostgreSQL manual, appendix A.", "Depends on the details"],
]});
