# ნაგულისხმევი თემის ტექსტები (ქართული).
skip-to-content = გადასვლა ძირითად შინაარსზე
language-switcher = ენა
main-menu = მთავარი მენიუ
menu-open = მენიუ
print-date = თარიღი: { $date }
fallback-notice = ეს გვერდი ჯერ არ არის ნათარგმნი. ის ნაჩვენებია ამ ენაზე:
not-translated-yet = (ჯერ არ არის თარგმნილი)
nav-home = მთავარი
updated = განახლდა
home-check-button = შეამოწმეთ, შეგიძლიათ თუ არა დახმარების მიღება
regions-index = რეგიონები
region-no-organisation = ამ რეგიონს ჯერ არცერთი ორგანიზაცია არ ემსახურება.
contact-heading = კონტაქტი
serves-regions = ემსახურება
contact-phone = ტელეფონი
contact-email = ელ. ფოსტა
contact-address = მისამართი
contact-hours = სამუშაო საათები
contact-website = ვებგვერდი
contact-soon = საკონტაქტო ინფორმაცია მალე გამოქვეყნდება.
course-when-where = როდის და სად
course-location = ადგილი
course-dates = თარიღები
course-dates-tba = თარიღები მოგვიანებით გამოცხადდება.
not-found-title = გვერდი ვერ მოიძებნა
not-found-text = გვერდი, რომელსაც ეძებთ, აქ არ არის. შესაძლოა, სხვა მისამართზე გადავიდა.
not-found-home = მთავარ გვერდზე გადასვლა
pages-count = { $count ->
    [one] { $count } გვერდი
   *[other] { $count } გვერდი
}
feed-title = სიახლეები (Atom არხი)
feed-subscribe = გამოიწერეთ სიახლეები (Atom არხი)
pagination = გვერდები
page-newer = ახალი
page-older = ძველი
page-of = გვერდი { $current } / { $total }
course-enrol = როგორ ჩაეწეროთ
course-cost = ღირებულება
course-language = სწავლების ენა
course-timezone = დრო მითითებულია თბილისის დროით.
course-add-to-calendar = კალენდარში დამატება
video-play-on = ვიდეოს ჩართვა ({ $provider })
video-privacy = { $provider }-დან არაფერი ჩაიტვირთება, სანამ ვიდეოს არ ჩართავთ.
video-transcript = ტექსტური ვერსია
video-download = ჩამოტვირთვა
# დახმარების მიღების შემოწმება.
check-start = დაწყება
check-other-help = დახმარების სხვა გზები
check-back = უკან
check-your-answers = თქვენი პასუხები
check-change = შეცვლა
check-start-again = თავიდან დაწყება
check-help-link = იპოვეთ ორგანიზაცია თქვენს რეგიონში
# დასაბეჭდი პლაკატები გვერდის მისამართის QR კოდით.
poster-print = ამობეჭდეთ პლაკატი
poster-title = პლაკატი: { $title }
poster-scan = დაასკანერეთ კოდი ტელეფონით
poster-type = ან აკრიფეთ ეს მისამართი ბრაუზერში:
poster-qr = QR კოდი: { $address }
