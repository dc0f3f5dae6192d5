import type { RequestMeta } from '../../core/InteractRequest';
import type { StateEntry } from '../../core/delivery/readHandles';

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
 * The registrable domain of this page, found as Adobe's Web SDK finds it: the shortest parent
 * domain (`example.com` of `www.example.com`) that accepts a cookie, since a public suffix
 * (`co.uk`) refuses one. `''` where none does (localhost, an IP address): cookies stay host-only.
 */
export function findCookieDomain(): string {
  const labels = location.hostname.split('.');
  for (let i = labels.length - 2; i >= 0; i--) {
    const domain = labels.slice(i).join('.');
    const probe = `ec_probe=1; path=/; domain=${domain}`;
    document.cookie = probe;
    if (document.cookie.includes('ec_probe=1')) {
      document.cookie = probe + '; max-age=0';
      return domain;
    }
  }
  return '';
}

/**
 * The Edge Network's `state:store` entries as first-party cookies on the registrable domain, so
 * that every subdomain of a site (`www.`, `cart.`) shares one ECID, and the `meta.state.entries`
 * that carry their current values back. The names are remembered (under `state`) so that only
 * cookies the Edge Network asked for are sent back.
 */
export function stateCookies(remember: (name: string, value?: string) => string | null | undefined) {
  let names: string[] = [];
  try {
    names = JSON.parse(remember('state') || '[]');
  } catch {
    // Unreadable: the next answer names them again.
  }
  // What this page last wrote per cookie: an answer repeating it (most do) writes nothing again.
  const written: Record<string, string> = {};
  let meta: RequestMeta | undefined;
  let readAt = -Infinity;
  let domain: string | undefined;
  return {
    storeState(entries: StateEntry[]): void {
      const https = location.protocol === 'https:';
      const known = names.length;
      // Found on the first answer of the page that sets state, not on every page load.
      domain ??= findCookieDomain();
      for (const { key, value, maxAge, attrs } of entries) {
        let sameSite = (attrs && attrs.SameSite) || 'Lax';
        // SameSite=None needs Secure, which a plain http page cannot set: keep it first-party only there.
        if (!/^(lax|strict|none)$/i.test(sameSite) || (!https && /none/i.test(sameSite))) sameSite = 'Lax';
        const cookie = `${key}=${encodeURIComponent(value)}; path=/${domain && `; domain=${domain}`}${maxAge === undefined ? '' : `; max-age=${Math.round(maxAge)}`}; SameSite=${sameSite}${https ? '; Secure' : ''}`;
        if (written[key] !== cookie) {
          document.cookie = written[key] = cookie;
          readAt = -Infinity;
        }
        if (!names.includes(key)) names.push(key);
      }
      if (names.length > known) remember('state', JSON.stringify(names));
    },
    requestMeta(): RequestMeta | undefined {
      // Reading `document.cookie` costs the main thread more than a send's own work: read it once
      // a second at most (and after this page wrote cookies), not at every attempt of a burst.
      if (Date.now() - readAt > 1000) {
        readAt = Date.now();
        // The Edge Network's own cookies (`kndctr_…`) count too: another subdomain of the site may
        // have written them, and its remembered names are in its own storage.
        const jar = document.cookie;
        for (const pair of jar.split('; '))
          if (pair.startsWith('kndctr_')) {
            const key = pair.slice(0, pair.indexOf('='));
            if (!names.includes(key)) names.push(key);
          }
        const entries = names.flatMap((key) => {
          const value = readCookie(key, jar);
          return value === undefined ? [] : [{ key, value }];
        });
        meta = entries.length ? { state: { entries } } : undefined;
      }
      return meta;
    },
  };
}
