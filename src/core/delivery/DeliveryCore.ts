import type { ResolvedConfig } from '../CollectorConfig';
import type { SendResult } from '../readEdgeAnswer';
import type { EdgeAnswer } from '../Transport';
import type { ConsentState } from './ConsentState';
import type { QueueEntry, QueueStore } from './QueueStore';
import type { RequestHandler } from './RequestHandler';

/** A queued request a page owns; `reply` settles the caller's promise when it was sent from this page. */
export interface Owned extends QueueEntry {
  handler: RequestHandler;
  tries: number;
  /** An attempt has left and is not answered yet: `1` handed to the browser with `keepalive`, `true` without. */
  inFlight?: boolean | 1;
  /** Written to the store (and so sent again by a later page load unless this page deletes it). */
  stored?: boolean;
  /** Its last write to the store, settled once written or refused (storage full): `stored` is false then. */
  saved?: Promise<unknown>;
  /** Waiting out a retry delay. */
  backingOff?: boolean;
  /** The send's warnings so far (its result's `warnings`). */
  notes?: string[];
  reply?(result?: SendResult, error?: unknown): void;
}

/**
 * The narrow inside of one delivery (createDelivery.ts) that its recovery (recoverDelivery.ts)
 * works on: the one delivery engine, whose answered sends need nothing more.
 */
export interface DeliveryCore {
  config: ResolvedConfig;
  store: QueueStore;
  log(message: string, detail?: unknown): void;
  /** The requests this page owns, by request id. */
  owned: Map<string, Owned>;
  /** Warnings for the next result (the queue bounds' drops): taken by the next answer. */
  late: string[];
  now(): number;
  random(): number;
  sleep(ms: number): Promise<unknown>;
  /** Lets the page run between two slices of long work. */
  pause(): Promise<unknown>;
  handlerOf(request: QueueEntry['request']): RequestHandler;
  consent(): ConsentState;
  /** This page's ownership once asked for (by a first write), else nothing. */
  held(): Promise<unknown> | undefined;
  /** Writes an owned request to the store, once (see createDelivery's `save`). */
  save(entry: Owned): void;
  /** Forgets an owned request (and its stored copy, unless `keep`) and settles its caller. */
  settle(entry: Owned, result?: SendResult, error?: unknown, keep?: boolean): void;
  /** Sorts the owned requests and issues what may leave now. */
  issue(): void;
}

/**
 * What only failures, leftovers and the queue bounds need, kept out of the core script: the
 * standalone script gets it with its cross-tab code (`edge-collector.tabs.min.js`), loaded on a
 * first failure, a first stored request or found leftovers (see `Ownership.recovery`).
 */
export interface Recovery {
  /** After a failed attempt (already marked backing off): waits and lets the loop retry, or gives up. */
  retry(entry: Owned, tries: number, error: unknown, answer?: EdgeAnswer): Promise<unknown>;
  /** Takes over stored requests of pages that are gone; resolves once their names may be let go of. */
  take(entries: QueueEntry[]): Promise<unknown>;
  /** Applies the queue bounds to the site's queue and this page's requests. */
  bound(): unknown;
}

/** Makes the recovery of one delivery. */
export type Recover = (core: DeliveryCore) => Recovery;
