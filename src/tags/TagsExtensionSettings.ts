import type { LinkClickConfig, OnBeforeLinkClickSend } from '../browser/linkClicks/LinkClickOptions';
import type { CollectorConfig, OnBeforeEventSend } from '../core/CollectorConfig';
import { EdgeCollectorError } from '../core/EdgeCollectorError';
import { describeError } from './describeError';
import { ORG_ID } from './idMigration';
import type { TurbineLogger } from './Turbine';

/** The extension configuration a Tags user saves (see `configuration.schema` in extension.json). */
export interface TagsExtensionSettings {
  productionDatastreamId?: unknown;
  stagingDatastreamId?: unknown;
  developmentDatastreamId?: unknown;
  edgeUrl?: unknown;
  edgeBasePath?: unknown;
  debug?: unknown;
  /** Core Web Vitals: on for configurations saved since the option exists (the view's default). */
  webVitals?: unknown;
  /** Consent until the visitor chooses: in / out / pending, or a data element returning one. */
  defaultConsent?: unknown;
  /** The on-before-send code: Tags turns it into `function (content) { … }` (`transforms` in extension.json). */
  onBeforeEventSend?: unknown;
  /** Automatic link tracking: on for configurations saved since the option exists (the view's default). */
  clickCollectionEnabled?: unknown;
  internalLinkEnabled?: unknown;
  externalLinkEnabled?: unknown;
  downloadLinkEnabled?: unknown;
  downloadLinkQualifier?: unknown;
  /** The link-click filter code: Tags turns it into `function (content) { … }`. */
  onBeforeLinkClickSend?: unknown;
  /** The IMS organization ID (`…@AdobeOrg`): names the Edge Network's `kndctr_` cookies and the `AMCV_` cookie read by ID migration. */
  orgId?: unknown;
  /** ID migration from AppMeasurement / Visitor API (`AMCV_` cookie): on unless turned off, as in Adobe's extension. */
  idMigrationEnabled?: unknown;
  /** Datastream configuration overrides by environment, as Adobe's extension saves them (see readConfigOverrides). */
  edgeConfigOverrides?: unknown;
}

/** True for `true` or a data element that gave `"true"`; `fallback` when the setting is missing. */
function isOn(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  return value === true || text(value) === 'true';
}

/**
 * The link-tracking part of the saved settings, as the collector's link-click options, or
 * `undefined` when it is off (a configuration saved before the option existed counts as off).
 * `attachLinkClicks` then checks the values.
 */
export function toLinkClickConfig(settings: TagsExtensionSettings | undefined): LinkClickConfig | undefined {
  const saved = settings ?? {};
  if (!isOn(saved.clickCollectionEnabled, false)) return undefined;
  const config: LinkClickConfig = {
    clickCollection: {
      internalLinkEnabled: isOn(saved.internalLinkEnabled, true),
      externalLinkEnabled: isOn(saved.externalLinkEnabled, true),
      downloadLinkEnabled: isOn(saved.downloadLinkEnabled, true),
    },
  };
  const qualifier = text(saved.downloadLinkQualifier);
  if (qualifier) config.downloadLinkQualifier = qualifier;
  if (typeof saved.onBeforeLinkClickSend === 'function')
    config.onBeforeLinkClickSend = saved.onBeforeLinkClickSend as OnBeforeLinkClickSend;
  return config;
}

/** The Tags environments a library can be built for, each with its own datastream. */
export const TAGS_STAGES = ['production', 'staging', 'development'] as const;

/** One Tags environment. */
export type TagsStage = (typeof TAGS_STAGES)[number];

/** A setting after token replacement: a non-empty trimmed string, or `undefined` when left blank. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The Tags user's on-before-send code as the core's callback: an error it throws is logged
 * through Turbine's logger, then thrown on, so that the core sends the event unchanged. The code
 * sees `content.data` as `{}` when the event has none, as in Adobe's extension, so that
 * `content.data.x = …` works; left empty, it is not sent.
 */
function onBeforeEventSend(code: unknown, logger?: TurbineLogger): OnBeforeEventSend | undefined {
  if (typeof code !== 'function') return undefined;
  return (content) => {
    content.data ??= {};
    try {
      return code(content);
    } catch (error) {
      logger?.error(`On before event send failed: ${describeError(error)}; the event is sent unchanged`);
      throw error;
    } finally {
      if (content.data && !Object.keys(content.data).length) delete content.data;
    }
  };
}

/**
 * Turns the saved extension settings into the core's configuration for the library's stage.
 * Staging and development fall back to the production datastream when left blank, as the Tags
 * UI promises. Pure; `resolveConfig` then checks the values.
 */
export function toCollectorConfig(
  settings: TagsExtensionSettings | undefined,
  stage: string | undefined,
  logger?: TurbineLogger,
): CollectorConfig {
  const saved = settings ?? {};
  const known = (TAGS_STAGES as readonly string[]).includes(stage ?? '')
    ? (stage as TagsStage)
    : 'production';
  const perStage = text(saved[`${known}DatastreamId`]);
  const config: CollectorConfig = {
    datastreamId: perStage ?? text(saved.productionDatastreamId) ?? '',
    debug: saved.debug === true || text(saved.debug) === 'true',
  };
  const edgeUrl = text(saved.edgeUrl);
  if (edgeUrl) config.edgeUrl = edgeUrl;
  const edgeBasePath = text(saved.edgeBasePath);
  if (edgeBasePath) config.edgeBasePath = edgeBasePath;
  // Set but empty (a data element with no value yet) is pending: nothing leaves before the visitor decides.
  if ('defaultConsent' in saved)
    config.defaultConsent = (text(saved.defaultConsent)?.toLowerCase() ??
      'pending') as CollectorConfig['defaultConsent'];
  const callback = onBeforeEventSend(saved.onBeforeEventSend, logger);
  if (callback) config.onBeforeEventSend = callback;
  return config;
}

/**
 * The identity settings: the IMS organization ID (checked: a wrong one would read no cookie) and
 * whether ID migration is on (default on, as in Adobe's extension; it needs the org ID).
 */
export function readIdentitySettings(settings: TagsExtensionSettings | undefined): {
  orgId?: string;
  idMigrationEnabled: boolean;
} {
  const orgId = text(settings?.orgId);
  if (orgId !== undefined && !ORG_ID.test(orgId))
    throw new EdgeCollectorError(
      'invalid-config',
      `orgId "${orgId}" is not an IMS organization ID (24 hexadecimal digits then @AdobeOrg, as Data Collection shows it)`,
    );
  return { orgId, idMigrationEnabled: isOn(settings?.idMigrationEnabled, true) };
}
