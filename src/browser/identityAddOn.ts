import type { IdentityUrl } from '../core/appendIdentityToUrl';
import type { CoreCollector } from '../core/createCollector';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { ORG_ID } from '../core/patterns';
import { withEcid } from '../core/withEcid';
import { appendIdentityInPage, landingEcid } from './identity/appendIdentityInPage';
import { ADD_ON_EVENT } from './loadAddOn';
import { logToConsole } from './logToConsole';

/**
 * What the identity add-on offers the standalone script. Its first call for a collector makes the
 * collector's events carry the ECID of this page's `adobe_mc` when it is valid for the configured
 * `orgId` (see withEcid); given `[options]`, the `appendIdentityToUrl` command's options, it then
 * runs that command. Before `configure` (no collector) it rejects with `not-configured`.
 */
export type IdentityAddOn = (
  collector: CoreCollector | undefined,
  call?: [unknown],
) => Promise<IdentityUrl | void>;

const linked = new WeakSet<CoreCollector>();

/** Makes the collector's events carry this page's `adobe_mc` ECID, once per collector. */
function link(collector: CoreCollector) {
  if (linked.has(collector)) return;
  linked.add(collector);
  const { config } = collector;
  const { orgId } = config;
  if (typeof orgId === 'string' && ORG_ID.test(orgId))
    config.onBeforeEventSend = withEcid(landingEcid(orgId), config.onBeforeEventSend);
  else if (config.debug)
    // An `adobe_mc` can be trusted only for the configured org: without one it is ignored.
    logToConsole(`orgId ${JSON.stringify(orgId) ?? 'is missing'}: adobe_mc links are not read`);
}

const identity: IdentityAddOn = async (collector, call) => {
  if (!collector)
    throw new EdgeCollectorError(
      'not-configured',
      'call edgeCollector("configure", { datastreamId, orgId }) before "appendIdentityToUrl"',
    );
  link(collector);
  return call && appendIdentityInPage(collector, call[0]);
};

// The entry of `edge-collector.identity.min.js`: loaded by the standalone script at `configure`
// on a page whose URL has `adobe_mc` (the commands wait for it, so the first event carries the
// ECID), and on the first `appendIdentityToUrl` (see createCommandApi).
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'identity', { detail: identity }));
