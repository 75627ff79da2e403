# Interface strings of the default theme (Ukrainian).
skip-to-content = Перейти до змісту
language-switcher = Мова
main-menu = Головне меню
menu-open = Меню
print-date = Дата: { $date }
fallback-notice = Ця сторінка ще не перекладена. Її показано цією мовою:
not-translated-yet = (ще не перекладено)
nav-home = Головна
updated = оновлено
home-check-button = Перевірте, чи можете ви отримати допомогу
regions-index = Регіони
region-no-organisation = У цьому регіоні поки що немає організації.
contact-heading = Контакти
serves-regions = Працює в регіонах
contact-phone = Телефон
contact-email = Ел. пошта
contact-address = Адреса
contact-hours = Години роботи
contact-website = Вебсайт
contact-soon = Контактні дані буде опубліковано згодом.
course-when-where = Коли і де
course-location = Місце
course-dates = Дати
course-dates-tba = Дати буде оголошено.
not-found-title = Сторінку не знайдено
not-found-text = Сторінки, яку ви шукаєте, тут немає. Можливо, її перенесено.
not-found-home = Перейти на головну сторінку
pages-count = { $count ->
    [one] { $count } сторінка
    [few] { $count } сторінки
    [many] { $count } сторінок
   *[other] { $count } сторінки
}
feed-title = Новини (стрічка Atom)
feed-subscribe = Стежте за новинами в програмі для читання стрічок (Atom)
pagination = Сторінки
page-newer = Новіші
page-older = Давніші
page-of = Сторінка { $current } з { $total }
course-enrol = Як записатися
course-cost = Вартість
course-language = Мова навчання
course-timezone = Час указано за Тбілісі.
course-add-to-calendar = Додати до календаря
video-play-on = Дивитися на { $provider }
video-privacy = З { $provider } нічого не завантажується, доки ви не натиснете кнопку відтворення.
video-transcript = Текст відео
video-download = Завантажити
# Eligibility self-check.
check-start = Почати
check-other-help = Інші способи отримати допомогу
check-back = Назад
check-your-answers = Ваші відповіді
check-change = Змінити
check-start-again = Почати знову
check-help-link = Знайдіть організацію у вашому регіоні
# Printable posters with a QR code of the page's address.
poster-print = Надрукувати плакат
poster-title = Плакат: { $title }
poster-scan = Відскануйте код телефоном
poster-type = або введіть цю адресу в браузері:
poster-qr = QR-код: { $address }
search-title = Пошук
search-description = Шукайте сторінки сайту або знайдіть їх за назвою від А до Я.
search-label = Пошук на сайті
search-button = Знайти
search-found = Знайдено сторінок:
search-none = Немає сторінок із цими словами. Спробуйте іншу форму слова або знайдіть сторінку за назвою нижче.
search-other-language = Іншою мовою
search-az = Сторінки від А до Я
search-letters = Літери
search-more = Більше результатів
