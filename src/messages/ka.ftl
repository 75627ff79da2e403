# campaign's own words in Georgian: labels, the check report, the serve overlay, and the
# messages marked translatable where they are made (`Diagnostic::tr`). A message id is the
# id given to `tr`; `.hint` is its hint. Arguments are the ones passed to `tr`.

## Labels and the report

label-error = შეცდომა
label-warning = გაფრთხილება
label-note = შენიშვნა
label-hint = რჩევა
report-untranslated = თარგმანის გარეშე გვერდები:
report-page = გვერდი
report-yes = კი
report-summary = შეცდომები: { $errors }, გაფრთხილებები: { $warnings }; გვერდები: { $pages }

## The serve overlay and error page

overlay-title = საიტის ხელახლა აწყობა ვერ მოხერხდა: შეცდომები: { $count }
overlay-kept = თქვენ ხედავთ ბოლო ვერსიას, რომელიც მუშაობდა. გაასწორეთ ქვემოთ მითითებული პრობლემა და შეინახეთ ფაილი: ეს გვერდი თავისით განახლდება.
page-title = საიტის აწყობა ვერ მოხერხდა: შეცდომები: { $count }
page-explain = გაასწორეთ ქვემოთ მითითებული პრობლემა და შეინახეთ ფაილი: ეს გვერდი თავისით განახლდება, როგორც კი საიტი აიწყობა.
overlay-hint = რა უნდა გააკეთოთ:
overlay-hide = შეტყობინების დამალვა
overlay-line = ხაზი

## Messages

# The name of the language `code` in Georgian (`language`: its name in site.yaml, for others).
language-name = { $code ->
        [ka] ქართული
        [en] ინგლისური
        [ru] რუსული
        [uk] უკრაინული
        [hy] სომხური
        [az] აზერბაიჯანული
        [de] გერმანული
        [fr] ფრანგული
        [ar] არაბული
        [fa] სპარსული
        [tr] თურქული
       *[other] { $language }
    }
not-utf8 = ფაილი UTF-8 ტექსტად არ არის შენახული
    .hint = გახსენით ის რედაქტორში და შეინახეთ კოდირებით „UTF-8“ (Word-ში: Save As → Plain Text → Unicode (UTF-8))
no-front-matter = გვერდი front matter-ით არ იწყება
    .hint = ფაილი დაიწყეთ ხაზით `---`, შემდეგ `title: ...`, შემდეგ კიდევ ერთი ხაზით `---`
unclosed-front-matter = front matter არ არის დახურული
    .hint = front matter-ის ბოლო ხაზის შემდეგ (მაგალითად, `title: ...`-ის შემდეგ) დაამატეთ ხაზი `---`
missing-title = გვერდს არ აქვს სათაური (`title`)
    .hint = front matter-ში, `---` ხაზებს შორის, დაამატეთ ხაზი `title: ...`
missing-translation = ეს გვერდი ჯერ არ არის ნათარგმნი ენაზე: { language-name } ({ $code })
    .hint = დაამატეთ ფაილი { $file } თარგმანით
contact-missing = ამ ორგანიზაციის საკონტაქტო მონაცემები ჯერ არ არის; გვერდზე წერია, რომ მალე გამოქვეყნდება
    .hint = როცა ცნობილი გახდება, front matter-ში დაამატეთ `phone:`, `email:`, `address:` ან `website:`
empty-link = ბმულს მისამართი არ აქვს
    .hint = მისამართი ფრჩხილებში ჩაწერეთ: [ტექსტი](/services/)
broken-link = ბმული `{ $dest }` არარსებულ გვერდზე მიუთითებს
    .hint = დაწერეთ საიტის მისამართი, მაგალითად `/services/medical-care/`, ან ფაილის გზა, მაგალითად `services/medical-care.en.md`; შეამოწმეთ მართლწერა
broken-anchor = ბმული მიუთითებს { $url } გვერდის ნაწილზე #{ $anchor }, მაგრამ ამ გვერდზე ასეთი სათაური არ არის
    .hint = ნაწილის მისამართი სათაურიდან იქმნება: `## Who can get it` → #who-can-get-it; შეამოწმეთ სათაურის მართლწერა
image-alt = სურათს ალტერნატიული ტექსტი (alt) არ აქვს
    .hint = ფრჩხილებში აღწერეთ, რას აჩვენებს სურათი: ![რას აჩვენებს](...); დეკორატიული სურათისთვის დაწერეთ ![-](...)
image-alt-link = ბმულში ჩასმულ სურათს ალტერნატიული ტექსტი (alt) არ აქვს, ამიტომ ბმულს სახელი არ აქვს
    .hint = ფრჩხილებში აღწერეთ, რას აჩვენებს სურათი: ![რას აჩვენებს](...); დეკორატიული სურათისთვის დაწერეთ ![-](...)
heading-skip = ეს სათაური დონე { $from }-დან პირდაპირ დონე { $to }-ზე გადადის
    .hint = გამოიყენეთ { $use } (ეკრანის წამკითხველით მოსარგებლეები გვერდზე სათაურების დონეებით მოძრაობენ)
empty-page = ამ გვერდზე ტექსტი არ არის
    .hint = დაწერეთ გვერდის ტექსტი front matter-ის ქვემოთ, ან მონიშნეთ გვერდი `draft: true`
pasted-text = { $kind ->
        [bookmark] ტექსტში Word-ის სანიშნის ნიშანია
        [quotes] ტექსტში დამახინჯებული ბრჭყალებია (ტექსტი არასწორი კოდირებით წაიკითხეს)
        [accents] ტექსტში დამახინჯებული ასოებია (ტექსტი არასწორი კოდირებით წაიკითხეს)
        [replacement] ტექსტში ჩანაცვლების სიმბოლოა (ტექსტი არასწორი კოდირებით წაიკითხეს)
        [nbsp] ტექსტში რამდენიმე გაუწყვეტელი ჰარია ზედიზედ
        [tracked] ტექსტში ცვლილებების აღრიცხვის ნიშნებია
       *[comment] ტექსტში Word-ის კომენტარია
    }
    .hint = ეს ჩვეულებრივ Word-იდან ჩასმისას ხდება: ხელახლა აკრიფეთ ან წაშალეთ
mtavruli = ტექსტი მთავრული ასოებით არის დაწერილი (ᲐᲑᲒ)
    .hint = ქართული ჩვეულებრივი ასოებით დაწერეთ (აბგ): მთავრული ყვირილივით იკითხება, ძველ ტელეფონებზე კი ოთხკუთხედებად ჩანს
http-link = ბმული `{ $url }` დაცული არ არის (http)
    .hint = თუ საიტს https:// მისამართი აქვს, ის გამოიყენეთ

## The output folder

output-holds-site = საიტის აწყობა საქაღალდეში { $folder } შეუძლებელია: ეს თავად საიტის საქაღალდეა ან მას შეიცავს, და აწყობა საიტის ფაილებს წაშლიდა
    .hint = აირჩიეთ ცალკე საქაღალდე, მაგალითად: --output { $suggest }
output-in-sources = საიტის აწყობა საქაღალდეში { $folder } შეუძლებელია: ის საიტის { $name }/ საქაღალდეშია, სადაც ის ფაილებია, რომლებსაც აწყობა კითხულობს
    .hint = აირჩიეთ საქაღალდე { $name }/-ის გარეთ, მაგალითად: --output { $suggest }
output-not-folder = { $folder } ფაილია და არა საქაღალდე
    .hint = აწყობისთვის აირჩიეთ საქაღალდე, მაგალითად: --output public
output-not-ours = საქაღალდეში { $folder } არის ფაილები, რომლებიც campaign-ს არ დაუწერია, მაგალითად `{ $file }`; აწყობა საქაღალდის მთელ შიგთავსს ცვლის
    .hint = აირჩიეთ ცარიელი ან ახალი საქაღალდე, ან გადაიტანეთ ეს ფაილები სხვაგან; თუ გსურთ, რომ ზოგიერთი სახელი საქაღალდეში დარჩეს, ჩამოწერეთ ისინი site.yaml-ში, `output_keep:`-ის ქვეშ

## Hostile input (links, directives, control characters, limits)

script-link = მისამართი `{ $scheme }:...` მკითხველის ბრაუზერში პროგრამას გაუშვებდა
    .hint = ბმულით მიუთითეთ გვერდზე ან ვებმისამართზე (https://...); საიტის გვერდებს სკრიპტის მისამართები არ სჭირდება
data-link = ბმული `data:` მისამართია: ფაილი, რომელსაც ის ხსნის, თავად გვერდშია ჩაწერილი
    .hint = ფაილი ჩადეთ static/ საქაღალდეში ან გვერდის გვერდით და მასზე მიუთითეთ, ან მიუთითეთ ვებმისამართზე
directive-stray = `{"{{<"}` დირექტივას იწყებს, მაგრამ ის ცალკე აბზაცში არ დგას, ამიტომ ტექსტად გამოქვეყნდებოდა
    .hint = დირექტივა ცალკე აბზაცში დაწერეთ (წინ და შემდეგ ცარიელი ხაზით), მაგალითად {"{{<"} video youtube="..." title="..." >{"}}"}; თავად სიმბოლოების საჩვენებლად დაწერეთ \{"{{<"}
control-character = ტექსტში უხილავი მმართველი სიმბოლოა ({ $code }); სულ ასეთი სიმბოლო: { $count }
    .hint = წაშალეთ: რედაქტორების უმეტესობაში ის არ ჩანს და ხშირად Word-იდან ან PDF-იდან ჩასმულ ტექსტს მოჰყვება, ამიტომ ხელახლა აკრიფეთ ტექსტი მითითებულ ადგილას
control-character-break = ტექსტში უხილავი მმართველი სიმბოლოა ({ $code }); სულ ასეთი სიმბოლო: { $count }
    .hint = ეს Word-იდან ჩასმული ხაზის გადატანაა: წაშალეთ და მის ნაცვლად დააჭირეთ Enter-ს
yaml-size = YAML ზედმეტად დიდია: campaign მაქსიმუმ { $max } მბ-ს კითხულობს
    .hint = დაყავით ის რამდენიმე ფაილად, ან გრძელი ტექსტები გვერდის Markdown-ში შეინახეთ
yaml-depth = YAML-ში ჩადგმის სიღრმე { $max } დონეს აღემატება
    .hint = შეამოწმეთ, ხომ არ არის `[` ან `{"{"}`, რომელიც არასდროს იხურება, ან დაშორება, რომელიც მხოლოდ იზრდება
yaml-number = რიცხვი `{ $number }` ზედმეტად დიდია
    .hint = თუ ეს დასათვლელი რიცხვი არ არის (ტელეფონის, ანგარიშის ან პირადი ნომერი), ჩასვით ბრჭყალებში: "..."
theme-name = `{ $theme }` თემის სახელი არ არის: თემა themes/ საქაღალდეში მდებარე საქაღალდეა
    .hint = დაწერეთ მხოლოდ საქაღალდის სახელი, მაგალითად `theme: campaign` საქაღალდისთვის themes/campaign/, ან წაშალეთ ხაზი, რომ ჩაშენებული ნაგულისხმევი თემა გამოიყენოთ
new-draft = ახალი გვერდები მონახაზებია (`draft: true`): `campaign serve` მათ აჩვენებს, `campaign build` კი გამოტოვებს
    .hint = როცა გვერდი გამოსაქვეყნებლად მზად იქნება, თითოეულ ფაილში წაშალეთ ხაზი `draft: true`
no-base-url = საიტის მისამართი უცნობია, ამიტომ { $posters ->
        [yes] არ შეიქმნა sitemap.xml და პლაკატები
       *[no] არ შეიქმნა sitemap.xml
    }, არხები (feeds) ფარდობით მისამართებს შეიცავს, ხოლო 404 გვერდის ბმულები ჰოსტის საწყის მისამართზე მიდის (არასწორია, თუ საიტი ქვეგზაზეა განთავსებული)
    .hint = მიუთითეთ `base_url: https://...` ფაილში site.yaml, ან გადაეცით `--base-url` ბრძანებას `campaign build`

## Front matter and YAML

yaml = YAML-ის ჩანაწერი გაფუჭებულია: { $kind ->
        [duplicate] ერთი გასაღები ორჯერ წერია
        [deep] ჩადგმა ზედმეტად ღრმაა
        [colon] ამ ხაზზე ორწერტილი ზედმეტია ან ტექსტი ბრჭყალებში არ არის
        [character] ამ ადგილას ისეთი სიმბოლოა, რომლითაც მნიშვნელობა ვერ დაიწყება (ხშირად ეს Tab-ია)
       *[other] ამ ადგილას ჩანაწერის ფორმა არასწორია
    }
    .hint = შეამოწმეთ დაშორებები ხაზის დასაწყისში, რომ ყოველი ხაზი `გასაღები: მნიშვნელობა` ფორმისაა და რომ ორწერტილიანი ტექსტი ბრჭყალებშია
fm-not-mapping = front matter უნდა შედგებოდეს `გასაღები: მნიშვნელობა` ხაზებისგან (ახლა: { $kind ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[text] ტექსტი
    })
    .hint = `---` ხაზებს შორის დაწერეთ სულ მცირე `title: ...`
duplicate-key = `{ $key }` front matter-ში ორჯერ წერია
    .hint = ერთი დატოვეთ, მეორე წაშალეთ
fm-empty-title = სათაური (`title`) ცარიელია
    .hint = `title:`-ის შემდეგ დაწერეთ გვერდის სათაური
fm-not-text = `{ $key }` ტექსტი უნდა იყოს (ახლა: { $kind ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[text] ტექსტი
    })
    .hint = დაწერეთ ის ერთ ხაზზე, ორწერტილის შემდეგ
fm-not-date = `{ $key }` თარიღი არ არის: `{ $value }`
    .hint = თარიღი დაწერეთ ფორმით YYYY-MM-DD (წელი-თვე-დღე), მაგალითად 2025-03-07
fm-draft = `draft` უნდა იყოს true ან false (ახლა: { $value ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[other] { $value }
    })
    .hint = გვერდის დასამალად დაწერეთ `draft: true`, ან წაშალეთ ხაზი
fm-weight = `weight` მთელი რიცხვი უნდა იყოს (ახლა: { $value ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[other] { $value }
    })
    .hint = სიებში ჯერ ნაკლები `weight`-ის მქონე გვერდები მოდის, მაგალითად `weight: 10`
fm-paginate-by = `paginate_by` მთელი რიცხვი უნდა იყოს, 0 ან მეტი (ახლა: { $value ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[other] { $value }
    })
    .hint = ეს არის, რამდენი გვერდი ჩანს სიის თითო გვერდზე, მაგალითად `paginate_by: 20`; `paginate_by: 0` მთელ სიას ერთ გვერდზე ტოვებს
fm-alias = ყოველი ძველი მისამართი (alias) ასეთი უნდა იყოს: /old/path/
    .hint = თითო ხაზზე ერთი ძველი მისამართი დაწერეთ, ხაზის დასაწყისში `- /`
fm-aliases = `aliases` მისამართების სია უნდა იყოს (ახლა: { $kind ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[text] ტექსტი
    })
    .hint = თითო ხაზზე ერთი ძველი მისამართი დაწერეთ, ხაზის დასაწყისში `- /`

## site.yaml

config-duplicate-key = `{ $key }` ორჯერ წერია
    .hint = ერთი დატოვეთ
config-not-mapping = site.yaml უნდა შედგებოდეს `გასაღები: მნიშვნელობა` ხაზებისგან (ახლა: { $kind ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[text] ტექსტი
    })
    .hint = დაიწყეთ `title:`-ით და `languages:`-ით (იხ. README, „Configuration“)
config-no-languages = ენები ჩამოწერილი არ არის
    .hint = დაწერეთ, მაგალითად, `languages: [ka, en]`, ძირითადი ენა პირველად
config-languages-list = `languages` სია უნდა იყოს
    .hint = დაწერეთ, მაგალითად, `languages: [ka, en]`, ძირითადი ენა პირველად
config-language-code = `{ $code }` ენის კოდი არ არის
    .hint = გამოიყენეთ ორასოიანი კოდები, როგორიცაა `ka` და `en`, ძირითადი ენა პირველად
config-language-twice = ენა `{ $code }` ორჯერ არის ჩამოწერილი
    .hint = თითოეული ენა ერთხელ ჩამოწერეთ
config-language-dir = ენის `{ $code }` მიმართულება `{ $dir }` არც `ltr`-ია და არც `rtl`
    .hint = მარჯვნიდან მარცხნივ დაწერილი ენისთვის დაწერეთ `dir: rtl`, სხვა შემთხვევაში `dir: ltr`
config-localized = `{ $key }` უნდა იყოს ტექსტი ან თითო ტექსტი თითოეულ ენაზე (ახლა: { $kind ->
        [nothing] ცარიელია
        [yesno] კი/არა (true/false)
        [number] რიცხვი
        [list] სია
        [group] გასაღებების ჯგუფი
        [tagged] ტეგიანი მნიშვნელობა
       *[text] ტექსტი
    })
    .hint = დაწერეთ ენების მიხედვით: მის ქვეშ, დაშორებით, `ka: ...` და `en: ...`
config-base-url = `{ $value }` ვებმისამართი არ არის
    .hint = დაწერეთ სრული მისამართი, რომელიც https://-ით იწყება, მაგალითად https://example.ge/
config-base-url-kind = `base_url` ვებმისამართი უნდა იყოს
    .hint = მაგალითად: base_url: https://example.ge/
config-output-keep-names = `output_keep`-ში უნდა ჩამოწეროთ გამოსატანი საქაღალდის პირველ დონეზე მყოფი ფაილების ან საქაღალდეების სახელები
    .hint = დაწერეთ სახელების სია, მაგალითად `output_keep: [README.md, "*.txt"]`
config-output-keep-list = `output_keep` სახელების სია უნდა იყოს
    .hint = დაწერეთ სახელების სია, მაგალითად `output_keep: [README.md, "*.txt"]`
config-offline = `offline` უნდა იყოს `true` ან `false`
    .hint = დაწერეთ `offline: false`, რომ ოფლაინ კითხვა გამოირთოს, ან წაშალეთ ეს ხაზი, რომ ჩართული დარჩეს
config-search = `search` უნდა იყოს `true` ან `false`
    .hint = დაწერეთ `search: true`, რომ საიტს ძიების გვერდი ჰქონდეს, ან წაშალეთ ეს ხაზი
config-posters = `posters` საიტის მისამართების სია უნდა იყოს
    .hint = დაწერეთ გვერდების ან განყოფილებების მისამართები, მაგალითად `posters: [/services/, /check/]`, ან `posters: []`, თუ პლაკატები არ გჭირდებათ

## Command lines: build, check

build-failed = აწყობა ვერ მოხერხდა: შეცდომები: { $errors }, გაფრთხილებები: { $warnings }; წინა შედეგი უცვლელად დარჩა
build-unchanged = ბოლო აწყობის შემდეგ არაფერი შეცვლილა: გვერდები: { $pages }, ფაილები: { $files }, საქაღალდე { $dest } განახლებულია; გაფრთხილებები: { $warnings }; დრო: { $ms } მწმ
build-done = აიწყო გვერდები: { $pages } ({ $langs }); { $dest }-ში ჩაიწერა ფაილები: { $files }; { $images ->
        [yes] სურათები: დამუშავდა { $encoded }, აღებულია ქეშიდან { $cached };{" "}
       *[no] {""}
    }გაფრთხილებები: { $warnings }; დრო: { $ms } მწმ
build-zip = ({ $kb } კბ; იხსნება პირდაპირ დისკიდან)
check-external = მოწმდება გარე ბმულები: { $count } (ერთდროულად { $at })...
zip = `{ $file }` ვერ ჩაიწერა
    .hint = შეამოწმეთ, რომ საქაღალდე არსებობს და მასში ჩაწერის უფლება გაქვთ


## Publishing: deploy, scheduled pages

next-change = შემდეგი დაგეგმილი ცვლილება: { $date } (გვერდის publish_date ან expiry_date); ამ დღეს საიტი ხელახლა ააწყვეთ და გამოაქვეყნეთ
deploy-done = გამოქვეყნდა { $dest }-ში: ატვირთულია { $uploaded } ფაილი, წაშლილია { $deleted }, უცვლელია { $unchanged }; დრო: { $ms } მწმ
deploy-dry-run = საცდელი გაშვება, არაფერი შეცვლილა: { $dest }-ში აიტვირთებოდა { $uploaded } ფაილი და წაიშლებოდა { $deleted }; უცვლელია { $unchanged }
deploy-progress = ქვეყნდება: { $done } ფაილი { $total }-დან
deploy-dest = `{ $dest }` ისეთი ადგილი არ არის, სადაც campaign-ს გამოქვეყნება შეუძლია
    .hint = მიუთითეთ საქაღალდე (/srv/www ან file:///srv/www), s3://bucket/საქაღალდე ან sftp://მომხმარებელი@სერვერი/საქაღალდე
deploy-not-built = { $folder } campaign-ის აწყობილ საიტს არ შეიცავს
    .hint = გაუშვით `campaign deploy` --no-build-ის გარეშე, ან --output-ით მიუთითეთ აწყობის საქაღალდე
deploy-read = აწყობის ფაილი { $file } ვერ წაიკითხა: { io-reason }
    .hint = ხელახლა ააწყვეთ საიტი (`campaign build`) და შემდეგ გამოაქვეყნეთ
deploy-into-build = { $dest }-ში გამოქვეყნება შეუძლებელია: საიტი აიწყობა { $build }-ში და ისინი ერთმანეთში აირევა
    .hint = გამოაქვეყნეთ სხვა საქაღალდეში, ან ააწყვეთ სხვაგან --output DIR-ით
deploy-folder = { $file } ვერ ჩაიწერა: { io-reason }
    .hint = შეამოწმეთ, რომ საქაღალდე (ან დისკი) ხელმისაწვდომია, მასზე ადგილია და ჩაწერის უფლება გაქვთ
deploy-manifest = დანიშნულების ადგილზე გამოქვეყნებული ფაილების სია ({ $name }) დაზიანებულია
    .hint = წაშალეთ { $name } დანიშნულების ადგილზე: შემდეგი გამოქვეყნება ყველა ფაილს თავიდან ატვირთავს და არაფერს წაშლის
deploy-sftp-unknown-host = სერვერი { $server } ფაილში { $file } არ არის ჩამოთვლილი, ამიტომ campaign ვერ დარწმუნდება, რომ ეს სწორი სერვერია (მისი გასაღები: { $fingerprint })
    .hint = ჰკითხეთ სერვერის ადმინისტრატორს, არის თუ არა გასაღები { $fingerprint }; თუ არის, დაამატეთ სერვერი: { $scan } >> { $file } (ან მიუთითეთ სხვა ფაილი --known-hosts FILE-ით)
deploy-sftp-host-changed = სერვერის { $server } გასაღები ({ $fingerprint }) არ ემთხვევა ფაილში { $file } ჩაწერილს (სტრიქონი { $line }): შესაძლოა ვინმე კავშირს ერევა, ან სერვერი თავიდან დაყენდა; არაფერი გამოქვეყნებულა
    .hint = ჰკითხეთ სერვერის ადმინისტრატორს, შეიცვალა თუ არა მისი გასაღები; მხოლოდ თუ შეიცვალა, წაშალეთ ფაილის { $file } სტრიქონი { $line } და დაამატეთ ახალი გასაღები
deploy-sftp-login = სერვერმა { $server } მომხმარებელი `{ $user }` არ შეუშვა (ვცადეთ: { $tried })
    .hint = შეამოწმეთ მომხმარებლის სახელი და მიუთითეთ CAMPAIGN_SFTP_PASSWORD, ან ჩატვირთეთ გასაღები ssh-agent-ში, ან ჩადეთ ის ~/.ssh/id_ed25519-ში (ან მიუთითეთ CAMPAIGN_SFTP_KEY=FILE; მისი ფრაზა — CAMPAIGN_SFTP_KEY_PASSPHRASE-ში)
deploy-sftp-key = გასაღების { $file } გამოყენება შეუძლებელია: { $reason ->
        [passphrase] მას ფრაზა (passphrase) სჭირდება
        [wrong-passphrase] ფრაზა მას ვერ ხსნის
        [unreadable] ფაილი ვერ იკითხება
       *[format] ეს ისეთი პირადი გასაღები არ არის, რომლის წაკითხვაც campaign-ს შეუძლია
    }
    .hint = მიუთითეთ მისი ფრაზა CAMPAIGN_SFTP_KEY_PASSPHRASE-ში, ან გამოიყენეთ ed25519 ან ECDSA გასაღები (ssh-keygen -t ed25519), ან ჩატვირთეთ გასაღები ssh-agent-ში
deploy-sftp-unreachable = SFTP სერვერი { $server } მიუწვდომელია: { $reason ->
        [name] ამ სახელის სერვერი არ არსებობს
        [refused] ამ მისამართზე არავინ პასუხობს
        [timeout] დროულად არ უპასუხა
        [ssh] ის SSH-ს არ იყენებს, ან კავშირი გაწყვიტა
       *[other] კავშირი გაწყდა
    }
    .hint = შეამოწმეთ სერვერის სახელი და პორტი მისამართში (sftp://user@host:port/folder) და ინტერნეტ-კავშირი, შემდეგ ხელახლა გაუშვით `campaign deploy`
deploy-sftp-refused = SFTP სერვერმა { $server } `{ $file }` არ მიიღო: { $reason ->
        [missing] ასეთი ფაილი ან საქაღალდე არ არსებობს
        [denied] წვდომა აკრძალულია
       *[other] { $why }
    }
    .hint = შეამოწმეთ, რომ საქაღალდე არსებობს ან შეიძლება შეიქმნას და რომ მომხმარებელს იქ ჩაწერა შეუძლია, შემდეგ ხელახლა გაუშვით `campaign deploy`
deploy-s3-no-bucket = bucket `{ $bucket }` არ არსებობს მისამართზე { $endpoint }
    .hint = ჯერ შექმენით bucket (საცავის მომწოდებლის პანელში), ან შეამოწმეთ მისი სახელი, --endpoint და AWS_REGION
deploy-s3-keys-refused = საცავმა მისამართზე { $endpoint } bucket `{ $bucket }`-ისთვის წვდომის გასაღები არ მიიღო ({ $code })
    .hint = შეამოწმეთ AWS_ACCESS_KEY_ID და AWS_SECRET_ACCESS_KEY (დროებითი გასაღებისთვის AWS_SESSION_TOKEN-იც); გასაღებს bucket-ში კითხვის, ჩაწერისა და წაშლის უფლება უნდა ჰქონდეს
deploy-s3-refused = საცავმა მისამართზე { $endpoint } `{ $file }` არ მიიღო ({ $what })
    .hint = მოგვიანებით ხელახლა გაუშვით `campaign deploy`; თუ შეცდომა გამეორდა, შეამოწმეთ bucket-ის პარამეტრები საცავის მომწოდებელთან
deploy-s3-no-keys = S3-ზე გამოსაქვეყნებლად წვდომის გასაღებია საჭირო, AWS_ACCESS_KEY_ID ან AWS_SECRET_ACCESS_KEY კი მითითებული არ არის
    .hint = მიუთითეთ AWS_ACCESS_KEY_ID და AWS_SECRET_ACCESS_KEY გარემოს ცვლადებში (არასოდეს site.yaml-ში), მაგალითად CI-ის საიდუმლოებიდან
deploy-s3-endpoint = `{ $endpoint }` საცავის მისამართი არ არის
    .hint = დაწერეთ სრული მისამართი, მაგალითად --endpoint https://s3.example.com
deploy-unreachable = { $endpoint } მიუწვდომელია: { $reason ->
        [name] ამ სახელის სერვერი არ არსებობს
        [refused] ამ მისამართზე არავინ პასუხობს
        [timeout] დროულად არ უპასუხა
       *[other] კავშირი გაწყდა
    }
    .hint = შეამოწმეთ მისამართი (--endpoint ან AWS_ENDPOINT_URL) და ინტერნეტ-კავშირი, შემდეგ ხელახლა გაუშვით `campaign deploy`

## Links

link-other-language = `{ $dest }` ჯერჯერობით მხოლოდ ამ ენაზე არსებობს: { language-name }, ამიტომ ბმული იმ ვერსიაზე მიდის
    .hint = თარგმნეთ { $file } ამ გვერდის ენაზე
offline-own-file = `{ $file }`-ს იგივე სახელი აქვს, რაც campaign-ის ოფლაინ კითხვის ფაილს
    .hint = გადაარქვით ფაილს სახელი, ან დაწერეთ `offline: false` ფაილში site.yaml, რომ campaign-ის ნაცვლად თქვენი service worker გამოქვეყნდეს

## Files and folders: why one cannot be read or written (`io` and `code` from
## `load::io_reason`; messages refer to `io-reason`)

io-reason = { $io ->
        [missing] ის არ არსებობს
        [denied] წვდომის უფლება არ გაქვთ
        [folder] ეს საქაღალდეა
        [not-folder] გზაში ფაილია იქ, სადაც საქაღალდე უნდა იყოს
        [full] დისკზე ადგილი აღარ არის
        [read-only] დისკზე ჩაწერა შეუძლებელია
        [busy] მას სხვა პროგრამა იყენებს
        [exists] ის უკვე არსებობს
        [in-use] მისამართი უკვე დაკავებულია
        [limit] სისტემის ზღვარს მიაღწია
        [unknown] უცნობი შეცდომა
       *[other] სისტემის შეცდომა, კოდი { $code }
    }
unreadable = ფაილის წაკითხვა ვერ მოხერხდა: { io-reason }
changed-during-build = ფაილი შეიცვალა, სანამ საიტი იწყობოდა
    .hint = როცა ფაილი შეინახება, ააწყვეთ საიტი ხელახლა
write = { $path } ვერ ჩაიწერა: { io-reason }
    .hint = შეამოწმეთ, რომ დისკზე ადგილია და საქაღალდეში ჩაწერა შესაძლებელია
write-swap = ახალი საიტის თავის ადგილას ჩასმა ვერ მოხერხდა: { io-reason }
    .hint = დახურეთ პროგრამები, რომლებიც გამოსატან საქაღალდეს იყენებენ, და საიტი ხელახლა ააწყვეთ
write-staging = საქაღალდის შექმნა { $folder }-ის გვერდით ვერ მოხერხდა: { io-reason }
    .hint = შეამოწმეთ, რომ საქაღალდეში ჩაწერა შესაძლებელია
no-theme = თემა `{ $theme }` საქაღალდეში themes/{ $theme }/ არ არის
    .hint = გაასწორეთ `theme:` ფაილში site.yaml, ან წაშალეთ ეს ხაზი, რომ ჩაშენებული ნაგულისხმევი თემა გამოიყენოთ
link-outside = ეს ბმულია საიტის საქაღალდის გარეთ მდებარე ფაილზე ან საქაღალდეზე, ამიტომ გამოტოვებულია
    .hint = ბმულის ნაცვლად ფაილი საიტის საქაღალდეში ჩააკოპირეთ

## The command line: the site folder, --base-url, --zip, CAMPAIGN_TODAY, check --external

today = CAMPAIGN_TODAY=`{ $value }` თარიღი არ არის; გამოიყენება დღევანდელი თარიღი
    .hint = დაწერეთ ფორმით YYYY-MM-DD, მაგალითად CAMPAIGN_TODAY=2026-11-29, ან წაშალეთ ეს ცვლადი
no-site = საქაღალდეში { $folder } ფაილი site.yaml არ არის
    .hint = ახალი საიტის შესაქმნელად გაუშვით `campaign init DIR`, ან არსებულ საიტზე მიუთითეთ `--root DIR`-ით
no-site-root = საქაღალდეში { $folder } ფაილი site.yaml არ არის
    .hint = --root-ით მიუთითეთ საქაღალდე, რომელშიც site.yaml დევს, ან შექმენით ახალი საიტი ბრძანებით `campaign init DIR`
no-site-here = ამ საქაღალდეში და მის ზემოთ ფაილი site.yaml არ არის
    .hint = ბრძანება თქვენი საიტის საქაღალდეში გაუშვით, მიუთითეთ --root DIR, ან შექმენით ახალი საიტი ბრძანებით `campaign init DIR`
base-url = `{ $url }` ვებმისამართი არ არის
    .hint = მიუთითეთ სრული მისამართი, მაგალითად --base-url https://example.ge/
zip-folder = `{ $file }` საქაღალდეა
    .hint = მიუთითეთ ჩასაწერი ZIP ფაილის სახელი, მაგალითად --zip site.zip
zip-in-sources = `{ $file }` საიტის `{ $dir }/` საქაღალდეშია, რომლის ფაილებსაც აწყობა კითხულობს
    .hint = ZIP სხვაგან ჩაწერეთ, მაგალითად --zip site.zip (site.yaml-ის გვერდით)
zip-not-zip = `{ $file }` უკვე არსებობს და ZIP ფაილი არ არის; campaign მხოლოდ ZIP ფაილებს ანაცვლებს
    .hint = აირჩიეთ ახალი სახელი, რომელიც .zip-ით მთავრდება, ან ჯერ ეს ფაილი სხვაგან გადაიტანეთ
external-link = ბმული `{ $url }` არ მუშაობს: { $why ->
        [missing] ასეთი გვერდი არ არსებობს (HTTP 404)
        [status] საიტმა შეცდომით უპასუხა (HTTP { $status })
        [timeout] საიტმა { $seconds } წამში არ უპასუხა
        [no-host] საიტის ასეთი სახელი არ არსებობს
       *[unreachable] საიტთან დაკავშირება ვერ მოხერხდა
    }
    .hint = გახსენით მისამართი ბრაუზერში; გაასწორეთ ან წაშალეთ ბმული

## Pages, addresses and languages

same-page-twice = ეს გვერდი სხვა ფაილშიც არის დაწერილი: { $other }
    .hint = ფაილი, რომლის სახელში ენა არ არის მითითებული, ძირითად ენას ეკუთვნის ({ $lang }); ორი ფაილიდან ერთი დატოვეთ
same-url = ორ გვერდს ერთი და იგივე მისამართი აქვს, { $url }: ამ გვერდს და ფაილს { $other }
    .hint = ერთ-ერთს front matter-ში სხვა `slug:` მიეცით, ან ფაილს სახელი გადაარქვით
unknown-language = ფაილის სახელში მითითებული `{ $code }` საიტის ენებს შორის არ არის ({ $known })
    .hint = ფაილს დაარქვით `<name>.<language>.md`, სადაც ენა ერთ-ერთია ამათგან: { $known }; ან დაამატეთ `{ $code }` სიაში `languages:` ფაილში site.yaml
empty-slug = `slug`-ის მნიშვნელობიდან, `{ $slug }`, მისამართი ვერ იქმნება: მასში გამოსადეგი ასოები ან ციფრები არ არის
    .hint = გამოიყენეთ ასოები ან ციფრები, მაგალითად `slug: medical-care`
empty-name = სახელიდან `{ $name }` მისამართი ვერ იქმნება: მასში გამოსადეგი ასოები ან ციფრები არ არის
    .hint = ფაილს ან საქაღალდეს ასოებიანი ან ციფრებიანი სახელი დაარქვით, ან front matter-ში მიუთითეთ `slug:`
no-template = შაბლონი `{ $template }` არ არსებობს
    .hint = გამოიყენეთ თემის ერთ-ერთი შაბლონი (page.html, section.html, ...) ან დაამატეთ ის საქაღალდეში templates/
menu-entry = მენიუს ჩანაწერი `{ $path }` არარსებულ გვერდზე მიუთითებს
    .hint = `menu:`-ის ქვეშ ჩამოწერეთ არსებული გვერდების მისამართები, მაგალითად `- /services/`
footer-link = გვერდის ქვედა ნაწილის (`footer:`) ბმული `{ $path }` არარსებულ გვერდზე მიუთითებს
    .hint = `link:`-ის შემდეგ დაწერეთ არსებული გვერდის მისამართი, მაგალითად `link: /about/`
missing-string = ინტერფეისის ტექსტი `{ $key }` არ არის ენაზე: { language-name } ({ $code })
    .hint = დაამატეთ `{ $key } = ...` .ftl ფაილში საქაღალდეში locales/{ $code }/; მანამდე გამოჩნდება ტექსტი ენაზე `{ $default }`
missing-strings = ინტერფეისის { $count } ტექსტი არ არის ენაზე: { language-name } ({ $code }): { $keys }
    .hint = თარგმნეთ ისინი .ftl ფაილში საქაღალდეში locales/{ $code }/ (დააკოპირეთ `{ $default }`-ის ფაილი და თარგმნეთ თითოეული ხაზი); მანამდე გამოჩნდება ტექსტი ენაზე `{ $default }`
internal = აწყობა campaign-ის შეცდომის გამო შეწყდა
    .hint = ფაილი ხელახლა შეინახეთ; თუ შეცდომა არ გაქრა, გთხოვთ, შეგვატყობინოთ და ტერმინალში გამოტანილი ტექსტიც გამოგვიგზავნოთ

## Regions, organisations, courses, content types

regions-list = regions.yaml რეგიონების სია უნდა იყოს
    .hint = თითო ჩანაწერში ერთი რეგიონი დაწერეთ: `- id: tbilisi`, მის ქვეშ კი სახელები `ka:` და `en:`
region-id = რეგიონს №{ $n } `id` უნდა ჰქონდეს პატარა ლათინური ასოებით, ციფრებითა და დეფისებით
    .hint = მაგალითად `- id: kvemo-kartli`
region-name = რეგიონს `{ $id }` სახელი არ აქვს ენაზე: { language-name } ({ $code })
    .hint = `- id: { $id }`-ის ქვეშ დაამატეთ `{ $code }: ...`
region-twice = რეგიონი `{ $id }` ორჯერ არის ჩამოწერილი
    .hint = ერთი დატოვეთ
unknown-region = `{ $id }` ფაილში content/regions.yaml ჩამოწერილი რეგიონი არ არის
    .hint = გამოიყენეთ ერთ-ერთი: { $known }
region-uncovered = რეგიონს `{ $id }` ({ $name }) არც ერთი ორგანიზაცია არ ემსახურება
    .hint = რეგიონის id დაამატეთ იმ ორგანიზაციის `regions:`-ში, რომელიც მას ემსახურება
content-type = `{ $value }` შიგთავსის ტიპი არ არის
    .hint = `{ $key }:`-ში დაწერეთ ერთ-ერთი: { $names }
bad-phone = `{ $phone }` ტელეფონის ნომერი არ არის
    .hint = დაწერეთ საერთაშორისო ფორმით, ქვეყნის კოდით, მაგალითად +995 32 2 00 00 00
bad-email = `{ $email }` ელფოსტის მისამართი არ არის
    .hint = დაწერეთ ასე: name@example.ge, ჰარების გარეშე
bad-url = `{ $url }` ვებმისამართი არ არის
    .hint = დაწერეთ სრული მისამართი, რომელიც https://-ით იწყება
schedule-kind = `schedule` უნდა იყოს მეცადინეობების სია ან ყოველკვირეული წესი
    .hint = თითოეული მეცადინეობა ასე დაწერეთ: `- {"{"}date: 2025-03-07, start: "10:00", end: "12:00"{"}"}`
session-order = მეცადინეობა №{ $n } დაწყებამდე მთავრდება
    .hint = შეამოწმეთ `start` და `end` (24-საათიანი დრო, მაგალითად "14:30")
session-date = მეცადინეობას №{ $n } სწორი `date` არ აქვს
    .hint = თითოეული მეცადინეობა ასე დაწერეთ: `- {"{"}date: 2025-03-07, start: "10:00", end: "12:00"{"}"}`
session-times = მეცადინეობას №{ $n } სჭირდება `start` და `end` დრო, მაგალითად "10:00"
    .hint = თითოეული მეცადინეობა ასე დაწერეთ: `- {"{"}date: 2025-03-07, start: "10:00", end: "12:00"{"}"}`
weekly-keys = ყოველკვირეულ განრიგს სჭირდება `from`, `until`, `start` და `end`
    .hint = ყოველკვირეული წესი ასე გამოიყურება: `weekly: [monday, wednesday]`, `from: 2025-03-03`, `until: 2025-04-30`, `start: "10:00"`, `end: "12:00"`
weekly-days = ყოველკვირეულ განრიგში კვირის დღეები არ არის მითითებული
    .hint = ყოველკვირეული წესი ასე გამოიყურება: `weekly: [monday, wednesday]`, `from: 2025-03-03`, `until: 2025-04-30`, `start: "10:00"`, `end: "12:00"`
weekly-order = ყოველკვირეული განრიგი დაწყებამდე მთავრდება
    .hint = ყოველკვირეული წესი ასე გამოიყურება: `weekly: [monday, wednesday]`, `from: 2025-03-03`, `until: 2025-04-30`, `start: "10:00"`, `end: "12:00"`
weekly-long = ყოველკვირეული განრიგი სამ წელზე მეტხანს გრძელდება
    .hint = დაყავით ის ნაწილებად, ან შეამოწმეთ `until`

## Posters and the self-check

poster-address = ამ გვერდის პლაკატის მისამართი, `{ $address }`, სხვა გვერდს უკვე აქვს
    .hint = იმ გვერდს სხვა ფაილის სახელი ან `slug:` მიეცით, ან ეს გვერდი ამოიღეთ `posters:`-იდან ფაილში site.yaml
poster-entry = `posters:`-ის ჩანაწერი `{ $entry }` არც ერთი გვერდის მისამართი არ არის
    .hint = `posters:`-ის ქვეშ ჩამოწერეთ არსებული გვერდების ან განყოფილებების მისამართები, მაგალითად `- /services/`
poster-template = `posters:` პლაკატებს ითხოვს, მაგრამ თემას შაბლონი `{ $template }` არ აქვს
    .hint = ნაგულისხმევი თემიდან poster.html ჩააკოპირეთ საქაღალდეში templates/, ან დაწერეთ `posters: []`
poster-qr = მისამართი `{ $address }` QR კოდში არ ეტევა
    .hint = გამოიყენეთ უფრო მოკლე `base_url`, ფაილის სახელი ან `slug:`
self-check-template = თვითშემოწმებას სჭირდება შაბლონი `{ $template }`, რომელიც თემას არ აქვს
    .hint = ნაგულისხმევი თემიდან check-start.html, check-question.html, check-outcome.html და check-summary.html ჩააკოპირეთ საქაღალდეში templates/
self-check-clash = თვითშემოწმების გვერდს { $url } იგივე მისამართი აქვს, რაც ფაილს { $file }
    .hint = თვითშემოწმებას სხვა `path:` მიეცით, ან გვერდი სხვაგან გადაიტანეთ

## The eligibility self-check (content/self-check.yaml). `self-check-what` names what a
## message is about (arguments `what`, `id`, `n`, `answer`), `self-check-noun` the text
## under `key`; messages refer to them with their own arguments.

self-check-what = { $what ->
        [question] კითხვა `{ $id }`
        [question-n] კითხვა №{ $n }
        [outcome] შედეგი `{ $id }`
        [outcome-n] შედეგი №{ $n }
        [answer] კითხვის `{ $id }` პასუხი №{ $answer }
        [answer-n] კითხვის №{ $n } პასუხი №{ $answer }
       *[self-check] თვითშემოწმება
    }
self-check-noun = { $key ->
        [title] სათაური
        [intro] შესავალი
        [other_help] ტექსტი დახმარების სხვა გზებზე
        [question] კითხვის ტექსტი
        [hint] მინიშნება
        [label] პასუხის ტექსტი
        [body] ძირითადი ტექსტი
       *[other] ტექსტი
    }
self-check-unknown-key = { self-check-what }: გასაღებს `{ $key }` თვითშემოწმება არ იყენებს
    .hint = შეამოწმეთ მართლწერა; აქ შესაძლო გასაღებებია: { $known }
self-check-no-text = { self-check-what }: { self-check-noun } არ არის მითითებული
    .hint = დაამატეთ `{ $key }:` და მის ქვეშ თითო ხაზი თითოეულ ენაზე: `ka: ...`, `en: ...`
self-check-text-language = { self-check-what }: { self-check-noun } ენის მითითების გარეშეა დაწერილი
    .hint = `{ $key }:`-ის ქვეშ დაწერეთ თითო ხაზი თითოეულ ენაზე: `ka: ...` და `en: ...`
untranslated-data = { $amount ->
        [one] ამ ფაილში 1 ტექსტი ჯერ არ არის ენაზე: { language-name } ({ $code }); მის ნაცვლად ნაჩვენებია ტექსტი ენაზე: { $default }
       *[many] ამ ფაილში { $count } ტექსტი ჯერ არ არის ენაზე: { language-name } ({ $code }) (პირველი ამ სტრიქონზეა); მათ ნაცვლად ნაჩვენებია ტექსტი ენაზე: { $default }
    }
    .hint = სათარგმნად დაამატეთ `{ $code }: ...` სხვა ენების ტექსტების გვერდით
self-check-text-missing = { self-check-what }: { self-check-noun } არ არის ენაზე: { language-name } ({ $code })
    .hint = `{ $key }:`-ის ქვეშ დაამატეთ `{ $code }: ...` ტექსტით
self-check-no-id = { self-check-what }: `id` არ არის მითითებული
    .hint = დაამატეთ `id: <word>`: მოკლე ნეიტრალური სიტყვა, რომელსაც პასუხები `next:`-ში იყენებენ
self-check-id = id `{ $id }` შეიძლება შეიცავდეს მხოლოდ ლათინურ ასოებს, ციფრებს, `-`-ს და `_`-ს
    .hint = გამოიყენეთ მოკლე სიტყვა, მაგალითად `returned` ან `time-limit`
self-check-not-mapping = თვითშემოწმება `გასაღები: მნიშვნელობა` ხაზებისგან უნდა შედგებოდეს (path, title, first, questions, outcomes)
    .hint = ნიმუშად იხილეთ campaign-თან ერთად მოწოდებული content/self-check.yaml
self-check-no-first = თვითშემოწმებაში არ არის მითითებული, რომელი კითხვაა პირველი
    .hint = დაამატეთ `first: <id>` პირველი კითხვის id-ით
self-check-no-path = თვითშემოწმებას `path` (მისამართი) არ აქვს
    .hint = დაამატეთ `path: check`, რომ ის მისამართზე /check/ გამოქვეყნდეს
self-check-path = მისამართი `{ $path }` შეიძლება შეიცავდეს მხოლოდ პატარა ლათინურ ასოებს, ციფრებს, `-`-ს და `/`-ს
    .hint = გამოიყენეთ ნეიტრალური სიტყვა, მაგალითად `check`
self-check-no-questions = თვითშემოწმებას კითხვები არ აქვს
    .hint = დაამატეთ `questions:` და მის ქვეშ `- id: ...` ჩანაწერების სია
self-check-no-outcomes = თვითშემოწმებას შედეგები არ აქვს
    .hint = დაამატეთ `outcomes:` და მის ქვეშ `- id: ...` ჩანაწერების სია, თითოეულში `kind`, `title` და `body`
self-check-too-many = თვითშემოწმებას { $key ->
        [questions] { $count } კითხვა
       *[outcomes] { $count } შედეგი
    } აქვს, დასაშვებ { $max }-ზე მეტი
    .hint = მკითხველი სულ რამდენიმე კითხვას პასუხობს: დაყავით ის რამდენიმე მოკლე თვითშემოწმებად, ან დასვით ნაკლები კითხვა
self-check-no-answers = { self-check-what }: პასუხები არ არის
    .hint = დაამატეთ `answers:` და მის ქვეშ სულ მცირე ერთი `- label: ...` და `next: ...`
self-check-too-many-answers = { self-check-what }: { $count } პასუხი, კითხვისთვის დასაშვებ { $max }-ზე მეტი
    .hint = შესთავაზეთ ნაკლები პასუხი, ან კითხვა ორად გაყავით
self-check-no-next = { self-check-what }: არ არის მითითებული, საით მიდის
    .hint = დაამატეთ `next: <id>` კითხვის ან შედეგის id-ით
self-check-no-kind = { self-check-what }: `kind` არ არის მითითებული
    .hint = დაამატეთ `kind:` ერთ-ერთი მნიშვნელობით: { $names }
self-check-kind = { self-check-what }: `kind: { $kind }` თვითშემოწმებისთვის უცნობია
    .hint = გამოიყენეთ ერთ-ერთი: { $names }
self-check-id-twice = id `{ $id }` ორჯერ არის გამოყენებული: ასევე ხაზზე { $other }
    .hint = ყოველ კითხვას და შედეგს საკუთარი id მიეცით
self-check-first-outcome = `first` შედეგს `{ $first }` ასახელებს, თვითშემოწმება კი კითხვით უნდა იწყებოდეს
    .hint = `first:`-ის შემდეგ კითხვის id დაწერეთ
self-check-first = `first`-ში მითითებული `{ $first }` კითხვის id არ არის
    .hint = გამოიყენეთ ერთ-ერთი: { $ids }
self-check-next = კითხვის `{ $id }` პასუხი №{ $answer } მიდის `{ $next }`-ზე, რომელიც არც კითხვაა და არც შედეგი
    .hint = გამოიყენეთ ერთ-ერთი: { $ids }
self-check-cycle = პასუხები წრეზე ბრუნავს: { $ring }
    .hint = ყოველი პასუხი შემდეგ კითხვაზე ან შედეგზე უნდა მიდიოდეს; შეცვალეთ ეს `next:`
self-check-unreachable-question = კითხვამდე `{ $id }` ვერავინ მივა: პირველი კითხვიდან მასზე არც ერთი პასუხი არ მიდის
    .hint = რომელიმე პასუხის `next:` მიუთითეთ `{ $id }`-ზე, ან წაშალეთ კითხვა
self-check-unreachable-outcome = შედეგამდე `{ $id }` ვერავინ მივა: პირველი კითხვიდან მასზე არც ერთი პასუხი არ მიდის
    .hint = რომელიმე პასუხის `next:` მიუთითეთ `{ $id }`-ზე, ან წაშალეთ შედეგი
self-check-too-deep = თვითშემოწმების ყველაზე გრძელ გზაზე { $depth } კითხვაა, დასაშვებ { $max }-ზე მეტი
    .hint = მეტი პასუხი შედეგით დაასრულეთ, ან ზედიზედ ნაკლები კითხვა დასვით
self-check-too-many-pages = პასუხებით თითოეულ ენაზე { $pages } გვერდი იქმნება, თვითშემოწმებისთვის დასაშვებ { $max }-ზე მეტი
    .hint = მეტი პასუხი შედეგით დაასრულეთ, ან ნაკლები კითხვა დასვით

## Images (`image-problem` says why one cannot be used; the messages that report it refer to
## it and add their own hint)

image-problem = { $problem ->
        [missing] სურათი `{ $path }` არ არსებობს
        [unreadable] ფაილი სურათად ვერ იკითხება
        [undecodable] სურათის გახსნა ვერ მოხერხდა (JPEG, PNG ან WebP ფაილია?)
        [damaged] სურათის ფაილი დაზიანებული ან არასრულია: მისი გახსნა ვერ მოხერხდა
        [damaged-picture] სურათის ფაილი დაზიანებული ან არასრულია: თავად სურათის გახსნა ვერ მოხერხდა
        [damaged-file] სურათის ფაილი დაზიანებული ან არასრულია
        [incomplete] სურათის ფაილი არასრულია: ის სურათის ბოლომდე არ აღწევს (ბოლომდე დაკოპირდა?)
        [not-raster] ფაილი JPEG, PNG ან WebP სურათი არ არის, თუმცა მისი სახელი ასე ამბობს
        [too-long] სურათის ზომაა { $width }×{ $height } პიქსელი: ვებსურათის გვერდი მაქსიმუმ 16383 პიქსელი შეიძლება იყოს
        [too-big] სურათის ზომაა { $width }×{ $height } პიქსელი ({ $mp } მეგაპიქსელი), დასაშვებ 20 მეგაპიქსელზე მეტი
        [crop-size] resize_image ითხოვს { $width }×{ $height } პიქსელს: სიგანე და სიმაღლე 1-დან 4096-მდე უნდა იყოს
        [resize] სურათის ზომის შეცვლა ვერ მოხერხდა
        [encode] სურათის ჩაწერა ვერ მოხერხდა
       *[internal] campaign-ის შიდა შეცდომა
    }
image-page = { image-problem }
    .hint = გამოიყენეთ JPEG, PNG ან WebP ფაილი, არაუმეტეს 20 მეგაპიქსელისა
image-broken = { image-problem }
    .hint = სურათი შეცვალეთ სრული JPEG, PNG ან WebP ფაილით
image-encode = { image-problem }
    .hint = სურათი შეცვალეთ JPEG, PNG ან WebP ფაილით
share-image = { image-problem }
    .hint = სურათი ჩადეთ static/images/ საქაღალდეში და დაწერეთ `image: /images/name.jpg`
share-image-address = გაზიარების სურათი `{ $image }` საიტის მისამართი უნდა იყოს, რომელიც `/`-ით იწყება
    .hint = სურათი ჩადეთ static/images/ საქაღალდეში და დაწერეთ `image: /images/name.jpg`
share-image-missing = გაზიარების სურათი `{ $image }` არ არსებობს
    .hint = სურათი ჩადეთ static/images/ საქაღალდეში და დაწერეთ `image: /images/name.jpg`
share-image-kind = გაზიარების სურათი `{ $image }` JPEG, PNG ან WebP სურათი არ არის
    .hint = სურათი ჩადეთ static/images/ საქაღალდეში და დაწერეთ `image: /images/name.jpg`

## Directives and videos

directive-hint = დირექტივა ცალკე აბზაცში დაწერეთ (წინ და შემდეგ ცარიელი ხაზით), მაგალითად {"{{<"} video youtube="..." title="..." >{"}}"}; თავად სიმბოლოების საჩვენებლად დაწერეთ \{"{{<"}
directive-pair = `{ $text }` ასე უნდა ეწეროს: key="value"
    .hint = { directive-hint }
directive-key = `{ $key }` ატრიბუტის სახელი არ არის: დაწერეთ key="value" წყვილები, ერთმანეთისგან ჰარით გამოყოფილი
    .hint = { directive-hint }
directive-quotes = `{ $key }`-ის მნიშვნელობა ბრჭყალებში უნდა იყოს: { $key }="..."
    .hint = { directive-hint }
directive-unclosed-quote = `{ $key }`-ის მნიშვნელობას დამხურავი ბრჭყალი არ აქვს
    .hint = { directive-hint }
directive-no-name = დირექტივას სახელი არ აქვს
    .hint = { directive-hint }
directive-unknown = `{ $name }` უცნობი დირექტივაა (ცნობილია მხოლოდ `video`)
    .hint = { directive-hint }
directive-not-alone = დირექტივა ცალკე აბზაცში არ დგას: მომდევნო ხაზზე მას ტექსტი მოსდევს
    .hint = { directive-hint }
directive-not-closed = დირექტივა დახურული არ არის: ის >{"}}"}-ით უნდა მთავრდებოდეს
    .hint = { directive-hint }
video-hint = დაწერეთ, მაგალითად: {"{{<"} video youtube="dQw4w9WgXcQ" title="..." duration="1:05" poster="/images/poster.jpg" >{"}}"}
video-option = ვიდეოს პარამეტრი `{ $option }` უცნობია
    .hint = გამოიყენეთ: { $known }
video-title = ვიდეოს `title` არ აქვს
    .hint = { video-hint }
video-duration = `{ $value }` ხანგრძლივობა არ არის
    .hint = დაწერეთ წუთები:წამები, მაგალითად duration="1:05"
video-poster = { image-problem }
    .hint = ვიდეოს გარეკანის სურათი (`poster`) ჩადეთ static/ საქაღალდეში (JPEG, PNG ან WebP)
video-youtube = `{ $id }` YouTube-ის ვიდეოს id არ არის
    .hint = გამოიყენეთ YouTube-ის მისამართში `v=`-ის შემდეგ მდგომი 11 სიმბოლო
video-vimeo = `{ $id }` Vimeo-ს ვიდეოს id არ არის
    .hint = გამოიყენეთ რიცხვი Vimeo-ს მისამართის ბოლოს
video-format = `{ $src }` MP4 ან WebM ფაილი არ არის
    .hint = საიტზე განთავსებული ვიდეოები static/ საქაღალდეში მდებარე .mp4 ან .webm ფაილებია
video-missing = ვიდეოფაილი `{ $src }` არ არსებობს
    .hint = ჩადეთ ის static/ საქაღალდეში და მისამართი იქიდან დაწერეთ, მაგალითად /videos/clip.mp4
video-no-source = ვიდეოში მითითებული არ არის არც `youtube`, არც `vimeo` და არც `src`
    .hint = { video-hint }
video-sources = ვიდეოს შეიძლება ჰქონდეს მხოლოდ ერთი მათგანი: `youtube`, `vimeo` ან `src`
    .hint = { video-hint }
video-captions = სუბტიტრების ფაილი `{ $file }` არ არსებობს
    .hint = დაამატეთ WebVTT სუბტიტრები ენაზე: { language-name }, ფაილად static{ $file }
video-captions-later = ვიდეოს ჯერ არ აქვს სუბტიტრები ენაზე: { language-name } ({ $code }) (`{ $file }`): მკითხველი სხვა ენების სუბტიტრებს ხედავს
    .hint = დაამატეთ WebVTT სუბტიტრები ენაზე: { language-name }, ფაილად static{ $file }
video-transcript-later = ვიდეოს ტექსტური ვერსია ჯერ არ არის ენაზე: { language-name } ({ $code }) (`{ $file }`): გვერდზე ნაჩვენებია `{ $stand_in }`
    .hint = დაწერეთ ტექსტური ვერსია ენაზე: { language-name }, ფაილად static{ $file }
video-transcript = ტექსტური ვერსია `{ $file }` არ არსებობს
    .hint = დაწერეთ ვიდეოს ტექსტური ვერსია Markdown-ში, ფაილად static{ $file }

## Old addresses (`aliases:`)

alias-address = ძველი მისამართი `{ $alias }` ამ საიტის მისამართი არ არის
    .hint = ძველი მისამართები საიტის გზებად დაწერეთ, მაგალითად `- /old/page/`
alias-page = ძველი მისამართი `{ $alias }` სხვა გვერდის მისამართია
    .hint = წაშალეთ ეს ძველი მისამართი, ან სხვა გვერდი გადაიტანეთ
alias-file = ძველი მისამართი `{ $alias }` ფაილის `/{ $file }` მისამართია
    .hint = წაშალეთ ეს ძველი მისამართი: ეს მისამართი საიტის ფაილს უკვე უკავია

## Templates (Tera) and interface strings (locales/*.ftl). `template-error` quotes a
## message of Tera's that campaign does not know, as Tera wrote it.

template-hint = გაასწორეთ შაბლონი ამ ადგილას (Tera-ს სინტაქსი: https://keats.github.io/tera/docs/)
template-error = შაბლონში შეცდომაა; Tera-ს აღწერა: `{ $detail }`
    .hint = { template-hint }
template-unknown = შაბლონში { $kind ->
        [filter] ფილტრი
        [function] ფუნქცია
        [test] ტესტი
        [component] კომპონენტი
       *[template] შაბლონი
    } `{ $name }` უცნობია
    .hint = { template-hint }
template-undefined = შაბლონში { $what ->
        [field] ველი
       *[variable] ცვლადი
    } `{ $name }` განსაზღვრული არ არის{ $more ->
        [yes] ; ხელმისაწვდომია: { $available }
       *[no] {""}
    }
    .hint = { template-hint }
template-no-value = შაბლონში ცვლადი `{ $name }` არსებობს, მაგრამ მნიშვნელობა არ აქვს
    .hint = { template-hint }
template-string-missing = ინტერფეისის ტექსტი `{ $key }` არც ერთ locales/*/*.ftl ფაილში არ არის
    .hint = { template-hint }
template-string-args = ინტერფეისის ტექსტი `{ $key }` ვერ შეივსო (მას ცვლადი აკლია)
    .hint = { template-hint }
template-date = `{ $value }` თარიღი არ არის (YYYY-MM-DD)
    .hint = { template-hint }
template-image = { image-problem }
    .hint = { template-hint }
template-missing = შაბლონი `{ $name }` არ არსებობს
    .hint = ჩადეთ ის საქაღალდეში templates/ (ან თემის templates/-ში), ან გაასწორეთ სახელი
template-parent = შაბლონი `{ $current }` აფართოებს შაბლონს `{ $parent }`, რომელიც არ არსებობს
    .hint = გაასწორეთ სახელი ჩანაწერში `{"{"}% extends "..." %{"}"}`
template-circle = შაბლონები წრეზე { $keyword ->
        [include] რთავენ
       *[extends] აფართოებენ
    } ერთმანეთს: { $ring }
    .hint = წაშალეთ ამ `{"{"}% { $keyword } %{"}"}` ხაზებიდან ერთი, რომ არც ერთი შაბლონი თავის თავთან არ ბრუნდებოდეს
case-filter = ფილტრი `{ $name }` აქ ქართულ ტექსტს ეხება; ტექსტი უცვლელი დარჩა
    .hint = ქართულ ტექსტში მთავრული არ გამოიყენება (მთავრული ყვირილივით იკითხება, ძველ ტელეფონებზე კი ოთხკუთხედებად ჩანს); წაშალეთ ფილტრი
fluent = ინტერფეისის ტექსტი ვერ იკითხება: { $kind ->
        [token] აქ `{ $detail }` უნდა ეწეროს
        [range] აქ ერთ-ერთი ამათგანი უნდა ეწეროს: `{ $detail }`
        [no-value] ჩანაწერს `{ $detail }` ტექსტი არ აქვს
        [value] აქ ტექსტი უნდა ეწეროს
        [no-default] ვარიანტებს შორის ნაგულისხმევი (`*[...]`) არ არის
        [defaults] ნაგულისხმევი ვარიანტი (`*[...]`) ერთზე მეტია
        [quote] ბრჭყალებში ჩასმულ ტექსტს დამხურავი ბრჭყალი არ აქვს
        [brace] დამხურავ `{"}"}`-ს გამხსნელი `{"{"}` არ აქვს
        [argument-twice] არგუმენტი `{ $detail }` ორჯერ წერია
        [escape] უცნობი სპეციალური ჩანაწერი `{ $detail }`
       *[other] ჩანაწერის ფორმა ამ ადგილას არასწორია
    }
    .hint = თითოეული ჩანაწერი ასეთია: `გასაღები = ტექსტი`; გაგრძელების ხაზები დაშორებით იწყება; ვარიანტები ასე იწერება: `{"{"} $n -> [one] ... *[other] ... {"}"}`

## The `serve` console

serve-serving = საიტი { $root } ხელმისაწვდომია მისამართზე { $url }
serve-network = ქსელის სხვა კომპიუტერებსაც შეუძლიათ მისი გახსნა (--bind { $ip }).
serve-no-network = ამ კომპიუტერს ჯერ ქსელის მისამართი არ აქვს: ტელეფონზე სანახავად ქსელს დაუკავშირდით.
serve-phone = იმავე ქსელში ჩართულ ტელეფონზე ან სხვა კომპიუტერზე გახსენით { $url }
serve-qr = ან ეს კოდი ტელეფონის კამერით დაასკანერეთ ({ $url }):
serve-reload = ფაილის შენახვისას გვერდები თავისით განახლდება. გასაჩერებლად დააჭირეთ Ctrl-C-ს.
serve-translations = თარგმანები, გვერდების მიხედვით: { $url }
serve-stopping = სერვერი ჩერდება.
serve-not-found = გვერდი ვერ მოიძებნა
serve-not-found-text = ამ მისამართზე გვერდი არ არის.
serve-no-browser = ბრაუზერის გახსნა ვერ მოხერხდა; თავად გახსენით { $url }
serve-port-taken = პორტი { $port } დაკავებულია; ვცდით პორტს { $next }
serve-previewing = მთელი საიტი ჯერ კიდევ იწყობა; მანამდე თითოეული გვერდი მზადდება მაშინ, როცა მას გახსნით.
serve-built = აიწყო გვერდები: { $pages }; დრო: { $ms } მწმ.
serve-first-failed = საიტის აწყობა ვერ მოხერხდა (შეცდომები: { $errors }); ბრაუზერი აჩვენებს, რა უნდა გასწორდეს, საიტი კი გამოჩნდება, როგორც კი აიწყობა.
serve-changed = { $changes ->
        [one] (შეიცვალა: { $file })
        [many] (შეიცვალა: { $file } და კიდევ { $more } ფაილი)
       *[none] {""}
    }
serve-rebuilt = საიტი ხელახლა აიწყო{ $changes ->
        [none] {""}
       *[other] {" "}{ serve-changed }
    }; დრო: { $ms } მწმ.
serve-rebuild-failed = საიტის ხელახლა აწყობა ვერ მოხერხდა{ $changes ->
        [none] {""}
       *[other] {" "}{ serve-changed }
    }; ბრაუზერი შეცდომებს აჩვენებს{ $good ->
        [yes] {" "}ბოლო მომუშავე ვერსიის თავზე
       *[no] {""}
    }.
serve-start = სერვერის გაშვება ვერ მოხერხდა: { io-reason }
serve-root = საიტის საქაღალდის { $folder } გახსნა ვერ მოხერხდა: { io-reason }
serve-bind = `{ $bind }` მისამართი არ არის, რომელზეც სერვერი იმუშავებს
    .hint = გამოიყენეთ 127.0.0.1 (მხოლოდ ეს კომპიუტერი) ან 0.0.0.0 (ყველა ქსელი)
serve-listen = სერვერის გაშვება მისამართზე { $ip }, პორტზე { $port } ვერ მოხერხდა: { io-reason }
serve-ports = პორტები { $first }-დან { $last }-მდე ყველა დაკავებულია
    .hint = აირჩიეთ სხვა პორტი --port-ით, მაგალითად --port 8080
serve-crashed = პირველი აწყობა campaign-ის შეცდომის გამო შეწყდა
watch-failed = საიტის { $what ->
        [folders] საქაღალდეებისთვის
       *[files] ფაილებისთვის
    } თვალყურის დევნება ვერ მოხერხდა: { io-reason }
watch-polling = სისტემამ იმ საქაღალდეების ზღვარს მიაღწია, რომლებსაც ერთდროულად ადევნებს თვალყურს, ამიტომ ფაილები ყოველ { $ms } მწმ-ში შემოწმდება
    .hint = გაზარდეთ ზღვარი, მაგალითად `sudo sysctl fs.inotify.max_user_watches=524288`
watch-trouble = ფაილებისთვის თვალყურის დევნებისას პრობლემა შეიქმნა: { io-reason }
watch-limit = ფაილებისთვის თვალყურის დევნებისას პრობლემა შეიქმნა: { io-reason }
    .hint = ახალი საქაღალდეები შეიძლება გამოგრჩეთ; გაუშვით ხელახლა `--poll 500`-ით ან გაზარდეთ fs.inotify.max_user_watches
watch-folder = საქაღალდისთვის { $folder }/ თვალყურის დევნება ვერ მოხერხდა: { io-reason }

## `campaign init` and `campaign new`

init-wrote = ჩაიწერა { $file }
init-ready = ახალი საიტი მზადაა. ააწყვეთ ის ბრძანებით: campaign build --root { $folder }
init-read = საქაღალდის { $folder } წაკითხვა ვერ მოხერხდა: { io-reason }
init-not-empty = საქაღალდეში { $folder } უკვე არის ფაილები; `campaign init` მხოლოდ ცარიელ ან ახალ საქაღალდეში წერს
create-folder = საქაღალდის { $folder } შექმნა ვერ მოხერხდა: { io-reason }
write-file = { $file } ვერ ჩაიწერა: { io-reason }
new-empty-title = სათაური ცარიელია; დაწერეთ ის ბრჭყალებში: campaign new news "სათაური"
new-no-address = სათაურიდან `{ $title }` მისამართი ვერ იქმნება; გამოიყენეთ მასში ასოები ან ციფრები
new-section = `{ $section }` განყოფილების სახელი არ არის; გამოიყენეთ content/-ის ქვესაქაღალდე, მაგალითად news
new-exists = { $file } უკვე არსებობს; არაფერი ჩაწერილა (აირჩიეთ სხვა სათაური)

## Outdated translations (`translations.yaml`, `campaign translated`, `check --translations`)

# The name of the language `source_code` in Georgian (as `language-name`).
source-language-name = { $source_code ->
        [ka] ქართული
        [en] ინგლისური
        [ru] რუსული
        [uk] უკრაინული
        [hy] სომხური
        [az] აზერბაიჯანული
        [de] გერმანული
        [fr] ფრანგული
        [ar] არაბული
        [fa] სპარსული
        [tr] თურქული
       *[other] { $source_language }
    }
outdated-translation = { language-name } თარგმანი შეიძლება მოძველებულია: { source-language-name } გვერდი შეიცვალა მას შემდეგ, რაც ის ითარგმნა
    .hint = ნახეთ, რა შეიცვალა ფაილში { $source }, განაახლეთ ეს გვერდი, შემდეგ გაუშვით `campaign translated { $file }`
translations-record = campaign ამ ფაილს ვერ კითხულობს, ამიტომ ვერ გაარკვევს, რომელი თარგმანია მოძველებული
    .hint = ყოველი სტრიქონი ასეთია: `"content/page.en.md": "ანაბეჭდი"`; თავიდან დასაწყებად წაშალეთ ფაილი (მაშინ ყველა თარგმანი განახლებულად ჩაითვლება)
translations-write = { $file } ვერ ჩაიწერა: { io-reason }
    .hint = შეამოწმეთ, რომ საიტის საქაღალდეში ჩაწერა შესაძლებელია
not-a-translation = { $file } საიტის პირველ ენაზე დაწერილი გვერდის თარგმანი არ არის
    .hint = { $kind ->
        [source] ამ გვერდიდან კეთდება თარგმანები; დაასახელეთ თარგმანი: { $translations }
       *[none] დაასახელეთ ნათარგმნი გვერდი, მაგალითად `campaign translated content/about.en.md`, ან გამოიყენეთ --all
    }
translated-marked = განახლებულია: { $file } (ფაილის { $source } ახლანდელი ტექსტის მიხედვით)
report-translations = თარგმანები (✓ ნათარგმნია, — არ არის, ! შეიძლება მოძველებულია):
report-translations-count = { $code }: ნათარგმნია { $done }, არ არის { $missing }, შეიძლება მოძველებულია { $old }
preview-translations-title = თარგმანები
preview-translations-link = ყველა თარგმანი
init-language = `{ $code }` ენის კოდი არ არის
    .hint = მიუთითეთ ორ- ან სამასოიანი კოდები მძიმით, საიტის პირველი ენა პირველად: --languages ka,en,ar
init-language-twice = `{ $code }` --languages-ში ორჯერ წერია
    .hint = თითო ენა ერთხელ მიუთითეთ: --languages ka,en,ar
config-language-untranslated = `untranslated: { $value }` ენისთვის `{ $code }` არც `absent`-ია და არც `fallback`
    .hint = დაწერეთ `untranslated: fallback`, რომ ჯერ უთარგმნელი გვერდები ნაგულისხმევ ენაზე გამოჩნდეს, ან საერთოდ ამოშალეთ
link-other-language-many = გვერდებზე ენაზე: { source-language-name } ({ $source_code }) ამ ფაილის { $count } ბმული მიდის გვერდებზე, რომლებიც ჯერჯერობით მხოლოდ ამ ენაზე არსებობს: { language-name } (პირველი აქ არის): `{ $dests }`
    .hint = თარგმნეთ ეს გვერდები ამ გვერდის ენაზე; მანამდე ბმულები არსებულ ვერსიებზე მიდის
