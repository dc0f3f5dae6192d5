import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequestChecks } from '../checks/createRequestChecks';
import { validateEvent } from '../checks/validateEvent';
import { isObject } from '../http/isObject';
import { LIVE_EVENTS_PER_REQUEST } from '../http/limits';
import { eventIdOf } from '../storage/eventIdOf';
import { eventTypeOf } from '../storage/eventTypeOf';
import { answerOptedOut, findOptOut } from '../consent/answerOptedOut';
import { decideConsent, eventConsentEntries } from '../consent/decideConsent';
import type { EmulatorContext, RoutePluginOptions } from '../EmulatorContext';
import { applyFault } from '../faults/applyFault';
import { pickHeaders } from '../http/pickHeaders';
import { ProblemError } from '../http/ProblemError';
import { notFoundHandler, pathOf, problemHandler } from '../http/sendProblem';
import type { NewEvent, StoredEvent } from '../storage/createEventStore';
import { answerEdge, edgeFaultProblem } from './answerEdge';
import { buildEdgeHandles, setCookieHeaders, stateEntriesFor } from './buildEdgeHandles';
import { checkRequestId, edgeRequestId, sentRequestId } from './edgeRequestId';
import { findDatastream, readDatastreamParameter } from './findDatastream';
import {
  EDGE_BODY_LIMIT,
  edgeErrorProblem,
  fetchesIdentity,
  readClientState,
  readEdgeBody,
} from './readEdgeBody';
import { readEvents, type EdgeEvent, type EventsShape } from './readEvents';
import { resolveVisitor, type Visitor } from './resolveVisitor';

/** One Edge endpoint: its API version, what it answers, and which body it takes. */
interface Variant {
  version: 'v1' | 'v2';
  answer: 'interact' | 'collect' | 'acquire';
  shape: EventsShape;
}

/** The status of a processed request: interact 200, v1 collect 204, v2 collect 202 `{requestId}` or 204 with `silent=true` (spec). */
function successStatus(variant: Variant, query: Record<string, unknown>): number {
  if (variant.answer !== 'collect') return 200;
  return variant.version === 'v1' || query.silent === 'true' ? 204 : 202;
}

/** Logs a line an item; of a request with more than LIVE_EVENTS_PER_REQUEST, the first of them and one summary. */
function logEach<T>(
  context: EmulatorContext,
  items: T[],
  line: (item: T) => string,
  summary: (rest: T[]) => string,
) {
  const listed = items.slice(0, LIVE_EVENTS_PER_REQUEST);
  for (const item of listed) context.log(line(item));
  const rest = items.slice(listed.length);
  if (rest.length) context.log(summary(rest));
}

/** What the console says of a stored event: loud for a plain address. */
const storedFlag = (event: StoredEvent) =>
  event.validation.plainEmails.length
    ? `  !! PLAIN E-MAIL in ${event.validation.plainEmails.join(', ')}`
    : event.validation.ok
      ? ''
      : '  (invalid: see the inspector)';

/** Stores the events of a request (checked, `_id` given where missing) and logs them. */
async function storeEvents(
  context: EmulatorContext,
  request: FastifyRequest,
  events: EdgeEvent[],
  meta: {
    requestId: string;
    sentRequestId: string;
    endpoint: string;
    dataStreamId: string;
    visitor: Visitor;
  },
): Promise<void> {
  const receivedTimeMs = Date.now();
  const headers = pickHeaders(request.headers);
  // One allowance of listed findings for the whole request, however many events it holds.
  const checks = createRequestChecks(request.headers);
  const records: NewEvent[] = events.map(({ xdm, data, madeId }) => ({
    receivedTimeMs,
    source: 'edge',
    endpoint: meta.endpoint,
    requestId: meta.sentRequestId,
    answeredRequestId: meta.requestId,
    dataStreamId: meta.dataStreamId,
    eventId: eventIdOf(xdm),
    eventType: eventTypeOf(xdm),
    ecid: meta.visitor.ecid,
    xdm,
    data,
    headers,
    validation: checks.share(
      validateEvent(xdm, data === undefined ? { xdm } : { xdm, data }, 'event', checks),
    ),
    madeId,
  }));
  const { stored, duplicates } = await context.store.add(records);
  const { endpoint, requestId } = meta;
  logEach(
    context,
    stored,
    (event) =>
      `accepted ${endpoint} ${event.eventType ?? '(no eventType)'} requestId=${requestId}${storedFlag(event)}`,
    (rest) => {
      const leaks = rest.filter((event) => event.validation.plainEmails.length).length;
      return `accepted ${endpoint} ${rest.length} more event(s) requestId=${requestId}${leaks ? `  !! PLAIN E-MAIL in ${leaks} of them` : ''}`;
    },
  );
  logEach(
    context,
    duplicates,
    (event) => `duplicate ${endpoint} _id=${event.eventId} requestId=${requestId} (not stored again)`,
    (rest) => `duplicate ${endpoint} ${rest.length} more event(s) requestId=${requestId} (not stored again)`,
  );
}

/**
 * Consent an event carries (`xdm.consentStrings`) is applied to the visitor before its events:
 * an opt-out is recorded, so this request and the visitor's next are ignored (alloy test C224678).
 */
async function applyEventConsent(
  context: EmulatorContext,
  events: EdgeEvent[],
  meta: { requestId: string; sentRequestId: string; orgId: string; dataStreamId: string; visitor: Visitor },
): Promise<void> {
  const entries = events.flatMap((event) => eventConsentEntries(event.xdm));
  if (!entries.length) return;
  const general = decideConsent(entries, meta.requestId);
  await context.consents.record({
    receivedAt: new Date().toISOString(),
    orgId: meta.orgId,
    ecid: meta.visitor.ecid,
    dataStreamId: meta.dataStreamId,
    requestId: meta.sentRequestId,
    answeredRequestId: meta.requestId,
    general,
    consent: entries as never,
  });
}

/** Handles one Edge request: datastream, body, visitor, consent, storage, answer. */
async function handleEdge(
  context: EmulatorContext,
  variant: Variant,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  checkRequestId(request);
  const requestId = edgeRequestId(request);
  const fault = await applyFault(context, request, reply, variant.answer, edgeFaultProblem(requestId));
  if (fault.handled) return reply;
  const query = request.query as Record<string, unknown>;
  const { rawId, parameter } = readDatastreamParameter(query, variant.version);
  const datastream = await findDatastream(context, rawId, requestId, parameter);
  const body = readEdgeBody(request.body, requestId);
  const events = variant.answer === 'acquire' ? [] : readEvents(body, variant.shape, requestId);
  const state = readClientState(body);
  const xdm = isObject(body.xdm) ? body.xdm : {};
  const visitor = resolveVisitor({
    orgId: datastream.orgId,
    stateEntries: state.entries,
    cookieHeader: state.cookiesEnabled ? request.headers.cookie : undefined,
    identityMap: events[0]?.xdm.identityMap ?? xdm.identityMap,
  });
  const endpoint = pathOf(request.url);
  const meta = {
    requestId,
    sentRequestId: sentRequestId(request),
    endpoint,
    orgId: datastream.orgId,
    dataStreamId: datastream.id,
    visitor,
  };
  await applyEventConsent(context, events, meta);
  const status = successStatus(variant, query);
  const optedOut = events.length ? findOptOut(context, datastream.orgId, visitor, state.entries) : undefined;
  if (optedOut)
    return answerOptedOut(context, reply, { requestId, endpoint, visitor, optedOut, events, status });
  if (events.length) await storeEvents(context, request, events, meta);
  if (state.cookiesEnabled) reply.header('set-cookie', setCookieHeaders(stateEntriesFor(visitor)));
  const fetchIdentity = variant.answer === 'acquire' || fetchesIdentity(body, events);
  const answer =
    variant.answer === 'collect'
      ? { requestId }
      : { requestId, handle: buildEdgeHandles(visitor, { fetchIdentity }) };
  return answerEdge(reply, status, answer, fault.multiStatus);
}

/** The Edge endpoints and the body each takes. */
const VARIANTS: Array<[string, Variant]> = [
  ['/v2/interact', { version: 'v2', answer: 'interact', shape: 'event' }],
  ['/v2/collect', { version: 'v2', answer: 'collect', shape: 'either' }],
  ['/v1/interact', { version: 'v1', answer: 'interact', shape: 'events' }],
  ['/v1/collect', { version: 'v1', answer: 'collect', shape: 'events' }],
  ['/v1/identity/acquire', { version: 'v1', answer: 'acquire', shape: 'events' }],
];

/**
 * The Edge Network endpoints, a plugin under the prefix `/ee`: `POST /ee/v2/interact` and
 * `/ee/v2/collect` (`datastreamId`, `event` / `events`), the Web SDK's `/ee/v1/interact`,
 * `/ee/v1/collect` and `/ee/v1/identity/acquire` (`configId`), each also after a location hint
 * (`/ee/{hint}/v2/interact`). Refusals are Edge Network problems (`EXEG-…`, edgeProblem.ts).
 */
export async function registerEdgeRoutes(
  app: FastifyInstance,
  { context }: RoutePluginOptions,
): Promise<void> {
  app.setErrorHandler(problemHandler(context, edgeErrorProblem));
  app.setNotFoundHandler(
    notFoundHandler(
      context,
      (request, what) =>
        new ProblemError(404, {
          type: 'about:blank',
          status: 404,
          title: 'Not Found',
          detail: `${what}: the Edge Network paths are POST /ee/v2/interact, /ee/v2/collect (?datastreamId=…), /ee/v1/interact, /ee/v1/collect, /ee/v1/identity/acquire, /ee/v1/privacy/set-consent (?configId=…), each also as /ee/{locationHint}/…`,
          report: { requestId: edgeRequestId(request) },
        }),
    ),
  );
  const options = { bodyLimit: EDGE_BODY_LIMIT };
  // After a location hint clients put the region in the path: /ee/local/v1/interact.
  for (const prefix of ['', '/:locationHint'])
    for (const [path, variant] of VARIANTS)
      app.post(`${prefix}${path}`, options, (request, reply) => handleEdge(context, variant, request, reply));
}
