/* dermavigil: the intake form — searchable choices, checkbox lists instead of Ctrl-click,
   term look-up storing the code, product look-up from the catalogue, drafts kept in this
   browser. Static file (strict CSP); the form still works without it. */
(function () {
  "use strict";

  function words(text) { return (text || "").toLowerCase().trim(); }

  // A filter box above a long single select: options not matching are hidden.
  function searchable(select) {
    if (select.dataset.enhanced) { return; }
    select.dataset.enhanced = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "choice-filter";
    box.placeholder = "type to find a route";
    box.setAttribute("aria-label", "find a route for " + select.name);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var q = words(box.value);
      var first = null;
      Array.prototype.forEach.call(select.querySelectorAll("option"), function (o) {
        var show = !o.value || words(o.textContent).indexOf(q) !== -1;
        o.hidden = !show;
        if (show && o.value && !first) { first = o; }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
        g.hidden = !g.querySelector("option:not([hidden])");
      });
      if (q && first && select.selectedIndex <= 0) { select.value = first.value; }
    });
  }

  // A multi-select shown as a checkbox list with a filter (the select stays the source).
  function checklist(select) {
    if (select.dataset.enhanced) { return; }
    select.dataset.enhanced = "1";
    var wrap = document.createElement("div");
    wrap.className = "checklist";
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = "filter";
    box.setAttribute("aria-label", "filter the choices");
    wrap.appendChild(box);
    var list = document.createElement("div");
    list.className = "checklist-items";
    wrap.appendChild(list);
    Array.prototype.forEach.call(select.options, function (option, i) {
      var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
      if (group && (i === 0 || select.options[i - 1].parentNode !== option.parentNode)) {
        var head = document.createElement("div");
        head.className = "checklist-group";
        head.textContent = group;
        list.appendChild(head);
      }
      var label = document.createElement("label");
      label.className = "inline";
      var tick = document.createElement("input");
      tick.type = "checkbox";
      tick.checked = option.selected;
      tick.value = option.value;
      tick.addEventListener("change", function () {
        option.selected = tick.checked;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      option._tick = tick;
      label.appendChild(tick);
      label.appendChild(document.createTextNode(" " + option.textContent));
      list.appendChild(label);
    });
    select.addEventListener("change", function () {
      Array.prototype.forEach.call(select.options, function (o) { if (o._tick) { o._tick.checked = o.selected; } });
    });
    box.addEventListener("input", function () {
      var q = words(box.value);
      Array.prototype.forEach.call(list.querySelectorAll("label"), function (l) {
        l.hidden = q && words(l.textContent).indexOf(q) === -1;
      });
    });
    select.classList.add("visually-hidden");
    select.setAttribute("tabindex", "-1");
    select.parentNode.insertBefore(wrap, select.nextSibling);
  }

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-searchable]"), searchable);
    Array.prototype.forEach.call(root.querySelectorAll("select[data-checklist]"), checklist);
  }

  // Term look-up: suggestions from /api/terms; choosing one keeps its code beside the text.
  var pending = null;
  function lookUp(input) {
    var q = input.value.trim();
    if (q.length < 3) { return; }
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch("/api/terms?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (terms) {
          var list = document.getElementById(input.getAttribute("list"));
          if (!list) { return; }
          list.textContent = "";
          terms.forEach(function (t) {
            var o = document.createElement("option");
            o.value = t.label;
            o.textContent = t.code;
            o.dataset.code = t.code;
            o.dataset.system = t.system;
            list.appendChild(o);
          });
          input._terms = terms;
        })
        .catch(function () { /* the look-up is a help, not a need */ });
    }, 250);
  }

  function keepCode(input) {
    var label = input.closest("label");
    var chosen = (input._terms || []).filter(function (t) { return t.label === input.value; })[0];
    var fields = label.querySelectorAll("input[data-term-field]");
    Array.prototype.forEach.call(fields, function (f) {
      var name = f.getAttribute("data-term-field");
      if (chosen) { f.value = chosen[name] || ""; }
      else if (!label.querySelector('input[data-term-field="label"]').value ||
               label.querySelector('input[data-term-field="label"]').value !== input.value) { f.value = ""; }
    });
    var shown = label.querySelector("[data-term-code-for]");
    if (shown) {
      var code = label.querySelector('input[data-term-field="code"]').value;
      shown.textContent = code ? "coded: " + label.querySelector('input[data-term-field="label"]').value + " (" + code + ")" : "";
    }
  }

  // Product look-up: a catalogue name fills the row's category, labelled routes, maker.
  function fillProduct(input) {
    var options = document.querySelectorAll("#dl-products option");
    var entry = Array.prototype.filter.call(options, function (o) { return o.value === input.value; })[0];
    if (!entry) { return; }
    var row = input.closest(".row");
    var prefix = input.name.replace(/name$/, "");
    function field(name) { return row.querySelector('[name="' + prefix + name + '"]'); }
    var category = field("category");
    if (category && entry.dataset.category) { category.value = entry.dataset.category; }
    var routes = field("approved_routes");
    if (routes && entry.dataset.routes && !routes.selectedOptions.length) {
      var wanted = entry.dataset.routes.split(" ");
      Array.prototype.forEach.call(routes.options, function (o) { o.selected = wanted.indexOf(o.value) !== -1; });
      routes.dispatchEvent(new Event("change", { bubbles: true }));
    }
    [["manufacturer", "manufacturer"], ["labelled_use", "labelledUse"]].forEach(function (pair) {
      var f = field(pair[0]);
      if (f && !f.value && entry.dataset[pair[1]]) { f.value = entry.dataset[pair[1]]; }
    });
  }

  // Drafts: the form's values kept in this browser while typing, offered back on return.
  function draftStore(form) {
    var key = form.dataset.draftKey;
    if (!key || !window.localStorage) { return; }
    key = "dermavigil-draft:" + key;
    var notice = document.getElementById("draft-notice");
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    var fresh = !document.getElementById("form-errors");
    if (saved && fresh && notice) {
      notice.hidden = false;
      notice.querySelector("[data-draft-when]").textContent = new Date(saved.at).toLocaleString();
      notice.querySelector("[data-draft-restore]").addEventListener("click", function () {
        restore(form, saved.values);
        notice.hidden = true;
      });
      notice.querySelector("[data-draft-discard]").addEventListener("click", function () {
        localStorage.removeItem(key);
        notice.hidden = true;
      });
    }
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var values = [];
        new FormData(form).forEach(function (v, k) { if (k !== "csrf_token" && v !== "") { values.push([k, v]); } });
        localStorage.setItem(key, JSON.stringify({ at: Date.now(), values: values }));
      }, 400);
    });
    form.addEventListener("submit", function () { localStorage.removeItem(key); });
  }

  function restore(form, values) {
    values.forEach(function (pair) {
      var name = pair[0];
      var field = form.querySelector('[name="' + name + '"]');
      var group = name.split(".")[0];
      var guard = 0;
      while (!field && guard++ < 20 && form.querySelector('[data-add-row="' + group + '"]')) {
        form.querySelector('[data-add-row="' + group + '"]').click();
        field = form.querySelector('[name="' + name + '"]');
      }
      if (!field) { return; }
      if (field.multiple) {
        Array.prototype.forEach.call(field.options, function (o) { if (o.value === pair[1]) { o.selected = true; } });
        field.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        field.value = pair[1];
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("case-form");
    if (!form) { return; }
    enhance(form);
    new MutationObserver(function (changes) {
      changes.forEach(function (c) {
        Array.prototype.forEach.call(c.addedNodes, function (n) { if (n.querySelectorAll) { enhance(n); } });
      });
    }).observe(form, { childList: true, subtree: true });
    form.addEventListener("input", function (event) {
      var t = event.target;
      if (t.matches && t.matches("[data-term-lookup]")) { lookUp(t); keepCode(t); }
    });
    form.addEventListener("change", function (event) {
      var t = event.target;
      if (t.matches && t.matches("[data-term-lookup]")) { keepCode(t); }
      if (t.matches && t.matches("[data-product-lookup]")) { fillProduct(t); }
    });
    draftStore(form);
  });
})();
