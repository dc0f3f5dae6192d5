// The cold send: what the first page view of a page load costs when nothing has run yet.
import { setTimeout as sleep } from 'node:timers/promises';
import { openBenchPage } from './openBenchPage.mjs';
import { PAGE_HOST } from './startBenchServer.mjs';

/** The pages of one visit, in order: a new visitor's first page, then a later page of the same visit. */
export const VISIT_PAGES = ['first', 'later'];
/** A pause after each load, so the call starts on an idle page (the library's script evaluated). */
const IDLE_MS = 100;

/**
 * One visit in a fresh browser context (no cookies, storage, HTTP cache or compiled code): for each
 * of {@link VISIT_PAGES}, a new navigation to the contestant's cold page, then one `configure` +
 * page view called from the DevTools protocol. Reports per page how long the call blocked, when its
 * request left, when its answer came (the page's clock) and the main-thread time (DevTools
 * `TaskDuration`) from the call to the answer. The later page finds the first one's cookies and
 * storage, as a visitor's next page does; each page compiles the library's functions and regular
 * expressions anew (a new document), though V8 may reuse the script's compiled top level.
 */
export async function measureCold(browser, contestant) {
  const session = await openBenchPage(browser);
  try {
    const visit = {};
    for (const [index, name] of VISIT_PAGES.entries()) {
      await session.page.goto(`https://${PAGE_HOST}/${contestant.id}-cold.html?page=${index + 1}`, {
        waitUntil: 'load',
      });
      // A navigation may move the page to a new renderer: the counters are per renderer.
      await session.cdp.send('Performance.enable');
      await sleep(IDLE_MS);
      const before = await session.metrics();
      const { result, exceptionDetails } = await session.cdp.send('Runtime.evaluate', {
        expression: 'window.__benchCold()',
        awaitPromise: true,
        returnByValue: true,
      });
      const after = await session.metrics();
      if (exceptionDetails) throw new Error(`${contestant.id}: ${exceptionDetails.text}`);
      const sample = result.value;
      if (sample.outcome !== 'ok')
        throw new Error(`${contestant.id}, ${name} page: the page view did not succeed: ${sample.outcome}`);
      visit[name] = {
        ...sample,
        taskMs: after.taskMs - before.taskMs,
        scriptMs: after.scriptMs - before.scriptMs,
        compileMs: after.compileMs - before.compileMs,
      };
    }
    return visit;
  } finally {
    await session.close();
  }
}
