import { readSendOptions } from '../readSendOptions';
import { runAction, type ActionContext } from '../runAction';
import { logSendResult, sendWithVariables, type SendContext } from './sendWithVariables';

/** The "Send event" action: sends an XDM event of the configured type with XDM, data and e-mail. */
export function createSendEvent(context: ActionContext & SendContext): (settings: unknown) => Promise<void> {
  const actionName = 'Send event';
  return (settings) =>
    runAction(context, actionName, async (collector) => {
      const { options, problems } = readSendOptions(settings);
      for (const problem of problems)
        context.logger.error(`${actionName}: ${problem}; the event is sent without it`);
      const { eventType, url, email, xdm, data } = options;
      if (!eventType) {
        throw new Error(
          'the event type is empty: set it in the action (for example commerce.productViews) or fix its data element',
        );
      }
      const result = await sendWithVariables(context, actionName, options, () =>
        collector.sendEvent({ eventType, url, email, xdm, data }),
      );
      logSendResult(context, actionName, result);
    });
}
