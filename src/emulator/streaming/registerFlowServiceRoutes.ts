import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { CatalogKinds } from '../storage/createCatalog';
import type { RoutePluginOptions } from '../EmulatorContext';
import {
  buildConnection,
  buildFlow,
  buildMappingSet,
  buildSourceConnection,
  buildTargetConnection,
  describeConnection,
  flowServiceProblem,
} from './flowServiceObjects';
import { parseJson } from '../http/parseJson';
import { ProblemError } from '../http/ProblemError';
import {
  notFoundHandler,
  pathOf,
  plainErrorProblem,
  problemHandler,
  readFastifyError,
} from '../http/sendProblem';

const BASE = '/flowservice';

/** Turns what a Flow Service route (or fastify) threw into the platform's `FLOW-…` problem. */
export function flowErrorProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  const { status } = readFastifyError(error);
  if (status < 500)
    return flowServiceProblem(400, `${error.message} (${request.method} ${pathOf(request.url)})`);
  return plainErrorProblem(error);
}

function bodyOf(body: unknown): unknown {
  const parsed = parseJson(body);
  if (!parsed.ok) throw flowServiceProblem(400, parsed.reason);
  return parsed.value;
}

/**
 * The Flow Service and Data Prep calls of an HTTP API streaming setup, a plugin under the prefix
 * `/data/foundation`, at the same paths as on platform.adobe.io: connections, source and target
 * connections, flows and mapping sets. Refusals are `FLOW-…` problems.
 */
export async function registerFlowServiceRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  const { catalog } = context;
  app.setErrorHandler(problemHandler(context, flowErrorProblem));
  app.setNotFoundHandler(notFoundHandler(context, (_request, what) => flowServiceProblem(404, what)));
  const describe = <K extends keyof CatalogKinds>(kind: K, item: CatalogKinds[K]): unknown => {
    if (kind === 'connection')
      return describeConnection(item as CatalogKinds['connection'], context.origin());
    if (kind === 'sourceConnection' || kind === 'targetConnection') {
      const { id, etag, createdAt, body } = item as CatalogKinds['sourceConnection'];
      return { ...body, id, createdAt, updatedAt: createdAt, state: 'enabled', etag };
    }
    return item;
  };
  const readRoutes = <K extends keyof CatalogKinds>(path: string, kind: K) => {
    app.get(path, async () => ({ items: catalog.all(kind).map((item) => describe(kind, item)) }));
    app.get(`${path}/:id`, async (request) => {
      const { id } = request.params as { id: string };
      const item = catalog.get(kind, id);
      if (!item) throw flowServiceProblem(404, `no ${kind} with id ${id}`);
      return { items: [describe(kind, item)] };
    });
  };
  const created = (item: { id: string; etag: string }) => ({ id: item.id, etag: item.etag });

  app.post(`${BASE}/connections`, async (request, reply) => {
    const connection = await catalog.put('connection', buildConnection(bodyOf(request.body)));
    context.log(
      `created ${connection.dataType} streaming connection ${connection.id} (inlet ${connection.inletId})`,
    );
    return reply.code(201).send(created(connection));
  });
  app.post(`${BASE}/sourceConnections`, async (request, reply) =>
    reply
      .code(201)
      .send(
        created(await catalog.put('sourceConnection', buildSourceConnection(bodyOf(request.body), catalog))),
      ),
  );
  app.post(`${BASE}/targetConnections`, async (request, reply) =>
    reply
      .code(201)
      .send(created(await catalog.put('targetConnection', buildTargetConnection(bodyOf(request.body))))),
  );
  app.post(`${BASE}/flows`, async (request, reply) => {
    const flow = await catalog.put('flow', buildFlow(bodyOf(request.body), catalog));
    context.log(`created flow ${flow.id}${flow.mappingId ? ` with mapping ${flow.mappingId}` : ''}`);
    return reply.code(201).send(created(flow));
  });
  app.post('/mappingSets', async (request, reply) => {
    const set = await catalog.put('mappingSet', buildMappingSet(bodyOf(request.body)));
    return reply.code(200).send({
      id: set.id,
      version: set.version,
      createdDate: set.createdDate,
      modifiedDate: set.createdDate,
      createdBy: 'emulator@AdobeID',
      modifiedBy: 'emulator@AdobeID',
    });
  });
  readRoutes(`${BASE}/connections`, 'connection');
  readRoutes(`${BASE}/sourceConnections`, 'sourceConnection');
  readRoutes(`${BASE}/targetConnections`, 'targetConnection');
  readRoutes(`${BASE}/flows`, 'flow');
  readRoutes('/mappingSets', 'mappingSet');
}
