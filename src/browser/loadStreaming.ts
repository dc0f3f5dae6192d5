import { EdgeCollectorError } from '../core/EdgeCollectorError';
import type { queueStreamRecord } from '../core/streaming/queueStreamRecord';

/** The window event the streaming add-on announces itself with; its `detail` is `queueStreamRecord`. */
export const STREAMING_READY_EVENT = 'edgecollector:streaming';

/** The file name of the add-on, next to the standalone script. */
const ADD_ON = 'edge-collector.streaming.min.js';

let loading: Promise<typeof queueStreamRecord> | undefined;

/**
 * Loads the streaming add-on from the folder the standalone script came from (`scriptSrc`, read
 * while the script ran), once per page. A classic script rather than `import()`: it needs no CORS
 * headers from the CDN and the same CSP entry as the main script.
 */
export function loadStreaming(scriptSrc: string | undefined): Promise<typeof queueStreamRecord> {
  return (loading ??= new Promise<typeof queueStreamRecord>((resolve, reject) => {
    addEventListener(STREAMING_READY_EVENT, (event) => resolve((event as CustomEvent).detail), {
      once: true,
    });
    const script = document.createElement('script');
    // Throws (so rejects) when the script's own URL is unknown, e.g. when it was inlined.
    script.src = new URL(ADD_ON, scriptSrc).href;
    script.onerror = reject;
    document.head.append(script);
  }).catch(() => {
    // A later call tries again: the network may be back.
    loading = undefined;
    throw new EdgeCollectorError(
      'network',
      `streamRecord could not load ${ADD_ON} from the folder of the collector script`,
    );
  }));
}
