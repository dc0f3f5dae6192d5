import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStandaloneSite } from '../support/useStandaloneSite';
import { datastream, deliveryPage, eventOf, interacts, storedQueue } from './deliveryPage';

// Issue 22: a thousand queued events (offline, or left by closed pages) are adopted and sent
// without freezing the page: no task over 50 ms of CPU time, every event once.
const site = useStandaloneSite();

const EVENTS = 1000;
/** The long-task threshold (https://w3c.github.io/longtasks/): what a visitor feels as a freeze. */
const LONG_TASK_MS = 50;

type Window_ = {
  ready: Promise<unknown>;
  send(data: unknown): Promise<unknown>;
  results: Array<{ error?: string }>;
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Records what the pages' main threads do while `work` runs, and returns each task that took more
 * than {@link LONG_TASK_MS} of the thread's CPU time. CPU time, not wall time: on a busy 2-core
 * machine a 10 ms task can wait 100 ms for a core, which says nothing about our code. Tasks that
 * evaluate a module are Playwright's own (its injected scripts; ours are classic scripts), not the
 * page's, and are left out.
 */
async function longTasksDuring(work: () => Promise<unknown>) {
  await site.browser.startTracing(undefined, {
    categories: ['toplevel', 'v8'],
  });
  let trace: TraceEvent[];
  try {
    await work();
  } finally {
    const recorded = await site.browser.stopTracing();
    trace = (JSON.parse(recorded.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(
    trace
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args!.name === 'CrRendererMain')
      .map(thread),
  );
  const harness = trace.filter((e) => e.name === 'v8.evaluateModule');
  return trace
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(thread(e)))
    .filter((task) => (task.tdur ?? 0) > LONG_TASK_MS * 1000)
    .filter(
      (task) =>
        !harness.some((e) => thread(e) === thread(task) && e.ts >= task.ts && e.ts < task.ts + task.dur!),
    )
    .map((task) => ({ cpuMs: Math.round(task.tdur! / 1000), wallMs: Math.round(task.dur! / 1000) }));
}

/** A context whose pages send to `id` with room for the backlog. */
async function backlogSite(id: number, path: string) {
  const datastreamId = datastream(id);
  site.server.serve(
    path,
    'text/html',
    deliveryPage({
      datastreamId,
      edgeUrl: site.server.origin,
      maxQueueSize: EVENTS * 2,
      maxQueueBytes: 20_000_000,
    }),
  );
  return { datastreamId, context: await site.browser.newContext() };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.server.origin}${path}`);
  await page.evaluate(() => (window as never as Window_).ready);
  return page;
}

/** Queues {@link EVENTS} events while offline; resolves once all of them are stored. */
async function queueOffline(context: BrowserContext, page: Page, datastreamId: string) {
  await context.setOffline(true);
  // The page learns it is offline a moment later: a send before that goes out, its answer is lost
  // with the network, and it is rightly sent again from the queue (at least once) — which this
  // test would count as a duplicate of the drain's (the cause of the 7, 11 and 102 seen before).
  await page.waitForFunction(() => !navigator.onLine);
  await page.evaluate((count) => {
    for (let n = 0; n < count; n++) void (window as never as Window_).send({ n });
  }, EVENTS);
  await expect.poll(async () => (await storedQueue(page, datastreamId)).length).toBe(EVENTS);
  expect(site.server.requests.filter((r) => r.url.searchParams.get('dataStreamId') === datastreamId)).toEqual(
    [],
  );
}

/**
 * Records the events `context`'s pages hand to the network for `datastreamId`, as Chromium reports
 * each request a page issues (by `data.n`).
 */
function issuedBy(context: BrowserContext, datastreamId: string): number[] {
  const issued: number[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/ee/v2/interact' || url.searchParams.get('dataStreamId') !== datastreamId) return;
    issued.push((JSON.parse(request.postData()!) as { event: { data: { n: number } } }).event.data.n);
  });
  return issued;
}

/**
 * Waits for every event to arrive, and checks that the pages issued each once. Once issued, not
 * once arrived: Chromium itself resends a request whose connection closed before its answer came
 * (a keep-alive socket the server was closing), after the server had read it. CI saw 1,001 and
 * 1,003 arrivals of 1,000 issued requests, the extra ones the first few, each issued once by the
 * page. The collector cannot see that, and the Edge Network gets the event's same `_id` again.
 */
async function expectEachOnce(datastreamId: string, issued: number[]) {
  const ofStream = (r: Parameters<typeof interacts>[0]) =>
    interacts(r) && r.url.searchParams.get('dataStreamId') === datastreamId;
  await site.server.waitFor(EVENTS, ofStream, 90_000);
  // Anything issued twice would have been issued by now, right behind the rest.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const arrived = site.server.requests.filter(ofStream).map((r) => eventOf(r).data!.n);
  expect(new Set(arrived).size).toBe(EVENTS);
  expect(issued).toHaveLength(EVENTS);
  expect(new Set(issued).size).toBe(EVENTS);
  if (arrived.length > EVENTS) console.log(`resent by Chromium itself: ${arrived.length - EVENTS}`);
}

describe('a thousand queued events (issue 22)', () => {
  it('queued offline on one page: sent once each when it comes back online, with no long task of ours', async () => {
    const { datastreamId, context } = await backlogSite(2201, '/backlog-offline.html');
    const page = await open(context, '/backlog-offline.html');
    await queueOffline(context, page, datastreamId);
    const issued = issuedBy(context, datastreamId);
    // Queuing a thousand events in one task is the test's doing: only what follows counts.
    const longTasks = await longTasksDuring(async () => {
      await context.setOffline(false);
      await expectEachOnce(datastreamId, issued);
    });
    await expect.poll(() => storedQueue(page, datastreamId)).toEqual([]);
    const results = await page.evaluate(() => (window as never as Window_).results);
    expect(results.filter((result) => result.error)).toEqual([]);
    expect(longTasks).toEqual([]);
    await context.close();
  });

  for (const owners of [1, EVENTS])
    it(`left by ${owners === 1 ? 'one closed page' : `${owners} closed pages`}: adopted and sent once each by the next page, with no long task of ours`, async () => {
      const path = `/backlog-${owners}.html`;
      const { datastreamId, context } = await backlogSite(2202 + owners, path);
      const first = await open(context, path);
      await queueOffline(context, first, datastreamId);
      // Spread over `owners` pages that are gone (no lock held for their names).
      await first.evaluate(
        ({ prefix, owners }) =>
          Object.keys(localStorage)
            .filter((key) => key.startsWith(prefix))
            .forEach((key, i) => {
              const text = localStorage.getItem(key)!;
              localStorage.setItem(key, text.replace(/"owner":"[^"]*"/, `"owner":"closed-${i % owners}"`));
            }),
        { prefix: `edge-collector:${datastreamId}:q2:`, owners },
      );
      // The rewrite took: as many owners as asked for (a prefix that matched nothing once made both cases one).
      expect(new Set((await storedQueue(first, datastreamId)).map((entry) => entry.owner)).size).toBe(owners);
      await first.close();
      const issued = issuedBy(context, datastreamId);
      await context.setOffline(false);
      let next!: Page;
      const longTasks = await longTasksDuring(async () => {
        next = await open(context, path);
        await expectEachOnce(datastreamId, issued);
      });
      await expect.poll(() => storedQueue(next, datastreamId)).toEqual([]);
      expect(longTasks).toEqual([]);
      await context.close();
    });
});
