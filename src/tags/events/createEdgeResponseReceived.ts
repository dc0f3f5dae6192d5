import type { EdgeHandle, EdgeProblem } from '../../core/readEdgeAnswer';
import type { TagsPage } from '../createTagsPage';

/**
 * What a rule on Edge response received sees as `%event.requestId%`, `%event.eventId%`,
 * `%event.handle%`, and the answer's `%event.errors%` and `%event.warnings%` (EXEG problems).
 */
export interface EdgeResponseDetail {
  requestId: string;
  eventId: string;
  handle: EdgeHandle[];
  errors: EdgeProblem[];
  warnings: EdgeProblem[];
}

/**
 * The "Edge response received" event: runs the rule after each answer from the Edge Network.
 * Turbine merges the detail into the rule's event, so tokens like `%event.requestId%` work. It
 * listens on the page, not on a collector: the collector may be made only later, once a data
 * element in the configuration has a value.
 */
export function createEdgeResponseReceived({
  onResult,
}: Pick<TagsPage, 'onResult'>): (settings: unknown, trigger: (detail: EdgeResponseDetail) => void) => void {
  return (_settings, trigger) => {
    onResult((result) =>
      trigger({
        requestId: result.requestId,
        eventId: result.eventId,
        handle: result.handle,
        errors: result.errors || [],
        warnings: result.edgeWarnings || [],
      }),
    );
  };
}
