/* The documents the self-assessment page hands out: the promotion case (Markdown, or formatted on the
   clipboard), the blank brag document, and the agenda of a career conversation. Only that page needs
   them, so handbook.js loads this file there, beside the shared bundle (see `pageScript`).
   Each document is first a list of blocks ({tag: "h1"-"h3", "p" or "li", text, notes}) of plain text;
   one writer turns it into Markdown (every text through markdownText), another into elements (every text
   a text node), so that no reader's words can become markup in either. Words come from the page. */
(function (hb) {
  "use strict";
  var store = hb.store, lists = hb.checklists, place = hb.placement, sa = hb.assessment, md = hb.markdownText;
  var message = hb.message;

  function block(tag, text, notes) {
    return { tag: tag, text: text, notes: notes || [] };
  }

  function markdown(blocks) {
    return blocks.map(function (b, i) {
      var gap = i && !(b.tag === "li" && blocks[i - 1].tag === "li") ? "\n" : "";
      if (b.tag !== "li") return gap + (b.tag[0] === "h" ? "#".repeat(Number(b.tag[1])) + " " : "") + md(b.text);
      return gap + "- " + md(b.text, "  ") + b.notes.map(function (note) { return "\n  - " + md(note, "    "); }).join("");
    }).join("\n") + "\n";
  }

  /* `text` as text nodes, each line break a <br>. */
  function lines(node, text) {
    String(text).split(/\r\n|[\r\n\u2028\u2029]/).forEach(function (row, i) {
      if (i) node.append(document.createElement("br"));
      node.append(row);
    });
    return node;
  }

  function html(blocks) {
    var root = document.createElement("div"), list = null;
    blocks.forEach(function (b) {
      if (b.tag !== "li") {
        list = null;
        return root.append(lines(document.createElement(b.tag), b.text));
      }
      if (!list) root.append(list = document.createElement("ul"));
      var entry = lines(document.createElement("li"), b.text);
      if (b.notes.length) {
        var sub = document.createElement("ul");
        b.notes.forEach(function (note) { sub.append(lines(document.createElement("li"), note)); });
        entry.append(sub);
      }
      list.append(entry);
    });
    return root;
  }

  /* A level by its name and code ("Senior Engineer (L4)"); a half step between two such names. */
  function placed(placement, known) {
    if (!placement || !known[placement.level]) return "";
    var level = sa.levelName(known, placement.level);
    return placement.from && known[placement.from] ? message("between", { from: sa.levelName(known, placement.from), level: level }) : level;
  }

  function withProficiency(text, placement, dimension) {
    var name = sa.proficiencyName(placement, dimension);
    return name ? text + " (" + name + ")" : text;
  }

  /* The promotion case, in the first person: who and which levels; strengths (at or above the target); where
     the reader is growing; the plan as written; evidence by dimension; the signals ticked, with their notes.
     Nothing that was left blank is written. */
  function promotionCase() {
    var known = place.levels(), fields = store.profile(), targetId = place.target(known), currentId = place.current(known);
    var target = known[targetId] ? sa.levelName(known, targetId) : "", rows = sa.dimensions(known), out = [];
    out.push(block("h1", fields.name ? message("case-title", { name: fields.name }) : message("case-title-none")));
    out.push(block("p", [fields.name && message("case-name", { name: fields.name }),
      known[currentId] && message("case-current", { level: sa.levelName(known, currentId) }),
      target && message("case-target", { level: target })].filter(Boolean).join(" ")));
    out.push(block("p", message("case-date", { date: fields.date || new Date().toISOString().slice(0, 10) })), block("p", message("case-note")));
    var strong = rows.filter(function (row) { return row.today !== null && row.target !== null && row.today >= row.target; });
    var growing = rows.filter(function (row) { return row.today !== null && strong.indexOf(row) < 0; });
    if (strong.length) out.push(block("h2", message("case-strengths-heading")));
    strong.forEach(function (row) {
      out.push(block("li", row.name + ": " + withProficiency(placed(row.placement, known), row.placement, row.id)));
    });
    if (growing.length) out.push(block("h2", message("case-placement-heading")));
    growing.forEach(function (row) {
      var today = withProficiency(placed(row.placement, known), row.placement, row.id);
      out.push(block("li", target ? message("case-placement", { dimension: row.name, today: today,
        target: withProficiency(target, { level: targetId }, row.id) }) : row.name + ": " + today));
    });
    var plans = rows.filter(function (row) { var p = store.plan(row.id); return p.step || p.date; });
    if (plans.length) out.push(block("h2", message("case-plan-heading")));
    plans.forEach(function (row) {
      var written = store.plan(row.id);
      out.push(block("h3", row.name));
      if (written.step) out.push(block("li", message("case-plan-step") + ": " + written.step));
      if (written.date) out.push(block("li", message("case-plan-date") + ": " + written.date));
    });
    var shown = rows.filter(function (row) { return store.plan(row.id).evidence; });
    if (shown.length) out.push(block("h2", message("case-evidence-heading")));
    shown.forEach(function (row) { out.push(block("h3", row.name), block("p", store.plan(row.id).evidence)); });
    return out.concat(signals());
  }

  /* The signals and practices ticked, per checklist, each with its note; then those the handbook no longer has. */
  function signals() {
    var answers = store.all(), onPage = Object.create(null), out = [];
    function entry(answer, text) {
      return block("li", text, answer.note ? [message("evidence") + ": " + answer.note] : []);
    }
    document.querySelectorAll(".hb-checklist").forEach(function (list) {
      var ids = lists.itemIds(list), found = [];
      list.querySelectorAll("[data-item]").forEach(function (item) {
        var answer = answers[item.dataset.item];
        onPage[item.dataset.item] = item;
        if (answer && answer.done) found.push(entry(answer, lists.textOf(item)));
      });
      if (found.length) out.push(block("h3", list.dataset.title + " (" + found.length + "/" + ids.length + ")"));
      out = out.concat(found);
    });
    var gone = Object.keys(answers).filter(function (id) { return !onPage[id] && answers[id].done; });
    if (gone.length) out.push(block("h3", message("archived-heading")));
    gone.forEach(function (id) { out.push(entry(answers[id], answers[id].text || id)); });
    if (out.length) out.unshift(block("h2", message("assessment-heading")), block("p", message("assessment-intro")));
    return out;
  }

  /* The brag document's template, as the handbook writes it, to fill in. */
  function bragTemplate() {
    return document.querySelector("[data-brag-template]").textContent.trim() + "\n";
  }

  /* --- the agenda ---------------------------------------------------------------------------------- */

  /* "Priya" from "Priya (my report)": the person an assessment is about. */
  function subject(name) {
    return (name || "").replace(/\s*\([^)]*\)\s*$/, "") || message("unnamed");
  }

  /* Who placed a view and whom it is about. The "Me" assessment and a file or link from someone are their
     own view; another assessment kept here is this browser's owner's view of that person. */
  /* Whose view a side is: who filled it in (its author; else, for an assessment kept here other than the
     reader's own, the reader), and the person it is about. */
  function role(id, profile, fromOutside) {
    var who = subject(profile.name), owner = (store.profiles().me || {}).name;
    var by = sa.author(profile);
    if (by) return { who: by, title: message("agenda-of", { author: by, name: who }) };
    if (profile.author || fromOutside || id === "me") return { who: who, title: message("agenda-own", { name: who }) }; // filled in by the person
    return owner ? { who: owner, title: message("agenda-of", { author: owner, name: who }) }
      : { who: message("agenda-i"), title: message("agenda-of-mine", { name: who }) };
  }

  function agenda() {
    var known = place.levels(), mine = store.profile(), them = hb.conversation.other(), out = [];
    if (!them) return "";
    var a = role(store.current(), mine, false), b = role(them.id, them.profile, !them.id), saved = store.agenda();
    if (a.who === b.who) { a.who = a.title; b.who = b.title; } // one person's two views: name each view whole
    out.push(block("h1", message("agenda-title", { first: b.title, second: a.title })),
      block("p", message("agenda-date", { date: new Date().toISOString().slice(0, 10) })), block("h2", message("agenda-placements")));
    hb.conversation.placements(mine, them.profile, known).forEach(function (row) {
      var mineAt = placed(row.at[0], known), theirsAt = placed(row.at[1], known);
      if (!mineAt && !theirsAt) return; // placed in neither view: nothing to talk about
      var views = a.who + ": " + (mineAt || message("not-placed")) + "; " + b.who + ": " + (theirsAt || message("not-placed"));
      if (row.size >= 0.5) {
        out.push(block("li", message("agenda-higher", { who: row.myStep > row.theirStep ? a.who : b.who, steps: hb.conversation.steps(row.size), dimension: row.name }) + " (" + views + ")"));
      } else out.push(block("li", message(row.size ? "agenda-unplaced" : "agenda-same", { dimension: row.name, views: views, level: mineAt })));
    });
    var differ = hb.conversation.items(mine, them.profile).differ;
    if (differ.length) out.push(block("h2", message("agenda-items")));
    differ.forEach(function (row) {
      out.push(block("li", row.label + " — " + a.who + ": " + hb.conversation.tick(row.a) + "; " + b.who + ": " + hb.conversation.tick(row.b),
        [[row.a, a.who], [row.b, b.who]].filter(function (pair) { return pair[0].note; }).map(function (pair) { return pair[1] + ": " + pair[0].note; })));
    });
    out.push(block("h2", message("agenda-plan")));
    var target = place.target(known);
    if (known[target]) out.push(block("li", message("agenda-target", { level: sa.levelName(known, target) })));
    [[b, them.profile], [a, mine]].forEach(function (view) {
      sa.dimensions(known).forEach(function (d) {
        var plan = view[1].plan[d.id];
        if (!plan || !plan.step) return;
        out.push(block("li", message("agenda-plan-step", { who: view[0].who, dimension: d.name, step: plan.step }) + (plan.date ? " (" + message("case-plan-date") + " " + plan.date + ")" : "")));
      });
    });
    var decided = saved.decisions.map(function (row) {
      return row.text && row.text + [row.owner && message("agenda-owner", { name: row.owner }), row.date && message("agenda-by", { date: row.date })].filter(Boolean).map(function (part) { return "; " + part; }).join("");
    }).filter(Boolean);
    if (decided.length) out.push(block("h2", message("agenda-decided")));
    decided.forEach(function (text) { out.push(block("li", text)); });
    if (saved.next) out.push(block("p", message("agenda-next", { date: saved.next })));
    return markdown(out);
  }

  /* --- the buttons ----------------------------------------------------------------------------------- */

  function say(text) {
    document.querySelector('[data-status="copy"]').textContent = text;
  }

  var actions = {
    "export-markdown": function (button) {
      var text = markdown(promotionCase());
      document.querySelector("[data-markdown-output]").value = text;
      sa.download(text, button.dataset.filename, "text/markdown");
    },
    "export-brag": function (button) {
      sa.download(bragTemplate(), button.dataset.filename, "text/markdown");
    },
    "copy-formatted": function () {
      var blocks = promotionCase(), text = markdown(blocks);
      if (!navigator.clipboard || !window.ClipboardItem) return say(message("copy-unavailable"));
      navigator.clipboard.write([new window.ClipboardItem({
        "text/html": new Blob([html(blocks).innerHTML], { type: "text/html" }), // elements of text nodes only
        "text/plain": new Blob([text], { type: "text/plain" }),
      })]).then(function () { say(message("copy-done")); }, function () { say(message("copy-refused")); });
    },
    "export-agenda": function (button) {
      var text = agenda();
      document.querySelector("[data-agenda-output]").value = text;
      sa.download(text, button.dataset.filename, "text/markdown");
    },
  };

  hb.actions(actions);
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("[data-markdown-preview]") && event.target.open) {
      document.querySelector("[data-markdown-output]").value = markdown(promotionCase());
    }
  }, true);

  /* The agenda box follows the two views compared, as the rest of the page does. */
  function fillAgenda() {
    var output = document.querySelector("[data-agenda-output]");
    if (output) output.value = agenda();
  }

  hb.documents = { promotionCase: function () { return markdown(promotionCase()); }, agenda: agenda, bragTemplate: bragTemplate };
  hb.view.onChange(fillAgenda);
  hb.onEveryPage(fillAgenda);
  fillAgenda();
})(window.handbook);
