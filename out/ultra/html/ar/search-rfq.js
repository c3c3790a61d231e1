errcatSearch({"page": "rfq", "rows": [
["rfq-failed-to-land", "-2000", "FAILED_TO_LAND", "تعذّر الوصول إلى الشبكة", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-unknown-error", "-2001", "UNKNOWN_ERROR", "خطأ غير معروف", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-invalid-payload", "-2002", "INVALID_PAYLOAD", "حمولة غير صالحة", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
["rfq-quote-expired", "-2003", "QUOTE_EXPIRED", "انتهت صلاحية عرض السعر", "", "لم يستجب المستخدم في الوقت المحدد أو لم ينفّذ مزوّد RFQ في الوقت المحدد", null, "never", "No retry", "", [], ""],
["rfq-swap-rejected", "-2004", "SWAP_REJECTED", "رُفضت المبادلة", "", "رفض المستخدم أو مزوّد RFQ المبادلة", null, "never", "No retry", "", [], ""],
["rfq-internal-error", "-2005", "INTERNAL_ERROR", "خطأ داخلي", "", "يُرجى المحاولة مجددًا، وإذا استمرت المشكلة فتواصل معنا على Discord", null, "maybe", "Retry may help — contact support if it persists", "", [], ""],
]});
