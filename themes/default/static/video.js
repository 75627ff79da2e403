// Click-to-load videos: nothing is requested from YouTube or Vimeo until the reader presses play.
(function () {
  "use strict";
  function embedUrl(provider, id, lang) {
    if (!/^[A-Za-z0-9_-]+$/.test(id) || !/^[a-z]{2,3}$/.test(lang)) return null;
    if (provider === "youtube") {
      return "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=" + lang + "&hl=" + lang;
    }
    if (provider === "vimeo") {
      return "https://player.vimeo.com/video/" + id + "?autoplay=1&dnt=1&texttrack=" + lang;
    }
    return null;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".video-facade a.video-link");
    if (!link) return;
    var facade = link.parentNode;
    var src = embedUrl(facade.getAttribute("data-provider"), facade.getAttribute("data-id"), facade.getAttribute("data-lang"));
    if (!src) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = facade.getAttribute("data-title") || "";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.width = "640";
    frame.height = "360";
    facade.replaceChild(frame, link);
    frame.focus();
  });
})();
