import type { RequestMeta } from '../../core/InteractRequest';
import type { StateEntry } from '../../core/delivery/readHandles';
import type { StateWriter } from './writeStateCookies';
import { noop } from '../../core/noop';

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
  // The page's cookies as last read, decoded, by name.
  let jar = new Map<string, string>();
  let readAt = -Infinity;
  // This page's latest answer: it goes back with the next request whether or not its cookies are
  // written yet (the standalone script's writer is an add-on that may still be loading).
  const fresh: Record<string, string> = {};
  return {
    storeState(entries: StateEntry[]): Promise<unknown> {
      const known = names.length;
      for (const { key, value } of entries) {
        if (!names.includes(key)) names.push(key);
        fresh[key] = value;
      }
      if (names.length > known) remember('state', JSON.stringify(names));
      // A writer that throws (no cookie access in a sandboxed frame) settles too: the caller hears its answer.
      return new Promise((written) => written(write(entries))).catch(noop);
    },
    requestMeta(): RequestMeta | undefined {
      // Reading `document.cookie` costs the main thread more than a send's own work: read it once
      // a second at most, not at every attempt of a burst, and parse it once per read.
      if (Date.now() - readAt > 1000) {
        readAt = Date.now();
        jar = new Map();
        for (const pair of document.cookie.split('; ')) {
          const at = pair.indexOf('=');
          const key = pair.slice(0, at);
          let value = pair.slice(at + 1);
          try {
            value = decodeURIComponent(value);
          } catch {
            // Not percent-encoding (another script's cookie): kept as it is.
          }
          jar.set(key, value);
          // The Edge Network's own cookies (`kndctr_…`) count too: another subdomain of the site may
          // have written them, and its remembered names are in its own storage.
          if (key.startsWith('kndctr_') && !names.includes(key)) names.push(key);
        }
      }
      const entries = names.flatMap((key) => {
        const value = fresh[key] ?? jar.get(key);
        return value === undefined ? [] : [{ key, value }];
      });
      return entries.length ? { state: { entries } } : undefined;
    },
  };
}
