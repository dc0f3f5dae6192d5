import { join } from 'node:path';
import type { ConsentEntry } from '../../core/consent/ConsentInput';
import { openJsonLinesLog, type LogFileOps, type LogReplay } from './openJsonLinesLog';
import { pageBySeq, type Page, type PageRequest } from './pageBySeq';

/** One consent decision the emulated Edge Network recorded for a visitor. */
export interface ConsentRecord {
  /** The store's order of decisions (the cursor of `GET /api/consent` pages); given by `record`. */
  seq: number;
  receivedAt: string;
  orgId: string;
  /** The visitor, as resolveVisitor identifies it. */
  ecid: string;
  dataStreamId: string;
  /** The id the client sent (or the one made for it). */
  requestId: string;
  /** The id the Edge Network answered with, `<requestId>-<16 hex>`. */
  answeredRequestId?: string;
  /** What the decision means for collection, as the consent cookie says it (`general=in|out`). */
  general: 'in' | 'out';
  consent: ConsentEntry[];
  /** Where the request held a plain e-mail address (a leak by its sender); absent when none. */
  plainEmails?: string[];
}

/** The visitors' consent: the latest decision per visitor, kept in `consent.jsonl` in the data folder. */
export interface ConsentStore {
  /** Records a decision (its `seq` is given here); on disk before it resolves. */
  record(record: Omit<ConsentRecord, 'seq'>): Promise<void>;
  /** The visitor's latest decision, if any. */
  get(orgId: string, ecid: string): ConsentRecord | undefined;
  /** Every visitor's latest decision, newest first. */
  list(): ConsentRecord[];
  /** A page of the decisions, by the paging rule of `/api/events`. */
  page(request: PageRequest): Page<ConsentRecord>;
  /** How many visitors are kept, and how many were dropped (oldest first) to stay within the bounds. */
  stats(): { visitors: number; dropped: number };
  /** What reading `consent.jsonl` at start found. */
  replay: Omit<LogReplay<unknown>, 'records'>;
  close(): Promise<void>;
}

/** The store's bounds: visitors kept, and the bytes of their decisions as JSON (one is at most 64 KB). */
export interface ConsentStoreBounds {
  maxVisitors: number;
  maxBytes: number;
}

/** A thousand visitors, 4 MB: plenty for development, and `/api/consent` stays quick (issue 23, F13). */
export const CONSENT_STORE_BOUNDS: ConsentStoreBounds = { maxVisitors: 1000, maxBytes: 4 * 1024 * 1024 };

const keyOf = (orgId: string, ecid: string) => `${orgId} ${ecid}`;

/**
 * The first line of a rewritten log: how many visitors had been dropped before it, so that
 * `dropped` outlives the rewrite and a restart (the lines after it replay the later drops).
 */
interface DroppedBefore {
  t: 'dropped';
  count: number;
}

const isDroppedBefore = (value: unknown): value is DroppedBefore =>
  (value as Partial<DroppedBefore> | null)?.t === 'dropped' &&
  Number.isSafeInteger((value as DroppedBefore).count) &&
  (value as DroppedBefore).count >= 0;

/** A replayed line is kept only with the fields the event routes rely on. */
const isConsentRecord = (value: unknown): value is ConsentRecord => {
  const record = value as Partial<ConsentRecord> | null;
  return (
    typeof record?.orgId === 'string' &&
    typeof record.ecid === 'string' &&
    (record.general === 'in' || record.general === 'out') &&
    Array.isArray(record.consent)
  );
};

/**
 * Opens the consent store of a data folder, replaying what earlier runs recorded. It keeps each
 * visitor's latest decision within its bounds, dropping (and counting) the visitors not heard from
 * for longest; once the log holds twice the bytes kept, it is rewritten with only what is kept.
 */
export function createConsentStore(
  dataDir: string,
  { bounds = CONSENT_STORE_BOUNDS, file }: { bounds?: ConsentStoreBounds; file?: LogFileOps } = {},
): ConsentStore {
  const { log, replay } = openJsonLinesLog<ConsentRecord | DroppedBefore>(join(dataDir, 'consent.jsonl'), {
    accept: (value): value is ConsentRecord | DroppedBefore =>
      isDroppedBefore(value) || isConsentRecord(value),
    file,
  });
  const latest = new Map<string, { record: ConsentRecord; bytes: number }>();
  let keptBytes = 0;
  let logBytes = 0;
  let dropped = 0;
  let seq = 0;
  const forget = (key: string) => {
    keptBytes -= latest.get(key)?.bytes ?? 0;
    latest.delete(key);
  };
  const keep = (record: ConsentRecord) => {
    const key = keyOf(record.orgId, record.ecid);
    const bytes = Buffer.byteLength(JSON.stringify(record)) + 1;
    forget(key);
    latest.set(key, { record, bytes });
    keptBytes += bytes;
    logBytes += bytes;
    seq = Math.max(seq, record.seq);
    // The visitor not heard from for longest goes first (a Map keeps insertion order).
    while (latest.size > 1 && (latest.size > bounds.maxVisitors || keptBytes > bounds.maxBytes)) {
      forget(latest.keys().next().value as string);
      dropped += 1;
    }
  };
  // Lines of earlier runs without a seq (before it existed) are numbered in file order.
  for (const record of replay.records)
    if (isDroppedBefore(record)) dropped += record.count;
    else keep({ ...record, seq: Number.isSafeInteger(record.seq) ? record.seq : seq + 1 });
  const oldestFirst = () => [...latest.values()].map((entry) => entry.record).sort((a, b) => a.seq - b.seq);
  const compact = async () => {
    if (logBytes <= 2 * Math.max(keptBytes, 64 * 1024)) return;
    logBytes = keptBytes;
    // Best effort: should the rewrite fail (a full disk), the log keeps every line and still replays.
    await log.rewrite([{ t: 'dropped', count: dropped }, ...oldestFirst()]).catch(() => undefined);
  };
  return {
    async record(fields) {
      seq += 1;
      const record: ConsentRecord = { ...fields, seq };
      await log.append(record);
      keep(record);
      await compact();
    },
    get: (orgId, ecid) => latest.get(keyOf(orgId, ecid))?.record,
    list: () => oldestFirst().reverse(),
    page: (request) => pageBySeq(oldestFirst(), request),
    stats: () => ({ visitors: latest.size, dropped }),
    close: () => log.close(),
    replay: { tornTail: replay.tornTail, badLines: replay.badLines },
  };
}
