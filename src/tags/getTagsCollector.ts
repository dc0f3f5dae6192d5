import { createBrowserCollector } from '../browser/createBrowserCollector';
import { resolveConfig } from '../core/CollectorConfig';
import { createConsentCommand } from '../core/consent/createConsentCommand';
import type { Collector } from '../core/createCollector';
import { describeError } from './describeError';
import { startTagsWebVitals, webVitalsEnabled } from './tagsWebVitals';
import type { Turbine } from './Turbine';
import { toCollectorConfig } from './TagsExtensionSettings';

// One collector per page, shared by every module of the extension: Turbine loads this chunk once
// and every module that requires it sees the same state.
let collector: Collector | undefined;
let lastRequestId: string | undefined;

/**
 * Returns the page's collector, creating it on first use from the extension settings and the
 * library's stage. A bad configuration is logged (with what to fix) and gives `undefined`; the
 * next call tries again, since a data element used in the settings may have a value by then.
 */
export function getTagsCollector(turbine: Turbine): Collector | undefined {
  if (collector) return collector;
  try {
    const config = resolveConfig(
      toCollectorConfig(turbine.getExtensionSettings(), turbine.environment?.stage),
    );
    const created = createBrowserCollector(
      config,
      'tags',
      (message, detail) => {
        if (detail === undefined) turbine.logger.log(message);
        else turbine.logger.log(message, detail);
      },
      createConsentCommand,
    );
    created.onResult((result) => rememberRequestId(result.requestId));
    if (webVitalsEnabled(turbine.getExtensionSettings())) startTagsWebVitals(created);
    collector = created;
    return created;
  } catch (error) {
    turbine.logger.error(
      `Edge Collector is not configured: ${describeError(error)}. ` +
        'Open Extensions > Edge Collector > Configure in the Tags property, fix the setting, and build the library again.',
    );
    return undefined;
  }
}

/** Records the `requestId` of a request this page sent, answered or not. */
export function rememberRequestId(requestId: string | undefined): void {
  if (requestId) lastRequestId = requestId;
}

/** The `requestId` of the latest request this page sent, or `undefined` before the first. */
export function readLastRequestId(): string | undefined {
  return lastRequestId;
}

/** Forgets the page's collector; tests use it to start each case from a fresh page. */
export function resetTagsCollector(): void {
  collector = undefined;
  lastRequestId = undefined;
}
