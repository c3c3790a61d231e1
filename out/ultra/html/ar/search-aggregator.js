errcatSearch({"page": "aggregator", "rows": [
["aggregator-failed-to-land", "-1000", "FAILED_TO_LAND", "تعذّر الوصول إلى الشبكة", "", "تعذّر على المعاملة الوصول إلى الشبكة", null, "never", "لا إعادة للمحاولة", "", [], ""],
["aggregator-unknown-error", "-1001", "UNKNOWN_ERROR", "خطأ غير معروف", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "قد تفيد إعادة المحاولة — تواصل مع الدعم إذا استمر ذلك", "", [], ""],
["aggregator-invalid-transaction", "-1002", "INVALID_TRANSACTION", "معاملة غير صالحة", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "قد تفيد إعادة المحاولة — تواصل مع الدعم إذا استمر ذلك", "", [], ""],
["aggregator-transaction-not-fully-signed", "-1003", "TRANSACTION_NOT_FULLY_SIGNED", "المعاملة غير موقَّعة بالكامل", "", "تعذّر توقيع المعاملة توقيعًا صحيحًا", null, "never", "لا إعادة للمحاولة", "", [], ""],
["aggregator-invalid-block-height", "-1004", "INVALID_BLOCK_HEIGHT", "ارتفاع كتلة غير صالح", "", "ارتفاع الكتلة غير صالح", null, "never", "لا إعادة للمحاولة", "", [], ""],
["aggregator-expired", "-1005", "EXPIRED", "منتهية الصلاحية", "", "جرت محاولة تنفيذ المعاملة المرسلة لكن صلاحيتها انتهت", null, "never", "لا إعادة للمحاولة", "", [], ""],
["aggregator-timed-out", "-1006", "TIMED_OUT", "انتهت المهلة", "", "جرت محاولة تنفيذ المعاملة المرسلة لكن مهلتها انتهت", null, "never", "لا إعادة للمحاولة", "", [], ""],
["aggregator-gasless-unsupported-wallet", "-1007", "GASLESS_UNSUPPORTED_WALLET", "محفظة غير مدعومة للمبادلة بلا غاز", "", "المحفظة غير مدعومة للمبادلة بلا غاز", null, "never", "لا إعادة للمحاولة", "", [], ""],
]});
