import type { ConsentState } from '../delivery/ConsentState';
import { isPlainObject } from '../deepMerge';
import { CONSENT_STANDARDS } from './ConsentInput';

/** What is wrong with a consent entry: its standard, its version, or its value. */
export interface ConsentFault {
  fault: 'standard' | 'version' | 'value';
  message: string;
}

/** A valid entry and the collection state it means (`undefined`: the Edge Network decides). */
export interface ConsentVerdict {
  state: ConsentState | undefined;
}

const quote = (value: unknown) => JSON.stringify(value) ?? 'nothing';

/** The collection state of a valid entry's value, or the fault in it. */
function readValue(entry: Record<string, unknown>, at: string): ConsentVerdict | ConsentFault {
  const { version, value } = entry;
  const bad = (expected: string): ConsentFault => ({
    fault: 'value',
    message: `${at}.value ${expected}, not ${quote(value)}`,
  });
  if (entry.standard === 'IAB TCF') {
    if (typeof value !== 'string' || !value.trim()) return bad('must be the IAB TCF 2.0 consent string');
    if (typeof entry.gdprApplies !== 'boolean')
      return { fault: 'value', message: `${at}.gdprApplies must be true or false` };
    // Where GDPR applies only the Edge Network reads the string: its answer's consent cookie decides.
    return { state: entry.gdprApplies ? undefined : 'in' };
  }
  if (!isPlainObject(value)) return bad('must be an object');
  if (version === '1.0') {
    const general = value.general;
    if (general !== 'in' && general !== 'out')
      return bad('must be { "general": "in" } or { "general": "out" }');
    return { state: general };
  }
  const val = isPlainObject(value.collect) ? value.collect.val : undefined;
  if (val !== 'y' && val !== 'n') return bad('must have "collect": { "val": "y" } or { "val": "n" }');
  return { state: val === 'y' ? 'in' : 'out' };
}

/**
 * Checks one entry of `{ consent: [...] }` against the standards the Edge Network takes (Adobe
 * 1.0 and 2.0, IAB TCF 2.0). The one rule shared by the collector, the Tags view and the emulator.
 */
export function checkConsentEntry(entry: unknown, at: string): ConsentVerdict | ConsentFault {
  if (!isPlainObject(entry))
    return { fault: 'standard', message: `${at} must be an object with a "standard"` };
  // An own list only: "constructor" or "toString" must read as unknown, not as Object's.
  const versions = CONSENT_STANDARDS[String(entry.standard)];
  if (typeof entry.standard !== 'string' || !Array.isArray(versions))
    return {
      fault: 'standard',
      message: `${at}.standard ${quote(entry.standard)} is not a consent standard: use ${Object.keys(
        CONSENT_STANDARDS,
      )
        .map(quote)
        .join(' or ')}`,
    };
  if (!versions.includes(entry.version as string))
    return {
      fault: 'version',
      message: `${at}.version ${quote(entry.version)} is not a version of ${entry.standard}: use ${versions.map(quote).join(' or ')}`,
    };
  return readValue(entry, at);
}
