import { ProblemError } from '../http/ProblemError';

const TYPE_PREFIX = 'https://ns.adobe.com/adobecloud/problem/data-collection-service';

/** The inlet's answer to a missing or bad token: exactly the body documented for authenticated inlets. */
export function inletUnauthorized(): ProblemError {
  return new ProblemError(401, {
    type: `${TYPE_PREFIX}-authorization`,
    status: '401',
    title: 'Authorization',
    report: { message: '[id] Ims service token is empty' },
  });
}

/** The streaming inlet refusals, in the documented shape: `type`, `status` (a string), `title`, `report.message`. */
export const INLET_ERRORS = {
  notFound: { suffix: 'inlet-not-found', status: 404, title: 'Inlet not found' },
  invalidPayload: { suffix: 'invalid-payload', status: 400, title: 'Invalid payload' },
  invalidFlow: { suffix: 'invalid-flow', status: 400, title: 'Invalid flow' },
  tooLarge: { suffix: 'payload-too-large', status: 413, title: 'Payload too large' },
  unsupportedMediaType: { suffix: 'unsupported-media-type', status: 415, title: 'Unsupported media type' },
} as const;

/** The name of one inlet refusal. */
export type InletErrorName = keyof typeof INLET_ERRORS;

/** Builds an inlet problem whose `report.message` starts with the transaction id, as the 401 body starts with `[id]`. */
export function inletProblem(name: InletErrorName, xactionId: string, message: string): ProblemError {
  const { suffix, status, title } = INLET_ERRORS[name];
  return new ProblemError(status, {
    type: `${TYPE_PREFIX}-${suffix}`,
    status: String(status),
    title,
    report: { message: `[${xactionId}] ${message}` },
  });
}
