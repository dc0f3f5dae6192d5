import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdobeMc } from '../../src/core/adobeMc';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator';
import { useStandaloneSite } from '../support/useStandaloneSite';

const ORG = '53A16ACB5CC1D3760A495C99@AdobeOrg';
const DATASTREAM = '7a0f3c9e-1b2d-4c5e-8f90-a1b2c3d4e5f6';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request and answer bodies are read loosely
type Loose = Record<string, any>;

/** A page of the site that loads the standalone script and configures it against the emulator. */
const page = (edgeUrl: string) =>
  `<!doctype html><html><head><title>Shop</title><script src="/edge-collector.min.js"></script><script>
edgeCollector('configure', { datastreamId: '${DATASTREAM}', orgId: '${ORG}', edgeUrl: '${edgeUrl}', clickCollectionEnabled: false });
</script></head><body></body></html>`;

/**
 * Issue 20, point 2, in the standalone script: `appendIdentityToUrl` and a landing page's
 * `adobe_mc`, both through the identity add-on. Two origins of this machine (127.0.0.1 and
 * localhost) stand for two domains of one organization; the emulator is the Edge Network. The
 * reference is alloy's test C5594865: the landing page's first request names the link's ECID.
 */
describe('Identity across domains in the standalone script (headless Chromium)', () => {
  const site = useStandaloneSite();
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ datastreams: [{ id: DATASTREAM, orgId: ORG }] });
    site.server.serve('/page.html', 'text/html', page(emulator.origin));
    site.server.serve('/landing.html', 'text/html', page(emulator.origin));
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it('adds the ECID to a link, and the other site sends its first event with it', async () => {
    const context = await site.browser.newContext();
    const wire: Request[] = [];
    const scripts: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(emulator.origin) && request.method() === 'POST') wire.push(request);
      if (request.url().endsWith('.min.js')) scripts.push(new URL(request.url()).pathname);
    });
    const tab = await context.newPage();
    await tab.goto(`${site.server.origin}/page.html`);
    const port = new URL(site.server.origin).port;
    const url = await tab.evaluate(async (target) => {
      const api = (window as never as { edgeCollector(c: string, o?: unknown): Promise<Loose> })
        .edgeCollector;
      return (await api('appendIdentityToUrl', { url: target })).url as string;
    }, `http://localhost:${port}/landing.html?from=a#top`);
    // No ECID known yet: the add-on asked the Edge Network for one.
    expect(wire.map((request) => new URL(request.url()).pathname)).toEqual(['/ee/v1/identity/acquire']);
    const ecid = readAdobeMc(new URL(url).search, ORG, Date.now());
    expect(ecid).toMatch(/^\d{38}$/);
    expect(new URL(url).hash).toBe('#top');

    // The other origin: nothing of the first one's cookies or storage. Its first event waits for
    // the identity add-on, so that it carries the link's ECID.
    await tab.goto(url);
    await tab.evaluate(() =>
      (window as never as { edgeCollector(c: string, o?: unknown): Promise<unknown> }).edgeCollector(
        'sendPageView',
      ),
    );
    const landing = wire.filter((request) => new URL(request.url()).pathname === '/ee/v2/interact');
    expect(landing).toHaveLength(1);
    const body = JSON.parse(landing[0]!.postData()!) as Loose;
    expect(body.event.xdm.identityMap.ECID).toEqual([{ id: ecid, authenticatedState: 'ambiguous' }]);
    expect(JSON.stringify(body.meta ?? {})).not.toContain('_identity');
    expect(scripts.filter((path) => path.endsWith('identity.min.js'))).toHaveLength(2);
    await context.close();
  });

  it('never loads the identity add-on on a page without adobe_mc', async () => {
    const context = await site.browser.newContext();
    const scripts: string[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('.min.js')) scripts.push(new URL(request.url()).pathname);
    });
    const tab = await context.newPage();
    await tab.goto(`${site.server.origin}/page.html?adobe_mx=1`);
    await tab.evaluate(() =>
      (window as never as { edgeCollector(c: string, o?: unknown): Promise<unknown> }).edgeCollector(
        'sendPageView',
      ),
    );
    expect(scripts).not.toContain('/edge-collector.identity.min.js');
    await context.close();
  });
});
