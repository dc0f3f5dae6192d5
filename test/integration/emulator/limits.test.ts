import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/startEmulator';
import { openSocket } from '../../support/rawHttp';

const DATASTREAM = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const datastreams = [{ id: DATASTREAM }];
const pageView = (id: string, padding = '') =>
  JSON.stringify({
    event: {
      xdm: { _id: id, eventType: 'web.webpagedetails.pageViews', timestamp: new Date().toISOString() },
      data: { padding },
    },
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const post = (origin: string, body: string) =>
  fetch(`${origin}/ee/v2/interact?dataStreamId=${DATASTREAM}`, { method: 'POST', body });

describe('B7: slow and too many clients', () => {
  it('closes a connection that sends nothing within the request timeout, without listing a refusal', async () => {
    const emulator = await startEmulator({
      port: 0,
      datastreams,
      limits: { requestTimeoutMs: 300, headersTimeoutMs: 300 },
    });
    try {
      // As a browser's preconnect: opened, then idle. It requested nothing, so nothing was refused.
      const idle = openSocket(emulator.port, '');
      expect(await idle.closed).toBe('');
      const { rejections } = await (await fetch(`${emulator.origin}/api/rejections`)).json();
      expect(rejections).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it('answers a dripping body with a 408 problem after the request timeout, and caps connections', async () => {
    const emulator = await startEmulator({
      port: 0,
      datastreams,
      limits: { requestTimeoutMs: 600, headersTimeoutMs: 400, idleTimeoutMs: 1_000, maxConnections: 12 },
    });
    try {
      const head = `POST /ee/v2/interact?dataStreamId=${DATASTREAM} HTTP/1.1\r\nHost: 127.0.0.1:${emulator.port}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n{"event":`;
      const drip = openSocket(emulator.port, head);
      const answer = await drip.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/application\/problem\+json/);

      // Twenty connections that send half a request line and stop: the cap closes the ones past it,
      // the timeouts close the rest, and the service answers again.
      const held = Array.from({ length: 20 }, () => openSocket(emulator.port, 'POST /ee/v2/inter'));
      const closedAt = held.map(({ closed }) => closed.then(() => Date.now()));
      const start = Date.now();
      await sleep(200);
      const early = (
        await Promise.all(closedAt.map((at) => Promise.race([at, sleep(0).then(() => 0)])))
      ).filter(Boolean);
      expect(early.length).toBeGreaterThanOrEqual(8);
      const times = await Promise.all(closedAt);
      expect(Math.max(...times) - start).toBeLessThan(10_000);
      const status = await (await fetch(`${emulator.origin}/api/status`)).json();
      expect(status.events).toBe(0);
      const { rejections } = await (await fetch(`${emulator.origin}/api/rejections`)).json();
      const statuses = rejections.map((item: { status: number }) => item.status);
      expect(statuses).toContain(408);
      expect(statuses).toContain(503);
    } finally {
      await emulator.close();
    }
  });
});

describe('B8: a live-stream client that stops reading', () => {
  it('is dropped once its buffer passes the limit, and the server keeps serving', async () => {
    const emulator = await startEmulator({ port: 0, datastreams, limits: { streamBufferBytes: 256 * 1024 } });
    try {
      const socket = connect(emulator.port, '127.0.0.1');
      socket.write(`GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:${emulator.port}\r\n\r\n`);
      let closed = false;
      socket.on('close', () => (closed = true));
      socket.on('error', () => {});
      await sleep(100);
      socket.pause(); // stops reading: the kernel buffers fill, then the server's
      const padding = 'x'.repeat(60_000);
      let sent = 0;
      while (sent < 2_000) {
        const batch = Array.from({ length: 10 }, () =>
          post(emulator.origin, pageView(crypto.randomUUID(), padding)),
        );
        await Promise.all(batch);
        sent += batch.length;
        const status = await (await fetch(`${emulator.origin}/api/status`)).json();
        if (status.streams === 0) break;
      }
      const status = await (await fetch(`${emulator.origin}/api/status`)).json();
      expect(status.streams).toBe(0);
      expect(status.events).toBe(sent);
      socket.resume();
      await sleep(100);
      expect(closed).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});

describe('B10: a full disk', () => {
  const canMount = (() => {
    if (process.getuid?.() !== 0) return false;
    const probe = mkdtempSync(join(tmpdir(), 'tinyfs-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  })();

  it.skipIf(!canMount)(
    'on a tiny filesystem: a failed write is cut back, and every acknowledged event survives a restart',
    async () => {
      const mountPoint = mkdtempSync(join(tmpdir(), 'tinyfs-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]);
      try {
        const filler = join(mountPoint, 'filler');
        writeFileSync(filler, Buffer.alloc(16 * 1024));
        const dataDir = join(mountPoint, 'data');
        mkdirSync(dataDir);
        const first = await startEmulator({ port: 0, dataDir, datastreams });
        const acknowledged: string[] = [];
        let refused = 0;
        for (let index = 0; index < 40 && !refused; index += 1) {
          const id = crypto.randomUUID();
          const response = await post(first.origin, pageView(id, 'p'.repeat(3000)));
          if (response.status === 200) acknowledged.push(id);
          else {
            refused += 1;
            expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
          }
        }
        expect(refused).toBe(1);
        rmSync(filler); // room again: the next event is acknowledged and must not be glued to a torn line
        const after = crypto.randomUUID();
        expect((await post(first.origin, pageView(after))).status).toBe(200);
        acknowledged.push(after);
        await first.close();
        const lines = readFileSync(join(dataDir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

        const logs: string[] = [];
        const second = await startEmulator({ port: 0, dataDir, log: (line) => logs.push(line) });
        const { events } = await (await fetch(`${second.origin}/api/events`)).json();
        expect(events.map((event: { eventId: string }) => event.eventId)).toEqual(acknowledged);
        expect(logs.join('\n')).not.toMatch(/skipped|cut short/);
        await second.close();
      } finally {
        execFileSync('umount', [mountPoint]);
        rmSync(mountPoint, { recursive: true, force: true });
      }
    },
  );
});

describe('B11: log lines of the wrong shape', () => {
  it('starts anyway, skips and reports them, torn catalog lines included, and numbers new events on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-shapes-'));
    try {
      const first = await startEmulator({ port: 0, dataDir, datastreams });
      await post(first.origin, pageView('kept-1'));
      await first.close();
      const good = readFileSync(join(dataDir, 'events.jsonl'), 'utf8');
      writeFileSync(join(dataDir, 'events.jsonl'), `null\n{"t":"event"}\n${good}{"t":"event","event":{}}\n`);
      const catalog = readFileSync(join(dataDir, 'catalog.jsonl'), 'utf8');
      writeFileSync(join(dataDir, 'catalog.jsonl'), `${catalog}{"kind":"datastream","value":{"id":"x"`);

      const logs: string[] = [];
      const second = await startEmulator({ port: 0, dataDir, log: (line) => logs.push(line) });
      try {
        expect(logs).toContain('3 unreadable or malformed line(s) in events.jsonl were skipped');
        expect(logs).toContain(
          'the last line of catalog.jsonl was cut short before it was answered; it was dropped',
        );
        await post(second.origin, pageView('new-1'));
        const { events } = await (await fetch(`${second.origin}/api/events`)).json();
        expect(events.map((event: { id: string; eventId: string }) => [event.id, event.eventId])).toEqual([
          ['1', 'kept-1'],
          ['2', 'new-1'],
        ]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
