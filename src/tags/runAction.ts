import type { Collector } from '../core/createCollector';
import { describeError } from './describeError';
import { getTagsCollector, rememberRequestId } from './getTagsCollector';
import type { Turbine } from './Turbine';

/**
 * Runs one action against the page's collector and returns the promise Turbine awaits when the
 * property uses rule component sequencing: it resolves when the work is done and rejects when it
 * failed, so later actions of the rule do not run on a failed send. Every failure is logged
 * through `turbine.logger.error` with the action's name; nothing throws into the page.
 */
export function runAction(
  turbine: Turbine,
  actionName: string,
  work: (collector: Collector) => Promise<unknown>,
): Promise<void> {
  const outcome = new Promise<unknown>((resolve) => {
    const collector = getTagsCollector(turbine);
    if (!collector)
      throw new Error(
        'nothing was sent because the extension configuration is invalid (see the error above)',
      );
    resolve(work(collector));
  }).then(
    () => undefined,
    (error: unknown) => {
      rememberRequestId((error as { requestId?: string } | null)?.requestId);
      turbine.logger.error(`${actionName} failed: ${describeError(error)}`);
      throw error;
    },
  );
  // Without rule component sequencing nobody awaits this promise: mark the rejection as handled so
  // the page sees no "Uncaught (in promise)", while Turbine, when it awaits, still sees it.
  outcome.catch(() => undefined);
  return outcome;
}
