import { describe, expect, it, vi } from 'vitest';
import type { OnBeforeEventSend } from '../../../src/core/CollectorConfig';
import { resolveConfig } from '../../../src/core/resolveConfig';
import { createCollector } from '../../../src/core/createCollector';
import type { InteractRequest } from '../../../src/core/InteractRequest';
import { recordingPlatform } from './recordingPlatform';

const ID = '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b';

/** A collector whose transport records requests and answers each one with an empty handle. */
function setup(onBeforeEventSend: OnBeforeEventSend, debug = true) {
  const { platform, sent, logs } = recordingPlatform();
  const config = resolveConfig({ datastreamId: ID, debug, onBeforeEventSend });
  return { collector: createCollector(config, platform), sent, logs };
}

const bodyOf = (request: InteractRequest | undefined) => JSON.parse(request!.body).event;

describe('onBeforeEventSend', () => {
  it('sees each event before it is queued and may change its XDM and data', async () => {
    const callback = vi.fn((content: { xdm: Record<string, unknown>; data?: Record<string, unknown> }) => {
      content.xdm.channel = { typeAtSource: 'web' };
      content.data = { ...content.data, fixed: true };
    });
    const { collector, sent } = setup(callback as OnBeforeEventSend);
    await collector.sendEvent({ eventType: 'commerce.productViews', data: { sku: 'A-1' } });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]![0].xdm.eventType).toBe('commerce.productViews');
    const event = bodyOf(sent[0]);
    expect(event.xdm.channel).toEqual({ typeAtSource: 'web' });
    expect(event.data).toEqual({ sku: 'A-1', fixed: true });
  });

  it('cancels the event when it returns false: nothing is sent and the send resolves', async () => {
    const { collector, sent } = setup((content) => content.xdm.eventType !== 'ignored.event' && undefined);
    await expect(collector.sendEvent({ eventType: 'ignored.event' })).resolves.toMatchObject({
      requestId: '',
      handle: [],
    });
    await collector.sendEvent({ eventType: 'kept.event' });
    expect(sent.map((request) => bodyOf(request).xdm.eventType)).toEqual(['kept.event']);
  });

  it('sends the event as built, and logs, when the callback throws half-way', async () => {
    const { collector, sent, logs } = setup((content) => {
      content.xdm.eventType = 'half.changed';
      throw new Error('typo in the rule');
    });
    await collector.sendPageView({ name: 'home' });
    expect(bodyOf(sent[0]).xdm.eventType).toBe('web.webpagedetails.pageViews');
    expect(logs).toContainEqual(['onBeforeEventSend threw', new Error('typo in the rule')]);
  });

  it('cannot put a plain e-mail address on the wire: the guard runs after it', async () => {
    const { collector, sent } = setup((content) => {
      content.data = { contact: 'Ada.Lovelace@Example.com' };
    });
    const result = await collector.sendEvent({ eventType: 'x.y' });
    expect(sent[0]!.body.toLowerCase()).not.toContain('ada.lovelace@example.com');
    expect(bodyOf(sent[0]).data.contact).toBe('[redacted-email]');
    expect(result.requestId).not.toBe('');
  });

  it('never sees a plain address either', async () => {
    let seen = '';
    const { collector } = setup((content) => {
      seen = JSON.stringify(content);
    });
    await collector.sendPageView({ url: 'https://shop.example/thanks?email=ada@example.com' });
    expect(seen).not.toContain('ada@example.com');
  });
});
