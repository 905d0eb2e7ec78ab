/* Checklists that remember: each tick and evidence note is saved under the item's id, each
   checklist shows its progress, and level and transition pages show readiness for their step.
   setup() may run any number of times on a page (Material's instant navigation calls it per page). */
(function (hb) {
  "use strict";
  var store = hb.store;
  var pages = Object.create(null); // page URL -> promise of its parsed document (readiness of a step shown elsewhere)

  /* Whether a reader's text fits the store's limit (one definition: store.LIMITS). If not, a message next to
     the field says so and the text stays in the box, unsaved, for the reader to shorten or copy elsewhere. */
  hb.fits = function (field) {
    var over = hb.store.over(field.value), note = field.parentNode.querySelector("[data-too-long]");
    if (!over && !note) return true;
    if (!note) {
      note = document.createElement("span");
      note.className = "hb-too-long";
      note.setAttribute("data-too-long", "");
      note.setAttribute("role", "alert");
      field.after(note);
    }
    note.hidden = !over;
    note.textContent = over ? hb.message("too-long", { count: over, limit: hb.store.LIMITS.text.toLocaleString("en"), over: over.toLocaleString("en") }) : "";
    field.setAttribute("aria-invalid", String(!!over));
    return !over;
  };

  function itemIds(list) {
    return [].map.call(list.querySelectorAll("[data-item]"), function (item) { return item.dataset.item; });
  }

  function textOf(item) {
    return item.querySelector(".hb-item__text").textContent.trim();
  }

  function byKey(root, key) {
    return root.querySelector('.hb-checklist[data-checklist="' + CSS.escape(key) + '"]');
  }

  function setup(root) {
    hb.notYetSetUp(root, ".hb-checklist").forEach(function (list) {
      list.querySelectorAll(".hb-progress, .hb-note").forEach(function (part) { part.hidden = false; });
      list.querySelector(".hb-progress").dataset.items = itemIds(list).join(" ");
      /* The store's own limit where the reader types: said in a message where the page has its words (the
         self-assessment), else the box takes no more. */
      var said = document.querySelector('[data-message="too-long"]');
      list.querySelectorAll(".hb-note__text").forEach(function (note) { if (!said) note.maxLength = store.LIMITS.text; });
      list.querySelectorAll("[data-item]").forEach(function (item) {
        var answer = store.get(item.dataset.item);
        if (answer && answer.note) openNote(item, true);
      });
    });
    readiness(root);
    render(root);
  }

  function render(root) {
    root.querySelectorAll(".hb-checklist [data-item]").forEach(function (item) {
      var answer = store.get(item.dataset.item) || {}, note = item.querySelector(".hb-note__text");
      item.querySelector(".hb-item__box").checked = !!answer.done;
      item.classList.toggle("hb-item--done", !!answer.done);
      item.classList.toggle("hb-item--noted", !!answer.note);
      item.querySelector(".hb-note__print").textContent = answer.note || "";
      if (note !== document.activeElement) note.value = answer.note || "";
      item.querySelector(".hb-changed").hidden = !wordingChanged(answer, item);
    });
    root.querySelectorAll(".hb-progress[data-items]").forEach(renderProgress);
    var first = root.querySelector(".hb-checklist"), ownNotices = root.querySelector("[data-assessment]");
    root.querySelectorAll(".hb-checklist [data-notice]").forEach(function (notice) {
      notice.hidden = !!ownNotices || notice.closest(".hb-checklist") !== first || !noticeApplies(notice.dataset.notice);
    });
  }

  /* An answer given to other wording than the page shows now: by its hash, or by its text (version 1 kept no hash). */
  function wordingChanged(answer, item) {
    if (!answer.done && !answer.note) return false;
    return answer.hash ? answer.hash !== item.dataset.hash : !!answer.text && answer.text !== textOf(item);
  }

  function noticeApplies(name) {
    if (name === "memory") return store.inMemory() && !store.isFull();
    if (name === "full") return store.isFull();
    if (name === "unreadable") return store.setAsideNow();
    if (name === "shared") return store.isShared();
    return false;
  }

  function renderProgress(progress) {
    var done = progress.dataset.items.split(" ").filter(function (id) {
      var answer = store.get(id);
      return answer && answer.done;
    }).length;
    var number = progress.querySelector(".hb-progress__done");
    progress.querySelector(".hb-progress__bar").value = done;
    if (number.textContent !== String(done)) number.textContent = done; // aria-live speaks only real changes
  }

  function openNote(item, open) {
    item.querySelector(".hb-note__toggle").setAttribute("aria-expanded", String(open));
    item.querySelector(".hb-note__field").hidden = !open;
  }

  /* Readiness for each step named in data-readiness: from the checklist on this page, or from the
     page the step's link points at (a level page links to the transitions that leave it). */
  function readiness(root) {
    hb.notYetSetUp(root, "[data-readiness]").forEach(function (box) {
      box.dataset.readiness.split(/\s+/).filter(Boolean).forEach(function (key) {
        var step = box.querySelector('[data-readiness-step="' + CSS.escape(key) + '"]'); // drawn by the template
        if (!step) {
          step = box.appendChild(document.createElement("div"));
          step.className = "hb-readiness__step";
        }
        var list = byKey(root, key);
        if (list) return showStep(step, list, "#" + list.querySelector("[data-item]").id);
        var link = root.querySelector('.md-content a[href$="#' + CSS.escape(key) + '"]');
        if (!link || location.protocol === "file:") return step.remove(); // file:// pages cannot be fetched
        checklistOnPage(link.href, key).then(function (found) {
          if (found) showStep(step, found, link.href);
          else step.remove();
        });
      });
    });
  }

  function checklistOnPage(url, key) {
    var page = url.split("#")[0];
    pages[page] = pages[page] || fetch(page)
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); })
      .catch(function () { return null; });
    return pages[page].then(function (doc) { return doc && byKey(doc, key); });
  }

  function showStep(step, list, href) {
    var progress = step.querySelector(".hb-progress");
    if (!progress) {
      var link = document.createElement("a");
      progress = document.importNode(list.querySelector(".hb-progress"), true);
      link.href = href;
      link.textContent = list.dataset.title;
      progress.querySelector("[aria-live]").removeAttribute("aria-live"); // the checklist itself announces
      step.append(link, progress);
    }
    progress.dataset.items = itemIds(list).join(" ");
    renderProgress(progress);
  }

  function itemOf(event, selector) {
    var control = event.target.closest && event.target.closest(selector);
    return control ? [control, control.closest("[data-item]")] : null;
  }

  /* Every answer keeps the wording it was given to, and its hash, so a later change of wording shows. */
  function answer(item, change) {
    store.set(item.dataset.item, Object.assign({ text: textOf(item), hash: item.dataset.hash }, change));
  }

  document.addEventListener("change", function (event) {
    var found = itemOf(event, ".hb-item__box");
    if (found) answer(found[1], { done: found[0].checked });
  });
  document.addEventListener("input", function (event) {
    var found = itemOf(event, ".hb-note__text");
    if (found && hb.fits(found[0])) answer(found[1], { note: found[0].value.trim() ? found[0].value : "" });
  });
  document.addEventListener("click", function (event) {
    var confirmed = itemOf(event, ".hb-changed__ok");
    if (confirmed) {
      confirmed[1].querySelector(".hb-item__box").focus(); // the button hides; focus stays on the item
      return answer(confirmed[1], {});
    }
    var found = itemOf(event, ".hb-note__toggle");
    if (!found) return;
    var open = found[0].getAttribute("aria-expanded") !== "true";
    openNote(found[1], open);
    if (open) found[1].querySelector(".hb-note__text").focus();
  });

  hb.checklists = { setup: setup, render: render, noticeApplies: noticeApplies, textOf: textOf, itemIds: itemIds, byKey: byKey,
    wordingChanged: wordingChanged };
})(window.handbook = window.handbook || {});
