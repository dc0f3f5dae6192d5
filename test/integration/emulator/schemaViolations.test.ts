import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

let emulator: RunningEmulator;

// The stored events, loosely typed: the tests read deep into their payloads.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read deep into payloads */
type Loose = Record<string, any>;
const stored = async (id: string) =>
  (await (await fetch(`${emulator.origin}/api/events/${encodeURIComponent(id)}`)).json()) as Loose;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seedDemo: true });
});
afterAll(async () => {
  await emulator?.close();
});

describe("the emulator checks every XDM event against Adobe's schemas", () => {
  it('stores an Edge event with a bad field, each violation with its path, rule and schema file', async () => {
    const response = await fetch(
      `${emulator.origin}/ee/v2/interact?dataStreamId=${emulator.demo!.datastreamId}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          event: {
            xdm: {
              _id: 'bad-fields-1',
              timestamp: new Date().toISOString(),
              eventType: 'commerce.purchases',
              environment: { type: 'server' },
              implementationDetails: { name: 'edge-collector/node', environment: 'server' },
              commerce: { purchases: { value: 'one' } },
            },
          },
        }),
      },
    );
    // Like the real Edge Network's answer to a request, the emulator still takes it: the check is advice.
    expect(response.status).toBe(200);
    const event = await stored('bad-fields-1');
    expect(event.validation.ok).toBe(false);
    expect(event.validation.schemaViolations).toEqual([
      {
        path: 'xdm.commerce.purchases.value',
        rule: 'type',
        schemaFile: 'components/datatypes/data/measure.schema.json',
        message: 'must be number',
      },
      {
        path: 'xdm.environment.type',
        rule: 'enum',
        schemaFile: 'components/datatypes/environment.schema.json',
        message: 'must be equal to one of the allowed values: browser, application, iot, external, widget',
      },
      {
        path: 'xdm.implementationDetails.name',
        rule: 'format: uri',
        schemaFile: 'components/datatypes/industry-verticals/implementationdetails.schema.json',
        message: 'must match format "uri"',
      },
    ]);
    expect(event.validation.findings[0]).toMatchObject({ severity: 'error', path: 'xdm' });
    // The inspector's list reads the same record.
    const { events } = (await (await fetch(`${emulator.origin}/api/events`)).json()) as { events: Loose[] };
    expect(events.find((item) => item.eventId === 'bad-fields-1')!.validation.schemaViolations).toHaveLength(
      3,
    );
  });

  it('checks a streamed profile record against the Individual Profile class', async () => {
    const { inletUrl, flowId } = emulator.demo!.xdmInlet;
    const response = await fetch(inletUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
      body: JSON.stringify({
        header: { flowId, datasetId: 'ds-1' },
        body: { xdmEntity: { _id: 'profile-bad-1', personalEmail: { address: 'f'.repeat(64) } } },
      }),
    });
    expect(response.status).toBe(200);
    const record = await stored('profile-bad-1');
    expect(record.validation.schemaViolations).toEqual([
      {
        path: 'xdm.personalEmail.address',
        rule: 'format: email',
        schemaFile: 'components/datatypes/demographic/emailaddress.schema.json',
        message: 'must match format "email"',
      },
    ]);
  });

  it('passes a good event, and flags an address found in any request header', async () => {
    const response = await fetch(
      `${emulator.origin}/ee/v2/interact?dataStreamId=${emulator.demo!.datastreamId}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          from: 'ada@example.com',
          'x-debug-user': 'm%C3%BCller%2540b%C3%BCcher.de',
        },
        body: JSON.stringify({
          event: {
            xdm: {
              _id: 'good-fields-1',
              timestamp: new Date().toISOString(),
              eventType: 'web.webpagedetails.pageViews',
              web: { webPageDetails: { URL: 'https://shop.example/', pageViews: { value: 1 } } },
              implementationDetails: { name: 'https://www.npmjs.com/package/edge-collector#node' },
            },
          },
        }),
      },
    );
    expect(response.status).toBe(200);
    const event = await stored('good-fields-1');
    expect(event.validation.schemaViolations).toEqual([]);
    expect(event.validation.plainEmails).toEqual(['headers.from', 'headers.x-debug-user']);
    expect(event.validation.ok).toBe(false);
  });
});
