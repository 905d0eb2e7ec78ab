/* English stemming for Material's search. The index is built with lunr's stemmer (mkdocs.yml), but Material
   adds a wildcard to each word typed, and lunr does not stem a word with a wildcard: "negotiation*" would
   never meet the indexed stem "negoti". This runs before Material's bundle and points it at search-worker.js,
   which stems each word inside the worker and passes everything else to Material's own worker. The offline
   copy (file://) runs the worker in an iframe (the iframe-worker shim), and search-worker.js runs there too. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config) return;
  var settings = JSON.parse(config.textContent);
  var material = new URL(settings.search, location.href);
  var worker = new URL("search-worker.js", document.currentScript.src);
  worker.searchParams.set("material", material.pathname);
  settings.search = worker.pathname + worker.search;
  config.textContent = JSON.stringify(settings);
})();
