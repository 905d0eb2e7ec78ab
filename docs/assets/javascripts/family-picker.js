/* The level map of a ladder with job families: the reader picks a family and sees its maps only.
   The choice is kept in the address (?family=id), so a link can name it; a link to something inside
   a family (#its-anchor) shows that family. Without JavaScript every family shows, one after another. */
(function (hb) {
  "use strict";
  var PARAM = "family";

  function setup(root) {
    var picker = root.querySelector("[data-family-picker]:not([data-hb-ready])");
    if (!picker) return;
    picker.setAttribute("data-hb-ready", "");
    var families = [].slice.call(root.querySelectorAll("[data-family]"));
    var wanted = new URLSearchParams(location.search).get(PARAM) || familyOf(families, location.hash);
    var radios = [].slice.call(picker.querySelectorAll("input[type=radio]"));
    radios.forEach(function (radio) { if (radio.value === wanted) radio.checked = true; });
    picker.hidden = false;
    picker.addEventListener("change", function () { show(families, radios, true); });
    show(families, radios, false);
  }

  function familyOf(families, hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    var family = target && target.closest("[data-family]");
    return family ? family.dataset.family : null;
  }

  function show(families, radios, remember) {
    var chosen = radios.filter(function (radio) { return radio.checked; })[0];
    if (!chosen) return;
    families.forEach(function (family) { family.hidden = family.dataset.family !== chosen.value; });
    if (!remember) return;
    var params = new URLSearchParams(location.search);
    params.set(PARAM, chosen.value);
    history.replaceState(history.state, "", "?" + params + location.hash);
  }

  hb.familyPicker = { setup: setup };
})(window.handbook = window.handbook || {});
