// osce-search: enhancement only. Without this file every control is a link or a GET form.
// Adds title autocomplete to the search box (ARIA 1.2 combobox + listbox, keyboard first).
(function () {
  "use strict";

  function debounce(fn, ms) {
    let timer = null;
    return function () {
      const args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function setupAutocomplete(input) {
    const endpoint = input.dataset.suggest;
    if (!endpoint || !window.fetch) return;
    const list = document.createElement("ul");
    list.id = "q-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Release titles");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    let items = [];
    let active = -1;
    let lastAsked = "";
    let controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach(function (el, i) { el.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(item) {
      const q = input.value.trim();
      window.location.href = item.url + (q ? "?q=" + encodeURIComponent(q) : "");
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (s, i) {
        const li = document.createElement("li");
        li.id = "q-suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.textContent = s.title || "(untitled)";  // text, never HTML
        li.appendChild(title);
        if (s.date) {
          const date = document.createElement("span");
          date.className = "n";
          date.textContent = s.date;
          li.appendChild(date);
        }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); go(s); });
        list.appendChild(li);
      });
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    const ask = debounce(function () {
      const q = input.value.trim();
      if (q.length < 2) { close(); return; }
      if (q === lastAsked && items.length) { render(items); return; }
      lastAsked = q;
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) render(data.suggestions || []); })
        .catch(function () { /* typing on is fine; the form still works */ });
    }, 120);

    input.addEventListener("input", ask);
    input.addEventListener("keydown", function (ev) {
      const open = !list.hidden && items.length > 0;
      if (ev.key === "ArrowDown") {
        if (!open) { ask(); return; }
        ev.preventDefault();
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (ev.key === "ArrowUp" && open) {
        ev.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (ev.key === "Enter" && open && active >= 0) {
        ev.preventDefault();
        go(items[active]);
      } else if (ev.key === "Escape" && open) {
        ev.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const input = document.getElementById("q");
    if (input) setupAutocomplete(input);
  });
})();
