// Loads the site's classic scripts into a Node `vm` context that stands in for the page: a `window` with
// localStorage, location, event listeners and an empty document, and nothing else. The scripts run unchanged, as the browser
// runs them, and attach what they offer to `window.handbook`.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const SCRIPTS = new URL("../../docs/assets/javascripts/", import.meta.url);

export class MemoryStorage {
  constructor(entries = {}) {
    this.entries = new Map(Object.entries(entries));
  }
  getItem(key) { return this.entries.has(key) ? this.entries.get(key) : null; }
  setItem(key, value) { this.entries.set(key, String(value)); }
  removeItem(key) { this.entries.delete(key); }
  key(index) { return [...this.entries.keys()][index] ?? null; }
  get length() { return this.entries.size; }
}

// A page at https://handbook.example/base/ whose localStorage holds `stored` (entries, or a storage object of
// the test's own), with `names` loaded in order. `fire(window, type, event)` calls the page's listeners.
export function page(names, stored = {}) {
  const listeners = () => {
    const heard = {};
    return {
      heard,
      addEventListener(type, listener) { (heard[type] ??= []).push(listener); },
      removeEventListener() {},
    };
  };
  const window = {
    ...listeners(),
    localStorage: stored instanceof MemoryStorage ? stored : new MemoryStorage(stored),
    location: new URL("https://handbook.example/base/self-assessment/"),
    document: { ...listeners(), hidden: false, documentElement: { lang: "en" }, querySelector: () => null, querySelectorAll: () => [] },
  };
  window.window = window;
  window.__md_scope = new URL("https://handbook.example/base/");
  const context = vm.createContext(Object.assign(window, {
    URL, JSON, Date, Object, Array, String, Number, Math, RegExp, TextEncoder, TextDecoder, btoa, atob, setTimeout,
    crypto: globalThis.crypto, Uint8Array, sessionStorage: new MemoryStorage(),
    clearTimeout, navigator: { languages: ["en-GB"] },
  }));
  for (const name of names) {
    vm.runInContext(readFileSync(new URL(name, SCRIPTS), "utf-8"), context, { filename: name });
  }
  return window;
}

export function fire(window, type, event = {}) {
  for (const listener of window.heard[type] ?? []) listener(event);
}

// The key under which the page at `page()`'s address keeps the reader's answers.
export const STORE_KEY = "/base/.hb.assessment";
