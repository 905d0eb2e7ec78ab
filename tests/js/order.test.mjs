// The scripts' structure: each file uses only what the files loaded before it offer (so none calls into a
// later one, and no two call each other both ways), every data-action has one handler, and all of them
// load together, in the site's order, without an error.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { page } from "./page.mjs";

const ROOT = new URL("../../", import.meta.url);
const SCRIPTS = new URL("docs/assets/javascripts/", ROOT);
const read = (name) => readFileSync(new URL(name, SCRIPTS), "utf-8");

// The joined bundle's files in mkdocs.yml's order, then the page scripts handbook.js loads after it.
const bundle = [...readFileSync(new URL("mkdocs.yml", ROOT), "utf-8").matchAll(/^ {2}- assets\/javascripts\/(\S+\.js)$/gm)].map((m) => m[1]);
// Each group of page scripts loads in its listed order, one page's group after the bundle.
const groups = [...read("handbook.js").matchAll(/pageScripts\(\[([^\]]*)\]/g)]
  .map((m) => [...m[1].matchAll(/"([\w-]+\.js)"/g)].map((name) => name[1]));
const pageScripts = groups.flat();
// Code only: comments and strings out (".hb.assessment" in a storage key is no use of hb.assessment).
const codeOf = (source) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
  .replace(/\/\/.*$/gm, "");

function parts(name) {
  const code = codeOf(read(name));
  const offers = new Set([...code.matchAll(/\bhb\.(\w+)\s*=(?!=)/g)].map((m) => m[1]));
  const uses = new Set([...code.matchAll(/\bhb\.(\w+)/g)].map((m) => m[1]).filter((used) => !offers.has(used)));
  return { offers, uses };
}

test("the bundle starts with the shared helpers and ends with the start-up, and every script is loaded", () => {
  assert.equal(bundle[0], "core.js");
  assert.equal(bundle.at(-1), "handbook.js");
  assert.deepEqual(pageScripts.toSorted(), ["conversation.js", "documents.js", "self-assessment.js", "team.js"]);
  const own = readdirSync(SCRIPTS).filter((name) => name.endsWith(".js") && !name.startsWith("search-"));
  assert.deepEqual([...bundle, ...pageScripts].toSorted(), own.toSorted());
});

test("each script uses only what the scripts loaded before it offer", () => {
  const offered = new Map();
  const check = (name, before) => {
    for (const used of parts(name).uses) {
      assert.ok(before.has(used), `${name} uses hb.${used}, which ${offered.get(used) ?? "no script"} offers, loaded ${offered.has(used) ? "after it" : "nowhere"}`);
    }
  };
  const all = [...bundle, ...pageScripts];
  for (const name of all) for (const offer of parts(name).offers) offered.set(offer, name);
  // The build joins a generated script before them all (handbook/site/ladder_script.py): the list of levels.
  const before = new Set(["ladderList"]);
  for (const name of bundle) {
    for (const offer of parts(name).offers) before.add(offer);
    check(name, before);
  }
  for (const group of groups) {
    const loaded = new Set(before);
    for (const name of group) {
      for (const offer of parts(name).offers) loaded.add(offer);
      check(name, loaded);
    }
  }
});

test("a data-action is handled by one script only", () => {
  const hb = page(["core.js"]).handbook;
  hb.actions({ share: () => {} });
  assert.throws(() => hb.actions({ share: () => {} }), /two handlers for data-action share/);
});

test("every script loads in the site's order, page scripts last, without an error", () => {
  const window = page([...bundle, ...pageScripts]);
  for (const part of ["store", "view", "checklists", "placement", "familyPicker", "assessment", "conversation", "compare", "documents", "team"]) {
    assert.ok(window.handbook[part], part);
  }
});
