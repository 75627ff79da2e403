# Interface strings of the default theme (Arabic).
skip-to-content = انتقل إلى المحتوى
language-switcher = اللغة
main-menu = القائمة الرئيسية
menu-open = القائمة
print-date = التاريخ: { $date }
fallback-notice = لم تُترجم هذه الصفحة بعد. وهي معروضة بهذه اللغة:
not-translated-yet = (لم تُترجم بعد)
nav-home = الرئيسية
updated = حُدِّثت
home-check-button = تحقّق مما إذا كان بإمكانك الحصول على المساعدة
regions-index = المناطق
region-no-organisation = لا توجد بعد منظمة تخدم هذه المنطقة.
contact-heading = التواصل
serves-regions = تخدم
contact-phone = الهاتف
contact-email = البريد الإلكتروني
contact-address = العنوان
contact-hours = ساعات العمل
contact-website = الموقع الإلكتروني
contact-soon = ستُنشر بيانات التواصل قريبًا.
course-when-where = متى وأين
course-location = المكان
course-dates = المواعيد
course-dates-tba = سيُعلَن عن المواعيد لاحقًا.
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة التي طلبتها غير موجودة هنا. ربما نُقلت.
not-found-home = اذهب إلى الصفحة الرئيسية
pages-count = { $count ->
    [zero] لا توجد صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحة
   *[other] { $count } صفحة
}
feed-title = الأخبار (موجز Atom)
feed-subscribe = تابع الأخبار في قارئ الموجزات (Atom)
pagination = الصفحات
page-newer = الأحدث
page-older = الأقدم
page-of = الصفحة { $current } من { $total }
course-enrol = كيفية التسجيل
course-cost = التكلفة
course-language = لغة التدريس
course-timezone = الأوقات بتوقيت تبليسي.
course-add-to-calendar = أضف إلى التقويم
video-play-on = شغّل على { $provider }
video-privacy = لا يُحمَّل أي شيء من { $provider } حتى تضغط على زر التشغيل.
video-transcript = النص المكتوب
video-download = تنزيل
# Eligibility self-check.
check-start = ابدأ الآن
check-other-help = طرق أخرى للحصول على المساعدة
check-back = رجوع
check-your-answers = إجاباتك
check-change = تغيير
check-start-again = ابدأ من جديد
check-help-link = ابحث عن المنظمة في منطقتك
# Printable posters with a QR code of the page's address.
poster-print = اطبع ملصقًا
poster-title = ملصق: { $title }
poster-scan = امسح الرمز بهاتفك
poster-type = أو اكتب هذا العنوان في المتصفح:
poster-qr = رمز QR: { $address }
search-title = بحث
search-description = ابحث في صفحات الموقع، أو جدها بعناوينها مرتبة أبجديًا.
search-label = ابحث في الموقع
search-button = بحث
search-found = الصفحات التي وُجدت:
search-none = لا توجد صفحة بهذه الكلمات. جرّب صيغة أخرى للكلمة، أو جد الصفحة بعنوانها أدناه.
search-other-language = بلغة أخرى
search-az = الصفحات أبجديًا
search-letters = الحروف
search-more = نتائج أخرى
