import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePluginOptions } from '../EmulatorContext';
import { createReportBudget } from '../checks/createReportBudget';
import { findPlainEmails } from '../checks/findPlainEmails';
import { buildEdgeHandles, setCookieHeaders, stateEntriesFor } from '../edge/buildEdgeHandles';
import { edgeProblem } from '../edge/edgeProblem';
import { checkRequestId, edgeRequestId, sentRequestId } from '../edge/edgeRequestId';
import { findDatastream, readDatastreamParameter } from '../edge/findDatastream';
import { answerEdge, edgeFaultProblem } from '../edge/answerEdge';
import { EDGE_BODY_LIMIT, edgeErrorProblem, readClientState, readEdgeBody } from '../edge/readEdgeBody';
import { isObject } from '../http/isObject';
import { resolveVisitor } from '../edge/resolveVisitor';
import { applyFault } from '../faults/applyFault';
import { problemHandler } from '../http/sendProblem';
import type { ConsentRecord } from '../storage/createConsentStore';
import { consentState } from './consentHandles';
import { decideConsent } from './decideConsent';
import type { ConsentEntry } from '../../core/consent/ConsentInput';

/**
 * The consent array of a request (`consent`, required: `0103-400` when missing, `0102-400` when
 * not an array) and the identity map naming the visitor: top-level `identityMap` (the spec's
 * `ConsentReplaceRequest`), or `xdm.identityMap` as older clients send it.
 */
function readConsentBody(body: Record<string, unknown>, requestId: string) {
  if (body.consent === undefined)
    throw edgeProblem(
      'missingValue',
      requestId,
      'The consent field is mandatory: [{ "standard": "Adobe", "version": "2.0", "value": { "collect": { "val": "y" } } }]',
    );
  if (!Array.isArray(body.consent) || !body.consent.length)
    throw edgeProblem(
      'invalidField',
      requestId,
      'The consent field must be a non-empty array of consent entries',
    );
  const xdm = isObject(body.xdm) ? body.xdm : {};
  return { entries: body.consent as unknown[], identityMap: body.identityMap ?? xdm.identityMap };
}

/** Checks a consent request, records its decision, and answers with the handles to keep. */
async function setConsent(request: FastifyRequest, reply: FastifyReply, { context }: RoutePluginOptions) {
  checkRequestId(request);
  const requestId = edgeRequestId(request);
  const fault = await applyFault(context, request, reply, 'consent', edgeFaultProblem(requestId));
  if (fault.handled) return reply;
  const { rawId, parameter } = readDatastreamParameter(request.query as Record<string, unknown>, 'v1');
  const datastream = await findDatastream(context, rawId, requestId, parameter);
  const body = readEdgeBody(request.body, requestId);
  const { entries, identityMap } = readConsentBody(body, requestId);
  const general = decideConsent(entries, requestId);
  const state = readClientState(body);
  const visitor = resolveVisitor({
    orgId: datastream.orgId,
    stateEntries: state.entries,
    cookieHeader: state.cookiesEnabled ? request.headers.cookie : undefined,
    identityMap,
  });
  // Listed within a request's report allowance: a body can hold thousands of addresses.
  const found = createReportBudget().take(findPlainEmails(body));
  const plainEmails = found.omitted ? [...found.listed, `(${found.omitted} more not listed)`] : found.listed;
  const record: Omit<ConsentRecord, 'seq'> = {
    receivedAt: new Date().toISOString(),
    orgId: datastream.orgId,
    ecid: visitor.ecid,
    dataStreamId: datastream.id,
    requestId: sentRequestId(request),
    answeredRequestId: requestId,
    general,
    consent: entries as ConsentEntry[],
    ...(plainEmails.length && { plainEmails }),
  };
  await context.consents.record(record);
  const standards = record.consent.map((entry) => `${entry.standard} ${entry.version}`).join(', ');
  const flag = plainEmails.length ? `  !! PLAIN E-MAIL in ${plainEmails.join(', ')}` : '';
  context.log(`consent ${general} for visitor ${visitor.ecid} (${standards}) requestId=${requestId}${flag}`);
  const extraState = consentState(visitor, general);
  if (state.cookiesEnabled)
    reply.header('set-cookie', setCookieHeaders(stateEntriesFor(visitor, extraState)));
  const handle = buildEdgeHandles(visitor, { fetchIdentity: true, extraState });
  return answerEdge(reply, 200, { requestId, handle }, fault.multiStatus);
}

/**
 * The Edge Network's consent endpoint, a plugin under the prefix `/ee`:
 * `POST /ee/v1/privacy/set-consent?configId=…` (also after a location hint). Decides as the Edge
 * Network does (decideConsent), records the decision per visitor (`context.consents`,
 * `consent.jsonl`, where the event routes find an opted-out visitor) and answers with the
 * visitor's id and the cookies to keep, the consent cookie among them.
 */
export async function registerConsentRoutes(
  app: FastifyInstance,
  options: RoutePluginOptions,
): Promise<void> {
  app.setErrorHandler(problemHandler(options.context, edgeErrorProblem));
  // After a location hint the Web SDK puts the region in the path: /ee/local/v1/privacy/set-consent.
  for (const prefix of ['', '/:locationHint'])
    app.post(`${prefix}/v1/privacy/set-consent`, { bodyLimit: EDGE_BODY_LIMIT }, (request, reply) =>
      setConsent(request, reply, options),
    );
}
