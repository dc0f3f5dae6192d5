import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

// The built ES module, as a developer's own test suite would import it.
const modulePath = '../../../dist/edge-collector.js';
type Module = typeof import('../../../src/index');
const DATASTREAM = '5d2e3f40-6b7c-4d8e-9f0a-1b2c3d4e5f60';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;

let emulator: RunningEmulator;
let lib: Module;
const statuses: number[] = [];
/** A fetch that notes the status of every answer the collector gets. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  statuses.push(response.status);
  return response;
};
const arm = (faults: unknown) =>
  fetch(`${emulator.origin}/api/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
const stored = async (eventId: string) =>
  ((await (await fetch(`${emulator.origin}/api/events`)).json()) as { events: Loose[] }).events.filter(
    (event) => event.eventId === eventId,
  );

beforeAll(async () => {
  emulator = await startEmulator({
    datastreams: [{ id: DATASTREAM }],
    faults: [{ endpoint: 'interact', fault: 207, errors: ['upstreamFailed'] }],
  });
  lib = (await import(/* @vite-ignore */ modulePath)) as Module;
});
afterAll(() => emulator?.close());
beforeEach(() => {
  statuses.length = 0;
});

const collector = () =>
  lib.createEdgeCollector({ datastreamId: DATASTREAM, edgeUrl: emulator.origin, fetch: recordingFetch });

describe('fault injection (--faults, POST /api/faults)', () => {
  it('a 207 armed at start reaches the collector: the event is processed, the answer carries the chosen EXEG error', async () => {
    const answers: Loose[] = [];
    const peek: typeof fetch = async (input, init) => {
      const response = await recordingFetch(input, init);
      answers.push(await response.clone().json());
      return response;
    };
    const result = await lib
      .createEdgeCollector({ datastreamId: DATASTREAM, edgeUrl: emulator.origin, fetch: peek })
      .sendEvent({ eventType: 'commerce.purchases' });
    expect(statuses).toEqual([207]);
    expect(answers[0]!.errors).toEqual([
      expect.objectContaining({ type: 'https://ns.adobe.com/aep/errors/EXEG-0203-502', status: 502 }),
    ]);
    expect(await stored(result.eventId)).toHaveLength(1);
  });

  it('a 429 with Retry-After reaches the collector, which retries and delivers the event once', async () => {
    expect((await arm({ endpoint: 'interact', fault: 429, retryAfter: 1 })).status).toBe(201);
    const result = await collector().sendEvent({ eventType: 'commerce.productViews' });
    expect(statuses).toEqual([429, 200]);
    expect(await stored(result.eventId)).toHaveLength(1);
    const { rejections } = (await (await fetch(`${emulator.origin}/api/rejections`)).json()) as Loose;
    expect(rejections.at(-1)).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });

  it('a 503 and a dropped connection are answered as scripted, then the endpoint is back', async () => {
    await arm([
      { endpoint: 'collect', fault: 503, retryAfter: 7 },
      { endpoint: 'collect', fault: 'drop' },
    ]);
    expect(((await (await fetch(`${emulator.origin}/api/faults`)).json()) as Loose).items).toHaveLength(2);
    const send = () =>
      fetch(`${emulator.origin}/ee/v2/collect?datastreamId=${DATASTREAM}`, {
        method: 'POST',
        body: JSON.stringify({ event: { xdm: { eventType: 'x' } } }),
      });
    const unavailable = await send();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('7');
    expect((await unavailable.json()).type).toBe('https://ns.adobe.com/aep/errors/EXEG-0000-503');
    await expect(send()).rejects.toThrow();
    expect((await send()).status).toBe(202);
  });

  it('refuses a fault it does not know, saying what it takes', async () => {
    const answer = await arm({ endpoint: 'interact', fault: 418 });
    expect(answer.status).toBe(400);
    expect((await answer.json()).detail).toMatch(/fault must be one of 207, 429, 503/);
  });
});
