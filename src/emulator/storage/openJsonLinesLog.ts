import {
  closeSync,
  fdatasync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  write,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { StorageUnavailableError } from './StorageUnavailableError';

/** What replaying a log found: the records in order, and what had to be skipped. */
export interface LogReplay<T> {
  records: T[];
  /** A last line cut short by a crash; it was never acknowledged, so it is dropped and cut off. */
  tornTail: boolean;
  /** Lines that did not parse or had the wrong shape (should not happen; skipped and counted, not fatal). */
  badLines: number;
}

/** An append-only JSON Lines file whose writes are on disk (fsync) before their promise resolves. */
export interface JsonLinesLog<T> {
  /** Appends records; resolves once they are flushed to disk. Concurrent calls share one fsync. */
  append(...records: T[]): Promise<void>;
  /** Empties the file (after every write queued before it). */
  truncate(): Promise<void>;
  /**
   * Replaces the file with `records` (after every write queued before it): written to a new file,
   * synced, then renamed over the log, so a crash leaves the old file or the new one, never half.
   */
  rewrite(records: T[]): Promise<void>;
  /** Waits for queued writes, then closes the file. */
  close(): Promise<void>;
}

/** The file operations a log uses: node:fs by default; tests pass failing ones. */
export interface LogFileOps {
  write(fd: number, bytes: Buffer, offset: number, length: number): Promise<number>;
  /** Flushes data and length to the disk (fdatasync). */
  sync(fd: number): Promise<void>;
  truncate(fd: number, length: number): Promise<void>;
}

/** How to open a log. */
export interface JsonLinesLogOptions<T> {
  /** Checks the shape of each replayed record; lines that are JSON of another shape are skipped and counted. */
  accept?: (value: unknown) => value is T;
  /** The file operations; node:fs unless a test injects others. */
  file?: LogFileOps;
}

const nodeFileOps: LogFileOps = {
  write: (fd, bytes, offset, length) =>
    new Promise<number>((resolve, reject) =>
      write(fd, bytes, offset, length, null, (error, count) => (error ? reject(error) : resolve(count))),
    ),
  // fdatasync: the data and the new file length reach the disk; timestamps need not.
  sync: promisify(fdatasync),
  truncate: promisify(ftruncate),
};

type Job = ({ kind: 'append'; text: string } | { kind: 'truncate' } | { kind: 'rewrite'; text: string }) & {
  done: () => void;
  fail: (error: Error) => void;
};

/** Writes `text` to `path` whole and synced (a new file; the caller renames it into place). */
async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Reads the records of a log, tolerating a torn last line and skipping (counting) lines that do
 * not parse or fail `accept`; returns the byte length of the good part.
 */
export function replayJsonLines<T>(
  path: string,
  accept: (value: unknown) => value is T = (_value): _value is T => true,
): LogReplay<T> & { goodBytes: number } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { records: [], tornTail: false, badLines: 0, goodBytes: 0 };
    throw error;
  }
  const records: T[] = [];
  let badLines = 0;
  let start = 0;
  let goodBytes = 0;
  while (start < buffer.length) {
    const end = buffer.indexOf(0x0a, start);
    if (end === -1) break; // no newline: the write never completed
    const line = buffer.toString('utf8', start, end);
    if (line.trim()) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      if (value !== undefined && accept(value)) records.push(value);
      else badLines += 1;
    }
    start = end + 1;
    goodBytes = start;
  }
  return { records, tornTail: goodBytes < buffer.length, badLines, goodBytes };
}

/**
 * Opens (creating if needed) a JSON Lines log and replays it. Writes are serialized through one
 * queue; everything queued while a write+fsync is in flight goes out in the next single write, so
 * many concurrent requests cost one fsync (group commit) and each still waits for its own bytes to
 * be durable before it is acknowledged. A failed write (disk full) is cut back off the file before
 * its callers hear of it, so the next record never lands glued to half a line.
 */
export function openJsonLinesLog<T>(
  path: string,
  options: JsonLinesLogOptions<T> = {},
): { log: JsonLinesLog<T>; replay: LogReplay<T> } {
  const file = options.file ?? nodeFileOps;
  mkdirSync(dirname(path), { recursive: true });
  const { goodBytes, ...replay } = replayJsonLines<T>(path, options.accept);
  let fd = openSync(path, 'a+');
  // A torn tail was never acknowledged: cut it so the next record starts on a fresh line.
  if (replay.tornTail) {
    ftruncateSync(fd, goodBytes);
    fsyncSync(fd);
  }
  // The length of what has been written and synced: a failed write is cut back to it.
  let goodLength = goodBytes;
  // Set when even cutting back failed: the file's end is unknown, so nothing more is written.
  let broken: Error | undefined;
  let queue: Job[] = [];
  let running = false;
  let closed = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle = () => {};

  const cutBack = async (length: number) => {
    try {
      await file.truncate(fd, length);
      await file.sync(fd);
      goodLength = length;
    } catch (error) {
      broken = new Error(
        `the log ${path} could not be cut back after a failed write (${(error as Error).message}); restart the emulator`,
      );
    }
  };

  const runQueue = () => {
    running = true;
    idle = new Promise((resolve) => (markIdle = resolve));
    // setImmediate lets the requests of the current I/O turn join this batch; the write and the
    // fdatasync are asynchronous so requests keep arriving (and queueing for the next batch) meanwhile.
    setImmediate(async () => {
      const jobs = queue;
      queue = [];
      let failure: Error | undefined;
      let length = goodLength;
      let safeLength = goodLength;
      try {
        if (broken) throw broken;
        let pending = '';
        const flush = async () => {
          if (!pending) return;
          const bytes = Buffer.from(pending, 'utf8');
          pending = '';
          let written = 0;
          while (written < bytes.length) {
            const count = await file.write(fd, bytes, written, bytes.length - written);
            written += count;
            length += count;
          }
        };
        for (const job of jobs) {
          if (job.kind === 'append') pending += job.text;
          else if (job.kind === 'truncate') {
            await flush();
            await file.truncate(fd, 0);
            length = safeLength = 0;
          } else {
            await flush();
            await file.sync(fd);
            safeLength = length;
            await writeSynced(`${path}.rewrite`, job.text);
            await rename(`${path}.rewrite`, path);
            closeSync(fd);
            fd = openSync(path, 'a+');
            length = safeLength = Buffer.byteLength(job.text);
          }
        }
        await flush();
        await file.sync(fd);
        goodLength = length;
      } catch (error) {
        failure = error as Error;
        if (!broken) await cutBack(safeLength);
      }
      for (const job of jobs) {
        if (failure) job.fail(new StorageUnavailableError(failure));
        else job.done();
      }
      if (queue.length) runQueue();
      else {
        running = false;
        markIdle();
      }
    });
  };

  const enqueue = (job: { kind: 'append' | 'rewrite'; text: string } | { kind: 'truncate' }) =>
    new Promise<void>((done, fail) => {
      if (closed) {
        fail(new Error(`the log ${path} is closed`));
        return;
      }
      queue.push({ ...job, done, fail } as Job);
      if (!running) runQueue();
    });

  const linesOf = (records: T[]) => records.map((record) => `${JSON.stringify(record)}\n`).join('');
  const log: JsonLinesLog<T> = {
    append: (...records) => enqueue({ kind: 'append', text: linesOf(records) }),
    rewrite: (records) => enqueue({ kind: 'rewrite', text: linesOf(records) }),
    truncate: () => enqueue({ kind: 'truncate' }),
    async close() {
      if (closed) return;
      closed = true;
      await idle;
      closeSync(fd);
    },
  };
  return { log, replay };
}
