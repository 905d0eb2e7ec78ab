/* The career conversation on the "My self-assessment" page: several named assessments (profiles) in one
   browser, a second view beside the current one (another profile, a JSON file, a share link; its agenda is
   documents.js's, its decisions saved with the assessment shown), and dated check-ins with what changed and a
   timeline per dimension; a check-in saved while a second view is shown keeps both. Words come from the
   page (data-message); reader text is only ever set as text, and goes through markdownText in Markdown. */
(function (hb) {
  "use strict";
  var store = hb.store, lists = hb.checklists, place = hb.placement;
  var message = hb.message, element = hb.element;
  var SVG = "http://www.w3.org/2000/svg";

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function label(id, profile) {
    if (id !== "me") return profile.name || message("unnamed");
    return message("me") + (profile.name ? " (" + profile.name + ")" : "");
  }

  function options(select, entries, value) {
    select.replaceChildren.apply(select, entries.map(function (entry) { return new Option(entry[1], entry[0]); }));
    select.value = value;
  }

  /* The dimensions the page lists for the reader's job family: {id, name}. */
  function dimensions(known) {
    return place.ofFamily("[data-profile-row]", known).map(function (row) {
      return { id: row.dataset.profileRow, name: row.querySelector("th").textContent };
    });
  }

  /* Every checklist item on the page, by id: its text. */
  function itemTexts() {
    var texts = Object.create(null);
    document.querySelectorAll(".hb-checklist [data-item]").forEach(function (item) { texts[item.dataset.item] = lists.textOf(item); });
    return texts;
  }

  /* An answer's label: the page's text, else the text kept with it, marked archived. */
  function itemLabel(texts, id, answers) {
    if (texts[id]) return texts[id];
    var kept = answers.map(function (a) { return a && a.text; }).filter(Boolean)[0];
    return message("archived-item", { text: kept || id });
  }

  /* The second view: {name, profile}, or null. */
  function other() {
    var profiles = store.profiles(), others = hb.view.get("others"), chosen = hb.view.get("compared");
    if (others[chosen]) return others[chosen];
    return profiles[chosen] && chosen !== store.current() ? { id: chosen, name: label(chosen, profiles[chosen]), profile: profiles[chosen] } : null;
  }

  /* A view's name: "Marco's view of Priya" when someone else filled it in, else `fallback`. */
  function viewName(profile, fallback) {
    var by = hb.assessment.author(profile);
    return by ? message("agenda-of", { author: by, name: profile.name || message("unnamed") }) : fallback;
  }

  /* Who places higher and by how many steps, in words (the colour of its class only repeats it). */
  function difference(row, mineName, theirName) {
    if (row.myStep === null || row.theirStep === null) return element("td", row.size ? message("compare-one-side") : "");
    if (!row.size) return element("td", message("compare-same"), "hb-compare-diff");
    var mineHigher = row.myStep > row.theirStep;
    return element("td", message("compare-higher", { who: mineHigher ? mineName : theirName, steps: steps(row.size) }),
      "hb-compare-diff hb-compare-diff--" + (mineHigher ? "mine" : "theirs"));
  }

  /* Per dimension: both placements and the difference in steps; differences first, the largest first. */
  function placements(mine, theirs, known) {
    return dimensions(known).map(function (d) {
      var a = mine.placements[d.id], b = theirs.placements[d.id], sa = place.step(a, known), sb = place.step(b, known);
      return { name: d.name, mine: place.describe(a, known), theirs: place.describe(b, known), myStep: sa, theirStep: sb, at: [a, b],
        size: sa === null || sb === null ? (a || b ? 0.25 : 0) : Math.abs(sa - sb) };
    }).sort(function (x, y) { return y.size - x.size; });
  }

  /* Items where the two views differ (a tick, or only one has evidence), then the count that agree. */
  function items(mine, theirs) {
    var texts = itemTexts(), ids = Object.keys(Object.assign({}, mine.items, theirs.items)), differ = [], agree = 0;
    ids.forEach(function (id) {
      var a = mine.items[id] || {}, b = theirs.items[id] || {};
      if (!!a.done === !!b.done && !a.note === !b.note) agree += a.done ? 1 : 0;
      else differ.push({ label: itemLabel(texts, id, [a, b]), a: a, b: b, size: !!a.done !== !!b.done ? 1 : 0 });
    });
    return { differ: differ.sort(function (x, y) { return y.size - x.size; }), agree: agree };
  }

  /* A distance on the scale in words: "half a step", "one step", "1½ steps". */
  function steps(size) {
    if (size === 1) return message("agenda-steps-one");
    return size === 0.5 ? message("agenda-steps-half") : message("agenda-steps", { count: (Math.floor(size) || "") + (size % 1 ? "½" : "") });
  }

  /* The agenda's fields show what is saved with the assessment (a row for each decision, three at least). */
  function renderAgenda(root) {
    var form = $("[data-agenda-form]", root), saved = store.agenda(), rows = form.querySelectorAll("[data-agenda-row]");
    for (var n = rows.length; n < saved.decisions.length; n++) {
      var row = rows[0].cloneNode(true);
      row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      form.querySelectorAll("[data-agenda-row]")[n - 1].after(row);
    }
    form.querySelectorAll("[data-agenda-row]").forEach(function (row, i) {
      row.querySelectorAll("[data-agenda-field]").forEach(function (field) {
        if (field !== document.activeElement) field.value = (saved.decisions[i] || {})[field.dataset.agendaField] || "";
      });
    });
    var next = $("[data-agenda-next]", form);
    if (next !== document.activeElement) next.value = saved.next;
  }

  /* The agenda's fields as typed, saved with the assessment shown; false when over a limit or out of room. */
  function saveAgenda(form) {
    var decisions = [].map.call(form.querySelectorAll("[data-agenda-row]"), function (row) {
      var one = {};
      row.querySelectorAll("[data-agenda-field]").forEach(function (field) { one[field.dataset.agendaField] = field.value.trim(); });
      return one;
    });
    return store.setAgenda({ decisions: decisions, next: $("[data-agenda-next]", form).value });
  }

  function blank(profile) {
    return !Object.keys(profile.placements).length && !Object.keys(profile.items).length && !profile.target;
  }

  function tick(answer) {
    return message(answer.done ? "ticked" : "not-ticked");
  }

  function renderCompare(root, known, mine) {
    var box = $("[data-compare]", root), profiles = store.profiles(), them = other(), others = hb.view.get("others");
    options($("[data-compare-with]", root), [["", message("compare-nobody")]].concat(Object.keys(profiles).filter(function (id) {
      return id !== store.current();
    }).map(function (id) { return [id, label(id, profiles[id])]; }), Object.keys(others).map(function (key) {
      return [key, others[key].name];
    })), them ? hb.view.get("compared") : "");
    var mineName = them && viewName(mine, label(store.current(), mine)), theirName = them && viewName(them.profile, them.name);
    place.charts(known).forEach(function (figure) {
      place.draw(figure, known, place.target(known), $("[data-profile-other]", root).value, them && them.profile.placements);
      $('[data-legend="today"]', figure).textContent = them ? mineName : message("legend-today");
      $('[data-legend="theirs"]', figure).textContent = them ? theirName : "";
      $("[data-legend-theirs]", figure).hidden = !them;
    });
    box.hidden = !them;
    if (!them) return;
    var theirLevel = known[them.profile.current] || known[them.profile.target], myFamily = place.readerFamily(known);
    var otherFamily = !!theirLevel && !!myFamily && theirLevel.family !== myFamily, notice = $("[data-compare-family]", root);
    notice.hidden = !otherFamily;
    notice.textContent = otherFamily ? message("compare-family", { name: them.name, level: theirLevel.name }) : "";
    root.querySelectorAll("[data-compare-mine]").forEach(function (cell) { cell.textContent = mineName; });
    root.querySelectorAll("[data-compare-name]").forEach(function (cell) { cell.textContent = theirName; });
    var rows = placements(mine, them.profile, known).map(function (row) {
      var tr = document.createElement("tr");
      tr.append(element("th", row.name), element("td", row.mine), element("td", row.theirs), difference(row, mineName, theirName));
      tr.firstChild.scope = "row";
      return tr;
    });
    var tbody = $("[data-compare-table] tbody", root), found = items(mine, them.profile);
    tbody.replaceChildren.apply(tbody, rows);
    var list = $("[data-compare-items]", root);
    list.replaceChildren.apply(list, found.differ.map(function (row) {
      var entry = element("li", row.label + " — " + message("compare-ticks", { mine: tick(row.a), theirs: tick(row.b), name: them.name }));
      [[row.a, message("me-short")], [row.b, them.name]].forEach(function (pair) {
        if (pair[0].note) entry.append(element("p", pair[1] + ": " + pair[0].note));
      });
      return entry;
    }));
    $("[data-compare-agreed]", root).textContent = message("compare-agreed", { count: found.agree });
    renderAgenda(root);
  }

  /* What changed from check-in `a` to `b` (or to today's answers). */
  function changes(a, b, known) {
    var texts = itemTexts(), out = [];
    dimensions(known).forEach(function (d) {
      var x = a.placements[d.id], y = b.placements[d.id];
      if (place.step(x, known) !== place.step(y, known)) {
        out.push(message("changed-placement", { dimension: d.name, from: place.describe(x, known), to: place.describe(y, known) }));
      }
    });
    if (a.plan && b.plan) dimensions(known).forEach(function (d) { // check-ins before version 4 kept no plan
      var x = a.plan[d.id] || {}, y = b.plan[d.id] || {};
      if ((x.step || "") !== (y.step || "")) out.push(message(y.step ? "changed-step" : "changed-step-none", { dimension: d.name, step: y.step }));
      if ((x.date || "") !== (y.date || "")) out.push(message(y.date ? "changed-step-date" : "changed-step-date-none", { dimension: d.name, date: y.date && hb.date(y.date) }));
    });
    Object.keys(b.items).forEach(function (id) {
      var x = a.items[id] || {}, y = b.items[id], text = itemLabel(texts, id, [y, x]);
      if (y.done && !x.done) out.push(message("changed-ticked", { item: text }));
      if (y.note && y.note !== x.note) out.push(message("changed-evidence", { item: text, note: y.note }));
    });
    return out;
  }

  /* A check-in's day, in the page's one date format (hb.date). */
  function day(taken) {
    return hb.date(taken.date);
  }

  /* One line per view (the second view's, of joint check-ins, dashed); a check-in without that view, or that did
     not place the dimension, adds no point (a dimension never placed draws nothing).
     The height spans the steps the lines reach (at least one step), so a half step moves a line by half of it;
     the words beside the line say where each check-in placed. */
  function sparkline(series) {
    var reached = [].concat.apply([], series).filter(function (v) { return v !== undefined && v !== null; });
    var low = reached.length ? Math.min.apply(null, reached) : 0, high = reached.length ? Math.max.apply(null, reached) : 1;
    if (high - low < 1) {
      var middle = (low + high) / 2;
      low = middle - 0.5;
      high = middle + 0.5;
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 100 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "hb-timeline__line");
    series.forEach(function (values, which) {
      if (values.length === 1) values = values.concat(values); // one check-in: a flat line at its step
      var n = values.length, points = values.map(function (v, i) {
        return v === undefined || v === null ? "" : (n > 1 ? i * 100 / (n - 1) : 50).toFixed(1) + "," + (22 - 20 * (v - low) / (high - low)).toFixed(1);
      }).filter(Boolean);
      if (!points.length) return;
      var line = document.createElementNS(SVG, points.length > 1 ? "polyline" : "circle"); // a view seen once: a dot
      if (points.length > 1) line.setAttribute("points", points.join(" "));
      else [["cx", points[0].split(",")[0]], ["cy", points[0].split(",")[1]], ["r", 3]].forEach(function (a) { line.setAttribute(a[0], a[1]); });
      if (which) line.setAttribute("class", "hb-timeline__other");
      svg.append(line);
    });
    return svg;
  }

  /* A check-in's entry for one dimension: the placement, and in a joint check-in the second view's and the gap. */
  function atCheckin(taken, id, known) {
    var mine = place.describe(taken.placements[id], known);
    if (!taken.other) return message("timeline-one", { date: day(taken), mine: mine });
    var a = place.step(taken.placements[id], known), b = place.step(taken.other.placements[id], known);
    if (a === null && b === null) return message("timeline-neither", { date: day(taken) });
    var gap = a === null || b === null ? message("timeline-gap-unknown") : a === b ? message("timeline-gap-none") : message("timeline-gap", { steps: steps(Math.abs(a - b)) });
    return message("timeline-joint", { date: day(taken), mine: mine, name: taken.other.name || message("unnamed"),
      theirs: place.describe(taken.other.placements[id], known), gap: gap });
  }

  function renderCheckins(root, known, mine) {
    var taken = mine.checkins, last = taken[taken.length - 1], before = taken[taken.length - 2];
    $("[data-checkin-section]", root).hidden = !last;
    if (!last) return;
    var found = before ? changes(before, last, known) : [];
    $("[data-checkin-since]", root).textContent = before ? message("checkin-since", { from: day(before), to: day(last) }) : message("checkin-first", { date: day(last) });
    var list = $("[data-checkin-changes]", root);
    list.replaceChildren.apply(list, (before && !found.length ? [message("checkin-same")] : found).map(function (text) { return element("li", text); }));
    var since = changes(last, mine, known), now = $("[data-checkin-now-changes]", root); // what moved before the next check-in
    $("[data-checkin-now]", root).textContent = message(since.length ? "checkin-now" : "checkin-now-same", { date: day(last) });
    now.replaceChildren.apply(now, since.map(function (text) { return element("li", text); }));
    place.ofFamily("[data-timeline-row]", known).forEach(function (row) {
      var id = row.dataset.timelineRow, cells = row.querySelectorAll("td");
      var mineSteps = taken.map(function (t) { return place.step(t.placements[id], known); });
      var theirSteps = taken.map(function (t) { return t.other ? place.step(t.other.placements[id], known) : undefined; });
      cells[0].replaceChildren(sparkline(taken.some(function (t) { return t.other; }) ? [mineSteps, theirSteps] : [mineSteps]));
      cells[1].textContent = taken.map(function (t) { return atCheckin(t, id, known); }).join("; ");
    });
  }

  function render() {
    var root = $("[data-assessment]");
    if (!root) return;
    var known = place.levels(), mine = store.profile(), profiles = store.profiles(), select = $("[data-profile-select]", root);
    options(select, Object.keys(profiles).map(function (id) { return [id, label(id, profiles[id])]; }), store.current());
    select.disabled = store.isShared();
    $("[data-shared-name]", root).textContent = label("", mine);
    renderCompare(root, known, mine);
    renderCheckins(root, known, mine);
  }

  function say(text) {
    $('[data-status="conversation"]').textContent = text;
  }

  function readFile(input, then) {
    var file = input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var result = store.parse(text);
      input.value = "";
      if (result.problem) return say(message("problem-" + result.problem.code, result.problem));
      then(result.doc, file.name);
    });
  }

  /* A new assessment, or a file of someone already kept: their copy updated (its version kept first). */
  function addProfile(value, name) {
    var result = store.add(value, name), shown = result && label(result.id, store.profile());
    say(result ? message(result.updated ? "profile-updated" : "profile-added", { name: shown }) : message("save-full"));
  }

  var actions = {
    "profile-add": function () {
      var field = $("[data-profile-new]");
      if (!hb.fits(field)) return;
      addProfile(null, field.value.trim() || message("unnamed"));
      field.value = "";
    },
    "profile-delete": function () {
      var name = label(store.current(), store.profile());
      if (!window.confirm(message("profile-delete-confirm", { name: name }))) return;
      say(store.remove(store.current()) ? message("profile-deleted", { name: name }) : message("save-full"));
    },
    /* Never beside an empty assessment without asking: the reader chooses one that has answers. */
    "compare-shared": function () {
      var shared = store.document(), profiles, ask;
      var entry = { name: label("", store.profile()) || message("shared-name"), profile: shared.profiles[shared.profile] };
      hb.assessment.leaveShareLink();
      profiles = store.profiles();
      ask = blank(store.profile());
      $("[data-compare-ask]").hidden = !ask;
      options($("[data-compare-choices]"), [["", message("compare-pick")]].concat(Object.keys(profiles).filter(function (id) {
        return !blank(profiles[id]);
      }).map(function (id) { return [id, label(id, profiles[id])]; })), "");
      $("[data-compare-question]").textContent = message("compare-ask", { mine: label(store.current(), store.profile()), theirs: entry.name });
      hb.view.set({ others: hb.view.withOther("shared", entry), compared: ask ? "" : "shared" });
      $("#compare").scrollIntoView();
    },
    /* With a second view shown, a joint check-in: both views, so the gap can be followed over time. */
    checkin: function () {
      var them = other(), view = them && { name: them.name, uid: them.profile.uid, placements: them.profile.placements, items: them.profile.items };
      if (!store.checkin(view)) return say(message("save-full"));
      say(them ? message("checkin-saved-joint", { name: them.name }) : message("checkin-saved"));
    },
    "profile-use": function (select) {
      store.use(select.value);
    },
    "compare-with": function (select) {
      hb.view.set({ compared: select.value });
    },
    /* The assessment to set beside a shared one, chosen after it was opened. */
    "compare-choice": function (select) {
      $("[data-compare-ask]").hidden = true;
      hb.view.set({ compared: "shared" });
      store.use(select.value);
    },
    "import-new": function (input) {
      readFile(input, function (value, name) { addProfile(value, value.profiles[value.profile].name ? "" : name); });
    },
    "compare-file": function (input) {
      readFile(input, function (value, name) {
        var entry = { name: value.profiles[value.profile].name || name, profile: value.profiles[value.profile] };
        hb.view.set({ others: hb.view.withOther("file", entry), compared: "file" });
      });
    },
  };

  hb.actions(actions);

  /* The agenda is saved as it is typed (a date box says "input" once its date is complete). */
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("[data-assessment] [data-agenda-form]");
    if (form && hb.fits(event.target)) saveAgenda(form);
  });

  hb.conversation = { render: render, other: other, placements: placements, items: items, tick: tick, steps: steps };
  hb.view.onChange(function () { render(); });
  hb.onEveryPage(render);
  render();
})(window.handbook = window.handbook || {});
