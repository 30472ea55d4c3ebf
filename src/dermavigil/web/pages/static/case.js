/* dermavigil: the case page's action panel (override values per answer, print). */
(function () {
  "use strict";

  // Show only the values the chosen answer accepts; the server checks the pair again.
  function filterValues() {
    var target = document.getElementById("override-target");
    var value = document.getElementById("override-value");
    if (!target || !value) { return; }
    var chosen = target.value;
    Array.prototype.forEach.call(value.querySelectorAll("optgroup"), function (group) {
      var show = group.getAttribute("data-target") === chosen;
      group.hidden = !show;
      group.disabled = !show;
    });
    var selected = value.options[value.selectedIndex];
    if (selected && selected.value && selected.getAttribute("data-target") !== chosen) {
      value.value = "";
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var target = document.getElementById("override-target");
    if (target) {
      target.addEventListener("change", filterValues);
      filterValues();
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (el) {
      el.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
    });
  });
})();
