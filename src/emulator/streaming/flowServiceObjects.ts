import { createHash, randomUUID } from 'node:crypto';
import { isObject } from '../http/isObject';
import type {
  Catalog,
  Connection,
  Flow,
  FlowConnection,
  Mapping,
  MappingSet,
} from '../storage/createCatalog';
import { ProblemError } from '../http/ProblemError';
import { unsafePathSegment } from './unsafePathSegment';

/** The connection spec of the HTTP API streaming source. */
export const HTTP_API_CONNECTION_SPEC = 'bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb';
/** The connection spec of the data lake (target connections). */
export const DATA_LAKE_CONNECTION_SPEC = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
/** The flow spec of an HTTP API dataflow without transformations. */
export const FLOW_SPEC_PLAIN = 'd8a6f005-7eaf-4153-983e-e8574508b877';
/** The flow spec of an HTTP API dataflow with a mapping transformation. */
export const FLOW_SPEC_MAPPING = 'c1a19761-d2c7-4702-b9fa-fe91f0613e81';

/** A Flow Service or Data Prep refusal (`FLOW-<code>-<status>`), in the platform's problem shape. */
export function flowServiceProblem(status: 400 | 404, detail: string): ProblemError {
  const code = status === 404 ? '0404' : '0400';
  return new ProblemError(status, {
    type: `https://ns.adobe.com/aep/errors/FLOW-${code}-${status}`,
    status,
    title: status === 404 ? 'Not found' : 'Bad request',
    detail,
  });
}

const etag = () => `"${randomUUID()}"`;

function need(condition: unknown, detail: string): asserts condition {
  if (!condition) throw flowServiceProblem(400, detail);
}

/** Checks a `POST /connections` body and builds the base connection, with its inlet. */
export function buildConnection(body: unknown, id: string = randomUUID()): Connection {
  need(isObject(body), 'the body must be a JSON object');
  need(typeof body.name === 'string' && body.name, 'name is required');
  const spec = body.connectionSpec as Record<string, unknown> | undefined;
  need(
    isObject(spec) && spec.id === HTTP_API_CONNECTION_SPEC,
    `connectionSpec.id must be ${HTTP_API_CONNECTION_SPEC} (HTTP API): the emulator emulates streaming connections only`,
  );
  const params = (isObject(body.auth) && isObject(body.auth.params) ? body.auth.params : {}) as Record<
    string,
    unknown
  >;
  const dataType = params.dataType ?? 'xdm';
  need(dataType === 'xdm' || dataType === 'raw', 'auth.params.dataType must be "xdm" or "raw"');
  need(
    params.authenticationRequired === undefined || typeof params.authenticationRequired === 'boolean',
    'auth.params.authenticationRequired must be true or false',
  );
  return {
    id,
    name: body.name,
    description: typeof body.description === 'string' ? body.description : undefined,
    connectionSpec: {
      id: HTTP_API_CONNECTION_SPEC,
      version: typeof spec.version === 'string' ? spec.version : '1.0',
    },
    dataType,
    authenticationRequired: params.authenticationRequired === true,
    sourceId: typeof params.sourceId === 'string' ? params.sourceId : body.name,
    // Inlet ids are 64 hex characters, as the real ones.
    inletId: createHash('sha256').update(`inlet:${id}`).digest('hex'),
    etag: etag(),
    createdAt: Date.now(),
  };
}

/** What `GET /connections/{id}` shows for a base connection, with the inlet URL on this emulator. */
export function describeConnection(connection: Connection, origin: string) {
  return {
    id: connection.id,
    createdAt: connection.createdAt,
    updatedAt: connection.createdAt,
    createdBy: 'emulator@AdobeID',
    updatedBy: 'emulator@AdobeID',
    sandboxName: 'prod',
    name: connection.name,
    description: connection.description,
    connectionSpec: connection.connectionSpec,
    state: 'enabled',
    auth: {
      specName: 'Streaming Connection',
      params: {
        sourceId: connection.sourceId,
        inletUrl: `${origin}/collection/${connection.inletId}`,
        authenticationRequired: connection.authenticationRequired,
        inletId: connection.inletId,
        dataType: connection.dataType,
        name: connection.name,
      },
    },
    version: connection.etag,
    etag: connection.etag,
  };
}

/** Checks a `POST /sourceConnections` body: its base connection must exist. */
export function buildSourceConnection(
  body: unknown,
  catalog: Catalog,
  id: string = randomUUID(),
): FlowConnection {
  need(isObject(body), 'the body must be a JSON object');
  need(
    typeof body.baseConnectionId === 'string' && catalog.get('connection', body.baseConnectionId),
    `baseConnectionId ${JSON.stringify(body.baseConnectionId)} is not a connection created with POST /connections`,
  );
  return { id, etag: etag(), createdAt: Date.now(), body };
}

/** Checks a `POST /targetConnections` body: a data lake target with a dataset. */
export function buildTargetConnection(body: unknown, id: string = randomUUID()): FlowConnection {
  need(isObject(body), 'the body must be a JSON object');
  const spec = body.connectionSpec as Record<string, unknown> | undefined;
  need(
    isObject(spec) && spec.id === DATA_LAKE_CONNECTION_SPEC,
    `connectionSpec.id must be ${DATA_LAKE_CONNECTION_SPEC} (data lake)`,
  );
  need(isObject(body.params) && typeof body.params.dataSetId === 'string', 'params.dataSetId is required');
  return { id, etag: etag(), createdAt: Date.now(), body };
}

/** Checks a `POST /mappingSets` body: a list of `sourceAttribute` → `destinationXdmPath` rules. */
export function buildMappingSet(body: unknown, id: string = randomUUID().replace(/-/g, '')): MappingSet {
  need(isObject(body), 'the body must be a JSON object');
  need(Array.isArray(body.mappings) && body.mappings.length > 0, 'mappings must be a non-empty array');
  const mappings = (body.mappings as unknown[]).map((item, index): Mapping => {
    need(
      isObject(item) && typeof item.sourceAttribute === 'string' && item.sourceAttribute,
      `mappings[${index}].sourceAttribute is required`,
    );
    need(
      typeof item.destinationXdmPath === 'string' && /^[\w]+(\.[\w]+)*$/.test(item.destinationXdmPath),
      `mappings[${index}].destinationXdmPath must be a dotted XDM path`,
    );
    for (const key of ['sourceAttribute', 'destinationXdmPath'] as const) {
      const segment = unsafePathSegment(item[key] as string);
      need(
        segment === undefined,
        `mappings[${index}].${key} may not contain the path segment ${JSON.stringify(segment)}: it reaches object prototypes`,
      );
    }
    return {
      sourceAttribute: item.sourceAttribute,
      destinationXdmPath: item.destinationXdmPath,
      identity: item.identity === true,
      version: 0,
    };
  });
  return {
    id,
    version: 0,
    xdmSchema: typeof body.xdmSchema === 'string' ? body.xdmSchema : undefined,
    xdmVersion: typeof body.xdmVersion === 'string' ? body.xdmVersion : undefined,
    mappings,
    createdDate: Date.now(),
  };
}

/** Checks a `POST /flows` body: known flow spec, existing connections, and the mapping set if any. */
export function buildFlow(body: unknown, catalog: Catalog, id: string = randomUUID()): Flow {
  need(isObject(body), 'the body must be a JSON object');
  need(typeof body.name === 'string' && body.name, 'name is required');
  const spec = body.flowSpec as Record<string, unknown> | undefined;
  need(
    isObject(spec) && (spec.id === FLOW_SPEC_PLAIN || spec.id === FLOW_SPEC_MAPPING),
    `flowSpec.id must be ${FLOW_SPEC_PLAIN} (no transformation) or ${FLOW_SPEC_MAPPING} (with mapping)`,
  );
  const ids = (key: string, kind: 'sourceConnection' | 'targetConnection') => {
    const list = body[key];
    need(Array.isArray(list) && list.length > 0, `${key} must be a non-empty array`);
    for (const item of list)
      need(
        typeof item === 'string' && catalog.get(kind, item),
        `${key}: ${JSON.stringify(item)} is not a known ${kind}`,
      );
    return list as string[];
  };
  const sourceConnectionIds = ids('sourceConnectionIds', 'sourceConnection');
  const targetConnectionIds = ids('targetConnectionIds', 'targetConnection');
  let mappingId: string | undefined;
  if (body.transformations !== undefined) {
    need(Array.isArray(body.transformations), 'transformations must be an array');
    const mapping = body.transformations.find((item) => isObject(item) && item.name === 'Mapping') as
      { params?: { mappingId?: unknown } } | undefined;
    if (mapping) {
      mappingId = mapping.params?.mappingId as string;
      need(
        typeof mappingId === 'string' && catalog.get('mappingSet', mappingId),
        `transformations: mappingId ${JSON.stringify(mappingId)} is not a mapping set created with POST /mappingSets`,
      );
      need(spec.id === FLOW_SPEC_MAPPING, `a flow with a mapping must use flowSpec.id ${FLOW_SPEC_MAPPING}`);
    }
  }
  return {
    id,
    name: body.name,
    description: typeof body.description === 'string' ? body.description : undefined,
    flowSpec: { id: spec.id as string, version: typeof spec.version === 'string' ? spec.version : '1.0' },
    sourceConnectionIds,
    targetConnectionIds,
    mappingId,
    etag: etag(),
    createdAt: Date.now(),
  };
}

/** The base connections a flow reads from (through its source connections). */
export function flowBaseConnectionIds(flow: Flow, catalog: Catalog): string[] {
  return flow.sourceConnectionIds
    .map((id) => catalog.get('sourceConnection', id)?.body.baseConnectionId)
    .filter((id): id is string => typeof id === 'string');
}
