/* The compare page: two level pickers that hide the other levels' columns. The choice is kept in
   the address (?levels=a,b) so a comparison can be shared; without JavaScript every column shows. */
(function (hb) {
  "use strict";
  var PARAM = "levels";

  function setup(root) {
    var form = root.querySelector("[data-compare]:not([data-hb-ready])");
    if (!form) return;
    form.setAttribute("data-hb-ready", "");
    var picks = [].slice.call(form.querySelectorAll("[data-compare-pick]"));
    var wanted = (new URLSearchParams(location.search).get(PARAM) || "").split(",");
    picks.forEach(function (select, index) {
      if ([].some.call(select.options, function (option) { return option.value === wanted[index]; })) select.value = wanted[index];
    });
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { show(root, picks, true); });
    show(root, picks, false);
  }

  function show(root, picks, remember) {
    var chosen = picks.map(function (select) { return select.value; });
    root.querySelectorAll(".hb-compare [data-level]").forEach(function (level) {
      level.closest("th, td").hidden = chosen.indexOf(level.dataset.level) < 0;
    });
    if (!remember) return;
    var params = new URLSearchParams(location.search);
    params.set(PARAM, chosen.join(","));
    history.replaceState(history.state, "", "?" + params + location.hash);
  }

  hb.compare = { setup: setup };
})(window.handbook = window.handbook || {});
