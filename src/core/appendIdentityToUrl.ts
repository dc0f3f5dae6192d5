import { appendAdobeMc } from './adobeMc';
import type { ResolvedConfig } from './CollectorConfig';
import { overrideMetaOf, type EdgeConfigOverrides, type OverriddenRequest } from './configOverrides';
import type { CoreCollector } from './createCollector';
import { createUuid } from './createUuid';
import { isPlainObject } from './deepMerge';
import type { ConsentState } from './delivery/ConsentState';
import { EdgeCollectorError } from './EdgeCollectorError';
import { noop } from './noop';
import { FETCH_ECID } from './InteractRequest';
import { ORG_ID } from './patterns';

/** What `appendIdentityToUrl` resolves with, as Adobe's Web SDK: the URL, with `adobe_mc` when an ECID could be given. */
export interface IdentityUrl {
  url: string;
  /** Why the URL was left as it was (consent not in, no ECID to be had). */
  warnings?: string[];
}

/** What {@link appendIdentityToUrl} needs besides the collector; the faces fill it in. */
export interface IdentityLinkContext {
  /** The organization the ECID belongs to (the `MCORGID` of the link). */
  orgId: unknown;
  /** The visitor's consent now: only `in` lets the ECID leave in a URL. */
  consent(): ConsentState;
  /** The ECID this page was opened with (its `adobe_mc`), sent with an identity request. */
  landingEcid?(): string | undefined;
  /** Datastream overrides for the identity request (Tags' *Redirect with identity*). */
  overrides?: EdgeConfigOverrides;
  /** How long to wait for an identity request, in ms, before the URL is given back as it was. Default 3000. */
  acquireTimeoutMs?: number;
}

/** Reads the command's options: `{ url }` as Adobe's Web SDK takes them, or the URL alone. */
function readUrl(options: unknown): string {
  const url = isPlainObject(options) ? options.url : options;
  if (typeof url !== 'string' || !url.trim())
    throw new EdgeCollectorError('invalid-options', 'appendIdentityToUrl takes { url: "https://…" }');
  return url.trim();
}

/** Checks the configured org ID (an `adobe_mc` link names it): throws an `invalid-config` error saying what it must be. */
export function checkOrgId(orgId: unknown): string {
  if (typeof orgId !== 'string' || !ORG_ID.test(orgId))
    throw new EdgeCollectorError(
      'invalid-config',
      `orgId must be the IMS organization ID (24 hexadecimal digits then @AdobeOrg, as Data Collection shows it), not ${JSON.stringify(orgId) ?? 'nothing'}`,
    );
  return orgId;
}

/**
 * `POST /ee/v1/identity/acquire`, which asks the Edge Network for the visitor's ECID (sent as
 * the interact handler sends events: with `meta.state` and the location hint at each attempt),
 * with the ECID the page was opened with in its identity map, as Adobe's Web SDK sends it.
 */
export function buildAcquireRequest(
  config: ResolvedConfig,
  landingEcid: string | undefined,
  overrides: EdgeConfigOverrides = {},
): OverriddenRequest {
  const requestId = createUuid();
  const configId = encodeURIComponent(overrides.datastreamId ?? config.datastreamId);
  const xdm = landingEcid && {
    identityMap: { ECID: [{ id: landingEcid, authenticatedState: 'ambiguous' }] },
  };
  const request: OverriddenRequest = {
    requestId,
    eventId: '',
    url: `${config.edgeUrl}/${config.edgeBasePath}/v1/identity/acquire?configId=${configId}&requestId=${requestId}`,
    headers: {},
    body: JSON.stringify({ query: FETCH_ECID, ...(xdm && { xdm }) }),
  };
  const meta = overrideMetaOf(config, overrides);
  if (meta) request.overrideMeta = meta;
  return request;
}

/** Resolves after `ms` with nothing (the identity request then goes on, unawaited). */
const pause = (ms: number) => new Promise<void>((wake) => setTimeout(wake, ms));

/**
 * Adds the visitor's identity to `url` as Adobe's Web SDK does (`adobe_mc`, see adobeMc.ts), so
 * that a site of the same organization on another domain keeps the visitor. As Adobe's Web SDK:
 * only while consent is `in` (otherwise the URL comes back as it was, at once: it does not wait
 * for a decision); the ECID is the one the Edge Network gave, or, when none is known yet, one
 * fetched with an identity request; a failure gives the URL back as it was, with a warning,
 * never an error. Rejects only for a bad URL option or a missing or malformed org ID.
 */
export async function appendIdentityToUrl(
  collector: CoreCollector,
  options: unknown,
  context: IdentityLinkContext,
): Promise<IdentityUrl> {
  const url = readUrl(options);
  const orgId = checkOrgId(context.orgId);
  const unchanged = (warning: string): IdentityUrl => ({ url, warnings: [warning] });
  if (context.consent() !== 'in')
    return unchanged('consent is not in: the URL is given without the identity');
  let { ECID: ecid } = await collector.getIdentity();
  if (!ecid) {
    const request = buildAcquireRequest(collector.config, context.landingEcid?.(), context.overrides);
    const acquired = collector.deliver(request, []);
    await Promise.race([acquired.catch(noop), pause(context.acquireTimeoutMs ?? 3000)]);
    ({ ECID: ecid } = await collector.getIdentity());
  }
  if (!ecid) return unchanged('the Edge Network gave no ECID: the URL is given without the identity');
  return { url: appendAdobeMc(url, ecid, orgId, Date.now()) };
}
