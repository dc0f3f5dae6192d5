import type { EdgeHandle } from '../core/readEdgeAnswer';
import { describeError } from './describeError';
import { getTagsCollector } from './getTagsCollector';
import type { Turbine } from './Turbine';

/** What a rule on Edge response received sees as `%event.requestId%`, `%event.eventId%`, `%event.handle%`. */
export interface EdgeResponseDetail {
  requestId: string;
  eventId: string;
  handle: EdgeHandle[];
}

/**
 * The "Edge response received" event: runs the rule after each answer from the Edge Network.
 * Turbine merges the detail into the rule's event, so tokens like `%event.requestId%` work.
 */
export function edgeResponseReceivedEvent(
  turbine: Turbine,
): (settings: unknown, trigger: (detail: EdgeResponseDetail) => void) => void {
  return (_settings, trigger) => {
    try {
      const collector = getTagsCollector(turbine);
      if (!collector) return;
      collector.onResult((result) =>
        trigger({ requestId: result.requestId, eventId: result.eventId, handle: result.handle }),
      );
    } catch (error) {
      turbine.logger.error(`Edge response received could not listen for answers: ${describeError(error)}`);
    }
  };
}
