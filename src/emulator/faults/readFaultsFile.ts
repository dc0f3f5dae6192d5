import { readFileSync } from 'node:fs';

/** Reads `--faults <file>`: `{"faults": [{"endpoint", "fault", "times"?, "retryAfter"?, "delayMs"?, "errors"?}]}`. */
export function readFaultsFile(path: string): unknown[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { faults?: unknown };
  if (!Array.isArray(parsed.faults)) throw new Error(`${path} must hold {"faults": [...]}`);
  return parsed.faults;
}
