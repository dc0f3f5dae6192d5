import { IDENTITY_MAX_AGE, type Visitor } from './resolveVisitor';

/** One `handle` entry of an interact answer. */
export interface Handle {
  type: string;
  payload: Array<Record<string, unknown>>;
  eventIndex?: number;
}

/** One `state:store` entry: a first-party cookie for the client to keep. */
export interface StateEntry {
  key: string;
  value: string;
  maxAge: number;
  attrs?: { SameSite: string };
}

/** How long the Edge Network asks clients to keep sending to the same region. */
export const LOCATION_HINT_TTL = 1800;

/** The emulator's one region: the location hint, the `_cluster` cookie and the path segment. */
export const LOCATION_HINT = 'local';

/** The `x-adobe-edge` header: `<region>;<region id>`, read by the Web SDK (its `regionId`). */
export const ADOBE_EDGE_HEADER = 'LOCAL;1';

/** What the answer carries beyond the region: the id when asked, and state to store. */
export interface HandleOptions {
  /** `query.identity.fetch` named `ECID`, or the request is `identity/acquire`. */
  fetchIdentity: boolean;
  /** More first-party cookies to keep (the consent cookie). */
  extraState?: StateEntry[];
}

/** The `state:store` entries of an answer: the identity cookie when the request lacked it, the region cookie, any extra. */
export function stateEntriesFor(visitor: Visitor, extra: StateEntry[] = []): StateEntry[] {
  const identity: StateEntry[] = visitor.storeIdentity
    ? [
        {
          key: visitor.cookieName,
          value: visitor.cookieValue,
          maxAge: IDENTITY_MAX_AGE,
          attrs: { SameSite: 'None' },
        },
      ]
    : [];
  return [
    ...identity,
    { key: `${visitor.cookiePrefix}_cluster`, value: LOCATION_HINT, maxAge: LOCATION_HINT_TTL },
    ...extra,
  ];
}

/**
 * The handles an answer carries, in the shapes alloy's recorded answers show
 * (test/fixtures/alloy/mocks/): `identity:result` when the ECID was asked for, the location hint
 * (`EdgeNetwork`), and `state:store` with the cookies to keep.
 */
export function buildEdgeHandles(visitor: Visitor, options: HandleOptions): Handle[] {
  const identity: Handle[] = options.fetchIdentity
    ? [{ type: 'identity:result', payload: [{ id: visitor.ecid, namespace: { code: 'ECID' } }] }]
    : [];
  return [
    ...identity,
    {
      type: 'locationHint:result',
      payload: [{ scope: 'EdgeNetwork', hint: LOCATION_HINT, ttlSeconds: LOCATION_HINT_TTL }],
    },
    {
      type: 'state:store',
      payload: stateEntriesFor(visitor, options.extraState) as unknown as Array<Record<string, unknown>>,
    },
  ];
}

/**
 * The `Set-Cookie` headers for state entries, sent only when the client enabled cookies
 * (`meta.state.cookiesEnabled`). `SameSite=Lax` without `Secure`, so that they work on plain-HTTP
 * loopback pages too (every loopback port is the same site); the handles keep Adobe's attributes.
 */
export function setCookieHeaders(entries: StateEntry[]): string[] {
  return entries.map(
    ({ key, value, maxAge }) =>
      `${key}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; SameSite=Lax`,
  );
}
