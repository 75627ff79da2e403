// The search page's script: reads the query from the address (?q=) or the form, makes terms
// as the index made them (rules.js: Georgian letters folded and stemmed; Latin letters read
// as English and as Georgian typed in Latin, by the national romanisation and by the
// keyboard layout), loads only the index shards of those terms, and shows the best pages,
// those in the page's language first. Index files are scripts, so this works from file://.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var data = form.getAttribute("data-data");
  var root = form.getAttribute("data-root");
  var lang = form.getAttribute("data-lang");
  var portable = form.hasAttribute("data-portable");
  var langs = form.getAttribute("data-langs").split(" ");
  langs.sort(function (a, b) { return (b === lang) - (a === lang); });
  var STEP = 5;
  var more = document.getElementById("search-more");
  var loaded = {};
  var waiting = {};
  var store = { r: null, m: {}, t: {}, p: {} };

  function key() { return Array.prototype.join.call(arguments, "/"); }
  function settle(k, value) {
    loaded[k] = value;
    (waiting[k] || []).forEach(function (w) { w.resolve(value); });
    delete waiting[k];
  }
  window.campaignSearch = {
    r: function (rules) { settle("rules.js", rules); },
    m: function (l, meta) { settle(key(l, "meta.js"), meta); },
    t: function (l, n, terms) { settle(key(l, "t", n + ".js"), terms); },
    p: function (l, n, rows) { settle(key(l, "p", n + ".js"), rows); }
  };
  // Load one index file (a script that calls campaignSearch), once.
  function load(path) {
    if (path in loaded) { return Promise.resolve(loaded[path]); }
    return new Promise(function (resolve) {
      var first = !waiting[path];
      (waiting[path] = waiting[path] || []).push({ resolve: resolve });
      if (!first) { return; }
      var s = document.createElement("script");
      s.src = data + path;
      s.onerror = function () { settle(path, null); };
      document.head.appendChild(s);
    });
  }

  function isGeorgian(c) {
    var n = c.charCodeAt(0);
    return (n >= 0x10A0 && n <= 0x10FF) || (n >= 0x1C90 && n <= 0x1CBF) || (n >= 0x2D00 && n <= 0x2D2F);
  }
  function stem(rules, w) {
    var chars = Array.from(w);
    for (var round = 0; round < rules.rounds; round++) {
      var hit = null;
      for (var i = 0; i < rules.suffixes.length; i++) {
        var s = rules.suffixes[i][0];
        var n = Array.from(s).length;
        if (w.slice(-s.length) === s && chars.length - n >= rules.min) { hit = rules.suffixes[i]; break; }
      }
      if (!hit || hit[0] === hit[1]) { break; }
      w = w.slice(0, w.length - hit[0].length) + hit[1];
      chars = Array.from(w);
    }
    return w;
  }
  function georgianTerm(R, w) {
    var folded = Array.from(w).map(function (c) { return R.fold[c] || c; }).join("");
    return stem(R.georgian, folded);
  }
  // The words of a text: runs of letters and digits, cut where Georgian meets other letters.
  function words(text) {
    var out = [];
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var m;
    while ((m = re.exec(text))) {
      var run = m[0];
      var cur = "";
      var g = false;
      Array.from(run).forEach(function (c) {
        var cg = isGeorgian(c);
        if (cur && cg !== g) { out.push(cur); cur = ""; }
        g = cg;
        cur += c;
      });
      if (cur) { out.push(cur); }
    }
    return out;
  }
  function indexed(R, w) {
    var n = Array.from(w).length;
    return n >= R.minChars && n <= R.maxChars;
  }
  // The term of a word as the index of `l` has it.
  function termOf(R, l, w) {
    if (!indexed(R, w)) { return null; }
    if (isGeorgian(w[0])) { return georgianTerm(R, w); }
    var lower = w.toLowerCase();
    return R.latin[l] ? stem(R.latin[l], lower) : lower;
  }
  // Georgian typed in Latin letters: by the national romanisation, then by the keyboard.
  function fromLatin(R, w) {
    var out = [];
    var plain = w.replace(/['’`]/g, "");
    var lower = plain.toLowerCase();
    var national = "";
    var ok = true;
    for (var i = 0; i < lower.length && ok;) {
      var hit = null;
      for (var j = 0; j < R.national.length; j++) {
        if (lower.substr(i, R.national[j][0].length) === R.national[j][0]) { hit = R.national[j]; break; }
      }
      if (hit) { national += hit[1]; i += hit[0].length; } else { ok = false; }
    }
    if (ok && national) { out.push(national); }
    var typed = Array.from(plain).map(function (c) {
      return R.keyboard[c] || R.keyboard[c.toLowerCase()] || "";
    });
    if (typed.every(function (c) { return c; })) { out.push(typed.join("")); }
    return out;
  }
  // For each query word, the (language, term) pairs to look up.
  function lookups(R, query) {
    return words(query).map(function (w) {
      var pairs = [];
      langs.forEach(function (l) {
        var t = termOf(R, l, w);
        if (t) { pairs.push([l, t]); }
        if (!isGeorgian(w[0])) {
          fromLatin(R, w).forEach(function (g) {
            if (indexed(R, g)) { pairs.push([l, georgianTerm(R, g)]); }
          });
        }
      });
      return pairs;
    }).filter(function (pairs) { return pairs.length; });
  }
  function hash(term) {
    var bytes = new TextEncoder().encode(term);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h;
  }
  function postings(l, term) {
    return load(key(l, "meta.js")).then(function (meta) {
      if (!meta) { return []; }
      var n = hash(term) & (meta.shards - 1);
      return load(key(l, "t", n + ".js")).then(function (terms) {
        return (terms && Object.prototype.hasOwnProperty.call(terms, term)) ? terms[term] : [];
      });
    });
  }
  // Pages ranked: more query words found first, then words in the title, then how often.
  function rank(perWord) {
    var pages = {};
    perWord.forEach(function (hits, word) {
      hits.forEach(function (h) {
        var id = h.lang + " " + h.page;
        var p = pages[id] || (pages[id] = { lang: h.lang, page: h.page, words: {}, title: 0, count: 0 });
        var title = h.weight >= 0x8000 ? 1 : 0;
        var count = h.weight & 0x7fff;
        var prev = p.words[word];
        if (!prev) { p.words[word] = { title: title, count: count }; }
        else { prev.title = Math.max(prev.title, title); prev.count = Math.max(prev.count, count); }
      });
    });
    var all = Object.keys(pages).map(function (id) {
      var p = pages[id];
      Object.keys(p.words).forEach(function (w) { p.title += p.words[w].title; p.count += p.words[w].count; });
      p.found = Object.keys(p.words).length;
      return p;
    });
    var most = all.reduce(function (m, p) { return Math.max(m, p.found); }, 0);
    return all.filter(function (p) { return p.found === most; }).sort(function (a, b) {
      return ((a.lang !== lang) - (b.lang !== lang)) || (b.title - a.title) ||
        (b.count - a.count) || (langs.indexOf(a.lang) - langs.indexOf(b.lang)) || (a.page - b.page);
    });
  }
  function href(url) {
    var path = root + url.replace(/^\//, "");
    if (portable && /\/$/.test(path)) { path += "index.html"; }
    return path || "./";
  }
  // The snippet with the words whose terms were asked for marked.
  function snippet(R, l, text, terms) {
    var p = document.createElement("p");
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var last = 0;
    var m;
    while ((m = re.exec(text))) {
      var hit = words(m[0]).some(function (w) {
        var t = termOf(R, l, w);
        return t && terms[l + " " + t];
      });
      if (!hit) { continue; }
      p.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      p.appendChild(mark);
      last = m.index + m[0].length;
    }
    p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }
  // Show the first `count` results (each needs its page record's chunk).
  function show(R, ranked, terms, query, count) {
    return Promise.all(ranked.slice(0, count).map(function (r) {
      return load(key(r.lang, "meta.js")).then(function (meta) {
        return load(key(r.lang, "p", Math.floor(r.page / meta.chunk) + ".js")).then(function (rows) {
          return rows && rows[r.page % meta.chunk];
        });
      });
    })).then(function (rows) {
      if (input.value !== query) { return; }
      list.textContent = "";
      rows.forEach(function (row, i) {
        if (!row) { return; }
        var r = ranked[i];
        var li = document.createElement("li");
        li.lang = r.lang;
        var a = document.createElement("a");
        a.href = href(row[0]);
        a.textContent = row[1];
        var h = document.createElement("h2");
        h.appendChild(a);
        li.appendChild(h);
        if (row[2]) {
          var section = document.createElement("p");
          section.className = "search-section";
          section.textContent = row[2];
          li.appendChild(section);
        }
        if (r.lang !== lang) {
          var other = document.createElement("p");
          other.className = "search-other";
          other.lang = lang;
          other.textContent = form.getAttribute("data-other");
          li.appendChild(other);
        }
        li.appendChild(snippet(R, r.lang, row[3], terms));
        list.appendChild(li);
      });
      status.textContent = ranked.length ?
        form.getAttribute("data-found") + " " + ranked.length :
        form.getAttribute("data-none");
      more.hidden = ranked.length <= count;
      more.onclick = function () {
        var first = list.children.length;
        show(R, ranked, terms, query, count + STEP).then(function () {
          var a = list.children[first] && list.children[first].querySelector("a");
          if (a) { a.focus(); }
        });
      };
    });
  }
  var current = "";
  function run(query) {
    current = query;
    if (!query.trim()) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return Promise.resolve();
    }
    return load("rules.js").then(function (R) {
      if (!R || query !== current) { return; }
      var asked = lookups(R, query);
      var terms = {};
      return Promise.all(asked.map(function (pairs) {
        return Promise.all(pairs.map(function (pair) {
          terms[pair[0] + " " + pair[1]] = true;
          return postings(pair[0], pair[1]).then(function (list) {
            var hits = [];
            for (var i = 0; i + 1 < list.length; i += 2) {
              hits.push({ lang: pair[0], page: list[i], weight: list[i + 1] });
            }
            return hits;
          });
        })).then(function (lists) { return [].concat.apply([], lists); });
      })).then(function (perWord) {
        if (query !== current) { return; }
        return show(R, rank(perWord), terms, query, STEP);
      });
    });
  }
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var q = input.value;
    if (window.history && history.replaceState && location.protocol !== "file:") {
      history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    }
    run(q);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
}());
