import type { SendResult } from '../core/readEdgeAnswer';
import { readSendOptions } from './readSendOptions';
import { runAction } from './runAction';
import type { Turbine } from './Turbine';

/** Logs what a send came back with: the request id, and any warning the core raised. */
export function logSendResult(turbine: Turbine, actionName: string, result: SendResult): void {
  turbine.logger.log(`${actionName}: request ${result.requestId} answered`);
  for (const warning of result.warnings) turbine.logger.warn(`${actionName}: ${warning}`);
}

/** The "Send page view" action: sends an XDM page view with the configured name, URL, e-mail, XDM and data. */
export function sendPageViewAction(turbine: Turbine): (settings: unknown) => Promise<void> {
  const actionName = 'Send page view';
  return (settings) =>
    runAction(turbine, actionName, async (collector) => {
      const { options, problems } = readSendOptions(settings);
      for (const problem of problems)
        turbine.logger.error(`${actionName}: ${problem}; the page view is sent without it`);
      const { name, url, email, xdm, data } = options;
      logSendResult(turbine, actionName, await collector.sendPageView({ name, url, email, xdm, data }));
    });
}
