import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createCommandApi } from '../../../src/browser/createCommandApi';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('edgeCollector(command, options)', () => {
  it('rejects an unknown command with the list of known ones, without throwing', async () => {
    const api = createCommandApi();
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = api('sendPageview');
    }).not.toThrow();
    await expect(promise).rejects.toThrow(
      /unknown command "sendPageview"; known commands: configure, sendPageView, sendEvent/,
    );
    await expect(api(undefined as never)).rejects.toMatchObject({ code: 'unknown-command' });
    await expect(api('toString')).rejects.toMatchObject({ code: 'unknown-command' });
    await expect(api(Symbol('send') as never)).rejects.toMatchObject({ code: 'unknown-command' });
  });

  it('rejects a send before configure', async () => {
    await expect(createCommandApi()('sendPageView')).rejects.toThrow(
      'call edgeCollector("configure", { datastreamId }) before "sendPageView"',
    );
  });

  it('rejects a missing or malformed datastreamId, naming the setting where the messages add-on cannot load', async () => {
    const api = createCommandApi();
    await expect(api('configure', {})).rejects.toMatchObject({
      code: 'invalid-config',
      message: 'datastreamId is invalid',
    });
    await expect(api('configure', { datastreamId: ID, defaultConsent: 'maybe' })).rejects.toThrow(
      /^defaultConsent is invalid$/,
    );
    await expect(api('configure', null)).rejects.toThrow(/^options is invalid$/);
  });

  it('refuses a setting the core leaves unchecked when the messages add-on cannot check it, and stays unconfigured', async () => {
    const api = createCommandApi();
    const configuring = api('configure', { datastreamId: ID, maxAttempts: 3 });
    // Called before the check ends: it waits for it, then finds no collector.
    const sending = api('sendPageView');
    await expect(configuring).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/could not load edge-collector\.messages\.min\.js/),
    });
    await expect(sending).rejects.toMatchObject({ code: 'not-configured' });
  });

  it('explains a refused configuration with the texts of the messages add-on, loaded only then', async () => {
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    vi.resetModules();
    const served = 'https://cdn.example/lib/';
    const scripts: string[] = [];
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue({
      src: `${served}edge-collector.min.js`,
    } as HTMLScriptElement);
    // The add-on announces itself as it runs, as the built one does (messagesAddOn.ts).
    const { resolveConfig } = await import('../../../src/core/resolveConfig');
    vi.spyOn(document.head, 'append').mockImplementation((script) => {
      const { src } = script as HTMLScriptElement;
      scripts.push(src);
      if (src.endsWith('.messages.min.js'))
        dispatchEvent(new CustomEvent('edgecollector:messages', { detail: resolveConfig }));
    });
    // Add-ons are inserted in a task after the call that asks for them (see loadAddOn).
    const inserted = () =>
      new Promise((done) => setTimeout(done)).then(() =>
        scripts.filter((src) => src.endsWith('.messages.min.js')),
      );
    const fresh = await import('../../../src/browser/createCommandApi');
    await expect(
      fresh.createCommandApi()('configure', { datastreamId: ID, clickCollectionEnabled: false }),
    ).resolves.toBeDefined();
    expect(await inserted()).toEqual([]);
    const api = fresh.createCommandApi();
    await expect(api('configure', {})).rejects.toThrow(/datastreamId is missing/);
    await expect(api('configure', { datastreamId: 'abc' })).rejects.toMatchObject({
      code: 'invalid-config',
      message: expect.stringMatching(/"abc" is not a datastream ID/),
    });
    expect(await inserted()).toEqual([`${served}edge-collector.messages.min.js`]);
  });

  it('checks the settings the core leaves unchecked with the messages add-on; the commands called meanwhile wait for it', async () => {
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    vi.resetModules();
    const scripts: string[] = [];
    vi.spyOn(document, 'currentScript', 'get').mockReturnValue({
      src: 'https://cdn.example/lib/edge-collector.min.js',
    } as HTMLScriptElement);
    const { resolveConfig } = await import('../../../src/core/resolveConfig');
    const checked: unknown[] = [];
    vi.spyOn(document.head, 'append').mockImplementation((script) => {
      scripts.push((script as HTMLScriptElement).src);
      // Announced in a later task, as a downloaded script would be.
      setTimeout(() =>
        dispatchEvent(
          new CustomEvent('edgecollector:messages', {
            detail: (input: unknown) => (checked.push(input), resolveConfig(input)),
          }),
        ),
      );
    });
    const fetch = vi.fn(async () => new Response('{"handle":[]}'));
    vi.stubGlobal('fetch', fetch);
    const fresh = await import('../../../src/browser/createCommandApi');
    const api = fresh.createCommandApi();
    await expect(api('configure', { datastreamId: ID, maxAttempts: 99 })).rejects.toMatchObject({
      code: 'invalid-config',
      message: 'maxAttempts must be a whole number from 1 to 20, not 99',
    });
    const options = { datastreamId: ID, edgeBasePath: '/ee-pre-prd/', clickCollectionEnabled: false };
    const configuring = api('configure', options);
    const sending = api('sendPageView');
    const again = api('configure', options);
    await expect(configuring).resolves.toEqual({ datastreamId: ID, edgeUrl: 'https://edge.adobedc.net' });
    await expect(sending).resolves.toMatchObject({ warnings: [] });
    await expect(again).rejects.toMatchObject({ code: 'already-configured' });
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(
      /^https:\/\/edge\.adobedc\.net\/ee-pre-prd\/v2\/interact\?/,
    );
    expect(checked).toEqual([{ datastreamId: ID, maxAttempts: 99 }, options]);
    // The usual settings, and the others at their defaults, need no add-on.
    await fresh.createCommandApi()('configure', {
      datastreamId: ID,
      defaultConsent: 'pending',
      debug: false,
      edgeBasePath: 'ee',
      maxAttempts: 5,
      clickCollectionEnabled: false,
    });
    // (Every configuration asks for the state writer: see the state add-on's test in Chromium.)
    expect(scripts.filter((src) => !src.endsWith('.state.min.js'))).toEqual([
      'https://cdn.example/lib/edge-collector.messages.min.js',
    ]);
  });

  it('configures once; a second configure is an error', async () => {
    const api = createCommandApi();
    await expect(api('configure', { datastreamId: ID })).resolves.toEqual({
      datastreamId: ID,
      edgeUrl: 'https://edge.adobedc.net',
    });
    await expect(api('configure', { datastreamId: ID })).rejects.toMatchObject({
      code: 'already-configured',
    });
  });

  it('sends through fetch as a simple CORS request with keepalive', async () => {
    const fetch = vi.fn(
      async (url: string) =>
        new Response(JSON.stringify({ requestId: new URL(url).searchParams.get('requestId'), handle: [] })),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createCommandApi();
    await api('configure', { datastreamId: ID, edgeUrl: 'http://127.0.0.1:4100' });
    const result = (await api('sendEvent', { eventType: 'commerce.productViews' })) as { warnings: string[] };
    expect(result.warnings).toEqual([]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4100\/ee\/v2\/interact\?dataStreamId=/);
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      credentials: 'include',
      // No content type given: fetch sends the string body as text/plain;charset=UTF-8 (no preflight).
      headers: {},
    });
    expect(typeof init.body).toBe('string');
  });

  it('rejects with a network error when fetch fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const api = createCommandApi();
    // Without the tabs add-on (its retry rules), a failed request is not retried on this page.
    await api('configure', { datastreamId: ID });
    await expect(api('sendPageView')).rejects.toMatchObject({ code: 'network' });
  });

  it('logs requests and answers when ?edgeCollectorDebug=true, with identities hashed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"handle":[]}')),
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/page?edgeCollectorDebug=true');
    try {
      const api = createCommandApi();
      await api('configure', { datastreamId: ID });
      await api('sendPageView', { email: 'ecid@adobe.com' });
      const printed = JSON.stringify(log.mock.calls);
      expect(printed).toContain('[edgeCollector] request');
      expect(printed).toContain('[edgeCollector] answer');
      expect(printed).toContain('a6ea4cde5da5ae7cc68baae894d1d6544fca26254433b0fff7c2cb4843b4a097');
      expect(printed).not.toContain('ecid@adobe.com');
    } finally {
      window.history.replaceState(null, '', '/');
      log.mockRestore();
    }
  });
});

describe('the standalone script', () => {
  it('replays, in order, the calls queued by the snippet before it loaded', async () => {
    type Stub = ((...args: unknown[]) => Promise<unknown>) & { q?: unknown[][] };
    const stub: Stub = (...args) =>
      new Promise((resolve, reject) => (stub.q = stub.q ?? []).push([args, resolve, reject]));
    const win = window as unknown as { edgeCollector?: Stub };
    win.edgeCollector = stub;
    const early = [
      win.edgeCollector('sendPageView'),
      win.edgeCollector('configure', { datastreamId: ID }),
      win.edgeCollector('nope'),
    ];
    await import('../../../src/browser/standalone');
    expect(win.edgeCollector).not.toBe(stub);
    const settled = await Promise.allSettled(early);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect((settled[0] as PromiseRejectedResult).reason.code).toBe('not-configured');
  });
});
