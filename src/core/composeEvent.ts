import { buildExperienceEvent, type EventInput, type ExperienceEvent } from './buildExperienceEvent';
import { createUuid } from './createUuid';
import { emailIdentityMap } from './emailIdentityMap';
import type { EmailHashResult } from './hashEmail';
import { redactEmails } from './redactEmails';

/**
 * Composes the event a send command sends: a new `_id`, the identity of an already-hashed e-mail
 * (or its warning), the XDM, then the last guard against plain addresses. Synchronous, so that the
 * collector (hashing through WebCrypto first) and Tags' synchronous data elements share one recipe.
 */
export function composeEvent(
  input: Omit<EventInput, 'id' | 'identityMap'>,
  hashedEmail?: EmailHashResult,
): { event: ExperienceEvent; warnings: string[] } {
  const warnings = hashedEmail?.warning ? [hashedEmail.warning] : [];
  const { value: event, paths } = redactEmails(
    buildExperienceEvent({
      ...input,
      id: createUuid(),
      identityMap: hashedEmail?.digest ? emailIdentityMap(hashedEmail.digest) : undefined,
    }),
  );
  for (const path of paths) warnings.push(`a plain e-mail address in ${path} was replaced before sending`);
  return { event, warnings };
}
