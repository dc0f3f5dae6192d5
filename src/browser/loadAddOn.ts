import { EdgeCollectorError } from '../core/EdgeCollectorError';

const loading: Record<string, Promise<unknown> | undefined> = {};

/** The window event an add-on announces itself with; its `detail` is what the add-on offers. */
export const addOnEvent = (name: string) => `edgecollector:${name}`;

/**
 * Loads the add-on `edge-collector.<name>.min.js` from the folder the standalone script came from
 * (`scriptSrc`, read while the script ran), once per page. A classic script rather than `import()`:
 * it needs no CORS headers from the CDN and the same CSP entry as the main script. Add-ons hold
 * what the core script's size budget has no room for (streaming, the consent standards).
 */
export function loadAddOn<T>(scriptSrc: string | undefined, name: string): Promise<T> {
  const file = `edge-collector.${name}.min.js`;
  return (loading[name] ??= new Promise((resolve, reject) => {
    addEventListener(addOnEvent(name), (event) => resolve((event as CustomEvent).detail), { once: true });
    const script = document.createElement('script');
    // Throws (so rejects) when the script's own URL is unknown, e.g. when it was inlined.
    script.src = new URL(file, scriptSrc).href;
    script.onerror = reject;
    document.head.append(script);
  }).catch(() => {
    // A later call tries again: the network may be back.
    loading[name] = undefined;
    throw new EdgeCollectorError('network', `could not load ${file} from the folder of the collector script`);
  })) as Promise<T>;
}
