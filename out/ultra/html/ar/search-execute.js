errcatSearch({"page": "execute", "rows": [
["execute-success", "0", "SUCCESS", "نجاح", "استخدم الحقل `signature` لعرض المعاملة في مستكشف.", "", null, "never", "لا إعادة للمحاولة", "", [], ""],
["execute-missing-cached-order", "-1", "MISSING_CACHED_ORDER", "الطلب المخزَّن مؤقتًا مفقود", "", "لم يُعثر على `requestId` في ذاكرة التخزين المؤقت، وغالبًا انتهت صلاحيته أو لم يوجد", null, "never", "لا إعادة للمحاولة", "", [], ""],
["execute-invalid-signed-transaction", "-2", "INVALID_SIGNED_TRANSACTION", "معاملة موقَّعة غير صالحة", "", "قيمة `signedTransaction` غير صالحة، وغالبًا لم تُوقَّع المعاملة توقيعًا صحيحًا", null, "never", "لا إعادة للمحاولة", "", [], ""],
["execute-invalid-message-bytes", "-3", "INVALID_MESSAGE_BYTES", "بايتات رسالة غير صالحة", "", "قيمة `signedTransaction` غير صالحة، وغالبًا بسبب استخدام خاطئ مثل تعديل الحقل `transaction` في استجابة الطلب", null, "never", "لا إعادة للمحاولة", "", [], ""],
["execute-missing-request-id", "-4", "MISSING_REQUEST_ID", "معرّف الطلب مفقود", "", "لم يُعثر على `requestId` في الطلب المرسل إلى `/execute`", null, "never", "لا إعادة للمحاولة", "", [], ""],
["execute-missing-signed-transaction", "-5", "MISSING_SIGNED_TRANSACTION", "المعاملة الموقَّعة مفقودة", "", "لم يُعثر على `signedTransaction` في الطلب المرسل إلى `/execute`", null, "never", "لا إعادة للمحاولة", "", [], ""],
]});
