// The HTML pages the bench loads: the same simple page around each library.

/**
 * Where a page view page reports that its page view settled, so the bench needs no script of its
 * own in the page while measuring (Playwright's injected helpers would show up as main-thread time).
 */
export const PAGE_VIEW_DONE = '/__bench/page-view-done';

const article = `<h1>A simple page</h1>
<p>Some text, an image placeholder and a list: what a small article page has before any analytics.</p>
<ul><li>First item</li><li>Second item</li><li>Third item</li></ul>
<p>More text so that layout and paint do a little work, as they do on a real page.</p>`;

const page = (head, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench page</title>${head}</head><body>${article}${body}</body></html>`;

/** The bare page with no library: the baseline every "added" figure subtracts. */
export const baselinePage = () => page('<script>window.__bench.pageView = "none";</script>');

/** The library's script alone, no configuration and no calls: its evaluation cost. */
export const evaluatePage = (contestant) => page(`<script src="${contestant.scriptPath}"></script>`);

/**
 * The documented install (snippet, configure, async script) plus one page view queued before the
 * script arrives, as a site does on every page; the outcome lands in `__bench.pageView`.
 */
export const pageViewPage = (contestant) =>
  page(`${contestant.installHtml(contestant.scriptPath)}
<script>(${contestant.sendExpression}).then(function () { return 'ok'; }, function (error) { return 'error: ' + error; }).then(function (outcome) {
  window.__bench.pageView = outcome;
  fetch('${PAGE_VIEW_DONE}?outcome=' + encodeURIComponent(outcome));
});</script>`);

/** The install without a page view, with `__benchSend()` that sends one when the bench calls it. */
export const sendsPage = (contestant) =>
  page(`${contestant.installHtml(contestant.scriptPath)}
<script>window.__benchSend = function () { return ${contestant.sendExpression}; };</script>`);

/**
 * The cold page: the library's script loaded (evaluated, nothing configured, no call made) and
 * `__benchCold()`, which configures and sends one page view (with the address) when the bench calls
 * it, and resolves with how long the call blocked, when the request left and when the answer came,
 * in ms from the call on the page's clock.
 */
export const coldPage = (contestant) =>
  page(`${contestant.coldHtml(contestant.scriptPath)}
<script>window.__benchCold = function () {
  var bench = window.__bench;
  var sentBefore = bench.sends.length;
  var start = performance.now();
  var sending;
  try {
    ${contestant.configureStatement ?? ''}
    sending = ${contestant.sendExpression};
  } catch (error) {
    sending = Promise.reject(error);
  }
  var syncMs = performance.now() - start;
  return sending.then(function () { return 'ok'; }, function (error) { return 'error: ' + error; }).then(function (outcome) {
    return { outcome: outcome, syncMs: syncMs, answerMs: performance.now() - start,
      leftMs: bench.sends.length > sentBefore ? bench.sends[sentBefore] - start : NaN,
      crossOriginIsolated: crossOriginIsolated };
  });
};</script>`);
