import type { ReportedVital, WebVitalsData } from '../browser/vitals/WebVitalsData';
import type { VitalsTracker } from '../browser/vitals/createVitalsTracker';
import type { ResolvedConfig } from '../core/CollectorConfig';
import { resolveConfig } from '../core/resolveConfig';
import type { Collector } from '../core/createCollector';
import type { SendResult } from '../core/readEdgeAnswer';
import type { EdgeConfigOverrides } from '../core/configOverrides';
import { describeError } from './describeError';
import { readConfigOverrides } from './readConfigOverrides';
import {
  readIdentitySettings,
  toCollectorConfig,
  toLinkClickConfig,
  type TagsExtensionSettings,
} from './TagsExtensionSettings';
import { withIdMigration } from './idMigration';
import { landingEcid } from '../browser/identity/appendIdentityInPage';
import { withEcid } from '../core/withEcid';
import { findInstance, pickInstanceName, type TagsInstanceSettings } from './readInstances';
import type { LinkClickConfig } from '../browser/linkClicks/LinkClickOptions';
import type { Turbine, TurbineLogger } from './Turbine';
import { createVariableStore, type VariableStore } from './variables/createVariableStore';

/**
 * What the page's Tags modules share about one instance of the configuration: its collector, its
 * Web Vitals and last request id; and, with every instance, the Variables.
 */
export interface TagsPage {
  /** The name of the configuration's instance this is (see readInstances). */
  instanceName: string;
  /** Turbine's logger for this extension. */
  logger: TurbineLogger;
  /**
   * The instance's collector, created on first use from the instance's settings and the library's
   * stage (starting Web Vitals when they are on). A bad configuration is logged, with what to fix,
   * and gives `undefined`; the next call tries again, since a data element used in the settings
   * may have a value by then.
   */
  getCollector(): Collector | undefined;
  /**
   * Calls `listener` after every answered request of the page's collector, whenever that collector
   * is made (a datastream data element may have no value when the library loads); returns an
   * unsubscribe function.
   */
  onResult(listener: (result: SendResult) => void): () => void;
  /** Records the `requestId` of a request this page sent, answered or not. */
  rememberRequestId(requestId: string | undefined): void;
  /** The `requestId` of the latest request this page sent, or `undefined` before the first. */
  lastRequestId(): string | undefined;
  /** True when the extension configuration turns Web vitals on. */
  webVitalsEnabled(): boolean;
  /** The latest Web Vitals measured on this page (`{}` while they are off or nothing was measured). */
  latestWebVitals(): WebVitalsData;
  /** Calls `listener` on every web-vitals report; returns an unsubscribe function. */
  onWebVital(listener: (vital: ReportedVital) => void): () => void;
  /** The Variables that Update variable builds and the Variable data element reads. */
  variables: VariableStore;
  /** The Tags environment the library was built for (Turbine's `environment.stage`). */
  stage: string | undefined;
  /** The configuration's datastream overrides for this environment (`{}` before the collector is made). */
  configOverrides(): EdgeConfigOverrides;
}

/** What a Tags page is made from: Turbine, and how a collector and its Web Vitals are started. */
export interface TagsPageParts {
  turbine: Pick<Turbine, 'logger' | 'getExtensionSettings' | 'environment'>;
  /** The configuration's instance (default: the first). */
  instanceName?: string;
  /** The Variables, shared by every instance of the page (default: a store of its own). */
  variables?: VariableStore;
  createCollector(config: ResolvedConfig, log: (message: string, detail?: unknown) => void): Collector;
  attachWebVitals(collector: Collector, onReport: (vital: ReportedVital) => void): VitalsTracker;
  /** The page's cookies (`document.cookie`), for ID migration; without it there is none. */
  readCookies?(): string;
  /** The page's query (`location.search`), for an `adobe_mc` ECID; without it none is read. */
  readLocationSearch?(): string;
  /** Starts link tracking (see attachLinkClicks); throws for bad settings. */
  attachLinkClicks?(
    collector: Collector,
    config: LinkClickConfig,
    log: (message: string, detail?: unknown) => void,
  ): void;
}

/** True when the extension configuration turns Web vitals on (`true`, or a data element giving true). */
export function webVitalsEnabled(settings: TagsExtensionSettings | undefined): boolean {
  const value = settings?.webVitals;
  return value === true || (typeof value === 'string' && value.trim() === 'true');
}

/**
 * Creates the state one page's Tags modules share. The wiring (src/tags/wiring/tagsPage.ts) makes
 * one per page; tests make one per case, with fake parts.
 */
export function createTagsPage({
  turbine,
  instanceName = pickInstanceName(turbine.getExtensionSettings(), undefined),
  variables = createVariableStore(),
  createCollector,
  attachWebVitals,
  attachLinkClicks,
  readCookies,
  readLocationSearch,
}: TagsPageParts): TagsPage {
  const { logger } = turbine;
  let collector: Collector | undefined;
  let lastRequestId: string | undefined;
  let tracker: VitalsTracker | undefined;
  let configOverrides: EdgeConfigOverrides = {};
  const vitalListeners = new Set<(vital: ReportedVital) => void>();
  const resultListeners = new Set<(result: SendResult) => void>();
  const rememberRequestId = (requestId: string | undefined) => {
    if (requestId) lastRequestId = requestId;
  };
  const tell =
    <T>(listeners: Set<(value: T) => void>) =>
    (value: T) => {
      for (const listener of listeners) {
        try {
          listener(value);
        } catch {
          // One rule's failure must not keep the others from hearing it.
        }
      }
    };
  const reportVital = tell(vitalListeners);
  const instanceSettings = (): TagsInstanceSettings =>
    findInstance(turbine.getExtensionSettings(), instanceName);

  function getCollector(): Collector | undefined {
    if (collector) return collector;
    try {
      const settings = instanceSettings();
      const collectorConfig = toCollectorConfig(settings, turbine.environment?.stage, logger);
      const { orgId, idMigrationEnabled } = readIdentitySettings(settings);
      if (orgId && idMigrationEnabled && readCookies)
        collectorConfig.onBeforeEventSend = withIdMigration(
          orgId,
          readCookies,
          collectorConfig.onBeforeEventSend,
        );
      // Outermost, so first: an `adobe_mc` ECID wins over AppMeasurement's, as in Adobe's Web SDK.
      if (orgId && readLocationSearch)
        collectorConfig.onBeforeEventSend = withEcid(
          landingEcid(orgId, readLocationSearch),
          collectorConfig.onBeforeEventSend,
        );
      const config = resolveConfig({ ...collectorConfig, orgId });
      // Checked with the rest: a wrong override would send every event to the wrong place.
      configOverrides = readConfigOverrides(
        settings?.edgeConfigOverrides,
        turbine.environment?.stage,
        'configuration',
      );
      const log = (message: string, detail?: unknown) => {
        if (detail === undefined) logger.log(message);
        else logger.log(message, detail);
      };
      const created = createCollector(config, log);
      created.onResult((result) => rememberRequestId(result.requestId));
      created.onResult(tell(resultListeners));
      if (webVitalsEnabled(settings)) tracker = attachWebVitals(created, reportVital);
      collector = created;
      const linkClicks = toLinkClickConfig(settings);
      if (linkClicks && attachLinkClicks)
        try {
          attachLinkClicks(created, linkClicks, log);
        } catch (error) {
          // Events still go: only link tracking waits for the fix.
          logger.error(
            `Link tracking is off: ${describeError(error)}. Fix it in Extensions > Edge Collector > Configure.`,
          );
        }
      return created;
    } catch (error) {
      logger.error(
        `Edge Collector (instance "${instanceName}") is not configured: ${describeError(error)}. ` +
          'Open Extensions > Edge Collector > Configure in the Tags property, fix the setting, and build the library again.',
      );
      return undefined;
    }
  }

  return {
    instanceName,
    logger,
    getCollector,
    rememberRequestId,
    onResult(listener) {
      resultListeners.add(listener);
      return () => resultListeners.delete(listener);
    },
    lastRequestId: () => lastRequestId,
    webVitalsEnabled() {
      try {
        return webVitalsEnabled(instanceSettings());
      } catch {
        return false; // The instance is missing: getCollector says so.
      }
    },
    latestWebVitals: () => (tracker ? tracker.latest() : {}),
    onWebVital(listener) {
      vitalListeners.add(listener);
      return () => vitalListeners.delete(listener);
    },
    variables,
    stage: turbine.environment?.stage,
    configOverrides: () => configOverrides,
  };
}
