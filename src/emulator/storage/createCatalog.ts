import { join } from 'node:path';
import { openJsonLinesLog, type LogFileOps, type LogReplay } from './openJsonLinesLog';

/** A datastream the Edge endpoints accept. */
export interface Datastream {
  id: string;
  name: string;
  /** The IMS org the visitor cookie is named after (`kndctr_<org>_identity`). */
  orgId: string;
  createdAt: number;
}

/** An HTTP API streaming connection: a base connection that owns an inlet. */
export interface Connection {
  id: string;
  name: string;
  description?: string;
  connectionSpec: { id: string; version: string };
  dataType: 'xdm' | 'raw';
  authenticationRequired: boolean;
  sourceId: string;
  inletId: string;
  etag: string;
  createdAt: number;
  imsOrgId?: string;
  sandboxName?: string;
}

/** A source or target connection, kept as sent plus its id. */
export interface FlowConnection {
  id: string;
  etag: string;
  createdAt: number;
  body: Record<string, unknown>;
}

/** One `sourceAttribute` → `destinationXdmPath` rule of a mapping set. */
export interface Mapping {
  sourceAttribute: string;
  destinationXdmPath: string;
  identity?: boolean;
  version?: number;
}

/** A Data Prep mapping set. */
export interface MappingSet {
  id: string;
  version: number;
  xdmSchema?: string;
  xdmVersion?: string;
  mappings: Mapping[];
  createdDate: number;
}

/** A dataflow from source connections to target connections, optionally through a mapping set. */
export interface Flow {
  id: string;
  name: string;
  description?: string;
  flowSpec: { id: string; version: string };
  sourceConnectionIds: string[];
  targetConnectionIds: string[];
  mappingId?: string;
  etag: string;
  createdAt: number;
}

/** The kinds of configuration the catalog keeps, with their shapes. */
export interface CatalogKinds {
  datastream: Datastream;
  connection: Connection;
  sourceConnection: FlowConnection;
  targetConnection: FlowConnection;
  mappingSet: MappingSet;
  flow: Flow;
}

/** Durable configuration: datastreams and the Flow Service objects, kept across restarts. */
export interface Catalog {
  get<K extends keyof CatalogKinds>(kind: K, id: string): CatalogKinds[K] | undefined;
  all<K extends keyof CatalogKinds>(kind: K): CatalogKinds[K][];
  /** Stores (or replaces) an item; resolves once it is on disk. */
  put<K extends keyof CatalogKinds>(kind: K, item: CatalogKinds[K]): Promise<CatalogKinds[K]>;
  /** The base connection that owns an inlet. */
  connectionByInlet(inletId: string): Connection | undefined;
  /** What replaying the log on start found (torn or unreadable lines are skipped and counted). */
  readonly replay: Omit<LogReplay<unknown>, 'records'>;
  close(): Promise<void>;
}

type CatalogRecord = { [K in keyof CatalogKinds]: { kind: K; value: CatalogKinds[K] } }[keyof CatalogKinds];

const KINDS = new Set<string>([
  'datastream',
  'connection',
  'sourceConnection',
  'targetConnection',
  'mappingSet',
  'flow',
]);

const isCatalogRecord = (value: unknown): value is CatalogRecord => {
  const record = value as { kind?: unknown; value?: { id?: unknown } } | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.kind === 'string' &&
    KINDS.has(record.kind) &&
    typeof record.value === 'object' &&
    record.value !== null &&
    typeof record.value.id === 'string'
  );
};

/** Collaborators of the catalog: the log's file operations (tests inject failing ones). */
export interface CatalogOptions {
  file?: LogFileOps;
}

/** Opens the catalog in `dataDir` (`catalog.jsonl`): an append-only log where the last write of an id wins. */
export function createCatalog(dataDir: string, options: CatalogOptions = {}): Catalog {
  const { log, replay } = openJsonLinesLog<CatalogRecord>(join(dataDir, 'catalog.jsonl'), {
    accept: isCatalogRecord,
    file: options.file,
  });
  const tables = new Map<keyof CatalogKinds, Map<string, unknown>>();
  const table = (kind: keyof CatalogKinds) => {
    let found = tables.get(kind);
    if (!found) tables.set(kind, (found = new Map()));
    return found;
  };
  for (const record of replay.records) table(record.kind).set(record.value.id, record.value);

  return {
    get: (kind, id) => table(kind).get(id) as never,
    all: (kind) => [...table(kind).values()] as never,
    async put(kind, item) {
      await log.append({ kind, value: item } as CatalogRecord);
      table(kind).set(item.id, item);
      return item;
    },
    connectionByInlet: (inletId) =>
      [...(table('connection') as Map<string, Connection>).values()].find((c) => c.inletId === inletId),
    replay: { tornTail: replay.tornTail, badLines: replay.badLines },
    close: () => log.close(),
  };
}
