import { defineProblems } from '../http/defineProblems';
import type { ProblemError } from '../http/ProblemError';

const TYPE_PREFIX = 'https://ns.adobe.com/adobecloud/problem/data-collection-service';

/**
 * The streaming inlet refusals, in the documented shape: `type`, `status` (a string), `title`,
 * `report.message`. Each `type` ends with its title in kebab case, as Adobe's do
 * (`Inlet not found` → `…data-collection-service-inlet-not-found`).
 */
export const INLET_ERRORS = {
  notFound: { status: 404, title: 'Inlet not found' },
  invalidPayload: { status: 400, title: 'Invalid payload' },
  invalidFlow: { status: 400, title: 'Invalid flow' },
  tooLarge: { status: 413, title: 'Payload too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  unauthorized: { status: 401, title: 'Authorization' },
} as const;

/** The name of one inlet refusal. */
export type InletErrorName = keyof typeof INLET_ERRORS;

/** Builds an inlet problem whose `report.message` starts with the transaction id, as the 401 body starts with `[id]`. */
export const inletProblem = defineProblems(INLET_ERRORS, (kind, xactionId: string, message: string) => ({
  type: `${TYPE_PREFIX}-${kind.title.toLowerCase().replace(/ /g, '-')}`,
  status: String(kind.status),
  title: kind.title,
  report: { message: `[${xactionId}] ${message}` },
}));

/** The inlet's answer to a missing or bad token: exactly the body documented for authenticated inlets. */
export const inletUnauthorized = (): ProblemError =>
  inletProblem('unauthorized', 'id', 'Ims service token is empty');
