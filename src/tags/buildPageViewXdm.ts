import { buildExperienceEvent, PAGE_VIEW_EVENT_TYPE, type ExperienceEvent } from '../core/buildExperienceEvent';
import { createUuid } from '../core/createUuid';
import { emailIdentityMap } from '../core/emailIdentityMap';
import type { EnvironmentSnapshot } from '../core/EnvironmentSnapshot';
import { hashEmailSync } from '../core/hashEmail';
import { redactEmails } from '../core/redactEmails';
import type { SendOptions } from './readSendOptions';

/**
 * Builds, synchronously, the XDM of the page view that Send page view would send with the same
 * options: the same core builder, the e-mail hashed with the synchronous digest, and the same
 * last guard against plain addresses. Pure apart from the new `_id`.
 */
export function buildPageViewXdm(options: SendOptions, snapshot: EnvironmentSnapshot): { xdm: ExperienceEvent['xdm']; warnings: string[] } {
  const warnings: string[] = [];
  let identityMap;
  if (options.email !== undefined) {
    const hashed = hashEmailSync(options.email);
    if (hashed.digest) identityMap = emailIdentityMap(hashed.digest);
    else if (hashed.warning) warnings.push(hashed.warning);
  }
  const event = buildExperienceEvent({
    id: createUuid(),
    eventType: PAGE_VIEW_EVENT_TYPE,
    snapshot,
    identityMap,
    pageView: { name: options.name },
    url: options.url,
    xdm: options.xdm,
    implementation: 'tags',
  });
  const { value, paths } = redactEmails(event.xdm);
  for (const path of paths) warnings.push(`a plain e-mail address in xdm.${path} was replaced`);
  return { xdm: value, warnings };
}
