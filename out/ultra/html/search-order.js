errcatSearch({"page": "order", "rows": [
["Insufficient funds", "Does not have sufficient swap amount", "", "No retry"],
["Top up ${solAmount} SOL for gas", "Does not have sufficient SOL for gas fees", "", "No retry"],
["Minimum ${swapAmount} for gasless", "Does not have sufficient trade size to be applicable for Gasless Support", "", "No retry"],
]});
