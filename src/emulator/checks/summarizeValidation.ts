import { DISTINCT_REPORT_CHARS_PER_REQUEST } from '../http/limits';
import { PLAIN_EMAIL_MESSAGE, type Finding, type Validation } from './validateEvent';

/** The path a summary gives what it does not list: the address flag's, and its findings'. */
export const NOT_LISTED_PATH = '(path not listed)';

const WHY = `the request's distinct reports passed ${DISTINCT_REPORT_CHARS_PER_REQUEST} characters, so the emulator keeps only this event's verdict and the kinds of its findings`;

/**
 * What an event's report becomes once its request has stored its share of distinct reports
 * (createRequestChecks): the same verdict (`ok`), an address flag if it had an address, and one
 * line for each kind of finding it had, without paths or counts, so that every such event of the
 * request shares one of a few summaries. A report with nothing listed is its own summary.
 */
export function summarizeValidation(validation: Validation): Validation {
  const { findings, plainEmails, schemaViolations } = validation;
  if (!findings.length && !plainEmails.length && !schemaViolations.length) return validation;
  const has = (severity: Finding['severity']) => findings.some((finding) => finding.severity === severity);
  const address = plainEmails.length > 0 || has('privacy');
  const summary: Finding[] = [];
  if (address) summary.push({ severity: 'privacy', path: NOT_LISTED_PATH, message: PLAIN_EMAIL_MESSAGE });
  if (has('error') || schemaViolations.length)
    summary.push({ severity: 'error', path: NOT_LISTED_PATH, message: `error(s) not listed: ${WHY}` });
  if (has('warning'))
    summary.push({ severity: 'warning', path: NOT_LISTED_PATH, message: `warning(s) not listed: ${WHY}` });
  return {
    ok: validation.ok,
    findings: summary,
    plainEmails: address ? [NOT_LISTED_PATH] : [],
    schemaViolations: [],
  };
}
