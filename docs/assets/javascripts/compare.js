/* The compare page: two level pickers. Their columns show in the order chosen, the other levels' columns
   hide, rows where the two differ are marked, and the signals of the transitions from one to the other
   show below. The choice is kept in the address (?levels=a,b), which level and transition pages link to;
   without JavaScript every column and every transition shows. */
(function (hb) {
  "use strict";

  function setup(root) {
    hb.notYetSetUp(root, "[data-compare-levels]").forEach(function (form) {
      var picks = [].slice.call(form.querySelectorAll("[data-compare-pick]"));
      var wanted = (hb.readChoice(form) || "").split(",");
      picks.forEach(function (select, index) {
        if ([].some.call(select.options, function (option) { return option.value === wanted[index]; })) select.value = wanted[index];
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.querySelector("[data-compare-only]").parentNode.hidden = false;
      form.addEventListener("change", function () { hb.keepChoice(form, show(root, picks).join(",")); });
      show(root, picks);
    });
  }

  function levelOf(cell) {
    var marker = cell.querySelector("[data-level]");
    return marker && marker.dataset.level;
  }

  /* Shows the two levels picked (only the rows where they differ, when asked), and returns their ids. */
  function show(root, picks) {
    var only = root.querySelector("[data-compare-only]"), chosen = picks.map(function (select) { return select.value; });
    root.querySelectorAll(".hb-compare tr").forEach(function (row) {
      var cells = [].filter.call(row.children, levelOf);
      cells.forEach(function (cell) { cell.hidden = true; });
      var shown = [];
      chosen.forEach(function (id) {
        var cell = cells.filter(function (c) { return levelOf(c) === id; })[0];
        if (cell && shown.indexOf(cell) < 0) {
          cell.hidden = false;
          row.appendChild(cell); // the order chosen
          shown.push(cell);
        }
      });
      var differs = shown.length === 2 && shown[0].textContent.trim() !== shown[1].textContent.trim(), body = row.parentNode.tagName === "TBODY";
      row.classList.toggle("hb-compare__row--differs", differs && body);
      var empty = shown.every(function (cell) { return !cell.textContent.trim(); }); // a dimension neither level has
      row.hidden = body && (empty || (only.checked && !differs));
    });
    var steps = [].slice.call(root.querySelectorAll("[data-compare-step]"));
    var path = between(steps, chosen[0], chosen[1]) || between(steps, chosen[1], chosen[0]) || [];
    steps.forEach(function (step) { step.hidden = path.indexOf(step) < 0; });
    root.querySelector("[data-compare-none]").hidden = path.length > 0;
    return chosen;
  }

  /* The transitions that lead from level `from` up to level `to`, in order, or null when none do. */
  function between(steps, from, to) {
    if (from === to) return null;
    // A Set, not a plain object: a level id such as `constructor` would find Object.prototype's.
    var queue = [[from, []]], seen = new Set([from]);
    while (queue.length) {
      var here = queue.shift();
      for (var i = 0; i < steps.length; i++) {
        if (steps[i].dataset.from !== here[0] || seen.has(steps[i].dataset.to)) continue;
        var path = here[1].concat([steps[i]]);
        if (steps[i].dataset.to === to) return path;
        seen.add(steps[i].dataset.to);
        queue.push([steps[i].dataset.to, path]);
      }
    }
    return null;
  }

  hb.compare = { setup: setup };
})(window.handbook = window.handbook || {});
