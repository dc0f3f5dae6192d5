import { browserDelivery } from './browser/delivery/browserDelivery';
import { attachLinkClicks } from './browser/linkClicks/attachLinkClicks';
import type { LinkClickConfig } from './browser/linkClicks/LinkClickOptions';
import { siteTabs } from './browser/delivery/siteTabs';
import { createStateCookieWriter } from './browser/delivery/writeStateCookies';
import { readPageSnapshot } from './browser/readPageSnapshot';
import { logToConsole } from './browser/logToConsole';
import type { CollectorConfig } from './core/CollectorConfig';
import { resolveConfig } from './core/resolveConfig';
import { createConsentCommand } from './core/consent/createConsentCommand';
import {
  checkConfigOverrides,
  withConfigOverrides,
  withEdgeConfigOverrides,
  type EdgeConfigOverrides,
  type OverridingCollector,
} from './core/configOverrides';
import { createCollector, type Collector } from './core/createCollector';
import { fetchTransport } from './core/Transport';
import { readServerSnapshot } from './node/readServerSnapshot';
import { resolveAuth, SERVER_API_URL, serverApiTransport } from './node/serverApiAuth';

export type { CollectorConfig, EdgeAuth, OnBeforeEventSend, ResolvedConfig } from './core/CollectorConfig';
export type { Collector, EventOptions, PageViewOptions } from './core/createCollector';
export type { EdgeConfigOverrides, OverridesOption, OverridingCollector } from './core/configOverrides';
export type { ExperienceEvent } from './core/buildExperienceEvent';
export type { EdgeHandle, SendResult } from './core/readEdgeAnswer';
export type { IdentityMap } from './core/emailIdentityMap';
export type { ConsentState } from './core/delivery/ConsentState';
export type {
  AdobeConsent1,
  AdobeConsent2,
  ConsentEntry,
  ConsentInput,
  IabTcfConsent,
} from './core/consent/ConsentInput';
export { EdgeCollectorError } from './core/EdgeCollectorError';
export { EMAIL_NAMESPACE, emailIdentityMap } from './core/emailIdentityMap';
export { hashEmail, hashEmailSync } from './core/hashEmail';
export { sha256Hex } from './core/sha256';
export type { SchemaRef, StreamRecordOptions } from './core/streaming/StreamingOptions';
export type { StreamResult } from './core/streaming/readStreamingAnswer';
/** Streams one record to an HTTP API inlet through a collector's queue: `await streamRecord(collector, options)`. */
export { queueStreamRecord as streamRecord } from './core/streaming/queueStreamRecord';
export { prepareStreamRecord } from './core/streaming/streamRecord';
export type { ReportedVital, WebVitalsData } from './browser/vitals/WebVitalsData';
/** Core Web Vitals for a collector in a page: `attachWebVitals(collector)` (tree-shaken when not imported). */
export { attachWebVitals, VITALS_EVENT_TYPE } from './browser/vitals/attachWebVitals';

export type {
  LinkClickConfig,
  LinkClickContent,
  LinkInteraction,
  OnBeforeLinkClickSend,
} from './browser/linkClicks/LinkClickOptions';
export { DEFAULT_DOWNLOAD_QUALIFIER } from './browser/linkClicks/LinkClickOptions';
import { readLinkClickSettings } from './browser/linkClicks/LinkClickOptions';
import { inMemory } from './core/delivery/inMemory';
import { checkOrgId, type IdentityUrl } from './core/appendIdentityToUrl';
import { withEcid } from './core/withEcid';
import { appendIdentityInPage, landingEcid } from './browser/identity/appendIdentityInPage';
export type { IdentityUrl } from './core/appendIdentityToUrl';

/**
 * Options of {@link createEdgeCollector}: the configuration, the link tracking of a page (on by
 * default, as in Adobe's Web SDK), datastream configuration overrides for every event, plus a
 * `fetch` to use instead of the global one.
 */
export interface EdgeCollectorOptions extends CollectorConfig, LinkClickConfig {
  fetch?: typeof fetch;
  /**
   * Datastream configuration overrides sent with every event (Adobe's `edgeConfigOverrides`:
   * `datastreamId`, `com_adobe_experience_platform.datasets.event.datasetId`,
   * `com_adobe_analytics.reportSuites`, …); a send's own `edgeConfigOverrides` wins, product by product.
   */
  edgeConfigOverrides?: EdgeConfigOverrides;
}

/**
 * Creates a collector for bundlers and Node 20. In a browser it reads the page's context and
 * tracks link clicks (unless `clickCollectionEnabled: false`); on a server it sends only what you
 * give it (use `auth` there for the authenticated Server API, sent to `server.adobedc.net` unless
 * `edgeUrl` says otherwise). Its sends take `edgeConfigOverrides`. Throws an `invalid-config` error
 * for a bad configuration (`invalid-options` for bad overrides).
 */
export function createEdgeCollector(options: EdgeCollectorOptions): OverridingCollector {
  const auth = resolveAuth(options?.auth);
  // Authenticated calls go to the Server API's own host unless an edgeUrl is given.
  const config = resolveConfig(
    auth && options.edgeUrl === undefined ? { ...options, edgeUrl: SERVER_API_URL } : options,
  );
  const configured = checkConfigOverrides(options.edgeConfigOverrides, 'createEdgeCollector');
  const inBrowser = typeof document !== 'undefined' && typeof location !== 'undefined';
  if (config.orgId !== undefined) {
    const orgId = checkOrgId(config.orgId);
    // A page opened with a valid `adobe_mc` for this org: its events carry that ECID.
    if (inBrowser) config.onBeforeEventSend = withEcid(landingEcid(orgId), config.onBeforeEventSend);
  }
  const fetched = fetchTransport(options.fetch);
  // Overrides go into each request's body as it leaves (see withConfigOverrides).
  const transport = withConfigOverrides(auth ? serverApiTransport(auth, fetched) : fetched);
  if (inBrowser && !options.fetch && !auth) {
    // Checked before anything starts: a bad link setting throws, as a bad configuration does.
    readLinkClickSettings(options);
    const collector = withEdgeConfigOverrides(
      createCollector(config, {
        createConsentCommand,
        snapshot: readPageSnapshot,
        transport,
        log: logToConsole,
        implementation: 'module',
        ...browserDelivery(config.datastreamId, siteTabs, createStateCookieWriter()),
      }),
      configured,
    );
    attachLinkClicks(collector, options, config.debug ? logToConsole : undefined);
    return collector;
  }
  return withEdgeConfigOverrides(
    createCollector(config, {
      ...inMemory(),
      createConsentCommand,
      snapshot: inBrowser ? readPageSnapshot : readServerSnapshot,
      transport,
      log: logToConsole,
      implementation: inBrowser ? 'module' : 'node',
    }),
    configured,
  );
}

/**
 * Adds the visitor's ECID to a URL as `adobe_mc` (Adobe's format), so that a site of the same
 * organization on another domain keeps the visitor: `await appendIdentityToUrl(collector, { url })`
 * resolves with `{ url }`. Needs `orgId` in the configuration; fetches an ECID when none is known;
 * gives the URL back unchanged (with `warnings`) while consent is not `in` or when no ECID can be had.
 */
export const appendIdentityToUrl = (
  collector: Collector,
  options: { url: string } | string,
): Promise<IdentityUrl> => appendIdentityInPage(collector, options);
