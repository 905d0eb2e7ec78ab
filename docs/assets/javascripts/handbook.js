/* Starts the handbook's scripts on every page Material shows. With instant navigation the scripts
   load once and document$ emits for each page, so every setup is safe to run again. */
(function (hb) {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]"), query = document.querySelector(".md-search__input");
  if (search && query) search.setAttribute("aria-label", query.getAttribute("aria-label")); // Material's dialog has no name

  /* The setup that loads a page's own scripts the first time a page has `selector`, from beside this script
     (the same relative address from any page, over http or file://), in the order listed (each may use the
     ones before it): the team view's, and the self-assessment's (the page, the conversation, the documents).
     Code that one page needs stays off every other page. A page's own <script> would not run under instant
     navigation. Each sets itself up when it arrives, and on every later page. */
  var here = document.currentScript && document.currentScript.src;
  function pageScripts(names, selector) {
    return function () {
      if (!here || !document.querySelector(selector)) return;
      names.forEach(function (name) {
        if (document.querySelector('script[data-page-script="' + name + '"]')) return;
        var script = document.createElement("script");
        script.src = new URL(name, here).href;
        script.async = false; // in the order listed
        script.setAttribute("data-page-script", name);
        document.body.appendChild(script);
      });
    };
  }

  /* Each page's setup, in order (as GOV.UK Frontend's initAll): the parts of the bundle, then the page
     scripts, which add their own setup when they arrive (hb.onEveryPage). */
  [hb.checklists.setup, hb.placement.render, hb.compare.setup, hb.familyPicker.setup,
    pageScripts(["team.js"], "[data-team]"),
    pageScripts(["self-assessment.js", "conversation.js", "documents.js"], "[data-assessment]")]
    .forEach(hb.onEveryPage);

  /* One redraw for every change, of the answers or of what the reader looks at (hb.view); the page scripts
     add theirs when they arrive. */
  hb.view.onChange(function () {
    hb.checklists.render(document);
    hb.placement.render(document);
    hb.familyPicker.render(document);
  });
  hb.setUpPage(); // now, too: on file:// pages Material's document$ never emits
  if (window.document$) window.document$.subscribe(hb.setUpPage);
})(window.handbook);
