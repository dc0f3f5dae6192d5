import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The build output folder (`dist/`) holding the standalone script and the inspector's assets,
 * whether this code runs bundled (`dist/emulator/`) or from source under vitest (`src/emulator/site/`).
 */
export function findDistDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..'), join(here, '..', '..', '..', 'dist')];
  return (
    candidates.find((dir) => existsSync(join(dir, 'emulator', 'public', 'index.html'))) ?? candidates[1]!
  );
}
