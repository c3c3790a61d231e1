errcatSearch({"page": "order", "rows": [
["order-insufficient-funds", "1", "INSUFFICIENT_FUNDS", "Insufficient funds", "Does not have sufficient swap amount", "", null, "never", "No retry", "", [], ""],
["order-top-up-sol-for-gas", "2", "TOP_UP_SOL_FOR_GAS", "Top up ${solAmount} SOL for gas", "Does not have sufficient SOL for gas fees", "", null, "never", "No retry", "", [], ""],
["order-minimum-for-gasless", "3", "MINIMUM_FOR_GASLESS", "Minimum ${swapAmount} for gasless", "Does not have sufficient trade size to be applicable for Gasless Support", "", null, "never", "No retry", "", [], ""],
]});
