import { buildExperienceEvent, PAGE_VIEW_EVENT_TYPE } from '../buildExperienceEvent';
import { createUuid } from '../createUuid';
import type { EnvironmentSnapshot } from '../EnvironmentSnapshot';
import type { Transport } from '../Transport';
import { buildStreamRecord, type PageViewBuilder } from './buildStreamRecord';
import { readStreamingAnswer, type StreamResult } from './readStreamingAnswer';
import type { StreamingRequest } from './StreamingRequest';

/** What a face plugs into streaming: how requests go out and, for page views, where context comes from. */
export interface StreamingPlatform {
  /** The same transport the interact path uses. */
  transport: Transport;
  /** Reads the page (or server) context; needed only for `pageView` records. */
  snapshot?(): EnvironmentSnapshot;
  /** Which face this is, reported in a page view's `implementationDetails.name`. */
  implementation?: string;
  /** Builds a page view's XDM instead of `snapshot` + `implementation`: a collector's own `buildEvent`. */
  buildPageView?: PageViewBuilder;
  /** Debug log; the face decides whether it prints. */
  log?(message: string, detail?: unknown): void;
}

/** A server has no page: a page view built there carries only the time. */
function bareSnapshot(): EnvironmentSnapshot {
  const now = new Date();
  return { now, timezoneOffset: now.getTimezoneOffset(), environment: 'server' };
}

/** Page views built where there is no collector: `snapshot` and `implementation` of the platform. */
function pageViewBuilder(platform: Omit<StreamingPlatform, 'transport'>): PageViewBuilder {
  return async (pageView, xdm) => ({
    xdm: buildExperienceEvent({
      id: createUuid(),
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot: platform.snapshot ? platform.snapshot() : bareSnapshot(),
      pageView: { name: pageView.name },
      url: pageView.url,
      xdm,
      implementation: platform.implementation,
    }).xdm,
    warnings: [],
  });
}

/**
 * Checks the options and builds the request `streamRecord` would send, without sending it: the XDM
 * envelope (or the raw record as it is), with the named e-mail fields hashed and, while hashing
 * is on, any other plain address replaced.
 */
export function prepareStreamRecord(
  input: unknown,
  platform: Omit<StreamingPlatform, 'transport'> = {},
): Promise<{ request: StreamingRequest; warnings: string[] }> {
  return buildStreamRecord(input, platform.buildPageView ?? pageViewBuilder(platform));
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
