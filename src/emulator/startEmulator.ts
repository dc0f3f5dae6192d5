import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { UUID } from '../core/patterns';
import { createCatalog, type Catalog } from './storage/createCatalog';
import { createConsentStore } from './storage/createConsentStore';
import { createEventStore } from './storage/createEventStore';
import type { LogFileOps } from './storage/openJsonLinesLog';
import { clientErrorHandler, createHttpServer } from './http/createHttpServer';
import { createRejectionLog } from './storage/createRejectionLog';
import type { EmulatorContext } from './EmulatorContext';
import { findDistDir } from './site/findDistDir';
import { createFaultPlan, parseFault } from './faults/createFaultPlan';
import { flowErrorProblem, registerFlowServiceRoutes } from './streaming/registerFlowServiceRoutes';
import { installRequestPolicy } from './http/installRequestPolicy';
import { DEFAULT_SERVER_LIMITS, ORG_ID, type ServerLimits } from './http/limits';
import type { ProblemError } from './http/ProblemError';
import { registerApiRoutes } from './api/registerApiRoutes';
import { registerConsentRoutes } from './consent/registerConsentRoutes';
import { registerEdgeRoutes } from './edge/registerEdgeRoutes';
import { EDGE_BODY_LIMIT, edgeErrorProblem } from './edge/readEdgeBody';
import { inletErrorProblem, registerInletRoutes } from './streaming/registerInletRoutes';
import { registerStaticRoutes } from './site/registerStaticRoutes';
import {
  notFoundHandler,
  pathOf,
  plainErrorProblem,
  plainProblem,
  problemHandler,
  sendProblem,
} from './http/sendProblem';
import { DEMO_ORG_ID, seedDemo, type DemoSetup } from './site/seedDemo';

/** A datastream given in the options or the `--datastreams` file. */
export interface DatastreamConfig {
  id: string;
  name?: string;
  orgId?: string;
}

/** How to start the emulator. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) takes a free one. The CLI defaults to 4100. */
  port?: number;
  /** Where events and configuration are kept; default a fresh temporary folder, removed on close. */
  dataDir?: string;
  /** Create the demo datastream, inlets, flows and mapping (and serve the demo site). */
  seedDemo?: boolean;
  /** Accept any datastream id (UUID-shaped), creating it on first use. */
  devMode?: boolean;
  /** Datastreams to accept, in addition to those kept in `dataDir`. */
  datastreams?: DatastreamConfig[];
  /** A JSON file with `{"datastreams": [{"id", "name"?, "orgId"?}]}`. */
  datastreamsFile?: string;
  /** Where log lines go (accepted events, refusals); default nowhere. */
  log?: (line: string) => void;
  /** The folder with the built script and inspector; found automatically. */
  distDir?: string;
  /** Timeouts and caps (see `DEFAULT_SERVER_LIMITS`); tests shorten them. */
  limits?: Partial<ServerLimits>;
  /** Serve HTTPS with this PEM key and certificate (`--https` makes a self-signed pair). */
  tls?: { key: string; cert: string };
  /** Faults armed from the start (`--faults`), as `POST /api/faults` takes them. */
  faults?: unknown[];
  /** The file operations of every log (events, catalog, consent); node:fs unless a test injects failing ones (a full disk). */
  fileOps?: LogFileOps;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`): use it as the collector's `edgeUrl`. */
  origin: string;
  port: number;
  dataDir: string;
  /** Present with `seedDemo`. */
  demo?: DemoSetup;
  /** Stops the server, flushes and closes the store. */
  close(): Promise<void>;
}

/** The org id of datastreams made on the fly or given without one. */
export const DEFAULT_ORG_ID = 'EMULATOR00000000000000000@AdobeOrg';

// The route plugins, each with its prefix, its routes and its own error mapping. One more is one more line.
const ROUTE_PLUGINS = [
  { plugin: registerEdgeRoutes, prefix: '/ee' },
  { plugin: registerConsentRoutes, prefix: '/ee' },
  { plugin: registerInletRoutes, prefix: '/collection' },
  { plugin: registerFlowServiceRoutes, prefix: '/data/foundation' },
  { plugin: registerApiRoutes, prefix: '/api' },
  { plugin: registerStaticRoutes, prefix: '' },
];

/** For routes registered without their own mapping: the problem of the service their path belongs to. */
function familyProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  const path = pathOf(request.url);
  if (path.startsWith('/ee/')) return edgeErrorProblem(error, request);
  if (path.startsWith('/collection/')) return inletErrorProblem(error, request);
  if (path.startsWith('/data/foundation/')) return flowErrorProblem(error, request);
  return plainErrorProblem(error);
}

function readDatastreamsFile(path: string): DatastreamConfig[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { datastreams?: unknown };
  if (!Array.isArray(parsed.datastreams)) throw new Error(`${path} must hold {"datastreams": [...]}`);
  return parsed.datastreams as DatastreamConfig[];
}

/** Stores the datastreams given in the options and the file (UUIDs, real org ids), unless unchanged. */
async function putConfiguredDatastreams(catalog: Catalog, options: EmulatorOptions): Promise<void> {
  const datastreams = [
    ...(options.datastreams ?? []),
    ...(options.datastreamsFile ? readDatastreamsFile(options.datastreamsFile) : []),
  ];
  for (const item of datastreams) {
    const { id, name, orgId } = item ?? {};
    if (typeof id !== 'string' || !UUID.test(id) || (orgId !== undefined && !ORG_ID.test(orgId)))
      throw new Error(
        `datastream ${JSON.stringify(item).slice(0, 120)} must be {"id": "<uuid>", "name"?: "...", "orgId"?: "...@AdobeOrg"}`,
      );
    const existing = catalog.get('datastream', id);
    if (existing && existing.name === (name ?? id) && existing.orgId === (orgId ?? DEFAULT_ORG_ID)) continue;
    await catalog.put('datastream', {
      id,
      name: name ?? id,
      orgId: orgId ?? DEFAULT_ORG_ID,
      createdAt: existing?.createdAt ?? Date.now(),
    });
  }
}

/** The context every plugin gets; `listening` fills in the origin and the demo datastream later. */
function createContext(options: EmulatorOptions, dataDir: string) {
  const log = options.log ?? (() => {});
  const state = { origin: '', port: 0, demoDatastreamId: undefined as string | undefined };
  const context: EmulatorContext = {
    store: createEventStore(dataDir, { file: options.fileOps }),
    catalog: createCatalog(dataDir, { file: options.fileOps }),
    consents: createConsentStore(dataDir, { file: options.fileOps }),
    faults: createFaultPlan(),
    origin: () => state.origin,
    devMode: options.devMode === true,
    defaultOrgId: DEFAULT_ORG_ID,
    demoDatastreamId: () => state.demoDatastreamId,
    distDir: options.distDir ?? findDistDir(),
    limits: { ...DEFAULT_SERVER_LIMITS, ...options.limits },
    log,
    rejections: createRejectionLog({ log }),
    streams: new Set<ServerResponse>(),
  };
  const replays = {
    'events.jsonl': context.store.replay,
    'catalog.jsonl': context.catalog.replay,
    'consent.jsonl': context.consents.replay,
  };
  for (const [file, replay] of Object.entries(replays)) {
    if (replay.tornTail) log(`the last line of ${file} was cut short before it was answered; it was dropped`);
    if (replay.badLines) log(`${replay.badLines} unreadable or malformed line(s) in ${file} were skipped`);
  }
  return { context, state };
}

/** The fastify instance: body parsers, the request policy, the root error mapping, and the route plugins. */
async function buildApp(
  context: EmulatorContext,
  port: () => number,
  tls: EmulatorOptions['tls'],
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: EDGE_BODY_LIMIT,
    serverFactory: (handler) => createHttpServer(handler, context.limits, context.rejections, tls),
    clientErrorHandler: clientErrorHandler(context.limits, context.rejections),
    // Fastify's own refusals (a URL it cannot decode, …) are problems too.
    frameworkErrors: (error, request, reply) =>
      sendProblem(context.rejections, request, reply, plainProblem(400, 'Bad request', error.message)),
  });
  app.removeAllContentTypeParsers();
  // Browsers send interact bodies as text/plain to stay simple CORS requests: both carry JSON.
  const keepText = (
    _request: unknown,
    body: string | Buffer,
    done: (error: null, body: string | Buffer) => void,
  ) => done(null, body);
  // Adobe's table (EXEG-0111-415) lists text/javascript too.
  app.addContentTypeParser(
    ['application/json', 'text/plain', 'text/javascript'],
    { parseAs: 'string' },
    keepText,
  );
  app.addContentTypeParser(/^application\/[\w.-]+\+json/, { parseAs: 'string' }, keepText);
  installRequestPolicy(app, context, port, tls !== undefined);
  app.setErrorHandler(problemHandler(context, familyProblem));
  app.setNotFoundHandler(notFoundHandler(context, (_request, what) => plainProblem(404, 'Not found', what)));
  app.addHook('preClose', async () => {
    for (const stream of context.streams) stream.end();
  });
  for (const { plugin, prefix } of ROUTE_PLUGINS) await app.register(plugin, { context, prefix });
  return app;
}

/**
 * Starts the local Edge Network, streaming inlet and Flow Service emulator with its inspector on
 * 127.0.0.1. Every accepted event is on disk before it is answered; a restart on the same
 * `dataDir` finds every event and every configuration again.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'edge-emulator-'));
  const { context, state } = createContext(options, dataDir);
  const closeStores = async () => {
    await Promise.all([context.store.close(), context.catalog.close(), context.consents.close()]);
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  let app: FastifyInstance;
  try {
    await putConfiguredDatastreams(context.catalog, options);
    context.faults.arm((options.faults ?? []).map(parseFault));
    app = await buildApp(context, () => state.port, options.tls);
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await closeStores();
    throw error;
  }
  state.port = (app.server.address() as AddressInfo).port;
  state.origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${state.port}`;
  const demo = options.seedDemo ? await seedDemo(context.catalog, state.origin) : undefined;
  state.demoDatastreamId = demo?.datastreamId;

  let closing: Promise<void> | undefined;
  return {
    origin: state.origin,
    port: state.port,
    dataDir,
    demo,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await closeStores();
      })()),
  };
}

export { DEMO_ORG_ID };
export {
  createSelfSignedCertificate,
  LOCAL_HOSTS,
  type CertificateOptions,
} from './http/createSelfSignedCertificate';
export type { DemoSetup };
