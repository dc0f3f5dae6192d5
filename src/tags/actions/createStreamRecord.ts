import { queueStreamRecord } from '../../core/streaming/queueStreamRecord';
import { readStreamRecordSettings } from '../readStreamRecordSettings';
import { runAction, type ActionContext } from '../runAction';

/**
 * The "Stream record" action: sends one record to an HTTP API streaming inlet through the page's
 * collector, so that its queue, retries and consent apply. Logs the inlet's receipt and warnings.
 */
export function createStreamRecord(context: ActionContext): (settings: unknown) => Promise<void> {
  const actionName = 'Stream record';
  return (settings) =>
    runAction(context, actionName, async (collector) => {
      const receipt = await queueStreamRecord(collector, readStreamRecordSettings(settings));
      context.logger.log(
        `${actionName}: record ${receipt.recordId} accepted by inlet ${receipt.inletId} (xactionId ${receipt.xactionId})`,
      );
      for (const warning of receipt.warnings) context.logger.warn(`${actionName}: ${warning}`);
    });
}
