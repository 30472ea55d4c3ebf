/* dermavigil: add-row buttons for the case form, sortable tables, back links. No build step,
   no CDN, no inline handlers (the CSP allows scripts from this file only). */
(function () {
  "use strict";

  // <button data-add-row="products"> clones <template id="tpl-products">, numbering its
  // inputs with the next free row index (the "__i__" placeholder in names and ids).
  function addRow(group) {
    var container = document.getElementById("rows-" + group);
    var template = document.getElementById("tpl-" + group);
    if (!container || !template) { return; }
    var next = Number(container.getAttribute("data-next") || container.children.length);
    var html = template.innerHTML.replace(/__i__/g, String(next)).replace(/__n__/g, String(next + 1));
    container.insertAdjacentHTML("beforeend", html);
    container.setAttribute("data-next", String(next + 1));
    var first = container.lastElementChild && container.lastElementChild.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }

  function removeRow(button) {
    var row = button.closest(".row");
    if (row) { row.remove(); }
  }

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    var raw = cell.getAttribute("data-sort") || cell.textContent.trim();
    var number = Number(raw);
    return raw !== "" && !isNaN(number) ? number : raw.toLowerCase();
  }

  function sortTable(th) {
    var table = th.closest("table");
    var body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("data-order") !== "asc";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("data-order"); });
    th.setAttribute("data-order", ascending ? "asc" : "desc");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === y) { return 0; }
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var add = target.closest("[data-add-row]");
    if (add) { event.preventDefault(); addRow(add.getAttribute("data-add-row")); return; }
    var remove = target.closest("[data-remove-row]");
    if (remove) { event.preventDefault(); removeRow(remove); return; }
    var back = target.closest("[data-history-back]");
    if (back && window.history.length > 1) { event.preventDefault(); window.history.back(); return; }
    var th = target.closest("th.sortable");
    if (th) { sortTable(th); }
  });
})();
