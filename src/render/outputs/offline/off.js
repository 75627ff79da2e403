/* Offline reading is turned off for this site (`offline: false` in site.yaml). A reader whose
   browser still has the site's offline worker from an earlier version of the site gets this
   one in its place: it deletes what the old worker kept and removes itself, so that every page
   comes from the site again. It keeps nothing and sends nothing anywhere. */
"use strict";

var PREFIX = "campaign-offline " + self.registration.scope + " ";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.registration.unregister();
    })
  );
});
