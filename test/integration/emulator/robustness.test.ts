import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';

const DATASTREAM = '7f4a5b62-8d9e-4fa0-9b1c-3d4e5f6a7b82';
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ datastreams: [{ id: DATASTREAM }] });
});
afterAll(() => emulator.close());

describe('issue 23 findings', () => {
  it('F12: an identity state or cookie that is not valid percent-encoding is a stranger, not a 500', async () => {
    const entries = [{ key: 'kndctr_EMULATOR00000000000000000_AdobeOrg_identity', value: '%E0%A4%A' }];
    const interact = await fetch(`${emulator.origin}/ee/v2/interact?datastreamId=${DATASTREAM}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${entries[0]!.key}=%E0%A4%A` },
      body: JSON.stringify({ ...pageViewBody(), meta: { state: { entries, cookiesEnabled: true } } }),
    });
    expect(interact.status).toBe(200);
    const consent = await fetch(`${emulator.origin}/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }],
        meta: { state: { entries } },
      }),
    });
    expect(consent.status).toBe(200);
  });

  it('F14: a repeated query parameter is a 400 problem, not a 500', async () => {
    const response = await fetch(`${emulator.origin}/api/events?text=a&text=b`);
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/text must be given once/);
  });
});

describe('issue 23: duplicates', () => {
  it('stores an event with a numeric _id once, counting the second as a duplicate', async () => {
    const send = () =>
      fetch(`${emulator.origin}/ee/v2/interact?datastreamId=${DATASTREAM}&requestId=numeric-id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          event: { xdm: { _id: 424242, eventType: 'x', timestamp: new Date().toISOString() } },
        }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const { events } = await (await fetch(`${emulator.origin}/api/events?requestId=numeric-id`)).json();
    expect(events).toHaveLength(1);
    expect(events[0].duplicates).toBe(1);
  });
});
