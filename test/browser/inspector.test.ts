import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { launchChromium } from '../support/launchChromium';

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

    await inspector.check('#filter-problems');
    const problems = await rowTypes(inspector);
    expect(problems).toEqual(expect.arrayContaining(['web.formFilledOut', 'POST /ee/v2/interact']));
    expect(problems).not.toContain('commerce.productViews');
    await inspector.uncheck('#filter-problems');
    await inspector.fill('#filter-text', 'productViews');
    expect(await rowTypes(inspector)).toEqual(['commerce.productViews']);
    await inspector.fill('#filter-text', '');
    await inspector.selectOption('#filter-source', 'refused');
    expect(await rowTypes(inspector)).toEqual(['POST /ee/v2/interact']);
    await inspector.selectOption('#filter-source', '');
  });

  it('empties when the store is cleared', async () => {
    await fetch(`${emulator.origin}/api/events`, { method: 'DELETE' });
    await inspector.waitForFunction(() => document.querySelectorAll('#list .row').length === 0);
    expect(await inspector.isVisible('#empty')).toBe(true);
  });
});
