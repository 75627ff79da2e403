# Interface strings of the default theme (Russian).
skip-to-content = Перейти к содержанию
language-switcher = Язык
main-menu = Главное меню
menu-open = Меню
print-date = Дата: { $date }
fallback-notice = Эта страница ещё не переведена. Она показана на этом языке:
not-translated-yet = (ещё не переведено)
nav-home = Главная
updated = обновлено
home-check-button = Проверьте, можете ли вы получить помощь
regions-index = Регионы
region-no-organisation = В этом регионе пока нет организации.
contact-heading = Контакты
serves-regions = Работает в регионах
contact-phone = Телефон
contact-email = Эл. почта
contact-address = Адрес
contact-hours = Часы работы
contact-website = Сайт
contact-soon = Контактные данные будут опубликованы позже.
course-when-where = Когда и где
course-location = Место
course-dates = Даты
course-dates-tba = Даты будут объявлены.
not-found-title = Страница не найдена
not-found-text = Запрошенной страницы здесь нет. Возможно, она перемещена.
not-found-home = Перейти на главную страницу
pages-count = { $count ->
    [one] { $count } страница
    [few] { $count } страницы
    [many] { $count } страниц
   *[other] { $count } страницы
}
feed-title = Новости (лента Atom)
feed-subscribe = Следите за новостями в программе для чтения лент (Atom)
pagination = Страницы
page-newer = Более новые
page-older = Более ранние
page-of = Страница { $current } из { $total }
course-enrol = Как записаться
course-cost = Стоимость
course-language = Язык обучения
course-timezone = Время указано по Тбилиси.
course-add-to-calendar = Добавить в календарь
video-play-on = Смотреть на { $provider }
video-privacy = С { $provider } ничего не загружается, пока вы не нажмёте кнопку воспроизведения.
video-transcript = Текст видео
video-download = Скачать
# Eligibility self-check.
check-start = Начать
check-other-help = Другие способы получить помощь
check-back = Назад
check-your-answers = Ваши ответы
check-change = Изменить
check-start-again = Начать заново
check-help-link = Найдите организацию в вашем регионе
# Printable posters with a QR code of the page's address.
poster-print = Распечатать плакат
poster-title = Плакат: { $title }
poster-scan = Отсканируйте код телефоном
poster-type = или введите этот адрес в браузере:
poster-qr = QR-код: { $address }
search-title = Поиск
search-description = Ищите страницы сайта или найдите их по названию от А до Я.
search-label = Поиск по сайту
search-button = Найти
search-found = Найдено страниц:
search-none = Нет страниц с этими словами. Попробуйте другую форму слова или найдите страницу по названию ниже.
search-other-language = На другом языке
search-az = Страницы от А до Я
search-letters = Буквы
search-more = Ещё результаты
