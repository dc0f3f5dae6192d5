import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

// The built ES module, as a Node 20 user would import it (not the TypeScript source).
const modulePath = '../../../dist/edge-collector.js';
type Module = typeof import('../../../src/index');

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into answers
type Loose = Record<string, any>;
let emulator: RunningEmulator;
let lib: Module;
const paths: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ datastreams: [{ id: DATASTREAM }] });
  lib = (await import(/* @vite-ignore */ modulePath)) as Module;
});
afterAll(() => emulator?.close());

/** A fetch that notes the path of every request before passing it on. */
const recordingFetch: typeof fetch = (input, init) => {
  paths.push(new URL(String(input)).pathname);
  return fetch(input, init);
};

/** A collector of the built module that sends to the emulator, recording the paths it posts to. */
const collectorWith = (defaultConsent?: 'in' | 'out' | 'pending') => {
  paths.length = 0;
  return lib.createEdgeCollector({
    datastreamId: DATASTREAM,
    edgeUrl: emulator.origin,
    defaultConsent,
    fetch: recordingFetch,
  });
};

describe('consent in the ES module', () => {
  it('honours defaultConsent pending, then posts consent before the waiting event', async () => {
    const collector = collectorWith('pending');
    const sent = collector.sendEvent({ eventType: 'commerce.purchases' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(paths).toEqual([]);
    await collector.setConsent({
      consent: [{ standard: 'Adobe', version: '2.0', value: { collect: { val: 'y' }, share: { val: 'n' } } }],
    });
    const result = await sent;
    expect(paths).toEqual(['/ee/v1/privacy/set-consent', '/ee/v2/interact']);
    const { items } = (await (await fetch(`${emulator.origin}/api/consent`)).json()) as { items: Loose[] };
    expect(items[0]).toMatchObject({
      general: 'in',
      consent: [{ version: '2.0', value: { share: { val: 'n' } } }],
    });
    const { events } = (await (await fetch(`${emulator.origin}/api/events`)).json()) as { events: Loose[] };
    expect(events.map((e) => e.requestId)).toContain(result.requestId);
  });

  it('honours defaultConsent out: nothing leaves', async () => {
    const collector = collectorWith('out');
    const result = await collector.sendPageView();
    expect(result.warnings).toContain('consent is out: the event was not sent');
    expect(paths).toEqual([]);
  });

  it('refuses an unknown standard with invalid-options', async () => {
    const collector = collectorWith();
    await expect(
      collector.setConsent({ consent: [{ standard: 'GPP', version: '1.0', value: 'x' }] } as never),
    ).rejects.toMatchObject({
      code: 'invalid-options',
      message: expect.stringMatching(/"GPP" is not a consent standard/),
    });
  });
});
