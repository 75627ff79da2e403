/* Offline reading: this service worker keeps, in the reader's browser, the pages the reader
   opened, the self-check and the regional help list, so that they open again without a
   connection. It answers only this site's own requests, keeps only what this site sends, and
   sends nothing anywhere. Pages come from the network whenever there is one, so they are never
   older than the site, and from what was kept when there is none; the stylesheet, scripts and
   pictures come from what was kept. Every build of the site writes a new version of this file:
   the browser finds it on the reader's next visit, and the new version takes over at once and
   deletes what the older one kept. Written by `campaign build`; `offline: false` in site.yaml
   turns it off. */
"use strict";

var VERSION = "{{version}}";
// What the worker keeps as soon as it is installed, relative to this file.
var PRECACHE = {{precache}};

// This site's caches (its folder: two sites on one host keep apart) start with PREFIX.
var PREFIX = "campaign-offline " + self.registration.scope + " ";
var CACHE = PREFIX + VERSION;
var MATCH = { ignoreVary: true };

self.addEventListener("install", function (event) {
  // `no-cache`: from the server, never from the browser's HTTP cache, which may be older.
  var requests = PRECACHE.map(function (url) {
    return new Request(url, { cache: "no-cache", credentials: "same-origin" });
  });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(requests).then(function () {
        return keepOpenPages(cache);
      });
    }).then(function () {
      // A static site has nothing to carry over: the new version takes over at once.
      return self.skipWaiting();
    })
  );
});

// The pages of this site open right now were loaded before this version answered them (the
// first page a reader opens, or pages of the previous build): keep them too, from the
// browser's HTTP cache where it still holds them.
function keepOpenPages(cache) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    return Promise.all(windows.filter(function (w) {
      return w.url.indexOf(self.registration.scope) === 0;
    }).map(function (w) {
      return fetch(w.url, { credentials: "same-origin" }).then(function (response) {
        var type = response.headers.get("content-type") || "";
        if (response.status === 200 && type.indexOf("text/html") === 0) {
          return cache.put(w.url, response);
        }
      }).then(null, function () {
        // Not there any more, or no connection: it is kept when next opened.
      });
    }));
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      // Pages already open are answered by this version from now on.
      return self.clients.claim();
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  // Other sites (video players), forms and parts of a video are left to the browser.
  if (request.method !== "GET" || request.headers.has("range") ||
      new URL(request.url).origin !== self.location.origin ||
      (request.cache === "only-if-cached" && request.mode !== "same-origin")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (request.destination !== "video" && request.destination !== "audio") {
    event.respondWith(file(event));
  }
});

// A page: from the network, kept for later; without a network, the kept copy, if any (else
// the browser's own "no connection" page).
function page(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    var type = response.headers.get("content-type") || "";
    if (response.status === 200 && type.indexOf("text/html") === 0) {
      keep(event, request, response);
    }
    return response;
  }, function (error) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreVary: true, ignoreSearch: true });
    }).then(function (kept) {
      if (kept) {
        return kept;
      }
      throw error;
    });
  });
}

// Any other file of the site (stylesheet, script, picture, caption): the kept copy, else from
// the network, kept for later.
function file(event) {
  var request = event.request;
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, MATCH);
  }).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.status === 200 && response.type === "basic") {
        keep(event, request, response);
      }
      return response;
    });
  });
}

function keep(event, request, response) {
  var copy = response.clone();
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.put(request, copy);
  }).then(null, function () {
    // The browser's storage is full: the page still shows, it is just not kept.
  }));
}
