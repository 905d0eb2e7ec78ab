/* The "My self-assessment" page: progress chart and table, evidence notes, archived answers,
   exports (Markdown brag document draft, versioned JSON), import, share link, reset and undo.
   Every word shown comes from the page (data-message elements); user text is only ever set as text. */
(function (hb) {
  "use strict";
  var store = hb.store, lists = hb.checklists;
  var SHARE = "#share=";
  var MAX_URL = 2000000; // Chromium's limit is 2 MB; longer addresses do not open
  var SVG = "http://www.w3.org/2000/svg";

  function page() {
    return document.querySelector("[data-assessment]");
  }

  /* The page's words for `name`, with {values} filled in; `name-one` when the count is one. */
  function message(name, values) {
    var one = values && values.count === 1 && document.querySelector('[data-messages] [data-message="' + name + '-one"]');
    var node = one || document.querySelector('[data-messages] [data-message="' + name + '"]');
    return (node ? node.textContent : name).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  function describe(problem) {
    return message("problem-" + problem.code, problem);
  }

  /* Messages go next to the buttons; those about the page's address (a share link) go at the top. */
  function say(text, where) {
    document.querySelector('[data-status="' + (where || "actions") + '"]').textContent = text;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function setup() {
    var root = page();
    if (!root) return store.closeShared(); // a shared view ends when the reader leaves the page
    root.hidden = false;
    if (location.hash.indexOf(SHARE) === 0) openShareLink();
    render();
  }

  function openShareLink() {
    var problem = store.openShared(location.hash.slice(SHARE.length));
    if (problem) say(message("share-problem") + " " + describe(problem), "page");
  }

  function leaveShareLink() {
    if (location.hash.indexOf(SHARE) === 0) history.replaceState(history.state, "", location.pathname + location.search);
    store.closeShared();
  }

  /* `changedId`: the one answer that changed; when it is on this page, the archived answers
     (thousands, for a reader who kept many) and the unreadable copies are left as they are. */
  function render(changedId) {
    var root = page();
    if (!root) return;
    var answers = store.all(), onPage = Object.create(null);
    document.querySelectorAll(".hb-checklist [data-item]").forEach(function (item) { onPage[item.dataset.item] = item; });
    chart(root);
    evidence(root, answers, onPage);
    if (!changedId || !onPage[changedId]) {
      archived(root, answers, onPage);
      unreadable(root);
    }
    root.querySelectorAll(":scope > [data-notice]").forEach(function (notice) {
      notice.hidden = !lists.noticeApplies(notice.dataset.notice);
    });
    root.classList.toggle("hb-assessment--shared", store.isShared());
    root.querySelector('[data-action="undo"]').hidden = !store.canUndo();
  }

  function doneCount(ids) {
    return ids.filter(function (id) { var answer = store.get(id); return answer && answer.done; }).length;
  }

  function chart(root) {
    var rows = [].map.call(root.querySelectorAll("[data-chart-row]"), function (row) {
      var list = lists.byKey(document, row.dataset.chartRow), ids = list ? lists.itemIds(list) : [], done = doneCount(ids);
      var share = ids.length ? done / ids.length : 0;
      row.querySelector("[data-chart-done]").textContent = done;
      row.querySelector("[data-chart-share]").textContent = Math.round(share * 100) + "%";
      return { label: row.querySelector("th").textContent.trim(), value: done + "/" + ids.length, share: share };
    });
    draw(root.querySelector("[data-chart]"), rows);
  }

  function shape(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function draw(svg, rows) {
    var width = 600, rowHeight = 44, desc = svg.querySelector("desc");
    svg.setAttribute("viewBox", "0 0 " + width + " " + rows.length * rowHeight);
    desc.textContent = rows.map(function (row) { return row.label + ": " + row.value; }).join("; ");
    var shapes = [desc];
    rows.forEach(function (row, index) {
      var y = index * rowHeight;
      shapes.push(
        shape("text", { x: 0, y: y + 15, "class": "hb-chart__label" }, row.label),
        shape("text", { x: width, y: y + 15, "text-anchor": "end", "class": "hb-chart__value" }, row.value),
        shape("rect", { x: 0, y: y + 22, width: width, height: 14, rx: 7, "class": "hb-chart__track" }),
        shape("rect", { x: 0, y: y + 22, width: width * row.share, height: 14, rx: 7, "class": "hb-chart__bar" })
      );
    });
    svg.replaceChildren.apply(svg, shapes);
  }

  function evidence(root, answers, onPage) {
    var entries = Object.keys(onPage).filter(function (id) { return answers[id] && answers[id].note; }).map(function (id) {
      var item = onPage[id], link = element("a", lists.textOf(item)), entry = element("li");
      link.href = "#assess-" + item.closest(".hb-checklist").dataset.checklist; // the section heading the page template names
      entry.append(item.closest(".hb-checklist").dataset.title + ": ", link, element("p", answers[id].note, "hb-evidence__note"));
      return entry;
    });
    root.querySelector("[data-evidence-list]").replaceChildren.apply(root.querySelector("[data-evidence-list]"), entries);
    root.querySelector("[data-evidence-empty]").hidden = entries.length > 0;
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
    var list = root.querySelector("[data-archived-list]");
    list.replaceChildren.apply(list, entries);
    root.querySelector("[data-archived-section]").hidden = entries.length === 0;
  }

  function unreadable(root) {
    var entries = store.unreadable().map(function (key) {
      var entry = element("li", new Date(Number(key.split(".").pop())).toLocaleString() + " ");
      ["download", "delete"].forEach(function (action) {
        var button = element("button", message(action), "md-button");
        button.type = "button";
        button.dataset.action = "unreadable-" + action;
        button.dataset.key = key;
        entry.append(button, " ");
      });
      return entry;
    });
    var list = root.querySelector("[data-unreadable-list]");
    list.replaceChildren.apply(list, entries);
    root.querySelector("[data-unreadable-section]").hidden = entries.length === 0;
  }

  /* The brag document template from the handbook's data, with the assessment after its title. */
  function markdown() {
    var template = document.querySelector("[data-brag-template]").textContent.trim().split("\n");
    var rest = template.slice(1).join("\n").trim(), section = (rest.match(/^(#+) /m) || [0, "##"])[1];
    var answers = store.all(), onPage = Object.create(null), out = [template[0], "", section + " " + message("assessment-heading")];
    document.querySelectorAll(".hb-checklist").forEach(function (list) {
      var ids = lists.itemIds(list), lines = [];
      list.querySelectorAll("[data-item]").forEach(function (item) {
        onPage[item.dataset.item] = item;
        var answer = answers[item.dataset.item];
        if (answer) lines.push(markdownEntry(answer, lists.textOf(item)));
      });
      if (lines.length) out.push("", section + "# " + hb.markdownText(list.dataset.title) + " (" + doneCount(ids) + "/" + ids.length + ")", "", lines.join("\n"));
    });
    var gone = archivedIds(answers, onPage);
    if (gone.length) {
      out.push("", section + " " + message("archived-heading"), "");
      out.push(gone.map(function (id) { return markdownEntry(answers[id], answers[id].text || "", id); }).join("\n"));
    }
    out.push("", rest);
    return out.join("\n") + "\n";
  }

  /* Every text from the page or the reader goes through hb.markdownText: it stays text in the file. */
  function markdownEntry(answer, text, id) {
    var line = "- [" + (answer.done ? "x" : " ") + "] " + hb.markdownText(text, "  ") + (id ? " (`" + id + "`)" : "");
    if (answer.note) line += "\n  - " + message("evidence") + ": " + hb.markdownText(answer.note, "    ");
    return line;
  }

  function download(text, name, type) {
    var link = document.createElement("a"); // never attached: Material's instant navigation must not see the click
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  var actions = {
    "export-markdown": function (button) {
      var text = markdown();
      document.querySelector("[data-markdown-output]").value = text;
      download(text, button.dataset.filename, "text/markdown");
    },
    "export-json": function (button) {
      download(store.exportJson(), button.dataset.filename, "application/json");
    },
    share: function () {
      var output = document.querySelector("[data-share-output]");
      var link = location.origin + location.pathname + location.search + SHARE + store.shareCode();
      if (link.length > MAX_URL) {
        output.value = "";
        return say(message("share-too-long", { size: (link.length / 1e6).toFixed(1) }));
      }
      output.value = link;
      output.focus();
      output.select();
      say(message("share-made"));
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
      var shared = store.all();
      leaveShareLink();
      if (!store.replace(shared)) return say(message("import-full", { count: store.count(shared) }));
      say(message("adopt-done", { count: store.count() }));
    },
    "leave-share": leaveShareLink,
    "unreadable-download": function (button) {
      download(store.readRaw(button.dataset.key), "unreadable-answers-" + button.dataset.key.split(".").pop() + ".txt", "text/plain");
    },
    "unreadable-delete": function (button) {
      if (window.confirm(message("delete-confirm"))) store.forget(button.dataset.key);
    },
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-assessment] button[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action](button);
  });
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("[data-markdown-preview]") && event.target.open) {
      document.querySelector("[data-markdown-output]").value = markdown();
    }
  }, true);
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('[data-assessment] input[data-action="import"]') || !input.files.length) return;
    input.files[0].text().then(function (text) {
      var result = store.parse(text);
      input.value = "";
      if (result.problem) return say(describe(result.problem));
      leaveShareLink();
      if (!store.replace(result.items)) return say(message("import-full", { count: store.count(result.items) }));
      say(message("import-done", { count: store.count() }));
    });
  });
  window.addEventListener("hashchange", function () {
    if (page() && location.hash.indexOf(SHARE) === 0) openShareLink();
  });

  hb.assessment = { setup: setup, render: render, markdown: markdown };
})(window.handbook = window.handbook || {});
