import type { StateEntry } from '../edge/buildEdgeHandles';
import type { Visitor } from '../edge/resolveVisitor';
import type { GeneralConsent } from './decideConsent';

/** How long the Edge Network asks the page to keep its consent cookie: 180 days. */
export const CONSENT_MAX_AGE = 15_552_000;

/** How long the consent check cookie is kept: 2 hours (see docs/emulator.md, "assumed, not documented"). */
export const CONSENT_CHECK_MAX_AGE = 7200;

/** The first-party cookie that keeps the visitor's consent: `kndctr_<org>_consent`. */
export const consentCookieName = (visitor: Visitor) => `${visitor.cookiePrefix}_consent`;

/** The state a consent decision adds to `state:store`: the consent cookie and the consent check cookie. */
export function consentState(visitor: Visitor, general: GeneralConsent): StateEntry[] {
  return [
    { key: consentCookieName(visitor), value: `general=${general}`, maxAge: CONSENT_MAX_AGE },
    { key: `${visitor.cookiePrefix}_consent_check`, value: '1', maxAge: CONSENT_CHECK_MAX_AGE },
  ];
}
