// handbook.store without a page: checking a document, migrating version 1, and reading damaged storage.
// The stored fixtures are the ones the browser tests use (tests/fixtures/store-*.json).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { page, STORE_KEY } from "./page.mjs";

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf-8");
const plain = (value) => JSON.parse(JSON.stringify(value)); // out of the page's realm, for deepEqual
const store = (stored) => page(["store.js"], stored).handbook.store;

test("a version 1 document migrates to the reader's own profile with every tick and note", () => {
  const v1 = JSON.parse(fixture("store-v1.json"));
  const { doc, problem } = store().parse(fixture("store-v1.json"));
  assert.equal(problem, undefined);
  assert.equal(doc.profile, "me");
  assert.deepEqual(plain(doc.profiles.me.items), v1.items);
});

test("version 2 documents keep their profile fields, placements, plan and check-ins", () => {
  for (const name of ["store-v2.json", "store-v2-checkins.json"]) {
    const stored = JSON.parse(fixture(name));
    const { doc, problem } = store().parse(fixture(name));
    assert.equal(problem, undefined, name);
    assert.equal(doc.profile, stored.profile, name);
    const own = plain(doc.profiles[doc.profile]), expected = stored.profiles[stored.profile];
    for (const field of Object.keys(expected)) assert.deepEqual(own[field], expected[field], `${name}: ${field}`);
  }
});

test("what cannot be read is refused with the reason the page shows", () => {
  const parse = store().parse;
  assert.equal(parse("{not json").problem.code, "json");
  assert.equal(parse("[1, 2, 3]").problem.code, "shape");
  assert.equal(parse('{"version": 0, "items": {}}').problem.code, "version");
  assert.equal(parse('{"version": 1.5, "items": {}}').problem.code, "version");
  assert.equal(parse('{"version": 99, "items": {}}').problem.code, "newer");
  assert.equal(parse('{"version": 1, "items": {"Bad Id!": {"done": true}}}').problem.code, "item");
});

test("a version 1 document in storage is read, migrated and written back as the current version", () => {
  const local = store({ [STORE_KEY]: fixture("store-v1.json") });
  const v1 = JSON.parse(fixture("store-v1.json"));
  for (const [id, answer] of Object.entries(v1.items)) {
    assert.equal(local.get(id)?.note, answer.note, id);
  }
  local.set(Object.keys(v1.items)[0], { done: false });
  assert.equal(local.document().profiles.me.items[Object.keys(v1.items)[0]].done, false);
});

test("damaged storage is set aside, never thrown away, and the page starts afresh", () => {
  const window = page(["store.js"], { [STORE_KEY]: "{half a document" });
  const local = window.handbook.store;
  const [aside] = local.unreadable();
  assert.ok(aside, "the damaged text has a key of its own");
  assert.equal(local.readRaw(aside), "{half a document");
  assert.equal(local.count(), 0);
  assert.equal(JSON.parse(window.localStorage.getItem(STORE_KEY)).version, local.VERSION);
});

test("an export reads back as the same answers", () => {
  const local = store({ [STORE_KEY]: fixture("store-v2.json") });
  const again = store().parse(local.exportJson());
  assert.equal(again.problem, undefined);
  assert.deepEqual(plain(again.doc.profiles[again.doc.profile].items), plain(local.all()));
});

test("a version 3 document in storage is kept whole and written back as version 4", () => {
  const v3 = JSON.parse(fixture("store-v3.json"));
  const window = page(["store.js"], { [STORE_KEY]: fixture("store-v3.json") });
  const written = JSON.parse(window.localStorage.getItem(STORE_KEY));
  assert.equal(written.version, 4);
  assert.equal(written.profile, v3.profile);
  // Version 4 adds who filled an assessment in: "" (the person's own view) where version 3 had no author.
  for (const profile of Object.values(v3.profiles)) profile.author = "";
  assert.deepEqual(written.profiles, v3.profiles, "a field was lost or changed in the migration");
  assert.deepEqual(plain(window.handbook.store.agenda()), { decisions: [], next: "" });
});

test("version 4 keeps the agenda and a joint check-in's second view, and refuses a bad one", () => {
  const v4 = JSON.parse(fixture("store-v4-conversation.json"));
  const { doc, problem } = store().parse(fixture("store-v4-conversation.json"));
  assert.equal(problem, undefined);
  assert.deepEqual(plain(doc.profiles.p1), v4.profiles.p1);
  const broken = (change) => {
    const copy = JSON.parse(fixture("store-v4-conversation.json"));
    change(copy.profiles.p1);
    return store().parse(JSON.stringify(copy)).problem;
  };
  assert.equal(broken((p) => { p.agenda.decisions[0].date = "soon"; }).id, "agenda");
  assert.equal(broken((p) => { p.agenda.decisions = Array(21).fill({ text: "x" }); }).id, "agenda");
  assert.equal(broken((p) => { p.agenda.next = "<b>"; }).id, "agenda");
  assert.equal(broken((p) => { p.checkins[0].other.name = 7; }).field, "other");
  assert.equal(broken((p) => { p.checkins[0].other.placements = { scope: { level: "Bad!" } }; }).id, "scope");
  assert.equal(broken((p) => { p.checkins[0].agenda = "later"; }).field, "agenda");
});

test("an agenda is saved with the assessment shown, blank rows at its end left out, and over a limit refused", () => {
  const local = store({ [STORE_KEY]: fixture("store-v3.json") });
  assert.ok(local.setAgenda({ decisions: [{ text: "Ship it", owner: "", date: "" }, { text: "", owner: "", date: "" }], next: "2027-01-01" }));
  assert.deepEqual(plain(local.document().profiles.p1.agenda), { decisions: [{ text: "Ship it", owner: "", date: "" }], next: "2027-01-01" });
  assert.ok(local.setAgenda({ decisions: [{ text: "", owner: "", date: "" }, { text: "Ship it", owner: "", date: "" }], next: "" }));
  assert.deepEqual(plain(local.document().profiles.p1.agenda.decisions).map((d) => d.text), ["", "Ship it"], "a decision keeps its row");
  assert.equal(local.setAgenda({ decisions: [{ text: "x".repeat(local.LIMITS.text + 1) }], next: "" }), false);
  assert.ok(local.setAgenda({ decisions: [], next: "" }));
  assert.equal(local.document().profiles.p1.agenda, undefined, "a blank agenda is not kept");
});

test("answers imported from a colleague's file do not make the assessment theirs", () => {
  // Sam starts from Dana's download, then sends Dana his own: it must open beside her answers, not over them.
  const dana = store(), sam = store();
  dana.set("junior-to-mid--writes-tests-unasked", { done: true, note: "Dana's note" });
  const danaFile = dana.exportJson(), danaUid = dana.document().profiles.me.uid;
  const samUid = sam.document().profiles.me.uid;
  sam.replace(sam.parse(danaFile).doc, "Dana");
  assert.equal(sam.document().profiles.me.uid, samUid, "Sam's assessment keeps its own uid");
  const kept = dana.add(dana.parse(sam.exportJson()).doc);
  assert.equal(kept.updated, false, "Sam's file is a new assessment for Dana");
  assert.notEqual(kept.id, "me");
  assert.equal(dana.document().profiles.me.uid, danaUid);
  assert.equal(dana.document().profiles.me.items["junior-to-mid--writes-tests-unasked"].note, "Dana's note");
});

test("an imported date that is no day of the calendar is refused, naming where it is", () => {
  const withDate = (date) => {
    const copy = JSON.parse(fixture("store-v4-conversation.json"));
    copy.profiles.p1.agenda.next = date;
    return store().parse(JSON.stringify(copy)).problem;
  };
  assert.equal(withDate("2028-02-29"), undefined, "a leap day");
  assert.equal(withDate(""), undefined);
  for (const date of ["2026-13-45", "2027-02-29", "2026-04-31", "2026-00-10"]) assert.equal(withDate(date)?.id, "agenda", date);
});

test("an imported check-in whose time is no moment of the calendar is refused", () => {
  const withCheckin = (date) => {
    const copy = JSON.parse(fixture("store-v4-conversation.json"));
    copy.profiles.p1.checkins[0].date = date;
    return store().parse(JSON.stringify(copy)).problem;
  };
  for (const date of ["2026-12-01T09:00:00.000Z", "2026-12-01", "+010000-01-01T00:00:00.000Z", "2028-02-29T23:59:59Z"]) {
    assert.equal(withCheckin(date), undefined, date);
  }
  for (const date of ["2026-02-30T00:00:00Z", "2026-01-01T99:99:99Z", "2026-13-45", "2026-12-01T09:00:00"]) {
    assert.ok(withCheckin(date), date);
  }
});
