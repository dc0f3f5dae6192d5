import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { EventFilter, StoreChange } from './createEventStore';
import type { EmulatorContext, Rejection } from './EmulatorContext';
import { parseJson } from './parseJson';
import { ProblemError } from './ProblemError';
import { UUID } from '../core/patterns';

const apiProblem = (status: number, title: string, detail: string) =>
  new ProblemError(status, { type: 'about:blank', status, title, detail });

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

/**
 * The emulator's own API: stored events (`GET /api/events` with filters, `GET /api/events/{id}`,
 * `DELETE /api/events`), their live stream for the inspector (`GET /api/stream`, server-sent
 * events), datastreams, refusals and a status summary.
 */
export function registerApiRoutes(
  app: FastifyInstance,
  context: EmulatorContext,
  streams: Set<ServerResponse>,
): void {
  const { store, catalog } = context;

  app.get('/api/events', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const filter: EventFilter = {
      requestId: query.requestId,
      dataStreamId: query.dataStreamId,
      eventType: query.eventType,
      since: parseSince(query.since),
    };
    const events = store.list(filter);
    return { count: events.length, events };
  });
  app.get('/api/events/:id', async (request) => {
    const { id } = request.params as { id: string };
    const event = store.get(id);
    if (!event) throw apiProblem(404, 'Not found', `no stored event has the id or _id ${JSON.stringify(id)}`);
    return event;
  });
  app.delete('/api/events', async (_request, reply) => {
    const { events } = store.stats();
    await store.clear();
    context.rejections.length = 0;
    context.log(`cleared ${events} stored event(s)`);
    return reply.code(200).send({ deleted: events });
  });
  app.get('/api/rejections', async () => ({ rejections: context.rejections }));
  app.get('/api/status', async () => ({
    origin: context.origin(),
    devMode: context.devMode,
    ...store.stats(),
    rejections: context.rejections.length,
    datastreams: catalog.all('datastream').length,
    inlets: catalog.all('connection').length,
  }));
  app.get('/api/datastreams', async () => ({ items: catalog.all('datastream') }));
  app.post('/api/datastreams', async (request, reply) => {
    const parsed = parseJson(request.body);
    const body = (parsed.ok ? parsed.value : undefined) as
      { id?: unknown; name?: unknown; orgId?: unknown } | undefined;
    if (!body || typeof body.id !== 'string' || !UUID.test(body.id))
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

  app.get('/api/stream', (request, reply) => {
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (name: string, data: unknown) =>
      response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    send('hello', { ...store.stats(), origin: context.origin() });
    const onChange = (change: StoreChange) =>
      send(change.type, change.type === 'cleared' ? {} : change.event);
    const onRejection = (rejection: Rejection) => send('rejected', rejection);
    const unsubscribe = store.subscribe(onChange);
    const stopRejections = context.onRejection(onRejection);
    // A comment every 20 s keeps proxies and the browser from timing the stream out.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 20_000);
    keepAlive.unref();
    streams.add(response);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      stopRejections();
      streams.delete(response);
    });
  });
}
