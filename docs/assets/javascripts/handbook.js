/* Starts the handbook's scripts on every page Material shows. With instant navigation the scripts
   load once and document$ emits for each page, so every setup is safe to run again. */
(function (hb) {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]"), query = document.querySelector(".md-search__input");
  if (search && query) search.setAttribute("aria-label", query.getAttribute("aria-label")); // Material's dialog has no name

  /* The setup that loads a page's own script the first time a page has `selector`, from beside this script
     (the same relative address from any page, over http or file://): the team view's (team.js, [data-team])
     and the self-assessment's documents (documents.js, [data-assessment]). A page's own <script> would not
     run under instant navigation. Each sets itself up when it arrives, and on every later page. */
  var here = document.currentScript && document.currentScript.src;
  function pageScript(name, selector) {
    return function () {
      if (!here || !document.querySelector(selector) || document.querySelector('script[data-page-script="' + name + '"]')) return;
      var script = document.createElement("script");
      script.src = new URL(name, here).href;
      script.setAttribute("data-page-script", name);
      document.body.appendChild(script);
    };
  }

  /* Each page's setup, in order (as GOV.UK Frontend's initAll): the parts of the bundle, then the page
     scripts, which add their own setup when they arrive (hb.onEveryPage). */
  [hb.assessment.setup, hb.conversation.render, hb.checklists.setup, hb.placement.render, hb.compare.setup, hb.familyPicker.setup,
    pageScript("team.js", "[data-team]"), pageScript("documents.js", "[data-assessment]")]
    .forEach(hb.onEveryPage);

  /* One redraw for every change, of the answers or of what the reader looks at (hb.view). */
  hb.view.onChange(function (changedId) {
    hb.checklists.render(document);
    hb.placement.render(document);
    hb.familyPicker.render(document);
    hb.assessment.render(changedId);
    hb.conversation.render();
  });
  hb.setUpPage(); // now, too: on file:// pages Material's document$ never emits
  if (window.document$) window.document$.subscribe(hb.setUpPage);
})(window.handbook);
