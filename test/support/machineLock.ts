import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True while a process with this id runs on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock that every process of this machine shares (a directory made atomically in the
 * temporary folder, holding its owner's process id), waiting up to `timeoutMs` for it; a lock
 * whose owner died is taken over. For what tests cannot choose, such as the fixed ports of
 * Adobe's reactor-sandbox, when two `npm test` runs share a machine. Resolves with its release.
 */
export async function machineLock(name: string, timeoutMs: number): Promise<() => void> {
  const dir = join(tmpdir(), `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      // Made but not yet written by its owner: wait as for a live one.
    }
    if (owner && !isAlive(owner)) rmSync(dir, { recursive: true, force: true });
    else if (Date.now() > deadline)
      throw new Error(`${dir} is still held by process ${owner} after ${timeoutMs} ms`);
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
