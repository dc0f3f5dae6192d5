import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import { serveBuiltScripts, STANDALONE_SCRIPTS } from '../support/serveBuiltScripts';
import {
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from '../support/startRecordingServer';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
// The standalone script and every add-on it loads from its folder, as a site deploys them.
const SCRIPTS = STANDALONE_SCRIPTS;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are read loosely
type Loose = Record<string, any>;
const isInteract = (request: RecordedRequest) => request.url.pathname === '/ee/v2/interact';
const eventOf = (request: RecordedRequest): Loose => JSON.parse(request.body).event;
const isLinkClick = (request: RecordedRequest) =>
  isInteract(request) && eventOf(request).xdm.eventType === 'web.webinteraction.linkClicks';

/** A page with the standalone script, configured with `extra` options (JavaScript text). */
const pageWith = (edge: string, body: string, extra = '') => `<!doctype html><html><head><title>Links</title>
<script src="/js/edge-collector.min.js"></script>
<script>edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: '${edge}'${extra} });</script>
</head><body>${body}</body></html>`;

const LINKS = `
<a id="internal" href="/catalog?x=1">  Our
  catalog </a>
<a id="external" href="https://partner.example/offer">Partner offer</a>
<a id="pdf" href="/files/Report.PDF?v=2">Annual report</a>
<a id="mail" href="mailto:ada.lovelace@example.com?subject=Hi">Write to ada.lovelace@example.com</a>
<a id="quiet" data-no-track href="/private">Private</a>
<a id="next" href="/next.html">Next page</a>
<script>
  // The first five stay on this page; "next" navigates.
  document.addEventListener('click', (event) => { if (event.target.id !== 'next') event.preventDefault(); });
</script>`;

describe('automatic link tracking in the standalone script (headless Chromium)', () => {
  let browser: Browser;
  let site: RecordingServer;
  let page: Page;
  const addOnLoads: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([startRecordingServer(), launchChromium()]);
    serveBuiltScripts(site, SCRIPTS);
    const filter = `, onBeforeLinkClickSend: (content) => {
      if (content.clickedElement.hasAttribute('data-no-track')) return false;
      content.data.linkId = content.clickedElement.id;
    }`;
    site.serve('/links.html', 'text/html', pageWith(site.origin, LINKS, filter));
    site.serve(
      '/next.html',
      'text/html',
      pageWith(site.origin, '<p>next</p><script>edgeCollector("sendPageView");</script>'),
    );
    site.serve('/off.html', 'text/html', pageWith(site.origin, LINKS, ', clickCollectionEnabled: false'));
    const context = await browser.newContext();
    context.on('request', (request) => {
      if (request.url().endsWith('.linkClicks.min.js')) addOnLoads.push(request.url());
    });
    page = await context.newPage();
    await page.goto(`${site.origin}/links.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads its add-on at configure, before any click', async () => {
    await expect.poll(() => addOnLoads.length).toBe(1);
  });

  it('inserts its add-on, which brings the cookie writer too, after the task that configures, not in it', async () => {
    // A script insert costs the main thread as much as a request: the call that configures must not wait for one.
    const addOns = () =>
      [...document.scripts].map((script) => /\.(\w+)\.min\.js$/.exec(script.src)?.[1]).filter(Boolean);
    // Counted in the script that configures: a later script may run after the parser yielded.
    site.serve(
      '/task.html',
      'text/html',
      `<!doctype html><html><head><title>Task</title><script src="/js/edge-collector.min.js"></script>
<script>edgeCollector('configure', { datastreamId: '${DATASTREAM}', edgeUrl: '${site.origin}' });
window.inTask = (${addOns})();</script></head><body></body></html>`,
    );
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(`${site.origin}/task.html`);
    expect(await fresh.evaluate(() => (window as never as { inTask: string[] }).inTask)).toEqual([]);
    await expect.poll(() => fresh.evaluate(addOns)).toEqual(['linkClicks']);
    await context.close();
  });

  it('sends an internal link, an external link and a PDF once each, typed other, exit and download', async () => {
    for (const id of ['internal', 'external', 'pdf']) await page.click(`#${id}`);
    const sent = await site.waitFor(3, isLinkClick);
    const interactions = sent.map((request) => eventOf(request).xdm.web.webInteraction);
    expect(interactions).toEqual([
      { name: 'Our catalog', URL: `${site.origin}/catalog?x=1`, type: 'other', linkClicks: { value: 1 } },
      { name: 'Partner offer', URL: 'https://partner.example/offer', type: 'exit', linkClicks: { value: 1 } },
      {
        name: 'Annual report',
        URL: `${site.origin}/files/Report.PDF?v=2`,
        type: 'download',
        linkClicks: { value: 1 },
      },
    ]);
    // The filter's change reached the event; the page's own context is there as for any event.
    expect(sent.map((request) => eventOf(request).data)).toEqual([
      { linkId: 'internal' },
      { linkId: 'external' },
      { linkId: 'pdf' },
    ]);
    expect(eventOf(sent[0]!).xdm.web.webPageDetails.URL).toBe(`${site.origin}/links.html`);
  });

  it('sends no plain address from a mailto: link or its text', async () => {
    await page.click('#mail');
    const [, , , mail] = await site.waitFor(4, isLinkClick);
    const interaction = eventOf(mail!).xdm.web.webInteraction;
    expect(interaction).toMatchObject({ URL: 'mailto:', type: 'exit' });
    expect(interaction.name).toBe('Write to [redacted-email]');
    expect(mail!.body).not.toMatch(/ada\.lovelace(@|%40|%2540)/i);
    expect(mail!.url.href).not.toMatch(/ada\.lovelace/i);
  });

  it('sends nothing for a click the filter cancels', async () => {
    await page.click('#quiet');
    // The next tracked click is the marker: had the cancelled one gone, it would come before it.
    await page.click('#internal');
    const sent = await site.waitFor(5, isLinkClick);
    expect(sent.map((request) => eventOf(request).data.linkId)).toEqual([
      'internal',
      'external',
      'pdf',
      'mail',
      'internal',
    ]);
  });

  // One copy: a request the leaving page handed to the browser with keepalive is not sent again by
  // the next page (docs/delivery.md, "When a request is written").
  it('sends a click that navigates at once, and only once', async () => {
    await Promise.all([page.waitForURL('**/next.html'), page.click('#next')]);
    // The next page's own page view: by then it has flushed whatever it found queued.
    await site.waitFor(
      1,
      (request) => isInteract(request) && eventOf(request).xdm.eventType === 'web.webpagedetails.pageViews',
    );
    await page.waitForLoadState('networkidle');
    const clicks = site.requests.filter(
      (request) => isLinkClick(request) && eventOf(request).data?.linkId === 'next',
    );
    expect(clicks).toHaveLength(1);
  });

  it('neither loads the add-on nor sends clicks with clickCollectionEnabled: false', async () => {
    const context = await browser.newContext();
    const loads: string[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('.linkClicks.min.js')) loads.push(request.url());
    });
    const off = await context.newPage();
    await off.goto(`${site.origin}/off.html`);
    const before = site.requests.filter(isLinkClick).length;
    await off.click('#internal');
    await off.evaluate(() => (window as never as Loose).edgeCollector('sendEvent', { eventType: 'marker' }));
    await site.waitFor(1, (request) => isInteract(request) && eventOf(request).xdm.eventType === 'marker');
    expect(site.requests.filter(isLinkClick)).toHaveLength(before);
    expect(loads).toEqual([]);
    await context.close();
  });
});
