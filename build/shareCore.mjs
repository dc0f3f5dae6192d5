// Add-ons share the core script's modules instead of carrying copies (see src/browser/lendToAddOns.ts).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The core's exports an add-on takes from the core script, in the order of `lendToAddOns` (a unit
 * test holds the two lists together). An add-on that imports anything else from one of these
 * modules fails to build, so that no half copy ships.
 */
export const SHARED_CORE = [
  ['src/core/redactEmails.ts', 'redactEmails'],
  ['src/core/redactEmails.ts', 'containsEmail'],
  ['src/core/deepMerge.ts', 'isPlainObject'],
  ['src/core/deepMerge.ts', 'deepMerge'],
  ['src/core/EdgeCollectorError.ts', 'EdgeCollectorError'],
  ['src/core/createUuid.ts', 'createUuid'],
  ['src/core/parseJson.ts', 'parseJson'],
  ['src/core/hashEmail.ts', 'hashEmail'],
  ['src/browser/logToConsole.ts', 'logToConsole'],
  ['src/core/delivery/ConsentState.ts', 'parseConsent'],
  ['src/core/delivery/ConsentState.ts', 'CONSENT_STATES'],
  ['src/core/CollectorConfig.ts', 'checkEssentials'],
  ['src/core/CollectorConfig.ts', 'DEFAULT_EDGE_BASE_PATH'],
  ['src/core/CollectorConfig.ts', 'DEFAULT_EDGE_URL'],
  ['src/browser/delivery/rememberLocally.ts', 'rememberLocally'],
];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KIT = '\0edge-collector-core';
const SHARED = '\0edge-collector-core:';

/** A rollup plugin for the add-ons: each shared module becomes reads of the core's loan. */
export function shareCore() {
  const exportsByModule = new Map();
  SHARED_CORE.forEach(([file, name], index) => {
    const id = resolve(ROOT, file);
    exportsByModule.set(id, [...(exportsByModule.get(id) ?? []), [name, index]]);
  });
  return {
    name: 'share-core',
    async resolveId(source, importer, options) {
      if (source === KIT) return KIT;
      if (!importer || importer.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && exportsByModule.has(resolved.id) ? SHARED + resolved.id : null;
    },
    load(id) {
      // Reads only: what an add-on does not use is left out of it.
      if (id === KIT)
        return { code: 'export default document.currentScript.core;', moduleSideEffects: false };
      if (!id.startsWith(SHARED)) return null;
      const lines = exportsByModule
        .get(id.slice(SHARED.length))
        .map(([name, index]) => `export const ${name} = core[${index}];`);
      return {
        code: [`import core from ${JSON.stringify(KIT)};`, ...lines].join('\n'),
        moduleSideEffects: false,
      };
    },
  };
}
