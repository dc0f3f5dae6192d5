import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createXdmValidator, type XdmValidator } from './createXdmValidator';
import { readXdmFolder } from './readXdmFolder.mjs';
import type { XdmSchemaBundle } from './XdmSchemaBundle';

/** The bundle's file name next to the built emulator (`dist/emulator/`). */
export const XDM_BUNDLE_FILE = 'xdm-schemas.json';

/**
 * Reads Adobe's XDM schemas wherever this code runs: the bundle the build puts next to the
 * emulator (`dist/emulator/xdm-schemas.json`), or, from source, the vendored folder
 * `test/fixtures/xdm/`.
 */
export function readXdmBundle(): XdmSchemaBundle {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, XDM_BUNDLE_FILE);
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as XdmSchemaBundle;
  const vendored = join(here, '..', '..', '..', 'test', 'fixtures', 'xdm');
  if (existsSync(vendored)) return readXdmFolder(vendored);
  throw new Error(`neither ${built} nor ${vendored} exists: run npm run build`);
}

let loaded: { validator?: XdmValidator; error?: string } | undefined;

/**
 * The emulator's one XDM validator, built on first use (converting and compiling the schemas takes
 * a moment, so it is done once per process). When the schemas cannot be read, `error` says why
 * and events are stored without the schema check rather than refused.
 */
export function loadXdmValidator(): { validator?: XdmValidator; error?: string } {
  if (!loaded) {
    try {
      loaded = { validator: createXdmValidator(readXdmBundle()) };
    } catch (error) {
      loaded = { error: `the XDM schema check is off: ${(error as Error).message}` };
    }
  }
  return loaded;
}
