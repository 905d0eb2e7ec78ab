/* The "My team" page: several people's self-assessments side by side, read from their JSON downloads or
   from this browser, in a grid (sort, filter), a calibration view per level, the team's themes, and the
   summary as CSV or Markdown. Loaded by handbook.js only on that page. Every word, column, level and cell
   text comes from the page; the team stays in this tab's memory unless the manager keeps it (then in
   localStorage, with earlier versions to bring back). Nothing is sent anywhere. */
(function (hb) {
  "use strict";
  var place = hb.placement;
  var MAX_FILE = 10000000; // bytes: far above any real download, low enough not to stall the tab
  var MAX_VERSIONS = 10;
  var scope = window.__md_scope || new URL(".", location);
  var OLD_KEY = scope.pathname + ".hb.team", KEY = hb.store.BASE + ".hb.team"; // they differ in the offline copy
  var team = []; // [{name, source, profile}]
  var sort = { by: "name", down: false };
  var timing = {};

  function root() {
    return document.querySelector("[data-team]");
  }

  var message = hb.message, element = hb.element;

  /* The same few sentences fill hundreds of cells: each is looked up in the page once per drawing. */
  var said = null;
  function once(key, make) {
    if (!said) return make();
    if (!(key in said)) said[key] = make();
    return said[key];
  }

  /* A placement in words, with the proficiency its level's cell asks for on a ladder that has a scale. */
  function placed(placement, known, says) {
    if (!placement) return once("not-placed", function () { return message("not-placed"); });
    return once("p" + (placement.from || "") + "+" + placement.level + " " + (says ? says.dataset.says : ""), function () {
      var step = says && says.dataset.proficiency;
      return place.describe(placement, known) + (step ? " (" + step + ")" : "");
    });
  }

  /* The adapter to store.js, the only code here that calls it: a download is read as the self-assessment
     reads it (checked, older versions migrated); re-point these three if that reading moves.
     readAssessment: {profile} or {problem: {code, ...}}. */
  function readAssessment(text) {
    var result = hb.store.parse(text);
    return result.problem ? { problem: result.problem } : { profile: result.doc.profiles[result.doc.profile] };
  }

  /* A profile written as a download is, so that a kept team is read back through the same door. */
  function asDownload(profile) {
    return JSON.stringify({ version: hb.store.VERSION, profile: "me", profiles: { me: profile } });
  }

  /* The assessments this browser keeps: {id: profile}. */
  function keptAssessments() {
    return hb.store.profiles();
  }

  /* --- What the page says about the ladder ------------------------------------------------------------ */

  function ladder() {
    var says = Object.create(null);
    root().querySelectorAll("[data-team-says] [data-says]").forEach(function (node) { says[node.dataset.says] = node; });
    var columns = [].map.call(root().querySelectorAll("[data-team-column]"), function (th) {
      return { id: th.dataset.teamColumn, group: th.dataset.teamGroup, name: th.textContent };
    });
    return { known: place.levels(), says: says, columns: columns };
  }

  /* Today's level, the target and the job family of one person's assessment, as the reader's own are found. */
  function levelsOf(profile, known) {
    return { today: place.current(known, profile), target: place.target(known, profile), family: place.readerFamily(known, profile) };
  }

  /* Half steps as people write them: 1, ½, 1½. */
  function steps(distance) {
    var whole = Math.floor(Math.abs(distance)), half = Math.abs(distance) % 1 ? "½" : "";
    return (whole || !half ? String(whole) : "") + half;
  }

  /* A placement against a level: {text, kind} (kind: at, above, below, or "" when it cannot be told). */
  function distance(placement, levelId, known) {
    var at = place.step(placement, known);
    if (at === null || !known[levelId]) return { text: known[levelId] ? "" : message("team-no-target"), kind: "" };
    var d = at - known[levelId].step, kind = d === 0 ? "at" : d > 0 ? "above" : "below";
    return { text: once(kind + d, function () { return message("team-" + kind, { steps: steps(d) }); }), kind: kind, value: d };
  }

  /* Everything the views show about one person. */
  function summarise(person, shape) {
    var known = shape.known, profile = person.profile, levels = levelsOf(profile, known), cells = Object.create(null), at = 0, total = 0;
    shape.columns.forEach(function (column) {
      if (cells[column.id]) return;
      var placement = profile.placements[column.id] || null, far = distance(placement, levels.target, known);
      cells[column.id] = { placement: placement, text: placed(placement, known, placement && shape.says[placement.level + " " + column.id]), far: far };
      if (!shape.says[levels.target + " " + column.id]) return;
      total += 1;
      if (far.kind === "at" || far.kind === "above") at += 1;
    });
    var archived = Object.keys(profile.placements).filter(function (id) {
      return !cells[id] || place.step(profile.placements[id], known) === null;
    }).length;
    var name = function (id) { return known[id] ? known[id].name : message("none"); };
    return { person: person, levels: levels, cells: cells, at: at, total: total, archived: archived,
      step: known[levels.today] ? known[levels.today].step : -1, readiness: total ? at / total : -1,
      journey: name(levels.today) + " → " + name(levels.target), ready: message("team-readiness", { at: at, total: total }) };
  }

  /* --- The grid --------------------------------------------------------------------------------------- */

  function filters() {
    var chosen = {};
    root().querySelectorAll("[data-team-filter]").forEach(function (select) { chosen[select.dataset.teamFilter] = select.value; });
    return chosen;
  }

  function ordered(rows) {
    var by = sort.by, sign = sort.down ? -1 : 1;
    return rows.slice().sort(function (a, b) {
      var byName = a.person.name.localeCompare(b.person.name);
      var first = by === "level" ? a.step - b.step : by === "readiness" ? a.readiness - b.readiness : byName;
      return sign * first || byName;
    });
  }

  function cell(row, column, chosenFamily) {
    var td = element("td"), data = row.cells[column.id];
    td.setAttribute("data-team-group", column.group);
    td.hidden = !!chosenFamily && !!column.group && column.group !== chosenFamily;
    if (column.group && row.levels.family && column.group !== row.levels.family) {
      td.appendChild(element("span", "–", "hb-team__none")).setAttribute("aria-hidden", "true");
      td.appendChild(element("span", once("not-described", function () { return message("team-not-described"); }), "hb-sr"));
      return td;
    }
    td.appendChild(element("span", data.text, "hb-team__level"));
    if (data.far.text) td.appendChild(element("span", data.far.text, "hb-team__mark hb-team__mark--" + data.far.kind));
    return td;
  }

  function renderGrid(rows, shape) {
    var chosen = filters(), body = root().querySelector("[data-team-rows]"), out = document.createDocumentFragment();
    ordered(rows).forEach(function (row) {
      if ((chosen.family && row.levels.family !== chosen.family) || (chosen.level && row.levels.today !== chosen.level)) return;
      var tr = element("tr"), th = element("th", row.person.name);
      th.setAttribute("scope", "row");
      if (row.archived) th.appendChild(element("span", message("team-archived", { count: row.archived }), "hb-team__archived"));
      tr.appendChild(th);
      shape.columns.forEach(function (column) { tr.appendChild(cell(row, column, chosen.family)); });
      tr.appendChild(element("td", row.journey));
      tr.appendChild(element("td", row.ready));
      out.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(out);
    root().querySelectorAll("[data-team-grid] thead th[data-team-group]").forEach(function (th) {
      th.hidden = !!chosen.family && !!th.dataset.teamGroup && th.dataset.teamGroup !== chosen.family;
    });
    root().querySelectorAll("[data-team-sort]").forEach(function (button) {
      var th = button.closest("th");
      if (button.dataset.teamSort === sort.by) th.setAttribute("aria-sort", sort.down ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    root().querySelector("[data-team-empty]").hidden = rows.length > 0;
  }

  /* --- Calibration: everyone at one level, beside what the level asks for ------------------------------ */

  function renderCalibration(rows, shape) {
    var select = root().querySelector("[data-team-calibrate]"), levelId = select.value, known = shape.known;
    var table = root().querySelector("[data-team-calibration]"), head = table.querySelector("thead tr"), body = table.querySelector("tbody");
    var people = ordered(rows).filter(function (row) { return row.levels.today === levelId; });
    while (head.children.length > 2) head.removeChild(head.lastChild);
    people.forEach(function (row) { head.appendChild(element("th", row.person.name)).setAttribute("scope", "col"); });
    body.textContent = "";
    var seen = Object.create(null);
    shape.columns.forEach(function (column) {
      var says = shape.says[levelId + " " + column.id];
      if (!says || seen[column.id] || !people.length) return;
      seen[column.id] = true;
      var tr = element("tr"), th = element("th", column.name), asks = element("td");
      th.setAttribute("scope", "row");
      [].forEach.call(says.childNodes, function (node) { asks.appendChild(node.cloneNode(true)); }); // the template's HTML, not a reader's
      if (says.dataset.proficiency) asks.appendChild(element("span", " (" + says.dataset.proficiency + ")"));
      tr.appendChild(th);
      tr.appendChild(asks);
      people.forEach(function (row) {
        var placement = row.cells[column.id].placement, far = distance(placement, levelId, known), td = element("td");
        td.appendChild(element("span", placed(placement, known, placement && shape.says[placement.level + " " + column.id]), "hb-team__level"));
        if (far.kind) td.appendChild(element("span", far.kind === "at" ? "✓" : far.text, "hb-team__mark hb-team__mark--" + far.kind));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.querySelector("caption").textContent = message("team-calibration-caption", { level: known[levelId] ? known[levelId].name : levelId });
    table.hidden = !people.length;
    root().querySelector("[data-team-calibration-none]").hidden = people.length > 0;
  }

  /* --- Team themes: the dimensions where most people are below their target ---------------------------- */

  function themes(rows, shape) {
    var found = [];
    root().querySelectorAll("[data-team-theme]").forEach(function (section) {
      var id = section.dataset.teamTheme, below = 0, total = 0, targets = Object.create(null);
      rows.forEach(function (row) {
        var data = row.cells[id];
        if (!data || !shape.says[row.levels.target + " " + id]) return;
        total += 1;
        if (data.far.kind === "below") {
          below += 1;
          targets[row.levels.target] = true;
        }
      });
      section.hidden = !(below * 2 > total);
      if (section.hidden) return;
      found.push([below, section]);
      section.querySelector("[data-team-theme-count]").textContent = message("team-theme-count", { count: below, total: total });
      var links = [].slice.call(section.querySelectorAll("[data-to]")), any = links.some(function (p) { return targets[p.dataset.to]; });
      links.forEach(function (p) { p.hidden = any && !targets[p.dataset.to]; });
    });
    var none = root().querySelector("[data-team-themes-none]");
    none.hidden = found.length > 0;
    none.after.apply(none, found.sort(function (a, b) { return b[0] - a[0]; }).map(function (pair) { return pair[1]; })); // the most first
  }

  /* --- Rendering, loading, keeping ---------------------------------------------------------------------- */

  var current = { rows: [], shape: null };

  function render() {
    if (!root()) return;
    var started = performance.now(), shape = ladder();
    said = Object.create(null);
    var rows = team.map(function (person) { return summarise(person, shape); });
    current = { rows: rows, shape: shape };
    renderGrid(rows, shape);
    renderCalibration(rows, shape);
    themes(rows, shape);
    root().querySelector("[data-team-status]").textContent = message("team-loaded", { count: team.length }) + " " +
      message(stored() && root().querySelector("[data-team-keep]").checked ? "team-kept" : "team-not-kept");
    said = null;
    timing.render = performance.now() - started;
  }

  /* The date of a person's newest check-in ("" without one): of two files of the same person, the newer wins. */
  function newest(person) {
    return person.profile.checkins.reduce(function (last, checkin) { return checkin.date > last ? checkin.date : last; }, "");
  }

  /* Adds people, one row each: a file of someone already shown (the same uid, or the same file and name)
     replaces theirs unless it is older (March's download after April's keeps April's). */
  function add(people) {
    people.forEach(function (person) {
      var uid = person.profile.uid, same = function (other) {
        return uid && other.profile.uid === uid || other.source === person.source && other.name === person.name;
      };
      if (team.some(function (other) { return same(other) && newest(other) > newest(person); })) return;
      team = team.filter(function (other) { return !same(other); });
      team.push(person);
    });
    keep();
    render();
  }

  function problem(file, reason) {
    root().querySelector("[data-team-problems]").appendChild(element("li", message("team-unreadable", { file: file, reason: reason })));
  }

  function readFiles(files) {
    var started = performance.now();
    root().querySelector("[data-team-problems]").textContent = "";
    return Promise.all([].map.call(files, function (file) {
      if (file.size > MAX_FILE) return Promise.resolve({ file: file, problem: { code: "size" } });
      return file.text().then(function (text) { return Object.assign({ file: file }, readAssessment(text)); },
        function () { return { file: file, problem: { code: "json" } }; });
    })).then(function (results) {
      var people = [];
      timing.read = performance.now() - started;
      results.forEach(function (result) {
        if (result.problem) return problem(result.file.name, message("team-problem-" + result.problem.code, result.problem));
        people.push({ name: result.profile.name || result.file.name.replace(/\.json$/i, ""), source: result.file.name, profile: result.profile });
      });
      add(people);
      timing.total = performance.now() - started;
    });
  }

  function fromBrowser() {
    var profiles = keptAssessments();
    add(Object.keys(profiles).map(function (id) {
      var profile = readAssessment(asDownload(profiles[id])).profile || profiles[id];
      return { name: profile.name || message("team-me"), source: "#" + id, profile: profile };
    }));
  }

  /* Kept teams: {versions: [{date, people: [{name, source, assessment}]}]}, the newest first. */
  function stored() {
    try {
      if (localStorage.getItem(KEY) === null && localStorage.getItem(OLD_KEY) !== null) {
        localStorage.setItem(KEY, localStorage.getItem(OLD_KEY)); // kept by a copy that keyed it by its folder
      }
      var value = JSON.parse(localStorage.getItem(KEY));
      return value && Array.isArray(value.versions) && value.versions.length ? value : null;
    } catch (error) {
      return null;
    }
  }

  function write(value) {
    try {
      if (value) localStorage.setItem(KEY, JSON.stringify(value));
      else localStorage.removeItem(KEY);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* A kept team that cannot be read (edited by hand, cut short) is copied aside before it is replaced, as
     store.js does with answers: nothing kept is overwritten unread. */
  function setAside(kept) {
    try {
      var raw = localStorage.getItem(KEY);
      if (raw !== null && !kept) localStorage.setItem(KEY + ".unreadable." + Date.now(), raw);
    } catch (error) { /* no storage: nothing was kept */ }
  }

  function keep() {
    var box = root().querySelector("[data-team-keep]"), kept = stored();
    if (!box.checked) return;
    setAside(kept);
    var version = { date: new Date().toISOString(), people: team.map(function (person) {
      return { name: person.name, source: person.source, assessment: asDownload(person.profile) };
    }) };
    var versions = [version].concat(kept ? kept.versions : []).slice(0, MAX_VERSIONS);
    if (!write({ versions: versions })) {
      box.checked = false;
      root().querySelector("[data-team-status]").textContent = message("team-full");
    }
    listVersions();
  }

  function fromVersion(version) {
    return version.people.map(function (person) {
      return { name: person.name, source: person.source, profile: readAssessment(person.assessment).profile };
    }).filter(function (person) { return person.profile; });
  }

  function listVersions() {
    var kept = stored(), select = root().querySelector("[data-team-version]");
    root().querySelector("[data-team-versions]").hidden = !kept || kept.versions.length < 2;
    select.textContent = "";
    (kept ? kept.versions.slice(1) : []).forEach(function (version, index) {
      var option = element("option", message("team-version", { date: new Date(version.date).toLocaleString(), count: version.people.length }));
      option.value = String(index + 1);
      select.appendChild(option);
    });
  }

  var actions = {
    browser: fromBrowser,
    clear: function () {
      team = [];
      root().querySelector("[data-team-problems]").textContent = "";
      keep();
      render();
    },
    forget: function () {
      write(null);
      root().querySelector("[data-team-keep]").checked = false;
      listVersions();
      render();
      root().querySelector("[data-team-status]").textContent = message("team-forgotten");
    },
    restore: function () {
      var kept = stored(), version = kept && kept.versions[Number(root().querySelector("[data-team-version]").value)];
      if (!version) return;
      team = fromVersion(version);
      keep();
      render();
      root().querySelector("[data-team-status]").textContent = message("team-restored", { date: new Date(version.date).toLocaleString() });
    },
    csv: function (button) { download(csv(), button.dataset.filename, "text/csv"); },
    markdown: function (button) { download(markdown(), button.dataset.filename, "text/markdown"); },
  };

  /* --- Exports ------------------------------------------------------------------------------------------ */

  /* One row per person and dimension of their family, as api/ladder.csv is written: a BOM, every field
     quoted, CRLF, and an apostrophe before a field a spreadsheet would run as a formula. */
  function csv() {
    var field = function (value) {
      var text = /^\s*[=+\-@]|^[\t\r\n]/.test(value) ? "'" + value : String(value); // " =1+1" too
      return '"' + text.replace(/"/g, '""') + '"';
    };
    var lines = [["person", "dimension", "placement", "distance", "today", "target", "readiness"].map(function (name) {
      return message("team-col-" + name);
    })];
    eachCell(function (row, column, data) {
      lines.push([row.person.name, column.name, data.text, data.far.text, row.journey.split(" → ")[0], row.journey.split(" → ")[1], row.ready]);
    });
    return "\ufeff" + lines.map(function (line) { return line.map(field).join(","); }).join("\r\n") + "\r\n";
  }

  function eachCell(write) {
    ordered(current.rows).forEach(function (row) {
      var seen = Object.create(null);
      current.shape.columns.forEach(function (column) {
        if (seen[column.id] || (column.group && row.levels.family && column.group !== row.levels.family)) return;
        seen[column.id] = true;
        write(row, column, row.cells[column.id]);
      });
    });
  }

  function markdown() {
    var text = function (value) { return hb.markdownText(String(value).replace(/\s+/g, " ")); };
    var out = ["# " + text(message("team-heading"))], last = null;
    eachCell(function (row, column, data) {
      if (row !== last) {
        last = row;
        out.push("", "## " + text(row.person.name), "", text(message("team-col-today") + ": " + row.journey + ". " +
          message("team-col-readiness") + ": " + row.ready + "."), "",
          "| " + ["dimension", "placement", "distance"].map(function (name) { return text(message("team-col-" + name)); }).join(" | ") + " |",
          "| --- | --- | --- |");
      }
      out.push("| " + [column.name, data.text, data.far.text].map(text).join(" | ") + " |");
    });
    return out.join("\n") + "\n";
  }

  function download(text, name, type) {
    var link = document.createElement("a"); // never attached: Material's instant navigation must not see the click
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* --- Events: set once, for whichever page shows ------------------------------------------------------- */

  function setup() {
    var here = root();
    if (!here || here.hasAttribute("data-hb-ready")) return;
    here.setAttribute("data-hb-ready", "");
    var kept = stored();
    here.querySelector("[data-team-keep]").checked = !!kept;
    if (kept && !team.length) team = fromVersion(kept.versions[0]);
    listVersions();
    render();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-team] button");
    if (!button) return;
    if (button.dataset.teamAction) return actions[button.dataset.teamAction](button);
    if (!button.dataset.teamSort) return;
    sort = { by: button.dataset.teamSort, down: sort.by === button.dataset.teamSort ? !sort.down : button.dataset.teamSort !== "name" };
    render();
  });
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.closest || !input.closest("[data-team]")) return;
    if (input.matches("[data-team-files]") && input.files.length) readFiles(input.files).then(function () { input.value = ""; });
    else if (input.matches("[data-team-keep]")) {
      if (input.checked) keep();
      else actions.forget(); // no longer kept: nothing of it stays behind
      render();
    } else if (input.matches("[data-team-filter], [data-team-calibrate]")) render();
  });
  document.addEventListener("dragover", function (event) {
    if (event.target.closest && event.target.closest("[data-team]")) event.preventDefault();
  });
  document.addEventListener("drop", function (event) {
    if (!event.target.closest || !event.target.closest("[data-team]") || !event.dataTransfer.files.length) return;
    event.preventDefault();
    readFiles(event.dataTransfer.files);
  });

  hb.team = { setup: setup, timing: timing, csv: csv, markdown: markdown };
  hb.onEveryPage(setup);
  setup();
})(window.handbook = window.handbook || {});
