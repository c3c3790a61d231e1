errcatSearch({"catalog": "ultra", "pages": [
["order", "order", "رموز استجابة الطلب", "order"],
["execute", "execute", "رموز استجابة التنفيذ", "execute"],
["aggregator", "aggregator", "رموز المبادلات من نوع المجمِّع", "aggregator"],
["rfq", "rfq", "رموز المبادلات من نوع RFQ", "rfq"],
["program", "program", "رموز متعلقة بالبرامج", "program"],
], "statuses": [
["status-200", 200, "ناجح", "", "never", "No retry"],
["status-400", 400, "طلب غير صالح", "", "never", "No retry"],
["status-401", 401, "غير مصرَّح به", "", "never", "No retry"],
["status-404", 404, "غير موجود", "", "never", "No retry"],
["status-429", 429, "تم تقييد المعدل", "", "maybe", "Retry may help"],
["status-500", 500, "خطأ داخلي في الخادم", "", "never", "No retry"],
["status-502", 502, "بوابة غير صالحة", "", "never", "No retry"],
["status-503", 503, "الخدمة غير متاحة", "", "never", "No retry"],
["status-504", 504, "انتهت مهلة البوابة", "", "never", "No retry"],
]});
