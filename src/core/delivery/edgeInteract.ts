import type { RequestMeta } from '../InteractRequest';
import { readEdgeAnswer, type SendResult } from '../readEdgeAnswer';
import { readHandles, type StateEntry } from './readHandles';
import type { RequestHandler } from './RequestHandler';

/** What the Edge Network's handler reads and writes outside the delivery; all optional (Node has none). */
export interface EdgeInteractCollaborators {
  /** Request fields current at each attempt: the `meta.state` entries kept from earlier answers. */
  requestMeta?(): RequestMeta | undefined;
  /** Keeps the `state:store` entries of an answer (the browser sets them as first-party cookies). */
  storeState?(entries: StateEntry[]): void;
  /** Reads (one argument) or writes a small value that outlives the page: here `identity`. */
  remember?(name: string, value?: string): string | null | undefined;
  /** Tells result listeners (Tags' "Edge response received") about an answered request. */
  notify?(result: SendResult): void;
}

/** The Edge interact handler, and the identities its answers brought. */
export interface EdgeInteractHandler extends RequestHandler {
  /** The ids of `identity:result` handles, by namespace: `{ ECID: '…' }`. */
  identity(): Record<string, string>;
  /** Keeps what an Edge Network answer's handles say (cookies, ids), without telling listeners. */
  keep(result: SendResult): void;
}

/**
 * The handler of `POST /ee/v2/interact` requests: each attempt's body is the stored one with the
 * current `meta.state` spliced in (the event is serialised once, when built, and never parsed
 * again), and each answer's `state:store` entries and `identity:result` ids are kept.
 */
export function edgeInteract({
  requestMeta,
  storeState,
  remember,
  notify,
}: EdgeInteractCollaborators): EdgeInteractHandler {
  let known = (remember && remember('identity')) || '{}';
  let identity: Record<string, string> = {};
  try {
    identity = JSON.parse(known);
  } catch {
    // Unreadable: start without, the next answer brings it again.
  }
  function keep(result: SendResult) {
    const found = readHandles(result.handle);
    if (found.state.length && storeState) storeState(found.state);
    const next = JSON.stringify((identity = { ...identity, ...found.identity }));
    // Written only when it changed: most answers bring the same ECID again.
    if (next !== known && remember) remember('identity', (known = next));
  }
  return {
    gated: true,
    body({ body }) {
      const meta = requestMeta && requestMeta();
      // The stored body is `{"event":…}`: close it with the meta instead of re-parsing it.
      return meta ? `${body.slice(0, -1)},"meta":${JSON.stringify(meta)}}` : body;
    },
    read: readEdgeAnswer,
    keep,
    answered(result) {
      keep(result);
      if (notify) notify(result);
    },
    identity: () => ({ ...identity }),
  };
}
