import { defineProblems } from '../http/defineProblems';

/**
 * The Edge Network's error codes the emulator uses, `EXEG-<code>-<status>`, each as Adobe's
 * troubleshooting table documents it (AdobeDocs/data-collection-apis,
 * src/pages/getting-started/troubleshooting.md, "Detailed error codes list"). The one table of
 * EXEG codes in the emulator: refusals, warnings and injected faults all take theirs from here.
 */
export const EDGE_ERRORS = {
  /** `0000-503` Service unavailable (injected faults). */
  serviceUnavailable: { code: '0000', status: 503, title: 'Service unavailable' },
  /** `0001-500` Unexpected error. */
  internal: { code: '0001', status: 500, title: 'Unexpected error' },
  /** `0002-400` Missing datastream parameter. */
  missingDatastream: { code: '0002', status: 400, title: 'Missing datastream parameter' },
  /** `0003-400` Invalid datastream ID. */
  unknownDatastream: { code: '0003', status: 400, title: 'Invalid datastream ID' },
  /** `0101-400` Invalid JSON request. */
  malformedJson: { code: '0101', status: 400, title: 'Invalid JSON request' },
  /** `0102-400` Invalid request field. */
  invalidField: { code: '0102', status: 400, title: 'Invalid request field' },
  /** `0103-400` Missing required value. */
  missingValue: { code: '0103', status: 400, title: 'Missing required value' },
  /** `0104-422` Input validation error, with `report.errors` (the table's own example is consent's). */
  invalidInput: { code: '0104', status: 422, title: 'Unprocessable entity' },
  /** `0109-408` Empty request. */
  emptyRequest: { code: '0109', status: 408, title: 'Empty request' },
  /** `0111-415` The request content type is not supported. */
  unsupportedMediaType: { code: '0111', status: 415, title: 'Invalid request' },
  /** `0112-413` The request payload is too large. */
  tooLarge: { code: '0112', status: 413, title: 'Invalid request' },
  /** `0201-503` The service is temporarily unavailable (an upstream error in a 207). */
  upstreamUnavailable: { code: '0201', status: 503, title: 'The service is temporarily unavailable' },
  /** `0203-502` The service call has failed (an upstream error in a 207). */
  upstreamFailed: { code: '0203', status: 502, title: 'The service call has failed' },
  /** `0301-200` User consent missing: the request was ignored (a warning). */
  consentMissing: { code: '0301', status: 200, title: 'User consent missing' },
} as const;

/** The name of one Edge Network error. */
export type EdgeErrorName = keyof typeof EDGE_ERRORS;

/** The `type` URI of an Edge Network error: `https://ns.adobe.com/aep/errors/EXEG-<code>-<status>`. */
export function edgeErrorType(name: EdgeErrorName): string {
  const { code, status } = EDGE_ERRORS[name];
  return `https://ns.adobe.com/aep/errors/EXEG-${code}-${status}`;
}

/** The body of an Edge Network error: `type`, `status`, `title`, `detail`, `report` (RFC 7807). */
export function edgeErrorBody(name: EdgeErrorName, detail: string, report: Record<string, unknown>) {
  const { status, title } = EDGE_ERRORS[name];
  return { type: edgeErrorType(name), status, title, detail, report };
}

const NAME_OF = new Map(Object.entries(EDGE_ERRORS).map(([name, kind]) => [kind, name as EdgeErrorName]));

/** Builds an Edge Network refusal with `report.requestId` (and any other report fields). */
export const edgeProblem = defineProblems(
  EDGE_ERRORS,
  (kind, requestId: string, detail: string, report: Record<string, unknown> = {}) =>
    edgeErrorBody(NAME_OF.get(kind)!, detail, { ...report, requestId }),
);
