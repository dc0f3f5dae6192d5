// A burst of page views on one page: main-thread time from the call to the request leaving.
/* global window, performance, setTimeout, crossOriginIsolated -- the callbacks given to page.evaluate run in the page */
import { setTimeout as sleep } from 'node:timers/promises';
import { openBenchPage } from './openBenchPage.mjs';
import { PAGE_HOST } from './startBenchServer.mjs';

/**
 * In a fresh context, installs the library, sends one page view to warm it up (alloy acquires its
 * identity on the first), then sends `count` more one after the other, each awaited. For each it
 * records how long the call took synchronously and how long until its request left the page (the
 * hooked `fetch`/`sendBeacon`); the DevTools metrics give the main-thread time the whole burst cost.
 */
export async function measureSends(browser, server, { path, count }) {
  const session = await openBenchPage(browser);
  try {
    await session.page.goto(`https://${PAGE_HOST}${path}`, { waitUntil: 'load' });
    await session.page.waitForFunction(() => typeof window.__benchSend === 'function');
    await session.page.evaluate(() => window.__benchSend());
    const before = await session.metrics();
    const from = server.requests.length;
    const burst = await session.page.evaluate(async (total) => {
      const bench = window.__bench;
      const leftAfter = [];
      const syncMs = [];
      let failures = 0;
      for (let i = 0; i < total; i++) {
        const sentBefore = bench.sends.length;
        const start = performance.now();
        const sending = window.__benchSend();
        syncMs.push(performance.now() - start);
        try {
          await sending;
        } catch {
          failures++;
        }
        // A library that answers before its request leaves (a queue) still gets timed to the request.
        for (let waited = 0; bench.sends.length === sentBefore && waited < 200; waited++)
          await new Promise((resolve) => setTimeout(resolve, 10));
        leftAfter.push(bench.sends.length > sentBefore ? bench.sends[sentBefore] - start : NaN);
      }
      return { leftAfter, syncMs, failures, crossOriginIsolated };
    }, count);
    const after = await session.metrics();
    // Let the last answers' server-side bookkeeping finish before counting.
    await sleep(100);
    const requests = server.requests.slice(from);
    return {
      ...burst,
      taskMsPerSend: (after.taskMs - before.taskMs) / count,
      scriptMsPerSend: (after.scriptMs - before.scriptMs) / count,
      requestsPerSend: requests.length / count,
      bytesUpPerSend: requests.reduce((sum, request) => sum + request.requestBytes, 0) / count,
      bytesDownPerSend: requests.reduce((sum, request) => sum + request.responseBytes, 0) / count,
    };
  } finally {
    await session.close();
  }
}
