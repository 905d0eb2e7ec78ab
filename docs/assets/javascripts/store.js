/* The reader's answers: a tick and an evidence note per checklist item id, kept in localStorage.
   Keys start with the site's base path, as Material's own do, so two handbooks on one origin never
   share answers. Nothing here is ever sent anywhere. */
(function (hb) {
  "use strict";
  var VERSION = 1;
  var ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)+$/;
  var MAX_TEXT = 20000;
  var scope = window.__md_scope || new URL(".", location);
  var KEY = scope.pathname + ".hb.assessment";
  var UNDO = KEY + ".undo";
  var UNREADABLE = KEY + ".unreadable.";

  var storage = probe();
  var answers = Object.create(null);
  var previous = null; // the answers before the last reset or import, for Undo (mirrored in storage)
  var shared = null; // answers opened from a share link: shown, never saved
  var setAsideNow = false; // unreadable answers were found and set aside on this visit
  var listeners = [];

  function probe() {
    try {
      var s = window.localStorage;
      s.setItem(KEY + ".probe", "1");
      s.removeItem(KEY + ".probe");
      return s;
    } catch (error) {
      return null;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Check data read from storage, a file or a link. Returns {items, bad} or {problem}. */
  function check(data) {
    if (!isObject(data) || typeof data.version !== "number" || !isObject(data.items)) return { problem: { code: "shape" } };
    if (data.version > VERSION) return { problem: { code: "newer", version: data.version, supported: VERSION } };
    var items = Object.create(null), bad = [];
    Object.keys(data.items).forEach(function (id) {
      var field = invalidField(id, data.items[id]);
      if (field) bad.push({ code: "item", id: id, field: field });
      else items[id] = clean(data.items[id]);
    });
    return { items: items, bad: bad };
  }

  function invalidField(id, answer) {
    if (!ITEM_ID.test(id)) return "id";
    if (!isObject(answer)) return "answer";
    if (typeof answer.done !== "boolean") return "done";
    if (!isText(answer.note)) return "note";
    if (!isText(answer.text)) return "text";
    return null;
  }

  function isText(value) {
    return value === undefined || (typeof value === "string" && value.length <= MAX_TEXT);
  }

  function clean(answer) {
    var kept = { done: answer.done };
    if (answer.note) kept.note = answer.note;
    if (answer.text) kept.text = answer.text;
    return kept;
  }

  /* Strict: for imports and share links, one bad answer rejects all, so nothing changes. */
  function parse(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { problem: { code: "json" } };
    }
    var result = check(data);
    if (result.bad && result.bad.length) return { problem: result.bad[0] };
    return result;
  }

  function read(key) {
    try {
      return storage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  /* Lenient: keep what can be read; set the stored text aside, never overwrite it. */
  function load() {
    if (!storage) return;
    answers = Object.create(null);
    var raw = read(KEY);
    previous = readAnswers(UNDO);
    if (raw === null) return;
    var result;
    try {
      result = check(JSON.parse(raw));
    } catch (error) {
      result = { problem: { code: "json" } };
    }
    answers = result.items || Object.create(null);
    if (result.problem || result.bad.length) setAside(raw);
  }

  function readAnswers(key) {
    var raw = read(key);
    if (raw === null) return null;
    try {
      return check(JSON.parse(raw)).items || null;
    } catch (error) {
      return null;
    }
  }

  function setAside(raw) {
    try {
      storage.setItem(UNREADABLE + Date.now(), raw);
      setAsideNow = true;
      save();
    } catch (error) {
      storage = null; // the original stays where it is; work in memory
    }
  }

  function serialise(items) {
    return JSON.stringify({ version: VERSION, items: items });
  }

  function save(withUndo) {
    if (!storage || shared) return;
    try {
      storage.setItem(KEY, serialise(answers));
      if (withUndo) storage.setItem(UNDO, serialise(previous));
    } catch (error) {
      storage = null;
    }
  }

  function current() {
    return shared || answers;
  }

  function count(items) {
    return Object.keys(items).length;
  }

  function copy(items) {
    return check({ version: VERSION, items: JSON.parse(JSON.stringify(items)) }).items;
  }

  function changed() {
    listeners.forEach(function (listener) { listener(); });
  }

  /* Replace every answer; the ones replaced can be brought back with undo(). */
  function replace(items) {
    previous = copy(answers);
    answers = copy(items);
    shared = null;
    save(true);
    changed();
  }

  function unreadableKeys() {
    var keys = [];
    if (!storage) return keys;
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(UNREADABLE) === 0) keys.push(key);
    }
    return keys.sort();
  }

  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text), binary = "";
    bytes.forEach(function (byte) { binary += String.fromCharCode(byte); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, function (c) { return c.charCodeAt(0); }));
  }

  load();
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== UNDO) return;
    load();
    changed();
  });

  hb.store = {
    VERSION: VERSION,
    get: function (id) {
      return Object.prototype.hasOwnProperty.call(current(), id) ? current()[id] : null;
    },
    set: function (id, change) {
      var items = current(), answer = Object.assign({ done: false }, items[id], change);
      if (answer.done || answer.note) items[id] = clean(answer);
      else delete items[id];
      save();
      changed();
    },
    all: current,
    count: function () { return count(current()); },
    inMemory: function () { return !storage; },
    setAsideNow: function () { return setAsideNow; },
    isShared: function () { return !!shared; },
    onChange: function (listener) { listeners.push(listener); },
    parse: parse,
    replace: replace,
    reset: function () {
      var cleared = count(answers);
      replace(Object.create(null));
      return cleared;
    },
    canUndo: function () { return !!previous && !shared; },
    undo: function () {
      if (!previous) return count(answers);
      var before = previous;
      previous = copy(answers);
      answers = before;
      save(true);
      changed();
      return count(answers);
    },
    exportJson: function () {
      return JSON.stringify({ format: "handbook-self-assessment", version: VERSION, exported: new Date().toISOString(), items: current() }, null, 2);
    },
    shareCode: function () { return toBase64Url(serialise(current())); },
    openShared: function (code) {
      var result;
      try {
        result = parse(fromBase64Url(code));
      } catch (error) {
        result = { problem: { code: "json" } };
      }
      if (result.problem) return result.problem;
      shared = result.items;
      changed();
      return null;
    },
    closeShared: function () {
      if (!shared) return;
      shared = null;
      changed();
    },
    unreadable: unreadableKeys,
    readRaw: read,
    forget: function (key) {
      if (!storage || key.indexOf(UNREADABLE) !== 0) return;
      storage.removeItem(key);
      changed();
    },
  };
})(window.handbook = window.handbook || {});
