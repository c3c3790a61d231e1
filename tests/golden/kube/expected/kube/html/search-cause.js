errcatSearch({"page": "cause", "rows": [
["Cause ${code}", "A cause type this catalog does not list.", "", "No retry"],
["Required value: ${field}", "A required field is missing.", "Set the field.", "No retry — fix the request"],
["Invalid value: ${field}", "A field's value is not valid.", "Correct the field.", "No retry — fix the request"],
["Duplicate value: ${field}", "A value that must be unique is repeated.", "Remove the duplicate.", "No retry — fix the request"],
]});
