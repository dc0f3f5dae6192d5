/** Ownership of queued events across the tabs of a site: one tab at a time may send an event. */
export interface Claims {
  /** Resolves once this page owns the event (at once for a new one; when its owner lets go otherwise). */
  claim(id: string): Promise<unknown>;
  release(id: string): void;
  /** Lets go of every lease as the page goes away, so that the next page can adopt at once. */
  releaseAll(): void;
}

/** How long a lease lasts without renewal: a crashed tab's events wait this long for adoption. */
export const LEASE_MS = 6_000;

/**
 * Claims events with Web Locks (`{namespace}:{requestId}`, released by the browser when the page
 * dies), or, without them (insecure pages, old browsers), with leases in localStorage that the
 * owner renews every two seconds.
 */
export function createClaims(namespace: string): Claims {
  const held = new Map<string, () => void>();
  const release = (id: string) => {
    const done = held.get(id);
    held.delete(id);
    if (done) done();
  };
  const locks = navigator.locks;
  if (locks) {
    return {
      claim: (id) =>
        new Promise((granted) =>
          locks.request(`${namespace}:${id}`, () => {
            granted(true);
            return new Promise<void>((done) => held.set(id, done));
          }),
        ),
      release,
      releaseAll() {},
    };
  }
  const me = Math.random().toString(36).slice(2);
  const key = (id: string) => `${namespace}:lease:${id}`;
  const renew = (id: string) => localStorage.setItem(key(id), `${me} ${Date.now() + LEASE_MS}`);
  let renewing: unknown;
  const take = (id: string) => {
    try {
      const [owner, until] = (localStorage.getItem(key(id)) || '').split(' ');
      if (owner && owner !== me && Number(until) > Date.now()) return false;
      renew(id);
      renewing = renewing || setInterval(() => held.forEach((_, leased) => renew(leased)), LEASE_MS / 3);
    } catch {
      // No storage, no other tab to agree with: the event is ours.
    }
    held.set(id, () => {
      try {
        localStorage.removeItem(key(id));
      } catch {
        // As above.
      }
    });
    return true;
  };
  return {
    claim: (id) =>
      new Promise((granted) => {
        const poll = () => (take(id) ? granted(true) : setTimeout(poll, LEASE_MS / 2));
        poll();
      }),
    release,
    releaseAll: () => held.forEach((_, id) => release(id)),
  };
}
