import type { Collector } from '../core/createCollector';
import type { TagsPage } from './createTagsPage';
import { noop } from '../core/noop';
import { describeError } from './describeError';

/** What an action takes from the page: its collector, the logger, and where request ids go. */
export type ActionContext = Pick<TagsPage, 'getCollector' | 'logger' | 'rememberRequestId'>;

/**
 * Runs one action against the page's collector and returns the promise Turbine awaits when the
 * property uses rule component sequencing: it resolves when the work is done and rejects when it
 * failed, so later actions of the rule do not run on a failed send. Every failure is logged
 * through the logger with the action's name; nothing throws into the page.
 */
export function runAction(
  context: ActionContext,
  actionName: string,
  work: (collector: Collector) => Promise<unknown>,
): Promise<void> {
  const { getCollector, logger, rememberRequestId } = context;
  const outcome = new Promise<unknown>((resolve) => {
    const collector = getCollector();
    if (!collector)
      throw new Error(
        'nothing was sent because the extension configuration is invalid (see the error above)',
      );
    resolve(work(collector));
  }).then(
    () => undefined,
    (error: unknown) => {
      rememberRequestId((error as { requestId?: string } | null)?.requestId);
      logger.error(`${actionName} failed: ${describeError(error)}`);
      throw error;
    },
  );
  // Without rule component sequencing nobody awaits this promise: mark the rejection as handled so
  // the page sees no "Uncaught (in promise)", while Turbine, when it awaits, still sees it.
  outcome.catch(noop);
  return outcome;
}
