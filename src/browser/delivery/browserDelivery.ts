import type { Platform } from '../../core/createCollector';
import { createOwnership } from './createOwnership';
import { localStorageStore } from './localStorageStore';
import { rememberLocally } from './rememberLocally';
import type { PageTabs, TabsFactory } from './siteTabs';
import { stateCookies } from './stateCookies';
import type { StateWriter } from './writeStateCookies';
import { noop } from '../../core/noop';

/**
 * The browser's side of delivery for one datastream: the persistent queue, cross-tab ownership,
 * `navigator.onLine`, remembered consent and identity, state cookies, and the page events that
 * resume sending (`online`) or store what is undelivered (`pagehide`, `visibilitychange` to
 * hidden), and another tab's change of consent (`storage`). `tabs` makes the cross-tab code
 * (siteTabs.ts: ownership and the site's queue bounds), once first needed; `writeState` writes state cookies
 * (writeStateCookies.ts). The standalone script passes loaders of its add-ons for both.
 * Everything is namespaced `edge-collector:{datastreamId}`.
 */
export function browserDelivery(
  datastreamId: string,
  tabs: TabsFactory,
  writeState: StateWriter,
): Omit<Platform, 'transport' | 'snapshot'> {
  const namespace = `edge-collector:${datastreamId}`;
  const remember = rememberLocally(namespace);
  let made: Promise<PageTabs> | undefined;
  // Made once, for the ownership (a first write, or leftovers) and for the store (reading a stored
  // queue, bounding a kept request). Where it cannot load, nothing is adopted nor bounded.
  const make = (_: string, id: string) => (made ||= tabs(namespace, id));
  const ownership = createOwnership(namespace, make);
  return {
    store: localStorageStore(namespace, () => make(namespace, ownership.id)),
    ownership,
    online: () => navigator.onLine !== false,
    remember,
    ...stateCookies(remember, writeState),
    attach(delivery) {
      addEventListener('online', () => delivery.wake());
      // Shown again from the back/forward cache: it is not leaving any more.
      addEventListener('pageshow', () => delivery.wake(true));
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
