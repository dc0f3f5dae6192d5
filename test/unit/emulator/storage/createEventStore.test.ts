import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStore, type NewEvent } from '../../../../src/emulator/storage/createEventStore';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'store-test-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const newEvent = (eventId: string | undefined, overrides: Partial<NewEvent> = {}): NewEvent => ({
  receivedTimeMs: Date.now(),
  source: 'edge',
  endpoint: '/ee/v2/interact',
  requestId: `req-${eventId}`,
  eventId,
  eventType: 'web.webpagedetails.pageViews',
  xdm: { _id: eventId },
  headers: {},
  validation: { ok: true, findings: [], plainEmails: [], schemaViolations: [] },
  ...overrides,
});

describe('createEventStore', () => {
  it('stores events with rising ids, counts a repeated _id as a duplicate, and finds both again after a restart', async () => {
    const store = createEventStore(dataDir);
    const first = await store.add([newEvent('a'), newEvent('b'), newEvent('a')]);
    expect(first.stored.map((event) => [event.id, event.eventId])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(first.duplicates.map((event) => event.eventId)).toEqual(['a']);
    await store.close();

    const again = createEventStore(dataDir);
    expect(again.list().map((event) => event.eventId)).toEqual(['a', 'b']);
    expect(again.get('a')).toMatchObject({ id: '1', duplicates: 1 });
    expect(again.stats()).toEqual({ events: 2, duplicates: 1, problems: 0 });
    const next = await again.add([newEvent('c')]);
    expect(next.stored[0]!.id).toBe('3');
    await again.close();
  });

  it('skips (and counts) log lines of the wrong shape instead of refusing to start or numbering events NaN', async () => {
    const good = createEventStore(dataDir);
    await good.add([newEvent('a')]);
    await good.close();
    const { readFileSync } = await import('node:fs');
    const kept = readFileSync(join(dataDir, 'events.jsonl'), 'utf8');
    writeFileSync(
      join(dataDir, 'events.jsonl'),
      `null\n{"t":"event"}\n{"t":"event","event":{}}\n{"t":"dup"}\n${kept}`,
    );
    const store = createEventStore(dataDir);
    expect(store.replay).toEqual({ tornTail: false, badLines: 4 });
    expect(store.list().map((event) => event.id)).toEqual(['1']);
    const { stored } = await store.add([newEvent('b')]);
    expect(stored[0]!.id).toBe('2');
    await store.close();
  });

  it('pages the filtered events oldest or newest first, with a cursor and the total', async () => {
    const store = createEventStore(dataDir);
    await store.add(
      Array.from({ length: 7 }, (_, index) =>
        newEvent(`e${index + 1}`, {
          source: index % 2 ? 'inlet' : 'edge',
          validation: { ok: index !== 2, findings: [], plainEmails: [], schemaViolations: [] },
        }),
      ),
    );
    const ids = (events: Array<{ id: string }>) => events.map((event) => event.id);
    const first = store.page({}, { limit: 3, order: 'desc' });
    expect([ids(first.items), first.total, first.nextCursor]).toEqual([['7', '6', '5'], 7, 5]);
    const second = store.page({}, { limit: 3, order: 'desc', cursor: first.nextCursor });
    expect([ids(second.items), second.nextCursor]).toEqual([['4', '3', '2'], 2]);
    const last = store.page({}, { limit: 3, order: 'desc', cursor: second.nextCursor });
    expect([ids(last.items), last.nextCursor]).toEqual([['1'], undefined]);
    expect(ids(store.page({}, { limit: 2, cursor: 5 }).items)).toEqual(['6', '7']);
    expect(ids(store.page({ source: 'inlet' }, { limit: 10 }).items)).toEqual(['2', '4', '6']);
    expect(store.page({ problems: true }, { limit: 10 })).toMatchObject({ total: 1, items: [{ id: '3' }] });
    expect(ids(store.page({ text: 'REQ-E5' }, { limit: 10 }).items)).toEqual(['5']);
    expect(store.stats().problems).toBe(1);
    await store.close();
  });

  it('tells subscribers what was stored, counted as a duplicate, and cleared', async () => {
    const store = createEventStore(dataDir);
    const changes: string[] = [];
    const stop = store.subscribe((change) => changes.push(change.type));
    await store.add([newEvent('a')]);
    await store.add([newEvent('a')]);
    await store.clear();
    stop();
    await store.add([newEvent('b')]);
    expect(changes).toEqual(['stored', 'duplicate', 'cleared']);
    expect(store.list().map((event) => event.eventId)).toEqual(['b']);
    await store.close();
  });
});
