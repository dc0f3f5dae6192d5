import { checkConsentEntry } from '../src/core/consent/checkConsentEntry';
import { checkIdentityMap } from '../src/core/consent/checkIdentityMap';
import { CONSENT_STANDARDS } from '../src/core/consent/ConsentInput';
import { isPlainObject } from '../src/core/deepMerge';
import { toEntry, type ConsentRow } from '../src/tags/readConsentSettings';
import { objectField } from './shared/commonFields';
import { CONSENT_OPTIONS } from './shared/consentOptions';
import { instanceField } from './shared/createInstanceField';
import { registerView } from './shared/registerView';
import { hasToken } from './shared/tokens';

const versions = [...new Set(Object.values(CONSENT_STANDARDS).flat())];

/**
 * What the collector would refuse at run time, by the collector's own rules: each entry as the
 * action turns it into one (checkConsentEntry), and a typed identity map (checkIdentityMap). An
 * entry or map holding a data element is checked by the page, where its value is known.
 */
function checkConsent(settings: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const rows = Array.isArray(settings.consent) ? (settings.consent as ConsentRow[]) : [];
  for (const [index, row] of rows.entries()) {
    if (Object.values(row).some((value) => typeof value === 'string' && hasToken(value))) continue;
    const verdict = checkConsentEntry(toEntry(row), `Entry ${index + 1}`);
    if ('fault' in verdict) {
      errors.consent = `${verdict.message}.`;
      break;
    }
  }
  if (isPlainObject(settings.identityMap))
    try {
      checkIdentityMap(settings.identityMap);
    } catch (error) {
      errors.identityMap = `${(error as Error).message.replace(/^setConsent: /, '')}.`;
    }
  return errors;
}

/** The "Set consent" action view: the shorthand, or a list of entries in Adobe's consent standards. */
export const view = registerView({
  title: 'Set consent',
  intro:
    "Records the visitor's consent and posts it to the Edge Network (privacy/set-consent) before any event. In: send events. Out: send nothing. Pending: hold events until the visitor decides.",
  fields: [
    instanceField,
    {
      kind: 'choice',
      name: 'value',
      label: 'Consent',
      required: true,
      help: "In and out are posted as Adobe standard 1.0. Standards: post the entries below. A data element may return in, out, pending, or the whole { consent: [...] } of Adobe's Web SDK.",
      options: [...CONSENT_OPTIONS, { value: 'standards', label: 'Consent standards (below)' }],
      dataElementReturns: `${CONSENT_OPTIONS.map(({ value }) => `"${value}"`).join(', ')} or Adobe's { consent: [...] }`,
    },
    {
      kind: 'rows',
      name: 'consent',
      label: 'Consent standards',
      shownWhen: { field: 'value', values: ['standards'] },
      addLabel: 'Add consent entry',
      help: 'Used when Consent is "Consent standards". Value: Adobe 1.0 takes in or out; Adobe 2.0 takes y or n for collect (or a data element returning the whole value, e.g. { "collect": { "val": "y" }, "personalize": … }); IAB TCF 2.0 takes the TC string, usually from your consent platform\'s data element.',
      columns: [
        {
          name: 'standard',
          label: 'Standard',
          required: true,
          options: Object.keys(CONSENT_STANDARDS).map((value) => ({ value, label: value })),
        },
        {
          name: 'version',
          label: 'Version',
          required: true,
          options: versions.map((value) => ({ value, label: value })),
        },
        { name: 'value', label: 'Value', required: true, dataElement: true },
        {
          name: 'gdprApplies',
          label: 'GDPR (IAB TCF only)',
          options: [
            { value: 'true', label: 'GDPR applies' },
            { value: 'false', label: 'GDPR does not apply' },
          ],
        },
      ],
    },
    {
      ...objectField(
        'identityMap',
        'Identity map',
        "Optional: an XDM identityMap sent with the decision (JSON, or a data element such as this extension's Identity map). The Edge Network ties consent to its ECID. E-mail addresses go hashed (Email_LC_SHA256); a plain address is refused. Posted with In, Out and the standards.",
        '{ "CRMID": [{ "id": "c-123", "authenticatedState": "authenticated" }] } or %identity map%',
      ),
      shownWhen: { field: 'value', values: ['in', 'out', 'standards'] },
    },
  ],
  defaults: { value: 'in' },
  check: checkConsent,
});
