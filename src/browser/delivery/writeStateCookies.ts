import type { StateEntry } from '../../core/delivery/readHandles';

/**
 * The registrable domain of this page, found as Adobe's Web SDK finds it: the shortest parent
 * domain (`example.com` of `www.example.com`) that accepts a cookie, since a public suffix
 * (`co.uk`) refuses one. `''` where none does (localhost, an IP address): cookies stay host-only.
 */
function findCookieDomain(): string {
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

/** Where the domain found is remembered for the origin's later pages (it is no one's data). */
export const COOKIE_DOMAIN_KEY = 'edge-collector:cookieDomain';

/**
 * {@link findCookieDomain}, once per origin rather than on every page load: its probe writes a
 * cookie and reads `document.cookie` back (a synchronous trip to the browser's cookie store), per
 * label tried. An origin's registrable domain does not change, and localStorage is per origin.
 */
function rememberedCookieDomain(): string {
  try {
    const known = localStorage.getItem(COOKIE_DOMAIN_KEY);
    if (known !== null) return known;
  } catch {
    // Storage refused: found again on each page, as before.
  }
  const found = findCookieDomain();
  try {
    localStorage.setItem(COOKIE_DOMAIN_KEY, found);
  } catch {
    // Refused or full: found again on the next page.
  }
  return found;
}

/** Writes state cookies: a writer, or a loader of one (the standalone script's add-on). */
export type StateWriter = (entries: StateEntry[]) => unknown;

/**
 * A writer of the Edge Network's `state:store` entries as first-party cookies on the registrable
 * domain, so that every subdomain of a site (`www.`, `cart.`) shares one ECID. The standalone
 * script loads it at `configure` (with the link-click add-on on a default page, else as
 * `edge-collector.state.min.js`), and writes with it from the first answer that sets state
 * (stateCookies.ts); the other faces make it directly.
 */
export function createStateCookieWriter(): StateWriter {
  // Found on the first answer that sets state on the origin (then remembered), not on every page load.
  let domain: string | undefined;
  // What this page last wrote per cookie: an answer repeating it (most do) writes nothing again.
  const written: Record<string, string> = {};
  return (entries) => {
    const https = location.protocol === 'https:';
    domain ??= rememberedCookieDomain();
    for (const { key, value, maxAge, attrs } of entries) {
      let sameSite = (attrs && attrs.SameSite) || 'Lax';
      // SameSite=None needs Secure, which a plain http page cannot set: keep it first-party only there.
      if (!/^(lax|strict|none)$/i.test(sameSite) || (!https && /none/i.test(sameSite))) sameSite = 'Lax';
      const cookie = `${key}=${encodeURIComponent(value)}; path=/${domain && `; domain=${domain}`}${maxAge === undefined ? '' : `; max-age=${Math.round(maxAge)}`}; SameSite=${sameSite}${https ? '; Secure' : ''}`;
      if (written[key] !== cookie) document.cookie = written[key] = cookie;
    }
  };
}
