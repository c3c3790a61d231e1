errcatSearch({"page": "order", "rows": [
["order-insufficient-funds", "1", "INSUFFICIENT_FUNDS", "الرصيد غير كافٍ", "لا يتوفر مبلغ كافٍ للمبادلة", "", null, "never", "لا إعادة للمحاولة", "", [], ""],
["order-top-up-sol-for-gas", "2", "TOP_UP_SOL_FOR_GAS", "اشحن ${solAmount} SOL لرسوم الغاز", "لا يتوفر ما يكفي من SOL لرسوم الغاز", "", null, "never", "لا إعادة للمحاولة", "", [], ""],
["order-minimum-for-gasless", "3", "MINIMUM_FOR_GASLESS", "الحد الأدنى ${swapAmount} للمبادلة بلا غاز", "حجم التداول غير كافٍ للاستفادة من دعم المبادلة بلا غاز", "", null, "never", "لا إعادة للمحاولة", "", [], ""],
]});
