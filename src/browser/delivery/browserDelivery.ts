import type { DeliveryPlatform } from '../../core/delivery/createDelivery';
import type { Platform } from '../../core/createCollector';
import { createClaims } from './createClaims';
import { openQueueStore } from './openQueueStore';
import { rememberLocally } from './rememberLocally';
import { stateCookies } from './stateCookies';

/**
 * The browser's side of delivery for one datastream: the persistent queue, cross-tab claims,
 * `navigator.onLine`, remembered consent and identity, state cookies, and the page events that
 * resume sending (`online`) or flush the queue (`pagehide`, `visibilitychange` to hidden).
 * Everything is namespaced `edge-collector:{datastreamId}`.
 */
export function browserDelivery(
  datastreamId: string,
): Omit<DeliveryPlatform, 'transport'> & Pick<Platform, 'attach'> {
  const namespace = `edge-collector:${datastreamId}`;
  const remember = rememberLocally(namespace);
  const claims = createClaims(namespace);
  return {
    store: openQueueStore(namespace),
    claim: claims.claim,
    release: claims.release,
    online: () => navigator.onLine !== false,
    remember,
    ...stateCookies(remember),
    attach(delivery) {
      addEventListener('online', delivery.wake);
      addEventListener('pagehide', () => {
        delivery.flush();
        claims.releaseAll();
      });
      document.addEventListener(
        'visibilitychange',
        () => document.visibilityState === 'hidden' && delivery.flush(),
      );
    },
  };
}
