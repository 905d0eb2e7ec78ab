/* The level map of a ladder with job families: the reader picks a family and sees its maps only.
   The choice is kept in the address (?family=id), so a link can name it; a link to something inside
   a family (#its-anchor) shows that family; otherwise the family of the reader's own level, once they
   have said or placed it, is shown first. Without JavaScript every family shows, one after another. */
(function (hb) {
  "use strict";

  function setup(root) {
    hb.notYetSetUp(root, "[data-family-picker]").forEach(function (picker) {
      var families = [].slice.call(root.querySelectorAll("[data-family]"));
      var wanted = hb.readChoice(picker) || familyOf() || hb.placement.readerFamily(hb.placement.levels());
      var radios = [].slice.call(picker.querySelectorAll("input[type=radio]"));
      radios.forEach(function (radio) { if (radio.value === wanted) radio.checked = true; });
      picker.hidden = false;
      picker.addEventListener("change", function () { hb.keepChoice(picker, show(families, radios)); });
      show(families, radios);
    });
  }

  /* The family of the element the address's #fragment points at (a malformed address points at nothing). */
  function familyOf() {
    var target = hb.hashTarget();
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

  /* Shows `family` in every picker of the page, as if the reader had picked it (the address is left as it is). */
  function choose(root, family) {
    root.querySelectorAll("[data-family-picker][data-hb-ready]").forEach(function (picker) {
      var radios = [].slice.call(picker.querySelectorAll("input[type=radio]"));
      radios.forEach(function (radio) { radio.checked = radio.value === family; });
      show([].slice.call(root.querySelectorAll("[data-family]")), radios);
    });
  }

  hb.familyPicker = { setup: setup, choose: choose };
})(window.handbook = window.handbook || {});
