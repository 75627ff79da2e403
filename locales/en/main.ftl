# Interface strings of the default theme (English).
skip-to-content = Skip to content
language-switcher = Language
main-menu = Main menu
menu-open = Menu
print-date = Date: { $date }
fallback-notice = This page is not translated yet. It is shown in this language:
not-translated-yet = (not translated yet)
nav-home = Home
updated = updated
home-check-button = Check if you can get help
regions-index = Regions
region-no-organisation = No organisation serves this region yet.
contact-heading = Contact
serves-regions = Serves
contact-phone = Phone
contact-email = E-mail
contact-address = Address
contact-hours = Opening hours
contact-website = Website
contact-soon = Contact details will be published soon.
course-when-where = When and where
course-location = Place
course-dates = Dates
course-dates-tba = Dates to be announced.
not-found-title = Page not found
not-found-text = The page you asked for is not here. It may have moved.
not-found-home = Go to the home page
pages-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
feed-title = News (Atom feed)
feed-subscribe = Follow the news in a feed reader (Atom)
pagination = Pages
page-newer = Newer
page-older = Older
page-of = Page { $current } of { $total }
course-enrol = How to enrol
course-cost = Cost
course-language = Language of instruction
course-timezone = Times are Tbilisi time.
course-add-to-calendar = Add to calendar
video-play-on = Play on { $provider }
video-privacy = Nothing is loaded from { $provider } until you press play.
video-transcript = Transcript
video-download = Download
# Eligibility self-check.
check-start = Start now
check-other-help = Other ways to get help
check-back = Back
check-your-answers = Your answers
check-change = Change
check-start-again = Start again
check-help-link = Find the organisation for your region
# Printable posters with a QR code of the page's address.
poster-print = Print a poster
poster-title = Poster: { $title }
poster-scan = Scan the code with your phone
poster-type = or type this address in a browser:
poster-qr = QR code: { $address }
