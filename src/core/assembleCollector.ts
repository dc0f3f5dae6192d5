import { PAGE_VIEW_EVENT_TYPE } from './buildExperienceEvent';
import type { ResolvedConfig } from './CollectorConfig';
import { composeEvent } from './composeEvent';
import type { CoreCollector, EmailHasher, EventOptions, PageViewOptions, Platform } from './createCollector';
import { createUuid } from './createUuid';
import { createDelivery } from './delivery/createDelivery';
import { edgeInteract, type EdgeInteractCollaborators } from './delivery/edgeInteract';
import { edgeSetConsent } from './delivery/edgeSetConsent';
import { isPlainObject } from './deepMerge';
import { EdgeCollectorError } from './EdgeCollectorError';
import type { EmailHashResult } from './hashEmail';
import { buildInteractRequest } from './InteractRequest';
import type { SendResult } from './readEdgeAnswer';
import { redactEmails } from './redactEmails';

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
 * The collector of {@link createCollector}, with the hasher given and without result listeners:
 * the standalone script calls it with its WebCrypto hasher so that its core carries no SHA-256,
 * and offers no `onResult` (no command reads answers), so that it carries no listeners either.
 */
export function assembleCollector(
  config: ResolvedConfig,
  platform: Platform & { hashEmail: EmailHasher } & Pick<EdgeInteractCollaborators, 'notify'>,
): CoreCollector {
  const log = (message: string, detail?: unknown) => {
    if (config.debug) platform.log?.(message, detail);
  };

  /**
   * Checks a call and reads the page in the task of the call; the address is hashed by the
   * platform's hasher, synchronously (then the event is built at once) or through WebCrypto.
   */
  function prepareEvent(kind: 'pageView' | 'event', rawOptions?: unknown) {
    const command = kind === 'pageView' ? 'sendPageView' : 'sendEvent';
    const options = checkOptions(command, rawOptions);
    const eventType = kind === 'pageView' ? PAGE_VIEW_EVENT_TYPE : options.eventType;
    if (typeof eventType !== 'string' || !eventType.trim()) {
      throw new EdgeCollectorError(
        'invalid-options',
        'sendEvent needs an eventType, e.g. "commerce.productViews"',
      );
    }
    const input = {
      // `url`, `xdm` and `data` as given (checked above); the fields named after the spread win.
      ...options,
      eventType: eventType.trim(),
      snapshot: platform.snapshot(),
      pageView: kind === 'pageView' ? { name: options.name } : undefined,
      implementation: platform.implementation,
    };
    const hashed = options.email === undefined ? undefined : platform.hashEmail(options.email);
    return {
      compose: (digest?: EmailHashResult) => composeEvent(input, digest),
      hashed,
    };
  }

  // The Edge Network's handlers: events, and consent decisions (`kind: 'consent'`), which go ahead of them.
  // The Edge Network's own consent word, in any answer, applies as `setConsent` would.
  const interact = edgeInteract({ ...platform, consent: (state) => delivery.setConsent(state) });
  const delivery = createDelivery({
    config,
    platform,
    handlers: { interact, consent: edgeSetConsent(interact) },
    log,
  });
  if (platform.attach) platform.attach(delivery);

  // The last send still waiting for its digest (or for one before it): later sends queue behind it.
  let waiting: Promise<unknown> | undefined;

  // Built, queued and issued in the task of the call: events leave in the order called. When a
  // digest comes from WebCrypto (a later task), that send and the ones called after it are issued
  // in turn as it arrives. An async function turns what `prepareEvent` throws into a rejection.
  async function send(kind: 'pageView' | 'event', options?: unknown): Promise<SendResult> {
    const { compose, hashed } = prepareEvent(kind, options);
    if (!waiting && !(hashed instanceof Promise)) return issue(compose(hashed));
    // Wrapped, so that the next send waits for this one to be issued, not answered.
    const turn = Promise.all([hashed, waiting]).then(([digest]) => [issue(compose(digest))] as const);
    // Settled either way: a send that fails must not hold up the ones after it.
    const clear = () => {
      if (waiting === done) waiting = undefined;
    };
    const done = (waiting = turn.then(clear, clear));
    return (await turn)[0];
  }

  // The request is built once, with its ids; `meta.state` is added at each attempt.
  function issue({ event, warnings }: ReturnType<typeof composeEvent>): Promise<SendResult> {
    if (config.onBeforeEventSend) {
      // The callback gets a copy, so that one that throws half-way leaves the event as built; the
      // address guard runs again over whatever it changed.
      const copy = redactEmails(event).value;
      try {
        // Cancelling is the caller's choice, not a failure: it resolves, without a request.
        if (config.onBeforeEventSend(copy) === false)
          return Promise.resolve({ requestId: '', eventId: '', handle: [], warnings });
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
    setConsent: platform.createConsentCommand
      ? platform.createConsentCommand({ config, delivery, createId: createUuid, remember: platform.remember })
      : delivery.setConsent,
    getIdentity: async () => interact.identity(),
    buildEvent: async (kind, options) => {
      const { compose, hashed } = prepareEvent(kind, options);
      return compose(await hashed);
    },
    // The delivery's methods are closures: they need no `this`.
    deliver: delivery.send,
  };
}
