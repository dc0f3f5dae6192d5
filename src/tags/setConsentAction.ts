import type { Collector } from '../core/createCollector';
import { describeError } from './describeError';
import { readConsentSettings } from './readConsentSettings';
import type { TurbineLogger } from './Turbine';

/** What the Set consent action needs: the page's collector (undefined when misconfigured) and Turbine's logger. */
export interface SetConsentCollaborators {
  getCollector(): Collector | undefined;
  logger: TurbineLogger;
}

const ACTION = 'Set consent';

/**
 * Creates the "Set consent" action: sets the visitor's consent (shorthand or Adobe's standards)
 * through the collector, which posts it to the Edge Network's `privacy/set-consent` before any
 * event. Resolves once the Edge Network has it (Turbine awaits that with rule component
 * sequencing); a failure is logged with what to fix and rejects, and nothing throws into the page.
 */
export function createSetConsent({ getCollector, logger }: SetConsentCollaborators) {
  return (settings: unknown): Promise<void> => {
    const outcome = new Promise<void>((resolve) => {
      const collector = getCollector();
      if (!collector)
        throw new Error(
          'consent was not set because the extension configuration is invalid (see the error above)',
        );
      const value = readConsentSettings(settings);
      resolve(
        collector
          .setConsent(value as never)
          .then(() =>
            logger.log(`${ACTION}: ${JSON.stringify(value)} is set and posted to the Edge Network`),
          ),
      );
    }).catch((error: unknown) => {
      logger.error(
        `${ACTION} failed: ${describeError(error)}. Check the action's settings or its data elements.`,
      );
      throw error;
    });
    // Without rule component sequencing nobody awaits this promise: no "Uncaught (in promise)".
    outcome.catch(() => undefined);
    return outcome;
  };
}
