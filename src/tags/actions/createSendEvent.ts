import { sendWithOverrides } from '../../core/configOverrides';
import { isPlainObject } from '../../core/deepMerge';
import { describeError } from '../describeError';
import { readSendOptions } from '../readSendOptions';
import { runAction, type ActionContext } from '../runAction';
import { actionOverrides, logSendResult, sendWithVariables, type SendContext } from './sendWithVariables';

/** True for "Document will unload" on, or a data element that gave true. */
const isUnloading = (settings: unknown): boolean => {
  const value = isPlainObject(settings) ? settings.documentUnloading : undefined;
  return value === true || (typeof value === 'string' && value.trim() === 'true');
};

/**
 * The "Send event" action: sends an XDM event of the configured type with XDM, data, e-mail and
 * datastream overrides. With "Document will unload" (Adobe's `documentUnloading`) the event is
 * handed to the browser (a `keepalive` request, which outlives the page) and the action does not
 * wait for its answer, so a rule that navigates next is not held; the answer, if the page still
 * lives, is logged.
 */
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
      const overrides = actionOverrides(context, settings, actionName);
      const sending = sendWithVariables(context, actionName, options, () =>
        sendWithOverrides(collector, 'event', { eventType, url, email, xdm, data }, overrides),
      );
      if (isUnloading(settings)) {
        context.logger.log(
          `${actionName}: handed to the browser as the document unloads; not waiting for the answer`,
        );
        sending.then(
          (result) => logSendResult(context, actionName, result),
          (error: unknown) => context.logger.error(`${actionName} failed: ${describeError(error)}`),
        );
        return;
      }
      logSendResult(context, actionName, await sending);
    });
}
