/* The helpers every script of the handbook shares, loaded first: words from the page, elements of
   text, dates, the address's fragment and choices kept in it, setup that is safe to repeat. They call
   no other file, so any file may use them, at load time too. */
(function (hb) {
  "use strict";

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
    var key = (time ? "t" : "d") + value;
    if (!shown.has(key)) {
      if (shown.size > 5000) shown.clear();
      shown.set(key, formatDate(value, time));
    }
    return shown.get(key);
  };
  /* Formatters and dates already written, kept: a page with hundreds of check-ins writes each date once per
     dimension, and making a formatter for every date froze the page. */
  var formats = Object.create(null), shown = new Map();
  function formatDate(value, time) {
    var date = new Date(value), day = /^\d{4}-\d\d-\d\d$/.test(value), kind = (time ? "t" : "d") + (day ? "u" : "");
    if (isNaN(date)) return String(value);
    if (!formats[kind]) {
      var lang = document.documentElement.lang.split("-")[0], clock = time ? "2-digit" : undefined;
      formats[kind] = new Intl.DateTimeFormat(navigator.languages.filter(function (l) { return !l.indexOf(lang); }).concat(lang || []),
        { day: "numeric", month: "short", year: "numeric", hour: clock, minute: clock, timeZone: day ? "UTC" : undefined });
    }
    return formats[kind].format(date);
  }

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

  /* The page's buttons and fields named by data-action: one listener per kind of event, and one table from
     each name to the function it runs (the file that owns the name registers it). A name registered twice is
     a mistake that must not pass quietly. A button pressed before its page script arrived runs when that
     script registers its name. */
  var actions = Object.create(null), waiting = null;
  function run(control) {
    var action = actions[control.dataset.action];
    if (action) action(control);
    return !!action;
  }
  hb.actions = function (table) {
    Object.keys(table).forEach(function (name) {
      if (actions[name]) throw new Error("two handlers for data-action " + name);
      actions[name] = table[name];
    });
    if (waiting && run(waiting)) waiting = null;
  };
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-action]");
    if (button && !run(button)) waiting = button;
  });
  document.addEventListener("change", function (event) {
    var field = event.target.closest && event.target.closest("input[data-action], select[data-action]");
    if (field) run(field);
  });

  /* What sets up each page, in order: the bundle's parts (handbook.js lists them), then each page script
     as it arrives. Material shows every page through the same scripts, so each part must be safe to run again. */
  var parts = [];
  hb.onEveryPage = function (setup) {
    parts.push(setup);
  };
  hb.setUpPage = function () {
    parts.forEach(function (setup) { setup(document); });
  };
})(window.handbook = window.handbook || {});
