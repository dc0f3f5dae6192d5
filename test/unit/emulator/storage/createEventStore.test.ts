import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventStore, type NewEvent } from '../../../../src/emulator/storage/createEventStore';
import { LIVE_EVENTS_PER_REQUEST } from '../../../../src/emulator/http/limits';
import { madeEventId } from '../../../../src/emulator/storage/madeEventId';

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

  it("writes one line a request and reads back exactly what it stored: made _ids, an envelope's xdm, own and shared fields", async () => {
    const store = createEventStore(dataDir);
    const base = crypto.randomUUID();
    const headers = { 'user-agent': 'test', referer: 'http://127.0.0.1/' };
    const failed = {
      ok: false,
      findings: [{ severity: 'error' as const, path: 'xdm.timestamp', message: 'required' }],
      plainEmails: [],
      schemaViolations: [],
    };
    const edge = Array.from({ length: 3 }, (_, index) => {
      const xdm = { _id: madeEventId(base, index), eventType: 'web.webpagedetails.pageViews' };
      return newEvent(xdm._id, {
        receivedTimeMs: 1_796_572_795_447, // one request's events share their time
        requestId: 'r1',
        headers,
        xdm,
        madeId: { base, index },
        validation: failed,
      });
    });
    const entity = { _id: 'inlet-1', timestamp: '2026-01-01T00:00:00Z' };
    const inlet = newEvent('inlet-1', {
      source: 'inlet',
      requestId: 'r2',
      xactionId: 'x:1',
      eventType: 'not in its xdm', // written, as it cannot be read from the xdm
      xdm: entity,
      raw: { header: {}, body: { xdmEntity: entity } },
    });
    const stored = [...(await store.add(edge)).stored, ...(await store.add([inlet])).stored];
    await store.close();

    const lines = readFileSync(join(dataDir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      t: 'request',
      firstSeq: 1,
      shared: { requestId: 'r1', headers },
      madeIdBase: base,
    });
    // Made in order, the made ids are read from the line's base and each event's place.
    expect(lines[0].events).toEqual([
      { xdm: { eventType: 'web.webpagedetails.pageViews' } },
      { xdm: { eventType: 'web.webpagedetails.pageViews' } },
      { xdm: { eventType: 'web.webpagedetails.pageViews' } },
    ]);
    expect(lines[0].validations).toEqual([failed]);
    expect(lines[1].events[0]).toMatchObject({ xdmFrom: 'raw.body.xdmEntity', eventType: 'not in its xdm' });
    expect(lines[1].events[0]).not.toHaveProperty('xdm');

    const again = createEventStore(dataDir);
    expect(again.list()).toEqual(stored);
    expect(again.get('inlet-1')!.xdm).toBe(
      (again.get('inlet-1')!.raw as { body: { xdmEntity: unknown } }).body.xdmEntity,
    );
    await again.close();

    // The previous version wrote each made id's index on its event: still read the same.
    lines[0].events.forEach((event: Record<string, unknown>, index: number) => (event.madeId = index));
    writeFileSync(join(dataDir, 'events.jsonl'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const previous = createEventStore(dataDir);
    expect(previous.replay.badLines).toBe(0);
    expect(previous.list()).toEqual(stored);
    await previous.close();
  });

  it('writes the index of a made _id only when it is not the next in order, and never reads one into an xdm that had none made', async () => {
    const store = createEventStore(dataDir);
    const base = crypto.randomUUID();
    const made = (index: number) => {
      const xdm = { _id: madeEventId(base, index), eventType: 'made' };
      return newEvent(xdm._id, { requestId: 'r1', xdm, madeId: { base, index } });
    };
    const sent = newEvent('sent', { requestId: 'r1' });
    const without = newEvent(undefined, { requestId: 'r1', xdm: { eventType: 'no id' } });
    const { stored } = await store.add([made(0), sent, made(5), without, made(6)]);
    await store.close();
    const [line] = readFileSync(join(dataDir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(line.events.map((event: { madeId?: unknown }) => event.madeId)).toEqual([
      undefined,
      undefined,
      5,
      false,
      undefined,
    ]);
    const again = createEventStore(dataDir);
    expect(again.list()).toEqual(stored);
    await again.close();
  });

  it("writes a batch's xactionIds once, as its base, and each record's only when it is not the next; an xdm all share once", async () => {
    const store = createEventStore(dataDir);
    const base = '1796572795447:2:113';
    const record = (xactionId: string) =>
      newEvent(undefined, { source: 'inlet', requestId: base, xactionId, xdm: {} });
    // Record 2 was refused; one id is of another form, one not canonical.
    const ids = [`${base}:0`, `${base}:1`, `${base}:3`, 'other', `${base}:4`, `${base}:05`, `${base}:6`];
    const { stored } = await store.add(ids.map(record));
    const single = (await store.add([record('1796572795447:3:7')])).stored;
    await store.close();
    const lines = readFileSync(join(dataDir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text));
    expect(lines[0].xactionBase).toBe(base);
    expect(lines[0].shared.xdm).toEqual({}); // one xdm for all: written once
    expect(lines[0].events.every((event: object) => !('xdm' in event))).toBe(true);
    expect(lines[0].events.map((event: { xactionId?: string }) => event.xactionId)).toEqual([
      undefined,
      undefined,
      `${base}:3`,
      'other',
      undefined,
      `${base}:05`,
      `${base}:6`, // after an id that names no index, the next is written
    ]);
    expect(lines[1]).not.toHaveProperty('xactionBase');
    const again = createEventStore(dataDir);
    expect(again.list()).toEqual([...stored, ...single]);
    expect(again.list().map((event) => event.xactionId)).toEqual([...ids, '1796572795447:3:7']);
    await again.close();
  });

  it('still reads a log written one line an event (and one a duplicate) by earlier versions, then appends packed lines', async () => {
    const validation = { ok: true, findings: [], plainEmails: [], schemaViolations: [] };
    const old = (seq: number, eventId: string) => ({
      t: 'event',
      event: {
        ...newEvent(eventId),
        id: String(seq),
        seq,
        receivedAt: '2026-12-01T00:00:00.000Z',
        duplicates: 0,
        validation,
      },
    });
    const oldLines = [old(1, 'a'), old(2, 'b'), { t: 'dup', id: '1', requestId: 'req-a', at: 1 }];
    writeFileSync(
      join(dataDir, 'events.jsonl'),
      oldLines.map((line) => `${JSON.stringify(line)}\n`).join(''),
    );
    const store = createEventStore(dataDir);
    expect(store.replay).toEqual({ tornTail: false, badLines: 0 });
    expect(store.list().map((event) => [event.id, event.eventId, event.duplicates])).toEqual([
      ['1', 'a', 1],
      ['2', 'b', 0],
    ]);
    expect((await store.add([newEvent('c'), newEvent('a')])).stored.map((event) => event.id)).toEqual(['3']);
    await store.close();
    const again = createEventStore(dataDir);
    expect(again.stats()).toEqual({ events: 3, duplicates: 2, problems: 0 });
    expect(again.get('a')!.duplicates).toBe(2);
    await again.close();
  });

  it('tells subscribers of a request with many events once, not once an event', async () => {
    const store = createEventStore(dataDir);
    const changes: unknown[] = [];
    store.subscribe((change) => changes.push(change));
    const many = Array.from({ length: LIVE_EVENTS_PER_REQUEST + 1 }, (_, index) => newEvent(`m${index}`));
    await store.add(many);
    await store.add(many);
    expect(changes).toEqual([
      { type: 'batch', stored: LIVE_EVENTS_PER_REQUEST + 1, duplicates: 0 },
      { type: 'batch', stored: 0, duplicates: LIVE_EVENTS_PER_REQUEST + 1 },
    ]);
    await store.close();
  });
});
