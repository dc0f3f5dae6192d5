import type { ResolvedConfig } from '../core/CollectorConfig';
import { assembleCollector } from '../core/assembleCollector';
import type { CoreCollector, EmailHasher, Platform } from '../core/createCollector';
import { fetchTransport } from '../core/Transport';
import { browserDelivery } from './delivery/browserDelivery';
import type { TabsFactory } from './delivery/siteTabs';
import type { StateWriter } from './delivery/writeStateCookies';
import { readPageSnapshot } from './readPageSnapshot';

/**
 * Wires the core to a web page for the standalone script: page context, `fetch`, console logs, and
 * the persistent delivery (queue across page loads, cross-tab locks, page-hide flush, consent,
 * state cookies). `createConsentCommand`, `tabs` (siteTabs.ts) and `writeState`
 * (writeStateCookies.ts) are loaders of its add-ons, and `hashEmail` its WebCrypto hasher (see
 * Platform.hashEmail). The ES module and Tags build theirs with `createCollector` and the same
 * `browserDelivery`, so that delivery rules apply to every face alike, with their transport
 * wrapped for datastream overrides (a parameter here would cost this script bytes).
 */
export function createBrowserCollector(
  config: ResolvedConfig,
  implementation: string,
  log: (message: string, detail?: unknown) => void,
  createConsentCommand: Platform['createConsentCommand'],
  tabs: TabsFactory,
  writeState: StateWriter,
  hashEmail: EmailHasher,
): CoreCollector {
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
