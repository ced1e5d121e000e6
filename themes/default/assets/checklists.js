// Checklists that remember their ticks: every element with data-checklist keeps the state of
// its checkboxes in localStorage, under the handbook's edition (body[data-storage]), the
// checklist's key and the checkbox's id. Without JavaScript they are plain checkboxes.
(function () {
  "use strict";

  function openStorage() {
    try {
      const probe = "__handbook_probe";
      localStorage.setItem(probe, probe);
      localStorage.removeItem(probe);
      return localStorage;
    } catch (error) {
      return null;
    }
  }

  const storage = openStorage();
  const namespace = document.body.dataset.storage || "handbook";

  document.querySelectorAll("[data-checklist]").forEach(function (container) {
    const scope = namespace + "/" + container.dataset.checklist + "/";
    // A checklist embedded in another (a process inside a chapter) keeps its own boxes.
    const boxes = Array.from(container.querySelectorAll("input[type=checkbox][id]")).filter(function (box) {
      return box.closest("[data-checklist]") === container;
    });
    if (boxes.length === 0) return;
    const bar = Array.from(container.querySelectorAll("[data-checklist-bar]")).find(function (element) {
      return element.closest("[data-checklist]") === container;
    });
    const progress = bar && bar.querySelector("[data-checklist-progress]");

    function update() {
      const done = boxes.filter(function (box) { return box.checked; }).length;
      if (progress) progress.textContent = done + " / " + boxes.length;
      container.classList.toggle("checklist-complete", done === boxes.length);
    }

    // An item is known by its id and its text, so that an item inserted before it, or a
    // reworded item, does not inherit another item's tick.
    function key(box) {
      const label = container.querySelector("label[for='" + box.id + "']") || box.closest("label");
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(label ? label.textContent.trim() : "")) {
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      }
      return scope + box.id + "/" + hash.toString(36);
    }

    if (storage) {
      boxes.forEach(function (box) {
        const saved = storage.getItem(key(box));
        if (saved !== null) box.checked = saved === "1";
      });
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (storage) storage.setItem(key(box), box.checked ? "1" : "0");
        update();
      });
    });
    if (bar) {
      bar.hidden = false;
      bar.querySelector("[data-checklist-reset]").addEventListener("click", function () {
        boxes.forEach(function (box) {
          box.checked = box.defaultChecked;
          if (storage) storage.removeItem(key(box));
        });
        update();
      });
    }
    update();
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
