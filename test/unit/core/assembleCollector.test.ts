import { describe, expect, it } from 'vitest';
import { assembleCollector } from '../../../src/core/assembleCollector';
import { resolveConfig } from '../../../src/core/resolveConfig';
import type { EmailHasher } from '../../../src/core/createCollector';
import { hashEmail } from '../../../src/core/hashEmail';
import { recordingPlatform } from './recordingPlatform';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';
const DIGEST = 'e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f';

/** A collector whose hasher answers when the test says (as WebCrypto answers in a later task). */
function withSlowHasher() {
  const recorded = recordingPlatform();
  const pending: Array<() => void> = [];
  const hashEmailLater: EmailHasher = (value) =>
    new Promise((resolve) => pending.push(() => resolve(hashEmail(value))));
  const collector = assembleCollector(resolveConfig({ datastreamId: ID }), {
    ...recorded.platform,
    hashEmail: hashEmailLater,
  });
  const eventTypes = () => recorded.sent.map((request) => JSON.parse(request.body).event.xdm.eventType);
  return { collector, sent: recorded.sent, pending, eventTypes };
}

describe('assembleCollector with a hasher that answers later (the standalone script: WebCrypto)', () => {
  it('issues sends in the order called: a send without an address waits for the one hashing before it', async () => {
    const { collector, pending, eventTypes } = withSlowHasher();
    const first = collector.sendEvent({ eventType: 'first', email: 'Ada.Lovelace@Example.com' });
    const second = collector.sendEvent({ eventType: 'second' });
    const third = collector.sendEvent({ eventType: 'third', email: 'grace@example.org' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(eventTypes()).toEqual([]);
    // The third's digest arrives first: it still waits for the first.
    pending[1]!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(eventTypes()).toEqual([]);
    pending[0]!();
    await Promise.all([first, second, third]);
    expect(eventTypes()).toEqual(['first', 'second', 'third']);
  });

  it('sends the digest, never the address, and goes back to sending in the task of the call', async () => {
    const { collector, pending, sent, eventTypes } = withSlowHasher();
    const hashed = collector.sendPageView({ email: 'Ada.Lovelace@Example.com' });
    pending[0]!();
    await hashed;
    expect(JSON.parse(sent[0]!.body).event.xdm.identityMap.Email_LC_SHA256[0].id).toBe(DIGEST);
    expect(sent[0]!.body).not.toContain('Lovelace');
    void collector.sendEvent({ eventType: 'plain' });
    // Nothing was waiting: issued before the call returned.
    expect(eventTypes()).toEqual(['web.webpagedetails.pageViews', 'plain']);
  });

  it('does not hold up later sends behind one that failed', async () => {
    const { collector, pending, eventTypes } = withSlowHasher();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const failing = collector.sendEvent({ eventType: 'bad', email: 'ada@example.com', xdm: circular });
    const after = collector.sendEvent({ eventType: 'after' });
    pending[0]!();
    await expect(failing).rejects.toMatchObject({ code: 'invalid-options' });
    await after;
    expect(eventTypes()).toEqual(['after']);
  });
});
