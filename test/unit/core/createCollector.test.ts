import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { createCollector, type Platform } from '../../../src/core/createCollector';
import { recordingPlatform } from './recordingPlatform';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const ADDRESS = 'Ada.Lovelace@Example.com';
const DIGEST = 'e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(answer?: Parameters<typeof recordingPlatform>[0]) {
  const recorded = recordingPlatform(answer);
  const { sent, logs } = recorded;
  const platform: Platform = { ...recorded.platform, implementation: 'test' };
  const collector = createCollector(
    resolveConfig({ datastreamId: ID, edgeUrl: 'http://127.0.0.1:4100', debug: true }),
    platform,
  );
  return { collector, sent, logs };
}

describe('createCollector', () => {
  it('sends a page view with the hashed e-mail and resolves with the correlated answer', async () => {
    const handle = [{ type: 'identity:result', payload: [{ id: '1', namespace: { code: 'ECID' } }] }];
    const { collector, sent } = setup((r) => ({
      status: 200,
      body: JSON.stringify({ requestId: r.requestId, handle }),
    }));
    const result = await collector.sendPageView({ email: ADDRESS, data: { prop1: 'custom value' } });

    expect(sent).toHaveLength(1);
    const [request] = sent;
    const url = new URL(request!.url);
    expect(url.pathname).toBe('/ee/v2/interact');
    expect(url.searchParams.get('dataStreamId')).toBe(ID);
    expect(url.searchParams.get('requestId')).toMatch(UUID);
    const body = JSON.parse(request!.body);
    expect(body.event.xdm).toMatchObject({
      eventType: 'web.webpagedetails.pageViews',
      identityMap: { Email_LC_SHA256: [{ id: DIGEST, primary: true }] },
      web: { webPageDetails: { URL: 'https://shop.example/', name: 'Shop', pageViews: { value: 1 } } },
    });
    expect(body.event.data).toEqual({ prop1: 'custom value' });
    expect(result).toEqual({
      requestId: url.searchParams.get('requestId'),
      eventId: body.event.xdm._id,
      handle,
      warnings: [],
    });
    expect(result.eventId).toMatch(UUID);
  });

  it('never lets the plain address out: not in the URL, body, headers or logs', async () => {
    const { collector, sent, logs } = setup();
    await collector.sendPageView({ email: ADDRESS, url: `https://shop.example/thanks?email=${ADDRESS}` });
    const everything = JSON.stringify([sent, logs]).toLowerCase();
    expect(everything).not.toContain(ADDRESS.toLowerCase());
    expect(everything).toContain(DIGEST);
  });

  it('refuses a circular xdm or data with a clear error, and sends nothing', async () => {
    const { collector, sent } = setup();
    const xdm: Record<string, unknown> = { commerce: {} };
    (xdm.commerce as Record<string, unknown>).parent = xdm;
    const data: Record<string, unknown> = { list: [] };
    (data.list as unknown[]).push(data);
    await expect(collector.sendEvent({ eventType: 'commerce.productViews', xdm })).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringMatching(/^xdm\.commerce\.parent\S* contains a circular reference$/),
    });
    await expect(collector.sendPageView({ data })).rejects.toThrow(
      'data.list[0] contains a circular reference',
    );
    expect(sent).toEqual([]);
  });

  it('sends without the identity, with a warning, when the e-mail is not an address', async () => {
    const { collector, sent } = setup();
    const result = await collector.sendPageView({ email: 'nobody' });
    expect(JSON.parse(sent[0]!.body).event.xdm.identityMap).toBeUndefined();
    expect(result.warnings).toEqual(['email was not sent: it is not an e-mail address']);
  });

  it('warns when the answer belongs to another request', async () => {
    const { collector } = setup(() => ({
      status: 200,
      body: JSON.stringify({ requestId: 'someone-else', handle: [] }),
    }));
    const result = await collector.sendEvent({ eventType: 'commerce.productViews' });
    expect(result.warnings[0]).toMatch(
      /^the answer names requestId someone-else, not [0-9a-f-]{36} that was sent$/,
    );
  });

  it('gives every event and request its own ids', async () => {
    const { collector, sent } = setup();
    await Promise.all([collector.sendPageView(), collector.sendPageView()]);
    const ids = sent.flatMap((r) => [r.requestId, r.eventId]);
    expect(new Set(ids).size).toBe(4);
  });

  it('rejects a refused request with the status and problem fields', async () => {
    const problem = {
      type: 'https://ns.adobe.com/aep/errors/EXEG-0104-422',
      status: 422,
      title: 'Unprocessable',
      detail: 'bad datastream',
      report: { requestId: 'x' },
    };
    const { collector } = setup(() => ({ status: 422, body: JSON.stringify(problem) }));
    await expect(collector.sendPageView()).rejects.toMatchObject({
      code: 'response',
      status: 422,
      type: problem.type,
      title: 'Unprocessable',
      detail: 'bad datastream',
    });
  });

  it.each([
    [{ eventType: '' }, /needs an eventType/],
    [{}, /needs an eventType/],
    [{ eventType: 't', xdm: 'x' }, /xdm must be an object/],
    [{ eventType: 't', data: [1] }, /data must be an object/],
    [{ eventType: 't', url: 7 }, /url must be a string/],
  ])('refuses sendEvent(%j) before sending anything', async (options, message) => {
    const { collector, sent } = setup();
    await expect(collector.sendEvent(options as never)).rejects.toThrow(message);
    expect(sent).toHaveLength(0);
  });

  it('tells result listeners about each answer, and survives a listener that throws', async () => {
    const { collector } = setup();
    const seen = vi.fn();
    const stop = collector.onResult(() => {
      throw new Error('listener bug');
    });
    collector.onResult(seen);
    const result = await collector.sendPageView();
    expect(seen).toHaveBeenCalledWith(result);
    stop();
  });

  it('builds an event without sending it', async () => {
    const { collector, sent } = setup();
    const { event, warnings } = await collector.buildEvent('pageView', { email: ADDRESS });
    expect(event.xdm.identityMap).toEqual({ Email_LC_SHA256: [{ id: DIGEST, primary: true }] });
    expect(warnings).toEqual([]);
    expect(sent).toHaveLength(0);
  });
});
