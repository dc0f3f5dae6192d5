import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_LISTED_PATH } from '../../../src/emulator/checks/summarizeValidation';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';

const DATASTREAM = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const BODY_LIMIT = 64 * 1024;
/** What makes an event's first finding the one it was built to have (the `_id` is made). */
const VALID = { eventType: 'a', timestamp: '2026-12-06T00:00:00Z' };

/** The n-th distinct short key: `a`, `b`, …, `ba`, … (letters only, so no key reads as an address). */
function keyOf(n: number): string {
  let key = '';
  do {
    key = String.fromCharCode(97 + (n % 26)) + key;
    n = Math.floor(n / 26);
  } while (n > 0);
  return key;
}

/** A body `{"<list>": [...]}` (v1 interact's `events` by default) of as many items `itemOf(i)` as fit in 64 KB. */
function fullBody(itemOf: (index: number) => unknown, list = 'events'): { body: string; count: number } {
  const items: unknown[] = [];
  let size = JSON.stringify({ [list]: [] }).length;
  for (let index = 0; ; index += 1) {
    const item = itemOf(index);
    const grown = size + JSON.stringify(item).length + (items.length ? 1 : 0);
    if (grown > BODY_LIMIT) break;
    items.push(item);
    size = grown;
  }
  return { body: JSON.stringify({ [list]: items }), count: items.length };
}

/** The largest body `make(n)` that fits in 64 KB (`make` grows with `n`). */
function largest(make: (n: number) => string): string {
  const fits = (n: number) => Buffer.byteLength(make(n)) <= BODY_LIMIT;
  let n = 1;
  while (fits(n * 2)) n *= 2;
  for (let step = n / 2; step >= 1; step /= 2) if (fits(n + step)) n += step;
  return make(n);
}

let emulator: RunningEmulator;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-reports-'));
  emulator = await startEmulator({ dataDir, datastreams: [{ id: DATASTREAM }], seedDemo: true });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const storedBytes = () => statSync(join(dataDir, 'events.jsonl')).size;

interface Listed {
  total: number;
  events: Array<{
    validation: {
      ok: boolean;
      plainEmails: string[];
      findings: Array<{ severity: string; path: string }>;
    };
  }>;
}

/** Posts `body` to v1 interact with its own requestId; answers the bytes it stored and its events (oldest first). */
async function store(
  body: string,
): Promise<{ stored: number; events: Listed['events']; total: number; requestId: string }> {
  const requestId = crypto.randomUUID();
  const before = storedBytes();
  const answer = await fetch(
    `${emulator.origin}/ee/v1/interact?configId=${DATASTREAM}&requestId=${requestId}`,
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body },
  );
  expect(answer.status).toBe(200);
  const stored = storedBytes() - before;
  const events: Listed['events'] = [];
  let total = 0;
  for (let cursor: string | undefined = ''; cursor !== undefined;) {
    const page = (await (
      await fetch(
        `${emulator.origin}/api/events?requestId=${requestId}&limit=1000&order=asc${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).json()) as Listed & { nextCursor?: string };
    events.push(...page.events);
    total = page.total;
    cursor = page.nextCursor;
  }
  return { stored, events, total, requestId };
}

describe('issue 23: a request whose events each get their own report is stored in bounded space', () => {
  it('an address at a different path in each event: within 3× the request, every event flagged', async () => {
    const { body, count } = fullBody((index) => ({ xdm: {}, data: { [keyOf(index)]: 'a@b.co' } }));
    const { stored, events, total, requestId } = await store(body);
    expect(total).toBe(count);
    // Before: 1,022,647 B (15.6×), each event's report written whole.
    expect(stored).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
    expect(events.every((event) => !event.validation.ok && event.validation.plainEmails.length)).toBe(true);
    // The first events' reports name the path; the later ones share a summary that flags the address.
    expect(events[0]!.validation.plainEmails).toEqual(['data.a']);
    expect(events.at(-1)!.validation.plainEmails).toEqual([NOT_LISTED_PATH]);
    expect(events.at(-1)!.validation.findings.map((finding) => finding.severity)).toContain('privacy');
    // The inspector's filters still find every one of them.
    const matching = async (query: string) =>
      ((await (await fetch(`${emulator.origin}/api/events?${query}&limit=1`)).json()) as Listed).total;
    expect(await matching(`requestId=${requestId}&problems=true`)).toBe(count);
    expect(await matching(`text=${requestId}`)).toBe(count);
  });

  it('a different schema problem in each event: within 3× the request, every event invalid', async () => {
    const { body, count } = fullBody((index) => ({
      xdm: { ...VALID, identityMap: { [keyOf(index)]: [] } },
    }));
    // Before: 229,873 B (3.5×).
    const { stored, events, total } = await store(body);
    expect(total).toBe(count);
    expect(stored).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
    expect(events.every((event) => !event.validation.ok)).toBe(true);
  });

  it('a different unknown field in each event: within 3× the request', async () => {
    const { body, count } = fullBody((index) => ({ xdm: { ...VALID, [keyOf(index)]: 1 } }));
    // Before: 305,753 B (4.7×).
    const { stored, total } = await store(body);
    expect(total).toBe(count);
    expect(stored).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
  });
});

// Before: the long key stored 3,021,006 B (46×) and the deep nesting 674,783 B (10.3×), each of the
// 100 listed entries under them repeating their whole path; the other shapes stayed within 2.2×.
describe('issue 23: other hostile shapes of one event', () => {
  const one = (make: (n: number) => unknown) => (n: number) => JSON.stringify({ events: [make(n)] });

  it.each([
    [
      'a long key over many addresses',
      (n: number) => ({
        xdm: {},
        data: {
          ['k'.repeat(30_000)]: Object.fromEntries(Array.from({ length: n }, (_, i) => [keyOf(i), 'a@b.co'])),
        },
      }),
    ],
    [
      'deep nesting over many addresses',
      (n: number) => {
        let inner: unknown = Object.fromEntries(Array.from({ length: n }, (_, i) => [keyOf(i), 'a@b.co']));
        for (let depth = 0; depth < 60; depth += 1) inner = { ['d'.repeat(100)]: inner };
        return { xdm: {}, data: inner };
      },
    ],
    [
      'many distinct keys',
      (n: number) => ({ xdm: Object.fromEntries(Array.from({ length: n }, (_, i) => [keyOf(i), 1])) }),
    ],
    [
      'long unknown keys',
      (n: number) => ({
        xdm: Object.fromEntries(Array.from({ length: n }, (_, i) => [`${keyOf(i)}${'x'.repeat(1000)}`, 1])),
      }),
    ],
    ['a huge single string', (n: number) => ({ xdm: {}, data: `a@b.co ${'x'.repeat(n)}` })],
  ])('%s: within 3× the request', async (_name, make) => {
    const body = largest(one(make));
    const { stored, events } = await store(body);
    expect(events).toHaveLength(1);
    expect(stored).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
  });
});

describe('issue 23: set-consent stores what it flags in bounded space', () => {
  it('a long key over many addresses beside valid consent: the consent log grows within 3× the request', async () => {
    const consentLog = () => statSync(join(dataDir, 'consent.jsonl'), { throwIfNoEntry: false })?.size ?? 0;
    const make = (n: number) =>
      JSON.stringify({
        consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }],
        extra: {
          ['k'.repeat(30_000)]: Object.fromEntries(Array.from({ length: n }, (_, i) => [keyOf(i), 'a@b.co'])),
        },
      });
    const body = largest(make);
    const before = consentLog();
    const answer = await fetch(`${emulator.origin}/ee/v1/privacy/set-consent?configId=${DATASTREAM}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(answer.status).toBe(200);
    // Before: 72,301,044 B (1,103×) after 8.8 s, every address path listed whole, or the connection reset.
    expect(consentLog() - before).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
    const { items } = await (await fetch(`${emulator.origin}/api/consent?limit=1&order=desc`)).json();
    expect(items[0].plainEmails.length).toBeGreaterThan(0); // still flagged
  });
});

describe('issue 23: an inlet batch of many small records', () => {
  it.each(['xdmInlet', 'rawInlet'] as const)(
    '%s: a 64 KB batch of empty records is stored within 3× the batch, each record with its xactionId',
    async (which) => {
      const { inletUrl, flowId } = emulator.demo![which];
      const record = which === 'xdmInlet' ? { body: { xdmEntity: {} } } : {};
      const { body, count } = fullBody(() => record, 'messages');
      const before = storedBytes();
      const answer = await fetch(inletUrl.replace('/collection/', '/collection/batch/'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-adobe-flow-id': flowId },
        body,
      });
      expect(answer.status).toBe(207);
      const { batchId, responses } = await answer.json();
      expect(responses.every((item: { statusCode: number }) => item.statusCode === 200)).toBe(true);
      // Before: 16.9× (raw; 2.8× XDM), each record writing its xactionId, and the raw one its mapped xdm.
      expect(storedBytes() - before).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
      const page = await (
        await fetch(
          `${emulator.origin}/api/events?requestId=${encodeURIComponent(batchId)}&limit=3&order=desc`,
        )
      ).json();
      expect(page.total).toBe(count);
      expect(page.events.map((event: { xactionId: string }) => event.xactionId)).toEqual(
        [1, 2, 3].map((back) => `${batchId}:${count - back}`),
      );
    },
  );
});
