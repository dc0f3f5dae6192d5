import { checkConsentEntry } from '../../core/consent/checkConsentEntry';
import { edgeProblem } from '../edge/edgeProblem';
import { isObject } from '../http/isObject';
import { readTcfConsent } from './readTcfConsent';

/** What a visitor's consent means for collection, as the consent cookie says it (`general=in|out`). */
export type GeneralConsent = 'in' | 'out';

/**
 * An IAB TCF entry as the Edge Network reads it: `gdprApplies` left out means true (Experience
 * League, "IAB TCF 2.0 support": "gdprApplies … defaults to true").
 */
const withDefaults = (entry: unknown): unknown =>
  isObject(entry) && entry.standard === 'IAB TCF' && entry.gdprApplies === undefined
    ? { ...entry, gdprApplies: true }
    : entry;

/** The decision of one entry already checked by the shared rule; a string is what is wrong with it. */
function decideEntry(entry: Record<string, unknown>, state: unknown, at: string): GeneralConsent | string {
  if (entry.standard !== 'IAB TCF' || entry.gdprApplies === false) return state === 'out' ? 'out' : 'in';
  const tcf = readTcfConsent(String(entry.value));
  if (!tcf) return `${at}.value is not an IAB TCF 2.0 consent string`;
  // Collection needs purpose 1 and Adobe's vendor consent (565); alloy's IAB_NO_ADOBE_VENDOR is out.
  return tcf.purposeOne && tcf.adobeVendor ? 'in' : 'out';
}

/**
 * Decides what consent entries mean for collection, as the Edge Network does: each is checked by
 * the rule the collector shares (src/core/consent/checkConsentEntry.ts); any opt-out wins. Invalid
 * entries are refused together, as Adobe's table shows: 422 `EXEG-0104-422` with `report.errors`.
 */
export function decideConsent(entries: unknown[], requestId: string): GeneralConsent {
  const errors: string[] = [];
  let general: GeneralConsent = 'in';
  entries.forEach((given, index) => {
    const at = `consent[${index}]`;
    const entry = withDefaults(given);
    const verdict = checkConsentEntry(entry, at);
    const decision =
      'fault' in verdict ? verdict.message : decideEntry(entry as Record<string, unknown>, verdict.state, at);
    if (decision === 'out') general = 'out';
    else if (decision !== 'in') errors.push(decision);
  });
  if (errors.length)
    throw edgeProblem(
      'invalidInput',
      requestId,
      'Invalid request (report attached). Please check your input and try again.',
      { errors },
    );
  return general;
}

/**
 * The consent an event carries in `xdm.consentStrings` (the XDM "IAB TCF 2.0 Consent" field
 * group), as consent entries: the Edge Network applies it to the visitor (alloy test C224678).
 */
export function eventConsentEntries(xdm: Record<string, unknown>): unknown[] {
  const strings = xdm.consentStrings;
  if (!Array.isArray(strings)) return [];
  return strings.filter(isObject).map((item) => ({
    standard: item.consentStandard,
    version: item.consentStandardVersion,
    value: item.consentStringValue,
    ...(item.gdprApplies !== undefined && { gdprApplies: item.gdprApplies }),
  }));
}
