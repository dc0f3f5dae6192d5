import type { FastifyInstance } from 'fastify';
import type { EventFilter, StoreChange } from '../storage/createEventStore';
import type { PageRequest } from '../storage/pageBySeq';
import { createStreamClient } from './createStreamClient';
import type { Rejection, RoutePluginOptions } from '../EmulatorContext';
import { ORG_ID } from '../http/limits';
import { parseJson } from '../http/parseJson';
import { notFoundHandler, plainErrorProblem, plainProblem, problemHandler } from '../http/sendProblem';
import { UUID } from '../../core/patterns';
import { parseFault } from '../faults/createFaultPlan';

const apiProblem = plainProblem;

/** The most events one page of `GET /api/events` holds. */
export const MAX_PAGE_SIZE = 1000;

/** Reads `since` as epoch milliseconds or an ISO date-time. */
function parseSince(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  const time = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(time))
    throw apiProblem(
      400,
      'Bad filter',
      `since must be epoch milliseconds or an ISO date-time, not ${JSON.stringify(text)}`,
    );
  return time;
}

/** Refuses a query parameter given more than once (`?text=a&text=b` arrives as an array). */
function checkSingleValues(query: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(query))
    if (Array.isArray(value))
      throw apiProblem(400, 'Bad filter', `${name} must be given once, not ${value.length} times`);
}

/** Reads the filters of `GET /api/events`. */
function readFilter(query: Record<string, string | undefined>): EventFilter {
  checkSingleValues(query);
  const { source } = query;
  if (source !== undefined && source !== 'edge' && source !== 'inlet')
    throw apiProblem(400, 'Bad filter', `source must be "edge" or "inlet", not ${JSON.stringify(source)}`);
  return {
    requestId: query.requestId,
    dataStreamId: query.dataStreamId,
    eventType: query.eventType,
    since: parseSince(query.since),
    source,
    problems: query.problems === 'true' || query.problems === '1',
    text: query.text,
  };
}

/** Reads `limit`, `cursor` and `order`; undefined when no `limit` is given (every match at once). */
function readPage(query: Record<string, string | undefined>): PageRequest | undefined {
  const { limit, cursor, order } = query;
  if (limit === undefined) {
    if (cursor !== undefined) throw apiProblem(400, 'Bad page', 'cursor needs limit');
    return undefined;
  }
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE_SIZE)
    throw apiProblem(400, 'Bad page', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
    throw apiProblem(400, 'Bad page', 'cursor must be the nextCursor of the previous page');
  if (order !== undefined && order !== 'asc' && order !== 'desc')
    throw apiProblem(400, 'Bad page', 'order must be "asc" (oldest first) or "desc" (newest first)');
  return { limit: Number(limit), cursor: cursor === undefined ? undefined : Number(cursor), order };
}

/** The `nextCursor` of an answer, as a string (cursors are opaque to clients), when there is a next page. */
const cursorOf = (nextCursor: number | undefined) =>
  nextCursor === undefined ? {} : { nextCursor: String(nextCursor) };

/**
 * The emulator's own API, a plugin under the prefix `/api`: stored events (`GET /api/events` with
 * filters and pages, `GET /api/events/{id}`, `DELETE /api/events`), their live stream for the
 * inspector (`GET /api/stream`, server-sent events), datastreams, refusals and a status summary.
 */
export async function registerApiRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  const { store, catalog, streams } = context;
  app.setErrorHandler(problemHandler(context, plainErrorProblem));
  app.setNotFoundHandler(notFoundHandler(context, (_request, what) => apiProblem(404, 'Not found', what)));

  app.get('/events', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const filter = readFilter(query);
    const page = readPage(query);
    if (!page) {
      const events = store.list(filter);
      return { count: events.length, total: events.length, events };
    }
    const { items, total, nextCursor } = store.page(filter, page);
    return { count: items.length, total, events: items, ...cursorOf(nextCursor) };
  });
  app.get('/events/:id', async (request) => {
    const { id } = request.params as { id: string };
    const event = store.get(id);
    if (!event) throw apiProblem(404, 'Not found', `no stored event has the id or _id ${JSON.stringify(id)}`);
    return event;
  });
  app.delete('/events', async (_request, reply) => {
    const { events } = store.stats();
    await store.clear();
    context.rejections.clear();
    context.log(`cleared ${events} stored event(s)`);
    return reply.code(200).send({ deleted: events });
  });
  app.get('/rejections', async () => ({ rejections: context.rejections.list() }));
  // Each visitor's latest decision, newest first unless `order=asc` (the inspector's consent panel),
  // paged by the rule of /api/events.
  app.get('/consent', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    checkSingleValues(query);
    const { dropped } = context.consents.stats();
    const page = readPage(query);
    if (!page) {
      const items = context.consents.list();
      return { count: items.length, total: items.length, items, dropped };
    }
    const { items, total, nextCursor } = context.consents.page({ ...page, order: page.order ?? 'desc' });
    return { count: items.length, total, items, dropped, ...cursorOf(nextCursor) };
  });
  app.get('/faults', async () => ({ items: context.faults.list() }));
  app.post('/faults', async (request, reply) => {
    const parsed = parseJson(request.body);
    if (!parsed.ok) throw apiProblem(400, 'Bad fault', parsed.reason);
    const given = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    try {
      context.faults.arm(given.map(parseFault));
    } catch (error) {
      throw apiProblem(400, 'Bad fault', (error as Error).message);
    }
    return reply.code(201).send({ items: context.faults.list() });
  });
  app.delete('/faults', async (_request, reply) => {
    context.faults.clear();
    return reply.code(204).send();
  });
  app.get('/status', async () => ({
    origin: context.origin(),
    devMode: context.devMode,
    ...store.stats(),
    rejections: context.rejections.list().length,
    streams: streams.size,
    datastreams: catalog.all('datastream').length,
    inlets: catalog.all('connection').length,
  }));
  app.get('/datastreams', async () => ({ items: catalog.all('datastream') }));
  app.post('/datastreams', async (request, reply) => {
    const parsed = parseJson(request.body);
    const body = (parsed.ok ? parsed.value : undefined) as
      { id?: unknown; name?: unknown; orgId?: unknown } | undefined;
    // The org id names the visitor cookie: it must be a real org id, not any header text.
    if (
      !body ||
      typeof body.id !== 'string' ||
      !UUID.test(body.id) ||
      (body.orgId !== undefined && (typeof body.orgId !== 'string' || !ORG_ID.test(body.orgId)))
    )
      throw apiProblem(
        400,
        'Bad datastream',
        'send {"id": "<uuid>", "name"?: "...", "orgId"?: "...@AdobeOrg"}',
      );
    const datastream = await catalog.put('datastream', {
      id: body.id.toLowerCase(),
      name: typeof body.name === 'string' ? body.name : body.id,
      orgId: typeof body.orgId === 'string' ? body.orgId : context.defaultOrgId,
      createdAt: Date.now(),
    });
    return reply.code(201).send(datastream);
  });

  app.get('/stream', (request, reply) => {
    reply.hijack();
    const response = reply.raw;
    // The stream stays open for as long as the inspector does: the idle timeout does not apply.
    request.raw.socket.setTimeout(0);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const client = createStreamClient(response, {
      maxBufferedBytes: context.limits.streamBufferBytes,
      onDrop: (buffered) =>
        context.log(
          `dropped a live-stream client that stopped reading (${buffered} bytes waiting, limit ${context.limits.streamBufferBytes})`,
        ),
    });
    client.send('hello', { ...store.stats(), origin: context.origin() });
    const onChange = ({ type, ...change }: StoreChange) =>
      client.send(type, 'event' in change ? change.event : change);
    const onRejection = (rejection: Rejection) => client.send('rejected', rejection);
    const unsubscribe = store.subscribe(onChange);
    const stopRejections = context.rejections.subscribe(onRejection);
    // A comment every 20 s keeps proxies and the browser from timing the stream out.
    const keepAlive = setInterval(() => client.keepAlive(), 20_000);
    keepAlive.unref();
    streams.add(response);
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      stopRejections();
      streams.delete(response);
    });
  });
}
