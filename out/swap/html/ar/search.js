errcatSearch({"catalog": "swap", "pages": [
["errors", "errors", "رموز الأخطاء", "errors"],
], "statuses": [
["status-200", 200, "نجاح", "تُرجع عمليات الإرسال الناجحة 200 مع \"status\": \"submitted\".", "never", "No retry"],
["status-202", 202, "مقبول", "محجوز ولا يُرسَل حاليًا: تُرجع عمليات الإرسال الناجحة 200 مع \"status\": \"submitted\".", "never", "No retry"],
["status-400", 400, "طلب غير صالح", "", "never", "No retry"],
["status-401", 401, "غير مصرَّح به", "", "never", "No retry"],
["status-404", 404, "غير موجود", "", "never", "No retry"],
["status-410", 410, "لم يعد متاحًا", "", "never", "No retry"],
["status-429", 429, "طلبات كثيرة جدًا", "", "always", "Retry after Retry-After"],
["status-500", 500, "خطأ داخلي في الخادم", "", "never", "No retry"],
["status-502", 502, "بوابة غير صالحة", "", "depends", "Depends on the details"],
["status-503", 503, "الخدمة غير متاحة", "", "always", "Retry after Retry-After"],
["status-504", 504, "انتهت مهلة البوابة", "", "always", "Retry after Retry-After"],
]});
