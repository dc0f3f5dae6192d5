import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import { createCatalog } from './createCatalog';
import { createEventStore } from './createEventStore';
import { edgeProblem } from './edgeProblem';
import type { EmulatorContext, Rejection } from './EmulatorContext';
import { findDistDir } from './findDistDir';
import { flowServiceProblem } from './flowServiceObjects';
import { inletProblem } from './inletProblem';
import { isLoopbackOrigin } from './isLoopbackOrigin';
import { ProblemError } from './ProblemError';
import { registerApiRoutes } from './registerApiRoutes';
import { registerConsentRoutes } from './registerConsentRoutes';
import { EDGE_BODY_LIMIT, edgeRequestId, registerEdgeRoutes } from './registerEdgeRoutes';
import { createXactionId, INLET_RECORD_LIMIT, registerInletRoutes } from './registerInletRoutes';
import { registerFlowServiceRoutes } from './registerFlowServiceRoutes';
import { registerStaticRoutes } from './registerStaticRoutes';
import { DEMO_ORG_ID, seedDemo, type DemoSetup } from './seedDemo';

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
  /** Accept any datastream id, creating it on first use. */
  devMode?: boolean;
  /** Datastreams to accept, in addition to those kept in `dataDir`. */
  datastreams?: DatastreamConfig[];
  /** A JSON file with `{"datastreams": [{"id", "name"?, "orgId"?}]}`. */
  datastreamsFile?: string;
  /** Where log lines go (accepted events, refusals); default nowhere. */
  log?: (line: string) => void;
  /** The folder with the built script and inspector; found automatically. */
  distDir?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: use it as the collector's `edgeUrl`. */
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
const MAX_REJECTIONS = 200;

type Family = 'edge' | 'inlet' | 'flow' | 'other';
const familyOf = (url: string): Family =>
  url.startsWith('/ee/')
    ? 'edge'
    : url.startsWith('/collection/')
      ? 'inlet'
      : url.startsWith('/data/foundation/')
        ? 'flow'
        : 'other';

/** Turns whatever a route or fastify threw into the problem the service of that path would send. */
function toProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  const family = familyOf(request.url);
  const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
  const badType = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  const contentType = request.headers['content-type'] ?? '(none)';
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  const detail = tooLarge
    ? `the body is larger than ${family === 'edge' ? `${EDGE_BODY_LIMIT} bytes (64 KB), the Edge Network's limit per request` : `${INLET_RECORD_LIMIT} bytes (1 MB), the inlet's limit per record`}`
    : badType
      ? `send the JSON body as application/json${family === 'edge' ? ' or text/plain' : ''}, not ${contentType}`
      : status < 500
        ? error.message
        : `the emulator failed: ${error.message}`;
  if (family === 'edge')
    return edgeProblem(
      tooLarge ? 'tooLarge' : badType ? 'unsupportedMediaType' : status < 500 ? 'malformedJson' : 'internal',
      edgeRequestId(request),
      detail,
    );
  if (family === 'inlet' && (tooLarge || badType || status < 500))
    return inletProblem(
      tooLarge ? 'tooLarge' : badType ? 'unsupportedMediaType' : 'invalidPayload',
      createXactionId(),
      detail,
    );
  if (family === 'flow' && status < 500) return flowServiceProblem(400, detail);
  return new ProblemError(status, {
    type: 'about:blank',
    status,
    title: status < 500 ? 'Bad request' : 'Internal error',
    detail,
  });
}

/** The answer to a path no route takes, in the style of the service the path belongs to. */
function notFound(request: FastifyRequest): ProblemError {
  const path = request.url.split('?')[0];
  const detail = `${request.method} ${path} is not an endpoint of this emulator`;
  switch (familyOf(request.url)) {
    case 'edge':
      return edgeProblem(
        'notFound',
        edgeRequestId(request),
        `${detail}: use POST /ee/v2/interact?dataStreamId=… or /ee/v2/collect`,
      );
    case 'inlet':
      return inletProblem('notFound', createXactionId(), `${detail}: use POST /collection/{inletId}`);
    case 'flow':
      return flowServiceProblem(404, detail);
    default:
      return new ProblemError(404, { type: 'about:blank', status: 404, title: 'Not found', detail });
  }
}

function readDatastreamsFile(path: string): DatastreamConfig[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { datastreams?: unknown };
  if (
    !Array.isArray(parsed.datastreams) ||
    !parsed.datastreams.every((item) => typeof item?.id === 'string')
  ) {
    throw new Error(
      `${path} must hold {"datastreams": [{"id": "<uuid>", "name"?: "...", "orgId"?: "...@AdobeOrg"}]}`,
    );
  }
  return parsed.datastreams as DatastreamConfig[];
}

/**
 * Starts the local Edge Network, streaming inlet and Flow Service emulator with its inspector on
 * 127.0.0.1. Every accepted event is on disk before it is answered; a restart on the same
 * `dataDir` finds every event and every configuration again.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'edge-emulator-'));
  const log = options.log ?? (() => {});
  const store = createEventStore(dataDir);
  const catalog = createCatalog(dataDir);
  if (store.replay.tornTail)
    log('the last event line was cut short by a crash before it was answered; it was dropped');
  if (store.replay.badLines) log(`${store.replay.badLines} unreadable line(s) in events.jsonl were skipped`);

  let origin = '';
  const rejectionListeners = new Set<(rejection: Rejection) => void>();
  const context: EmulatorContext = {
    store,
    catalog,
    origin: () => origin,
    devMode: options.devMode === true,
    defaultOrgId: DEFAULT_ORG_ID,
    log,
    rejections: [],
    onRejection(listener) {
      rejectionListeners.add(listener);
      return () => rejectionListeners.delete(listener);
    },
    reject(rejection) {
      context.rejections.push(rejection);
      if (context.rejections.length > MAX_REJECTIONS) context.rejections.shift();
      for (const listener of rejectionListeners) listener(rejection);
    },
  };

  const datastreams = [
    ...(options.datastreams ?? []),
    ...(options.datastreamsFile ? readDatastreamsFile(options.datastreamsFile) : []),
  ];
  for (const { id, name, orgId } of datastreams) {
    const existing = catalog.get('datastream', id);
    if (!existing || existing.name !== (name ?? id) || existing.orgId !== (orgId ?? DEFAULT_ORG_ID)) {
      await catalog.put('datastream', {
        id,
        name: name ?? id,
        orgId: orgId ?? DEFAULT_ORG_ID,
        createdAt: existing?.createdAt ?? Date.now(),
      });
    }
  }

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: EDGE_BODY_LIMIT });
  app.removeAllContentTypeParsers();
  // Browsers send interact bodies as text/plain to stay simple CORS requests: both carry JSON.
  const keepText = (
    _request: unknown,
    body: string | Buffer,
    done: (error: null, body: string | Buffer) => void,
  ) => done(null, body);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, keepText);
  app.addContentTypeParser(/^application\/[\w.-]+\+json/, { parseAs: 'string' }, keepText);

  app.addHook('onRequest', async (request, reply) => {
    const pageOrigin = request.headers.origin;
    if (isLoopbackOrigin(pageOrigin)) {
      reply.header('access-control-allow-origin', pageOrigin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', 'retry-after, x-request-id');
      reply.header('vary', 'Origin');
    }
  });
  app.options('*', async (request, reply) => {
    if (isLoopbackOrigin(request.headers.origin)) {
      reply.header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      reply.header(
        'access-control-allow-headers',
        request.headers['access-control-request-headers'] ?? 'content-type',
      );
      reply.header('access-control-max-age', '600');
    }
    return reply.code(204).send();
  });

  const answerProblem = (problem: ProblemError, request: FastifyRequest) => {
    const body = problem.body;
    const report = body.report as { requestId?: string } | undefined;
    const rejection: Rejection = {
      at: Date.now(),
      method: request.method,
      path: request.url.split('?')[0]!,
      status: problem.status,
      type: body.type,
      title: body.title,
      detail:
        typeof body.detail === 'string'
          ? body.detail
          : (body.report as { message?: string } | undefined)?.message,
      requestId: report?.requestId,
    };
    context.reject(rejection);
    log(
      `refused ${problem.status} ${rejection.method} ${rejection.path}: ${body.title}${rejection.detail ? ` (${rejection.detail})` : ''}${rejection.requestId ? ` requestId=${rejection.requestId}` : ''}`,
    );
    return JSON.stringify(body);
  };
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500)
      log(`internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}`);
    reply
      .code(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(answerProblem(problem, request));
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = notFound(request);
    reply
      .code(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(answerProblem(problem, request));
  });

  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  let demo: DemoSetup | undefined;
  const demoDatastreamId = options.seedDemo ? 'pending' : undefined;
  registerEdgeRoutes(app, context);
  registerConsentRoutes(app, context, dataDir);
  registerInletRoutes(app, context);
  registerFlowServiceRoutes(app, context);
  registerApiRoutes(app, context, streams);
  const staticSettings = { distDir: options.distDir ?? findDistDir(), demoDatastreamId };
  registerStaticRoutes(app, context, staticSettings);

  try {
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await Promise.all([store.close(), catalog.close()]);
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  if (options.seedDemo) {
    demo = await seedDemo(catalog, origin);
    staticSettings.demoDatastreamId = demo.datastreamId;
  }

  let closing: Promise<void> | undefined;
  return {
    origin,
    port,
    dataDir,
    demo,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await Promise.all([store.close(), catalog.close()]);
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}

export { DEMO_ORG_ID };
export type { DemoSetup };
