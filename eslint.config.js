// `make lint` for JavaScript: ESLint's recommended rules (undefined names, unused variables, unreachable code...)
// with the globals each file really has. The site's scripts are classic scripts in the browser (Material's
// `document$` and `__md_scope` beside them); the search worker runs in a Web Worker; tests/js/ runs in Node.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  // docs/assets/vendor/ holds third-party code as its authors ship it.
  { ignores: ["**/site/", ".build/", ".venv/", "**/node_modules/", "**/*.min.js", "docs/assets/vendor/"] },
  js.configs.recommended,
  {
    files: ["docs/**/*.js", "overrides/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, document$: "readonly", __md_scope: "readonly" },
    },
    rules: {
      "no-undef": "error",
      // `catch (error)` with the error unused is how these scripts say "any failure means the same"
      // (they keep to syntax older browsers read, without optional catch bindings).
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
  {
    files: ["docs/assets/javascripts/search-worker.js"],
    // lunr is the global of Material's search bundle, which the worker imports (importScripts) before it runs.
    languageOptions: { globals: { ...globals.worker, lunr: "readonly" } },
  },
  {
    files: ["tests/js/**/*.mjs", "scripts/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: "latest", globals: { ...globals.node } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs" },
  },
];
