/* Text someone typed (or a label from the page), written into a Markdown file so that it reads as the
   same text wherever the file is rendered: no heading, list item, quote, link, image, emphasis, code,
   table or HTML can come out of it. Line breaks stay line breaks inside the item or paragraph the
   caller puts the text in: every line after the first starts with `indent`.
   handbook.markdownText("# Hi <b>\r\n- x", "    ") === "\\# Hi &lt;b&gt;  \n    \\- x" */
(function (hb) {
  "use strict";
  var BREAKS = /\r\n|[\r\n\u2028\u2029\v\f\u0085]/g;
  var INLINE = /[\\`*_[\]{}|~]/g; // CommonMark lets a backslash escape any of these
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" }; // as entities: every Markdown dialect reads them
  var LINE_START = /^([#+=-]|\d+(?=[.)]))/; // a heading, list item or underline, or "1." / "1)"

  function line(text) {
    return text
      .replace(/^[ \t]+/, "") // leading blanks would make an indented code block
      .replace(/[&<>]/g, function (c) { return ENTITIES[c]; })
      .replace(INLINE, "\\$&")
      .replace(LINE_START, function (start) { return /\d/.test(start) ? start + "\\" : "\\" + start; })
      .replace(/[ \t]+$/, "");
  }

  hb.markdownText = function (text, indent) {
    var lines = String(text === undefined || text === null ? "" : text).trim().split(BREAKS).map(line);
    // Two spaces end a line with a hard break; a blank line keeps the paragraph break, indented.
    return lines.map(function (row, index) {
      var next = lines[index + 1];
      return row + (next !== undefined && row !== "" && next !== "" ? "  " : "");
    }).join("\n" + (indent || ""));
  };
})(window.handbook = window.handbook || {});
