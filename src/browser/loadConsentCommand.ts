import { CONSENT_SENT, type createConsentCommand } from '../core/consent/createConsentCommand';
import { loadAddOn } from './loadAddOn';

/**
 * The standalone script's `setConsent`: what needs no standards is done here (an identical decision
 * posts nothing; `out` and `pending` apply at once, even when the add-on cannot load); the rest
 * (checking the value, the `privacy/set-consent` request) comes from the consent add-on
 * `edge-collector.consent.min.js`, loaded on the first `in`, `out` or `{ consent: [...] }` to post.
 */
export function loadConsentCommand(scriptSrc: string | undefined): typeof createConsentCommand {
  return (collaborators) => {
    // The browser's delivery always remembers (localStorage, or this page when storage is refused).
    const { delivery, remember } = collaborators as Required<typeof collaborators>;
    let setConsent: ((value: unknown) => Promise<void>) | undefined;
    return async (value) => {
      if (JSON.stringify(value) === remember(CONSENT_SENT)) return;
      if (value === 'pending') {
        remember(CONSENT_SENT, '');
        return delivery.setConsent(value);
      }
      // A failure to store it is reported by the add-on's command, which applies it again; without
      // the add-on, by this one: an opt-out that holds for this page only says so (`storage`).
      let unstored: unknown;
      if (value === 'out')
        unstored = await delivery.setConsent(value).then(
          () => 0,
          (error) => error,
        );
      try {
        setConsent ??= (await loadAddOn<typeof createConsentCommand>(scriptSrc, 'consent'))(collaborators);
      } catch (error) {
        throw unstored || error;
      }
      return setConsent(value);
    };
  };
}
