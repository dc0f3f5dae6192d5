import { fdatasyncSync, ftruncateSync, mkdtempSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFileOps } from '../../../src/emulator/storage/openJsonLinesLog';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';

/** Real file operations, and a disk that can fill up: a write then lands half its bytes and fails as ENOSPC. */
function switchableDisk(): LogFileOps & { full: boolean } {
  const disk = {
    full: false,
    async write(fd: number, bytes: Buffer, offset: number, length: number) {
      if (!disk.full) return writeSync(fd, bytes, offset, length);
      writeSync(fd, bytes, offset, Math.max(1, Math.floor(length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    sync: async (fd: number) => fdatasyncSync(fd),
    truncate: async (fd: number, length: number) => ftruncateSync(fd, length),
  };
  return disk;
}

let emulator: RunningEmulator;
let dataDir: string;
const disk = switchableDisk();
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-disk-full-'));
  emulator = await startEmulator({ dataDir, seedDemo: true, fileOps: disk });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emulator.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('a full disk (issue 23)', () => {
  it('answers 503 with Retry-After on every ingest endpoint, never 500, and loses nothing stored before', async () => {
    const datastreamId = emulator.demo!.datastreamId;
    const { inletId, flowId } = emulator.demo!.xdmInlet;
    const kept = pageViewBody();
    expect((await post(`/ee/v2/interact?datastreamId=${datastreamId}`, kept)).status).toBe(200);
    const storedBefore = readFileSync(join(dataDir, 'events.jsonl'), 'utf8');

    disk.full = true;
    const envelope = { header: { flowId }, body: { xdmEntity: pageViewBody().event.xdm } };
    const consent = { consent: [{ standard: 'Adobe', version: '1.0', value: { general: 'in' } }] };
    const answers = [
      await post(`/ee/v2/interact?datastreamId=${datastreamId}`, pageViewBody()),
      await post(`/ee/v2/collect?datastreamId=${datastreamId}`, pageViewBody()),
      await post(`/ee/v1/interact?configId=${datastreamId}`, { events: [pageViewBody().event] }),
      await post(`/ee/v1/collect?configId=${datastreamId}`, { events: [pageViewBody().event] }),
      await post(`/ee/v1/privacy/set-consent?configId=${datastreamId}`, consent),
      await post(`/collection/${inletId}`, envelope, { 'x-adobe-flow-id': flowId }),
      await post(`/collection/batch/${inletId}`, { messages: [envelope] }, { 'x-adobe-flow-id': flowId }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await answers[0]!.json()).type).toBe('https://ns.adobe.com/aep/errors/EXEG-0000-503');
    expect((await answers[5]!.json()).status).toBe('503'); // the inlet's style: status as a string

    disk.full = false;
    expect(readFileSync(join(dataDir, 'events.jsonl'), 'utf8')).toBe(storedBefore); // no half line left
    const next = pageViewBody();
    expect((await post(`/ee/v2/interact?datastreamId=${datastreamId}`, next)).status).toBe(200);
    const { events } = await (await fetch(`${emulator.origin}/api/events`)).json();
    expect(events.map((event: { eventId: string }) => event.eventId)).toEqual([
      kept.event.xdm._id,
      next.event.xdm._id,
    ]);
    // One line a request, each whole (packRequest): the line of the refused request is not there.
    const lines = readFileSync(join(dataDir, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).events[0].xdm._id)).toEqual([
      kept.event.xdm._id,
      next.event.xdm._id,
    ]);
  });
});
