errcatSearch({"page": "order", "rows": [
["order-insufficient-funds", "1", "INSUFFICIENT_FUNDS", "Niewystarczające środki", "Niewystarczająca kwota do wymiany", "", null, "never", "Bez ponawiania", "", [], ""],
["order-top-up-sol-for-gas", "2", "TOP_UP_SOL_FOR_GAS", "Doładuj ${solAmount} SOL na opłaty za gaz", "Za mało SOL na opłaty za gaz", "", null, "never", "Bez ponawiania", "", [], ""],
["order-minimum-for-gasless", "3", "MINIMUM_FOR_GASLESS", "Minimum ${swapAmount} dla trybu bez gazu", "Zbyt mała wielkość transakcji, by skorzystać z trybu bez gazu", "", null, "never", "Bez ponawiania", "", [], ""],
]});
