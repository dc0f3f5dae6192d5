import { buildExperienceEvent, PAGE_VIEW_EVENT_TYPE } from '../buildExperienceEvent';
import { createUuid } from '../createUuid';
import type { PlainObject } from '../deepMerge';
import type { EnvironmentSnapshot } from '../EnvironmentSnapshot';
import { redactEmails } from '../redactEmails';
import type { Transport } from '../Transport';
import { buildXdmEnvelope } from './buildXdmEnvelope';
import { hashEmailFields } from './hashEmailFields';
import { readStreamingAnswer, type StreamResult } from './readStreamingAnswer';
import { buildStreamingRequest, type StreamingRequest } from './StreamingRequest';
import { resolveStreamingOptions, type ResolvedStreamingOptions } from './StreamingOptions';

/** What a face plugs into streaming: how requests go out and, for page views, where context comes from. */
export interface StreamingPlatform {
  /** The same transport the interact path uses. */
  transport: Transport;
  /** Reads the page (or server) context; needed only for `pageView` records. */
  snapshot?(): EnvironmentSnapshot;
  /** Which face this is, reported in a page view's `implementationDetails.name`. */
  implementation?: string;
  /** Builds a page view's XDM instead of `snapshot` + `implementation`: a collector's own `buildEvent`. */
  buildPageView?(
    pageView: { name?: string; url?: string },
    xdm: PlainObject,
  ): Promise<{ xdm: PlainObject; warnings: string[] }>;
  /** Debug log; the face decides whether it prints. */
  log?(message: string, detail?: unknown): void;
}

/** A server has no page: a page view built there carries only the time. */
function bareSnapshot(): EnvironmentSnapshot {
  const now = new Date();
  return { now, timezoneOffset: now.getTimezoneOffset(), environment: 'server' };
}

/** The XDM entity to send: the record, or a page-view ExperienceEvent with the record merged over it; always with an `_id`. */
async function buildXdmEntity(
  options: ResolvedStreamingOptions,
  record: PlainObject,
  platform: Omit<StreamingPlatform, 'transport'>,
  warnings: string[],
): Promise<PlainObject> {
  const { pageView } = options;
  if (pageView && platform.buildPageView) {
    const built = await platform.buildPageView(pageView, record);
    warnings.push(...built.warnings);
    return built.xdm;
  }
  if (pageView) {
    return buildExperienceEvent({
      id: createUuid(),
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot: platform.snapshot ? platform.snapshot() : bareSnapshot(),
      pageView: { name: pageView.name },
      url: pageView.url,
      xdm: record,
      implementation: platform.implementation,
    }).xdm;
  }
  // Platform requires `_id` on XDM records; a fixed one also lets a retried record be recognised.
  return typeof record._id === 'string' && record._id ? record : { _id: createUuid(), ...record };
}

/**
 * Checks the options and builds the request `streamRecord` would send, without sending it: the XDM
 * envelope (or the raw record as it is), with the named e-mail fields hashed and, while hashing
 * is on, any other plain address replaced.
 */
export async function prepareStreamRecord(
  input: unknown,
  platform: Omit<StreamingPlatform, 'transport'> = {},
): Promise<{ request: StreamingRequest; warnings: string[] }> {
  const options = resolveStreamingOptions(input);
  const warnings: string[] = [];
  let record = options.record;
  // Hashed before a page view is built around it, so that the builder's own guard never sees a plain address.
  if (options.hashEmails) {
    const mode = options.dataType === 'xdm' ? 'identityMap' : 'inPlace';
    const hashed = await hashEmailFields(record, options.emailFields, mode);
    record = hashed.value;
    warnings.push(...hashed.warnings);
  }
  let entity =
    options.dataType === 'xdm' ? await buildXdmEntity(options, record, platform, warnings) : record;
  if (options.hashEmails) {
    const redacted = redactEmails(entity);
    entity = redacted.value;
    for (const path of redacted.paths) {
      warnings.push(
        `a plain e-mail address in ${path} was replaced before sending (name the field in emailFields to send its hash, or set hashEmails: false)`,
      );
    }
  }
  const requestId = createUuid();
  const payload =
    options.dataType === 'xdm'
      ? (buildXdmEnvelope(
          options.schemaRef!,
          options.flowId,
          options.datasetId!,
          entity,
        ) as unknown as PlainObject)
      : entity;
  const recordId = options.dataType === 'xdm' ? String(entity._id) : requestId;
  return { request: buildStreamingRequest(options, payload, requestId, recordId), warnings };
}

/**
 * Sends one record to an HTTP API streaming inlet and resolves with the inlet's receipt
 * `{inletId, xactionId, receivedTimeMs}`; rejects with an `EdgeCollectorError` (`invalid-options`
 * for bad options, `response` with the status for a refusal, `network` when nothing came back).
 */
export async function streamRecord(input: unknown, platform: StreamingPlatform): Promise<StreamResult> {
  const { request, warnings } = await prepareStreamRecord(input, platform);
  platform.log?.(`stream ${request.requestId}`, JSON.parse(request.body));
  try {
    const answer = await platform.transport(request);
    const result = readStreamingAnswer(request, answer, warnings);
    platform.log?.(`inlet answer ${request.requestId} (HTTP ${answer.status})`, result);
    return result;
  } catch (error) {
    platform.log?.(`stream ${request.requestId} failed`, error);
    throw error;
  }
}
