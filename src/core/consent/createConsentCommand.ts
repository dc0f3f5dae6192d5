import type { ResolvedConfig } from '../CollectorConfig';
import type { Delivery } from '../delivery/createDelivery';
import { prepareConsent } from './prepareConsent';

/** What `setConsent` needs from the collector it belongs to. */
export interface ConsentCommandCollaborators {
  config: ResolvedConfig;
  delivery: Delivery;
  createId(): string;
  /** Reads or writes a small value that outlives the page (the last decision posted); default in memory. */
  remember?(name: string, value?: string): string | null | undefined;
}

/** The key under which the last decision posted is remembered, so that an identical one posts nothing. */
export const CONSENT_SENT = 'consentSent';

function rememberInMemory() {
  const values: Record<string, string> = {};
  return (name: string, value?: string) => (value === undefined ? values[name] : (values[name] = value));
}

/**
 * Creates `setConsent`: posts the decision to the Edge Network (`privacy/set-consent`) through the
 * delivery's queue, ahead of every event, and applies it here: `out` and `pending` at once, `in`
 * so that the waiting events go after the consent request. A decision identical to the last one
 * posted (on this page or an earlier one) posts nothing. The consent word of the Edge Network's
 * answer has the last word (it decides an IAB TCF string where GDPR applies): the Edge handler
 * applies it (edgeInteract.ts), for this answer as for any other. A decision that could not be
 * stored (storage full or refused) is applied and posted all the same, and then rejects with the
 * delivery's `storage` error: it holds for this page only.
 */
export function createConsentCommand({
  config,
  delivery,
  createId,
  remember = rememberInMemory(),
}: ConsentCommandCollaborators): (value: unknown) => Promise<void> {
  // The decision this page is posting: an identical call meanwhile posts nothing.
  let posting: string | undefined;
  return async (value) => {
    const key = JSON.stringify(value);
    if (key === remember(CONSENT_SENT) || key === posting) return;
    posting = key;
    // The delivery's refusal to store a state: reported once the decision is applied and posted.
    let unstored: unknown;
    const apply = (state: unknown) =>
      delivery.setConsent(state).catch((error) => {
        unstored = error;
      });
    try {
      // Before anything is checked or built, so that an opt-out holds whatever happens next.
      if (value === 'out' || value === 'pending') await apply(value);
      const { request, state } = prepareConsent(config, value, createId());
      if (!request) {
        // `pending` is not posted: the next `in` or `out` must be, whatever was posted before.
        remember(CONSENT_SENT, '');
        await apply(state);
      } else {
        // Queued before the state changes, so that the events `in` releases go after it.
        const answered = delivery.send(request, []);
        await apply(state || 'pending');
        // Remembered once answered: a decision still queued when the page closed is posted by the
        // next page load, and posted again if asked again there (so its answer is read).
        await answered;
        remember(CONSENT_SENT, key);
      }
      if (unstored) throw unstored;
    } finally {
      if (posting === key) posting = undefined;
    }
  };
}
