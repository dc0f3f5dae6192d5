import type { RequestMeta } from '../../core/InteractRequest';
import type { StateEntry } from '../../core/delivery/readHandles';
import type { StateWriter } from './writeStateCookies';

const noop = () => {};

/** Reads one cookie of `jar` (`document.cookie`, read once), decoded; `undefined` when absent. */
function readCookie(name: string, jar: string): string | undefined {
  const pair = jar.split('; ').find((cookie) => cookie.startsWith(`${name}=`));
  if (pair === undefined) return undefined;
  const value = pair.slice(name.length + 1);
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The Edge Network's `state:store` entries as first-party cookies (written by `write`: see
 * writeStateCookies.ts), and the `meta.state.entries` that carry their current values back. The
 * names are remembered (under `state`) so that only cookies the Edge Network asked for are sent back.
 */
export function stateCookies(
  remember: (name: string, value?: string) => string | null | undefined,
  write: StateWriter,
) {
  let names: string[] = [];
  try {
    names = JSON.parse(remember('state') || '[]');
  } catch {
    // Unreadable: the next answer names them again.
  }
  let jar = '';
  let readAt = -Infinity;
  // This page's latest answer: it goes back with the next request whether or not its cookies are
  // written yet (the standalone script's writer is an add-on that may still be loading).
  const fresh: Record<string, string> = {};
  return {
    storeState(entries: StateEntry[]): void {
      const known = names.length;
      for (const { key, value } of entries) {
        if (!names.includes(key)) names.push(key);
        fresh[key] = value;
      }
      if (names.length > known) remember('state', JSON.stringify(names));
      Promise.resolve(write(entries)).catch(noop);
    },
    requestMeta(): RequestMeta | undefined {
      // Reading `document.cookie` costs the main thread more than a send's own work: read it once
      // a second at most, not at every attempt of a burst.
      if (Date.now() - readAt > 1000) {
        readAt = Date.now();
        // The Edge Network's own cookies (`kndctr_…`) count too: another subdomain of the site may
        // have written them, and its remembered names are in its own storage.
        jar = document.cookie;
        for (const pair of jar.split('; '))
          if (pair.startsWith('kndctr_')) {
            const key = pair.slice(0, pair.indexOf('='));
            if (!names.includes(key)) names.push(key);
          }
      }
      const entries = names.flatMap((key) => {
        const value = fresh[key] ?? readCookie(key, jar);
        return value === undefined ? [] : [{ key, value }];
      });
      return entries.length ? { state: { entries } } : undefined;
    },
  };
}
