import { mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonLinesLog, type LogFileOps } from '../../../../src/emulator/storage/openJsonLinesLog';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jsonl-test-'));
  path = join(dir, 'log.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Rec = { n: number };
const isRec = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && typeof (value as Rec).n === 'number';

/** Real file operations whose next write lands only its first half, then fails as a full disk does. */
function diskFullOnce(): LogFileOps & { failures: number; armed: boolean } {
  const ops = {
    failures: 0,
    armed: true,
    async write(fd: number, bytes: Buffer, offset: number, length: number) {
      if (!ops.armed) return writeSync(fd, bytes, offset, length);
      ops.armed = false;
      ops.failures += 1;
      writeSync(fd, bytes, offset, Math.max(1, Math.floor(length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    sync: async () => {},
    truncate: async (fd: number, length: number) => {
      const { ftruncateSync } = await import('node:fs');
      ftruncateSync(fd, length);
    },
  };
  return ops;
}

describe('openJsonLinesLog', () => {
  it('appends records durably and replays them in order on the next open', async () => {
    const first = openJsonLinesLog<Rec>(path);
    expect(first.replay).toEqual({ records: [], tornTail: false, badLines: 0 });
    await Promise.all([first.log.append({ n: 1 }), first.log.append({ n: 2 }, { n: 3 })]);
    await first.log.close();
    const second = openJsonLinesLog<Rec>(path);
    expect(second.replay.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await second.log.close();
  });

  it('drops and cuts off a torn last line, so the next record starts on a fresh line', async () => {
    writeFileSync(path, '{"n":1}\n{"n":2');
    const opened = openJsonLinesLog<Rec>(path);
    expect(opened.replay).toMatchObject({ records: [{ n: 1 }], tornTail: true, badLines: 0 });
    await opened.log.append({ n: 3 });
    await opened.log.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('skips and counts lines that are JSON of the wrong shape, as it does unreadable ones', async () => {
    writeFileSync(
      path,
      ['null', '{"t":"event"}', '{"n":1}', '[1]', '{oops', '"text"', '{"n":2}', ''].join('\n'),
    );
    const opened = openJsonLinesLog<Rec>(path, { accept: isRec });
    expect(opened.replay).toEqual({ records: [{ n: 1 }, { n: 2 }], tornTail: false, badLines: 5 });
    await opened.log.close();
  });

  it('truncate empties the file after the writes queued before it', async () => {
    const { log } = openJsonLinesLog<Rec>(path);
    const writes = [log.append({ n: 1 }), log.truncate(), log.append({ n: 2 })];
    await Promise.all(writes);
    await log.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":2}\n');
  });

  it('cuts a failed write back off the file before rejecting, so the next acknowledged record survives a restart', async () => {
    const file = diskFullOnce();
    file.armed = false;
    const opened = openJsonLinesLog<Rec>(path, { file });
    await opened.log.append({ n: 1 });
    file.armed = true;
    await expect(opened.log.append({ n: 2, padding: 'x'.repeat(100) } as Rec)).rejects.toThrow(/ENOSPC/);
    expect(file.failures).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n');
    await opened.log.append({ n: 3 });
    await opened.log.close();
    const replayed = openJsonLinesLog<Rec>(path, { accept: isRec });
    expect(replayed.replay).toEqual({ records: [{ n: 1 }, { n: 3 }], tornTail: false, badLines: 0 });
    await replayed.log.close();
  });

  it('refuses every later write when even cutting back failed, rather than glue records to half a line', async () => {
    const file = diskFullOnce();
    file.truncate = async () => {
      throw new Error('EIO: i/o error, ftruncate');
    };
    const { log } = openJsonLinesLog<Rec>(path, { file });
    await expect(log.append({ n: 1 })).rejects.toThrow(/ENOSPC/);
    await expect(log.append({ n: 2 })).rejects.toThrow(/could not be cut back/);
    await log.close();
  });
});
