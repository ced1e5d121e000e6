// The sidebar of a large handbook: each page lists the areas and a window of its own area;
// this fills in an area's full list from nav/<area>.js (one shared, cacheable file per area,
// loaded as a script so that it also works from file://) when the area is open or opened.
(function () {
  "use strict";

  const nav = document.querySelector(".sidebar[data-nav-root]");
  if (!nav) return;
  const root = nav.dataset.navRoot;
  const waiting = new Map();

  window.__handbookNav = function (area, entries) {
    const resolve = waiting.get(area);
    if (resolve) {
      waiting.delete(area);
      resolve(entries);
    }
  };

  function load(area) {
    return new Promise(function (resolve, reject) {
      waiting.set(area, resolve);
      const script = document.createElement("script");
      script.src = root + "nav/" + area + ".js";
      script.onload = function () { script.remove(); };
      script.onerror = function () {
        waiting.delete(area);
        script.remove();
        reject(new Error("cannot load the navigation of " + area));
      };
      document.head.appendChild(script);
    });
  }

  // Replaces the window of `details` with every entry, keeping the current entry marked.
  function fill(details, entries) {
    const list = details.querySelector("ul");
    const marked = list.querySelector("a[aria-current]");
    const current = marked ? marked.getAttribute("href") : null;
    const full = document.createElement("ul");
    let currentLink = null;
    for (const entry of entries) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = root + entry[1];
      if (entry.length > 2) {
        item.className = "nav-policy";
        const code = document.createElement("span");
        code.className = "nav-code";
        code.textContent = entry[2];
        link.append(code, " ");
      }
      link.append(entry[0]);
      if (link.getAttribute("href") === current) {
        link.setAttribute("aria-current", "page");
        currentLink = link;
      }
      item.appendChild(link);
      full.appendChild(item);
    }
    list.replaceWith(full);
    details.removeAttribute("data-nav-partial");
    if (currentLink && !isVisibleIn(nav, currentLink)) {
      nav.scrollTop += currentLink.getBoundingClientRect().top - nav.getBoundingClientRect().top - nav.clientHeight / 3;
    }
  }

  function isVisibleIn(container, element) {
    const outer = container.getBoundingClientRect();
    const inner = element.getBoundingClientRect();
    return inner.top >= outer.top && inner.bottom <= outer.bottom;
  }

  function complete(details) {
    if (!details.hasAttribute("data-nav-partial") || details.dataset.navLoading) return;
    details.dataset.navLoading = "true";
    load(details.dataset.navArea).then(
      function (entries) { fill(details, entries); },
      function () { delete details.dataset.navLoading; });
  }

  for (const details of nav.querySelectorAll("details[data-nav-partial]")) {
    if (details.open) complete(details);
    details.addEventListener("toggle", function () { if (details.open) complete(details); });
  }
})();
