/* The reader's answers: a tick and an evidence note per checklist item id, kept in localStorage.
   Keys start with the site's base path, as Material's own do, so two handbooks on one origin never
   share answers. Nothing here is ever sent anywhere. */
(function (hb) {
  "use strict";
  var VERSION = 1;
  var ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)+$/;
  var MAX_TEXT = 20000;
  var WRITE_NOW = 1000; // with more answers than this (about 100 kB), a change is written when the browser is idle
  var scope = window.__md_scope || new URL(".", location);
  var KEY = scope.pathname + ".hb.assessment";
  var UNDO = KEY + ".undo";
  var UNREADABLE = KEY + ".unreadable.";

  var full = false; // the last write did not fit: what was stored before it is still there
  var storage = probe();
  var answers = Object.create(null);
  var previous = null; // the answers before the last reset or import, for Undo (mirrored in storage)
  var shared = null; // answers opened from a share link: shown, never saved
  var setAsideNow = false; // unreadable answers were found and set aside on this visit
  var listeners = [];
  var pending = false; // a change waits to be written (see saveSoon)

  /* The browser's storage, or null when it lets nothing be saved. Storage that is full still holds
     the reader's answers: it is kept, and said to be full. */
  function probe() {
    var s = null;
    try {
      s = window.localStorage;
      s.setItem(KEY + ".probe", "1");
      s.removeItem(KEY + ".probe");
      return s;
    } catch (error) {
      full = !!s && isQuota(error) && lengthOf(s) > 0;
      return full ? s : null;
    }
  }

  function isQuota(error) {
    return error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22);
  }

  function lengthOf(s) {
    try {
      return s.length;
    } catch (error) {
      return 0;
    }
  }

  /* Write every [key, value] (a null value removes the key), or none: when one does not fit, the keys
     already written get their old values back, so storage stays as it was. */
  function write(pairs) {
    if (!storage) return false;
    var before = [];
    try {
      pairs.forEach(function (pair) {
        before.push([pair[0], storage.getItem(pair[0])]);
        if (pair[1] === null) storage.removeItem(pair[0]);
        else storage.setItem(pair[0], pair[1]);
      });
      full = false;
      return true;
    } catch (error) {
      before.reverse().forEach(function (pair) {
        try {
          if (pair[1] === null) storage.removeItem(pair[0]);
          else storage.setItem(pair[0], pair[1]);
        } catch (ignored) { /* an old value always fits where it was */ }
      });
      full = true;
      return false;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Check data read from storage, a file or a link. Returns {items, bad} or {problem}. */
  function check(data) {
    if (!isObject(data) || typeof data.version !== "number" || !isObject(data.items)) return { problem: { code: "shape" } };
    if (!Number.isInteger(data.version) || data.version < 1) return { problem: { code: "version", version: String(data.version) } };
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

  /* Lenient: keep what can be read of the answers and of the undo copy; set the stored text of
     either aside, never overwrite it. */
  function load() {
    if (!storage) return;
    var main = readAnswers(KEY), undo = readAnswers(UNDO);
    answers = main.items || Object.create(null);
    previous = undo.items;
    var damaged = [main, undo].filter(function (result) { return result.damaged; });
    if (!damaged.length) return;
    var now = Date.now();
    var pairs = damaged.map(function (result, index) { return [UNREADABLE + (now + index), result.raw]; });
    pairs.push([KEY, serialise(answers)], [UNDO, previous ? serialise(previous) : null]);
    if (write(pairs)) setAsideNow = true;
    else storage = null; // no room to set them aside: the originals stay where they are; work in memory
  }

  /* {items, raw, damaged}: the answers readable under `key` (null when there is nothing). */
  function readAnswers(key) {
    var raw = read(key), result;
    if (raw === null) return { items: null, raw: raw, damaged: false };
    try {
      result = check(JSON.parse(raw));
    } catch (error) {
      result = { problem: { code: "json" } };
    }
    return { items: result.items || null, raw: raw, damaged: !!(result.problem || result.bad.length) };
  }

  /* The same text as JSON.stringify({version, items}), but each answer's JSON is kept with it: a tick
     among ten thousand kept answers writes them out without serialising each again. */
  var pieces = new WeakMap();

  function serialise(items) {
    var parts = Object.keys(items).map(function (id) {
      var answer = items[id], piece = pieces.get(answer);
      if (!piece || piece.id !== id) pieces.set(answer, piece = { id: id, json: JSON.stringify(id) + ":" + JSON.stringify(answer) });
      return piece.json;
    });
    return '{"version":' + VERSION + ',"items":{' + parts.join(",") + "}}";
  }

  /* Whether the answers (and the undo copy) are stored; when they do not fit, nothing changes. */
  function save(withUndo) {
    if (!storage || shared) return true;
    pending = false;
    var pairs = [[KEY, serialise(answers)]];
    if (withUndo) pairs.push([UNDO, previous ? serialise(previous) : null]);
    return write(pairs);
  }

  /* One tick or keystroke: written now, or, when the answers are many (writing a megabyte takes
     longer than a frame), once the browser is idle, and before the page goes away. Returns false
     when it was written now and did not fit. */
  function saveSoon() {
    if (!storage || shared) return true;
    if (count(answers) <= WRITE_NOW) return save();
    if (!pending) {
      pending = true;
      if (window.requestIdleCallback) window.requestIdleCallback(flush, { timeout: 500 });
      else setTimeout(flush, 50);
    }
    return true;
  }

  function flush() {
    if (pending && !save()) {
      load(); // it did not fit: back to the answers stored, and the notice says so
      changed();
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

  /* `id`: the one answer that changed, or nothing when any may have. */
  function changed(id) {
    listeners.forEach(function (listener) { listener(id); });
  }

  /* Replace every answer; the ones replaced can be brought back with undo(). Returns false, with
     everything as it was, when the new answers do not fit in storage. */
  function replace(items) {
    var before = [answers, previous, shared];
    previous = copy(answers);
    answers = copy(items);
    shared = null;
    var saved = save(true);
    if (!saved) {
      answers = before[0];
      previous = before[1];
      shared = before[2];
    }
    changed();
    return saved;
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
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flush(); });
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
    /* Returns false, with the answer as it was, when the change does not fit in storage. */
    set: function (id, change) {
      var items = current(), had = Object.prototype.hasOwnProperty.call(items, id), old = items[id];
      var answer = Object.assign({ done: false }, old, change);
      if (answer.done || answer.note) items[id] = clean(answer);
      else delete items[id];
      var saved = saveSoon();
      if (!saved) {
        if (had) items[id] = old;
        else delete items[id];
      }
      changed(id);
      return saved;
    },
    all: current,
    count: function (items) { return count(items || current()); },
    inMemory: function () { return !storage; },
    isFull: function () { return full; },
    setAsideNow: function () { return setAsideNow; },
    isShared: function () { return !!shared; },
    onChange: function (listener) { listeners.push(listener); },
    parse: parse,
    replace: replace,
    /* The number of answers cleared, or -1 when nothing changed (no room for the undo copy). */
    reset: function () {
      var cleared = count(answers);
      return replace(Object.create(null)) ? cleared : -1;
    },
    canUndo: function () { return !!previous && !shared; },
    /* The number of answers brought back, or -1 when nothing changed (they do not fit). */
    undo: function () {
      if (!previous) return count(answers);
      return replace(previous) ? count(answers) : -1;
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
