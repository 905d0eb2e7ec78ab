/* Download links (the PDF, the offline zip) name files that `make pdf` and `make offline` add after the
   build. Before following one, ask the server whether the file is there; if not, show the page's note
   that says how the downloads are made, rather than a dead link. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[download]");
    if (!link || link.hasAttribute("data-hb-found") || event.defaultPrevented) return;
    event.preventDefault();
    fetch(link.href, { method: "HEAD" })
      .then(function (response) { return response.ok; }, function () { return false; })
      .then(function (found) {
        if (found) {
          link.setAttribute("data-hb-found", "");
          return link.click();
        }
        var note = document.querySelector("[data-download-missing]");
        if (!note) return;
        note.hidden = false;
        note.scrollIntoView({ block: "nearest" });
      });
  });
})();
