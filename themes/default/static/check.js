/* Self-check: shows the next question or outcome in place, from the flow.json the build writes.
   The pages work without this script: every answer is a link to a pre-rendered page, and this
   script only saves the page loads. It stores nothing and sends nothing; when in doubt it lets
   the link load the page. The markup below mirrors check-question.html, check-outcome.html and
   check-summary.html. */
(function () {
  "use strict";
  var box = document.querySelector(".check[data-check-root][data-check-flow]");
  if (!box || location.protocol === "file:" || !window.fetch || !window.URL || !window.history || !history.pushState || !box.closest) {
    return;
  }
  var root = new URL(box.getAttribute("data-check-root"), location.href).href;
  var flowUrl = new URL(box.getAttribute("data-check-flow"), location.href).href;
  var flow = null;
  var current = clean(location.href);
  var initial = { url: current, html: box.innerHTML, title: document.title };
  var here = below(current);

  // The language switcher keeps the reader's place: remember each language's self-check root.
  var langs = [];
  var links = document.querySelectorAll(".lang-switch a[hreflang]");
  for (var i = 0; i < links.length; i++) {
    var h = clean(links[i].href);
    if (here === "") {
      langs.push({ a: links[i], root: h });
    } else if (here !== null && h.slice(-here.length) === here) {
      langs.push({ a: links[i], root: h.slice(0, h.length - here.length) });
    }
  }

  // The page's own links (menu, site title, footer, stylesheet, feed) are written relative to
  // the address the page was loaded at. Before the address changes to another step, each is
  // pinned to the address it leads to now, so that every link keeps working.
  var pinned = false;
  var ABSOLUTE = /^(?:[a-z][a-z0-9+.\-]*:|\/\/|#)/i;
  function absolute(v) {
    return ABSOLUTE.test(v) ? v : new URL(v, initial.url).href;
  }
  function pin() {
    if (pinned) {
      return;
    }
    pinned = true;
    var els = document.querySelectorAll("a[href], area[href], link[href], img[src], img[srcset], source[src], source[srcset], script[src], form[action]");
    for (var i = 0; i < els.length; i++) {
      var e = els[i];
      if (box.contains(e)) {
        continue;
      }
      ["href", "src", "action"].forEach(function (attr) {
        var v = e.getAttribute(attr);
        if (v !== null) {
          e.setAttribute(attr, absolute(v));
        }
      });
      var set = e.getAttribute("srcset");
      if (set !== null) {
        e.setAttribute("srcset", set.split(",").map(function (part) {
          var bits = part.trim().split(/\s+/);
          bits[0] = absolute(bits[0]);
          return bits.join(" ");
        }).join(", "));
      }
    }
  }

  function clean(u) {
    return u.split("#")[0].split("?")[0];
  }

  function below(u) {
    return u.indexOf(root) === 0 ? u.slice(root.length) : null;
  }

  // The steps along a path of answers (0-based), or null when the path does not exist.
  function walk(path) {
    var node = { q: flow.first };
    var steps = [node];
    for (var n = 0; n < path.length; n++) {
      if (node.q === undefined) {
        return null;
      }
      var a = flow.questions[node.q] && flow.questions[node.q].answers[path[n]];
      if (!a || (a.q === undefined && a.r === undefined)) {
        return null;
      }
      node = a.q !== undefined ? { q: a.q } : { r: a.r };
      steps.push(node);
    }
    return steps;
  }

  function suffix(path, node) {
    var seg = path.map(function (i) { return i + 1; }).join("-");
    if (node.r !== undefined) {
      return "r/" + seg + "/";
    }
    return path.length ? "q/" + seg + "/" : "q/";
  }

  // What the address `u` shows: {path, steps}, or null when this script cannot show it.
  function stateOf(u) {
    var rest = below(clean(u));
    if (rest === null) {
      return null;
    }
    var m = /^(q|r)\/(?:([0-9]+(?:-[0-9]+)*)\/)?$/.exec(rest);
    if (!m || (m[1] === "r" && !m[2])) {
      return null;
    }
    var path = m[2] ? m[2].split("-").map(function (s) { return parseInt(s, 10) - 1; }) : [];
    var steps = walk(path);
    if (!steps) {
      return null;
    }
    var last = steps[steps.length - 1];
    if ((m[1] === "q") !== (last.q !== undefined)) {
      return null;
    }
    return { path: path, steps: steps };
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) {
        e.setAttribute(k, attrs[k]);
      }
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function link(href, text, cls) {
    var a = el("a", cls ? { href: href, "class": cls } : { href: href }, text);
    return a;
  }

  function summary(state, frag) {
    var s = flow.strings;
    if (state.path.length) {
      var sec = el("section", { "class": "check-summary" });
      sec.appendChild(el("h2", {}, s.your_answers));
      var dl = el("dl", { "class": "check-summary-list" });
      for (var n = 0; n < state.path.length; n++) {
        var q = flow.questions[state.steps[n].q];
        var row = el("div", { "class": "check-summary-row" });
        row.appendChild(el("dt", {}, q.text));
        row.appendChild(el("dd", {}, q.answers[state.path[n]].label));
        var dd = el("dd", { "class": "check-change" });
        var a = link(root + suffix(state.path.slice(0, n), state.steps[n]), s.change);
        a.appendChild(el("span", { "class": "visually-hidden" }, " " + q.text));
        dd.appendChild(a);
        row.appendChild(dd);
        dl.appendChild(row);
      }
      sec.appendChild(dl);
      frag.appendChild(sec);
    }
    var again = el("p", { "class": "check-again" });
    again.appendChild(link(root, s.start_again));
    frag.appendChild(again);
  }

  function show(state) {
    var s = flow.strings;
    var path = state.path;
    var node = state.steps[state.steps.length - 1];
    var frag = document.createDocumentFragment();
    var back = el("p", { "class": "check-back" });
    var prev = path.length ? root + suffix(path.slice(0, -1), state.steps[path.length - 1]) : root;
    back.appendChild(link(prev, s.back, "back-link"));
    frag.appendChild(back);
    var h1 = el("h1", { tabindex: "-1" });
    if (node.q !== undefined) {
      var q = flow.questions[node.q];
      h1.textContent = q.text;
      var fs = el("fieldset", { "class": "check-fieldset" });
      var lg = el("legend", { "class": "check-legend" });
      lg.appendChild(h1);
      fs.appendChild(lg);
      if (q.hint) {
        fs.appendChild(el("p", { "class": "check-hint" }, q.hint));
      }
      var ul = el("ul", { "class": "check-answers" });
      q.answers.forEach(function (a, i) {
        var li = el("li");
        li.appendChild(link(root + suffix(path.concat([i]), a), a.label, "check-answer"));
        ul.appendChild(li);
      });
      fs.appendChild(ul);
      frag.appendChild(fs);
    } else {
      var o = flow.outcomes[node.r];
      h1.textContent = o.title;
      var art = el("article", { "class": "check-outcome", "data-kind": o.kind });
      art.appendChild(h1);
      var body = el("div", { "class": "content" });
      body.innerHTML = o.html;
      art.appendChild(body);
      if (o.help && flow.help) {
        var p = el("p");
        p.appendChild(link(new URL(flow.help, root + "r/1/").href, s.help, "button"));
        art.appendChild(p);
      }
      frag.appendChild(art);
    }
    summary(state, frag);
    box.textContent = "";
    box.appendChild(frag);
    document.title = h1.textContent + " \u2014 " + flow.site_title;
    var sfx = suffix(path, node);
    langs.forEach(function (l) { l.a.href = l.root + sfx; });
    window.scrollTo(0, 0);
    h1.focus();
  }

  function restore() {
    box.innerHTML = initial.html;
    document.title = initial.title;
    langs.forEach(function (l) { l.a.href = l.root + (here || ""); });
    var h1 = box.querySelector("h1");
    if (h1) {
      h1.focus();
    }
  }

  document.addEventListener("click", function (e) {
    if (!flow || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (!a || !box.contains(a) || a.target || a.hasAttribute("download")) {
      return;
    }
    var u = clean(a.href);
    var state = stateOf(u);
    if (!state && u !== initial.url) {
      return;
    }
    pin();
    try {
      history.pushState({ check: u }, "", u);
    } catch (err) {
      return; // e.g. from disk, where some browsers refuse: the link loads the page
    }
    e.preventDefault();
    current = u;
    if (state) {
      show(state);
    } else {
      restore();
    }
  });

  window.addEventListener("popstate", function () {
    var u = clean(location.href);
    if (u === current) {
      return;
    }
    current = u;
    if (u === initial.url) {
      restore();
      return;
    }
    var state = flow && stateOf(u);
    if (state) {
      show(state);
    } else {
      location.reload();
    }
  });

  fetch(flowUrl, { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (j) {
      if (j && j.questions && j.outcomes && j.strings) {
        flow = j;
        document.documentElement.classList.add("check-js");
      }
    })
    .catch(function () { /* the links still work */ });
})();
