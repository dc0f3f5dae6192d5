// What the bench puts into every page before any of the page's own scripts run.
import { EDGE_HOST } from './startBenchServer.mjs';

/**
 * An init script that notes when each request to the Edge leaves the page, on the page's clock:
 * when the library's `fetch`, `sendBeacon` or XHR `send` call returns, that is once the browser has
 * taken the request (building it and handing it to the network stack is part of leaving; a bare
 * `fetch` spends most of its time there). Also collects long tasks. Every contestant runs under
 * the same hooks, so their own cost falls on all alike.
 */
export const pageHooks = `(() => {
  const bench = (window.__bench = { sends: [], longTasks: [] });
  const isEdge = (url) => String(url).indexOf(${JSON.stringify(EDGE_HOST)}) !== -1;
  const note = (url) => { if (isEdge(url)) bench.sends.push(performance.now()); };
  const fetch0 = window.fetch;
  window.fetch = function (input) {
    const sent = fetch0.apply(window, arguments);
    note(input && input.url ? input.url : input);
    return sent;
  };
  if (navigator.sendBeacon) {
    const beacon0 = navigator.sendBeacon;
    navigator.sendBeacon = function (url) { const sent = beacon0.apply(navigator, arguments); note(url); return sent; };
  }
  const open0 = XMLHttpRequest.prototype.open;
  const send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) { this.__benchUrl = url; return open0.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function () { const sent = send0.apply(this, arguments); note(this.__benchUrl); return sent; };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { bench.longTaskError = String(error); }
})();`;
