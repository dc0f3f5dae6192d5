/**
 * A helper extension of the tests' own: an event whose trigger the test fires (`window.__fire[name]`),
 * a data element returning its settings' value, and an action that records what it was given
 * (tokens replaced) in `window.__seen`, and an action that navigates to `settings.url`.
 */
export const HARNESS = {
  'fire.js': {
    name: 'fire',
    source:
      'module.exports = function (settings, trigger) { (window.__fire = window.__fire || {})[settings.name] = trigger; };',
  },
  'constant.js': {
    name: 'constant',
    source: 'module.exports = function (settings) { return settings.value; };',
  },
  'navigate.js': {
    name: 'navigate',
    source: 'module.exports = function (settings) { location.href = settings.url; };',
  },
  'record.js': {
    name: 'record',
    source: 'module.exports = function (settings) { (window.__seen = window.__seen || []).push(settings); };',
  },
};
