import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';
import {
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
} from '../support/startRecordingServer';

const SCRIPT = 'dist/edge-collector.vitals.min.js';
const DATASTREAM_ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

/** The interact requests whose event has the given type. */
const ofType = (eventType: string) => (request: RecordedRequest) =>
  request.url.pathname.endsWith('/v2/interact') &&
  JSON.parse(request.body).event?.xdm?.eventType === eventType;

// A page with text to paint (FCP, LCP), a late banner that pushes the text down (CLS), and a button
// whose handler keeps the main thread busy for a moment (INP).
const page = (origin: string, configure = '') => `<!doctype html>
<html><head><title>Vitals test</title>
<script>${readFileSync('src/browser/snippet.js', 'utf8')}</script>
<script async src="/${SCRIPT}"></script>
<script>
  edgeCollector('configure', { datastreamId: '${DATASTREAM_ID}', edgeUrl: '${origin}'${configure} });
  edgeCollector('sendPageView');
  // A marker sent at every hide, after the collector's own listeners: once it has arrived, so has
  // whatever the collector sent at that moment.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && edgeCollector('sendEvent', { eventType: 'test.hidden' }));
</script></head>
<body>
  <div id="banner"></div>
  <h1 style="font-size: 48px">Edge Collector</h1>
  <p style="font-size: 24px">A paragraph large enough to be the largest contentful paint of this page.</p>
  <button id="buy" style="font-size: 24px">Buy</button>
  <script>
    setTimeout(() => { document.getElementById('banner').style.height = '300px'; }, 200);
    document.getElementById('buy').addEventListener('click', () => {
      const until = performance.now() + 150;
      while (performance.now() < until);
      document.getElementById('buy').textContent = 'Bought';
    });
  </script>
</body></html>`;

describe('Core Web Vitals in headless Chromium', () => {
  let browser: Browser;
  let server: RecordingServer;

  beforeAll(async () => {
    // `npm test` builds first; a lone run of this file builds the vitals script if it is missing.
    if (!existsSync(SCRIPT))
      execFileSync('npx', ['rollup', '-c', 'build/vitals.mjs', '--silent'], { stdio: 'inherit' });
    server = await startRecordingServer();
    server.serve(`/${SCRIPT}`, 'text/javascript', readFileSync(SCRIPT));
    server.serve('/page.html', 'text/html', page(server.origin));
    server.serve('/idle.html', 'text/html', page(server.origin));
    server.serve('/off.html', 'text/html', page(server.origin, ', webVitals: false'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends one vitals event with LCP, CLS, INP, FCP and TTFB and the page view _id when the page is hidden', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/page.html`);
    const [pageViewRequest] = await server.waitFor(1, ofType('web.webpagedetails.pageViews'));
    await tab.waitForFunction(() => document.getElementById('banner')!.offsetHeight === 300);
    await tab.click('#buy');
    // The browser times an interaction after the frame that follows it: wait until it has.
    await tab.evaluate(
      () =>
        new Promise<void>((resolve) => {
          new PerformanceObserver((list) => {
            if (list.getEntries().some((entry) => (entry as PerformanceEventTiming).interactionId)) resolve();
          }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
        }),
    );
    // web-vitals takes an interaction into INP when the page is next idle (at most a second later);
    // a visitor reading the page gives it that moment. Headless Chromium has no idle periods, so
    // an idle callback runs at its timeout: this one's is later than web-vitals' own.
    await tab.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    // The visitor leaves: closing the tab hides the page (visibilitychange) before unloading it.
    await tab.close({ runBeforeUnload: true });

    const [vitalsRequest] = await server.waitFor(1, ofType('web.performance.vitals'));
    const { event } = JSON.parse(vitalsRequest!.body);
    const { webVitals } = event.data;
    expect(webVitals.pageViewId).toBe(JSON.parse(pageViewRequest!.body).event.xdm._id);
    for (const key of ['lcp', 'cls', 'fcp', 'ttfb', 'inp']) {
      expect(webVitals[key], key).toEqual({
        value: expect.any(Number),
        rating: expect.stringMatching(/^(good|needs-improvement|poor)$/),
        navigationType: 'navigate',
      });
    }
    expect(webVitals.cls.value).toBeGreaterThan(0);
    expect(webVitals.inp.value).toBeGreaterThan(0);
    expect(webVitals.lcp.value).toBeGreaterThanOrEqual(webVitals.fcp.value);
    expect(event.xdm.web.webPageDetails.URL).toBe(`${server.origin}/page.html`);
    await context.close();
    expect(server.requests.filter(ofType('web.performance.vitals'))).toHaveLength(1);
  });

  /** Opens a page, waits for its page view, closes it, and returns the vitals events sent by the time its hide marker arrived. */
  async function visitAndLeave(
    path: string,
  ): Promise<Array<{ data: { webVitals: Record<string, unknown> } }>> {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const url = `${server.origin}${path}`;
    const fromPage = (request: RecordedRequest) =>
      JSON.parse(request.body).event.xdm.web?.webPageDetails?.URL === url;
    await tab.goto(url);
    await server.waitFor(
      1,
      (request) => ofType('web.webpagedetails.pageViews')(request) && fromPage(request),
    );
    // The page view now leaves before the first paint: leave only once there is an LCP to report.
    await tab.evaluate(
      () =>
        new Promise((painted) =>
          new PerformanceObserver(painted).observe({ type: 'largest-contentful-paint', buffered: true }),
        ),
    );
    await tab.close({ runBeforeUnload: true });
    await server.waitFor(1, (request) => ofType('test.hidden')(request) && fromPage(request));
    await context.close();
    return server.requests
      .filter((request) => ofType('web.performance.vitals')(request) && fromPage(request))
      .map((request) => JSON.parse(request.body).event);
  }

  it('leaves INP out when nobody interacted', async () => {
    await visitAndLeave('/idle.html');
    const [request] = await server.waitFor(
      1,
      (request) => ofType('web.performance.vitals')(request) && request.body.includes('/idle.html'),
    );
    expect(Object.keys(JSON.parse(request!.body).event.data.webVitals).sort()).toEqual([
      'cls',
      'fcp',
      'lcp',
      'pageViewId',
      'ttfb',
    ]);
  });

  it('sends no vitals when configure says webVitals: false', async () => {
    expect(await visitAndLeave('/off.html')).toEqual([]);
  });
});
