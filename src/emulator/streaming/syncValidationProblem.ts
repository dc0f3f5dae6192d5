import type { Validation } from '../checks/validateEvent';
import { ProblemError } from '../http/ProblemError';

/** The streaming validation service stops at five violations a message (Experience League, "Streaming ingestion validation"). */
const MAX_REPORTED = 5;

/**
 * The answer to a record that fails `?syncValidation=true`: 400 "Invalid XDM Message Format" with
 * the violations under `report.cause._streamingValidation`, in the documented shape. The record
 * is dropped, as Adobe drops it.
 */
export function syncValidationProblem(inletId: string, orgId: string, validation: Validation): ProblemError {
  const errors = [
    ...validation.schemaViolations.map((violation) => ({
      pointer: `#/${violation.path.replace(/^xdm\.?/, '').replace(/\./g, '/')}`,
      keyword: violation.rule.split(':')[0]!,
      message: violation.message,
    })),
    ...validation.findings
      .filter((finding) => finding.severity !== 'warning')
      .map((finding) => ({
        pointer: `#/${finding.path.replace(/^xdm\.?/, '').replace(/\./g, '/')}`,
        keyword: finding.severity === 'privacy' ? 'privacy' : 'presence',
        message: finding.message,
      })),
  ].slice(0, MAX_REPORTED);
  return new ProblemError(400, {
    type: 'http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet',
    status: 400,
    title: 'Invalid XDM Message Format',
    report: {
      message: `inletId: [${inletId}] imsOrgId: [${orgId}] Message is invalid`,
      cause: {
        _streamingValidation: [
          {
            schemaLocation: '#',
            pointerToViolation: '#',
            causingExceptions: errors.map(({ pointer, keyword, message }) => ({
              schemaLocation: pointer,
              pointerToViolation: pointer,
              causingExceptions: [],
              keyword,
              message,
            })),
            message: `${errors.length} schema violations found`,
          },
        ],
      },
    },
  });
}
