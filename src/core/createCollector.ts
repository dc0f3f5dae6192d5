import type { ExperienceEvent } from './buildExperienceEvent';
import type { ResolvedConfig } from './CollectorConfig';
import type { ConsentInput } from './consent/ConsentInput';
import type { createConsentCommand } from './consent/createConsentCommand';
import type { Delivery, DeliveryPlatform } from './delivery/createDelivery';
import type { EdgeInteractCollaborators } from './delivery/edgeInteract';
import type { RequestHandler } from './delivery/RequestHandler';
import type { EnvironmentSnapshot } from './EnvironmentSnapshot';
import { hashEmailSync, type EmailHashResult } from './hashEmail';
import { assembleCollector } from './assembleCollector';
import type { InteractRequest } from './InteractRequest';
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
  /**
   * Turns a send's `email` into its identity. Default {@link hashEmailSync}: the send leaves in the
   * task of its call. The standalone script hashes through WebCrypto instead (it carries no SHA-256;
   * see hashEmailInPage), which answers in a later task: later sends then wait their turn.
   */
  hashEmail?: EmailHasher;
}

/** Hashes a send's `email`: synchronously, or through WebCrypto, which answers in a later task. */
export type EmailHasher = (value: unknown) => EmailHashResult | Promise<EmailHashResult>;

/**
 * A configured collector without result listeners: the standalone script's (its commands read no
 * answers, so its core carries no listeners), and what its add-ons and the vitals build are given.
 */
export interface CoreCollector {
  readonly config: ResolvedConfig;
  sendPageView(options?: PageViewOptions): Promise<SendResult>;
  sendEvent(options: EventOptions): Promise<SendResult>;
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

/** A configured collector: each method sends one event and resolves with the Edge Network's answer. */
export interface Collector extends CoreCollector {
  /** Calls `listener` after every answered request (Tags' "Edge response received" uses it); returns an unsubscribe function. */
  onResult(listener: (result: SendResult) => void): () => void;
}

/**
 * Creates the platform-neutral collector: it builds XDM events, hashes e-mail identities (with
 * the synchronous SHA-256 unless the platform brings its own hasher), removes any plain address
 * left in the payload, and sends each event to the interact endpoint.
 */
export function createCollector(config: ResolvedConfig, platform: Platform): Collector {
  const listeners = new Set<(result: SendResult) => void>();
  const collector = assembleCollector(config, {
    hashEmail: hashEmailSync,
    ...platform,
    notify(result) {
      for (const listener of listeners) {
        try {
          listener(result);
        } catch (error) {
          // A listener's bug must not turn a delivered event into a failed send.
          if (config.debug) platform.log?.('a result listener threw', error);
        }
      }
    },
  });
  return Object.assign(collector, {
    onResult(listener: (result: SendResult) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
