/* Placement on the ladder: the radio buttons of the level map and level pages, the profile chart, and
   "how far is this level" on level and transition pages. Everything about the ladder is read from what the
   templates render (data-ladder: levels with their step and where they lead, served once per site; the
   page's chart axes; the radios' values and hashes); nothing of the data is copied here. A placement is
   {level} or {from, level} (a half step). */
(function (hb) {
  "use strict";
  var store = hb.store;

  /* The list of levels, parsed once: the build serves it in a script (ladder-data.js, joined first into the
     bundle) rather than in every page, so a page does not grow with the ladder. An inert document: nothing
     in it runs or loads. */
  var ladder = null;
  function ladderList() {
    ladder = ladder || new DOMParser().parseFromString(hb.ladderList || "", "text/html");
    return ladder;
  }

  /* The levels of the ladder, by id: {name, code, step, track, family, next: [ids]}. */
  function levels() {
    var found = Object.create(null);
    ladderList().querySelectorAll("[data-ladder] [data-level]").forEach(function (node) {
      var data = node.dataset;
      found[data.level] = { id: data.level, name: node.textContent, code: data.code, step: Number(data.step), track: data.track,
        family: data.levelFamily || "", next: data.next.split(" ").filter(Boolean) };
    });
    return found;
  }

  /* The step of a placement (a half step between two levels), or null when a level is not in this handbook. */
  function step(placement, known) {
    if (!placement || !known[placement.level] || (placement.from && !known[placement.from])) return null;
    return placement.from ? (known[placement.from].step + known[placement.level].step) / 2 : known[placement.level].step;
  }

  function value(placement) {
    return placement.from ? placement.from + "+" + placement.level : placement.level;
  }

  function describe(placement, known) {
    var name = function (id) { return known[id] ? known[id].name : id; };
    if (!placement) return hb.message("not-placed");
    return placement.from ? hb.message("between", { from: name(placement.from), level: name(placement.level) }) : name(placement.level);
  }

  /* Today's level in `profile` (default: the assessment shown): the one chosen, else the level placed at
     most often (the lower on a tie). */
  function current(known, profile) {
    var person = profile || store.profile(), counts = Object.create(null), best = "";
    if (known[person.current]) return person.current;
    Object.keys(person.placements).forEach(function (dimension) {
      var placement = person.placements[dimension], id = placement.from || placement.level;
      if (step(placement, known) !== null) counts[id] = (counts[id] || 0) + 1;
    });
    Object.keys(counts).forEach(function (id) {
      if (!best || counts[id] > counts[best] || (counts[id] === counts[best] && known[id].step < known[best].step)) best = id;
    });
    return best;
  }

  /* The target in `profile` (default: the assessment shown): the one chosen, else where the first transition
     from today's level leads (its own track first). */
  function target(known, profile) {
    var person = profile || store.profile(), today = known[current(known, person)];
    if (known[person.target]) return person.target;
    return today && today.next.length ? today.next[0] : "";
  }

  /* The job family of the level today in `profile` (default: the assessment shown), else of its target (""
     when neither is known, or on a ladder without families). */
  function readerFamily(known, profile) {
    var level = known[current(known, profile)] || known[target(known, profile)];
    return level ? level.family : "";
  }

  /* The job family the reader is assessed in: theirs, else the first the page draws a chart for. */
  function family(known) {
    var first = document.querySelector("[data-profile-chart][data-families]");
    return readerFamily(known) || (first ? first.dataset.families : "");
  }

  /* The parts of the page (`selector`) for the reader's job family, shown, the others hidden: a part lists
     its families in data-families; one without it belongs to every family. */
  function ofFamily(selector, known) {
    var chosen = family(known);
    return [].filter.call(document.querySelectorAll(selector), function (node) {
      var families = node.dataset.families;
      node.hidden = !!chosen && families !== undefined && families.split(" ").indexOf(chosen) < 0;
      return !node.hidden;
    });
  }

  /* The profile charts to draw: the reader's job family's, in the measure chosen (levels, or proficiency on
     a ladder with a proficiency scale); the others are hidden. */
  function charts(known) {
    var chosen = document.querySelector("[data-profile-measure] input:checked"), measure = chosen ? chosen.value : "level";
    return ofFamily("[data-profile-chart]", known).filter(function (chart) {
      chart.hidden = chart.dataset.profileChart !== measure;
      return !chart.hidden;
    }).map(function (chart) { return chart.querySelector("[data-profile]"); });
  }

  /* The proficiency a level's cell asks for on `dimension`: {rank, name} from the page, or null. */
  function proficiency(levelId, dimension) {
    var cell = document.querySelector('[data-says="' + levelId + " " + dimension + '"][data-proficiency-rank]');
    return cell ? { rank: Number(cell.dataset.proficiencyRank), name: cell.dataset.proficiency } : null;
  }

  /* Where a placement sits on a chart's rings: its step on the level scale, or on a chart that measures
     proficiency, the proficiency its cell asks for (halfway: between both cells'). */
  function stepOn(figure, placement, dimension, known) {
    if (figure.dataset.measure !== "proficiency" || step(placement, known) === null) return step(placement, known);
    var at = proficiency(placement.level, dimension), from = placement.from ? proficiency(placement.from, dimension) : at;
    return at && from ? (at.rank + from.rank) / 2 : null;
  }

  function changed(placement, radio) {
    return !!(placement && placement.hash && radio.dataset.hash && placement.hash !== radio.dataset.hash);
  }

  /* Whether the wording of a placement's description changed since it was chosen, from the radio for it or
     from the hashes the self-assessment page lists. */
  function wordingChanged(dimension) {
    var placement = store.placement(dimension);
    if (!placement) return false;
    var found = document.querySelector('.hb-place__radio[data-dimension="' + dimension + '"][value="' + value(placement) + '"]') ||
      document.querySelector('[data-placement="' + value(placement) + " " + dimension + '"]');
    return !!found && changed(placement, found);
  }

  function render(root) {
    var flagged = false;
    root.querySelectorAll(".hb-place__radio").forEach(function (radio) {
      var placement = store.placement(radio.dataset.dimension), chosen = !!placement && value(placement) === radio.value;
      radio.checked = chosen;
      radio.parentNode.classList.toggle("hb-place__option--changed", chosen && changed(placement, radio));
      flagged = flagged || (chosen && changed(placement, radio));
    });
    root.querySelectorAll('[data-notice="placement-changed"]').forEach(function (notice) { notice.hidden = !flagged; });
    placingFor(root);
    root.querySelectorAll("[data-fit]").forEach(fit);
  }

  /* Whose assessment the radios of a level page or the map fill in, once the browser keeps several (the
     self-assessment page names it itself). */
  function placingFor(root) {
    var many = Object.keys(store.profiles()).length > 1 && !document.querySelector("[data-assessment]");
    root.querySelectorAll("[data-placing-for]").forEach(function (notice) {
      notice.hidden = !many;
      if (many) notice.querySelector("[data-placing-name]").textContent = store.profile().name || hb.message("me", null, notice);
    });
  }

  /* "How far is this level": counts, never a verdict (the page says so next to it). */
  function fit(box) {
    var known = levels(), level = known[box.dataset.fit], counts = { at: 0, near: 0, below: 0, total: 0 };
    if (!level) return;
    box.querySelectorAll(".hb-profile__axis").forEach(function (axis) {
      var placed = step(store.placement(axis.dataset.dimension), known);
      counts.total += 1;
      if (placed === null) return;
      counts[placed >= level.step ? "at" : placed >= level.step - 0.5 ? "near" : "below"] += 1;
    });
    var any = counts.at + counts.near + counts.below > 0;
    box.querySelector("[data-fit-text]").textContent = any ? hb.message("fit", Object.assign({ level: level.name }, counts), box) : hb.message("fit-none", null, box);
    draw(box.querySelector("[data-profile]"), known, level.id, "");
  }

  /* The outlines on a chart whose frame the template drew: today's placement, the target, another level, and
     (`theirs`, placements by dimension) a second view. */
  function draw(figure, known, targetId, otherId, theirs) {
    var svg = figure.querySelector("svg"), data = svg.dataset, axes = svg.querySelectorAll(".hb-profile__axis");
    var cx = Number(data.cx), cy = Number(data.cy), inner = Number(data.inner), outer = Number(data.outer), top = Number(data.top);
    function outline(placementOf) {
      return [].map.call(axes, function (axis) {
        var s = stepOn(figure, placementOf(axis.dataset.dimension), axis.dataset.dimension, known);
        var radius = s === null ? 0 : inner + (outer - inner) * s / top;
        return (cx + radius * axis.dataset.dx).toFixed(1) + "," + (cy + radius * axis.dataset.dy).toFixed(1);
      }).join(" ");
    }
    function level(id) {
      return known[id] ? function () { return { level: id }; } : null;
    }
    var outlines = { today: store.placement, target: level(targetId), other: level(otherId),
      theirs: theirs && function (dimension) { return theirs[dimension]; } };
    Object.keys(outlines).forEach(function (name) {
      var shape = svg.querySelector('[data-outline="' + name + '"]');
      if (!shape) return;
      if (outlines[name]) shape.setAttribute("points", outline(outlines[name]));
      else shape.removeAttribute("points");
    });
    figure.querySelector('[data-legend="target"]').textContent = known[targetId] ? known[targetId].name : hb.message("none");
    figure.querySelector('[data-legend="other"]').textContent = known[otherId] ? known[otherId].name : "";
    figure.querySelector("[data-legend-other]").hidden = !known[otherId];
  }

  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!radio.matches || !radio.matches(".hb-place__radio")) return;
    var parts = radio.value.split("+");
    store.place(radio.dataset.dimension, { level: parts[parts.length - 1], from: parts.length > 1 ? parts[0] : "", hash: radio.dataset.hash });
  });

  hb.placement = { levels: levels, step: step, describe: describe, current: current, target: target, render: render, draw: draw,
    wordingChanged: wordingChanged, readerFamily: readerFamily, family: family, ofFamily: ofFamily, charts: charts, proficiency: proficiency };
})(window.handbook = window.handbook || {});
