/* The level map of a ladder with job families: the reader picks a family and sees its maps only.
   The choice is kept in the address (?family=id), so a link can name it; a link to something inside
   a family (#its-anchor) shows that family; otherwise the family of the reader's own level, once they
   have said or placed it, is shown first. Without JavaScript every family shows, one after another.
   The family shown is the view's (hb.view), so the self-assessment can follow the reader's level. */
(function (hb) {
  "use strict";

  function setup(root) {
    hb.notYetSetUp(root, "[data-family-picker]").forEach(function (picker) {
      picker.hidden = false;
      picker.addEventListener("change", function (event) {
        hb.keepChoice(picker, event.target.value);
        hb.view.set({ family: event.target.value });
      });
      var wanted = hb.readChoice(picker) || familyOf() || hb.placement.readerFamily(hb.placement.levels()) || "";
      var radio = picker.querySelector('input[value="' + CSS.escape(wanted) + '"]') || picker.querySelector("input:checked"); // else the page's
      hb.view.set({ family: radio ? radio.value : "" });
    });
    render(root);
  }

  /* The family of the element the address's #fragment points at (a malformed address points at nothing). */
  function familyOf() {
    var target = hb.hashTarget();
    var family = target && target.closest("[data-family]");
    return family ? family.dataset.family : null;
  }

  /* Every picker of the page set to the view's family, and only that family shown (every family while none of theirs is chosen). */
  function render(root) {
    var family = hb.view.get("family"), radios = [].slice.call(root.querySelectorAll("[data-family-picker][data-hb-ready] input[type=radio]"));
    if (!radios.some(function (radio) { return radio.value === family; })) return;
    radios.forEach(function (radio) { radio.checked = radio.value === family; });
    root.querySelectorAll("[data-family]").forEach(function (part) { part.hidden = part.dataset.family !== family; });
  }

  hb.familyPicker = { setup: setup, render: render };
})(window.handbook = window.handbook || {});
