import type { ExperienceEvent } from './buildExperienceEvent';
import type { ResolvedConfig } from './CollectorConfig';
import { redactEmails } from './redactEmails';

/**
 * Lets the configuration's `onBeforeEventSend` see an event: the event to send, or `false` when
 * the callback cancelled it. The callback gets a copy, so that one that throws half-way leaves the
 * event as built (logged); the address guard runs again over what it changed.
 */
export function applyOnBeforeEventSend(
  { onBeforeEventSend }: ResolvedConfig,
  event: ExperienceEvent,
  log: (message: string, detail?: unknown) => void,
): ExperienceEvent | false {
  if (onBeforeEventSend) {
    const copy = redactEmails(event).value;
    try {
      if (onBeforeEventSend(copy) === false) return false;
      event = redactEmails(copy).value;
    } catch (error) {
      log('onBeforeEventSend threw', error);
    }
  }
  return event;
}
