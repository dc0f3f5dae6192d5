import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTagsSite, type TagsSite } from '../support/openTagsSite';
import type { RecordedRequest, RecordingServer } from '../support/startRecordingServer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are read loosely
type Loose = Record<string, any>;
const eventOf = (request: RecordedRequest): Loose => JSON.parse(request.body).event;
const isLinkClick = (request: RecordedRequest) =>
  request.url.pathname === '/ee/v2/interact' &&
  eventOf(request).xdm.eventType === 'web.webinteraction.linkClicks';

const LINKS = `
<a id="internal" href="/catalog">Catalog</a>
<a id="external" href="https://partner.example/offer">Partner offer</a>
<a id="pdf" href="/files/report.pdf">Annual report</a>
<a id="quiet" data-no-track href="/private">Private</a>
<a id="mail" href="mailto:ada@example.com">ada@example.com</a>
<a id="next" href="/next.html">Next page</a>
<script>document.addEventListener('click', (e) => { if (e.target.id !== 'next') e.preventDefault(); });</script>`;

describe('link tracking of the packaged extension in Turbine (headless Chromium)', () => {
  let site: TagsSite;
  let server: RecordingServer;
  let page: Page;

  beforeAll(async () => {
    site = await openTagsSite({
      settings: {
        clickCollectionEnabled: true,
        internalLinkEnabled: true,
        externalLinkEnabled: true,
        downloadLinkEnabled: true,
        // The transform makes this the body of function (content) { … }, as Tags does.
        onBeforeLinkClickSend:
          "if (content.clickedElement.hasAttribute('data-no-track')) return false; content.data.linkId = content.clickedElement.id;",
      },
      body: LINKS,
    });
    ({ server, page } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('sends an internal link, an external link and a PDF once each', async () => {
    for (const id of ['internal', 'external', 'pdf']) await page.click(`#${id}`);
    const sent = await server.waitFor(3, isLinkClick);
    expect(sent.map((request) => eventOf(request).xdm.web.webInteraction)).toEqual([
      { name: 'Catalog', URL: `${server.origin}/catalog`, type: 'other', linkClicks: { value: 1 } },
      { name: 'Partner offer', URL: 'https://partner.example/offer', type: 'exit', linkClicks: { value: 1 } },
      {
        name: 'Annual report',
        URL: `${server.origin}/files/report.pdf`,
        type: 'download',
        linkClicks: { value: 1 },
      },
    ]);
    expect(eventOf(sent[0]!).xdm.implementationDetails.name).toMatch(/#tags$/);
  });

  it('sends nothing for the click the filter cancels, and no plain address from a mailto: link', async () => {
    await page.click('#quiet');
    await page.click('#mail');
    const sent = await server.waitFor(4, isLinkClick);
    expect(sent.map((request) => eventOf(request).data.linkId)).toEqual([
      'internal',
      'external',
      'pdf',
      'mail',
    ]);
    expect(sent[3]!.body).not.toMatch(/ada(@|%40|%2540)example/i);
    expect(eventOf(sent[3]!).xdm.web.webInteraction).toMatchObject({
      URL: 'mailto:',
      name: '[redacted-email]',
    });
  });

  it('sends a click that navigates at once, and only once', async () => {
    await Promise.all([page.waitForURL('**/next.html'), page.click('#next')]);
    await page.waitForLoadState('networkidle');
    const clicks = server.requests.filter(
      (request) => isLinkClick(request) && eventOf(request).data?.linkId === 'next',
    );
    expect(clicks).toHaveLength(1);
  });
});
