import { IDENTITY_MAX_AGE, type Visitor } from './resolveVisitor';

/** One `handle` entry of an interact answer. */
export interface Handle {
  type: string;
  payload: unknown[];
}

/** How long the Edge Network asks clients to keep sending to the same region. */
export const LOCATION_HINT_TTL = 1800;

/**
 * The handles an interact answer carries: the visitor's id, the cookies to keep it (and the
 * region hint) in, and the location hint; the emulator's one region is called `local`.
 */
export function buildEdgeHandles(visitor: Visitor): Handle[] {
  const clusterCookie = visitor.cookieName.replace(/_identity$/, '_cluster');
  return [
    { type: 'identity:result', payload: [{ id: visitor.ecid, namespace: { code: 'ECID' } }] },
    {
      type: 'state:store',
      payload: [
        { key: visitor.cookieName, value: visitor.cookieValue, maxAge: IDENTITY_MAX_AGE },
        { key: clusterCookie, value: 'local', maxAge: LOCATION_HINT_TTL },
      ],
    },
    {
      type: 'locationHint:result',
      payload: [{ scope: 'EdgeNetwork', hint: 'local', ttlSeconds: LOCATION_HINT_TTL }],
    },
  ];
}
