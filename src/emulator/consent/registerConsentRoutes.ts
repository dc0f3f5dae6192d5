import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkConsentEntry } from '../../core/consent/checkConsentEntry';
import type { ConsentEntry } from '../../core/consent/ConsentInput';
import { consentHandles } from './consentHandles';
import { consentProblem } from './consentProblem';
import type { ConsentRecord } from '../storage/createConsentStore';
import { edgeProblem } from '../edge/edgeProblem';
import type { RoutePluginOptions } from '../EmulatorContext';
import { findPlainEmails } from '../checks/findPlainEmails';
import { readTcfPurposeOne } from './readTcfPurposeOne';
import {
  checkRequestId,
  EDGE_BODY_LIMIT,
  edgeErrorProblem,
  edgeRequestId,
  findDatastream,
  readEdgeBody,
  stateEntries,
} from '../edge/registerEdgeRoutes';
import { resolveVisitor } from '../edge/resolveVisitor';
import { problemHandler } from '../http/sendProblem';

/** What the entries mean for collection, as the Edge Network decides it: any opt-out wins. */
function decide(entries: ConsentEntry[], requestId: string): 'in' | 'out' {
  let general: 'in' | 'out' = 'in';
  entries.forEach((entry, index) => {
    const verdict = checkConsentEntry(entry, `consent[${index}]`);
    if ('fault' in verdict) throw consentProblem(verdict.fault, requestId, verdict.message);
    let state = verdict.state;
    if (entry.standard === 'IAB TCF' && entry.gdprApplies) {
      const purposeOne = readTcfPurposeOne(entry.value);
      if (purposeOne === undefined)
        throw consentProblem('value', requestId, `consent[${index}].value is not an IAB TCF 2.0 TC string`);
      // Without purpose 1 (store and access information on a device) nothing is collected.
      state = purposeOne ? 'in' : 'out';
    }
    if (state === 'out') general = 'out';
  });
  return general;
}

/** What a consent request holds: `{ "consent": [entries…], "xdm"?: { "identityMap" } }`. */
interface ConsentBody {
  entries: ConsentEntry[];
  identityMap?: unknown;
  /** Where the body holds a plain e-mail address (flagged, as for events: the sender leaks it). */
  plainEmails: string[];
}

/** Reads and checks the parsed body of a consent request. */
function readConsentBody(body: unknown, requestId: string): ConsentBody {
  const { consent, xdm } = (body ?? {}) as { consent?: unknown; xdm?: { identityMap?: unknown } };
  if (!Array.isArray(consent) || !consent.length)
    throw consentProblem(
      'missingConsent',
      requestId,
      'the body must have a non-empty "consent" array: [{ "standard": "Adobe", "version": "2.0", "value": { "collect": { "val": "y" } } }]',
    );
  return {
    entries: consent as ConsentEntry[],
    identityMap: xdm?.identityMap,
    plainEmails: findPlainEmails(body),
  };
}

/** Checks a consent request, records its decision, and answers with the handles to keep. */
async function setConsent(request: FastifyRequest, { context }: RoutePluginOptions) {
  checkRequestId(request);
  const requestId = edgeRequestId(request);
  const query = request.query as Record<string, unknown>;
  const datastreamId = query.configId ?? query.dataStreamId;
  if (typeof datastreamId !== 'string' || !datastreamId.trim())
    throw edgeProblem(
      'missingDatastream',
      requestId,
      'the configId query parameter is required: POST /ee/v1/privacy/set-consent?configId={DATASTREAM_ID}',
    );
  const datastream = await findDatastream(context, datastreamId, requestId, 'configId');
  const body = readEdgeBody(request.body, requestId);
  const { entries, identityMap, plainEmails } = readConsentBody(body, requestId);
  const general = decide(entries, requestId);
  const visitor = resolveVisitor({
    orgId: datastream.orgId,
    stateEntries: stateEntries(body),
    cookieHeader: request.headers.cookie,
    identityMap,
  });
  const record: ConsentRecord = {
    receivedAt: new Date().toISOString(),
    orgId: datastream.orgId,
    ecid: visitor.ecid,
    dataStreamId: datastream.id,
    requestId,
    general,
    consent: entries,
    ...(plainEmails.length && { plainEmails }),
  };
  await context.consents.record(record);
  const standards = entries.map((entry) => `${entry.standard} ${entry.version}`).join(', ');
  const flag = plainEmails.length ? `  !! PLAIN E-MAIL in ${plainEmails.join(', ')}` : '';
  context.log(`consent ${general} for visitor ${visitor.ecid} (${standards}) requestId=${requestId}${flag}`);
  return { requestId, handle: consentHandles(visitor, general) };
}

/**
 * The Edge Network's consent endpoint, a plugin under the prefix `/ee`:
 * `POST /ee/v1/privacy/set-consent?configId=…` (also after a location hint). Checks the standards,
 * records the decision per visitor (`context.consents`, `consent.jsonl`, where the event routes
 * find an opted-out visitor) and answers with the visitor's id and the cookies to keep, the
 * consent cookie among them. Refusals are Edge Network problems.
 */
export async function registerConsentRoutes(
  app: FastifyInstance,
  options: RoutePluginOptions,
): Promise<void> {
  app.setErrorHandler(problemHandler(options.context, edgeErrorProblem));
  // After a location hint the Web SDK puts the region in the path: /ee/local/v1/privacy/set-consent.
  for (const prefix of ['', '/:locationHint'])
    app.post(`${prefix}/v1/privacy/set-consent`, { bodyLimit: EDGE_BODY_LIMIT }, async (request, reply) => {
      const answer = await setConsent(request, options);
      const stateStore = answer.handle.find((handle) => handle.type === 'state:store');
      const cookies = (stateStore?.payload ?? []) as Array<{ key: string; value: string; maxAge: number }>;
      reply.header(
        'set-cookie',
        cookies.map(({ key, value, maxAge }) => `${key}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax`),
      );
      return reply.code(200).header('x-request-id', answer.requestId).send(answer);
    });
}
