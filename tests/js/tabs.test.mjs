// Two tabs of one handbook writing the reader's answers at the same moment. A browser gives each tab its own
// copy of localStorage and tells it of another tab's write a moment later (the `storage` event): `Browser`
// below does the same, and delivers the writes only when the test says so.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fire, MemoryStorage, page, STORE_KEY } from "./page.mjs";

class Browser {
  constructor() {
    this.tabs = [];
    this.waiting = []; // writes not yet heard of by the other tabs
  }

  open() {
    const browser = this;
    const storage = new (class extends MemoryStorage {
      setItem(key, value) {
        super.setItem(key, value);
        browser.waiting.push({ from: storage, key, value: String(value) });
      }
      removeItem(key) {
        super.removeItem(key);
        browser.waiting.push({ from: storage, key, value: null });
      }
    })(this.tabs[0] ? Object.fromEntries(this.tabs[0].storage.entries) : {});
    const window = page(["store.js"], storage);
    this.tabs.push({ storage, window });
    return window.handbook.store;
  }

  // Every write reaches the other tabs, as many rounds as the tabs answer; the number of rounds.
  settle(limit = 10) {
    let rounds = 0;
    while (this.waiting.length) {
      assert.ok(++rounds <= limit, "the tabs keep answering each other's writes");
      const writes = this.waiting.splice(0);
      for (const { from, key, value } of writes) {
        for (const tab of this.tabs.filter((t) => t.storage !== from)) {
          if (value === null) MemoryStorage.prototype.removeItem.call(tab.storage, key);
          else MemoryStorage.prototype.setItem.call(tab.storage, key, value);
          fire(tab.window, "storage", { key });
        }
      }
    }
    return rounds;
  }

  stored() {
    return this.tabs.map((tab) => JSON.parse(tab.storage.getItem(STORE_KEY)).profiles.me.items);
  }
}

const A = "a-list--first-item", B = "a-list--second-item"; // the store checks an item id's shape, not the data

test("two tabs that write before hearing of each other keep both answers, in both tabs and in storage", () => {
  const browser = new Browser();
  const one = browser.open(), two = browser.open();
  one.set(A, { done: true, note: "written in the first tab" });
  two.set(B, { done: true, note: "written in the second tab" }); // its copy of storage has not seen the first write yet
  browser.settle();
  for (const tab of [one, two]) {
    assert.equal(tab.get(A)?.note, "written in the first tab");
    assert.equal(tab.get(B)?.note, "written in the second tab");
  }
  for (const items of browser.stored()) assert.deepEqual(Object.keys(items).sort(), [A, B].sort());
});

test("a tab that built on the other's write is not overridden by it: the later change stands", () => {
  const browser = new Browser();
  const one = browser.open(), two = browser.open();
  one.set(A, { done: true, note: "first wording" });
  browser.settle();
  two.set(A, { done: true, note: "second wording, after reading the first" });
  assert.equal(browser.settle(), 1, "the first tab wrote again");
  for (const tab of [one, two]) assert.equal(tab.get(A).note, "second wording, after reading the first");
});

test("a check-in taken while another tab writes is kept once", () => {
  const browser = new Browser();
  const one = browser.open(), two = browser.open();
  one.set(A, { done: true });
  one.checkin();
  two.set(B, { done: true });
  browser.settle();
  for (const tab of browser.tabs) {
    const kept = JSON.parse(tab.storage.getItem(STORE_KEY)).profiles.me;
    assert.equal(kept.checkins.length, 1);
    assert.deepEqual(Object.keys(kept.items).sort(), [A, B].sort());
  }
});

test("a document stored before writes were counted is read whole, and the next write counts from it", async () => {
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(new URL("../fixtures/store-v4-conversation.json", import.meta.url), "utf-8");
  const before = JSON.parse(text);
  const window = page(["store.js"], { [STORE_KEY]: text });
  const stored = () => JSON.parse(window.localStorage.getItem(STORE_KEY));
  assert.equal(before.rev, undefined);
  assert.equal(stored().rev, 1, "written once as read (its text was not the store's own)");
  assert.deepEqual(stored().profiles, before.profiles);
  window.handbook.store.set(A, { done: true });
  assert.equal(stored().rev, 2);
});

test("an import in one tab and a tick in another at the same moment: both kept, and the version the import replaced", () => {
  const browser = new Browser();
  const one = browser.open(), two = browser.open();
  one.set(A, { done: true, note: "before the import" });
  browser.settle();
  const file = one.parse(JSON.stringify({ version: 4, profile: "me", profiles: { me: { name: "Sam", items: { [A]: { done: true, note: "from Sam's file" } } } } })).doc;
  assert.ok(one.replace(file, "Sam"));
  two.set(B, { done: true }); // built on the document before the import
  browser.settle();
  for (const tab of [one, two]) {
    assert.equal(tab.get(A)?.note, "from Sam's file", "the import was undone");
    assert.ok(tab.get(B)?.done, "the tick was lost");
    assert.equal(tab.versions()[0]?.profile.items[A].note, "before the import");
  }
});

test("two tabs replacing at the same moment keep both versions they replaced", () => {
  const browser = new Browser();
  const one = browser.open(), two = browser.open();
  one.set(A, { done: true, note: "first tab's answers" });
  browser.settle();
  assert.ok(two.add(null, "Sam"));
  two.set(B, { done: true, note: "Sam's answers" });
  browser.settle();
  one.reset(); // the reader's own assessment
  assert.ok(two.reset() >= 0); // Sam's, in the other tab, before it hears of the first reset
  browser.settle();
  for (const tab of browser.tabs) {
    const stored = JSON.parse(tab.storage.getItem(STORE_KEY + ".history")).versions.map((v) => Object.values(v.profile.items)[0]?.note);
    assert.deepEqual(stored.sort(), ["Sam's answers", "first tab's answers"]);
    const kept = JSON.parse(tab.storage.getItem(STORE_KEY)).profiles;
    assert.deepEqual(Object.values(kept).map((p) => Object.keys(p.items).length), [0, 0], "a reset was undone");
  }
});
