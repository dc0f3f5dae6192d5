import { ProblemError } from '../http/ProblemError';

/**
 * The refusals of the emulated `privacy/set-consent`, in the style of edgeProblem: `type`
 * `https://ns.adobe.com/aep/errors/EXEG-<code>-400`, in the input range (01xx). One per kind of
 * mistake, so that a test or a person can tell an unknown standard from a bad version or value.
 */
export const CONSENT_ERRORS = {
  missingConsent: { code: '0110', title: 'Missing consent' },
  standard: { code: '0111', title: 'Unknown consent standard' },
  version: { code: '0112', title: 'Unsupported consent standard version' },
  value: { code: '0113', title: 'Invalid consent value' },
} as const;

/** Builds a consent refusal (HTTP 400) naming what to fix, with `report.requestId`. */
export function consentProblem(
  name: keyof typeof CONSENT_ERRORS,
  requestId: string,
  detail: string,
): ProblemError {
  const { code, title } = CONSENT_ERRORS[name];
  return new ProblemError(400, {
    type: `https://ns.adobe.com/aep/errors/EXEG-${code}-400`,
    status: 400,
    title,
    detail,
    report: { requestId },
  });
}
