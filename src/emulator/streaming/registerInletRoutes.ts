import { randomInt } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { applyMapping } from './applyMapping';
import { exceedsDepth } from '../http/exceedsDepth';
import { MAX_JSON_DEPTH } from '../http/limits';
import type { Connection, Flow } from '../storage/createCatalog';
import type { NewEvent } from '../storage/createEventStore';
import type { EmulatorContext, RoutePluginOptions } from '../EmulatorContext';
import { flowBaseConnectionIds } from './flowServiceObjects';
import { inletProblem, inletUnauthorized } from './inletProblem';
import { parseJson } from '../http/parseJson';
import { pickHeaders } from '../http/pickHeaders';
import { ProblemError } from '../http/ProblemError';
import {
  notFoundHandler,
  pathOf,
  plainErrorProblem,
  problemHandler,
  readFastifyError,
} from '../http/sendProblem';
import { createRequestChecks, type RequestChecks } from '../checks/createRequestChecks';
import { validateEvent, type RecordKind } from '../checks/validateEvent';
import { isObject } from '../http/isObject';
import { eventIdOf } from '../storage/eventIdOf';
import { eventTypeOf } from '../storage/eventTypeOf';
import { syncValidationProblem } from './syncValidationProblem';
import { applyFault, type FaultProblem } from '../faults/applyFault';

/** The inlet's 429 and 503 for injected faults, in its problem style. */
const inletFaultProblem =
  (xactionId: string): FaultProblem =>
  (status, detail) =>
    new ProblemError(status, {
      type: 'about:blank',
      status: String(status),
      title: status === 429 ? 'Too Many Requests' : 'Service Unavailable',
      report: { message: `[${xactionId}] ${detail}` },
    });

/** An inlet takes at most 1 MB a record. */
export const INLET_RECORD_LIMIT = 1024 * 1024;
/** A batch request is held to 1 MB in all, as Adobe's batch endpoint is (413 above). */
export const INLET_BATCH_LIMIT = 1024 * 1024;

let xactionCounter = 0;

/** A transaction id shaped like the real ones: `<ms>:<counter>:<random>`. */
export function createXactionId(now = Date.now()): string {
  xactionCounter = (xactionCounter + 1) % 10_000;
  return `${now}:${xactionCounter}:${randomInt(0, 1000)}`;
}

const BEARER = /^Bearer\s+\S+$/i;

/** The inlet of a request (404 if unknown) after its bearer token is checked (401) when it needs one. */
function openInlet(context: EmulatorContext, request: FastifyRequest, xactionId: string): Connection {
  const { inletId } = request.params as { inletId: string };
  const connection = context.catalog.connectionByInlet(inletId);
  if (!connection)
    throw inletProblem(
      'notFound',
      xactionId,
      `no streaming connection has the inlet ${inletId}: create one with POST /data/foundation/flowservice/connections`,
    );
  if (connection.authenticationRequired && !BEARER.test(request.headers.authorization ?? ''))
    throw inletUnauthorized();
  return connection;
}

/** The flow a record names (header `x-adobe-flow-id`, or the envelope's `header.flowId`), checked against the inlet. */
function findFlow(
  context: EmulatorContext,
  connection: Connection,
  flowId: unknown,
  xactionId: string,
): Flow | undefined {
  if (flowId === undefined || flowId === '') return undefined;
  const flow = typeof flowId === 'string' ? context.catalog.get('flow', flowId) : undefined;
  if (!flow)
    throw inletProblem(
      'invalidFlow',
      xactionId,
      `flow ${JSON.stringify(flowId)} does not exist: create it with POST /data/foundation/flowservice/flows`,
    );
  if (!flowBaseConnectionIds(flow, context.catalog).includes(connection.id)) {
    throw inletProblem(
      'invalidFlow',
      xactionId,
      `flow ${flow.id} does not read from this inlet's connection ${connection.id}`,
    );
  }
  return flow;
}

/** Turns one message into an event to store: an XDM envelope, or a raw record passed through the flow's mapping. */
function readRecord(
  context: EmulatorContext,
  connection: Connection,
  message: unknown,
  headerFlowId: unknown,
  xactionId: string,
  base: Omit<NewEvent, 'xdm' | 'validation' | 'xactionId'>,
  checks: RequestChecks,
): NewEvent {
  // Depth first: JSON.stringify of a record nested 100,000 levels deep would exhaust the stack.
  if (exceedsDepth(message, MAX_JSON_DEPTH))
    throw inletProblem('invalidPayload', xactionId, `a record may nest at most ${MAX_JSON_DEPTH} levels`);
  // The limit is in bytes of UTF-8, as the request body limit is, not in UTF-16 characters.
  if (Buffer.byteLength(JSON.stringify(message)) > INLET_RECORD_LIMIT)
    throw inletProblem('tooLarge', xactionId, `a record may be at most ${INLET_RECORD_LIMIT} bytes`);
  if (!isObject(message)) throw inletProblem('invalidPayload', xactionId, 'a record must be a JSON object');
  const { flow, xdm, kind, missing } =
    connection.dataType === 'xdm'
      ? readEnvelope({ context, connection, message, headerFlowId, xactionId })
      : readRaw({ context, connection, message, headerFlowId, xactionId });
  const checked = validateEvent(xdm, message, kind, checks);
  const unmapped = missing.map((attribute) => ({
    severity: 'warning' as const,
    path: `raw.${attribute}`,
    message: 'the mapping reads this attribute but the record does not have it',
  }));
  const validation = checks.share({ ...checked, findings: [...checked.findings, ...unmapped] });
  return {
    ...base,
    xactionId,
    flowId: flow.id,
    eventId: eventIdOf(xdm),
    eventType: eventTypeOf(xdm),
    // An XDM record's xdm is its envelope's body.xdmEntity: the store writes it once (packRequest).
    xdm,
    raw: message,
    validation,
  };
}

/** What a record becomes: its XDM, what it is checked as, its flow, and the attributes its mapping missed. */
interface ReadRecord {
  flow: Flow;
  xdm: Record<string, unknown>;
  kind: RecordKind;
  missing: string[];
}

/** A record as it arrived, with where it arrived and the flow the request named. */
interface RecordSource {
  context: EmulatorContext;
  connection: Connection;
  message: Record<string, unknown>;
  headerFlowId: unknown;
  xactionId: string;
}

/** An XDM inlet's record: the envelope's `body.xdmEntity`, with its dataflow (required). */
function readEnvelope(source: RecordSource): ReadRecord {
  const { context, connection, message, headerFlowId, xactionId } = source;
  const header = isObject(message.header) ? message.header : {};
  const body = isObject(message.body) ? message.body : {};
  const flow = findFlow(context, connection, headerFlowId ?? header.flowId, xactionId);
  if (!isObject(body.xdmEntity)) {
    throw inletProblem(
      'invalidPayload',
      xactionId,
      'an XDM inlet takes the envelope {"header": {"schemaRef", "flowId", "datasetId"}, "body": {"xdmMeta", "xdmEntity"}}: body.xdmEntity is missing',
    );
  }
  // Adobe requires the dataflow for XDM records too (x-adobe-flow-id, or header.flowId).
  if (!flow)
    throw inletProblem(
      'invalidFlow',
      xactionId,
      'an XDM record needs its dataflow: the x-adobe-flow-id header (or query parameter), or header.flowId in the envelope',
    );
  const xdm = body.xdmEntity;
  const kind = typeof xdm.eventType === 'string' || typeof xdm.timestamp === 'string' ? 'event' : 'record';
  return { flow, xdm, kind, missing: [] };
}

/** A raw inlet's record, passed through its dataflow's mapping. */
function readRaw(source: RecordSource): ReadRecord {
  const { context, connection, message, headerFlowId, xactionId } = source;
  const flow = findFlow(context, connection, headerFlowId, xactionId);
  if (!flow)
    throw inletProblem(
      'invalidFlow',
      xactionId,
      'a raw inlet needs the x-adobe-flow-id header naming the dataflow (and its mapping) to apply',
    );
  const mappingSet = flow.mappingId ? context.catalog.get('mappingSet', flow.mappingId) : undefined;
  const { xdm, missing } = mappingSet
    ? applyMapping(message, mappingSet.mappings)
    : { xdm: message, missing: [] };
  return { flow, xdm, kind: typeof xdm.eventType === 'string' ? 'event' : 'record', missing };
}

/** Turns what an inlet route (or fastify, for its body) threw into the inlet's problem. */
export function inletErrorProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  const { status, tooLarge, badType } = readFastifyError(error);
  if (tooLarge)
    return inletProblem(
      'tooLarge',
      createXactionId(),
      `the body is larger than ${INLET_RECORD_LIMIT} bytes (1 MB), the inlet's limit per request`,
    );
  if (badType)
    return inletProblem(
      'unsupportedMediaType',
      createXactionId(),
      `send the JSON body as application/json, not ${request.headers['content-type'] ?? '(none)'}`,
    );
  if (status < 500) return inletProblem('invalidPayload', createXactionId(), error.message);
  if (status === 503) return inletFaultProblem(createXactionId())(503, error.message);
  return plainErrorProblem(error);
}

/**
 * The streaming inlet, a plugin under the prefix `/collection`: `POST /collection/{inletId}` (one
 * record) and `POST /collection/batch/{inletId}` (`{"messages": [...]}`, each record answered on
 * its own). Refusals are the inlet's problems.
 */
export async function registerInletRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  app.setErrorHandler(problemHandler(context, inletErrorProblem));
  app.setNotFoundHandler(
    notFoundHandler(context, (_request, what) =>
      inletProblem('notFound', createXactionId(), `${what}: use POST /collection/{inletId}`),
    ),
  );
  /** The dataflow a request names: the `x-adobe-flow-id` header, or the same as a query parameter. */
  const flowIdOf = (request: FastifyRequest): unknown =>
    request.headers['x-adobe-flow-id'] ?? (request.query as Record<string, unknown>)['x-adobe-flow-id'];
  const baseOf = (request: FastifyRequest, connection: Connection, receivedTimeMs: number) => ({
    receivedTimeMs,
    source: 'inlet' as const,
    endpoint: pathOf(request.url),
    requestId: (request.headers['x-request-id'] as string | undefined) ?? '',
    inletId: connection.inletId,
    headers: pickHeaders(request.headers),
  });

  app.post('/:inletId', { bodyLimit: INLET_RECORD_LIMIT }, async (request, reply) => {
    const receivedTimeMs = Date.now();
    const xactionId = createXactionId(receivedTimeMs);
    if ((await applyFault(context, request, reply, 'inlet', inletFaultProblem(xactionId))).handled)
      return reply;
    const connection = openInlet(context, request, xactionId);
    const parsed = parseJson(request.body);
    if (!parsed.ok) throw inletProblem('invalidPayload', xactionId, parsed.reason);
    const base = {
      ...baseOf(request, connection, receivedTimeMs),
      requestId: (request.headers['x-request-id'] as string | undefined) ?? xactionId,
    };
    const record = readRecord(
      context,
      connection,
      parsed.value,
      flowIdOf(request),
      xactionId,
      base,
      createRequestChecks(request.headers),
    );
    // ?syncValidation=true: an invalid record is refused and dropped, a valid one says it passed.
    const syncValidation = (request.query as Record<string, unknown>).syncValidation === 'true';
    if (syncValidation && !record.validation.ok)
      throw syncValidationProblem(
        connection.inletId,
        connection.imsOrgId ?? context.defaultOrgId,
        record.validation,
      );
    const { stored, duplicates } = await context.store.add([record]);
    if (stored.length)
      context.log(
        `accepted ${base.endpoint} xactionId=${xactionId}${record.validation.plainEmails.length ? `  !! PLAIN E-MAIL in ${record.validation.plainEmails.join(', ')}` : ''}`,
      );
    if (duplicates.length) context.log(`duplicate ${base.endpoint} _id=${record.eventId} (not stored again)`);
    return reply.code(200).send({
      inletId: connection.inletId,
      xactionId,
      receivedTimeMs,
      syncValidation: syncValidation ? { status: 'pass' } : { skipped: true },
    });
  });

  app.post('/batch/:inletId', { bodyLimit: INLET_BATCH_LIMIT }, async (request, reply) => {
    const receivedTimeMs = Date.now();
    const batchXaction = createXactionId(receivedTimeMs);
    const fault = await applyFault(context, request, reply, 'batch', inletFaultProblem(batchXaction));
    if (fault.handled) return reply;
    const connection = openInlet(context, request, batchXaction);
    // Each record is held to the depth limit on its own (readRecord), so one deep record fails alone.
    const parsed = parseJson(request.body, Infinity);
    if (!parsed.ok) throw inletProblem('invalidPayload', batchXaction, parsed.reason);
    const messages = Array.isArray(parsed.value)
      ? parsed.value
      : isObject(parsed.value)
        ? parsed.value.messages
        : undefined;
    if (!Array.isArray(messages) || messages.length === 0)
      throw inletProblem(
        'invalidPayload',
        batchXaction,
        'a batch is {"messages": [record, ...]} with at least one record',
      );
    const base = baseOf(request, connection, receivedTimeMs);
    const responses: Array<Record<string, unknown>> = [];
    const records: NewEvent[] = [];
    const checks = createRequestChecks(request.headers);
    messages.forEach((message, index) => {
      // Each record's id is the batch's with its index (`<batchId>:<i>`), as Adobe answers them.
      const xactionId = `${batchXaction}:${index}`;
      try {
        // A scripted 207 fails the first record as the service would when it is unavailable.
        if (index === 0 && fault.multiStatus)
          throw new ProblemError(503, {
            type: 'about:blank',
            title: 'Service Unavailable',
            detail: 'Injected fault (POST /api/faults)',
          });
        const recordBase = { ...base, requestId: base.requestId || batchXaction };
        records.push(
          readRecord(context, connection, message, flowIdOf(request), xactionId, recordBase, checks),
        );
        responses.push({ xactionId, statusCode: 200 });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        responses.push({
          xactionId,
          statusCode: error.status,
          message: (error.body.report as { message?: string } | undefined)?.message ?? error.message,
        });
      }
    });
    await context.store.add(records);
    const failed = responses.filter((item) => item.statusCode !== 200).length;
    context.log(
      `accepted ${base.endpoint}: ${records.length} record(s)${failed ? `, ${failed} refused` : ''}`,
    );
    // Adobe's batch endpoint answers 207 Multi-Status always, each record with its own statusCode.
    return reply
      .code(207)
      .send({ inletId: connection.inletId, batchId: batchXaction, receivedTimeMs, responses });
  });
}
