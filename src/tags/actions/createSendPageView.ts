import { sendWithOverrides } from '../../core/configOverrides';
import { readSendOptions } from '../readSendOptions';
import { runAction, type ActionContext } from '../runAction';
import { actionOverrides, logSendResult, sendWithVariables, type SendContext } from './sendWithVariables';

/** The "Send page view" action: sends an XDM page view with the configured name, URL, e-mail, XDM, data and datastream overrides. */
export function createSendPageView(
  context: ActionContext & SendContext,
): (settings: unknown) => Promise<void> {
  const actionName = 'Send page view';
  return (settings) =>
    runAction(context, actionName, async (collector) => {
      const { options, problems } = readSendOptions(settings);
      for (const problem of problems)
        context.logger.error(`${actionName}: ${problem}; the page view is sent without it`);
      const { name, url, email, xdm, data } = options;
      const overrides = actionOverrides(context, settings, actionName);
      const result = await sendWithVariables(context, actionName, options, () =>
        sendWithOverrides(collector, 'pageView', { name, url, email, xdm, data }, overrides),
      );
      logSendResult(context, actionName, result);
    });
}
