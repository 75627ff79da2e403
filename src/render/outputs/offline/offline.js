/* Offline reading: asks the browser to keep this site for reading without a connection, by
   installing its service worker (sw.js, beside this script; what it keeps is said at its top).
   This script stores nothing and sends nothing anywhere. Where service workers are not
   available (older browsers, pages opened from disk or over plain http), it does nothing and
   the site works as before. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !("serviceWorker" in navigator) || !window.URL || !window.Promise) {
    return;
  }
  var worker = new URL("sw.js", script.src).href;
  function register() {
    navigator.serviceWorker.register(worker).then(null, function () {
      // Not allowed here (a private window, storage turned off): nothing is kept.
    });
  }
  // Once the page has loaded, so that what the worker keeps never delays the page itself.
  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();
