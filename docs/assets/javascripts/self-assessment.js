/* The "My self-assessment" page: profile (name, today's and target level), chart and table of the
   placement, development plan, focus on the reader's transitions, progress, evidence notes, archived
   answers, exports (a Markdown promotion case, versioned JSON), import, share link, reset and undo.
   Every word shown comes from the page (data-message elements); reader text is only ever set as text. */
(function (hb) {
  "use strict";
  var store = hb.store, lists = hb.checklists, place = hb.placement;
  var message = hb.message, element = hb.element;
  var LINK = /^#share(2?)=/; // #share2=: deflated; #share=: plain JSON (earlier links, browsers that cannot deflate)
  var MAX_URL = 2000000; // Chromium's limit is 2 MB; longer addresses do not open
  var followed = ""; // the reader's job family when the page last followed it
  var showAllLevels = false;
  var near = { key: null, ids: [] }; // the levels offered for placing, and what they were chosen from

  function page() {
    return document.querySelector("[data-assessment]");
  }

  function describe(problem) {
    return message("problem-" + problem.code, problem);
  }

  /* Messages go next to the buttons; those about the page's address (a share link) go at the top. */
  function say(text, where) {
    document.querySelector('[data-status="' + (where || "actions") + '"]').textContent = text;
  }


  function setup() {
    var root = page();
    if (!root) return store.closeShared(); // a shared view ends when the reader leaves the page
    openShareLink();
    render();
  }

  /* A packed link unpacks asynchronously: shown only if the reader is still on it by then. */
  function openShareLink() {
    var hash = location.hash, found = LINK.exec(hash);
    if (!found) return;
    var result = store.readShare(hash.slice(found[0].length), found[1]);
    if (!found[1]) return opened(result);
    result.then(function (value) { if (location.hash === hash && page()) opened(value); });
  }

  function opened(result) {
    if (result.problem) return say(message("share-problem") + " " + describe(result.problem), "page");
    store.openShared(result.doc);
  }

  function leaveShareLink() {
    if (LINK.test(location.hash)) history.replaceState(history.state, "", location.pathname + location.search);
    store.closeShared();
  }

  /* `changedId`: the one checklist answer that changed; when it is on this page, the archived answers
     (thousands, for a reader who kept many) and the unreadable copies are left as they are. */
  function render(changedId) {
    var root = page();
    if (!root) return;
    var answers = store.all(), onPage = Object.create(null), known = place.levels();
    document.querySelectorAll(".hb-checklist [data-item]").forEach(function (item) { onPage[item.dataset.item] = item; });
    whose(root);
    placeHere(root, known);
    profile(root, known);
    plan(root, known);
    follow(known);
    focus();
    progress(root);
    evidence(root, answers, onPage);
    if (!changedId || !onPage[changedId]) {
      archived(root, answers, onPage);
      unreadable(root);
      versions(root);
    }
    root.querySelectorAll(":scope > [data-notice]").forEach(function (notice) {
      notice.hidden = !lists.noticeApplies(notice.dataset.notice);
    });
    root.classList.toggle("hb-assessment--shared", store.isShared());
    root.querySelector('[data-action="undo"]').hidden = !store.canUndo();
  }

  /* The versions a replacing action kept of this assessment (and of deleted ones), newest first, each with Restore. */
  function versions(root) {
    var entries = store.versions().map(function (entry) {
      var item = element("li", when(entry.date) + ": " + message("version-" + entry.label, { name: entry.by || message("unnamed") }) +
        " " + message("version-holds", { name: entry.profile.name || message("unnamed"), count: store.count({ profile: "x", profiles: { x: entry.profile } }) }) + " ");
      var button = element("button", message("restore"), "md-button");
      button.type = "button";
      button.dataset.action = "restore";
      button.dataset.index = entry.index;
      item.append(button);
      return item;
    });
    fill(root, "versions", entries);
  }

  /* A stored time stamp in the page's one date format, with the time (two versions a minute apart). */
  function when(stamp) {
    return hb.date(stamp, true);
  }

  /* The list [data-NAME-list] holds `entries`; its section [data-NAME-section], if any, shows when it has some. */
  function fill(root, name, entries) {
    var list = root.querySelector("[data-" + name + "-list]"), section = root.querySelector("[data-" + name + "-section]");
    list.replaceChildren.apply(list, entries);
    if (section) section.hidden = !entries.length;
    return entries.length;
  }

  function doneCount(ids) {
    return ids.filter(function (id) { var answer = store.get(id); return answer && answer.done; }).length;
  }

  function progress(root) {
    root.querySelectorAll("[data-chart-row]").forEach(function (row) {
      var list = lists.byKey(document, row.dataset.chartRow), ids = list ? lists.itemIds(list) : [], done = doneCount(ids);
      row.querySelector("[data-chart-done]").textContent = done;
      row.querySelector("[data-chart-share]").textContent = Math.round(ids.length ? done / ids.length * 100 : 0) + "%";
    });
  }

  function levelName(known, id) {
    return known[id] ? known[id].name + " (" + known[id].code + ")" : message("none");
  }

  function half(steps) {
    return (Math.floor(steps) || (steps % 1 ? "" : "0")) + (steps % 1 ? "½" : "");
  }

  /* Per dimension row of the reader's job family: its placement, whether its wording changed, its step and the target's. */
  function dimensions(known) {
    var targetId = place.target(known);
    return place.ofFamily("[data-profile-row]", known).map(function (row) {
      var id = row.dataset.profileRow, placement = store.placement(id);
      return { id: id, row: row, name: row.querySelector("th").textContent, placement: placement, today: place.step(placement, known),
        target: known[targetId] ? known[targetId].step : null, changed: place.wordingChanged(id) };
    });
  }

  /* The proficiency a placement's cell asks for on a dimension ("Practitioner"; halfway between two cells that
     differ, "Practitioner–Expert"), or "" where the ladder has none. */
  function proficiencyName(placement, dimension) {
    var at = placement ? place.proficiency(placement.level, dimension) : null;
    var from = placement && placement.from ? place.proficiency(placement.from, dimension) : null;
    if (!at) return "";
    return from && from.name !== at.name ? from.name + "–" + at.name : at.name;
  }

  /* A table cell: a placement's text, with below it the proficiency its cell asks for on the dimension, if any. */
  function withProficiency(cell, text, placement, dimension) {
    var name = proficiencyName(placement, dimension);
    cell.replaceChildren.apply(cell, [text].concat(name ? [element("span", name, "hb-profile-table__proficiency")] : []));
  }

  function placementText(dimension, known) {
    return place.describe(dimension.placement, known) + (dimension.changed ? " (" + message("changed") + ")" : "");
  }

  /* Who filled `profile` in when that was someone else, or "": "Priya" writing her own name in "Filled in by"
     is still her own view. */
  function author(profile) {
    var by = (profile.author || "").trim();
    return by.toLowerCase() === (profile.name || "").trim().toLowerCase() ? "" : by;
  }

  /* "Marco's view of Priya": whose assessment, and who filled it in. */
  function whose(root) {
    var fields = store.profile(), mine = store.current() === "me" && !store.isShared(), by = author(fields);
    var text = by ? message("view-by", { author: by, name: fields.name || message("unnamed") })
      : fields.name ? message("view-own", { name: fields.name }) : message(mine ? "view-mine" : "view-unnamed");
    root.querySelector("[data-view-of]").textContent = text;
  }

  /* The levels offered on this page: of the reader's job family, on the tracks of today's level and the
     target, from a level below today's to one above the target; every level of the family until either is
     known, and every level of all when the reader asks. The choice is made again only when the assessment
     shown or its chosen levels change, never as the reader places, so that no option moves under the pointer. */
  function nearLevels(known) {
    var fields = store.profile(), key = [store.isShared(), store.current(), fields.current, fields.target, showAllLevels].join(" ");
    if (key === near.key) return near;
    var ends = [known[place.current(known)], known[place.target(known)]].filter(Boolean);
    var steps = ends.map(function (level) { return level.step; }), tracks = ends.map(function (level) { return level.track; });
    var low = Math.min.apply(null, steps) - 1, high = Math.max.apply(null, steps) + 1;
    var family = place.family(known), all = Object.keys(known);
    var ids = all.filter(function (id) {
      var level = known[id];
      if (showAllLevels) return true;
      if (family && level.family !== family) return false;
      return !ends.length || (tracks.indexOf(level.track) >= 0 && level.step >= low && level.step <= high);
    });
    near = { key: key, ids: ids, narrowed: ids.length < all.length };
    return near;
  }

  function placeHere(root, known) {
    var offered = nearLevels(known), shownIds = [];
    place.ofFamily("[data-place-dimension]", known);
    root.querySelectorAll(".hb-place-here .hb-place__radio").forEach(function (radio) {
      var ids = radio.value.split("+"), option = radio.parentNode; // a half step: both its levels in range
      option.hidden = !radio.checked && !ids.every(function (id) { return offered.ids.indexOf(id) >= 0; });
      if (!option.hidden && !option.closest("[hidden]")) shownIds.push(ids[ids.length - 1]);
    });
    var ordered = shownIds.filter(function (id) { return known[id]; }).sort(function (a, b) { return known[a].step - known[b].step; });
    var toggle = root.querySelector('[data-action="show-all-levels"]');
    toggle.parentNode.hidden = !offered.narrowed && !showAllLevels;
    toggle.setAttribute("aria-expanded", String(showAllLevels));
    toggle.textContent = message(showAllLevels ? "levels-near" : "levels-every");
    root.querySelector("[data-levels-shown]").textContent = offered.narrowed && ordered.length ?
      message("levels-shown", { from: known[ordered[0]].name, to: known[ordered[ordered.length - 1]].name }) : "";
  }

  /* The first choice of each level box says what it stands for now: the level read from the placements,
     the next level on the track. */
  function unchosenLevels(root, known) {
    var today = known[place.current(known)], target = known[place.target(known)];
    var current = root.querySelector('[data-profile-field="current"] option[value=""]');
    var next = root.querySelector('[data-profile-field="target"] option[value=""]');
    current.textContent = today && !store.profile().current ? message("current-read", { level: today.name }) : message("current-unread");
    next.textContent = target && !store.profile().target ? message("target-next", { level: target.name }) : message("target-unknown");
  }

  function profile(root, known) {
    var fields = store.profile(), targetId = place.target(known), other = root.querySelector("[data-profile-other]");
    unchosenLevels(root, known);
    root.querySelectorAll("[data-profile-field]").forEach(function (field) {
      if (field !== document.activeElement) field.value = fields[field.dataset.profileField] || "";
    });
    dimensions(known).forEach(function (dimension) {
      var cells = dimension.row.querySelectorAll("td");
      withProficiency(cells[0], placementText(dimension, known), dimension.placement, dimension.id);
      withProficiency(cells[1], levelName(known, targetId), targetId && { level: targetId }, dimension.id);
      cells[2].textContent = dimension.today === null || dimension.target === null ? "–" : half(Math.max(0, dimension.target - dimension.today));
    });
    var measure = root.querySelector("[data-profile-measure]");
    if (measure) measure.hidden = false;
    place.charts(known).forEach(function (figure) { place.draw(figure, known, targetId, other.value); });
    archivedPlacements(root, known);
  }

  function archivedPlacements(root, known) {
    var shown = Object.create(null);
    document.querySelectorAll("[data-profile-row]").forEach(function (row) { shown[row.dataset.profileRow] = true; });
    var placements = store.profile().placements, entries = Object.keys(placements).filter(function (id) {
      return !shown[id] || place.step(placements[id], known) === null;
    }).map(function (id) {
      return element("li", message("archived-placement", { dimension: id, placement: place.describe(placements[id], known) }));
    });
    fill(root, "placements", entries);
  }

  /* The transitions from today's level to the target, the shortest way ([] when it is not ahead). */
  function way(known) {
    var from = place.current(known), to = place.target(known), edges = document.querySelectorAll("[data-way]");
    var paths = Object.create(null), queue = [from];
    paths[from] = [];
    while (queue.length && to && !paths[to]) {
      var at = queue.shift();
      edges.forEach(function (edge) {
        if (edge.dataset.from !== at || paths[edge.dataset.to]) return;
        paths[edge.dataset.to] = paths[at].concat(edge.dataset.way);
        queue.push(edge.dataset.to);
      });
    }
    return from && to && paths[to] || [];
  }

  /* Each dimension below the target, or with a plan: what the target asks, and the reader's fields. */
  function plan(root, known) {
    var targetId = place.target(known), onWay = way(known), shown = 0;
    root.querySelectorAll("[data-way]").forEach(function (section) { section.hidden = onWay.indexOf(section.dataset.way) < 0; });
    var rows = dimensions(known), ids = rows.map(function (dimension) { return dimension.id; });
    root.querySelectorAll("[data-plan]").forEach(function (section) { // another family's, from the assessment shown before
      if (ids.indexOf(section.dataset.plan) < 0) section.hidden = true;
    });
    rows.forEach(function (dimension) {
      var section = root.querySelector('[data-plan="' + dimension.id + '"]'), written = store.plan(dimension.id);
      var below = dimension.target !== null && (dimension.today === null || dimension.today < dimension.target);
      section.hidden = !below && !Object.keys(written).length;
      if (section.hidden) return;
      shown += 1;
      section.querySelector("[data-plan-today]").textContent = placementText(dimension, known);
      section.querySelector("[data-plan-target]").textContent = levelName(known, targetId);
      var says = document.querySelector('[data-says="' + targetId + " " + dimension.id + '"]'), box = section.querySelector("[data-plan-says]");
      box.replaceChildren.apply(box, says ? [says.cloneNode(true)] : []);
      suggestions(section, dimension.id, onWay);
      section.querySelectorAll("[data-plan-field]").forEach(function (field) {
        if (field !== document.activeElement) field.value = written[field.dataset.planField] || "";
      });
    });
    root.querySelector("[data-plan-empty]").hidden = shown > 0;
    hb.grow(root);
  }

  /* The handbook's ideas for a dimension on the reader's way: copies of the page's suggestion lists, made
     again only when the way changes (not at every keystroke). */
  function suggestions(section, dimension, onWay) {
    var box = section.querySelector("[data-plan-suggestions]"), key = onWay.join(" ");
    if (box.hbWay === key) return;
    box.hbWay = key;
    var found = [];
    onWay.forEach(function (way) {
      document.querySelectorAll('[data-suggestions="' + way + '"] > li').forEach(function (item) {
        if (item.dataset.suggestion.split(" ").indexOf(dimension) >= 0) found.push(item.cloneNode(true));
      });
    });
    box.replaceChildren.apply(box, found);
    section.querySelector("[data-plan-ideas]").hidden = !found.length;
  }

  /* A suggestion becomes the next step. Words the reader already wrote there stay: the idea is added on
     a line of its own below them, and an idea already in the step is not added twice. */
  function adoptStep(button) {
    var section = button.closest("[data-plan]"), dimension = section.dataset.plan, field = section.querySelector('[data-plan-field="step"]');
    var idea = button.closest("li").querySelector("[data-suggestion-text]").textContent.trim(), step = store.plan(dimension).step || "";
    var status = section.querySelector("[data-plan-status]");
    if (step.indexOf(idea) >= 0) return field.focus();
    var next = step ? step.replace(/\s+$/, "") + "\n" + idea : idea;
    if (store.over(next)) return (status.textContent = message("too-long", { over: store.over(next), limit: store.LIMITS.text }));
    if (!store.setPlan(dimension, { step: next })) return (status.textContent = message("save-full"));
    status.textContent = message(step ? "step-added" : "step-adopted", { dimension: section.querySelector(".hb-plan__title").textContent });
    field.focus();
    field.setSelectionRange(next.length, next.length);
  }

  /* The family shown follows the reader's level when it changes, not while they look at another family. */
  function follow(known) {
    var family = place.readerFamily(known);
    if (!family || family === followed) return;
    followed = family;
    hb.view.set({ family: family });
  }

  /* The checklists of the reader's transitions show, in their job family; the others are one click away. */
  function focus() {
    var known = place.levels(), mine = way(known), groups = document.querySelectorAll("[data-focus]"), showAll = hb.view.get("showAll");
    if (!mine.length && groups.length) mine = [groups[0].dataset.focus];
    var target = hb.hashTarget(); // never throws: a malformed address must not stop the page
    groups.forEach(function (group) {
      group.hidden = !showAll && mine.indexOf(group.dataset.focus) < 0 && !(target && group.contains(target));
    });
    var toggle = document.querySelector('[data-action="show-all"]');
    toggle.setAttribute("aria-expanded", String(showAll));
    toggle.textContent = message(showAll ? "show-mine" : "show-all");
  }

  function evidence(root, answers, onPage) {
    var entries = Object.keys(onPage).filter(function (id) { return answers[id] && answers[id].note; }).map(function (id) {
      var item = onPage[id], link = element("a", lists.textOf(item)), entry = element("li");
      link.href = "#assess-" + item.closest(".hb-checklist").dataset.checklist; // the template's heading
      entry.append(item.closest(".hb-checklist").dataset.title + ": ", link, element("p", answers[id].note, "hb-evidence__note"));
      return entry;
    });
    root.querySelector("[data-evidence-empty]").hidden = fill(root, "evidence", entries) > 0;
  }

  function archivedIds(answers, onPage) {
    return Object.keys(answers).filter(function (id) { return !onPage[id]; });
  }

  function archived(root, answers, onPage) {
    var entries = archivedIds(answers, onPage).map(function (id) {
      var answer = answers[id], entry = element("li");
      entry.append(element("code", id), " ", element("span", answer.text || ""), " (" + message(answer.done ? "ticked" : "not-ticked") + ")");
      if (answer.note) entry.append(element("p", answer.note, "hb-evidence__note"));
      return entry;
    });
    fill(root, "archived", entries);
  }

  function unreadable(root) {
    var entries = store.unreadable().map(function (key) {
      var entry = element("li", when(Number(key.split(".").pop())) + " ");
      ["download", "delete"].forEach(function (action) {
        var button = element("button", message(action), "md-button");
        button.type = "button";
        button.dataset.action = "unreadable-" + action;
        button.dataset.key = key;
        entry.append(button, " ");
      });
      return entry;
    });
    fill(root, "unreadable", entries);
  }

  /* A download's file name with the assessment's name in it ("promotion-case-uma-patel.md"), so that a
     manager's six downloads do not overwrite one another. */
  function personal(filename) {
    var who = (store.profile().name || "").toLowerCase().normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[^\p{L}\p{N}]+/gu, "-");
    who = Array.from(who.replace(/^-+|-+$/g, "")).slice(0, 40).join("").replace(/-+$/, ""); // letters of any script stay
    var dot = filename.lastIndexOf(".");
    return who ? filename.slice(0, dot) + "-" + who + filename.slice(dot) : filename;
  }

  function download(text, name, type) {
    var link = document.createElement("a"); // never attached: Material's instant navigation must not see the click
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = personal(name);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* This page's address for a share link. The offline copy's (file:///home/...) would tell the reader's
     folders and opens nowhere else: there, the published address of the page (its canonical link). */
  function pageAddress() {
    if (location.protocol !== "file:") return location.origin + location.pathname + location.search;
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical && /^https?:/.test(canonical.href) ? canonical.href.split("#")[0] : "";
  }

  /* The share link of the assessment shown, put in its box; "" (said why) when too long for browsers. */
  function shareLink() {
    var output = document.querySelector("[data-share-output]");
    output.value = "";
    return store.shareCode().then(function (result) {
      var link = pageAddress() + (result.packed ? "#share2=" : "#share=") + result.code;
      if (link.length <= MAX_URL) return (output.value = link);
      say(message("share-too-long", { size: (link.length / 1e6).toFixed(1) }), "share");
      return "";
    });
  }

  function pick() {
    var output = document.querySelector("[data-share-output]");
    output.focus();
    output.select();
  }

  /* A JSON file read for an import into the assessment shown: another person's asks first (see choice). */
  var waiting = null;

  function importFile(result, fileName) {
    waiting = { doc: result.doc, name: fileName };
    var incoming = result.doc.profiles[result.doc.profile];
    if (!store.isSomeoneElse(result.doc)) return importWaiting({ dataset: { action: "import-replace" } });
    var box = document.querySelector("[data-import-choice]");
    box.querySelector("[data-import-question]").textContent = message("import-ask", { theirs: incoming.name || fileName,
      mine: store.profile().name || message("me") });
    box.hidden = false;
    box.querySelector("button").focus();
  }

  /* The answer to the question: replace the assessment shown (a version of it kept), keep as another, or nothing. */
  function importWaiting(button) {
    var value = waiting, choice = button.dataset.action;
    waiting = null;
    document.querySelector("[data-import-choice]").hidden = true;
    if (!value || choice === "import-cancel") return say(message("import-cancelled"));
    leaveShareLink();
    var name = value.doc.profiles[value.doc.profile].name || value.name;
    if (choice === "import-as-new") return kept(store.add(value.doc, value.doc.profiles[value.doc.profile].name ? "" : value.name, "import"), value.doc);
    if (!store.replace(value.doc, name)) return say(message("import-full", { count: store.count(value.doc) }));
    say(message("import-done", { count: store.count() }));
  }

  /* The message after keeping a file or a link: added, or the copy kept of that person updated. */
  function kept(result, value) {
    if (!result) return say(message("import-full", { count: store.count(value) }));
    say(message(result.updated ? "kept-updated" : "adopt-done", { count: store.count(), name: store.profile().name || message("unnamed") }));
  }

  var actions = {
    "import-replace": importWaiting,
    "import-as-new": importWaiting,
    "import-cancel": importWaiting,
    "adopt-step": adoptStep,
    restore: function (button) {
      var count = store.restore(Number(button.dataset.index));
      say(count < 0 ? message("save-full") : message("restored", { count: count }));
    },
    "export-json": function (button) {
      download(store.exportJson(), button.dataset.filename, "application/json");
    },
    share: function () {
      shareLink().then(function (link) {
        if (link) pick(), say(message("share-made"), "share");
      });
    },
    /* The link made first if there is none yet; when the browser refuses, it is left selected to copy by hand. */
    "share-copy": function () {
      var made = document.querySelector("[data-share-output]").value;
      (made ? Promise.resolve(made) : shareLink()).then(function (link) {
        return link && navigator.clipboard.writeText(link).then(function () { say(message("share-copied"), "share"); });
      }).catch(function () {
        pick();
        say(message("share-copy-failed"), "share");
      });
    },
    reset: function () {
      if (!window.confirm(message("reset-confirm"))) return;
      var cleared = store.reset();
      if (cleared < 0) return say(message("save-full"));
      say(message("reset-done", { count: cleared }));
      document.querySelector('[data-action="undo"]').focus();
    },
    undo: function (button) {
      var count = store.undo();
      say(count < 0 ? message("save-full") : message("undo-done", { count: count }));
      button.focus();
    },
    adopt: function () {
      var shared = store.document();
      leaveShareLink();
      kept(store.add(shared, "", "adopt"), shared);
    },
    "leave-share": leaveShareLink,
    "show-all": function () {
      hb.view.set({ showAll: !hb.view.get("showAll") });
    },
    "show-all-levels": function (button) {
      showAllLevels = !showAllLevels;
      render();
      button.focus();
    },
    "unreadable-download": function (button) {
      download(store.readRaw(button.dataset.key), "unreadable-answers-" + button.dataset.key.split(".").pop() + ".txt", "text/plain");
    },
    "unreadable-delete": function (button) {
      if (window.confirm(message("delete-confirm"))) store.forget(button.dataset.key);
    },
    "import": function (input) {
      var file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var result = store.parse(text);
        input.value = "";
        if (result.problem) return say(describe(result.problem));
        importFile(result, file.name);
      });
    },
  };

  hb.actions(actions);

  /* The reader's own fields: profile (name, date, levels) and plan (next step, date, evidence). */
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.closest || !field.closest("[data-assessment]")) return;
    if ((field.dataset.profileField || field.dataset.planField) && !hb.fits(field)) return; // said next to the field
    if (field.dataset.profileField) store.setField(field.dataset.profileField, field.value);
    else if (field.dataset.planField) store.setPlan(field.closest("[data-plan]").dataset.plan, Object.fromEntries([[field.dataset.planField, field.value]]));
    else if (field.matches("[data-profile-other], [data-profile-measure] input")) hb.view.redraw();
  });
  window.addEventListener("hashchange", function () {
    if (!page()) return;
    openShareLink();
    focus();
  });

  hb.assessment = { setup: setup, render: render, leaveShareLink: leaveShareLink, download: download, author: author, dimensions: dimensions, levelName: levelName, proficiencyName: proficiencyName };
  hb.view.onChange(render);
  hb.onEveryPage(setup);
  setup();
})(window.handbook = window.handbook || {});
