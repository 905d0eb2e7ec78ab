/* The level map of a ladder with job families: the reader picks a family and sees its maps only.
   The choice is kept in the address (?family=id), so a link can name it; a link to something inside
   a family (#its-anchor) shows that family. Without JavaScript every family shows, one after another. */
(function (hb) {
  "use strict";

  function setup(root) {
    hb.notYetSetUp(root, "[data-family-picker]").forEach(function (picker) {
      var families = [].slice.call(root.querySelectorAll("[data-family]"));
      var wanted = hb.readChoice(picker) || familyOf(families, location.hash);
      var radios = [].slice.call(picker.querySelectorAll("input[type=radio]"));
      radios.forEach(function (radio) { if (radio.value === wanted) radio.checked = true; });
      picker.hidden = false;
      picker.addEventListener("change", function () { hb.keepChoice(picker, show(families, radios)); });
      show(families, radios);
    });
  }

  function familyOf(families, hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    var family = target && target.closest("[data-family]");
    return family ? family.dataset.family : null;
  }

  /* Shows the family chosen, and returns its id (null while none is). */
  function show(families, radios) {
    var chosen = radios.filter(function (radio) { return radio.checked; })[0];
    if (!chosen) return null;
    families.forEach(function (family) { family.hidden = family.dataset.family !== chosen.value; });
    return chosen.value;
  }

  hb.familyPicker = { setup: setup };
})(window.handbook = window.handbook || {});
