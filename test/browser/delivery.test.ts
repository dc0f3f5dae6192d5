import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRecordingServer, type Reply } from '../support/startRecordingServer';
import { datastream, deliveryPage, eventOf, interacts, storedQueue } from './deliveryPage';
import { useStandaloneSite } from '../support/useStandaloneSite';

const site = useStandaloneSite();

const forStream = (id: string) => (r: Parameters<typeof interacts>[0]) =>
  interacts(r) && r.url.searchParams.get('dataStreamId') === id;

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('delivery in Chromium', () => {
  it('(a) 503 twice then 200: three attempts with the same requestId and _id, one stored event', async () => {
    const id = datastream(1);
    site.server.serve(
      '/a.html',
      'text/html',
      deliveryPage({ datastreamId: id, edgeUrl: site.server.origin }),
    );
    site.server.replies.push({ status: 503 }, { status: 503 });
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/a.html`);
    const result = await page.evaluate(() =>
      (window as never as { send(d: unknown): Promise<{ requestId: string }> }).send({ n: 1 }),
    );
    const attempts = site.server.requests.filter(forStream(id));
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.url.searchParams.get('requestId')))).toEqual(
      new Set([result.requestId]),
    );
    expect(new Set(attempts.map((r) => eventOf(r).xdm._id)).size).toBe(1);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    expect(await storedQueue(page, id)).toEqual([]);
    await context.close();
  });

  it('(b) 429 with Retry-After: 2: the retry waits at least 2 s', async () => {
    const id = datastream(2);
    site.server.serve(
      '/b.html',
      'text/html',
      deliveryPage({ datastreamId: id, edgeUrl: site.server.origin }),
    );
    site.server.replies.push({ status: 429, headers: { 'retry-after': '2' } });
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/b.html`);
    await page.evaluate(() => (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 1 }));
    const [first, second] = site.server.requests.filter(forStream(id));
    expect(second!.url.searchParams.get('requestId')).toBe(first!.url.searchParams.get('requestId'));
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(2000);
    await context.close();
  });

  it('(c) site.server unreachable, page reloaded, site.server back: the event arrives with its original _id and timestamp', async () => {
    const id = datastream(3);
    const port = await freePort();
    const edge = `http://127.0.0.1:${port}`;
    // Enough attempts to outlast the outage after the reload.
    site.server.serve(
      '/c.html',
      'text/html',
      deliveryPage({
        datastreamId: id,
        edgeUrl: edge,
        maxAttempts: 20,
        retryDelay: 200,
        maxRetryDelay: 1000,
      }),
    );
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/c.html`);
    await page.evaluate(
      () => void (window as never as { send(d: unknown): Promise<unknown> }).send({ n: 1 }),
    );
    await page.waitForFunction(() => (window as never as { results: unknown[] }).results.length > 0 || true);
    let queued: Awaited<ReturnType<typeof storedQueue>> = [];
    for (let i = 0; i < 50 && !queued.length; i++) queued = await storedQueue(page, id);
    expect(queued).toHaveLength(1);
    const original = JSON.parse(queued[0]!.request.body).event.xdm;
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForTimeout(500);
    const edgeServer = await startRecordingServer(port);
    try {
      const [arrived] = await edgeServer.waitFor(1, interacts, 20_000);
      expect(eventOf(arrived!).xdm._id).toBe(original._id);
      expect(eventOf(arrived!).xdm.timestamp).toBe(original.timestamp);
      expect(arrived!.url.searchParams.get('requestId')).toBe(queued[0]!.request.requestId);
      await expect.poll(() => storedQueue(page, id)).toEqual([]);
    } finally {
      await context.close();
      await edgeServer.close();
    }
  });

  it('(d) page closed right after sendPageView: the event arrives', async () => {
    const id = datastream(4);
    site.server.serve(
      '/d.html',
      'text/html',
      deliveryPage({ datastreamId: id, edgeUrl: site.server.origin }),
    );
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/d.html`);
    await page.evaluate(() => {
      void (window as never as { edgeCollector(c: string, o: unknown): Promise<unknown> }).edgeCollector(
        'sendPageView',
        { data: { marker: 'closing' } },
      );
    });
    await page.close();
    let path = 'keepalive';
    const arrived = await site.server.waitFor(1, forStream(id), 3000).catch(async () => {
      // Not sent before the page went away: the next page of the site sends it from the queue.
      path = 'next load';
      const next = await context.newPage();
      await next.goto(`${site.server.origin}/d.html`);
      return site.server.waitFor(1, forStream(id), 10_000);
    });
    console.log(`(d) the event arrived by ${path}`);
    expect(eventOf(arrived[0]!).data).toEqual({ marker: 'closing' });
    await context.close();
  });

  it('(e) 500 events over 20 reloads with 30% of answers failing at random: every event arrives, exactly once by _id', async () => {
    const id = datastream(5);
    site.server.serve(
      '/e.html',
      'text/html',
      deliveryPage({
        datastreamId: id,
        edgeUrl: site.server.origin,
        retryDelay: 20,
        maxRetryDelay: 200,
        maxQueueSize: 1000,
      }),
    );
    // A seeded plan of answers: 30% transient failures (500 and 408 are excluded: Adobe says not to retry them).
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const failures: Reply[] = [
      { status: 503 },
      { status: 502 },
      { status: 504 },
      { status: 503 },
      { status: 429 },
      'drop',
    ];
    const plan: Reply[] = Array.from({ length: 4000 }, () =>
      random() < 0.3 ? failures[Math.floor(random() * failures.length)]! : { status: 200 },
    );
    const before = site.server.requests.length;
    site.server.replies.length = 0;
    site.server.replies.push(
      ...plan.map((r) => (r === 'drop' || r.status !== 200 ? r : { status: 200, body: { handle: [] } })),
    );
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (let load = 0; load < 20; load++) {
      await page.goto(`${site.server.origin}/e.html`);
      await page.evaluate((first) => {
        const { send } = window as never as { send(d: unknown): Promise<unknown> };
        for (let n = first; n < first + 25; n++) void send({ n });
      }, load * 25);
      // Leave while some are still queued or being retried.
      await page.waitForTimeout(Math.floor(random() * 300));
    }
    const succeeded = (reply: Reply | undefined) =>
      reply === undefined || (reply !== 'drop' && reply.status === 200);
    // What the site.server accepted: requests are answered in arrival order, from the plan.
    const accepted = () =>
      site.server.requests
        .slice(before)
        .filter((request, index) => forStream(id)(request) && succeeded(plan[index]));
    const storedIds = () => new Set(accepted().map((request) => eventOf(request).xdm._id));
    // The last loads send what the earlier ones left (an event out of attempts waits for the next load).
    for (let extra = 0; extra < 8 && storedIds().size < 500; extra++) {
      await page.goto(`${site.server.origin}/e.html`);
      await expect
        .poll(() => storedIds().size, { timeout: 5000 })
        .toBe(500)
        .catch(() => undefined);
    }
    const received = site.server.requests.slice(before).filter(forStream(id));
    const stored = accepted();
    const byNumber = new Map<number, Set<string>>();
    for (const request of received) {
      const { xdm, data } = eventOf(request);
      byNumber.set(data!.n!, (byNumber.get(data!.n!) ?? new Set()).add(xdm._id));
    }
    console.log(
      `(e) ${received.length} attempts, ${stored.length} accepted, ${storedIds().size} distinct events stored, ${stored.length - storedIds().size} duplicates sent`,
    );
    expect(storedIds().size).toBe(500);
    expect([...byNumber.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, n) => n));
    // Each event kept its one _id through every retry and reload.
    expect([...byNumber.values()].every((ids) => ids.size === 1)).toBe(true);
    await expect.poll(() => storedQueue(page, id)).toEqual([]);
    site.server.replies.length = 0;
    await context.close();
  });

  it('(f) consent pending → in sends the queued events in order; pending → out sends nothing', async () => {
    const inId = datastream(6);
    const outId = datastream(7);
    site.server.serve(
      '/f-in.html',
      'text/html',
      deliveryPage({ datastreamId: inId, edgeUrl: site.server.origin, defaultConsent: 'pending' }),
    );
    site.server.serve(
      '/f-out.html',
      'text/html',
      deliveryPage({ datastreamId: outId, edgeUrl: site.server.origin, defaultConsent: 'pending' }),
    );
    const context = await site.browser.newContext();
    const page = await context.newPage();
    type Api = {
      send(d: unknown): Promise<unknown>;
      edgeCollector(c: string, o?: unknown): Promise<unknown>;
      results: unknown[];
    };

    // The order the page hands its requests to `fetch`: the order the collector answers for. Three
    // requests in flight on separate connections may reach the server in any order.
    await page.addInitScript(() => {
      const issued: unknown[] = ((window as never as { issued: unknown[] }).issued = []);
      const send = window.fetch;
      window.fetch = (url, init) => {
        const event = typeof init?.body === 'string' && JSON.parse(init.body).event;
        if (event) issued.push(event.data?.n);
        return send(url, init);
      };
    });
    await page.goto(`${site.server.origin}/f-in.html`);
    await page.evaluate(() => [1, 2, 3].forEach((n) => void (window as never as Api).send({ n })));
    await page.waitForTimeout(1000);
    expect(site.server.requests.filter(forStream(inId))).toHaveLength(0);
    expect(await page.evaluate(() => (window as never as Api).results)).toEqual([]);
    // Nothing of an event is on the device before consent: the events wait in memory only.
    expect(await storedQueue(page, inId)).toEqual([]);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('test.delivery');
    await page.evaluate(() => (window as never as Api).edgeCollector('setConsent', 'in'));
    const sent = await site.server.waitFor(3, forStream(inId));
    expect(await page.evaluate(() => (window as never as { issued: unknown[] }).issued)).toEqual([1, 2, 3]);
    expect(sent.map((r) => eventOf(r).data!.n).sort()).toEqual([1, 2, 3]);
    await page.waitForFunction(() => (window as never as Api).results.length === 3);

    await page.goto(`${site.server.origin}/f-out.html`);
    await page.evaluate(() => [1, 2].forEach((n) => void (window as never as Api).send({ n })));
    await page.evaluate(() => (window as never as Api).edgeCollector('setConsent', 'out'));
    await page.waitForFunction(() => (window as never as Api).results.length === 2);
    const results = await page.evaluate(() => (window as never as Api).results);
    expect(results).toMatchObject([
      { warnings: ['consent is out: the event was not sent'] },
      { warnings: ['consent is out: the event was not sent'] },
    ]);
    // The choice persists: the next load sends nothing either.
    await page.reload();
    await page.evaluate(() => (window as never as Api).send({ n: 3 }));
    await page.waitForTimeout(500);
    expect(site.server.requests.filter(forStream(outId))).toHaveLength(0);
    expect(await storedQueue(page, outId)).toEqual([]);
    await context.close();
  });

  it('(g) a live tab keeps its queued events; once it closes, another open tab adopts and sends them', async () => {
    const id = datastream(8);
    // The first tab holds its events (the Edge asks it to wait an hour); the second sends.
    site.server.serve(
      '/g-hold.html',
      'text/html',
      deliveryPage({ datastreamId: id, edgeUrl: site.server.origin }),
    );
    site.server.serve(
      '/g-send.html',
      'text/html',
      deliveryPage({ datastreamId: id, edgeUrl: site.server.origin }),
    );
    const context = await site.browser.newContext();
    const holder = await context.newPage();
    await holder.goto(`${site.server.origin}/g-hold.html`);
    site.server.replies.push(...[1, 2, 3].map(() => ({ status: 503, headers: { 'retry-after': '3600' } })));
    await holder.evaluate(() =>
      [1, 2, 3].forEach((n) => void (window as never as { send(d: unknown): unknown }).send({ n })),
    );
    await expect.poll(async () => (await storedQueue(holder, id)).length).toBe(3);
    const owners = new Set((await storedQueue(holder, id)).map((entry) => entry.owner));
    expect(owners.size).toBe(1);

    const other = await context.newPage();
    await other.goto(`${site.server.origin}/g-send.html`);
    await other.waitForTimeout(1000);
    expect(site.server.requests.filter(forStream(id))).toHaveLength(3);

    await holder.close();
    // The three refused attempts, then the three the other tab sends.
    const sent = (await site.server.waitFor(6, forStream(id), 15_000)).slice(3);
    expect(sent.map((r) => eventOf(r).data!.n).sort()).toEqual([1, 2, 3]);
    await expect.poll(() => storedQueue(other, id)).toEqual([]);
    await context.close();
  });
});
