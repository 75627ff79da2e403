#!/usr/bin/env python3
"""Write a deterministic benchmark corpus: N logical pages in Georgian and English.

    gen_corpus.py --pages N --seed S --out DIR [--hugo DIR]

DIR becomes a campaign site (site.yaml, content/<section>/<name>.{ka,en}.md, 2N pages plus
section and home pages). With --hugo, the same text is also written as a Hugo site
(filename-based translations, config.toml, minimal layouts doing the same work as
campaign's default theme; see bench/README.md).

Text is drawn from the word lists in bench/vocab/ (real Georgian and English words taken
from the seed documents; rebuild them with --make-vocab SEED_DIR). Standard library only.
"""

import argparse
import os
import random
import re
import shutil
import sys
from datetime import date, timedelta
from itertools import accumulate

HERE = os.path.dirname(os.path.abspath(__file__))
VOCAB_DIR = os.path.join(HERE, "vocab")

# (folder, ka title, en title, share of the pages)
SECTIONS = [
    ("news", "სიახლეები", "News", 0.4),
    ("services", "მომსახურება", "Services", 0.2),
    ("organisations", "ორგანიზაციები", "Organisations", 0.2),
    ("courses", "კურსები", "Courses", 0.2),
]
SITE_TITLE = {"ka": "საინფორმაციო კამპანია", "en": "Information campaign"}
SITE_DESCRIPTION = {
    "ka": "დახმარება დაბრუნებული მიგრანტებისთვის",
    "en": "Help for returned migrants",
}
BASE_URL = "https://example.ge/"
LANGS = ("ka", "en")
WORDS_PER_PAGE = 1000

# Interface strings for the Hugo side: the same texts campaign's built-in theme uses.
I18N = {
    "ka": {
        "skipToContent": "გადასვლა ძირითად შინაარსზე",
        "languageSwitcher": "ენა",
        "mainMenu": "მთავარი მენიუ",
        "notTranslatedYet": "(ჯერ არ არის თარგმნილი)",
        "navHome": "მთავარი",
        "footerResponsible": "საქართველოს ოკუპირებული ტერიტორიებიდან დევნილთა, შრომის, ჯანმრთელობისა და სოციალური დაცვის სამინისტრო",
        "footerAgency": "სსიპ დევნილთა, ეკომიგრანტთა და საარსებო წყაროებით უზრუნველყოფის სააგენტო",
        "footerAbout": "პროგრამების შესახებ",
        "homeCheckButton": "შეამოწმეთ, შეგიძლიათ თუ არა დახმარების მიღება",
        "notFoundTitle": "გვერდი ვერ მოიძებნა",
        "pagination": "გვერდები",
        "pageNewer": "ახალი",
        "pageOlder": "ძველი",
    },
    "en": {
        "skipToContent": "Skip to content",
        "languageSwitcher": "Language",
        "mainMenu": "Main menu",
        "notTranslatedYet": "(not translated yet)",
        "navHome": "Home",
        "footerResponsible": "Ministry of Internally Displaced Persons from the Occupied Territories, Labour, Health and Social Affairs of Georgia",
        "footerAgency": "LEPL IDPs, Eco-Migrants and Livelihood Provision Agency",
        "footerAbout": "About the programmes",
        "homeCheckButton": "Check if you can get help",
        "notFoundTitle": "Page not found",
        "pagination": "Pages",
        "pageNewer": "Newer",
        "pageOlder": "Older",
    },
}


# ---------------------------------------------------------------------------------------
# Vocabulary


def make_vocab(seed_dir):
    """Write bench/vocab/{ka,en}.txt from the seed documents, most frequent word first."""
    files = sorted(os.listdir(seed_dir))
    ka_files = [f for f in files if f.startswith(("001_", "002_"))]
    en_files = [f for f in files if f.startswith(("000_", "003_", "004_"))]

    def count(names, pattern, norm):
        freq = {}
        for n in names:
            with open(os.path.join(seed_dir, n), encoding="utf-8", errors="replace") as f:
                for w in re.findall(pattern, f.read()):
                    w = norm(w)
                    if w:
                        freq[w] = freq.get(w, 0) + 1
        return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))

    ka = count(ka_files, r"[\u10D0-\u10FA]+", lambda w: w if len(w) >= 2 or w == "და" else None)

    def en_norm(w):
        if w in ("bookmark", "GoBack"):
            return None
        if len(w) > 1 and w.isupper():
            return w  # acronyms: IOM, EU
        w = w.lower()
        return w if len(w) >= 2 or w == "a" else None

    en = count(en_files, r"[A-Za-z]+", en_norm)
    os.makedirs(VOCAB_DIR, exist_ok=True)
    for lang, words in (("ka", ka), ("en", en)):
        with open(os.path.join(VOCAB_DIR, lang + ".txt"), "w", encoding="utf-8") as f:
            f.write("".join(f"{w}\t{c}\n" for w, c in words))
        print(f"{lang}: {len(words)} words", file=sys.stderr)


class Words:
    """Draws words with the seed documents' frequencies (flattened a little)."""

    def __init__(self, lang, rng):
        self.rng = rng
        self.words = []
        weights = []
        with open(os.path.join(VOCAB_DIR, lang + ".txt"), encoding="utf-8") as f:
            for line in f:
                w, c = line.rstrip("\n").split("\t")
                self.words.append(w)
                weights.append(int(c) ** 0.7)
        self.cum = list(accumulate(weights))
        self.capitalise = lang == "en"

    def take(self, k):
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def phrase(self, lo, hi):
        ws = self.take(self.rng.randint(lo, hi))
        if self.capitalise:
            ws[0] = ws[0][:1].upper() + ws[0][1:]
        return " ".join(ws)

    def sentence(self):
        ws = self.take(self.rng.randint(6, 16))
        if self.capitalise:
            ws[0] = ws[0][:1].upper() + ws[0][1:]
        r = self.rng.random()
        if r < 0.08:
            i = self.rng.randrange(len(ws))
            ws[i] = f"**{ws[i]}**"
        elif r < 0.12:
            i = self.rng.randrange(len(ws))
            ws[i] = f"*{ws[i]}*"
        if len(ws) > 8 and self.rng.random() < 0.3:
            ws[len(ws) // 2] += ","
        return " ".join(ws) + "."


# ---------------------------------------------------------------------------------------
# Pages


class Page:
    __slots__ = ("section", "name", "date", "weight", "link_targets")


def plan(n, rng):
    """Assign N pages to sections, names, dates and link targets (shared by both languages)."""
    pages = []
    cum = list(accumulate(s[3] for s in SECTIONS))
    start = date(2015, 1, 1)
    for i in range(n):
        x = (i + 0.5) / n
        sec = next(s for s, c in zip(SECTIONS, cum) if x <= c + 1e-9)[0]
        p = Page()
        p.section = sec
        p.name = f"{sec[:-1] if sec.endswith('s') else sec}-{i:05d}"
        p.date = start + timedelta(days=rng.randrange(11 * 365))
        p.weight = rng.randint(1, 100)
        pages.append(p)
    for p in pages:
        k = rng.randint(3, 5)
        targets = []
        for _ in range(k):
            if rng.random() < 0.1:
                targets.append(f"/{rng.choice(SECTIONS)[0]}/")
            else:
                t = pages[rng.randrange(n)]
                targets.append(f"/{t.section}/{t.name}/")
        p.link_targets = targets
    return pages


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(words, rng, links):
    """About WORDS_PER_PAGE words of Markdown; `links` are site paths to weave in."""
    out = []
    count = 0
    links = list(links)

    def paragraph(lo, hi):
        nonlocal count
        target = rng.randint(lo, hi)
        sents = []
        n = 0
        while n < target:
            s = words.sentence()
            n += s.count(" ") + 1
            sents.append(s)
        if links:
            # Turn a few words of one sentence into a link.
            i = rng.randrange(len(sents))
            ws = sents[i].rstrip(".").split(" ")
            a = rng.randrange(max(1, len(ws) - 3))
            b = min(len(ws), a + rng.randint(2, 4))
            text = " ".join(w.strip("*,") for w in ws[a:b])
            ws[a:b] = [f"[{text}]({links.pop()})"]
            sents[i] = " ".join(ws) + "."
        count += n
        out.append(" ".join(sents))

    paragraph(60, 100)
    sec = 0
    while count + 120 < WORDS_PER_PAGE:
        sec += 1
        out.append("## " + words.phrase(2, 5))
        paragraph(50, 110)
        if sec == 2:
            header = [words.phrase(1, 2), words.phrase(1, 2), words.phrase(1, 1)]
            rows = ["| " + " | ".join(header) + " |", "|---|---|---:|"]
            for _ in range(rng.randint(4, 6)):
                rows.append(f"| {words.phrase(1, 3)} | {words.phrase(2, 4)} | {rng.randint(1, 5000)} |")
                count += 6
            out.append("\n".join(rows))
        if rng.random() < 0.6:
            out.append("### " + words.phrase(2, 4))
            paragraph(40, 90)
        items = []
        ordered = rng.random() < 0.3
        for j in range(rng.randint(3, 6)):
            item = words.phrase(4, 10)
            count += item.count(" ") + 1
            items.append(f"{j + 1}. {item}" if ordered else f"- {item}")
        out.append("\n".join(items))
        paragraph(40, 90)
    # Links not placed yet (short pages) go into a last paragraph.
    if links:
        out.append(" ".join(f"[{words.phrase(2, 3)}]({l})." for l in links))
    return "\n\n".join(out) + "\n"


def front_matter(words, rng, p, lang):
    tags = ", ".join(yaml_str(t) for t in sorted(set(words.take(rng.randint(2, 4)))))
    return (
        "---\n"
        f"title: {yaml_str(words.phrase(3, 7))}\n"
        f"description: {yaml_str(words.phrase(10, 20) + '.')}\n"
        f"date: {p.date.isoformat()}\n"
        f"weight: {p.weight}\n"
        f"tags: [{tags}]\n"
        "---\n\n"
    )


def hugo_links(text, lang):
    """Rewrite `](/x/)` site paths to Hugo's language paths (en under /en/)."""
    if lang == "ka":
        return text
    return text.replace("](/", "](/en/")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------
# Site files


def campaign_site_yaml():
    menu = "".join(f"  - /{s[0]}/\n" for s in SECTIONS)
    return (
        "# Benchmark corpus written by bench/gen_corpus.py\n"
        f"title:\n  ka: {SITE_TITLE['ka']}\n  en: {SITE_TITLE['en']}\n"
        f"description:\n  ka: {SITE_DESCRIPTION['ka']}\n  en: {SITE_DESCRIPTION['en']}\n"
        f"base_url: {BASE_URL}\n"
        "languages: [ka, en]\n"
        f"menu:\n{menu}"
    )


def hugo_config():
    menu = ", ".join(f'"/{s[0]}/"' for s in SECTIONS)
    return f"""# Benchmark corpus written by bench/gen_corpus.py
baseURL = "{BASE_URL}"
defaultContentLanguage = "ka"
defaultContentLanguageInSubdir = false
# campaign renders no taxonomy pages and no feeds; neither does this site.
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true
# Section lists on pages of 50, as campaign's default (`/news/page/2/`).
paginate = 50

[params]
menu = [{menu}]

[languages.ka]
languageName = "ქართული"
weight = 1
title = "{SITE_TITLE['ka']}"
[languages.ka.params]
description = "{SITE_DESCRIPTION['ka']}"
locale = "ka_GE"

[languages.en]
languageName = "English"
weight = 2
title = "{SITE_TITLE['en']}"
[languages.en.params]
description = "{SITE_DESCRIPTION['en']}"
locale = "en_US"
"""


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} — {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ if eq .Language.Lang site.Sites.First.Language.Lang }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}{{ end }}<link rel="stylesheet" href="{{ "style.css" | absURL }}">
<meta property="og:type" content="{{ if and .IsPage (not .Date.IsZero) }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="{{ site.Params.locale }}">
{{ range .Translations }}<meta property="og:locale:alternate" content="{{ .Site.Params.locale }}">
{{ end }}<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
</head>
<body>
<a class="skip-link" href="#main">{{ i18n "skipToContent" }}</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
    <nav class="lang-switch" aria-label="{{ i18n "languageSwitcher" }}">
      <ul>
        <li><span aria-current="true" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</span></li>
      {{ $page := . }}{{ range site.Languages }}{{ if ne .Lang $page.Language.Lang }}{{ $lang := .Lang }}{{ $tr := where $page.Translations "Language.Lang" $lang }}
        {{ if $tr }}{{ range first 1 $tr }}<li><a href="{{ .RelPermalink }}" lang="{{ $lang }}" hreflang="{{ $lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}
        {{ else }}<li><a href="{{ print "/" $lang "/" }}" lang="{{ $lang }}" hreflang="{{ $lang }}">{{ .LanguageName }}</a> <small class="not-translated" lang="{{ $lang }}">{{ i18n "notTranslatedYet" }}</small></li>{{ end }}
      {{ end }}{{ end }}
      </ul>
    </nav>
  </div>
  <nav class="site-nav" aria-label="{{ i18n "mainMenu" }}">
    <ul class="wrap">
      <li><a href="{{ site.Home.RelPermalink }}"{{ if .IsHome }} aria-current="page"{{ end }}>{{ i18n "navHome" }}</a></li>
      {{ $cur := .RelPermalink }}{{ range site.Params.menu }}{{ with site.GetPage . }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $cur }} aria-current="page"{{ else if hasPrefix $cur .RelPermalink }} class="active"{{ end }}>{{ .Title }}</a></li>
      {{ end }}{{ end }}
    </ul>
  </nav>
</header>
<main id="main" class="wrap" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>{{ i18n "footerResponsible" }}</p>
    <p>{{ i18n "footerAgency" }}</p>
    <p><a href="{{ site.Home.RelPermalink }}about/">{{ i18n "footerAbout" }}</a></p>
  </div>
</footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
  {{ with .Parent }}{{ if not .IsHome }}<p class="breadcrumb"><a href="{{ .RelPermalink }}">← {{ .Title }}</a></p>{{ end }}{{ end }}
  <div class="content">
  {{ .Content }}
  </div>
</article>
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  <div class="content">
  {{ .Content }}
  </div>
{{ with .Sections }}<ul class="cards">
{{ range . }}<li class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul>{{ end }}
{{ $pager := .Paginate .RegularPages }}
{{ with $pager.Pages }}<ul class="cards">
{{ range . }}<li class="card">
  <h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
  {{ with .Description }}<p>{{ . }}</p>{{ end }}
</li>
{{ end }}</ul>{{ end }}
{{ if gt $pager.TotalPages 1 }}<nav class="pagination" aria-label="{{ i18n "pagination" }}">
  {{ with $pager.Prev }}<a href="{{ .URL }}" rel="prev">← {{ i18n "pageNewer" }}</a>{{ end }}
  <span>{{ $pager.PageNumber }} / {{ $pager.TotalPages }}</span>
  {{ with $pager.Next }}<a href="{{ .URL }}" rel="next">{{ i18n "pageOlder" }} →</a>{{ end }}
</nav>{{ end }}
</article>
{{ end }}
"""

HUGO_HOME = """{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "main" }}
<article class="home">
  <h1>{{ .Title }}</h1>
  <p class="lead">{{ site.Params.description }}</p>
  <p><a class="button" href="{{ site.Home.RelPermalink }}check/">{{ i18n "homeCheckButton" }}</a></p>
  <div class="content">
  {{ .Content }}
  </div>
</article>
{{ end }}
"""

HUGO_404 = """{{ define "title" }}{{ i18n "notFoundTitle" }}{{ end }}
{{ define "main" }}
<article>
  <h1>{{ i18n "notFoundTitle" }}</h1>
</article>
{{ end }}
"""

HUGO_CSS = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto}\n"


def write_hugo_skeleton(d):
    write(os.path.join(d, "config.toml"), hugo_config())
    write(os.path.join(d, "layouts/_default/baseof.html"), HUGO_BASEOF)
    write(os.path.join(d, "layouts/_default/single.html"), HUGO_SINGLE)
    write(os.path.join(d, "layouts/_default/list.html"), HUGO_LIST)
    write(os.path.join(d, "layouts/index.html"), HUGO_HOME)
    write(os.path.join(d, "layouts/404.html"), HUGO_404)
    write(os.path.join(d, "static/style.css"), HUGO_CSS)
    for lang, strings in I18N.items():
        write(
            os.path.join(d, f"i18n/{lang}.toml"),
            "".join(f'[{k}]\nother = "{v}"\n' for k, v in strings.items()),
        )


# ---------------------------------------------------------------------------------------


def generate(n, seed, out, hugo):
    rng = random.Random(seed)
    pages = plan(n, rng)
    words = {lang: Words(lang, random.Random(f"{seed}-{lang}")) for lang in LANGS}
    for d in filter(None, (out, hugo)):
        if os.path.exists(d):
            shutil.rmtree(d)
    write(os.path.join(out, "site.yaml"), campaign_site_yaml())
    if hugo:
        write_hugo_skeleton(hugo)

    def emit(rel, lang, text):
        write(os.path.join(out, "content", rel), text)
        if hugo:
            write(os.path.join(hugo, "content", rel), hugo_links(text, lang))

    # Home and section pages.
    for lang in LANGS:
        w = words[lang]
        links = "\n".join(
            f"- [{ka if lang == 'ka' else en}](/{s}/)" for s, ka, en, _ in SECTIONS
        )
        emit(
            f"_index.{lang}.md",
            lang,
            f"---\ntitle: {yaml_str(SITE_TITLE[lang])}\ndescription: {yaml_str(SITE_DESCRIPTION[lang])}\n---\n\n"
            f"{w.sentence()} {w.sentence()}\n\n{links}\n",
        )
        for s, ka, en, _ in SECTIONS:
            emit(
                f"{s}/_index.{lang}.md",
                lang,
                f"---\ntitle: {yaml_str(ka if lang == 'ka' else en)}\n"
                f"description: {yaml_str(w.phrase(8, 14) + '.')}\n---\n\n"
                f"{w.sentence()} {w.sentence()} {w.sentence()}\n",
            )
    total_words = 0
    for p in pages:
        for lang in LANGS:
            w = words[lang]
            links = list(p.link_targets)
            rng.shuffle(links)
            text = front_matter(w, rng, p, lang) + body(w, rng, links)
            total_words += len(text.split())
            emit(f"{p.section}/{p.name}.{lang}.md", lang, text)
    return total_words


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, help="logical pages N (2N Markdown files)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="campaign site folder (replaced)")
    ap.add_argument("--hugo", help="also write the corpus as a Hugo site here (replaced)")
    ap.add_argument("--make-vocab", metavar="SEED_DIR", help="rebuild bench/vocab/ from seed texts and exit")
    a = ap.parse_args()
    if a.make_vocab:
        make_vocab(a.make_vocab)
        return
    if not a.pages or not a.out:
        ap.error("--pages and --out are required")
    words = generate(a.pages, a.seed, a.out, a.hugo)
    print(f"wrote {a.pages} pages x 2 languages ({words} words incl. front matter) to {a.out}"
          + (f" and {a.hugo}" if a.hugo else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
