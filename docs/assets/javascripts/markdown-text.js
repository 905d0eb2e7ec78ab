/* Text someone typed (or a label from the page), written into a Markdown file so that it reads as the
   same text wherever the file is rendered: no heading, list item, quote, link, image, emphasis, code,
   table or HTML can come out of it. Only what a CommonMark/GFM renderer would read as markup is escaped,
   so that the file itself reads as typed too ("~2k", "R&D", "a < b" stay as they are). Line breaks stay
   line breaks inside the item or paragraph the caller puts the text in: every line after the first
   starts with `indent`.
   handbook.markdownText("# Hi <b>\r\n- x", "    ") === "\\# Hi &lt;b>  \n    \\- x" */
(function (hb) {
  "use strict";
  var BREAKS = /\r\n|[\r\n\u2028\u2029\v\f\u0085]/g;
  /* One pass, so that no escape is escaped again: a backslash that would escape the next character; code
     and link brackets and table pipes; a run of emphasis or strikethrough marks; an `&` that would start
     an entity; a `<` that would start HTML or an autolink. */
  var MARKUP = /\\(?=[!-/:-@[-`{-~])|[`[\]|]|[*_~]+|&(?=#?\w+;)|<(?=[A-Za-z/!?])/g;
  var LINE_START = /^([#+=>*_-]|\d+(?=[.)])|~~~)/; // a heading, list item, quote, rule, fence, or "1." / "1)"

  /* Emphasis and strikethrough need a closing run, and a run can only close after a character that is no
     blank: escaping those runs (not "_" inside a word, which never closes) leaves every opening one inert. */
  function escape(mark, at, text) {
    if (mark === "&") return "&amp;";
    if (mark === "<") return "&lt;"; // an entity, not "\<": Python-Markdown keeps that backslash and the tag
    if (!/^[*_~]/.test(mark)) return "\\" + mark;
    var before = text.charAt(at - 1), after = text.charAt(at + mark.length);
    if (!before || /\s/.test(before)) return mark;
    if (mark[0] === "_" && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) return mark;
    return mark.replace(/./g, "\\$&");
  }

  function line(text) {
    return text
      .replace(/^[ \t]+/, "") // leading blanks would make an indented code block
      .replace(MARKUP, escape)
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
