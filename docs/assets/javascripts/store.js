/* The reader's answers: one versioned document in localStorage, never sent anywhere (see README,
   "Self-assessment"). Version 2: {version, profile, profiles: {me: {name, date, current, target,
   placements, plan, items, checkins: [{date, placements, items}]}}} (checkins, dated snapshots, may be
   absent); version 1 ({items}) migrates on reading. The key starts with the site's
   base path. Lenient reading storage (the raw text set aside), strict on import. */
(function (hb) {
  "use strict";
  var VERSION = 2;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)+$/;
  var HASH = /^[0-9a-f]{8}$/;
  var DATE = /^(\d{4}-\d{2}-\d{2})?$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;
  var MAX_CHECKINS = 200;
  var MAX_TEXT = 20000;
  var WRITE_NOW = 1000; // more answers than this (100 kB) are written when the browser is idle
  var OWN = "me";
  var scope = window.__md_scope || new URL(".", location);
  var KEY = scope.pathname + ".hb.assessment";
  var UNDO = KEY + ".undo";
  var UNREADABLE = KEY + ".unreadable.";

  var full = false; // the last write did not fit
  var storage = probe();
  var doc = empty();
  var previous = null; // before the last reset or import, for Undo (stored too)
  var shared = null; // a document opened from a share link: shown, never saved
  var setAsideNow = false; // unreadable answers were set aside on this visit
  var listeners = [];
  var pending = false; // a change waits to be written

  /* null when nothing can be saved; full storage still holds answers, so it is kept. */
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

  /* Write every [key, value] (null removes) or, when one does not fit, none. */
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

  function map() {
    return Object.create(null);
  }

  function emptyProfile() {
    return { name: "", date: "", current: "", target: "", placements: map(), plan: map(), items: map(), checkins: [] };
  }

  function empty() {
    var profiles = map();
    profiles[OWN] = emptyProfile();
    return { profile: OWN, profiles: profiles };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function matches(pattern) {
    return function (value) { return value === undefined || (typeof value === "string" && pattern.test(value)); };
  }
  var isText = function (value) { return value === undefined || (typeof value === "string" && value.length <= MAX_TEXT); };
  var isDate = matches(DATE), isLevel = matches(/^([a-z0-9]+(-[a-z0-9]+)*)?$/), isHash = matches(HASH);
  var isTick = function (value) { return typeof value === "boolean"; };
  var isId = function (value) { return typeof value === "string" && ID.test(value); };
  /* Each part of a profile: the pattern of its keys, a test per field (undefined: not given). */
  var PARTS = {
    items: [ITEM_ID, { done: isTick, note: isText, text: isText, hash: isHash }],
    placements: [ID, { level: isId, from: isLevel, hash: isHash }],
    plan: [ID, { step: isText, date: isDate, evidence: isText }],
  };
  var FIELDS = { name: isText, date: isDate, current: isLevel, target: isLevel };

  /* Returns {doc, bad: [problems]} or {problem}. */
  function check(data) {
    if (!isObject(data) || typeof data.version !== "number") return { problem: { code: "shape" } };
    if (!Number.isInteger(data.version) || data.version < 1) return { problem: { code: "version", version: String(data.version) } };
    if (data.version > VERSION) return { problem: { code: "newer", version: data.version, supported: VERSION } };
    if (data.version < 2) {
      if (!isObject(data.items)) return { problem: { code: "shape" } };
      data = { profile: OWN, profiles: { me: { items: data.items } } };
    }
    if (!isObject(data.profiles) || !isObject(data.profiles[data.profile])) return { problem: { code: "shape" } };
    var result = { profile: data.profile, profiles: map() }, bad = [];
    Object.keys(data.profiles).forEach(function (id) {
      var profile = checkProfile(data.profiles[id], bad);
      if (ID.test(id) && profile) result.profiles[id] = profile;
      else bad.push({ code: "item", id: id, field: "profile" });
    });
    if (!result.profiles[result.profile]) return { problem: { code: "shape" } };
    return { doc: result, bad: bad };
  }

  /* A profile, or (snapshot) a check-in's placements and items: its date is a time stamp, checked by the caller. */
  function checkProfile(data, bad, snapshot) {
    if (!isObject(data) || (data.items !== undefined && !isObject(data.items))) return null;
    var profile = emptyProfile();
    if (!snapshot) Object.keys(FIELDS).forEach(function (name) {
      if (FIELDS[name](data[name])) profile[name] = data[name] || "";
      else bad.push({ code: "item", id: name, field: name });
    });
    Object.keys(PARTS).forEach(function (part) {
      var entries = data[part], pattern = PARTS[part][0];
      if (entries === undefined) return;
      if (!isObject(entries)) return bad.push({ code: "shape" });
      Object.keys(entries).forEach(function (id) {
        var field = !pattern.test(id) ? "id" : !isObject(entries[id]) ? "answer" : invalid(part, entries[id]);
        if (field) bad.push({ code: "item", id: id, field: field });
        else profile[part][id] = clean(part, entries[id]);
      });
    });
    var checkins = data.checkins;
    if (checkins === undefined || snapshot) return profile;
    if (!Array.isArray(checkins) || checkins.length > MAX_CHECKINS) bad.push({ code: "shape" });
    else checkins.forEach(function (taken) {
      var kept = isObject(taken) && typeof taken.date === "string" && STAMP.test(taken.date) && checkProfile(taken, bad, true);
      if (kept) profile.checkins.push({ date: taken.date, placements: kept.placements, items: kept.items });
      else bad.push({ code: "item", id: "checkins", field: "date" });
    });
    return profile;
  }

  function invalid(part, entry) {
    var tests = PARTS[part][1];
    return Object.keys(tests).filter(function (field) { return !tests[field](entry[field]); })[0] || null;
  }

  function clean(part, entry) {
    var kept = {};
    Object.keys(PARTS[part][1]).forEach(function (field) {
      if (entry[field] || entry[field] === false) kept[field] = entry[field];
    });
    return kept;
  }

  /* Strict (imports, share links): one bad answer rejects all. */
  function parse(text) {
    var result;
    try {
      result = check(JSON.parse(text));
    } catch (error) {
      return { problem: { code: "json" } };
    }
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

  function readDoc(key) {
    var raw = read(key), result;
    if (raw === null) return { doc: null, raw: raw, damaged: false };
    try {
      result = check(JSON.parse(raw));
    } catch (error) {
      result = { problem: { code: "json" } };
    }
    return { doc: result.doc || null, raw: raw, damaged: !!(result.problem || result.bad.length) };
  }

  /* Lenient: keep what is readable of the answers and the undo copy; set damaged text aside. */
  function load() {
    if (!storage) return;
    var main = readDoc(KEY), undo = readDoc(UNDO);
    doc = main.doc || empty();
    previous = undo.doc;
    var damaged = [main, undo].filter(function (result) { return result.damaged; });
    if (!damaged.length) return;
    var now = Date.now();
    var pairs = damaged.map(function (result, index) { return [UNREADABLE + (now + index), result.raw]; });
    pairs.push([KEY, serialise(doc)], [UNDO, previous ? serialise(previous) : null]);
    if (write(pairs)) setAsideNow = true;
    else storage = null; // no room to set them aside: work in memory
  }

  /* JSON.stringify of the document, each item's JSON kept with it (ten thousand kept answers). */
  var pieces = new WeakMap();

  function serialise(value) {
    var profiles = Object.keys(value.profiles).map(function (id) {
      var profile = value.profiles[id], items = profile.items, rest = Object.assign({}, profile);
      delete rest.items;
      var parts = Object.keys(items).map(function (key) {
        var answer = items[key], piece = pieces.get(answer);
        if (!piece || piece.id !== key) pieces.set(answer, piece = { id: key, json: JSON.stringify(key) + ":" + JSON.stringify(answer) });
        return piece.json;
      });
      return JSON.stringify(id) + ":" + JSON.stringify(rest).slice(0, -1) + ',"items":{' + parts.join(",") + "}}";
    });
    return '{"version":' + VERSION + ',"profile":' + JSON.stringify(value.profile) + ',"profiles":{' + profiles.join(",") + "}}";
  }

  function save(withUndo) {
    if (!storage || shared) return true;
    pending = false;
    var pairs = [[KEY, serialise(doc)]];
    if (withUndo) pairs.push([UNDO, previous ? serialise(previous) : null]);
    return write(pairs);
  }

  /* Written now or, with many answers, when idle (and before the page goes away). */
  function saveSoon() {
    if (!storage || shared) return true;
    if (count(doc) <= WRITE_NOW) return save();
    if (!pending) {
      pending = true;
      if (window.requestIdleCallback) window.requestIdleCallback(flush, { timeout: 500 });
      else setTimeout(flush, 50);
    }
    return true;
  }

  function flush() {
    if (pending && !save()) {
      load(); // it did not fit: back to what is stored
      changed();
    }
  }

  function view() {
    return shared || doc;
  }

  function profile() {
    return view().profiles[view().profile];
  }

  function count(value) {
    var p = value.profiles[value.profile];
    return ["items", "placements", "plan"].reduce(function (sum, part) { return sum + Object.keys(p[part]).length; }, 0);
  }

  function copy(value) {
    return check(JSON.parse(serialise(value))).doc;
  }

  /* The document with only the current profile: what an export or a share link carries. */
  function alone() {
    var value = view(), one = { profile: value.profile, profiles: map() };
    one.profiles[value.profile] = profile();
    return one;
  }

  /* The stored document with `edit(copy)` applied, through replace (so Undo brings the old one back). */
  function edited(edit) {
    var next = copy(doc);
    edit(next);
    return replace(next);
  }

  function changed(id) {
    listeners.forEach(function (listener) { listener(id); });
  }

  /* Replace every answer (undo() brings them back); false, nothing changed, if they do not fit. */
  function replace(value) {
    var before = [doc, previous, shared];
    previous = copy(doc);
    doc = copy(value);
    shared = null;
    var saved = save(true);
    if (!saved) {
      doc = before[0];
      previous = before[1];
      shared = before[2];
    }
    changed();
    return saved;
  }

  /* Set or delete one entry of a part of the profile, or a field; false, nothing changed, if it does not fit. */
  function put(part, id, entry) {
    var entries = part ? profile()[part] : profile(), had = id in entries, old = entries[id];
    if (entry || !part) entries[id] = entry;
    else delete entries[id];
    var saved = saveSoon();
    if (!saved) {
      if (had) entries[id] = old;
      else delete entries[id];
    }
    changed(part === "items" ? id : undefined);
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
      return profile().items[id] || null;
    },
    set: function (id, change) {
      var answer = clean("items", Object.assign({ done: false }, profile().items[id], change));
      return put("items", id, answer.done || answer.note ? answer : null);
    },
    all: function () { return profile().items; },
    profile: profile,
    placement: function (dimension) { return profile().placements[dimension] || null; },
    place: function (dimension, placement) { return put("placements", dimension, placement && clean("placements", placement)); },
    plan: function (dimension) { return profile().plan[dimension] || {}; },
    setPlan: function (dimension, change) {
      var plan = clean("plan", Object.assign({}, profile().plan[dimension], change));
      return put("plan", dimension, Object.keys(plan).length ? plan : null);
    },
    setField: function (name, value) {
      return FIELDS[name](value) && put(null, name, value);
    },
    count: function (value) { return count(value || view()); },
    inMemory: function () { return !storage; },
    isFull: function () { return full; },
    setAsideNow: function () { return setAsideNow; },
    isShared: function () { return !!shared; },
    onChange: function (listener) { listeners.push(listener); },
    parse: parse,
    /* An imported document's current profile replaces the current profile's answers (Undo brings them back). */
    replace: function (value) {
      value = value.doc || value;
      return edited(function (next) { next.profiles[next.profile] = copy(value).profiles[value.profile]; });
    },
    document: view,
    /* reset and undo: how many answers, or -1 when nothing changed (no room). */
    reset: function () {
      var cleared = count(doc), name = profile().name;
      return edited(function (next) { next.profiles[next.profile] = Object.assign(emptyProfile(), { name: name }); }) ? cleared : -1;
    },
    /* Profiles: {id: {name}} of the stored document; the current one's id; switch, add, delete (Undo brings it back). */
    profiles: function () { return doc.profiles; },
    current: function () { return doc.profile; },
    use: function (id) {
      if (!doc.profiles[id] || shared) return;
      doc.profile = id;
      save();
      changed();
    },
    /* `value`: a checked document whose current profile is added under a new id, named `name` if given. */
    add: function (value, name) {
      var id, n = 1;
      while (doc.profiles[id = "p" + n]) n += 1;
      return edited(function (next) {
        next.profiles[id] = value ? copy(value).profiles[value.profile] : emptyProfile();
        if (name) next.profiles[id].name = name;
        next.profile = id;
      }) && id;
    },
    remove: function (id) {
      return edited(function (next) {
        delete next.profiles[id];
        if (!Object.keys(next.profiles).length) next.profiles[OWN] = emptyProfile();
        if (!next.profiles[next.profile]) next.profile = Object.keys(next.profiles)[0];
      });
    },
    /* A dated snapshot of the current profile's placements and items. */
    checkin: function () {
      var own = profile(), taken = JSON.parse(JSON.stringify({ date: new Date().toISOString(), placements: own.placements, items: own.items }));
      own.checkins.push(taken);
      if (save()) return changed(), true;
      own.checkins.pop();
      return false;
    },
    canUndo: function () { return !!previous && !shared; },
    undo: function () {
      if (!previous) return count(doc);
      return replace(previous) ? count(doc) : -1;
    },
    exportJson: function () {
      var value = alone();
      return JSON.stringify({ format: "handbook-self-assessment", version: VERSION, exported: new Date().toISOString(),
        profile: value.profile, profiles: value.profiles }, null, 2);
    },
    shareCode: function () { return toBase64Url(serialise(alone())); },
    openShared: function (code) {
      var result;
      try {
        result = parse(fromBase64Url(code));
      } catch (error) {
        result = { problem: { code: "json" } };
      }
      if (result.problem) return result.problem;
      shared = result.doc;
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
