errcatSearch({"page": "web", "rows": [
["Web API error ${code}", "An error this catalog does not list.", "", "No retry"],
["Value passed for channel was invalid", "The channel does not exist or is not visible to the token.", "", "No retry — fix the request"],
["No authentication token provided", "The call carried no token.", "", "No retry — check the credentials"],
["Some aspect of authentication cannot be validated", "The token is not valid.", "", "No retry — check the credentials"],
["The token lacks scope ${needed} (it has ${provided})", "The token was granted other scopes than the method needs.", "", "No retry — check the credentials"],
["Message text is too long", "The text is over 40,000 characters.", "", "No retry — fix the request"],
["The request has been ratelimited", "The method's rate limit was reached.", "Spread calls out, or use the events API instead of polling.", "Retry after Retry-After"],
]});
