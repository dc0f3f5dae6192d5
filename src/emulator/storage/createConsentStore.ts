import { join } from 'node:path';
import type { ConsentEntry } from '../../core/consent/ConsentInput';
import { openJsonLinesLog, type LogReplay } from './openJsonLinesLog';

/** One consent decision the emulated Edge Network recorded for a visitor. */
export interface ConsentRecord {
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
  record(record: ConsentRecord): Promise<void>;
  /** The visitor's latest decision, if any. */
  get(orgId: string, ecid: string): ConsentRecord | undefined;
  /** Every visitor's latest decision, newest first. */
  list(): ConsentRecord[];
  /** What reading `consent.jsonl` at start found. */
  replay: LogReplay<ConsentRecord>;
  close(): Promise<void>;
}

const MAX_VISITORS = 10_000;
const keyOf = (orgId: string, ecid: string) => `${orgId} ${ecid}`;

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

/** Opens the consent store of a data folder, replaying what earlier runs recorded. */
export function createConsentStore(dataDir: string): ConsentStore {
  const { log, replay } = openJsonLinesLog<ConsentRecord>(join(dataDir, 'consent.jsonl'), {
    accept: isConsentRecord,
  });
  const latest = new Map<string, ConsentRecord>();
  const keep = (record: ConsentRecord) => {
    const key = keyOf(record.orgId, record.ecid);
    latest.delete(key);
    latest.set(key, record);
    // Bounded: the visitor not heard from for longest goes first.
    if (latest.size > MAX_VISITORS) latest.delete(latest.keys().next().value as string);
  };
  for (const record of replay.records) keep(record);
  return {
    async record(record) {
      await log.append(record);
      keep(record);
    },
    get: (orgId, ecid) => latest.get(keyOf(orgId, ecid)),
    list: () => [...latest.values()].reverse(),
    close: () => log.close(),
    replay,
  };
}
