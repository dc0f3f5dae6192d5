// Plain JavaScript, so that the build (build/emulator.mjs) and the emulator share it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Reads a folder of vendored adobe/xdm files (`test/fixtures/xdm/`): every `*.schema.json`, keyed
 * by its path in adobe/xdm, and the commit named in its `VERSION.json`.
 */
export function readXdmFolder(folder) {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.schema.json'))
        files[relative(folder, path).split(sep).join('/')] = JSON.parse(readFileSync(path, 'utf8'));
    }
  };
  walk(folder);
  const { commit } = JSON.parse(readFileSync(join(folder, 'VERSION.json'), 'utf8'));
  return { commit, files };
}
