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

/** Adobe 1.0 `general` (spec `ConsentLevel`): not provided, pending verification, opt-in, opt-out. */
export const CONSENT_LEVELS = ['not_provided', 'pending', 'in', 'out'];

/**
 * Adobe 2.0 choices (spec `ConsentChoice.val`): yes, no, pending verification, unknown, legitimate
 * interest, required by contract, legal obligation, vital interest, public interest.
 */
export const CONSENT_CHOICES = ['y', 'n', 'p', 'u', 'li', 'ct', 'cp', 'vi', 'pi'];

// The Adobe 2.0 purposes whose value is a choice `{ val }`, as the spec's `AdobeConsentChoices` lists them.
const CHOICE_PURPOSES = ['collect', 'share', 'adID'];

const quote = (value: unknown) => JSON.stringify(value) ?? 'nothing';

/** The spec's rule for one `{ val }` choice at `at`, or `undefined` when it conforms. */
function choiceFault(choice: unknown, at: string): string | undefined {
  if (choice === undefined) return undefined;
  const val = isPlainObject(choice) ? choice.val : choice;
  if (!isPlainObject(choice) || (val !== undefined && !CONSENT_CHOICES.includes(val as string)))
    return `${at} must be { "val": ${CONSENT_CHOICES.map(quote).join(' | ')} }, not ${quote(choice)}`;
}

/** The Adobe 2.0 value's faults, by the spec's `AdobeConsentChoices`; other purposes pass as given. */
function choicesFault(value: Record<string, unknown>, at: string): string | undefined {
  const { personalize, marketing } = value;
  const found = CHOICE_PURPOSES.map((purpose) => choiceFault(value[purpose], `${at}.${purpose}`));
  if (personalize !== undefined)
    found.push(
      isPlainObject(personalize)
        ? choiceFault(personalize.content, `${at}.personalize.content`)
        : `${at}.personalize must be an object`,
    );
  if (marketing !== undefined) {
    if (!isPlainObject(marketing)) found.push(`${at}.marketing must be an object`);
    else
      for (const [channel, choice] of Object.entries(marketing))
        if (channel !== 'preferred') found.push(choiceFault(choice, `${at}.marketing.${channel}`));
  }
  return found.find(Boolean);
}

/** The collection state of a valid entry's value, or the fault in it (the spec's words). */
function readValue(entry: Record<string, unknown>, at: string): ConsentVerdict | ConsentFault {
  const { version, value } = entry;
  const bad = (message: string): ConsentFault => ({ fault: 'value', message });
  if (entry.standard === 'IAB TCF') {
    // Adobe: `gdprApplies` defaults to true; both flags are optional booleans.
    if (typeof value !== 'string' || !value.trim())
      return bad(`${at}.value must be the IAB TCF 2.0 consent string, not ${quote(value)}`);
    for (const flag of ['gdprApplies', 'gdprContainsPersonalData'])
      if (entry[flag] !== undefined && typeof entry[flag] !== 'boolean')
        return bad(`${at}.${flag} must be true or false`);
    // Where GDPR applies only the Edge Network reads the string: its answer's consent word decides.
    return { state: entry.gdprApplies === false ? 'in' : undefined };
  }
  if (!isPlainObject(value)) return bad(`${at}.value must be an object, not ${quote(value)}`);
  if (version === '1.0') {
    const { general } = value;
    if (general !== undefined && !CONSENT_LEVELS.includes(general as string))
      return bad(
        `${at}.value.general must be ${CONSENT_LEVELS.map(quote).join(', ')}, not ${quote(general)}`,
      );
    // `not_provided` (or none): the Edge Network applies the datastream's default.
    return { state: general === 'in' || general === 'out' || general === 'pending' ? general : undefined };
  }
  const fault = choicesFault(value, `${at}.value`);
  if (fault) return bad(fault);
  const val = isPlainObject(value.collect) ? value.collect.val : undefined;
  return { state: val === 'y' ? 'in' : val === 'n' ? 'out' : val === 'p' ? 'pending' : undefined };
}

/**
 * Checks one entry of `{ consent: [...] }` against what the Edge Network's spec accepts
 * (`ConsentReplaceRequest`: Adobe 1.0 and 2.0, IAB TCF 2.0), and nothing more. The one rule shared
 * by the collector, the Tags view and the emulator.
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
