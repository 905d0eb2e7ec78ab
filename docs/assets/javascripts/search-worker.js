/* Material's search worker (named by ?material=), with each word of a query also searched by its English
   stem: "negotiation" finds "Negotiating the offer". Messages of type 2 are queries; all else passes on.
   It runs as a worker, or, in the offline copy (file://), as a script in the hidden iframe of the
   iframe-worker shim: there `location` is the page's, so the address is the script's own, and the shim
   adds "?<time>" to it, which ends up in the value of ?material=. */
(function () {
  "use strict";
  var QUERY = 2;
  var address = self.document && document.currentScript ? document.currentScript.src : location.href;
  var material = new URL(address).searchParams.get("material") || "";

  function withStems(query) {
    var words = query.split(/\s+/), stems = [];
    words.forEach(function (word) {
      if (!/^[a-z]{4,}$/i.test(word) || !self.lunr || !lunr.stemmer) return;
      var stem = lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
      if (stem !== word.toLowerCase() && stems.indexOf(stem) < 0) stems.push(stem);
    });
    return words.concat(stems).join(" ");
  }

  addEventListener("message", function (event) { // runs before Material's own listener
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") message.data = withStems(message.data);
  });
  // Only Material's worker, from this site: a path (not another host), named as Material names it.
  var script = new URL(material, address).pathname;
  if (material.charAt(0) === "/" && /\/search\.[\w.]+\.js$/.test(script)) importScripts(script);
})();
