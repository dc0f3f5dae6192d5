import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStandaloneSite } from '../support/useStandaloneSite';
import { datastream, deliveryPage, eventOf, interacts, storedQueue } from './deliveryPage';

// Issue 22: a thousand queued events (offline, or left by closed pages) are adopted and sent
// without freezing the page: no task of ours over 50 ms, every event once.
const site = useStandaloneSite();

const EVENTS = 1000;
/** The long-task threshold (https://w3c.github.io/longtasks/): what a visitor feels as a freeze. */
const LONG_TASK_MS = 50;

type Window_ = {
  ready: Promise<unknown>;
  send(data: unknown): Promise<unknown>;
  results: Array<{ error?: string }>;
  ourLongTasks: Array<{ duration: number; invoker: string }>;
};

/**
 * Watches the page's long animation frames from its first script on, and keeps each script of ours
 * (the collector and its add-ons) that ran over {@link LONG_TASK_MS} in one go. Attributing by
 * script keeps the count about our code: the machine's other load slows the browser's own work
 * too, and the script's first evaluation (page load, not the backlog) is left out.
 */
function watchOurLongTasks(threshold: number) {
  const page = window as never as Window_;
  page.ourLongTasks = [];
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as never as Array<{
      scripts: Array<{
        sourceURL: string;
        sourceFunctionName: string;
        duration: number;
        invokerType: string;
        invoker: string;
      }>;
    }>)
      for (const script of frame.scripts)
        if (
          /\/edge-collector\./.test(script.sourceURL) &&
          script.invokerType !== 'classic-script' &&
          script.duration > threshold
        )
          page.ourLongTasks.push({
            duration: Math.round(script.duration),
            invoker: `${script.invoker} (${script.sourceFunctionName})`,
          });
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** A context whose pages watch our long tasks; its pages send to `id` with room for the backlog. */
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
  const context = await site.browser.newContext();
  await context.addInitScript(watchOurLongTasks, LONG_TASK_MS);
  return { datastreamId, context };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.server.origin}${path}`);
  await page.evaluate(() => (window as never as Window_).ready);
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes)).toContain(
    'long-animation-frame',
  );
  return page;
}

/** Queues {@link EVENTS} events while offline; resolves once all of them are stored. */
async function queueOffline(context: BrowserContext, page: Page, datastreamId: string) {
  await context.setOffline(true);
  await page.evaluate((count) => {
    for (let n = 0; n < count; n++) void (window as never as Window_).send({ n });
  }, EVENTS);
  await expect.poll(async () => (await storedQueue(page, datastreamId)).length).toBe(EVENTS);
}

/** Waits for every event to arrive, and checks that each arrived once. */
async function expectEachOnce(datastreamId: string) {
  const ofStream = (r: Parameters<typeof interacts>[0]) =>
    interacts(r) && r.url.searchParams.get('dataStreamId') === datastreamId;
  await site.server.waitFor(EVENTS, ofStream, 90_000);
  // Anything sent twice would have arrived by now, right behind the rest.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const arrived = site.server.requests.filter(ofStream).map((r) => eventOf(r).data!.n);
  expect(arrived).toHaveLength(EVENTS);
  expect(new Set(arrived).size).toBe(EVENTS);
}

const ourLongTasks = (page: Page) => page.evaluate(() => (window as never as Window_).ourLongTasks);

describe('a thousand queued events (issue 22)', () => {
  it('queued offline on one page: sent once each when it comes back online, with no long task of ours', async () => {
    const { datastreamId, context } = await backlogSite(2201, '/backlog-offline.html');
    const page = await open(context, '/backlog-offline.html');
    await queueOffline(context, page, datastreamId);
    // Queuing a thousand events in one task is the test's doing: only what follows counts.
    await page.evaluate(() => ((window as never as Window_).ourLongTasks.length = 0));
    await context.setOffline(false);
    await expectEachOnce(datastreamId);
    await expect.poll(() => storedQueue(page, datastreamId)).toEqual([]);
    const results = await page.evaluate(() => (window as never as Window_).results);
    expect(results.filter((result) => result.error)).toEqual([]);
    expect(await ourLongTasks(page)).toEqual([]);
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
        { prefix: `edge-collector:${datastreamId}:q:`, owners },
      );
      await first.close();
      await context.setOffline(false);
      const next = await open(context, path);
      await expectEachOnce(datastreamId);
      await expect.poll(() => storedQueue(next, datastreamId)).toEqual([]);
      expect(await ourLongTasks(next)).toEqual([]);
      await context.close();
    });
});
