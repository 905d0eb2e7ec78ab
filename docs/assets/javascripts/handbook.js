/* Starts the handbook's scripts on every page Material shows. With instant navigation the scripts
   load once and document$ emits for each page, so every setup is safe to run again. */
(function (hb) {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]"), query = document.querySelector(".md-search__input");
  if (search && query) search.setAttribute("aria-label", query.getAttribute("aria-label")); // Material's dialog has no name

  /* A sentence from the page (an element with data-message, nearest `root` first), with {name} filled in;
     `name-one` when the count is one, `name-none` when it is nought (where the page has those). */
  hb.message = function (name, values, root) {
    var count = values && values.count, form = count === 1 ? "-one" : count === 0 ? "-none" : "";
    var one = form && document.querySelector('[data-message="' + name + form + '"]');
    var selector = '[data-message="' + name + '"]', node = one || (root && root.querySelector(selector)) || document.querySelector(selector);
    return (node ? node.textContent : name).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  };

  /* An element holding `text` as text (reader text never becomes markup), with an optional class. */
  hb.element = function (tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  /* A date as the page shows it: "7 Dec 2026" in the reader's variant of the page's language (files keep
     ISO dates); with the time for versions. A day without a time ("2026-12-07") is that day everywhere
     (read as UTC); a text that is no date is shown as written (never "Invalid Date"). */
  hb.date = function (value, time) {
    var date = new Date(value), lang = document.documentElement.lang.split("-")[0], clock = time ? "2-digit" : undefined;
    return isNaN(date) ? String(value) : date.toLocaleString(navigator.languages.filter(function (l) { return !l.indexOf(lang); }).concat(lang || []),
      { day: "numeric", month: "short", year: "numeric", hour: clock, minute: clock, timeZone: /^\d{4}-\d\d-\d\d$/.test(value) ? "UTC" : undefined });
  };

  /* Whether a reader's text fits the store's limit (one definition: store.LIMITS). If not, a message next to
     the field says so and the text stays in the box, unsaved, for the reader to shorten or copy elsewhere. */
  hb.fits = function (field) {
    var over = hb.store.over(field.value), note = field.parentNode.querySelector("[data-too-long]");
    if (!over && !note) return true;
    if (!note) {
      note = document.createElement("span");
      note.className = "hb-too-long";
      note.setAttribute("data-too-long", "");
      note.setAttribute("role", "alert");
      field.after(note);
    }
    note.hidden = !over;
    note.textContent = over ? hb.message("too-long", { count: over, limit: hb.store.LIMITS.text.toLocaleString("en"), over: over.toLocaleString("en") }) : "";
    field.setAttribute("aria-invalid", String(!!over));
    return !over;
  };

  /* Text boxes marked data-grow follow their text's height: CSS's field-sizing where the browser has it
     (set here, as the HTML checker refuses the property in a stylesheet), else the box is set to its text's
     height (a hidden box has none to measure: set when shown). */
  var SIZES_ITSELF = !!(window.CSS && CSS.supports("field-sizing", "content"));
  hb.grow = function (root) {
    (root.matches("[data-grow]") ? [root] : root.querySelectorAll("[data-grow]")).forEach(function (box) {
      if (SIZES_ITSELF) return box.style.setProperty("field-sizing", "content");
      if (!box.offsetParent) return;
      box.style.height = "auto";
      box.style.height = box.scrollHeight + box.offsetHeight - box.clientHeight + "px";
    });
  };
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-grow]")) hb.grow(event.target);
  });

  /* The address's #fragment decoded, or as it is when it holds a `%` that is no escape ("#%"). */
  hb.hashTarget = function () {
    var id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (error) { /* a malformed address: used as written */ }
    return id && document.getElementById(id);
  };

  /* The elements of `root` that match `selector` and that no setup has seen, marked as seen: setup runs
     again for every page Material shows, and must not add its listeners twice. */
  hb.notYetSetUp = function (root, selector) {
    var found = [].slice.call(root.querySelectorAll(selector + ":not([data-hb-ready])"));
    found.forEach(function (element) { element.setAttribute("data-hb-ready", ""); });
    return found;
  };

  /* A reader's choice on a form kept in the page's address, under the key the form names (data-address-key),
     so that a link can carry it (compare/?levels=mid,senior). The address is replaced, not added to the
     history: a new choice is not a page that Back returns to. */
  hb.readChoice = function (form) {
    return new URLSearchParams(location.search).get(form.dataset.addressKey);
  };
  hb.keepChoice = function (form, value) {
    var params = new URLSearchParams(location.search);
    params.set(form.dataset.addressKey, value);
    history.replaceState(history.state, "", "?" + params + location.hash);
  };

  /* A page's own script, loaded the first time a page has `selector`, from beside this script (the same
     relative address from any page, over http or file://): the team view's (team.js, [data-team]) and the
     self-assessment's documents (documents.js, [data-assessment]). A page's own <script> would not run
     under instant navigation. Each sets itself up when it arrives. */
  var here = document.currentScript && document.currentScript.src;
  function pageScript(name, selector) {
    if (!here || !document.querySelector(selector) || document.querySelector('script[data-page-script="' + name + '"]')) return;
    var script = document.createElement("script");
    script.src = new URL(name, here).href;
    script.setAttribute("data-page-script", name);
    document.body.appendChild(script);
  }

  function teamView() {
    if (hb.team) return hb.team.setup(document);
    pageScript("team.js", "[data-team]");
  }

  function setup() {
    hb.assessment.setup();
    hb.checklists.setup(document);
    hb.placement.render(document);
    hb.compare.setup(document);
    hb.familyPicker.setup(document);
    teamView();
    pageScript("documents.js", "[data-assessment]");
  }

  hb.store.onChange(function (changedId) {
    hb.checklists.render(document);
    hb.placement.render(document);
    hb.assessment.render(changedId);
  });
  setup(); // now, too: on file:// pages Material's document$ never emits
  if (window.document$) window.document$.subscribe(setup);
})(window.handbook);
