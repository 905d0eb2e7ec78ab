/* Starts the handbook's scripts on every page Material shows. With instant navigation the scripts
   load once and document$ emits for each page, so every setup is safe to run again. */
(function (hb) {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]"), query = document.querySelector(".md-search__input");
  if (search && query) search.setAttribute("aria-label", query.getAttribute("aria-label")); // Material's dialog has no name

  function setup() {
    hb.assessment.setup();
    hb.checklists.setup(document);
    hb.compare.setup(document);
  }

  hb.store.onChange(function (changedId) {
    hb.checklists.render(document);
    hb.assessment.render(changedId);
  });
  setup(); // now, too: on file:// pages Material's document$ never emits
  if (window.document$) window.document$.subscribe(setup);
})(window.handbook);
