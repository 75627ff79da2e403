# Interface strings of the default theme (Persian).
skip-to-content = رفتن به محتوا
language-switcher = زبان
main-menu = منوی اصلی
menu-open = منو
print-date = تاریخ: { $date }
fallback-notice = این صفحه هنوز ترجمه نشده است. به این زبان نمایش داده می‌شود:
not-translated-yet = (هنوز ترجمه نشده)
nav-home = خانه
updated = به‌روزشده
home-check-button = بررسی کنید که آیا می‌توانید کمک دریافت کنید
regions-index = مناطق
region-no-organisation = هنوز هیچ سازمانی در این منطقه فعالیت نمی‌کند.
contact-heading = تماس
serves-regions = مناطق تحت پوشش
contact-phone = تلفن
contact-email = ایمیل
contact-address = نشانی
contact-hours = ساعات کاری
contact-website = وب‌سایت
contact-soon = اطلاعات تماس به‌زودی منتشر می‌شود.
course-when-where = زمان و مکان
course-location = مکان
course-dates = تاریخ‌ها
course-dates-tba = تاریخ‌ها بعداً اعلام می‌شود.
not-found-title = صفحه پیدا نشد
not-found-text = صفحه‌ای که خواستید اینجا نیست. شاید جابه‌جا شده باشد.
not-found-home = رفتن به صفحهٔ اصلی
pages-count = { $count ->
    [one] { $count } صفحه
   *[other] { $count } صفحه
}
feed-title = اخبار (خوراک Atom)
feed-subscribe = اخبار را در خوراک‌خوان دنبال کنید (Atom)
pagination = صفحه‌ها
page-newer = جدیدتر
page-older = قدیمی‌تر
page-of = صفحهٔ { $current } از { $total }
course-enrol = نحوهٔ ثبت‌نام
course-cost = هزینه
course-language = زبان آموزش
course-timezone = زمان‌ها به وقت تفلیس است.
course-add-to-calendar = افزودن به تقویم
video-play-on = پخش در { $provider }
video-privacy = تا وقتی دکمهٔ پخش را نزنید، چیزی از { $provider } بارگیری نمی‌شود.
video-transcript = متن ویدیو
video-download = دانلود
# Eligibility self-check.
check-start = شروع کنید
check-other-help = راه‌های دیگر برای دریافت کمک
check-back = بازگشت
check-your-answers = پاسخ‌های شما
check-change = تغییر
check-start-again = شروع دوباره
check-help-link = سازمان منطقهٔ خود را پیدا کنید
# Printable posters with a QR code of the page's address.
poster-print = چاپ پوستر
poster-title = پوستر: { $title }
poster-scan = کد را با تلفن خود اسکن کنید
poster-type = یا این نشانی را در مرورگر بنویسید:
poster-qr = کد QR: { $address }
