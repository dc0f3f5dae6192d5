import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/startEmulator';
import { pageViewBody } from '../../support/pageViewBody';

const CLI = join(process.cwd(), 'dist', 'emulator', 'cli.js');
const children: ChildProcess[] = [];
const dirs: string[] = [];

/** Starts `node dist/emulator/cli.js` on a free port and resolves with its origin, read from what it prints. */
function startCli(dataDir: string): Promise<{ child: ChildProcess; origin: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', dataDir, '--seed-demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (origin && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, origin, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}):\n${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve),
  );
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-restart-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('dist/emulator/cli.js is missing: run "npx rollup -c" (npm test builds first)');
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('nothing accepted is lost when the emulator is killed', () => {
  it('finds every answered event (Edge and inlet) and the Flow Service setup after SIGKILL and a restart', async () => {
    const dataDir = newDir();
    const first = await startCli(dataDir);
    const status = await (await fetch(`${first.origin}/api/status`)).json();
    expect(status.events).toBe(0);
    const { items } = await (await fetch(`${first.origin}/api/datastreams`)).json();
    const datastreamId = items[0].id as string;
    const ids = Array.from({ length: 40 }, (_, index) => `restart-${index}-${crypto.randomUUID()}`);
    // Concurrent requests, so several share one write: each answer still waits for its own fsync.
    const answers = await Promise.all(
      ids.map((id) =>
        fetch(`${first.origin}/ee/v2/interact?dataStreamId=${datastreamId}&requestId=${id}`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify(pageViewBody(id)),
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(ids.map(() => 200));
    const inlet = /Raw inlet\s+(\S+)\s+\(x-adobe-flow-id: ([\w-]+)/.exec(first.output())!;
    const inletAnswer = await fetch(inlet[1]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-adobe-flow-id': inlet[2]! },
      body: JSON.stringify({ firstName: 'Ada', city: 'London' }),
    });
    expect(inletAnswer.status).toBe(200);
    const { xactionId } = await inletAnswer.json();
    const connection = await (
      await fetch(`${first.origin}/data/foundation/flowservice/connections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'kept',
          connectionSpec: { id: 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb', version: '1.0' },
          auth: { params: { dataType: 'xdm' } },
        }),
      })
    ).json();

    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startCli(dataDir);
    const { events } = await (await fetch(`${second.origin}/api/events`)).json();
    const stored = new Set(events.map((event: { eventId: string }) => event.eventId));
    for (const id of ids) expect(stored.has(id), id).toBe(true);
    expect(events.find((event: { xactionId?: string }) => event.xactionId === xactionId).xdm).toEqual({
      person: { name: { firstName: 'Ada' } },
      homeAddress: { city: 'London' },
    });
    expect(
      (await fetch(`${second.origin}/data/foundation/flowservice/connections/${connection.id}`)).status,
    ).toBe(200);
    // The same demo ids come back, so the printed ids stay valid.
    expect(second.output()).toContain(datastreamId);

    second.child.kill('SIGTERM');
    expect(await new Promise((resolve) => second.child.once('exit', (code) => resolve(code)))).toBe(0);
  });

  it('drops a torn last line (a write cut by a crash, never answered) and keeps the rest', async () => {
    const dataDir = newDir();
    const first = await startEmulator({ port: 0, dataDir, devMode: true });
    const send = (origin: string, id: string) =>
      fetch(`${origin}/ee/v2/interact?dataStreamId=2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: { xdm: { _id: id } } }),
      });
    expect((await send(first.origin, 'kept-1')).status).toBe(200);
    await first.close();
    appendFileSync(join(dataDir, 'events.jsonl'), '{"t":"event","event":{"id":"99","eventId":"to');
    const logs: string[] = [];
    const second = await startEmulator({ port: 0, dataDir, log: (line) => logs.push(line) });
    try {
      expect(logs.some((line) => line.includes('cut short'))).toBe(true);
      const ids = (await (await fetch(`${second.origin}/api/events`)).json()).events.map(
        (event: { eventId: string }) => event.eventId,
      );
      expect(ids).toEqual(['kept-1']);
      // The datastream made on the fly in development mode was kept too: no --dev needed now.
      expect((await send(second.origin, 'kept-2')).status).toBe(200);
    } finally {
      await second.close();
    }
    expect(readFileSync(join(dataDir, 'events.jsonl'), 'utf8').endsWith('\n')).toBe(true);
  });
});
