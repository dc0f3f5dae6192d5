import type { ConsentInput } from '../../core/consent/ConsentInput';
import { readConsentSettings } from '../readConsentSettings';
import { runAction, type ActionContext } from '../runAction';

/**
 * The "Set consent" action: sets the visitor's consent (the shorthand or Adobe's standards)
 * through the page's collector, which checks it and posts it to the Edge Network's
 * `privacy/set-consent` ahead of any event. Resolves once the Edge Network has it (Turbine awaits
 * that with rule component sequencing); a refused value is logged with what to fix.
 */
export function createSetConsent(context: ActionContext): (settings: unknown) => Promise<void> {
  const actionName = 'Set consent';
  return (settings) =>
    runAction(context, actionName, async (collector) => {
      const value = readConsentSettings(settings);
      await collector.setConsent(value as ConsentInput);
      context.logger.log(`${actionName}: ${JSON.stringify(value)} is set and posted to the Edge Network`);
    });
}
