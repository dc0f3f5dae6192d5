import { ProblemError } from '../http/ProblemError';

/**
 * The Edge Network refusals the emulator gives, with their `EXEG-<code>-<status>` codes. The codes
 * follow the real service's ranges: 00xx for datastream and configuration problems, 01xx for input.
 */
export const EDGE_ERRORS = {
  missingDatastream: { code: '0001', status: 400, title: 'Missing datastream ID' },
  unknownDatastream: { code: '0003', status: 400, title: 'Invalid datastream ID' },
  malformedJson: { code: '0100', status: 400, title: 'Malformed request body' },
  missingEvent: { code: '0101', status: 400, title: 'Missing event' },
  invalidEvent: { code: '0102', status: 400, title: 'Invalid event' },
  tooLarge: { code: '0103', status: 413, title: 'Request body too large' },
  unsupportedMediaType: { code: '0104', status: 415, title: 'Unsupported content type' },
  notFound: { code: '0105', status: 404, title: 'Unknown endpoint' },
  invalidRequestId: { code: '0106', status: 400, title: 'Invalid requestId' },
  internal: { code: '0500', status: 500, title: 'Internal error' },
} as const;

/** The name of one Edge refusal. */
export type EdgeErrorName = keyof typeof EDGE_ERRORS;

/** Builds an Edge Network problem: `type` `https://ns.adobe.com/aep/errors/EXEG-<code>-<status>`, `status`, `title`, `detail`, `report.requestId`. */
export function edgeProblem(name: EdgeErrorName, requestId: string, detail: string): ProblemError {
  const { code, status, title } = EDGE_ERRORS[name];
  return new ProblemError(status, {
    type: `https://ns.adobe.com/aep/errors/EXEG-${code}-${status}`,
    status,
    title,
    detail,
    report: { requestId },
  });
}
