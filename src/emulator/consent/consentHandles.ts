import { buildEdgeHandles } from '../edge/buildEdgeHandles';
import type { Visitor } from '../edge/resolveVisitor';

/** How long the Edge Network asks the page to keep its consent cookie: 180 days. */
export const CONSENT_MAX_AGE = 15_552_000;

/** The first-party cookie that keeps the visitor's consent: `kndctr_<org with @ as _>_consent`. */
export const consentCookieName = (visitor: Visitor) => visitor.cookieName.replace(/_identity$/, '_consent');

/** The handles of a consent answer: the interact answer's, with the consent cookie added to `state:store`. */
export function consentHandles(visitor: Visitor, general: 'in' | 'out') {
  const handles = buildEdgeHandles(visitor);
  for (const handle of handles)
    if (handle.type === 'state:store')
      handle.payload.push({
        key: consentCookieName(visitor),
        value: `general=${general}`,
        maxAge: CONSENT_MAX_AGE,
      });
  return handles;
}
