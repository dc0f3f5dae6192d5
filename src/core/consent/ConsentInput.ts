import type { IdentityMap } from '../emailIdentityMap';
import type { ConsentState } from '../delivery/ConsentState';

/** Adobe standard 1.0: one `general` purpose (spec `ConsentLevel`). */
export interface AdobeConsent1 {
  standard: 'Adobe';
  version: '1.0';
  value: { general?: 'in' | 'out' | 'pending' | 'not_provided' };
}

/** An Adobe 2.0 choice (spec `ConsentChoice.val`): yes, no, pending, unknown, or a lawful basis. */
export type ConsentChoice = 'y' | 'n' | 'p' | 'u' | 'li' | 'ct' | 'cp' | 'vi' | 'pi';

/**
 * Adobe standard 2.0: `collect.val` decides collection here (`y` in, `n` out, `p` pending; other
 * choices are the Edge Network's to read); every purpose (`collect`, `share`, `adID`,
 * `personalize`, `marketing`, `metadata`) is optional and passed to the Edge Network as given.
 * https://experienceleague.adobe.com/en/docs/experience-platform/xdm/field-groups/profile/consents
 */
export interface AdobeConsent2 {
  standard: 'Adobe';
  version: '2.0';
  value: { collect?: { val?: ConsentChoice } } & Record<string, unknown>;
}

/** IAB TCF 2.0: the visitor's TC string; GDPR applies unless `gdprApplies` is false (Adobe's default). */
export interface IabTcfConsent {
  standard: 'IAB TCF';
  version: '2.0';
  value: string;
  gdprApplies?: boolean;
  gdprContainsPersonalData?: boolean;
}

/** One consent entry in a standard the Edge Network knows, as `setConsent` sends it. */
export type ConsentEntry = AdobeConsent1 | AdobeConsent2 | IabTcfConsent;

/**
 * What `setConsent` accepts in every face: the shorthand `'in' | 'out' | 'pending'`, or Adobe's
 * Web SDK form `{ consent: [entries…], identityMap? }`; the identity map goes as the request's
 * top-level `identityMap` (spec `ConsentReplaceRequest`), and its `ECID` names the device the
 * decision is for.
 */
export type ConsentInput = ConsentState | { consent: ConsentEntry[]; identityMap?: IdentityMap };

/**
 * The standards and versions the Edge Network's `privacy/set-consent` takes
 * (https://experienceleague.adobe.com/en/docs/experience-platform/web-sdk/commands/setconsent):
 * the one list the collector, the Tags view and the emulator check against.
 */
export const CONSENT_STANDARDS: Readonly<Record<string, readonly string[]>> = {
  Adobe: ['1.0', '2.0'],
  'IAB TCF': ['2.0'],
};

/**
 * A checked `setConsent` call: the entries to post to the Edge Network (none for `pending`) and
 * the collection state they mean here. `state` is absent when only the Edge Network can tell
 * (an IAB TCF string where GDPR applies): events then wait for its answer's consent cookie.
 */
export interface ConsentDecision {
  consent?: ConsentEntry[];
  state?: ConsentState;
  identityMap?: IdentityMap;
}
