import type { ResolvedConfig } from '../core/CollectorConfig';
import { assembleCollector } from '../core/assembleCollector';
import type { Collector, EmailHasher, Platform } from '../core/createCollector';
import { fetchTransport } from '../core/Transport';
import { browserDelivery } from './delivery/browserDelivery';
import type { OwnershipFactory } from './delivery/createOwnership';
import type { StateWriter } from './delivery/writeStateCookies';
import { readPageSnapshot } from './readPageSnapshot';

/**
 * Wires the core to a web page: page context, `fetch`, console logs, and the persistent delivery
 * (queue across page loads, cross-tab locks, page-hide flush, consent, state cookies). Every browser face (the
 * standalone script, the ES module in a page, the Tags extension) creates its collector here, so
 * that delivery rules apply to all of them alike. `createConsentCommand` makes the `setConsent`
 * that posts consent to the Edge Network (see Platform), `tabs` the cross-tab ownership
 * (tabOwnership.ts) and `writeState` the state cookies (writeStateCookies.ts); the standalone
 * script passes loaders of its add-ons, and its WebCrypto hasher as `hashEmail` (the others pass
 * hashEmailSync: see Platform.hashEmail).
 */
export function createBrowserCollector(
  config: ResolvedConfig,
  implementation: string,
  log: (message: string, detail?: unknown) => void,
  createConsentCommand: Platform['createConsentCommand'],
  tabs: OwnershipFactory,
  writeState: StateWriter,
  hashEmail: EmailHasher,
): Collector {
  return assembleCollector(config, {
    createConsentCommand,
    hashEmail,
    snapshot: readPageSnapshot,
    transport: fetchTransport(),
    log,
    implementation,
    ...browserDelivery(config.datastreamId, tabs, writeState),
  });
}
