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

test("HTML stays text and inline Markdown is escaped", () => {
  assert.equal(markdownText("<b>bold</b> & more"), "&lt;b&gt;bold&lt;/b&gt; &amp; more");
  assert.equal(markdownText("*em* _em_ `code` [link](x)"), "\\*em\\* \\_em\\_ \\`code\\` \\[link\\](x)");
});

test("every kind of line break becomes a hard break indented for the caller's item", () => {
  assert.equal(markdownText("# Hi <b>\r\n- x", "    "), "\\# Hi &lt;b&gt;  \n    \\- x");
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
