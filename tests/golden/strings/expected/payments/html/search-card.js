errcatSearch({"page": "card", "rows": [
["The card was declined (${decline_code})", "The issuer declined the charge.", "Read decline_code for the issuer's reason.", "Retry may help — change the request"],
["The card expired in ${exp_month}/${exp_year}", "", "", "No retry — fix the request"],
["The card's security code is incorrect", "", "", "No retry — fix the request"],
["The card has insufficient funds to pay ${amount} ${currency}", "", "", "No retry"],
["An error occurred while processing the card", "", "", "Retry — resubmit the same signed request"],
]});
