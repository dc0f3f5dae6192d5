// One source for the emulator's limits and timeouts (docs/emulator.md lists them).

/** How deep a JSON body (or one record of a batch) may nest; XDM itself nests a dozen levels at most. */
export const MAX_JSON_DEPTH = 64;

/** A `requestId` the emulator accepts and echoes: 1–128 visible ASCII characters (no spaces, no control characters). */
export const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** An IMS org id as Adobe prints it: `<letters and digits>@AdobeOrg`. */
export const ORG_ID = /^[A-Za-z0-9]{1,64}@AdobeOrg$/;

/** The server's timeouts and caps; tests shorten them through `EmulatorOptions.limits`. */
export interface ServerLimits {
  /** A request (headers and body) must arrive within this many ms, or it gets a 408. */
  requestTimeoutMs: number;
  /** The headers of a request must arrive within this many ms. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all is closed after this many ms (the live stream is exempt). */
  idleTimeoutMs: number;
  /** Connections beyond this many are closed at once (and listed as refused). */
  maxConnections: number;
  /** A live-stream client with more than this many bytes waiting to be sent is dropped. */
  streamBufferBytes: number;
}

/** The limits the emulator runs with unless told otherwise. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxConnections: 1_000,
  streamBufferBytes: 1024 * 1024,
};

/**
 * The schema check reads at most this many items of an array and this many keys of an object:
 * ajv's cost grows faster than linearly with the errors of one array (32,000 numbers in
 * `productListItems` took 12–27 s), so a 64 KB body must never reach it whole. XDM arrays and
 * objects of real events stay far below both.
 */
export const SCHEMA_CHECK_BOUNDS = { items: 100, keys: 200 } as const;

/**
 * How many entries (findings, plain-address paths, schema violations) the validation reports of
 * one request list in all; the rest are counted, not listed, so what is stored stays within a
 * small multiple of the request.
 */
export const MAX_REPORTED_PER_REQUEST = 100;

/**
 * How many characters of entries (paths, messages) the validation reports of one request list in
 * all, beside {@link MAX_REPORTED_PER_REQUEST}: 100 entries under one 30,000-character key once
 * stored 3 MB for a 64 KB body.
 */
export const REPORTED_CHARS_PER_REQUEST = 16 * 1024;

/**
 * How many characters of distinct validation reports one request stores in all. Past it, an event
 * whose report differs from every earlier one gets a summary (its verdict, its address flag, the
 * kinds of its findings) that all such events share: 1,892 events each with an address at a path
 * of its own once stored 15.6× the request.
 */
export const DISTINCT_REPORT_CHARS_PER_REQUEST = 32 * 1024;

/** A path in a report longer than this many characters is listed by its start and its end. */
export const MAX_REPORTED_PATH = 200;

/** The `Retry-After` (seconds) of a 503 answered because the disk is full: the collector retries it. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/**
 * A request that stores (or repeats) more events than this is announced on the live stream as one
 * `batch` message (the inspector reloads its newest page) and logged as one summary line: 5,956
 * events of one 64 KB request would otherwise send the inspector 6 MB and the console 5,956 lines.
 */
export const LIVE_EVENTS_PER_REQUEST = 100;
