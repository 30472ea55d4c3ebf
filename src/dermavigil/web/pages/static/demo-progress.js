/* dermavigil: live progress of the background demo data load (serve --demo). */
(function () {
  "use strict";
  var box = document.getElementById("demo-progress");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-status-url");
  var current = box.querySelector("[data-demo-current]");
  var done = box.querySelector("[data-demo-done]");
  var bar = box.querySelector("progress");

  function finished() {
    var p = box.querySelector("p");
    p.textContent = "The demo data is loaded. ";
    var link = document.createElement("a");
    link.href = window.location.href;
    link.textContent = "Reload the page to see it.";
    p.appendChild(link);
    if (bar) { bar.value = bar.max; }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { window.setTimeout(poll, 5000); return; }
        if (!s.loading) { finished(); return; }
        if (current) { current.textContent = s.current || "starting"; }
        if (done) { done.textContent = String(s.done); }
        if (bar) { bar.value = s.done; }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
