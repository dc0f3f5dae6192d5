import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';

let emulator: RunningEmulator;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-secrets-'));
  emulator = await startEmulator({ dataDir, seedDemo: true });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const SECRETS = {
  'x-api-key': 'API-KEY-0f1e2d3c',
  authorization: 'Bearer TOKEN-9a8b7c6d',
  'proxy-authorization': 'Basic PROXY-5e4f3a2b',
  cookie: 'session=COOKIE-1a2b3c4d; kndctr_EMULATOR00000000000000000_AdobeOrg_identity=COOKIE-IDENTITY-77',
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emulator.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...SECRETS, ...headers },
    body: JSON.stringify(body),
  });
const secretValues = [
  'API-KEY-0f1e2d3c',
  'TOKEN-9a8b7c6d',
  'PROXY-5e4f3a2b',
  'COOKIE-1a2b3c4d',
  'COOKIE-IDENTITY-77',
];

describe('secret headers (issue 23)', () => {
  it('keeps no x-api-key, authorization, proxy-authorization or cookie value on disk or in the inspector', async () => {
    const datastreamId = emulator.demo!.datastreamId;
    const { inletId, flowId } = emulator.demo!.xdmInlet;
    const envelope = () => ({ header: { flowId }, body: { xdmEntity: pageViewBody().event.xdm } });
    const consent = { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }] };
    const statuses = [
      (await post(`/ee/v2/interact?datastreamId=${datastreamId}`, pageViewBody())).status,
      (await post(`/ee/v1/collect?configId=${datastreamId}`, { events: [pageViewBody().event] })).status,
      (await post(`/ee/v1/privacy/set-consent?configId=${datastreamId}`, consent)).status,
      (await post(`/collection/${inletId}`, envelope(), { 'x-adobe-flow-id': flowId })).status,
      (await post(`/collection/batch/${inletId}`, { messages: [envelope()] }, { 'x-adobe-flow-id': flowId }))
        .status,
    ];
    expect(statuses).toEqual([200, 204, 200, 200, 207]);

    const { events } = await (await fetch(`${emulator.origin}/api/events`)).json();
    expect(events).toHaveLength(4);
    for (const event of events)
      expect(event.headers).toMatchObject({
        'x-api-key': '[redacted]',
        authorization: 'Bearer [redacted]',
        'proxy-authorization': '[redacted]',
        cookie: 'session; kndctr_EMULATOR00000000000000000_AdobeOrg_identity',
      });
    const answers = [
      JSON.stringify(events),
      await (await fetch(`${emulator.origin}/api/consent`)).text(),
      await (await fetch(`${emulator.origin}/api/rejections`)).text(),
    ];
    await emulator.close(); // every write flushed
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(files.map((file) => file.name)).toContain('events.jsonl');
    const onDisk = files.map((file) => readFileSync(join(file.parentPath, file.name), 'utf8'));
    for (const text of [...onDisk, ...answers])
      for (const secret of secretValues) expect(text).not.toContain(secret);
  });
});
