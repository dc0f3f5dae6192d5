import type { ExperienceEvent } from './buildExperienceEvent';
import { CONSENT_STATES, type ConsentState } from './delivery/ConsentState';
import { DATASTREAM_ID } from './patterns';

/** Credentials for the authenticated (server-side) mode of the Edge Network Server API. */
export interface EdgeAuth {
  /** Sent as `Authorization: Bearer …`. */
  accessToken: string;
  /** Sent as `x-api-key`. */
  apiKey: string;
  /** Sent as `x-gw-ims-org-id`. */
  orgId: string;
}

/** The settings a collector is configured with. */
export interface CollectorConfig {
  /** The datastream the events go to. */
  datastreamId: string;
  /** Default `https://edge.adobedc.net`. */
  edgeUrl?: string;
  /** Default `ee`. */
  edgeBasePath?: string;
  /** Logs every request and answer (identities hashed). */
  debug?: boolean;
  /**
   * Server-side only (the ES module's `createEdgeCollector` on Node): switches to the authenticated
   * Server API. Never give this to a browser; the standalone script and Tags ignore it.
   */
  auth?: EdgeAuth;
  /** Consent until the visitor chooses (a choice made with `setConsent` persists and wins). Default `in`. */
  defaultConsent?: ConsentState;
  /** Attempts per event and page load before it waits for the next load. Default 5. */
  maxAttempts?: number;
  /** The first retry's backoff ceiling in ms; it doubles with each attempt. Default 500. */
  retryDelay?: number;
  /** The largest backoff ceiling in ms. Default 30000. */
  maxRetryDelay?: number;
  /** Most events kept in the queue; the oldest go first. Default 100. */
  maxQueueSize?: number;
  /** Most characters of request bodies kept in the queue. Default 524288 (512 KiB). */
  maxQueueBytes?: number;
  /** Sees each event just before it is queued: it may change it, or return `false` to cancel it. */
  onBeforeEventSend?: OnBeforeEventSend;
  /**
   * The IMS organization ID (`…@AdobeOrg`): the org of the ECIDs that `appendIdentityToUrl` puts
   * in links and that a page opened with `adobe_mc` takes (see src/core/adobeMc.ts). Checked
   * where it is used, not here: the standalone script's core has no bytes for the check.
   */
  orgId?: string;
}

/**
 * A last look at an event before it is queued (Adobe's Web SDK calls it the same). It may change
 * `content.xdm` and `content.data` in place, or return `false` to cancel the event. If it throws,
 * the error is logged and the event goes as it was built. Plain addresses are still replaced after it.
 */
export type OnBeforeEventSend = (content: ExperienceEvent) => unknown;

/**
 * The defaults of the settings that {@link checkEssentials} leaves to `resolveConfig`
 * (resolveConfig.ts): the Edge Network's path prefix and the delivery settings (see
 * {@link CollectorConfig} for each).
 */
const OTHER_DEFAULTS = {
  edgeBasePath: 'ee',
  maxAttempts: 5,
  retryDelay: 500,
  maxRetryDelay: 30_000,
  maxQueueSize: 100,
  maxQueueBytes: 524_288,
};

/** A configuration with every default filled in and every value checked. */
export interface ResolvedConfig {
  datastreamId: string;
  edgeUrl: string;
  edgeBasePath: string;
  debug: boolean;
  defaultConsent: ConsentState;
  maxAttempts: number;
  retryDelay: number;
  maxRetryDelay: number;
  maxQueueSize: number;
  maxQueueBytes: number;
  onBeforeEventSend?: OnBeforeEventSend;
  /** As given: checked where it is used (see {@link CollectorConfig.orgId}). */
  orgId?: unknown;
}

/** The Edge Network's public collection host. */
export const DEFAULT_EDGE_URL = 'https://edge.adobedc.net';
/** The path prefix of the Edge Network's collection endpoints. */
export const DEFAULT_EDGE_BASE_PATH = OTHER_DEFAULTS.edgeBasePath;

/**
 * A wrong setting: its name (`''` when the options are not an object), the value given, and for a
 * number the range accepted. `explainConfigProblem` (explainConfigProblem.ts) turns it into the
 * message that says what to fix.
 */
export type ConfigProblem = [setting: string, value: unknown, min?: number, max?: number];

/** Refuses a configuration, naming the wrong setting (see {@link ConfigProblem}); never returns. */
export type RefuseConfig = (...problem: ConfigProblem) => never;

/**
 * Checks what decides whether and where anything is sent (the options object, `datastreamId`,
 * `edgeUrl`, `defaultConsent`) and fills in every default, the given values of the other settings
 * left unchecked: `refuse` throws. The standalone script's core carries only these checks and
 * gives a configuration with any other setting to its messages add-on, whose
 * `resolveConfig` (resolveConfig.ts) checks everything (see createCommandApi and docs/standalone.md).
 */
export function checkEssentials(input: unknown, refuse: RefuseConfig): ResolvedConfig {
  if (input === null || typeof input !== 'object') refuse('', input);
  const config = input as Partial<CollectorConfig>;
  const { datastreamId, defaultConsent = 'in' } = config;
  if (typeof datastreamId !== 'string' || !DATASTREAM_ID.test(datastreamId.trim()))
    refuse('datastreamId', datastreamId);
  const edgeUrl = (config.edgeUrl ?? DEFAULT_EDGE_URL).replace(/\/+$/, '');
  try {
    // `new URL` throws on what is not a URL at all; the protocol check, on any other scheme.
    if (!/^https?:$/.test(new URL(edgeUrl).protocol)) throw 0;
  } catch {
    refuse('edgeUrl', config.edgeUrl);
  }
  if (!CONSENT_STATES.includes(defaultConsent)) refuse('defaultConsent', defaultConsent);
  return {
    ...OTHER_DEFAULTS,
    datastreamId: datastreamId!.trim(),
    edgeUrl,
    debug: config.debug === true,
    defaultConsent,
    onBeforeEventSend: config.onBeforeEventSend,
    orgId: config.orgId,
  };
}

/**
 * True when a configuration gives a setting that {@link checkEssentials} does not check, with a
 * value other than its default (`edgeBasePath: 'ee'`, as Adobe's own examples write it, needs no check).
 */
export const hasOtherSettings = (input: object): boolean =>
  Object.entries(OTHER_DEFAULTS).some(
    ([name, fallback]) => ((input as Record<string, unknown>)[name] ?? fallback) !== fallback,
  );
