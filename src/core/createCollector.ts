import { PAGE_VIEW_EVENT_TYPE, type ExperienceEvent } from './buildExperienceEvent';
import type { ResolvedConfig } from './CollectorConfig';
import { composeEvent } from './composeEvent';
import { redactEmails } from './redactEmails';
import { createUuid } from './createUuid';
import type { ConsentInput } from './consent/ConsentInput';
import type { createConsentCommand } from './consent/createConsentCommand';
import { createDelivery, type Delivery, type DeliveryPlatform } from './delivery/createDelivery';
import { edgeInteract, type EdgeInteractCollaborators } from './delivery/edgeInteract';
import { edgeSetConsent } from './delivery/edgeSetConsent';
import type { RequestHandler } from './delivery/RequestHandler';
import { isPlainObject } from './deepMerge';
import { EdgeCollectorError } from './EdgeCollectorError';
import type { EnvironmentSnapshot } from './EnvironmentSnapshot';
import { hashEmailSync } from './hashEmail';
import { buildInteractRequest, type InteractRequest } from './InteractRequest';
import type { SendResult } from './readEdgeAnswer';

/** Options of `sendPageView`. */
export interface PageViewOptions {
  /** Page name; default `document.title`. */
  name?: string;
  /** Page URL; default the page's own. */
  url?: string;
  /** A plain address (hashed here before sending) or an `Email_LC_SHA256` digest. */
  email?: unknown;
  /** XDM deep-merged over the automatic fields. */
  xdm?: Record<string, unknown>;
  /** Free-form data, sent as the event's `data`. */
  data?: Record<string, unknown>;
}

/** Options of `sendEvent`. */
export interface EventOptions extends Omit<PageViewOptions, 'name'> {
  /** The XDM event type, e.g. `commerce.productViews`. */
  eventType: string;
}

/**
 * What a face plugs into the core: where context comes from, how requests go out, where logs go,
 * and (in a browser) the persistent queue, ownership and network state of {@link DeliveryPlatform}
 * and the state cookies of {@link EdgeInteractCollaborators}.
 */
export interface Platform extends DeliveryPlatform, Omit<EdgeInteractCollaborators, 'notify'> {
  /** Reads the page (or server) context at the moment of a call. */
  snapshot(): EnvironmentSnapshot;
  /** Debug log; called only when `debug` is on. */
  log?(message: string, detail?: unknown): void;
  /** Which face this is, reported in `implementationDetails.name`. */
  implementation?: string;
  /** Called once with the delivery, so that the face can wire it to its events (online, page hide). */
  attach?(delivery: Delivery): void;
  /**
   * Makes `setConsent` (see createConsentCommand: posts consent to the Edge Network); the standalone
   * script loads it on first use. Without it consent applies on this page only and nothing is posted.
   */
  createConsentCommand?: typeof createConsentCommand;
}

/** A configured collector: each method sends one event and resolves with the Edge Network's answer. */
export interface Collector {
  readonly config: ResolvedConfig;
  sendPageView(options?: PageViewOptions): Promise<SendResult>;
  sendEvent(options: EventOptions): Promise<SendResult>;
  /** Calls `listener` after every answered request (Tags' "Edge response received" uses it); returns an unsubscribe function. */
  onResult(listener: (result: SendResult) => void): () => void;
  /**
   * Sets the visitor's consent, remembered across page loads, and posts it to the Edge Network
   * (`privacy/set-consent`) ahead of any event: `in` then sends what is queued, in order; `pending`
   * queues without sending (and posts nothing); `out` drops the queue and later sends send nothing.
   * Takes the shorthand or Adobe's `{ consent: [...] }` (Adobe 1.0, 2.0, IAB TCF 2.0).
   */
  setConsent(value: ConsentInput): Promise<void>;
  /** The ids the Edge Network returned in `identity:result` handles, by namespace: `{ ECID: '…' }`. */
  getIdentity(): Promise<Record<string, string>>;
  /** Builds the event a call would send, without sending it (for inspection and Tags data elements). */
  buildEvent(
    kind: 'pageView' | 'event',
    options?: PageViewOptions | EventOptions,
  ): Promise<{ event: ExperienceEvent; warnings: string[] }>;
  /**
   * Queues a request built elsewhere (a streamed record) under the same queue, retry and consent
   * rules as events; `handler` reads its answer. Used by `streamRecord`, which lives outside the
   * core script so that pages that never stream do not download it.
   */
  deliver(request: InteractRequest, warnings: string[], handler?: RequestHandler): Promise<SendResult>;
}

function checkOptions(command: string, options: unknown): Partial<EventOptions & PageViewOptions> {
  if (options === undefined) return {};
  if (!isPlainObject(options))
    throw new EdgeCollectorError('invalid-options', `${command} takes an options object`);
  for (const key of ['xdm', 'data', 'name', 'url'] as const) {
    const value = options[key];
    const wantsObject = key === 'xdm' || key === 'data';
    if (value !== undefined && (wantsObject ? !isPlainObject(value) : typeof value !== 'string')) {
      throw new EdgeCollectorError(
        'invalid-options',
        `${command}: ${key} must be ${wantsObject ? 'an object' : 'a string'}`,
      );
    }
  }
  return options;
}

/**
 * Creates the platform-neutral collector: it builds XDM events, hashes e-mail identities, removes
 * any plain address left in the payload, and sends each event to the interact endpoint.
 */
export function createCollector(config: ResolvedConfig, platform: Platform): Collector {
  const log = (message: string, detail?: unknown) => {
    if (config.debug) platform.log?.(message, detail);
  };
  const listeners = new Set<(result: SendResult) => void>();
  const notify = (result: SendResult) => {
    for (const listener of listeners) {
      try {
        listener(result);
      } catch (error) {
        // A listener's bug must not turn a delivered event into a failed send.
        log('a result listener threw', error);
      }
    }
  };

  /**
   * Builds the event of a call synchronously: the address is hashed with the synchronous SHA-256
   * (microseconds for an address), so that a send reaches `fetch` in the task of the call, with no
   * thread hop through WebCrypto, and calls leave in the order made.
   */
  function buildEventNow(kind: 'pageView' | 'event', rawOptions?: unknown) {
    const command = kind === 'pageView' ? 'sendPageView' : 'sendEvent';
    const options = checkOptions(command, rawOptions);
    const eventType = kind === 'pageView' ? PAGE_VIEW_EVENT_TYPE : options.eventType;
    if (typeof eventType !== 'string' || !eventType.trim()) {
      throw new EdgeCollectorError(
        'invalid-options',
        'sendEvent needs an eventType, e.g. "commerce.productViews"',
      );
    }
    return composeEvent(
      {
        // `url`, `xdm` and `data` as given (checked above); the fields named after the spread win.
        ...options,
        eventType: eventType.trim(),
        snapshot: platform.snapshot(),
        pageView: kind === 'pageView' ? { name: options.name } : undefined,
        implementation: platform.implementation,
      },
      options.email === undefined ? undefined : hashEmailSync(options.email),
    );
  }

  // The Edge Network's handlers: events, and consent decisions (`kind: 'consent'`), which go ahead of them.
  // The Edge Network's own consent word, in any answer, applies as `setConsent` would.
  const interact = edgeInteract({ ...platform, notify, consent: (state) => delivery.setConsent(state) });
  const delivery = createDelivery({
    config,
    platform,
    handlers: { interact, consent: edgeSetConsent(interact) },
    log,
  });
  if (platform.attach) platform.attach(delivery);

  // Built, queued and issued in the task of the call: events leave in the order called. The
  // request is built once, with its ids; `meta.state` is added at each attempt. An async function
  // runs synchronously up to its first `await` (it has none), and turns what it throws into a rejection.
  async function send(kind: 'pageView' | 'event', options?: unknown): Promise<SendResult> {
    // eslint-disable-next-line prefer-const
    let { event, warnings } = buildEventNow(kind, options);
    if (config.onBeforeEventSend) {
      // The callback gets a copy, so that one that throws half-way leaves the event as built; the
      // address guard runs again over whatever it changed.
      const copy = redactEmails(event).value;
      try {
        // Cancelling is the caller's choice, not a failure: it resolves, without a request.
        if (config.onBeforeEventSend(copy) === false)
          return { requestId: '', eventId: '', handle: [], warnings };
        event = redactEmails(copy).value;
      } catch (error) {
        log('onBeforeEventSend threw', error);
      }
    }
    const request = buildInteractRequest(config, event, createUuid());
    log(`request ${request.requestId}`, { event });
    return delivery.send(request, warnings);
  }

  return {
    config,
    sendPageView: (options) => send('pageView', options),
    sendEvent: (options) => send('event', options),
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setConsent: platform.createConsentCommand
      ? platform.createConsentCommand({ config, delivery, createId: createUuid, remember: platform.remember })
      : delivery.setConsent,
    getIdentity: async () => interact.identity(),
    buildEvent: async (kind, options) => buildEventNow(kind, options),
    // The delivery's methods are closures: they need no `this`.
    deliver: delivery.send,
  };
}
