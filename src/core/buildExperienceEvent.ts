import { deepMerge, isPlainObject, type PlainObject } from './deepMerge';
import type { EnvironmentSnapshot } from './EnvironmentSnapshot';
import { formatLocalTime } from './formatLocalTime';
import type { IdentityMap } from './emailIdentityMap';
import { LIBRARY_URI, LIBRARY_VERSION } from './libraryInfo';

/** The event type of a page view. */
export const PAGE_VIEW_EVENT_TYPE = 'web.webpagedetails.pageViews';

/** An XDM ExperienceEvent plus its free-form `data`, as the interact endpoint takes it. */
export interface ExperienceEvent {
  xdm: PlainObject & { _id: string; timestamp: string; eventType: string };
  data?: PlainObject;
}

/** What an event is made of, before context is added. */
export interface EventInput {
  id: string;
  eventType: string;
  snapshot: EnvironmentSnapshot;
  identityMap?: IdentityMap;
  /** Page name and a page-view count go in only for page views. */
  pageView?: { name?: string };
  /** Overrides the snapshot's URL. */
  url?: string;
  /** Caller XDM, merged over everything automatic (the caller wins). */
  xdm?: unknown;
  data?: unknown;
  /** Which face built the event, e.g. `standalone` or `tags`. */
  implementation?: string;
}

/**
 * Builds the XDM context the Web SDK would add: device, environment, place and implementation. A
 * server sends no `environment`: it describes the visitor's surroundings, and XDM's `type` enum
 * (browser, application, iot, external, widget) has no value for a server; `implementationDetails`
 * says `server` instead.
 */
function contextFields(snapshot: EnvironmentSnapshot, implementation: string | undefined): PlainObject {
  const { screen, viewport } = snapshot;
  const context: PlainObject = {
    placeContext: {
      localTime: formatLocalTime(snapshot.now, snapshot.timezoneOffset),
      localTimezoneOffset: snapshot.timezoneOffset,
    },
    implementationDetails: {
      name: implementation ? `${LIBRARY_URI}#${implementation}` : LIBRARY_URI,
      version: LIBRARY_VERSION,
      environment: snapshot.environment,
    },
  };
  if (snapshot.environment === 'browser') {
    context.environment = {
      type: 'browser',
      ...(viewport && { browserDetails: { viewportWidth: viewport.width, viewportHeight: viewport.height } }),
    };
  }
  if (screen) {
    context.device = {
      screenWidth: screen.width,
      screenHeight: screen.height,
      screenOrientation: screen.width > screen.height ? 'landscape' : 'portrait',
    };
  }
  return context;
}

/**
 * Builds one XDM ExperienceEvent: `_id`, `timestamp`, `eventType`, web page details, context, and
 * identities, then the caller's `xdm` deep-merged over it. Pure: everything it reads is passed in.
 */
export function buildExperienceEvent(input: EventInput): ExperienceEvent {
  const { snapshot, pageView } = input;
  const url = input.url ?? snapshot.url;
  const webPageDetails: PlainObject = {};
  if (url) webPageDetails.URL = url;
  if (pageView) {
    const name = pageView.name ?? snapshot.title;
    if (name) webPageDetails.name = name;
    webPageDetails.pageViews = { value: 1 };
  }
  const web: PlainObject = {};
  if (Object.keys(webPageDetails).length) web.webPageDetails = webPageDetails;
  if (snapshot.referrer) web.webReferrer = { URL: snapshot.referrer };

  const automatic: PlainObject = {
    _id: input.id,
    timestamp: snapshot.now.toISOString(),
    eventType: input.eventType,
    ...(Object.keys(web).length && { web }),
    ...contextFields(snapshot, input.implementation),
    ...(input.identityMap && { identityMap: input.identityMap }),
  };
  const xdm = deepMerge(automatic, input.xdm) as ExperienceEvent['xdm'];
  const event: ExperienceEvent = { xdm };
  if (isPlainObject(input.data)) event.data = input.data;
  return event;
}
