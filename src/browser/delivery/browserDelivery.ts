import type { Platform } from '../../core/createCollector';
import { createOwnership, type OwnershipFactory } from './createOwnership';
import { localStorageStore } from './localStorageStore';
import { rememberLocally } from './rememberLocally';
import { stateCookies } from './stateCookies';
import type { StateWriter } from './writeStateCookies';

const noop = () => {};

/**
 * The browser's side of delivery for one datastream: the persistent queue, cross-tab ownership,
 * `navigator.onLine`, remembered consent and identity, state cookies, and the page events that
 * resume sending (`online`) or store what is undelivered (`pagehide`, `visibilitychange` to
 * hidden), and another tab's change of consent (`storage`). `tabs` makes the cross-tab
 * ownership (tabOwnership.ts), when first needed; `writeState` writes state cookies
 * (writeStateCookies.ts). The standalone script passes loaders of its add-ons for both.
 * Everything is namespaced `edge-collector:{datastreamId}`.
 */
export function browserDelivery(
  datastreamId: string,
  tabs: OwnershipFactory,
  writeState: StateWriter,
): Omit<Platform, 'transport' | 'snapshot'> {
  const namespace = `edge-collector:${datastreamId}`;
  const remember = rememberLocally(namespace);
  const ownership = createOwnership(namespace, tabs);
  return {
    store: localStorageStore(namespace),
    ownership,
    online: () => navigator.onLine !== false,
    remember,
    ...stateCookies(remember, writeState),
    attach(delivery) {
      addEventListener('online', delivery.wake);
      // Shown again from the back/forward cache: it is not leaving any more.
      addEventListener('pageshow', delivery.wake);
      addEventListener('pagehide', () => {
        delivery.flush(true);
        ownership.releaseAll();
      });
      document.addEventListener('visibilitychange', () => document.hidden && delivery.flush());
      // Consent is one decision per site: another tab's change applies here at once (the event
      // fires in every other tab of the origin), to events and streamed records alike.
      addEventListener('storage', ({ key, newValue }) => {
        if (key === namespace + ':consent' && newValue) delivery.setConsent(newValue).catch(noop);
      });
    },
  };
}
