import { PAGE_VIEW_EVENT_TYPE, type ExperienceEvent } from '../core/buildExperienceEvent';
import { composeEvent } from '../core/composeEvent';
import type { EnvironmentSnapshot } from '../core/EnvironmentSnapshot';
import { hashEmailSync } from '../core/hashEmail';
import type { SendOptions } from './readSendOptions';

/**
 * Builds, synchronously, the XDM of the page view that Send page view would send with the same
 * options: the core's own recipe, with the e-mail hashed by the synchronous digest.
 */
export function buildPageViewXdm(
  options: SendOptions,
  snapshot: EnvironmentSnapshot,
): { xdm: ExperienceEvent['xdm']; warnings: string[] } {
  // The data element returns XDM only: `data` is not part of it.
  const { event, warnings } = composeEvent(
    {
      eventType: PAGE_VIEW_EVENT_TYPE,
      snapshot,
      pageView: { name: options.name },
      url: options.url,
      xdm: options.xdm,
      implementation: 'tags',
    },
    options.email === undefined ? undefined : hashEmailSync(options.email),
  );
  return { xdm: event.xdm, warnings };
}
