import { EdgeCollectorError } from '../core/EdgeCollectorError';

const loading: Record<string, Promise<unknown> | undefined> = {};

/**
 * What the core lends its add-ons (see lendToAddOns), handed to each on its script element. Filled
 * by the command API: this module is also imported by the add-ons (for ADD_ON_EVENT), which must not
 * bundle what they borrow.
 */
export const loan: unknown[] = [];

/** How long a failed add-on is not asked for again, in ms. */
const RETRY_ADD_ON_AFTER = 60_000;

/** The prefix of the window event an add-on announces itself with (`edgecollector:<name>`); its `detail` is what the add-on offers. */
export const ADD_ON_EVENT = 'edgecollector:';

/**
 * Loads the add-on `edge-collector.<name>.min.js` from the folder the standalone script came from
 * (`scriptSrc`, read while the script ran), once per page (after a failure, once a minute). A
 * classic script rather than `import()`: it needs no CORS headers from the CDN and the same CSP
 * entry as the main script. Add-ons hold what the core script's size budget has no room for
 * (streaming, the consent standards, SHA-256 for pages without WebCrypto, the config texts).
 */
export function loadAddOn<T>(scriptSrc: string | undefined, name: string): Promise<T> {
  const file = `edge-collector.${name}.min.js`;
  return (loading[name] ??= new Promise((resolve, reject) => {
    addEventListener(ADD_ON_EVENT + name, (event) => resolve((event as CustomEvent).detail), {
      once: true,
    });
    // Throws (so rejects) when the script's own URL is unknown, e.g. when it was inlined.
    const src = new URL(file, scriptSrc).href;
    // Inserted in a task after the call that asks for it: a script insert costs the main thread as
    // much as a request (3.6–6.7 ms on a fresh page of the bench's machine), which that call, such
    // as `configure`, need not wait for.
    setTimeout(() => {
      const script = document.createElement('script');
      script.src = src;
      // What the add-on takes from the core instead of carrying a copy (see lendToAddOns).
      (script as HTMLScriptElement & { core: unknown[] }).core = loan;
      // The add-on announces itself while it runs, before its load event: loaded but silent (not
      // the add-on, e.g. an error page) rejects instead of leaving the caller waiting for ever.
      script.onload = script.onerror = reject;
      document.head.append(script);
    });
  }).catch(() => {
    // The failure stands for a minute, then a call tries again (the network may be back): a site
    // that does not host the add-ons pays one failed request a minute, not one per call or answer.
    setTimeout(() => (loading[name] = undefined), RETRY_ADD_ON_AFTER);
    throw new EdgeCollectorError('network', `could not load ${file} from the folder of the collector script`);
  })) as Promise<T>;
}
