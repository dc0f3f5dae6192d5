import type { RequestMeta } from '../InteractRequest';
import { readEdgeAnswer, type EdgeHandle, type SendResult } from '../readEdgeAnswer';
import type { ConsentState } from './ConsentState';
import { readHandles, type StateEntry } from './readHandles';
import type { RequestHandler } from './RequestHandler';

/** What the Edge Network's handler reads and writes outside the delivery; all optional (Node has none). */
export interface EdgeInteractCollaborators {
  /** Request fields current at each attempt: the `meta.state` entries kept from earlier answers. */
  requestMeta?(): RequestMeta | undefined;
  /**
   * Keeps the `state:store` entries of an answer (the browser sets them as first-party cookies);
   * returns what settles once they are written.
   */
  storeState?(entries: StateEntry[]): unknown;
  /** Reads (one argument) or writes a small value that outlives the page: here `identity`. */
  remember?(name: string, value?: string): string | null | undefined;
  /** Tells result listeners (Tags' "Edge response received") about an answered request. */
  notify?(result: SendResult): void;
  /** Applies the Edge Network's own consent word (its `kndctr_…_consent` entry), as `setConsent` would. */
  consent?(state: ConsentState): void;
}

/** The Edge interact handler, and the identities its answers brought. */
export interface EdgeInteractHandler extends RequestHandler {
  /** The ids of `identity:result` handles, by namespace: `{ ECID: '…' }`. */
  identity(): Record<string, string>;
  /**
   * Keeps what an Edge Network answer's handles say (cookies, ids, consent), without telling
   * listeners; returns what settles once its cookies are written.
   */
  keep(result: { handle: EdgeHandle[] }): unknown;
}

// The Edge Network's state entries this handler reads: `kndctr_{org}_consent` (`general=in|out`)
// and `kndctr_{org}_cluster`, the location hint (https://experienceleague.adobe.com/en/docs/experience-platform/collection/client-state).
const CONSENT_ENTRY = /_consent$/;
const CLUSTER_ENTRY = /_cluster$/;

/**
 * The handler of `POST /ee/v2/interact` requests: each attempt's body is the stored one with the
 * current `meta.state` spliced in (the event is serialised once, when built, and never parsed
 * again), and its path carries the location hint the Edge Network gave (`/ee/{hint}/v2/…`, so a
 * visit stays in one region, as Adobe's Web SDK does). Every answer's `state:store` entries,
 * `identity:result` ids and consent word are kept.
 */
export function edgeInteract({
  requestMeta,
  storeState,
  remember,
  notify,
  consent,
}: EdgeInteractCollaborators): EdgeInteractHandler {
  let known = (remember && remember('identity')) || '{}';
  let identity: Record<string, string> = {};
  let consentWord: string | undefined;
  try {
    identity = JSON.parse(known);
  } catch {
    // Unreadable: start without, the next answer brings it again.
  }
  function keep({ handle }: { handle: EdgeHandle[] }) {
    const found = readHandles(handle);
    const written = found.state.length && storeState && storeState(found.state);
    const next = JSON.stringify((identity = { ...identity, ...found.identity }));
    // Written only when it changed: most answers bring the same ECID again.
    if (next !== known && remember) remember('identity', (known = next));
    const word = found.state.find(({ key }) => CONSENT_ENTRY.test(key));
    const state = word && /general=(in|out)/.exec(word.value);
    // Applied when it changes: every answer repeats it.
    if (state && consent && state[1] !== consentWord) consent((consentWord = state[1]) as ConsentState);
    return written;
  }
  return {
    gated: true,
    prepare(request) {
      const meta = requestMeta && requestMeta();
      const entries = (meta && meta.state && meta.state.entries) || [];
      const hint = entries.find(({ key }) => CLUSTER_ENTRY.test(key));
      return {
        ...request,
        url:
          hint && /^[\w-]+$/.test(hint.value)
            ? request.url.replace(/\/(v\d\/)/, `/${hint.value}/$1`)
            : request.url,
        // The stored body is `{"event":…}`: close it with the meta instead of re-parsing it.
        body: meta ? `${request.body.slice(0, -1)},"meta":${JSON.stringify(meta)}}` : request.body,
      };
    },
    // A refusal is a problem document (spec `ErrorResponse`): it has no handles to keep.
    read: readEdgeAnswer,
    keep,
    answered(result) {
      const written = keep(result);
      if (notify) notify(result);
      return written;
    },
    identity: () => ({ ...identity }),
  };
}
