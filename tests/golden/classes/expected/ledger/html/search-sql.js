errcatSearch({"page": "sql", "rows": [
["sql--class-integrity", "23…", "Integrity constraint violation", "Integrity constraint violation (${code}) of ${constraint}", "", "", 400, "never", "No retry", "", [], ""],
["sql--class-resources", "53…", "Insufficient resources", "Insufficient resources (${code})", "", "", 503, "always", "Retry", "", [], ""],
["sql-unique-violation", "23505", "UNIQUE_VIOLATION", "A row with that key exists.", "", "", 400, "never", "No retry", "", ["sql-duplicate-key"], "DUPLICATE_KEY "],
["sql-too-many-connections", "53300", "TOO_MANY_CONNECTIONS", "Too many connections.", "", "", 503, "always", "Retry", "", [], ""],
["sql-internal-error", "XX000", "INTERNAL_ERROR", "Internal error.", "", "", null, "maybe", "Retry may help", "", [], ""],
]});
