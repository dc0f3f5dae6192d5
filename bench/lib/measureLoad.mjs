// One cold page load: what loading a library (and sending one page view) costs the page.
/* global window -- the callback given to page.evaluate runs in the page */
import { setTimeout as sleep } from 'node:timers/promises';
import { openBenchPage } from './openBenchPage.mjs';
import { PAGE_VIEW_DONE } from './benchPages.mjs';
import { PAGE_HOST } from './startBenchServer.mjs';

/** How long to keep watching after the load (or the page view's answer) for late work and requests. */
const SETTLE_MS = 200;

/**
 * Loads `path` in a fresh context and reports main-thread time (DevTools `Performance` metrics),
 * long tasks (`PerformanceObserver`), when the first Edge request left, and the Edge requests the
 * load caused with their bytes. With `expectPageView`, the window lasts until the page reports its
 * page view settled (plus a short settle); nothing is evaluated in the page until it is over.
 */
export async function measureLoad(browser, server, { path, cpuSlowdown = 1, expectPageView = false }) {
  const session = await openBenchPage(browser, { cpuSlowdown });
  try {
    const from = server.requests.length;
    const settled = expectPageView ? server.nextSignal(PAGE_VIEW_DONE) : undefined;
    settled?.catch(() => {}); // awaited below; this only keeps a failed goto from leaving it unhandled
    await session.page.goto(`https://${PAGE_HOST}${path}`, { waitUntil: 'load' });
    await settled;
    await sleep(SETTLE_MS);
    const metrics = await session.metrics();
    const bench = await session.page.evaluate(() => {
      const { sends, longTasks, pageView, longTaskError } = window.__bench;
      return { firstSend: sends[0], longTasks, pageView, longTaskError };
    });
    if (expectPageView && bench.pageView !== 'ok')
      throw new Error(`${path}: the page view did not succeed: ${bench.pageView}`);
    const requests = server.requests.slice(from);
    return {
      ...metrics,
      longTasks: bench.longTasks.length,
      blockingMs: bench.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      firstSendMs: bench.firstSend ?? NaN,
      requests: requests.length,
      bytesUp: requests.reduce((sum, request) => sum + request.requestBytes, 0),
      bytesDown: requests.reduce((sum, request) => sum + request.responseBytes, 0),
    };
  } finally {
    await session.close();
  }
}
