// Dates as the page writes them (handbook.date): one format in the reader's variant of the page's language,
// a day that is the same day everywhere, and a text that is no date shown as written.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./page.mjs";

const date = page(["core.js"]).handbook.date;

test("a day reads as the same day in the reader's style, however often it is written", () => {
  for (let i = 0; i < 3; i += 1) assert.equal(date("2026-12-07"), "7 Dec 2026");
  assert.equal(date("2026-01-31"), "31 Jan 2026");
  assert.match(date("2026-12-07T10:30:00.000Z", true), /^7 Dec 2026, \d\d:\d\d$/);
  assert.equal(date("2026-12-07T10:30:00.000Z"), date("2026-12-07T10:30:00.000Z", false));
});

test("a text that is no date is shown as written, never Invalid Date", () => {
  assert.equal(date("someday"), "someday");
  assert.equal(date("2026-13-45"), "2026-13-45");
});
