// What the bench puts into every page before any of the page's own scripts run.
import { EDGE_HOST } from './startBenchServer.mjs';

/**
 * An init script that notes when each request to the Edge leaves the page (the moment a library
 * hands it to `fetch`, `sendBeacon` or XHR, on the page's clock) and collects long tasks.
 * Both libraries run under the same hooks, so the hooks' own cost falls on both alike.
 */
export const pageHooks = `(() => {
  const bench = (window.__bench = { sends: [], longTasks: [] });
  const note = (url) => { if (String(url).indexOf(${JSON.stringify(EDGE_HOST)}) !== -1) bench.sends.push(performance.now()); };
  const fetch0 = window.fetch;
  window.fetch = function (input) { note(input && input.url ? input.url : input); return fetch0.apply(window, arguments); };
  if (navigator.sendBeacon) {
    const beacon0 = navigator.sendBeacon;
    navigator.sendBeacon = function (url) { note(url); return beacon0.apply(navigator, arguments); };
  }
  const open0 = XMLHttpRequest.prototype.open;
  const send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) { this.__benchUrl = url; return open0.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function () { note(this.__benchUrl); return send0.apply(this, arguments); };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { bench.longTaskError = String(error); }
})();`;
