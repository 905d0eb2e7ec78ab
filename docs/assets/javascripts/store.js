/* The reader's answers: one versioned document in localStorage, never sent anywhere (see README,
   "Self-assessment"). Version 4: {version, profile, profiles: {me: {uid, name, author, date, current, target,
   placements, plan, items, agenda?: {decisions: [{text, owner, date}], next}, checkins: [{date, placements,
   items, plan?, agenda?, other?: {name, uid, placements, items}}]}}}. Version 3 had no agenda (kept on the
   page only), no author and check-ins of placements and items alone; it reads as it is. Version 2 had no uid (a random id
   that follows an assessment into its downloads, so a second file from the same person updates the copy
   kept of them) and refused more than 200 check-ins or a year of more than four digits; version 1 was
   {items}. Older versions migrate on reading. Beside it, under KEY + ".history", the versions that a
   replacing action (import, reset, delete, keep, restore) replaced: the last LIMITS.versions per assessment.
   Lenient reading storage (the raw text set aside), strict on import.

   The storage key. On the web it starts with the site's base path, as Material's own keys do, so two
   handbooks on one host stay apart. A file:// page's path is wherever the offline zip was unzipped, and
   every file:// page shares one origin, so there the key starts with the site's published address (the
   page's canonical link, less the page's own path): the same in any folder, and different per handbook.
   Answers kept under the former path key (before version 3) move to it on the first visit.

   Tabs: the document is shared by every tab, but the assessment shown belongs to the tab (kept in
   sessionStorage, which is per tab). Each change is also kept as an operation until it is written; before
   every write, and when another tab writes (the `storage` event), the stored document is read again and
   this tab's unwritten operations are applied to it, so neither tab's change overwrites the other's.
   A tab may still read the stored text before another tab's write has reached it (each browser process
   keeps its own copy of storage and hears of other tabs' writes a moment later), so two tabs writing
   within milliseconds can each write a document without the other's change. The stored "rev" counts the
   writes: a write always carries one more than the document it was built on. A tab that hears of another
   tab's write whose rev is not above one of its own writes knows that write was built without it, applies
   its own operations of those writes again and, if anything was missing, writes once more (one more rev,
   so the other tab builds on it; an operation is written again at most RETRIES times). A replacing action
   (import, reset, restore, deletion) is kept as the operation of what it changed, and the version it kept
   is added again to a history written without it. */
(function (hb) {
  "use strict";
  var VERSION = 4;
  /* The one definition of what may be stored: the page checks it where the reader types, the store checks
     it before writing, and the reader of stored data accepts exactly this. */
  var LIMITS = Object.freeze({ text: 20000, versions: 20, decisions: 20 });
  var MAX_UNPACKED = 16e6; // bytes a packed share link may unfold into: more than browser storage holds
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)+$/;
  var HASH = /^[0-9a-f]{8}$/;
  var DATE = /^(\d{4,6}-\d{2}-\d{2})?$/; // a date box gives years up to 275760
  var STAMP = /^([+-]?\d{4,6}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?Z)?$/; // a check-in's time
  var UID = /^([a-z0-9]{1,40})?$/; // "" until stored: a profile read from a version 2 file
  var WRITE_NOW = 1000; // more answers than this (100 kB) are written when the browser is idle
  var OWN = "me";
  var scope = window.__md_scope || new URL(".", location);
  var OLD_KEY = scope.pathname + ".hb.assessment";
  var BASE = location.protocol === "file:" ? "offline:" + publishedRoot() : scope.pathname; // every key of this site starts so
  var KEY = BASE + ".hb.assessment";
  var UNDO = KEY + ".undo"; // version 2's single undo copy: becomes versions in the history
  var HISTORY = KEY + ".history";
  var UNREADABLE = KEY + ".unreadable.";
  var SHOWN = KEY + ".shown";

  var full = false; // the last write did not fit
  var storage = probe();
  var doc = empty();
  var lastRaw = null; // the stored text this tab last read or wrote
  var rev = 0; // the "rev" of that text: how many writes built it
  var ops = []; // this tab's changes not written yet: functions applied to a document (each may run twice)
  var written = []; // this tab's last writes, {rev, ops}, until another tab's write shows it built on them
  /* How often an operation is written again after other tabs' writes missed it. Changes to different answers
     settle at the first try; two tabs setting the same field to different values at the same moment would
     otherwise answer each other for ever (the last write then stands, as in one tab). */
  var RETRIES = 3;
  var WRITTEN_KEPT = 50; // writes remembered: far more than two tabs make in the moment before they hear of each other
  var keptVersions = []; // the versions this tab's last replacing actions kept, until the history is seen with them
  var memoryHistory = { version: VERSION, versions: [] }; // when nothing can be stored
  var shown = session(); // the assessment this tab shows
  var shared = null; // a document opened from a share link: shown, never saved
  var setAsideNow = false; // unreadable answers were set aside on this visit
  var listeners = [];
  var pending = false; // a change waits to be written

  /* The site's published root from the canonical link ("https://handbook.example/"), or "" without one. */
  function publishedRoot() {
    var link = document.querySelector('link[rel="canonical"]'), href = link ? link.href : "";
    var own = location.href.split(/[?#]/)[0].slice(scope.href.length).replace(/(^|\/)index\.html$/, "$1");
    if (href.slice(-own.length) === own || !own) return href.slice(0, href.length - own.length);
    return href && new URL(href).origin + "/"; // a canonical link of another shape: its host, the same on every page
  }

  function session(id) {
    try {
      if (id === undefined) return sessionStorage.getItem(SHOWN) || "";
      sessionStorage.setItem(SHOWN, id);
    } catch (error) { /* no session storage: the tab keeps it in memory */ }
    return id;
  }

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

  function newUid() {
    return Array.from(crypto.getRandomValues(new Uint8Array(8)), function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function emptyProfile() {
    return { uid: newUid(), name: "", author: "", date: "", current: "", target: "", placements: map(), plan: map(), items: map(), checkins: [] };
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
  var isText = function (value) { return value === undefined || (typeof value === "string" && value.length <= LIMITS.text); };
  /* "2026-02-28" is a day of the calendar; "2026-13-45" and "2027-02-29" are not (no date box shows them, and
     a check-in dated so would sort and read wrongly). */
  function isDay(text) {
    var parts = text.replace(/^\+/, "").split(/(?!^)-/).map(Number), day = new Date(0);
    day.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);
    return day.getUTCMonth() === parts[1] - 1 && day.getUTCDate() === parts[2];
  }
  var isDate = function (value) {
    return value === undefined || value === "" || (typeof value === "string" && DATE.test(value) && isDay(value));
  };
  var isStamp = function (value) {
    var found = typeof value === "string" && STAMP.exec(value);
    return !!found && isDay(found[1]);
  };
  var isLevel = matches(/^([a-z0-9]+(-[a-z0-9]+)*)?$/), isHash = matches(HASH);
  var isTick = function (value) { return typeof value === "boolean"; };
  var isId = function (value) { return typeof value === "string" && ID.test(value); };
  /* Each part of a profile: the pattern of its keys, a test per field (undefined: not given). */
  var PARTS = {
    items: [ITEM_ID, { done: isTick, note: isText, text: isText, hash: isHash }],
    placements: [ID, { level: isId, from: isLevel, hash: isHash }],
    plan: [ID, { step: isText, date: isDate, evidence: isText }],
  };
  /* `name` is the person assessed; `author` who filled it in, "" for their own view. A document without
     `author` reads as the person's own view, so files written before it existed need no migration step. */
  var FIELDS = { uid: matches(UID), name: isText, author: isText, date: isDate, current: isLevel, target: isLevel };
  var DECISION = { text: isText, owner: isText, date: isDate };

  /* An agenda's decisions and next meeting, cleaned, or null when not valid. A blank decision before a filled
     one keeps its place (the page shows decision n in row n, so emptying row 1 leaves row 2 where it is);
     blank ones at the end are left out. */
  function checkAgenda(data) {
    if (!isObject(data) || !isDate(data.next) || (data.decisions !== undefined && !Array.isArray(data.decisions))) return null;
    var decisions = data.decisions || [];
    if (decisions.length > LIMITS.decisions) return null;
    var kept = [];
    for (var i = 0; i < decisions.length; i++) {
      var row = decisions[i];
      if (!isObject(row) || Object.keys(DECISION).some(function (field) { return !DECISION[field](row[field]); })) return null;
      kept.push({ text: row.text || "", owner: row.owner || "", date: row.date || "" });
    }
    while (kept.length && !kept[kept.length - 1].text && !kept[kept.length - 1].owner && !kept[kept.length - 1].date) kept.pop();
    return { decisions: kept, next: data.next || "" };
  }

  function agendaIsBlank(agenda) {
    return !agenda || (!agenda.decisions.length && !agenda.next);
  }

  /* A joint check-in's second view: whose it is and their placements and ticks, or null when not valid. */
  function checkOther(data, bad) {
    if (!isObject(data) || !isText(data.name) || !matches(UID)(data.uid)) return null;
    var kept = checkProfile(data, bad, true);
    return kept && { name: data.name || "", uid: data.uid || "", placements: kept.placements, items: kept.items };
  }

  /* Returns {doc, bad: [problems]} or {problem}. Every version before VERSION is migrated here. */
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

  /* A profile, or (snapshot) a check-in's placements and items: its date is a time stamp, checked by the caller.
     A profile without uid (version 2 and before) keeps "" until it is stored: see withUids. */
  function checkProfile(data, bad, snapshot) {
    if (!isObject(data) || (data.items !== undefined && !isObject(data.items))) return null;
    var profile = emptyProfile();
    profile.uid = "";
    if (!snapshot) Object.keys(FIELDS).forEach(function (name) {
      if (FIELDS[name](data[name])) profile[name] = data[name] || "";
      else bad.push({ code: "item", id: name, field: name });
    });
    if (!snapshot && data.agenda !== undefined) {
      var agenda = checkAgenda(data.agenda);
      if (!agenda) bad.push({ code: "item", id: "agenda", field: "agenda" });
      else if (!agendaIsBlank(agenda)) profile.agenda = agenda;
    }
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
    if (!Array.isArray(checkins)) bad.push({ code: "shape" });
    else checkins.forEach(function (taken) {
      var kept = isObject(taken) && isStamp(taken.date) && checkProfile(taken, bad, true);
      if (!kept) return bad.push({ code: "item", id: "checkins", field: "date" });
      var entry = { date: taken.date, placements: kept.placements, items: kept.items };
      if (taken.plan !== undefined) entry.plan = kept.plan; // check-ins before version 4 did not keep the plan
      [["agenda", checkAgenda(taken.agenda)], ["other", taken.other !== undefined && checkOther(taken.other, bad)]].forEach(function (part) {
        if (part[1]) entry[part[0]] = part[1];
        else if (taken[part[0]] !== undefined) bad.push({ code: "item", id: "checkins", field: part[0] });
      });
      profile.checkins.push(entry);
    });
    return profile;
  }

  function withUids(value) {
    Object.keys(value.profiles).forEach(function (id) { value.profiles[id].uid = value.profiles[id].uid || newUid(); });
    return value;
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

  function readDoc(key, checker) {
    var raw = read(key), result, data;
    if (raw === null) return { doc: null, raw: raw, damaged: false, rev: 0 };
    try {
      result = (checker || check)(data = JSON.parse(raw));
    } catch (error) {
      result = { problem: { code: "json" } };
    }
    var written = isObject(data) && Number.isSafeInteger(data.rev) && data.rev > 0 ? data.rev : 0;
    return { doc: result.doc || null, raw: raw, damaged: !!(result.problem || result.bad.length), rev: written };
  }

  /* The history document: {version, versions: [{date, label, by, id, profile}]}, oldest first. */
  function checkHistory(data) {
    if (!isObject(data) || !Array.isArray(data.versions)) return { problem: { code: "shape" } };
    var bad = [], versions = data.versions.map(function (entry) {
      var profile = isObject(entry) && typeof entry.date === "string" && ID.test(entry.id) && checkProfile(entry.profile, bad);
      if (!profile) return bad.push({ code: "shape" }) && null;
      return { date: entry.date, label: String(entry.label || ""), by: String(entry.by || ""), id: entry.id, profile: profile };
    }).filter(Boolean);
    return { doc: { version: VERSION, versions: versions }, bad: bad };
  }

  /* Read once and kept until this tab or another writes it: the page lists it at every render. */
  var historyCache = null;

  function history() {
    if (!storage) return memoryHistory;
    return historyCache || (historyCache = readDoc(HISTORY, checkHistory).doc || { version: VERSION, versions: [] });
  }

  /* Lenient: keep what is readable of the answers and the history; set damaged text aside. */
  function load() {
    if (!storage) return;
    if (KEY !== OLD_KEY && read(KEY) === null && read(OLD_KEY) !== null) { // the offline key before version 3
      write([[KEY, read(OLD_KEY)], [UNDO, read(OLD_KEY + ".undo")]]);
    }
    var main = readDoc(KEY), kept = readDoc(HISTORY, checkHistory), undo = readDoc(UNDO);
    doc = withUids(main.doc || empty());
    var versions = kept.doc ? kept.doc.versions : [];
    if (undo.doc) Object.keys(undo.doc.profiles).forEach(function (id) { // version 2's Undo copy
      versions.push({ date: new Date().toISOString(), label: "undo", by: "", id: id, profile: withUids(undo.doc).profiles[id] });
    });
    var damaged = [main, kept, undo].filter(function (result) { return result.damaged; });
    var migrated = main.raw !== null && main.raw.indexOf('{"version":' + VERSION + ",") !== 0;
    lastRaw = main.raw;
    rev = main.rev;
    if (!damaged.length && !migrated && undo.raw === null) return;
    var now = Date.now(), text = serialise(doc, rev + 1);
    var pairs = damaged.map(function (result, index) { return [UNREADABLE + (now + index), result.raw]; });
    pairs.push([KEY, text], [HISTORY, JSON.stringify({ version: VERSION, versions: pruned(versions) })], [UNDO, null]);
    if (write(pairs)) {
      lastRaw = text;
      rev += 1;
      setAsideNow = damaged.length > 0;
    } else if (damaged.length) storage = null; // no room to set them aside: work in memory
  }

  /* The stored document again, with this tab's unwritten changes applied to it (another tab may have written).
     True when that other tab's write was built without some of this tab's writes and lacked their changes:
     they are waiting to be written again. */
  function refresh() {
    var raw = read(KEY);
    if (raw === lastRaw || !storage) return false;
    var latest = readDoc(KEY);
    if (!latest.doc && raw !== null) return false; // damaged by someone else: kept as it is until the next load sets it aside
    var missed = [];
    written.forEach(function (write) { if (write.rev >= latest.rev) missed = missed.concat(write.ops); });
    missed = missed.filter(function (op) { return (op.tries = (op.tries || 0) + 1) <= RETRIES; });
    written = [];
    doc = withUids(latest.doc || empty());
    lastRaw = raw;
    rev = latest.rev;
    var before = missed.length ? serialise(doc) : "";
    missed.forEach(function (op) { op(doc); });
    var lost = missed.length > 0 && serialise(doc) !== before;
    var waiting = ops;
    if (lost) ops = missed.concat(ops);
    waiting.forEach(function (op) { op(doc); });
    return lost;
  }

  /* JSON.stringify of the document, each item's JSON kept with it (ten thousand kept answers). */
  var pieces = new WeakMap();

  function serialise(value, stamp) {
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
    return '{"version":' + VERSION + (stamp ? ',"rev":' + stamp : "") + ',"profile":' + JSON.stringify(value.profile) +
      ',"profiles":{' + profiles.join(",") + "}}";
  }

  /* The last LIMITS.versions versions of each assessment. */
  function pruned(versions) {
    var seen = map();
    return versions.slice().reverse().filter(function (entry) {
      seen[entry.id] = (seen[entry.id] || 0) + 1;
      return seen[entry.id] <= LIMITS.versions;
    }).reverse();
  }

  /* Writes the document and, if given, the history; when they do not fit, the oldest versions give way
     to the newest one (never the answers); false when even that does not fit. */
  function save(versions) {
    if (!storage || shared) return true;
    pending = false;
    refresh();
    var text = serialise(doc, rev + 1), saved = !versions && write([[KEY, text]]);
    if (versions) {
      versions = pruned(versions);
      while (!(saved = write([[KEY, text], [HISTORY, JSON.stringify({ version: VERSION, versions: versions })]])) && versions.length > 1) {
        versions = versions.slice(Math.ceil((versions.length - 1) / 2));
      }
    }
    if (saved) {
      lastRaw = text;
      rev += 1;
      if (ops.length) written = written.concat({ rev: rev, ops: ops }).slice(-WRITTEN_KEPT);
      ops = [];
    }
    return saved;
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
      ops = [];
      load(); // it did not fit: back to what is stored
      changed();
    }
  }

  function view() {
    return shared || doc;
  }

  /* The id of the assessment this tab shows: its own choice while that assessment exists. */
  function current() {
    if (shared) return shared.profile;
    if (!doc.profiles[shown]) session(shown = doc.profiles[doc.profile] ? doc.profile : Object.keys(doc.profiles)[0]);
    return shown;
  }

  function profile() {
    return view().profiles[current()];
  }

  function count(value, id) {
    var p = value.profiles[id || (value === doc ? current() : value.profile)];
    return ["items", "placements", "plan"].reduce(function (sum, part) { return sum + Object.keys(p[part]).length; }, 0);
  }

  function copy(value) {
    return check(JSON.parse(serialise(value))).doc;
  }

  function copyProfile(profile) {
    var one = { profile: OWN, profiles: map() };
    one.profiles[OWN] = profile;
    return copy(one).profiles[OWN];
  }

  /* The document with only the current profile: what an export or a share link carries. */
  function alone() {
    var one = { profile: current(), profiles: map() };
    one.profiles[one.profile] = profile();
    return one;
  }

  function changed(id) {
    listeners.forEach(function (listener) { listener(id); });
  }

  /* A replacing action: the latest stored document, `edit(next, keep)` applied to a copy, where
     keep(id, label, by) first keeps the assessment `id` as it was; written with the history at once.
     Returns the edit's result, or false (nothing changed) when it does not fit. */
  function edited(edit, show) {
    refresh();
    var versions = history().versions, next = copy(doc), date = new Date().toISOString();
    var added = [], result = edit(next, function (id, label, by) {
      if (next.profiles[id]) added.push({ date: date, label: label, by: by || "", id: id, profile: copyProfile(next.profiles[id]) });
    });
    versions = versions.concat(added);
    var before = doc;
    historyCache = null; // the versions pushed below are written with the document, or dropped with it
    doc = withUids(next);
    shared = null;
    ops.push(replayOf(before, doc)); // written with this write: applied again if another tab's write missed it
    if (!save(versions)) {
      ops.pop();
      doc = before;
      changed();
      return false;
    }
    keptVersions = keptVersions.concat(added).slice(-LIMITS.versions);
    if (!storage) memoryHistory.versions = pruned(versions);
    if (show) session(shown = show); // the tab shows the assessment the action put in place
    changed();
    return result === undefined ? true : result;
  }

  /* What a replacing action did, as an operation: each field and each answer it changed, and each assessment
     it added or deleted (and the one shown, if that changed). Only what changed, so that applied to another
     tab's document it keeps that tab's changes to other answers. */
  function replayOf(before, after) {
    var steps = [], shownAfter = after.profile !== before.profile ? after.profile : null;
    var text = function (value) { return value === undefined ? undefined : JSON.stringify(value); };
    Object.keys(before.profiles).concat(Object.keys(after.profiles)).forEach(function (id) {
      var was = before.profiles[id] && copyProfile(before.profiles[id]); // as checked, so keys come in one order
      var is = after.profiles[id];
      if (!was || !is) return steps.push({ id: id, value: text(is) });
      Object.keys(was).concat(Object.keys(is)).forEach(function (field) {
        if (!Object.prototype.hasOwnProperty.call(PARTS, field)) {
          if (text(was[field]) !== text(is[field])) steps.push({ id: id, field: field, value: text(is[field]) });
          return;
        }
        Object.keys(was[field]).concat(Object.keys(is[field])).forEach(function (key) {
          if (text(was[field][key]) !== text(is[field][key])) steps.push({ id: id, field: field, key: key, value: text(is[field][key]) });
        });
      });
    });
    return function (target) {
      steps.forEach(function (step) {
        var value = step.value === undefined ? undefined : JSON.parse(step.value), kept = target.profiles[step.id];
        var holder = !step.field ? target.profiles : step.key === undefined ? kept : kept && kept[step.field];
        var name = !step.field ? step.id : step.key === undefined ? step.field : step.key;
        if (!holder) return; // deleted in between
        if (value === undefined) delete holder[name];
        else holder[name] = value;
      });
      if (shownAfter && target.profiles[shownAfter]) target.profile = shownAfter;
    };
  }

  /* The versions this tab kept that another tab's write of the history left out (it read the history before
     they reached it): kept again, once. The others are in the history: nothing more to watch for. */
  function keepVersions() {
    if (!keptVersions.length || !storage) return;
    var all = history().versions, missing = keptVersions.filter(function (kept) {
      return !all.some(function (v) { return v.date === kept.date && v.id === kept.id && v.label === kept.label; });
    });
    keptVersions = [];
    if (missing.length && write([[HISTORY, JSON.stringify({ version: VERSION, versions: pruned(all.concat(missing)) })]])) historyCache = null;
  }

  /* Apply `op` to this tab's document now and to the stored one at the next write; false, nothing
     changed, if it does not fit. */
  function change(op, itemId) {
    ops.push(op);
    op(doc);
    var saved = saveSoon();
    if (!saved) { // back to the stored document, with this tab's other waiting changes
      ops.pop();
      lastRaw = undefined;
      refresh();
    }
    changed(itemId);
    return saved;
  }

  /* Set or delete one entry of a part of the current profile, or a field; false, nothing changed, if it
     breaks a limit or does not fit. */
  function put(part, id, entry) {
    if (part && entry && invalid(part, entry)) return false;
    if (shared) {
      var entries = part ? profile()[part] : profile();
      if (entry || !part) entries[id] = entry;
      else delete entries[id];
      return changed(), true;
    }
    var pid = current();
    return change(function (target) {
      var p = target.profiles[pid];
      if (!p) return; // deleted in another tab: its versions keep it
      var entries = part ? p[part] : p;
      if (entry || !part) entries[id] = entry;
      else delete entries[id];
    }, part === "items" ? id : undefined);
  }

  /* The kept assessment of the same person as `value` (same uid; a file without one: same name), or "". */
  function keptOf(value) {
    return Object.keys(doc.profiles).filter(function (id) {
      var kept = doc.profiles[id];
      return value.uid ? kept.uid === value.uid : !!value.name && kept.name === value.name;
    })[0] || "";
  }

  /* Put a checked document's current profile in the store: over the copy kept of the same person (that
     copy kept as a version first), else as a new assessment. {id, updated}, or false. */
  function keep(value, name, label) {
    var incoming = copy(value).profiles[value.profile], id = keptOf(incoming), n = 1;
    if (name) incoming.name = name;
    if (!id) while (doc.profiles[id = "p" + n]) n += 1;
    var updated = !!doc.profiles[id];
    return edited(function (next, keepVersion) {
      keepVersion(id, label, incoming.name);
      next.profiles[id] = incoming;
      next.profile = id;
    }, id) && { id: id, updated: updated };
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

  function toBase64Url(bytes) {
    var binary = "";
    bytes.forEach(function (byte) { binary += String.fromCharCode(byte); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), function (c) { return c.charCodeAt(0); });
  }

  /* A packed code's bytes; rejects when the code was cut or damaged, or unfolds past MAX_UNPACKED
     (a hostile link of 2 MB could otherwise unfold into gigabytes). */
  function unpack(code) {
    var stream = new Blob([fromBase64Url(code)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    var reader = stream.getReader(), parts = [], size = 0;
    return reader.read().then(function next(step) {
      if (step.done) return new Blob(parts).arrayBuffer();
      if ((size += step.value.length) > MAX_UNPACKED) throw reader.cancel();
      parts.push(step.value);
      return reader.read().then(next);
    });
  }

  /* A share link's document, read as strictly as an import: {doc} or {problem}. `bytes` gives them
     (decoding a damaged code throws). */
  function readShare(bytes) {
    try {
      return parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes()));
    } catch (error) {
      return { problem: { code: "json" } };
    }
  }

  load();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flush(); });
  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key !== KEY && event.key !== HISTORY) return;
    historyCache = null;
    if (event.key === HISTORY) keepVersions();
    if (refresh()) saveSoon(); // another tab wrote: its change and this tab's waiting ones, together
    changed();
  });

  /* The versions of the assessment shown, and of deleted ones, newest first: [{index, date, label, by, id, profile}]. */
  function versions() {
    var all = history().versions, id = current();
    return all.map(function (entry, index) { return Object.assign({ index: index }, entry); }).filter(function (entry) {
      return entry.id === id || !doc.profiles[entry.id];
    }).reverse();
  }

  /* Version `index` of the history back in its place (the assessment it replaces kept first); the tab shows it. */
  function restore(index) {
    var entry = history().versions[index];
    if (!entry) return -1;
    return edited(function (next, keepVersion) {
      keepVersion(entry.id, "restore", entry.profile.name);
      next.profiles[entry.id] = entry.profile;
    }, entry.id) ? count(doc, entry.id) : -1;
  }

  hb.store = {
    VERSION: VERSION,
    LIMITS: LIMITS,
    /* How this site's keys start: its path, or in the offline copy its published address (every file:// page
       shares one origin, and an unzipped copy may move), so other pages' keeps (the team) follow the answers. */
    BASE: BASE,
    /* The number of characters over the limit of `text` (0 when it fits). */
    over: function (text) { return Math.max(0, String(text || "").length - LIMITS.text); },
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
    /* The agenda of the conversation about this assessment: {decisions: [{text, owner, date}], next}. */
    agenda: function () {
      var kept = profile().agenda;
      return kept ? { decisions: kept.decisions.slice(), next: kept.next } : { decisions: [], next: "" };
    },
    setAgenda: function (value) {
      var agenda = checkAgenda(value);
      return !!agenda && put(null, "agenda", agendaIsBlank(agenda) ? undefined : agenda);
    },
    setPlan: function (dimension, change) {
      var plan = clean("plan", Object.assign({}, profile().plan[dimension], change));
      return put("plan", dimension, Object.keys(plan).length ? plan : null);
    },
    setField: function (name, value) {
      return name !== "uid" && FIELDS[name](value) && put(null, name, value);
    },
    count: function (value) { return count(value || view()); },
    inMemory: function () { return !storage; },
    isFull: function () { return full; },
    setAsideNow: function () { return setAsideNow; },
    isShared: function () { return !!shared; },
    onChange: function (listener) { listeners.push(listener); },
    /* For other pages that read downloads (the team page): parse(text) -> {doc} or {problem}, strict, every
       earlier version migrated; check(data) the same on parsed JSON, lenient ({doc, bad}). */
    parse: parse,
    check: check,
    /* Whether a checked document's current profile is another person's than the assessment shown (and that one holds answers). */
    isSomeoneElse: function (value) {
      var incoming = value.profiles[value.profile], mine = profile();
      if (!count(doc) && !mine.name) return false;
      return incoming.uid ? incoming.uid !== mine.uid : incoming.name !== mine.name;
    },
    /* An imported document's current profile replaces the current profile's answers (a version is kept first).
       The assessment keeps its own uid: answers taken from someone's file do not make it theirs, so their
       next file opens as their assessment instead of overwriting this one. */
    replace: function (value, by) {
      value = value.doc || value;
      var id = current();
      return edited(function (next, keepVersion) {
        keepVersion(id, "import", by);
        next.profiles[id] = Object.assign(copy(value).profiles[value.profile], { uid: doc.profiles[id].uid });
      });
    },
    document: view,
    /* reset and undo: how many answers, or -1 when nothing changed (no room). */
    reset: function () {
      var id = current(), cleared = count(doc), name = profile().name, author = profile().author, uid = profile().uid;
      if (shared) return -1; // the page offers no reset of a shared view; never one of the reader's own through it
      return edited(function (next, keepVersion) {
        keepVersion(id, "reset");
        next.profiles[id] = Object.assign(emptyProfile(), { name: name, author: author, uid: uid });
      }) ? cleared : -1;
    },
    /* Profiles: {id: {name}} of the stored document; the id this tab shows; switch, add, delete (a version is kept). */
    profiles: function () { return doc.profiles; },
    current: current,
    use: function (id) {
      if (!doc.profiles[id] || shared) return;
      session(shown = id);
      change(function (target) { if (target.profiles[id]) target.profile = id; }); // where a new tab opens
    },
    /* `value`: a checked document whose current profile is kept (see keep), named `name` if given; null: a new empty one. */
    add: function (value, name, label) {
      if (value) return keep(value, name, label || "import");
      var id, n = 1;
      while (doc.profiles[id = "p" + n]) n += 1;
      return edited(function (next) {
        next.profiles[id] = Object.assign(emptyProfile(), { name: name || "" });
        next.profile = id;
      }, id) && { id: id, updated: false };
    },
    keptOf: function (value) { return keptOf(value.profiles[value.profile]); },
    remove: function (id) {
      return !shared && edited(function (next, keepVersion) {
        keepVersion(id, "delete");
        delete next.profiles[id];
        if (!Object.keys(next.profiles).length) next.profiles[OWN] = emptyProfile();
        if (!next.profiles[next.profile]) next.profile = Object.keys(next.profiles)[0];
      });
    },
    /* A dated snapshot of the current profile's placements, items, plan and agenda; with `other` (the second
       view shown: {name, uid, placements, items}), a joint one that keeps both views. */
    checkin: function (other) {
      var own = profile(), pid = current();
      var taken = JSON.stringify({ date: new Date().toISOString(), placements: own.placements, items: own.items, plan: own.plan,
        agenda: own.agenda, other: other ? { name: other.name || "", uid: other.uid || "", placements: other.placements, items: other.items } : undefined });
      if (shared) return own.checkins.push(JSON.parse(taken)), changed(), true; // a shared view is never saved
      return change(function (target) { // once, however often it is applied
        var kept = target.profiles[pid], date = JSON.parse(taken).date;
        if (kept && !kept.checkins.some(function (checkin) { return checkin.date === date; })) kept.checkins.push(JSON.parse(taken));
      });
    },
    versions: versions,
    restore: restore,
    canUndo: function () { return !shared && history().versions.length > 0; },
    /* Undo: the newest version back (restoring keeps what it replaces, so Undo again switches back). */
    undo: function () {
      return restore(history().versions.length - 1);
    },
    exportJson: function () {
      var value = alone();
      return JSON.stringify({ format: "handbook-self-assessment", version: VERSION, exported: new Date().toISOString(),
        profile: value.profile, profiles: value.profiles }, null, 2);
    },
    /* The code of a share link: {code, packed}. Packed (deflated: about 60% shorter) where the browser
       can; the plain code of earlier links otherwise. */
    shareCode: function () {
      var bytes = new TextEncoder().encode(serialise(alone()));
      if (!window.CompressionStream) return Promise.resolve({ code: toBase64Url(bytes) });
      return new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer()
        .then(function (out) { return { code: toBase64Url(new Uint8Array(out)), packed: true }; });
    },
    /* A link's code read: {doc} or {problem}; when `packed`, a promise of it. A packed code that does
       not unpack is "cut" (most often cut off when pasted into a message; or a browser from before 2023). */
    readShare: function (code, packed) {
      if (!packed) return readShare(function () { return fromBase64Url(code); });
      return Promise.resolve(code).then(unpack).then(function (bytes) {
        return readShare(function () { return bytes; });
      }, function () {
        return { problem: { code: "cut" } };
      });
    },
    /* Shows a document that readShare accepted; never saved. */
    openShared: function (value) {
      shared = value;
      changed();
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
