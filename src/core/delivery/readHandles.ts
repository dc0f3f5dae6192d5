import type { EdgeHandle } from '../readEdgeAnswer';

/** A first-party value the Edge Network asks the page to keep (a `state:store` payload item). */
export interface StateEntry {
  key: string;
  value: string;
  /** Seconds; absent for a session cookie. */
  maxAge?: number;
  attrs?: { SameSite?: string };
}

/** What the delivery keeps from an answer: state to store, and identities by namespace (`ECID` → id). */
export interface HandleFindings {
  state: StateEntry[];
  identity: Record<string, string>;
}

// A cookie name is an RFC 6265 token; anything else could inject attributes.
const COOKIE_NAME = /^[\w!#$%&'*+.^`|~-]+$/;

/** Picks the `state:store` entries and `identity:result` ids out of an answer's handles, skipping malformed items. */
export function readHandles(handles: EdgeHandle[]): HandleFindings {
  const found: HandleFindings = { state: [], identity: {} };
  for (const handle of handles) {
    for (const item of handle && Array.isArray(handle.payload) ? handle.payload : []) {
      const { key, value, maxAge, attrs, id, namespace } = (item || {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (
        handle.type === 'state:store' &&
        typeof key === 'string' &&
        COOKIE_NAME.test(key) &&
        typeof value === 'string'
      ) {
        found.state.push({ key, value, maxAge: typeof maxAge === 'number' ? maxAge : undefined, attrs });
      }
      if (
        handle.type === 'identity:result' &&
        typeof id === 'string' &&
        namespace &&
        typeof namespace.code === 'string'
      )
        found.identity[namespace.code] = id;
    }
  }
  return found;
}
