import { readAdobeMc } from '../../core/adobeMc';
import { appendIdentityToUrl, type IdentityUrl } from '../../core/appendIdentityToUrl';
import type { ResolvedConfig } from '../../core/CollectorConfig';
import type { EdgeConfigOverrides } from '../../core/configOverrides';
import type { CoreCollector } from '../../core/createCollector';
import { CONSENT_STATES, type ConsentState } from '../../core/delivery/ConsentState';
import { rememberLocally } from '../delivery/rememberLocally';

/**
 * Reads, at each call, the ECID that this page's URL (its query, `readSearch`) hands over in
 * `adobe_mc` for `orgId` (see readAdobeMc).
 */
export const landingEcid =
  (orgId: string, readSearch = () => location.search) =>
  (): string | undefined =>
    readAdobeMc(readSearch(), orgId, Date.now());

/**
 * The visitor's consent as the delivery keeps it for this datastream (browserDelivery's
 * `edge-collector:{datastreamId}` namespace, `consent`), else the configured default.
 */
export function rememberedConsent(config: ResolvedConfig): ConsentState {
  const remembered = rememberLocally(`edge-collector:${config.datastreamId}`)('consent');
  return CONSENT_STATES.find((state) => state === remembered) ?? config.defaultConsent;
}

/**
 * `appendIdentityToUrl` for a collector in a web page (every face's; on Node, with the configured
 * default consent and no landing ECID): the org ID of its
 * configuration, the consent remembered in this browser, and the ECID of this page's own
 * `adobe_mc`, sent along when an identity request is needed.
 */
export function appendIdentityInPage(
  collector: CoreCollector,
  options: unknown,
  overrides?: EdgeConfigOverrides,
): Promise<IdentityUrl> {
  const { orgId } = collector.config;
  return appendIdentityToUrl(collector, options, {
    orgId,
    consent: () => rememberedConsent(collector.config),
    // On Node (the ES module there) there is no page, so no `adobe_mc` and no stored consent.
    landingEcid:
      typeof orgId === 'string' && typeof location !== 'undefined' ? landingEcid(orgId) : undefined,
    overrides,
  });
}
