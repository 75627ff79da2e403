// campaign serve: live reload. Added by `campaign serve` only; built sites never contain it.
(() => {
  const me = document.currentScript;
  let seen = me ? me.dataset.state : undefined;

  // Swap every stylesheet for a fresh copy; drop the old one once the new one has loaded,
  // so the page never shows unstyled.
  const swapCss = () => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      url.searchParams.set("campaign-reload", String(Date.now()));
      const next = link.cloneNode();
      next.href = url.href;
      const drop = () => link.remove();
      next.addEventListener("load", drop);
      next.addEventListener("error", drop);
      link.after(next);
    }
  };

  const handle = (type, state) => {
    if (type === "hello") {
      // A page rendered before a rebuild it did not hear about, or by a server that has
      // restarted since, is out of date.
      if (seen !== undefined && state !== seen) location.reload();
      seen = state;
      return;
    }
    if (state === seen) return;
    seen = state;
    if (type === "css") swapCss();
    else location.reload();
  };

  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("[data-campaign-hide]");
    const panel = document.getElementById("campaign-errors");
    if (button && panel) panel.hidden = true;
  });

  // One connection for all tabs where possible: browsers allow only six per server.
  if (window.SharedWorker) {
    try {
      const worker = new SharedWorker("/__campaign/worker.js", { name: "campaign-reload" });
      worker.port.onmessage = (e) => handle(e.data.type, e.data.state);
      worker.port.start();
      addEventListener("pagehide", () => worker.port.postMessage("bye"));
      return;
    } catch (_) {
      // Fall through to a connection of our own.
    }
  }
  const events = new EventSource("/__campaign/events");
  for (const type of ["hello", "reload", "css"]) {
    events.addEventListener(type, (e) => handle(type, e.data));
  }
})();
