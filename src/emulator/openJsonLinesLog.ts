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
import { promisify } from 'node:util';
import { dirname } from 'node:path';

/** What replaying a log found: the records in order, and what had to be skipped. */
export interface LogReplay<T> {
  records: T[];
  /** A last line cut short by a crash; it was never acknowledged, so it is dropped and cut off. */
  tornTail: boolean;
  /** Lines in the middle that did not parse (should not happen; counted, not fatal). */
  badLines: number;
}

/** An append-only JSON Lines file whose writes are on disk (fsync) before their promise resolves. */
export interface JsonLinesLog<T> {
  /** Appends records; resolves once they are flushed to disk. Concurrent calls share one fsync. */
  append(...records: T[]): Promise<void>;
  /** Empties the file (after every write queued before it). */
  truncate(): Promise<void>;
  /** Waits for queued writes, then closes the file. */
  close(): Promise<void>;
}

const writeAsync = (fd: number, bytes: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) =>
    write(fd, bytes, offset, length, null, (error, count) => (error ? reject(error) : resolve(count))),
  );
const truncateAsync = promisify(ftruncate);
// fdatasync: the data and the new file length reach the disk; timestamps need not.
const syncAsync = promisify(fdatasync);

type Job =
  | { kind: 'append'; text: string; done: () => void; fail: (error: Error) => void }
  | { kind: 'truncate'; done: () => void; fail: (error: Error) => void };

/** Reads the records of a log, tolerating a torn last line; returns the byte length of the good part. */
export function replayJsonLines<T>(path: string): LogReplay<T> & { goodBytes: number } {
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
      try {
        records.push(JSON.parse(line) as T);
      } catch {
        badLines += 1;
      }
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
 * be durable before it is acknowledged.
 */
export function openJsonLinesLog<T>(path: string): { log: JsonLinesLog<T>; replay: LogReplay<T> } {
  mkdirSync(dirname(path), { recursive: true });
  const { goodBytes, ...replay } = replayJsonLines<T>(path);
  const fd = openSync(path, 'a+');
  // A torn tail was never acknowledged: cut it so the next record starts on a fresh line.
  if (replay.tornTail) {
    ftruncateSync(fd, goodBytes);
    fsyncSync(fd);
  }
  let queue: Job[] = [];
  let running = false;
  let closed = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle = () => {};

  const runQueue = () => {
    running = true;
    idle = new Promise((resolve) => (markIdle = resolve));
    // setImmediate lets the requests of the current I/O turn join this batch; the write and the
    // fdatasync are asynchronous so requests keep arriving (and queueing for the next batch) meanwhile.
    setImmediate(async () => {
      const jobs = queue;
      queue = [];
      let failure: Error | undefined;
      try {
        let pending = '';
        const flush = async () => {
          if (!pending) return;
          const bytes = Buffer.from(pending, 'utf8');
          pending = '';
          let written = 0;
          while (written < bytes.length)
            written += await writeAsync(fd, bytes, written, bytes.length - written);
        };
        for (const job of jobs) {
          if (job.kind === 'append') pending += job.text;
          else {
            await flush();
            await truncateAsync(fd, 0);
          }
        }
        await flush();
        await syncAsync(fd);
      } catch (error) {
        failure = error as Error;
      }
      for (const job of jobs) {
        if (failure) job.fail(failure);
        else job.done();
      }
      if (queue.length) runQueue();
      else {
        running = false;
        markIdle();
      }
    });
  };

  const enqueue = (job: { kind: 'append'; text: string } | { kind: 'truncate' }) =>
    new Promise<void>((done, fail) => {
      if (closed) {
        fail(new Error(`the log ${path} is closed`));
        return;
      }
      queue.push({ ...job, done, fail } as Job);
      if (!running) runQueue();
    });

  const log: JsonLinesLog<T> = {
    append: (...records) =>
      enqueue({ kind: 'append', text: records.map((record) => `${JSON.stringify(record)}\n`).join('') }),
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
