// handbook.markdownText: what a reader typed, written into a Markdown export, stays the same text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./page.mjs";

const { markdownText } = page(["markdown-text.js"]).handbook;

test("plain words pass through unchanged", () => {
  assert.equal(markdownText("Shipped the billing export"), "Shipped the billing export");
});

test("a line that would start a heading, list, rule or numbered item is escaped", () => {
  assert.equal(markdownText("# Heading"), "\\# Heading");
  assert.equal(markdownText("- item"), "\\- item");
  assert.equal(markdownText("+ item"), "\\+ item");
  assert.equal(markdownText("==="), "\\===");
  assert.equal(markdownText("1. first"), "1\\. first");
  assert.equal(markdownText("2) second"), "2\\) second");
});

test("HTML stays text and inline Markdown is escaped where it would close or open something", () => {
  assert.equal(markdownText("<b>bold</b> & more"), "&lt;b>bold&lt;/b> & more");
  assert.equal(markdownText("say *em* _em_ `code` [link](x)"), "say *em\\* _em\\_ \\`code\\` \\[link\\](x)");
  assert.equal(markdownText("a ~~gone~~ b"), "a ~~gone\\~\\~ b");
  assert.equal(markdownText("&amp; &#60;"), "&amp;amp; &amp;#60;");
});

test("ordinary text reads as typed in the file too", () => {
  assert.equal(markdownText("saved ~2k a month"), "saved ~2k a month");
  assert.equal(markdownText("~2k"), "~2k");
  assert.equal(markdownText("R&D & ops"), "R&D & ops");
  assert.equal(markdownText("a < b and c > d"), "a < b and c > d");
  assert.equal(markdownText("snake_case_name and C:\\path"), "snake_case_name and C:\\path");
});

test("every kind of line break becomes a hard break indented for the caller's item", () => {
  assert.equal(markdownText("# Hi <b>\r\n- x", "    "), "\\# Hi &lt;b>  \n    \\- x");
  assert.equal(markdownText("a\rb\u2028c", "  "), "a  \n  b  \n  c");
});

test("leading blanks cannot make a code block; a blank line keeps the paragraph break", () => {
  assert.equal(markdownText("first\n    indented"), "first  \nindented");
  assert.equal(markdownText("one\n\ntwo", "  "), "one\n  \n  two");
});

test("nothing written is an empty string", () => {
  assert.equal(markdownText(undefined), "");
  assert.equal(markdownText(null), "");
  assert.equal(markdownText("   "), "");
});
