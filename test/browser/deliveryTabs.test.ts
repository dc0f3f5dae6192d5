import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStandaloneSite } from '../support/useStandaloneSite';
import { datastream, deliveryPage, eventOf, interacts, storedQueue } from './deliveryPage';

// Issue 23: consent is one decision per site (every open tab follows a change at once), a decision
// or a request that cannot be stored says so, and tabs opened together adopt leftovers once.
const site = useStandaloneSite();

type Api = { edgeCollector(command: string, options?: unknown): Promise<unknown> };
const ofStream = (id: string) => (r: Parameters<typeof interacts>[0]) =>
  r.url.searchParams.get('dataStreamId') === id || r.url.pathname.startsWith(`/collection/${id}`);
const record = (id: string, n: number) => ({
  inletUrl: `${site.server.origin}/collection/${id}`,
  flowId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
  schemaRef: {
    id: 'https://ns.adobe.com/edgecollectordemo/schemas/demo-profile',
    contentType: 'application/vnd.adobe.xed-full+json;version=1.0',
  },
  datasetId: 'de3000005eed400080000001',
  record: { _id: `record-${n}`, person: { name: { firstName: 'Ada' } } },
});

/** Serves at `path` a page that sends to the datastream `id` (link tracking off), with `options`. */
const servePage = (path: string, id: string, options: Record<string, unknown> = {}) =>
  site.server.serve(
    path,
    'text/html',
    deliveryPage({
      datastreamId: id,
      edgeUrl: site.server.origin,
      clickCollectionEnabled: false,
      ...options,
    }),
  );

/**
 * Opens `path` in a new tab of `context` (after `prepare`, e.g. routes of its own) and waits for
 * its collector to be configured.
 */
async function open(context: BrowserContext, path: string, prepare?: (page: Page) => unknown): Promise<Page> {
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(`${site.server.origin}${path}`);
  await page.evaluate(() => (window as never as { ready: Promise<unknown> }).ready);
  return page;
}

describe('consent across tabs (issue 23, F4)', () => {
  it('opting out in one tab stops events and streamed records in every other tab at once', async () => {
    const id = datastream(2301);
    servePage('/f4.html', id);
    const context = await site.browser.newContext();
    const [a, b] = [await open(context, '/f4.html'), await open(context, '/f4.html')];
    // Tab B streams (its add-on loads) and sends while consent is in: both leave.
    await b.evaluate(
      (options) => (window as never as Api).edgeCollector('streamRecord', options),
      record(id, 1),
    );
    await b.evaluate(() => (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 1 }));
    const before = site.server.requests.filter(ofStream(id)).length;
    expect(before).toBe(2);

    await a.evaluate(() => (window as never as Api).edgeCollector('setConsent', 'out'));
    // B follows without a reload: what it sends now resolves as not sent, and nothing leaves.
    await b.waitForFunction((key) => localStorage.getItem(key) === 'out', `edge-collector:${id}:consent`);
    const sent = await b.evaluate(() =>
      (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 2 }),
    );
    const streamed = await b.evaluate(
      (options) => (window as never as Api).edgeCollector('streamRecord', options),
      record(id, 2),
    );
    expect(sent).toMatchObject({ warnings: ['consent is out: the event was not sent'] });
    expect(streamed).toMatchObject({
      warnings: expect.arrayContaining(['consent is out: the event was not sent']),
    });
    await b.waitForTimeout(300);
    // Tab A posted its opt-out to privacy/set-consent; B sent nothing more.
    const after = site.server.requests
      .filter(ofStream(id))
      .filter((r) => interacts(r) || r.url.pathname.startsWith('/collection/'));
    expect(after).toHaveLength(before);
    await context.close();
  });
});

/** Fills the page's origin's localStorage to its quota. */
const fillLocalStorage = (page: Page) =>
  page.evaluate(() => {
    const chunk = 'x'.repeat(1 << 20);
    for (let n = 0; ; n++) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
      } catch {
        for (let size = 1 << 19; size >= 1; size >>= 1)
          try {
            localStorage.setItem(`filler-${n}-${size}`, chunk.slice(0, size));
          } catch {
            // Smaller pieces next.
          }
        return;
      }
    }
  });

describe('storage full (issue 23, F5/F6)', () => {
  it('reports an opt-out it could not store, and a send it could not keep', async () => {
    const id = datastream(2302);
    // maxAttempts 1: a failed send is given up at once, for the next page load if it could be kept.
    servePage('/f5.html', id, { maxAttempts: 1 });
    const context = await site.browser.newContext();
    const page = await open(context, '/f5.html');
    await fillLocalStorage(page);
    const optOut = await page.evaluate(() =>
      (window as never as Api).edgeCollector('setConsent', 'out').then(
        () => 'resolved',
        (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
      ),
    );
    expect(optOut).toEqual({
      code: 'storage',
      message: 'consent "out" could not be stored (storage full or refused): it holds for this page only',
    });
    // It holds for the page all the same.
    const sent = await page.evaluate(() =>
      (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 1 }),
    );
    expect(sent).toMatchObject({ warnings: ['consent is out: the event was not sent'] });

    // Back in (also unstored, also reported); the Edge Network fails: the send says it was not kept.
    const optIn = await page.evaluate(() =>
      (window as never as Api)
        .edgeCollector('setConsent', 'in')
        .catch((error: { code: string }) => error.code),
    );
    expect(optIn).toBe('storage');
    site.server.replies.push({ status: 503 });
    const failed = await page.evaluate(async () => {
      const w = window as never as { send(d: unknown): Promise<unknown>; results: unknown[] };
      await w.send({ n: 2 });
      return w.results[w.results.length - 1] as { code: string; error: string };
    });
    expect(failed).toMatchObject({ code: 'storage' });
    expect(failed.error).toMatch(
      /could not be stored \(storage full or refused\): nothing is kept for the next page/,
    );
    await context.close();
  });

  it('reports an opt-out it could not store as storage when the consent add-on cannot load either', async () => {
    const id = datastream(2304);
    servePage('/f5b.html', id);
    const context = await site.browser.newContext();
    await context.route('**/edge-collector.consent.min.js', (route) => route.abort());
    const page = await open(context, '/f5b.html');
    await fillLocalStorage(page);
    const optOut = await page.evaluate(() =>
      (window as never as Api)
        .edgeCollector('setConsent', 'out')
        .catch((error: { code: string }) => error.code),
    );
    expect(optOut).toBe('storage');
    await context.close();
  });
});

describe('tabs opened together without Web Locks (issue 23, F7)', () => {
  it("adopt a closed page's leftovers once: no duplicates, nothing lost", async () => {
    const id = datastream(2303);
    servePage('/f7.html', id);
    const LEFTOVERS = 10;
    const TABS = 5;
    const ROUNDS = 3;
    let duplicates = 0;
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const context = await site.browser.newContext();
      // Leases instead of locks (insecure pages, old browsers).
      await context.addInitScript(() => delete (Navigator.prototype as { locks?: unknown }).locks);
      const seed = await context.newPage();
      await seed.goto(`${site.server.origin}/f7.html`);
      const ids = await seed.evaluate(
        ({ prefix, count, round }) => {
          const ids: string[] = [];
          for (let n = 0; n < count; n++) {
            const requestId = `r${round}-${n}-${Math.random().toString(36).slice(2)}`;
            const request = {
              requestId,
              eventId: requestId,
              url: `${location.origin}/ee/v2/interact?dataStreamId=${prefix.split(':')[1]}&requestId=${requestId}`,
              headers: {},
              body: JSON.stringify({ event: { xdm: { _id: requestId } } }),
            };
            localStorage.setItem(
              `${prefix}:q:${requestId}`,
              JSON.stringify({ request, at: n + 1, owner: 'closed' }),
            );
            ids.push(requestId);
          }
          return ids;
        },
        { prefix: `edge-collector:${id}`, count: LEFTOVERS, round },
      );
      await seed.close();
      const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
      await Promise.all(tabs.map((tab) => tab.goto(`${site.server.origin}/f7.html`)));
      // Until every leftover has arrived and the adopters have let go (leases checked every 3 s).
      await tabs[0]!.waitForFunction(
        (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
        // Leftovers of earlier versions (`:q:`) or written anew (`:q2:`).
        `edge-collector:${id}:q`,
        { timeout: 20_000 },
      );
      await tabs[0]!.waitForTimeout(7000);
      const counts = ids.map(
        (requestId) =>
          site.server.requests.filter((r) => r.url.searchParams.get('requestId') === requestId).length,
      );
      duplicates += counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
      lost += counts.filter((count) => count === 0).length;
      await context.close();
    }
    console.log(
      `F7: ${ROUNDS} rounds × ${TABS} tabs × ${LEFTOVERS} leftovers: ${duplicates} duplicates, ${lost} lost`,
    );
    expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 });
  }, 90_000);
});

describe('a page being unloaded', () => {
  it('leaves what its page-hide flush stored to the next page, even when it hears `online` then', async () => {
    // Chromium fires `online` in a page it is closing (once the network is back), and still
    // delivers that page's `keepalive` requests: sent then, what the flush stored would reach the
    // Edge twice, once more from the next page that adopts it.
    const id = datastream(2305);
    servePage('/unloading.html', id);
    const context = await site.browser.newContext();
    const page = await open(context, '/unloading.html');
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.evaluate(() => {
      const { send } = window as never as { send(d: unknown): Promise<unknown> };
      for (const n of [1, 2, 3]) void send({ n });
    });
    await expect.poll(async () => (await storedQueue(page, id)).length).toBe(3);
    // The page is being unloaded: its flush runs (the real `pagehide` cannot be held open).
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    await context.setOffline(false);
    await page.waitForFunction(() => navigator.onLine);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(site.server.requests.filter(ofStream(id))).toEqual([]);
    // Shown again (back/forward cache): it sends them after all, once each.
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow')));
    await site.server.waitFor(3, ofStream(id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const arrived = site.server.requests.filter(ofStream(id)).map((r) => eventOf(r).data!.n);
    expect(arrived.sort()).toEqual([1, 2, 3]);
    await context.close();
  });
});

describe('a page whose cross-tab code cannot load', () => {
  it('keeps what it stored while offline from a tab opened meanwhile: each event leaves once', async () => {
    const id = datastream(2306);
    servePage('/alone.html', id);
    const context = await site.browser.newContext();
    // Its tabs add-on never arrives (blocked, or the network gone when first needed).
    const alone = await open(context, '/alone.html', (page) =>
      page.route('**/edge-collector.tabs.min.js', (route) => route.abort()),
    );
    // This tab alone goes offline (DevTools' network emulation): its events wait, stored.
    const network = await context.newCDPSession(alone);
    const offline = (on: boolean) =>
      network.send('Network.emulateNetworkConditions', {
        offline: on,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await offline(true);
    await alone.waitForFunction(() => !navigator.onLine);
    await alone.evaluate(() => {
      const { send } = window as never as { send(d: unknown): Promise<unknown> };
      for (const n of [1, 2, 3]) void send({ n });
    });
    await expect.poll(async () => (await storedQueue(alone, id)).length, { timeout: 10_000 }).toBe(3);
    // A tab opened now finds them: the page that stored them is alive, so it must not take them.
    const other = await open(context, '/alone.html');
    await other.waitForTimeout(500);
    expect(site.server.requests.filter(ofStream(id))).toEqual([]);
    // Online again, the page sends its own events; closed, it leaves nothing for the other tab.
    await offline(false);
    await site.server.waitFor(3, ofStream(id));
    // Closed once it has heard their answers (a page closed with them in flight leaves them to the next).
    await expect.poll(async () => (await storedQueue(alone, id)).length, { timeout: 10_000 }).toBe(0);
    await alone.close();
    await other.waitForTimeout(500);
    const arrived = site.server.requests.filter(ofStream(id)).map((r) => eventOf(r).data!.n);
    expect(arrived.sort()).toEqual([1, 2, 3]);
    await context.close();
  });
});
