import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { launchChromium } from '../support/launchChromium';
import { pageViewBody } from '../support/pageViewBody';

let emulator: RunningEmulator;
let browser: Browser;
let inspector: Page;

// The stored events, loosely typed: the tests read deep into their payloads.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into payloads */
type Loose = Record<string, any>;
const storedEvents = async (query = '') =>
  (await (await fetch(`${emulator.origin}/api/events${query}`)).json()).events as Array<Loose>;
const rowTypes = (page: Page) =>
  page.$$eval('#list .row .type', (nodes) => nodes.map((node) => node.textContent));
const waitForNoRow = (page: Page, type: string) =>
  page.waitForFunction(
    (gone) => ![...document.querySelectorAll('#list .row .type')].some((node) => node.textContent === gone),
    type,
  );

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seedDemo: true });
  browser = await launchChromium();
  inspector = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await inspector.goto(`${emulator.origin}/`);
  await inspector.waitForSelector('#live[data-state="live"]');
});
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

describe('the demo site and the live inspector, in Chromium', () => {
  it('shows the demo page views live, with one visitor id kept across pages', async () => {
    const site = await browser.newPage();
    await site.goto(`${emulator.origin}/demo/`);
    await inspector.waitForSelector('#list .row .type:text("web.webpagedetails.pageViews")');
    // The visitor moves on once the first page has its answer's identity cookie: stored by the
    // emulator is not yet answered in the page, and a page left before its first answer's cookies
    // are written starts the next one without them (a known gap, docs/delivery.md).
    await expect
      .poll(async () => (await site.context().cookies()).some((c) => /^kndctr_.*_identity$/.test(c.name)))
      .toBe(true);
    await site.goto(`${emulator.origin}/demo/products`);
    await site.click('button[data-sku="JACKET-2"]');
    await site.waitForSelector('#status:text("Product view sent")');
    await inspector.waitForFunction(() => document.querySelectorAll('#list .row').length >= 3);
    const views = await storedEvents(`?dataStreamId=${emulator.demo!.datastreamId}`);
    expect(views.map((event) => event.eventType)).toEqual([
      'web.webpagedetails.pageViews',
      'web.webpagedetails.pageViews',
      'commerce.productViews',
    ]);
    expect(new Set(views.map((event) => event.ecid)).size).toBe(1);
    expect(views.every((event) => event.validation.ok)).toBe(true);
    expect(views[2]!.xdm.productListItems[0]).toMatchObject({ SKU: 'JACKET-2' });
    await site.close();
  });

  it('the sign-up form sends a hashed e-mail, never the address', async () => {
    const site = await browser.newPage();
    await site.goto(`${emulator.origin}/demo/signup`);
    await site.fill('#email', ' Ada.Lovelace@Example.com ');
    await site.click('button[type="submit"]');
    await site.waitForURL('**/demo/thanks');
    await inspector.waitForSelector('#list .row .type:text("web.formFilledOut")');
    const [form] = await storedEvents('?eventType=web.formFilledOut');
    expect(form!.xdm.identityMap.Email_LC_SHA256[0].id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(form)).not.toMatch(/lovelace/i);
    expect(form!.validation).toMatchObject({ ok: true, plainEmails: [] });
    await site.close();
  });

  it('flags a plain e-mail loudly, renders payload markup as text, lists refusals, and filters', async () => {
    const hostile = '<img src=x onerror="window.__owned=1">';
    const response = await fetch(
      `${emulator.origin}/ee/v2/interact?dataStreamId=${emulator.demo!.datastreamId}&requestId=leaky-request`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({
          event: {
            xdm: {
              _id: 'leaky-1',
              eventType: 'web.formFilledOut',
              timestamp: new Date().toISOString(),
              web: {
                webPageDetails: { URL: 'https://shop.example/thanks?email=grace@example.com', name: hostile },
              },
            },
            data: { note: hostile },
          },
        }),
      },
    );
    expect(response.status).toBe(200);
    await fetch(`${emulator.origin}/ee/v2/interact?requestId=refused-request`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"event": ',
    });

    await inspector.waitForSelector('#list .row .badge.privacy');
    await inspector.waitForSelector('#list .row .source.refused');
    await inspector.click('#list .row:has(.badge.privacy)');
    await inspector.waitForSelector('#detail .alarm');
    const detailText = await inspector.textContent('#detail');
    expect(detailText).toContain('leaky-request');
    expect(detailText).toContain('xdm.web.webPageDetails.URL');
    expect(detailText).toContain('<img src=x onerror=');
    expect(await inspector.$$('#detail img')).toHaveLength(0);
    expect(await inspector.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();

    await inspector.screenshot({ path: '/tmp/inspector.png' });

    // The filters reload the list from the server: wait for the rows to change.
    await inspector.check('#filter-problems');
    await waitForNoRow(inspector, 'commerce.productViews');
    const problems = await rowTypes(inspector);
    expect(problems).toEqual(expect.arrayContaining(['web.formFilledOut', 'POST /ee/v2/interact']));
    expect(problems).not.toContain('commerce.productViews');
    await inspector.uncheck('#filter-problems');
    await inspector.waitForSelector('#list .row .type:text("commerce.productViews")');
    await inspector.fill('#filter-text', 'productViews');
    await waitForNoRow(inspector, 'web.formFilledOut');
    expect(await rowTypes(inspector)).toEqual(['commerce.productViews']);
    await inspector.fill('#filter-text', '');
    await inspector.waitForSelector('#list .row .type:text("web.formFilledOut")');
    await inspector.selectOption('#filter-source', 'refused');
    await waitForNoRow(inspector, 'web.formFilledOut');
    expect(await rowTypes(inspector)).toEqual(['POST /ee/v2/interact']);
    await inspector.selectOption('#filter-source', '');
    await inspector.waitForSelector('#list .row .type:text("web.formFilledOut")');
  });

  it('empties when the store is cleared', async () => {
    await fetch(`${emulator.origin}/api/events`, { method: 'DELETE' });
    await inspector.waitForFunction(() => document.querySelectorAll('#list .row').length === 0);
    expect(await inspector.isVisible('#empty')).toBe(true);
  });
});

describe('the demo site serves the add-ons the standalone script loads (B13)', () => {
  it('streamRecord works on the demo site: the streaming add-on loads from /dist/', async () => {
    const site = await browser.newPage();
    await site.goto(`${emulator.origin}/demo/`);
    const receipt = await site.evaluate(
      (options) =>
        (window as unknown as { edgeCollector: (c: string, o: unknown) => Promise<unknown> }).edgeCollector(
          'streamRecord',
          options,
        ),
      {
        inletUrl: emulator.demo!.xdmInlet.inletUrl,
        flowId: emulator.demo!.xdmInlet.flowId,
        schemaRef: {
          id: 'https://ns.adobe.com/edgecollectordemo/schemas/demo-profile',
          contentType: 'application/vnd.adobe.xed-full+json;version=1.0',
        },
        datasetId: 'de3000005eed400080000001',
        record: { _id: 'demo-profile-1', person: { name: { firstName: 'Ada' } } },
      },
    );
    expect(receipt).toMatchObject({ inletId: emulator.demo!.xdmInlet.inletId, recordId: 'demo-profile-1' });
    expect((await fetch(`${emulator.origin}/api/events/demo-profile-1`)).status).toBe(200);
    expect((await fetch(`${emulator.origin}/dist/edge-collector.vitals.min.js`)).status).toBe(200);
    await site.close();
  });

  it("the demo's consent buttons post the decision (consent add-on from /dist/), the inspector shows it, and Decline stops sending", async () => {
    // A context of its own: the decision is remembered in its localStorage.
    const context = await browser.newContext();
    const site = await context.newPage();
    await site.goto(`${emulator.origin}/demo/`);
    await site.click('button[data-consent="out"]');
    await site.waitForSelector('#consent-status:text("recorded by the Edge Network")');
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({ general: 'out', consent: [{ standard: 'Adobe', version: '1.0' }] });
    await inspector.click('#consent summary');
    await inspector.waitForSelector(`#consent tbody td:text("${items[0]!.ecid}")`);

    const stored = (await storedEvents()).length;
    await site.goto(`${emulator.origin}/demo/products`);
    const result = (await site.evaluate(() =>
      (window as unknown as { edgeCollector: (c: string, o: unknown) => Promise<unknown> }).edgeCollector(
        'sendEvent',
        { eventType: 'commerce.productViews' },
      ),
    )) as Loose;
    expect(result.warnings).toContain('consent is out: the event was not sent');
    expect((await storedEvents()).length).toBe(stored);
    await context.close();
  });
});

// The stored event line of the inspector's scale test: a page view as the collector sends it.
function storedLine(seq: number, receivedTimeMs: number, extra: Loose = {}): string {
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  const event = {
    id: String(seq),
    seq,
    receivedAt: new Date(receivedTimeMs).toISOString(),
    receivedTimeMs,
    source: 'edge',
    endpoint: '/ee/v2/interact',
    requestId: `req-${id}`,
    dataStreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b',
    eventId: id,
    eventType: seq % 10 ? 'web.webpagedetails.pageViews' : 'commerce.productViews',
    ecid: '12345678901234567890123456789012345678',
    xdm: {
      _id: id,
      eventType: 'web.webpagedetails.pageViews',
      timestamp: new Date(receivedTimeMs).toISOString(),
      identityMap: { ECID: [{ id: '12345678901234567890123456789012345678', primary: true }] },
      web: {
        webPageDetails: {
          URL: `https://shop.example/page/${seq}`,
          name: `page ${seq}`,
          pageViews: { value: 1 },
        },
      },
      implementationDetails: { name: 'https://ns.adobe.com/experience/edge-collector', version: '0.1.0' },
    },
    data: { prop1: 'custom value' },
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example' },
    validation: { ok: seq % 50 !== 0, findings: [], plainEmails: [] },
    duplicates: 0,
    ...extra,
  };
  return `${JSON.stringify({ t: 'event', event })}\n`;
}

describe('the inspector at scale (B9): 50,000 stored events', () => {
  const STORED = 50_000;
  let big: RunningEmulator;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inspector-scale-'));
    const start = Date.now() - STORED * 1000;
    const lines: string[] = [];
    for (let seq = 1; seq < STORED; seq += 1) lines.push(storedLine(seq, start + seq * 1000));
    // The newest carries fields this inspector does not know by name: they must show anyway.
    lines.push(
      storedLine(STORED, start + STORED * 1000, {
        schemaViolations: [
          { path: '/web/webPageDetails/URL', rule: 'format: uri', schema: 'webpagedetails.schema.json' },
        ],
        consent: { dropped: 'collect consent is out' },
        validation: { ok: false, findings: [], plainEmails: [], schemaChecked: 'experienceevent' },
      }),
    );
    writeFileSync(join(dataDir, 'events.jsonl'), lines.join(''));
    big = await startEmulator({
      port: 0,
      dataDir,
      datastreams: [{ id: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' }],
    });
  });
  afterAll(async () => {
    await big?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the newest events at once, shows a new one at once, pages older ones, and shows unknown fields', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const opened = Date.now();
    await page.goto(`${big.origin}/`);
    await page.waitForSelector('#list .row');
    const firstRowMs = Date.now() - opened;
    const renderedMs = await page.evaluate(
      () => performance.getEntriesByName('inspector:rendered')[0]?.startTime,
    );
    expect(await page.textContent('#count-events')).toBe(String(STORED));
    const rows = await page.$$eval('#list .row', (nodes) => nodes.length);
    expect(rows).toBeLessThanOrEqual(200);
    await page.waitForSelector('#live[data-state="live"]');

    // New events: the time from the request to its row in the list, measured in the page.
    const delays: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const id = `live${index}-0000-4000-8000-${crypto.randomUUID().slice(-12)}`;
      const shown = page.evaluate(
        (tail) =>
          new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              const top = document.querySelector('#list .row .meta')?.textContent ?? '';
              if (top.includes(tail)) {
                observer.disconnect();
                resolve(performance.timeOrigin + performance.now());
              }
            });
            observer.observe(document.querySelector('#list')!, { childList: true });
          }),
        id.slice(-4),
      );
      await page.waitForTimeout(50);
      const sent = Date.now();
      const response = await fetch(
        `${big.origin}/ee/v2/interact?dataStreamId=2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b`,
        {
          method: 'POST',
          body: JSON.stringify(pageViewBody(id)),
        },
      );
      expect(response.status).toBe(200);
      delays.push((await shown) - sent);
    }
    expect(await page.textContent('#count-events')).toBe(String(STORED + 5));

    // Scrolling to the end of the list loads the next page of older events.
    const before = await page.$$eval('#list .row', (nodes) => nodes.length);
    await page.$eval('#more', (button) => button.scrollIntoView());
    await page.waitForFunction((count) => document.querySelectorAll('#list .row').length > count, before);

    // The event with fields added by other checks shows them in its detail view.
    await page.fill('#filter-text', '000000050000');
    await page.waitForFunction(() => document.querySelectorAll('#list .row').length === 1);
    await page.click('#list .row');
    const detailText = await page.textContent('#detail');
    expect(detailText).toContain('schemaViolations');
    expect(detailText).toContain('format: uri');
    expect(detailText).toContain('collect consent is out');
    expect(detailText).toContain('validation.schemaChecked');

    const sorted = [...delays].sort((a, b) => a - b);
    console.log(
      `inspector with ${STORED} stored events: first rows after ${firstRowMs} ms (rendered at ${Math.round(renderedMs ?? NaN)} ms after navigation start); new event shown after ${sorted.map((ms) => Math.round(ms)).join(', ')} ms (median ${Math.round(sorted[2]!)} ms)`,
    );
    // Generous bounds on a shared machine: the figures above are the measurement.
    expect(firstRowMs).toBeLessThan(10_000);
    expect(sorted[2]!).toBeLessThan(5_000);
    await page.close();
  });
});

describe('the inspector on an empty emulator, in Chromium', () => {
  let empty: RunningEmulator;
  let page: Page;
  const DATASTREAM = '6e3f4a51-7c8d-4e9f-8a0b-2c3d4e5f6a71';
  beforeAll(async () => {
    empty = await startEmulator({ datastreams: [{ id: DATASTREAM }] });
    page = await browser.newPage();
    await page.goto(`${empty.origin}/`);
    await page.waitForSelector('#live[data-state="live"]');
  });
  afterAll(async () => {
    await page?.close();
    await empty?.close();
  });
  const post = (path: string, body: unknown, entries?: unknown) =>
    fetch(`${empty.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(body as object), ...(entries ? { meta: { state: { entries } } } : {}) }),
    });

  it('shows no "Load older events" on an empty list', async () => {
    expect(await page.isVisible('#more')).toBe(false);
  });

  it('keeps the Consent count current while its panel is closed, and labels an opted-out request "dropped"', async () => {
    expect(await page.$eval('#consent', (panel) => (panel as HTMLDetailsElement).open)).toBe(false);
    const optOut = (await (
      await post(`/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
        consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'out' } }],
      })
    ).json()) as Loose;
    await page.waitForSelector('#count-consent:text("1")');
    const state = optOut.handle.find((handle: Loose) => handle.type === 'state:store').payload;
    await post(`/ee/v2/interact?datastreamId=${DATASTREAM}`, pageViewBody(), state);
    const row = await page.waitForSelector('#list .row:has(.badge:text("dropped: no consent"))');
    expect(await row.$eval('.source', (node) => node.textContent)).toBe('dropped');
  });

  it('takes one request of 5,956 events as one live message: counts them all, lists the newest page, and stays live', async () => {
    const events = Array.from({ length: 5956 }, () => ({ xdm: {} }));
    const response = await post(`/ee/v2/collect?datastreamId=${DATASTREAM}`, { events });
    expect(response.status).toBe(202);
    await page.waitForSelector('#count-events:text("5956")');
    expect(await page.$$eval('#list .row', (nodes) => nodes.length)).toBeLessThanOrEqual(101);
    expect(await page.textContent('#live')).toBe('live');
    await post(`/ee/v2/interact?datastreamId=${DATASTREAM}`, pageViewBody());
    await page.waitForSelector('#count-events:text("5957")');
    await page.waitForSelector('#list .row .type:text("web.webpagedetails.pageViews")');
  });
});
