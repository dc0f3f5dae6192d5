import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildEdgeHandles } from './buildEdgeHandles';
import type { Datastream } from '../storage/createCatalog';
import type { NewEvent } from '../storage/createEventStore';
import { edgeProblem } from './edgeProblem';
import type { EmulatorContext, RoutePluginOptions } from '../EmulatorContext';
import { parseJson } from '../http/parseJson';
import { ProblemError } from '../http/ProblemError';
import { notFoundHandler, pathOf, problemHandler, readFastifyError } from '../http/sendProblem';
import { pickHeaders } from '../http/pickHeaders';
import { IDENTITY_MAX_AGE, resolveVisitor } from './resolveVisitor';
import { validateEvent } from '../checks/validateEvent';
import { answerOptedOut, findOptOut } from '../consent/answerOptedOut';
import { DATASTREAM_ID } from '../../core/patterns';
import { REQUEST_ID } from '../http/limits';

/** The Edge Network takes at most 64 KB a request. */
export const EDGE_BODY_LIMIT = 64 * 1024;

const requestIds = new WeakMap<FastifyRequest, string>();

const givenRequestId = (request: FastifyRequest): unknown =>
  (request.query as Record<string, unknown> | undefined)?.requestId;

/**
 * The request's id: the caller's `requestId` parameter when it is valid (see `REQUEST_ID`), or
 * one made here (once per request), so that a refusal can always name a safe id.
 */
export function edgeRequestId(request: FastifyRequest): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = givenRequestId(request);
    id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** Refuses a `requestId` that could not be echoed in a header or a log line, before anything is stored. */
export function checkRequestId(request: FastifyRequest): void {
  const given = givenRequestId(request);
  if (given === undefined || (typeof given === 'string' && REQUEST_ID.test(given))) return;
  throw edgeProblem(
    'invalidRequestId',
    edgeRequestId(request),
    'requestId must be 1 to 128 visible ASCII characters (no spaces, no control characters); leave it out and the emulator makes one',
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

type Variant = { version: 'v1' | 'v2'; answer: 'interact' | 'collect' };

/** Finds the datastream, creating it in development mode; refuses an unknown one otherwise. */
export async function findDatastream(
  context: EmulatorContext,
  rawId: unknown,
  requestId: string,
  parameter: string,
): Promise<Datastream> {
  if (typeof rawId !== 'string' || !rawId.trim()) {
    throw edgeProblem(
      'missingDatastream',
      requestId,
      `the ${parameter} query parameter is required: POST /ee/v2/interact?${parameter}={DATASTREAM_ID}`,
    );
  }
  // Ids are UUIDs, in development mode too: an 8 KB id or one with a NUL would end up in the catalog.
  if (!DATASTREAM_ID.test(rawId.trim()))
    throw edgeProblem(
      'unknownDatastream',
      requestId,
      `${parameter} must be a datastream ID (a UUID, optionally with ":environment"), not ${JSON.stringify(rawId.slice(0, 60))}${rawId.length > 60 ? '…' : ''}`,
    );
  // `id:environment` selects a sandbox environment of the same datastream.
  const id = rawId.trim().split(':')[0]!;
  const known = context.catalog.get('datastream', id);
  if (known) return known;
  if (context.devMode) {
    return context.catalog.put('datastream', {
      id,
      name: `Created on first use (${id})`,
      orgId: context.defaultOrgId,
      createdAt: Date.now(),
    });
  }
  throw edgeProblem(
    'unknownDatastream',
    requestId,
    `datastream ${JSON.stringify(id)} is not configured on this emulator: add it to the --datastreams file, POST it to /api/datastreams, or start with --dev to accept any id`,
  );
}

/** Parses an Edge Network request's body, once per request; refuses one that is not JSON. */
export function readEdgeBody(body: unknown, requestId: string): unknown {
  const parsed = parseJson(body);
  if (!parsed.ok) throw edgeProblem('malformedJson', requestId, parsed.reason);
  return parsed.value;
}

/** Reads the events of a parsed body: `event` (v2) or `events[]` (v1, as the Web SDK sends them). */
function readEvents(
  value: unknown,
  variant: Variant,
  requestId: string,
): Array<{ xdm: Record<string, unknown>; data?: unknown }> {
  if (!isObject(value)) throw edgeProblem('malformedJson', requestId, 'the body must be a JSON object');
  const list =
    variant.version === 'v2' ? (value.event === undefined ? undefined : [value.event]) : value.events;
  const field = variant.version === 'v2' ? 'event' : 'events';
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    throw edgeProblem(
      'missingEvent',
      requestId,
      variant.version === 'v2'
        ? 'the body must have an "event": {"xdm": {...}, "data": {...}}'
        : 'the body must have a non-empty "events" array',
    );
  }
  if (!Array.isArray(list)) throw edgeProblem('invalidEvent', requestId, '"events" must be an array');
  return list.map((event, index) => {
    const at = variant.version === 'v2' ? field : `${field}[${index}]`;
    if (!isObject(event)) throw edgeProblem('invalidEvent', requestId, `${at} must be an object with "xdm"`);
    if (!isObject(event.xdm)) throw edgeProblem('invalidEvent', requestId, `${at}.xdm must be an object`);
    return { xdm: event.xdm, data: event.data };
  });
}

/** The `meta.state.entries` of a parsed request body (the cookies the page kept), or undefined. */
export function stateEntries(body: unknown): unknown {
  const meta = isObject(body) ? body.meta : undefined;
  return isObject(meta) && isObject(meta.state) ? meta.state.entries : undefined;
}

/** Turns what an Edge route (or fastify, for its body) threw into the Edge Network's problem. */
export function edgeErrorProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  const { status, tooLarge, badType } = readFastifyError(error);
  const requestId = edgeRequestId(request);
  if (tooLarge)
    return edgeProblem(
      'tooLarge',
      requestId,
      `the body is larger than ${EDGE_BODY_LIMIT} bytes (64 KB), the Edge Network's limit per request`,
    );
  if (badType)
    return edgeProblem(
      'unsupportedMediaType',
      requestId,
      `send the JSON body as application/json or text/plain, not ${request.headers['content-type'] ?? '(none)'}`,
    );
  return status < 500
    ? edgeProblem('malformedJson', requestId, error.message)
    : edgeProblem('internal', requestId, `the emulator failed: ${error.message}`);
}

/**
 * The Edge Network endpoints, a plugin under the prefix `/ee`: `POST /ee/v2/interact` and
 * `/ee/v2/collect` (`dataStreamId`, `event`), and the Web SDK's `/ee/v1/interact` and
 * `/ee/v1/collect` (`configId`, `events[]`). Refusals are Edge Network problems (`EXEG-…`).
 */
export async function registerEdgeRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  app.setErrorHandler(problemHandler(context, edgeErrorProblem));
  app.setNotFoundHandler(
    notFoundHandler(context, (request, what) =>
      edgeProblem(
        'notFound',
        edgeRequestId(request),
        `${what}: use POST /ee/v2/interact?dataStreamId=… or /ee/v2/collect`,
      ),
    ),
  );
  const handle = (variant: Variant) => async (request: FastifyRequest, reply: FastifyReply) => {
    checkRequestId(request);
    const requestId = edgeRequestId(request);
    const query = request.query as Record<string, unknown>;
    const parameter = variant.version === 'v2' ? 'dataStreamId' : 'configId';
    const datastream = await findDatastream(
      context,
      query[parameter] ?? query.dataStreamId ?? query.configId,
      requestId,
      parameter,
    );
    const body = readEdgeBody(request.body, requestId);
    const events = readEvents(body, variant, requestId);
    const state = stateEntries(body);
    const visitor = resolveVisitor({
      orgId: datastream.orgId,
      stateEntries: state,
      cookieHeader: request.headers.cookie,
      identityMap: events[0]?.xdm.identityMap,
    });
    const endpoint = pathOf(request.url);
    // Consent: an opted-out visitor's events are answered but never stored (see answerOptedOut).
    const optedOut = findOptOut(context, datastream.orgId, visitor, state);
    if (optedOut)
      return answerOptedOut(context, reply, { requestId, endpoint, visitor, optedOut, events, variant });
    const receivedTimeMs = Date.now();
    const headers = pickHeaders(request.headers);
    const records: NewEvent[] = events.map(({ xdm, data }) => ({
      receivedTimeMs,
      source: 'edge',
      endpoint,
      requestId,
      dataStreamId: datastream.id,
      eventId: typeof xdm._id === 'string' ? xdm._id : undefined,
      eventType: typeof xdm.eventType === 'string' ? xdm.eventType : undefined,
      ecid: visitor.ecid,
      xdm,
      ...(data !== undefined && { data }),
      headers,
      validation: validateEvent(xdm, data === undefined ? { xdm } : { xdm, data }, 'event', {
        headers: request.headers,
      }),
    }));
    const { stored, duplicates } = await context.store.add(records);
    for (const event of stored) {
      const flag = event.validation.plainEmails.length
        ? `  !! PLAIN E-MAIL in ${event.validation.plainEmails.join(', ')}`
        : event.validation.ok
          ? ''
          : '  (invalid: see the inspector)';
      context.log(
        `accepted ${endpoint} ${event.eventType ?? '(no eventType)'} requestId=${requestId}${flag}`,
      );
    }
    for (const event of duplicates)
      context.log(`duplicate ${endpoint} _id=${event.eventId} requestId=${requestId} (not stored again)`);

    // The real service keeps the id in a first-party cookie too; SameSite=Lax works across loopback ports.
    reply.header(
      'set-cookie',
      `${visitor.cookieName}=${visitor.cookieValue}; Path=/; Max-Age=${IDENTITY_MAX_AGE}; SameSite=Lax`,
    );
    reply.header('x-request-id', requestId);
    if (variant.answer === 'collect') return reply.code(204).send();
    return reply
      .code(200)
      .header('content-type', 'application/json')
      .send({ requestId, handle: buildEdgeHandles(visitor) });
  };

  const options = { bodyLimit: EDGE_BODY_LIMIT };
  // After a location hint the Web SDK puts the region in the path: /ee/local/v1/interact.
  for (const prefix of ['', '/:locationHint']) {
    app.post(`${prefix}/v2/interact`, options, handle({ version: 'v2', answer: 'interact' }));
    app.post(`${prefix}/v2/collect`, options, handle({ version: 'v2', answer: 'collect' }));
    app.post(`${prefix}/v1/interact`, options, handle({ version: 'v1', answer: 'interact' }));
    app.post(`${prefix}/v1/collect`, options, handle({ version: 'v1', answer: 'collect' }));
  }
}
