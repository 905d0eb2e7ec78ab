/* Material's search worker (named by ?material=), with each word of a query also searched by its English
   stem: "negotiation" finds "Negotiating the offer". Messages of type 2 are queries; all else passes on. */
(function () {
  "use strict";
  var QUERY = 2;
  var material = new URL(location.href).searchParams.get("material");

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
  if (material && material.charAt(0) === "/" && /\/search\.[\w.]+\.js$/.test(material)) importScripts(material);
})();
