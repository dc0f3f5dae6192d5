// A burst of events called at once, with slow answers: does any request wait for another's answer?
/* global window, performance, crossOriginIsolated -- the callbacks given to page.evaluate run in the page */
import { openBenchPage } from './openBenchPage.mjs';
import { PAGE_HOST } from './startBenchServer.mjs';

/**
 * In a fresh context, installs the library and sends one page view to warm it up (alloy acquires
 * its identity on the first), then has the Edge answer every request `delayMs` late and calls
 * `count` page views in one go, none awaited. Reports when the first and the last request left the
 * page and when the last answer settled, in ms from the first call, on the page's clock.
 */
export async function measureBurst(browser, server, { path, count, delayMs }) {
  const session = await openBenchPage(browser);
  try {
    await session.page.goto(`https://${PAGE_HOST}${path}`, { waitUntil: 'load' });
    await session.page.waitForFunction(() => typeof window.__benchSend === 'function');
    await session.page.evaluate(() => window.__benchSend());
    server.setAnswerDelay(delayMs);
    return await session.page.evaluate(async (total) => {
      const bench = window.__bench;
      const sentBefore = bench.sends.length;
      const start = performance.now();
      const calls = [];
      for (let i = 0; i < total; i++) calls.push(window.__benchSend());
      const outcomes = await Promise.allSettled(calls);
      const settledMs = performance.now() - start;
      const left = bench.sends.slice(sentBefore).map((at) => at - start);
      return {
        firstLeftMs: left.length ? Math.min(...left) : NaN,
        lastLeftMs: left.length >= total ? Math.max(...left) : NaN,
        settledMs,
        failures: outcomes.filter((outcome) => outcome.status === 'rejected').length,
        crossOriginIsolated,
      };
    }, count);
  } finally {
    server.setAnswerDelay(0);
    await session.close();
  }
}
