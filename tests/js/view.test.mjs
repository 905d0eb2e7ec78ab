// handbook.view: what the reader looks at. A change redraws the page through the same listeners as a
// change of the answers, once, and only when something changed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./page.mjs";

function counted() {
  const hb = page(["core.js", "store.js", "view.js"]).handbook, calls = [];
  hb.view.onChange((changedId) => calls.push(changedId));
  return { hb, calls };
}

test("a change of the view and a change of the answers call the same listener", () => {
  const { hb, calls } = counted();
  hb.view.set({ showAll: true });
  hb.store.set("growth--ship", { done: true });
  assert.deepEqual(calls, [undefined, "growth--ship"]);
  assert.equal(hb.view.get("showAll"), true);
});

test("setting several things at once redraws once, and setting what is already shown not at all", () => {
  const { hb, calls } = counted();
  hb.view.set({ compared: "file", family: "data" });
  hb.view.set({ compared: "file" });
  assert.equal(calls.length, 1);
});

test("a second view from outside keeps the others and does not change them in place", () => {
  const { hb } = counted();
  hb.view.set({ others: hb.view.withOther("file", { name: "Priya" }) });
  const before = hb.view.get("others");
  hb.view.set({ others: hb.view.withOther("shared", { name: "Sam" }), compared: "shared" });
  assert.deepEqual(Object.keys(hb.view.get("others")).sort(), ["file", "shared"]);
  assert.deepEqual(Object.keys(before), ["file"]);
});
