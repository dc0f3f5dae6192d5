import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../../src/core/resolveConfig';
import { createCollector } from '../../../../src/core/createCollector';
import { memoryStore } from '../../../../src/core/delivery/QueueStore';
import { queueStreamRecord } from '../../../../src/core/streaming/queueStreamRecord';
import { prepareStreamRecord } from '../../../../src/core/streaming/streamRecord';
import type { EdgeAnswer, Transport } from '../../../../src/core/Transport';
import { INLET_URL, xdmOptions } from './fixtures';
import { inMemory } from '../../../../src/core/delivery/inMemory';

const receipt = {
  status: 200,
  body: JSON.stringify({ inletId: 'inlet-1', xactionId: '1:2:3', receivedTimeMs: 9 }),
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A collector on a fake transport that answers from `answers` in order, with no waiting between retries. */
function collectorWith(answers: EdgeAnswer[], config: Record<string, unknown> = {}) {
  const transport = vi.fn<Transport>(async () => answers.shift() ?? receipt);
  const collector = createCollector(
    resolveConfig({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b', retryDelay: 0, ...config }),
    {
      ...inMemory(),
      snapshot: () => ({
        now: new Date('2026-11-23T10:00:00Z'),
        timezoneOffset: 0,
        environment: 'browser',
        url: 'https://shop.example/p?email=ada@example.com',
        title: 'Shoes',
      }),
      transport,
      implementation: 'standalone',
      sleep: async () => undefined,
      // State entries from an earlier interact answer: they must never reach an inlet.
      requestMeta: () => ({ state: { entries: [{ key: 'kndctr_x', value: 'y' }] } }),
    },
  );
  return { collector, transport };
}

describe('queueStreamRecord', () => {
  it('goes through the collector’s delivery: retried after a 503 with the same body, resolved with the receipt', async () => {
    const { collector, transport } = collectorWith([{ status: 503, body: '' }]);
    const heard = vi.fn();
    collector.onResult(heard);
    const result = await queueStreamRecord(collector, xdmOptions());
    expect(result).toMatchObject({
      inletId: 'inlet-1',
      xactionId: '1:2:3',
      receivedTimeMs: 9,
      recordId: 'http-source-connector-acme-01',
    });
    expect(transport).toHaveBeenCalledTimes(2);
    const [first, second] = transport.mock.calls.map(([request]) => request);
    expect(second).toEqual(first);
    expect(first!.url).toBe(INLET_URL);
    expect(JSON.parse(first!.body)).not.toHaveProperty('meta');
    expect(heard).not.toHaveBeenCalled();
  });

  it('is not retried after a 401, and rejects with the token message', async () => {
    const { collector, transport } = collectorWith([
      {
        status: 401,
        body: JSON.stringify({
          title: 'Authorization',
          report: { message: '[id] Ims service token is empty' },
        }),
      },
    ]);
    await expect(queueStreamRecord(collector, xdmOptions())).rejects.toThrow(
      /^the streaming inlet needs a token/,
    );
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('sends nothing while consent is out, and says so', async () => {
    const { collector, transport } = collectorWith([], { defaultConsent: 'out' });
    const result = await queueStreamRecord(collector, xdmOptions());
    expect(result.xactionId).toBe('');
    expect(result.warnings).toContain('consent is out: the event was not sent');
    expect(transport).not.toHaveBeenCalled();
  });

  it('builds a page view with the collector’s own builder, hashing named fields first', async () => {
    const { collector, transport } = collectorWith([]);
    const result = await queueStreamRecord(
      collector,
      xdmOptions({
        pageView: { name: 'Shoes page' },
        record: { person: { email: 'Ada@Example.com' } },
        emailFields: ['person.email'],
      }),
    );
    const entity = JSON.parse(transport.mock.calls[0]![0].body).body.xdmEntity;
    expect(entity).toMatchObject({
      _id: result.recordId,
      eventType: 'web.webpagedetails.pageViews',
      web: {
        webPageDetails: {
          name: 'Shoes page',
          URL: 'https://shop.example/p?email=[redacted-email]',
          pageViews: { value: 1 },
        },
      },
      implementationDetails: { name: 'https://www.npmjs.com/package/edge-collector#standalone' },
      person: {},
      identityMap: { Email_LC_SHA256: [{ id: sha256('ada@example.com'), primary: true }] },
    });
    expect(result.warnings).toEqual([
      'a plain e-mail address in xdm.web.webPageDetails.URL was replaced before sending',
    ]);
  });

  it('is sent by the next page load when this one left it queued, unchanged and without meta', async () => {
    const { request } = await prepareStreamRecord(xdmOptions());
    const store = memoryStore();
    // What the persistent queue gives back: a copy parsed from JSON.
    await store.put({ request: JSON.parse(JSON.stringify(request)), at: 1 });
    const transport = vi.fn<Transport>(async () => receipt);
    const collector = createCollector(
      resolveConfig({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' }),
      {
        snapshot: () => ({ now: new Date(), timezoneOffset: 0, environment: 'browser' }),
        transport,
        ...inMemory(),
        store,
        requestMeta: () => ({ state: { entries: [{ key: 'kndctr_x', value: 'y' }] } }),
      },
    );
    const heard = vi.fn();
    collector.onResult(heard);
    await vi.waitFor(async () => expect(await store.all()).toEqual([]));
    expect(transport).toHaveBeenCalledTimes(1);
    expect(transport.mock.calls[0]![0].body).toBe(request.body);
    expect(heard).not.toHaveBeenCalled();
  });
  it('says it wants the collector first when it is given the options alone, and sends nothing', async () => {
    const { transport } = collectorWith([]);
    const call = queueStreamRecord as (...args: unknown[]) => Promise<unknown>;
    await expect(call(xdmOptions())).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringMatching(
        /^streamRecord\(collector, options\): the first argument must be a collector .*got the options alone/,
      ),
    });
    await expect(call(null, xdmOptions())).rejects.toThrow(/the first argument must be a collector/);
    expect(transport).not.toHaveBeenCalled();
  });
});
