import type { Collector } from '../core/createCollector';
import { isPlainObject } from '../core/deepMerge';
import { runAction } from './runAction';
import type { Turbine } from './Turbine';

/** The consent states a visitor can be in. */
export type ConsentValue = 'in' | 'out' | 'pending';

const VALUES: readonly ConsentValue[] = ['in', 'out', 'pending'];

/** A collector that may carry consent support (added by the delivery work). */
type MaybeConsenting = Collector & { setConsent?: (value: ConsentValue) => Promise<unknown> };

/** Reads the consent value from the settings (a choice, or a data element returning in/out/pending). */
export function readConsentValue(settings: unknown): ConsentValue | undefined {
  const raw = isPlainObject(settings) ? settings.value : undefined;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  return VALUES.find((known) => known === value);
}

/** The "Set consent" action: tells the collector whether the visitor agreed to collection. */
export function setConsentAction(turbine: Turbine): (settings: unknown) => Promise<void> {
  const actionName = 'Set consent';
  return (settings) =>
    runAction(turbine, actionName, async (collector: MaybeConsenting) => {
      const value = readConsentValue(settings);
      if (!value) {
        const raw = isPlainObject(settings) ? settings.value : undefined;
        throw new Error(
          `the consent value must be "in", "out" or "pending", got ${JSON.stringify(raw) ?? 'nothing'}; check the action or its data element`,
        );
      }
      if (typeof collector.setConsent !== 'function') {
        throw new Error(
          'this build of the collector has no consent support; update the Edge Collector extension',
        );
      }
      await collector.setConsent(value);
      turbine.logger.log(`${actionName}: consent is now "${value}"`);
    });
}
