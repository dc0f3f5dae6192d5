import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentStore } from '../../../../src/emulator/storage/createConsentStore';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'consent-store-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const decision = (visitor: number, padding = '') => ({
  receivedAt: new Date().toISOString(),
  orgId: 'ORG@AdobeOrg',
  ecid: String(visitor).padStart(38, '1'),
  dataStreamId: 'ds',
  requestId: `req-${visitor}`,
  general: 'in' as const,
  consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in', padding } }] as never,
});

describe('createConsentStore (issue 23, F13)', () => {
  it('keeps the latest visitors within its bounds, dropping and counting the oldest, and its log shrinks to match', async () => {
    const bounds = { maxVisitors: 3, maxBytes: 1024 * 1024 };
    const store = createConsentStore(dataDir, { bounds });
    for (let visitor = 1; visitor <= 40; visitor++) await store.record(decision(visitor, 'x'.repeat(4000)));
    await store.record(decision(39)); // heard from again: now the newest
    expect(store.list().map((record) => record.requestId)).toEqual(['req-39', 'req-40', 'req-38']);
    expect(store.stats()).toEqual({ visitors: 3, dropped: 37 });
    expect(store.get('ORG@AdobeOrg', decision(1).ecid)).toBeUndefined();
    await store.close();
    // 41 decisions of ~4 KB were written; the log was rewritten with the kept ones along the way.
    expect(readFileSync(join(dataDir, 'consent.jsonl')).length).toBeLessThan(40 * 4000);

    const reopened = createConsentStore(dataDir, { bounds });
    expect(reopened.list().map((record) => record.requestId)).toEqual(['req-39', 'req-40', 'req-38']);
    // Drops made before the log was rewritten are still counted after a restart.
    expect(reopened.stats()).toEqual({ visitors: 3, dropped: 37 });
    await reopened.record(decision(41));
    expect(reopened.stats().dropped).toBe(38);
    await reopened.close();
    const again = createConsentStore(dataDir, { bounds });
    expect(again.stats()).toEqual({ visitors: 3, dropped: 38 });
    await again.close();
  });

  it('drops the oldest visitors once their decisions pass the byte bound', async () => {
    const store = createConsentStore(dataDir, { bounds: { maxVisitors: 100, maxBytes: 20_000 } });
    for (let visitor = 1; visitor <= 10; visitor++) await store.record(decision(visitor, 'x'.repeat(4000)));
    expect(store.stats().visitors).toBeLessThanOrEqual(5);
    expect(store.stats().dropped).toBe(10 - store.stats().visitors);
    await store.close();
  });

  it('pages the decisions by seq, newest first or oldest first', async () => {
    const store = createConsentStore(dataDir);
    for (let visitor = 1; visitor <= 5; visitor++) await store.record(decision(visitor));
    const first = store.page({ limit: 2, order: 'desc' });
    expect([first.items.map((record) => record.requestId), first.total]).toEqual([['req-5', 'req-4'], 5]);
    const second = store.page({ limit: 2, order: 'desc', cursor: first.nextCursor });
    expect(second.items.map((record) => record.requestId)).toEqual(['req-3', 'req-2']);
    const last = store.page({ limit: 2, order: 'desc', cursor: second.nextCursor });
    expect([last.items.map((record) => record.requestId), last.nextCursor]).toEqual([['req-1'], undefined]);
    expect(store.page({ limit: 2 }).items.map((record) => record.requestId)).toEqual(['req-1', 'req-2']);
    await store.close();
  });
});
