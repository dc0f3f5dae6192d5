import { readSendOptions } from './readSendOptions';
import { runAction } from './runAction';
import { logSendResult } from './sendPageViewAction';
import type { Turbine } from './Turbine';

/** The "Send event" action: sends an XDM event of the configured type with XDM, data and e-mail. */
export function sendEventAction(turbine: Turbine): (settings: unknown) => Promise<void> {
  const actionName = 'Send event';
  return (settings) =>
    runAction(turbine, actionName, async (collector) => {
      const { options, problems } = readSendOptions(settings);
      for (const problem of problems)
        turbine.logger.error(`${actionName}: ${problem}; the event is sent without it`);
      const { eventType, url, email, xdm, data } = options;
      if (!eventType) {
        throw new Error(
          'the event type is empty: set it in the action (for example commerce.productViews) or fix its data element',
        );
      }
      logSendResult(turbine, actionName, await collector.sendEvent({ eventType, url, email, xdm, data }));
    });
}
