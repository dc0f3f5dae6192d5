import type { ExperienceEvent } from './buildExperienceEvent';
import type { ResolvedConfig } from './CollectorConfig';
import type { Collector, EventOptions, PageViewOptions } from './createCollector';
import { deepMerge, isPlainObject, type PlainObject } from './deepMerge';
import { EdgeCollectorError } from './EdgeCollectorError';
import { buildInteractRequest, type InteractRequest } from './InteractRequest';
import { DATASTREAM_ID } from './patterns';
import type { SendResult } from './readEdgeAnswer';
import { redactEmails } from './redactEmails';
import type { Transport } from './Transport';
import { createUuid } from './createUuid';

/**
 * Datastream configuration overrides, as Adobe's Web SDK takes them (`edgeConfigOverrides`,
 * https://experienceleague.adobe.com/en/docs/experience-platform/datastreams/overrides):
 * `datastreamId` sends the event to another datastream; the products' settings go to the Edge
 * Network as `meta.configOverrides`. Kept out of the standalone script (its byte budget): the Tags
 * extension and the ES module send with them through {@link sendWithOverrides}.
 */
export interface EdgeConfigOverrides {
  datastreamId?: string;
  com_adobe_experience_platform?: { datasets?: { event?: { datasetId: string } } } & PlainObject;
  com_adobe_analytics?: { reportSuites?: string[] } & PlainObject;
  com_adobe_identity?: { idSyncContainerId?: number } & PlainObject;
  com_adobe_target?: { propertyToken?: string } & PlainObject;
  [product: string]: unknown;
}

/** What an overridden request adds to its body's `meta` at each attempt (alloy's shape). */
export interface OverrideMeta {
  configOverrides?: PlainObject;
  sdkConfig?: { datastream: { original: string } };
}

/** An interact request with the overrides its body's `meta` gets when it leaves (see {@link withConfigOverrides}). */
export interface OverriddenRequest extends InteractRequest {
  overrideMeta?: OverrideMeta;
}

const refuse = (where: string, problem: string): never => {
  throw new EdgeCollectorError('invalid-options', `${where}: ${problem}`);
};

/** A non-empty trimmed string at `path` of `value`, or `undefined`; refuses another type. */
function textAt(value: PlainObject, path: string[], where: string): string | undefined {
  let at: unknown = value;
  for (const key of path) at = isPlainObject(at) ? at[key] : undefined;
  if (at === undefined || at === '') return undefined;
  if (typeof at !== 'string' || !at.trim()) refuse(where, `${path.join('.')} must be text`);
  return (at as string).trim();
}

/**
 * Checks overrides as Adobe's extension does, with a message naming the field: a datastream id
 * in its form, a dataset id, report suites as a list of names, an ID sync container as a whole
 * number, a Target property token; other `com_adobe_*` products pass as objects.
 */
export function checkConfigOverrides(value: unknown, where: string): EdgeConfigOverrides {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return refuse(where, 'edgeConfigOverrides must be an object');
  const checked: EdgeConfigOverrides = {};
  for (const [product, settings] of Object.entries(value)) {
    if (product === 'datastreamId') continue;
    if (!/^com_adobe_\w+$/.test(product))
      refuse(where, `"${product}" is not a product of the datastream (com_adobe_…)`);
    if (!isPlainObject(settings)) refuse(where, `${product} must be an object`);
    checked[product] = settings;
  }
  const datastreamId = textAt(value, ['datastreamId'], where);
  if (datastreamId !== undefined) {
    if (!DATASTREAM_ID.test(datastreamId))
      refuse(where, `datastreamId "${datastreamId}" is not a datastream ID (a UUID, as in Datastreams)`);
    checked.datastreamId = datastreamId;
  }
  textAt(value, ['com_adobe_experience_platform', 'datasets', 'event', 'datasetId'], where);
  textAt(value, ['com_adobe_target', 'propertyToken'], where);
  const suites = (value.com_adobe_analytics as PlainObject | undefined)?.reportSuites;
  if (
    suites !== undefined &&
    !(Array.isArray(suites) && suites.every((suite) => typeof suite === 'string' && /^\S+$/.test(suite)))
  )
    refuse(where, 'com_adobe_analytics.reportSuites must be a list of report suite IDs');
  const container = (value.com_adobe_identity as PlainObject | undefined)?.idSyncContainerId;
  if (container !== undefined && !(Number.isInteger(container) && (container as number) >= 0))
    refuse(where, 'com_adobe_identity.idSyncContainerId must be a whole number');
  return checked;
}

/**
 * The request for `event` with `overrides` (the event's over the configuration's, product by
 * product, as alloy merges them): another datastream goes in the URL, with the configured one as
 * `meta.sdkConfig.datastream.original`; the products' settings as `meta.configOverrides`.
 */
export function buildOverriddenRequest(
  config: ResolvedConfig,
  event: ExperienceEvent,
  overrides: EdgeConfigOverrides,
): OverriddenRequest {
  const { datastreamId = config.datastreamId } = overrides;
  const request: OverriddenRequest = buildInteractRequest(
    { ...config, datastreamId } as ResolvedConfig,
    event,
    createUuid(),
  );
  const meta = overrideMetaOf(config, overrides);
  if (meta) request.overrideMeta = meta;
  return request;
}

/**
 * What `overrides` add to a request's `meta` (none: `undefined`): the products' settings as
 * `meta.configOverrides`, and, for another datastream, the configured one as `meta.sdkConfig`.
 */
export function overrideMetaOf(
  config: ResolvedConfig,
  { datastreamId = config.datastreamId, ...products }: EdgeConfigOverrides,
): OverrideMeta | undefined {
  const meta: OverrideMeta = {};
  if (Object.keys(products).length) meta.configOverrides = products;
  if (datastreamId !== config.datastreamId)
    meta.sdkConfig = { datastream: { original: config.datastreamId } };
  return Object.keys(meta).length ? meta : undefined;
}

/**
 * A transport that puts an overridden request's `meta` into its body as it leaves, next to the
 * `meta.state` each attempt adds (edgeInteract), so the body holds one `meta`. Other requests
 * leave untouched and unparsed.
 */
export function withConfigOverrides(transport: Transport): Transport {
  return (request: OverriddenRequest, keepalive) => {
    const extra = request.overrideMeta;
    if (!extra) return transport(request, keepalive);
    const body = JSON.parse(request.body) as { meta?: PlainObject };
    body.meta = { ...body.meta, ...extra };
    return transport({ ...request, body: JSON.stringify(body) }, keepalive);
  };
}

/**
 * Sends a page view or an event with datastream configuration overrides, through the collector's
 * own event builder, `onBeforeEventSend` and delivery (queue, retries, consent). With no
 * overrides it is the collector's own send. The collector must have been made with a transport
 * wrapped by {@link withConfigOverrides}.
 */
export async function sendWithOverrides(
  collector: Collector,
  kind: 'pageView' | 'event',
  options: PageViewOptions | EventOptions | undefined,
  overrides: EdgeConfigOverrides,
): Promise<SendResult> {
  if (!Object.keys(overrides).length)
    return kind === 'pageView'
      ? collector.sendPageView(options)
      : collector.sendEvent(options as EventOptions);
  const { config } = collector;
  const built = await collector.buildEvent(kind, options);
  let event = built.event;
  // The collector's own rule (createCollector's send), kept there too: taking it out of the
  // standalone script's send costs that script bytes it does not have.
  if (config.onBeforeEventSend) {
    const copy = redactEmails(event).value;
    try {
      if (config.onBeforeEventSend(copy) === false)
        return { requestId: '', eventId: '', handle: [], warnings: built.warnings };
      event = redactEmails(copy).value;
    } catch {
      // As in the collector's send: the event goes as built.
    }
  }
  return collector.deliver(buildOverriddenRequest(config, event, overrides), built.warnings);
}

/** The configuration's overrides with the event's over them, product by product. */
export const mergeConfigOverrides = (
  configured: EdgeConfigOverrides,
  perEvent: EdgeConfigOverrides,
): EdgeConfigOverrides => deepMerge(configured as PlainObject, perEvent) as EdgeConfigOverrides;

/** What a send of {@link withEdgeConfigOverrides}'s collector also takes: this event's overrides. */
export interface OverridesOption {
  /** Datastream configuration overrides for this event only, over the configuration's, product by product. */
  edgeConfigOverrides?: EdgeConfigOverrides;
}

/** A collector whose sends take `edgeConfigOverrides` (the ES module's). */
export interface OverridingCollector extends Collector {
  sendPageView(options?: PageViewOptions & OverridesOption): Promise<SendResult>;
  sendEvent(options: EventOptions & OverridesOption): Promise<SendResult>;
}

/**
 * The collector with its sends taking overrides: `base` (the configuration's, checked by
 * {@link checkConfigOverrides}) under each call's `edgeConfigOverrides` (checked per call: a wrong
 * one rejects that send, naming the field). The collector must send through {@link withConfigOverrides}.
 */
export function withEdgeConfigOverrides(
  collector: Collector,
  base: EdgeConfigOverrides,
): OverridingCollector {
  const send =
    (kind: 'pageView' | 'event') =>
    async (options?: (PageViewOptions | EventOptions) & OverridesOption): Promise<SendResult> => {
      if (!isPlainObject(options) || !('edgeConfigOverrides' in options))
        return sendWithOverrides(collector, kind, options, base);
      const { edgeConfigOverrides, ...rest } = options;
      const command = kind === 'pageView' ? 'sendPageView' : 'sendEvent';
      const perEvent = checkConfigOverrides(edgeConfigOverrides, command);
      return sendWithOverrides(collector, kind, rest, mergeConfigOverrides(base, perEvent));
    };
  return { ...collector, sendPageView: send('pageView'), sendEvent: send('event') };
}
