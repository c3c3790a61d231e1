errcatSearch({"page": "card", "rows": [
["card-card-declined", "card_declined", "CARD_DECLINED", "The card was declined (${decline_code})", "The issuer declined the charge.", "Read decline_code for the issuer's reason.", 402, "maybe", "Retry may help — change the request", "", [], ""],
["card-expired-card", "expired_card", "EXPIRED_CARD", "The card expired in ${exp_month}/${exp_year}", "", "", 402, "never", "No retry — fix the request", "", [], ""],
["card-incorrect-cvc", "incorrect_cvc", "INCORRECT_CVC", "The card's security code is incorrect", "", "", 402, "never", "No retry — fix the request", "", [], ""],
["card-insufficient-funds", "insufficient_funds", "INSUFFICIENT_FUNDS", "The card has insufficient funds to pay ${amount} ${currency}", "", "", 402, "never", "No retry", "", [], ""],
["card-processing-error", "processing_error", "PROCESSING_ERROR", "An error occurred while processing the card", "", "", 500, "always", "Retry — resubmit the same signed request", "", [], ""],
]});
