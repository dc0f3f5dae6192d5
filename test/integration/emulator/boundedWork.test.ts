import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { MAX_REPORTED_PER_REQUEST } from '../../../src/emulator/http/limits';

const DATASTREAM = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const xdm = (extra: Record<string, unknown> = {}) => ({
  _id: crypto.randomUUID(),
  eventType: 'commerce.productViews',
  timestamp: new Date().toISOString(),
  ...extra,
});

/** The largest interact body the Edge takes whose `productListItems` are numbers (F1's bomb, 64 KB). */
function bombBody(): string {
  const items = new Array<number>(32_000).fill(1);
  const event = xdm({ productListItems: items });
  let body = JSON.stringify({ event: { xdm: event } });
  while (Buffer.byteLength(body) > 64 * 1024) {
    items.length -= 100;
    body = JSON.stringify({ event: { xdm: event } });
  }
  return body;
}

let emulator: RunningEmulator;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-bounded-'));
  emulator = await startEmulator({ dataDir, datastreams: [{ id: DATASTREAM }], seedDemo: true });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: string) =>
  fetch(`${emulator.origin}${path}?datastreamId=${DATASTREAM}&configId=${DATASTREAM}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });
const storedBytes = () => statSync(join(dataDir, 'events.jsonl')).size;

describe('issue 23, F1: one request cannot freeze the emulator', () => {
  it('answers the 32,000-number bomb and a concurrent ordinary request, storing at most 4× the bomb', async () => {
    await post('/ee/v2/interact', JSON.stringify({ event: { xdm: xdm() } })); // the validator is built
    const before = storedBytes();
    const bomb = bombBody();
    const bombAnswer = post('/ee/v2/interact', bomb);
    const ordinary = post('/ee/v2/interact', JSON.stringify({ event: { xdm: xdm() } }));
    const [bombed, answered] = await Promise.all([bombAnswer, ordinary]);
    expect(answered.status).toBe(200);
    expect(bombed.status).toBe(200); // Adobe's Edge takes it: XDM is checked downstream, not refused
    const stored = storedBytes() - before;
    expect(stored).toBeLessThanOrEqual(4 * Buffer.byteLength(bomb) + 4096);

    const { events } = await (
      await fetch(`${emulator.origin}/api/events?eventType=commerce.productViews`)
    ).json();
    const bombEvent = events.find(
      (event: { xdm: { productListItems?: unknown[] } }) => event.xdm.productListItems,
    );
    expect(bombEvent.xdm.productListItems.length).toBeGreaterThan(30_000); // stored as sent
    expect(bombEvent.validation.ok).toBe(false);
    expect(bombEvent.validation.schemaViolations[0]).toMatchObject({
      path: 'xdm.productListItems[0]',
      rule: 'type',
    });
    const messages = bombEvent.validation.findings.map((finding: { message: string }) => finding.message);
    expect(messages.join('\n')).toMatch(/longer than the schema check reads/);
    expect(messages.join('\n')).toMatch(
      /more finding\(s\), violation\(s\) or address path\(s\) are not listed/,
    );
  });

  it('lists at most the request allowance across many events, and still flags a plain address in each', async () => {
    const events = Array.from({ length: 300 }, (_item, index) => ({
      xdm: xdm({ productListItems: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }),
      data: { note: `ada${index}@example.com` },
    }));
    const body = JSON.stringify({ events });
    const before = storedBytes();
    expect((await post('/ee/v2/collect', body)).status).toBe(202);
    const { events: stored } = await (
      await fetch(`${emulator.origin}/api/events?eventType=commerce.productViews&limit=1000&order=desc`)
    ).json();
    const mine = stored.slice(0, 300);
    const listed = mine.reduce(
      (sum: number, event: { validation: Record<string, unknown[]> }) =>
        sum +
        event.validation.findings!.length +
        event.validation.schemaViolations!.length +
        event.validation.plainEmails!.length,
      0,
    );
    // Each event keeps at least one entry of each kind and one "not listed" warning.
    expect(listed).toBeLessThanOrEqual(MAX_REPORTED_PER_REQUEST + 300 * 4);
    expect(
      mine.every(
        (event: { validation: { plainEmails: string[] } }) => event.validation.plainEmails.length === 1,
      ),
    ).toBe(true);
    // Headers and the fields of each stored event come on top of what was sent, no more.
    expect(storedBytes() - before).toBeLessThanOrEqual(4 * Buffer.byteLength(body) + 300 * 2048);
  });
});

/** The largest Edge body of empty events, `{"events": [{"xdm": {}}, …]}`: 5,956 events in 65,528 bytes. */
function tinyEventsBody(): string {
  const count = Math.floor((64 * 1024 - '{"events":[]}'.length + 1) / '{"xdm":{}},'.length);
  return JSON.stringify({ events: Array.from({ length: count }, () => ({ xdm: {} })) });
}

type Listed = { events: Array<{ eventId: string; seq: number; xdm: { _id: string } }>; total: number };

describe('issue 23: many tiny events in one request', () => {
  it.each(['/ee/v2/collect', '/ee/v1/interact'])(
    '%s: 5,956 empty events are answered 2xx with a concurrent request, stored within 3× the request, each with its own _id',
    async (path) => {
      const body = tinyEventsBody();
      expect(Buffer.byteLength(body)).toBe(65_528);
      const requestId = crypto.randomUUID();
      const before = storedBytes();
      const many = fetch(
        `${emulator.origin}${path}?datastreamId=${DATASTREAM}&configId=${DATASTREAM}&requestId=${requestId}`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body },
      );
      const ordinary = post('/ee/v2/interact', JSON.stringify({ event: { xdm: xdm() } }));
      const [answered, other] = await Promise.all([many, ordinary]);
      expect(other.status).toBe(200);
      expect(answered.status).toBe(path.endsWith('collect') ? 202 : 200);
      // Before: 6.37 MB (97× the request), every event carrying the request's headers, ids and report.
      expect(storedBytes() - before).toBeLessThanOrEqual(3 * Buffer.byteLength(body));

      const page = (await (
        await fetch(`${emulator.origin}/api/events?requestId=${requestId}&limit=1000&order=asc`)
      ).json()) as Listed;
      expect(page.total).toBe(5956);
      const ids = page.events.map((event) => event.xdm._id);
      expect(new Set(ids).size).toBe(1000);
      expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
      expect(page.events.every((event) => event.eventId === event.xdm._id)).toBe(true);
    },
  );

  it('stores an XDM inlet record once, not as both its xdm and the record as received', async () => {
    const { inletUrl, flowId } = emulator.demo!.xdmInlet;
    const entity = xdm({ web: { webPageDetails: { name: 'n'.repeat(20_000) } } });
    const schemaRef = {
      id: 'https://ns.adobe.com/acme/schemas/1',
      contentType: 'application/vnd.adobe.xed-full+json;version=1',
    };
    const record = JSON.stringify({
      header: { schemaRef, flowId },
      body: { xdmMeta: { schemaRef }, xdmEntity: entity },
    });
    const before = storedBytes();
    const answer = await fetch(inletUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
      body: record,
    });
    expect(answer.status).toBe(200);
    // Before: 2.02× the record (xdm and raw both written).
    expect(storedBytes() - before).toBeLessThan(1.5 * Buffer.byteLength(record));
    const stored = await (await fetch(`${emulator.origin}/api/events/${entity._id}`)).json();
    expect(stored.xdm).toEqual(entity);
    expect(stored.raw).toEqual(JSON.parse(record));
  });
});
