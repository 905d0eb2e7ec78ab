/* What the reader is looking at, beside what they answered (store.js): the second view compared with the
   assessment shown, the job family shown, whether every checklist shows. It lasts as long as the tab and
   is never stored. A change here calls the same listeners as a change of the answers, so the page redraws
   in one way whatever changed. */
(function (hb) {
  "use strict";
  var state = {
    compared: "", // the second view: a stored assessment's id, or a key of `others`
    others: Object.create(null), // second views from outside the stored assessments: {key: {name, profile}}
    family: "", // the job family the level map and the checklists show ("": every family)
    showAll: false, // every checklist, not only the reader's transitions'
  };
  var listeners = [];

  function get(name) {
    return state[name];
  }

  /* `changes`: {name: value}; the page redraws once, if anything changed. */
  function set(changes) {
    var changed = Object.keys(changes).filter(function (name) { return state[name] !== changes[name]; });
    changed.forEach(function (name) { state[name] = changes[name]; });
    if (changed.length) redraw();
  }

  /* The second views from outside with `entry` ({name, profile}) under `key`: a new value for `others`. */
  function withOther(key, entry) {
    var others = Object.assign(Object.create(null), state.others);
    others[key] = entry;
    return others;
  }

  /* A field the page keeps no copy of (the level drawn beside, the chart's measure) changed what is drawn. */
  function redraw() {
    listeners.forEach(function (listener) { listener(); });
  }

  /* `listener(changedId)` after every change of the answers (with the answer's id when one changed) or of the view. */
  function onChange(listener) {
    listeners.push(listener);
    hb.store.onChange(listener);
  }

  hb.view = { get: get, set: set, withOther: withOther, redraw: redraw, onChange: onChange };
})(window.handbook = window.handbook || {});
