errcatSearch({"page": "program", "rows": [
["program--other", "أي رمز آخر", "", "خطأ برنامج مخصص: #${code}", "خطأ برنامج من منصة DEX أخرى على المسار، لا يحلّله Jupiter.", "إذا احتجت إلى مساعدة في تحديد رموز برامج منصات DEX الأخرى، فتواصل معنا على Discord.", null, "after-action", "أعد المحاولة — اطلب عرض سعر جديدًا أولًا", "", [], ""],
["program-slippage-tolerance-exceeded", "6001", "SLIPPAGE_TOLERANCE_EXCEEDED", "تم تجاوز حد الانزلاق السعري المسموح", "", "", null, "never", "لا إعادة للمحاولة", "", [], ""],
]});
