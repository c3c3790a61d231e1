errcatSearch({"page": "order", "rows": [
["Niewystarczające środki", "Niewystarczająca kwota do wymiany", "", "Bez ponawiania"],
["Doładuj ${solAmount} SOL na opłaty za gaz", "Za mało SOL na opłaty za gaz", "", "Bez ponawiania"],
["Minimum ${swapAmount} dla trybu bez gazu", "Zbyt mała wielkość transakcji, by skorzystać z trybu bez gazu", "", "Bez ponawiania"],
]});
